// markdown-it plugin: renders an included demo (see demo-include.mjs) as a live
// cell — the highlighted code plus an output panel. The browser runtime
// (slides/runtime/) adds the controls and runs the code. Without it — in the
// PDF, in VS Code's preview, with JavaScript off — the panel shows the output
// recorded from a CPython run of the demo (deckkit/recording.py), with its timeline.
import { readFileSync } from 'node:fs'
import path from 'node:path'

function readRecording(recordingsDir, name) {
  if (!recordingsDir) return null
  try {
    return JSON.parse(readFileSync(path.join(recordingsDir, `${name}.json`), 'utf8'))
  } catch {
    return null
  }
}

function recordedPanel(md, recording, caption) {
  const escape = md.utils.escapeHtml
  // [stream, text] pairs, interleaved as the demo printed them (a warning before the 42 it precedes).
  const lines = recording.output.map(([stream, text]) => `<span class="line ${stream}">${escape(text)}\n</span>`).join('')
  const seconds = `${recording.elapsed.toFixed(2)} s`
  return (
    `<div class="cell-recorded" data-role="recorded">` +
    `<div class="cell-recorded-caption">${escape(caption(recording.python, seconds))}</div>` +
    `<pre class="cell-output">${lines}</pre>` +
    (recording.timeline ? `<div class="cell-timeline">${recording.timeline}</div>` : '') +
    `</div>`
  )
}

export default function liveCell(md, { recordingsDir, requireRecordings = false, caption } = {}) {
  const fence = md.renderer.rules.fence
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx]
    const demo = token.meta?.demo
    if (!demo) return fence(tokens, idx, options, env, self)

    const code = fence(tokens, idx, options, env, self).replace(
      /^<pre([^>]*)>/,
      '<pre$1 class="cell-code" data-role="code">',
    )
    const name = md.utils.escapeHtml(demo.name)
    const recording = readRecording(recordingsDir, demo.name)
    const lang = md.marpit?.lastGlobalDirectives?.lang ?? 'en'
    if (!recording && requireRecordings) {
      throw new Error(`no recorded output for demo "${demo.name}" in ${recordingsDir} (run the recording first)`)
    }
    const keep = /(?:^|\s)keep(?=\s|$)/.test(token.info) ? ' data-namespace="keep"' : ''
    return (
      `<div class="live-cell" data-demo="${name}" data-demo-file="${md.utils.escapeHtml(demo.file)}"${keep}>` +
      code +
      `<div class="cell-side">` +
      `<pre class="cell-output cell-live-output" data-role="output" aria-live="polite"></pre>` +
      (recording ? recordedPanel(md, recording, (python, seconds) => caption(python, seconds, lang)) : '') +
      `</div></div>\n`
    )
  }
}
