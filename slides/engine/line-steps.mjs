// markdown-it plugin: stepped line highlighting on a code block, Slidev-style.
//
//   ```python demo=say_after_sequential {9|10|9-10}
//   ```
//
// Each `|`-separated group becomes one Marp fragment, so the arrow keys walk the
// highlight through the groups, then move to the next slide. The steps render as
// empty markers; the runtime (slides/runtime/line-steps.js) highlights the lines
// of the active step. Without the runtime (PDF, VS Code preview) the code block
// stays a plain code block.
const STEPS = /\{([\d\s,|-]+)\}/

/** Parse `{9|10|9-10}` into [[9], [10], [9, 10]]; null when absent. */
export function parseSteps(info) {
  const match = STEPS.exec(info || '')
  if (!match) return null
  return match[1].split('|').map((group) =>
    group.split(',').flatMap((part) => {
      const [from, to = from] = part.trim().split('-').map(Number)
      if (!Number.isInteger(from) || !Number.isInteger(to) || to < from) {
        throw new Error(`line steps {${match[1]}}: "${part.trim()}" is not a line or a range`)
      }
      return Array.from({ length: to - from + 1 }, (_, i) => from + i)
    }),
  )
}

export default function lineSteps(md) {
  md.core.ruler.after('marpit_fragment', 'line_steps', (state) => {
    if (state.inlineMode) return
    const tokens = []
    for (const token of state.tokens) {
      tokens.push(token)
      if (token.type !== 'fence') continue
      const steps = parseSteps(token.info)
      if (!steps) continue
      const owner = token.meta?.demo?.name ?? ''
      steps.forEach((lines, index) => {
        const step = new state.Token('line_step', 'span', 0)
        step.attrSet('class', 'line-step')
        step.attrSet('data-for', owner)
        step.attrSet('data-step', String(index + 1))
        step.attrSet('data-lines', lines.join(' '))
        step.meta = { marpitFragment: true } // numbered by Marpit's marpit_apply_fragment
        tokens.push(step)
      })
    }
    state.tokens = tokens
  })
  md.renderer.rules.line_step = (tokens, idx, options, env, self) =>
    `<span${self.renderAttrs(tokens[idx])} hidden></span>`
}
