// markdown-it plugin: an exercise ("직접 해보기" / "Your turn") on a slide.
//
//   ```python exercise=concurrent_say_after
//   ```
//
// The fence is filled with the exercise's starter (demos/exercises/<name>/starter.py) and becomes a
// live cell (live-cell.mjs) marked data-exercise, preceded by the task and followed by the hints, in the
// deck's language (deckkit/exercises.py). The cell carries its spec — solution, hints, the grader's
// check and messages — for the runtime (slides/runtime/exercise.js). In print (`print: true`) every
// hint shows, and a slide after it prints the solution with the output recorded from CPython.
import { deckLang, deckSources } from './deck-sources.mjs'

const EXERCISE_ATTR = /(?:^|\s)exercise=([A-Za-z_][A-Za-z0-9_]*)(?=\s|$)/
const SOLUTION_HEADING = { ko: (title) => `${title} — 풀이`, en: (title) => `${title} — solution` }

export class ExerciseIncludeError extends Error {}

function solutionSlide(state, token, spec, lang) {
  const Token = state.Token
  const hr = new Token('hr', 'hr', 0)
  hr.markup = '---'
  hr.block = true
  const open = new Token('heading_open', 'h2', 1)
  open.markup = '##'
  open.block = true
  const inline = new Token('inline', '', 0)
  const heading = (SOLUTION_HEADING[lang] ?? SOLUTION_HEADING.en)(spec.title)
  inline.content = heading
  const text = new Token('text', '', 0)
  text.content = heading
  inline.children = [text]
  const close = new Token('heading_close', 'h2', -1)
  close.markup = '##'
  close.block = true
  const fence = new Token('fence', 'code', 0)
  fence.info = 'python'
  fence.markup = '```'
  fence.block = true
  fence.map = token.map
  fence.content = spec.solution.replace(/\s+$/, '') + '\n'
  fence.meta = { demo: { name: `${spec.name}.solution`, file: spec.files.solution }, solutionOf: spec.name }
  return [hr, open, inline, close, fence]
}

export default function exerciseInclude(md, { print = false } = {}) {
  md.core.ruler.after('demo_include', 'exercise_include', (state) => {
    if (state.inlineMode) return
    let slide = 1
    let sources = null
    const lang = (deckLang(md) || 'ko').slice(0, 2)
    const tokens = []
    for (const token of state.tokens) {
      tokens.push(token)
      if (token.type === 'hr' && token.level === 0) slide += 1
      if (token.type !== 'fence') continue
      const name = EXERCISE_ATTR.exec(token.info || '')?.[1]
      if (!name) continue
      const where = `slide ${slide} (markdown line ${(token.map?.[0] ?? 0) + 1})`
      if (token.content.trim() !== '') {
        throw new ExerciseIncludeError(`${where}: the exercise fence for "${name}" must be empty; its code comes from demos/exercises/${name}/starter.py`)
      }
      sources ??= deckSources(lang)
      const spec = sources.exercises[name]
      if (!spec) throw new ExerciseIncludeError(`${where}: no exercise "${name}" in demos/exercises/`)
      token.content = spec.starter.replace(/\s+$/, '') + '\n'
      token.meta = { ...token.meta, demo: { name, file: spec.files.starter }, exercise: spec }
      if (print) tokens.push(...solutionSlide(state, token, spec, lang))
    }
    state.tokens = tokens
  })

  // Wraps the live cell's markup (live-cell.mjs renders the fence first).
  const fence = md.renderer.rules.fence
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const html = fence(tokens, idx, options, env, self)
    const spec = tokens[idx].meta?.exercise
    if (!spec) {
      return tokens[idx].meta?.solutionOf ? html.replace('<div class="live-cell"', '<div class="live-cell solution-cell"') : html
    }
    const escape = md.utils.escapeHtml
    const name = escape(spec.name)
    const hints = spec.hints.map((hint, i) => `<li value="${i + 1}" data-hint="${i + 1}"${print ? '' : ' hidden'}>${md.renderInline(hint)}</li>`).join('')
    // Everything the runtime needs; "<" escaped so no text inside can close the script element.
    const json = JSON.stringify({ solution: spec.solution, hints: spec.hints.length, check: spec.check, messages: spec.messages })
      .replace(/</g, '\\u003c')
    // The hints go under the code, with it in one column (live-cell.mjs renders the code as the cell's
    // first <pre>): the theme gives them the room the code leaves, or sets them beside it in print.
    const cell = html
      .replace('<div class="live-cell"', `<div class="live-cell exercise-cell" data-exercise="${name}"`)
      .replace(
        /<pre[^>]*class="cell-code"[\s\S]*?<\/pre>/,
        (code) => `<div class="exercise-code">${code}<ol class="exercise-hints" data-role="hints">${hints}</ol></div>`,
      )
      .replace(/<\/div>\n?$/, `<script type="application/json" data-role="exercise-spec">${json}</script></div>\n`)
    return `<p class="exercise-task">${md.renderInline(spec.task)}</p>` + cell
  }
}
