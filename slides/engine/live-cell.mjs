// markdown-it plugin: renders an included demo (see demo-include.mjs) as a live
// cell — the highlighted code plus an output panel. The browser runtime
// (slides/runtime/) adds the controls; without it the cell is a plain code block.
export default function liveCell(md) {
  const fence = md.renderer.rules.fence
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx]
    const demo = token.meta?.demo
    if (!demo) return fence(tokens, idx, options, env, self)

    const code = fence(tokens, idx, options, env, self)
      .replace(/^<pre([^>]*)>/, '<pre$1 class="cell-code" data-role="code">')
    const name = md.utils.escapeHtml(demo.name)
    return (
      `<div class="live-cell" data-demo="${name}" data-demo-file="${md.utils.escapeHtml(demo.file)}">` +
      code +
      `<div class="cell-side"><pre class="cell-output" data-role="output" aria-live="polite"></pre></div>` +
      `</div>\n`
    )
  }
}
