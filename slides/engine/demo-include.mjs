// markdown-it plugin: a fence whose info string names a demo is filled, at build
// time, with the code of demos/<name>.py — the file the test suite runs; in the
// English deck with its Korean comments translated (deck-sources.mjs).
//
//   ```python demo=say_after_sequential
//   ```
//
// A missing or unreadable demo fails the build, naming the slide and the file.
import path from 'node:path'
import { deckLang, deckSources } from './deck-sources.mjs'

const DEMO_ATTR = /(?:^|\s)demo=([A-Za-z_][A-Za-z0-9_]*)(?=\s|$)/

export class DemoIncludeError extends Error {}

/** Parse `demo=<name>` out of a fence info string; null when absent. */
export function demoName(info) {
  const match = DEMO_ATTR.exec(info || '')
  return match ? match[1] : null
}

export default function demoInclude(md, { demosDir }) {
  // After Marpit read the global directives: the deck's `lang` picks the comments' language.
  md.core.ruler.after('marpit_directives_global_parse', 'demo_include', (state) => {
    if (state.inlineMode) return
    let slide = 1
    let sources = null
    for (const token of state.tokens) {
      // Marpit splits slides on horizontal rules at the top level.
      if (token.type === 'hr' && token.level === 0) slide += 1
      if (token.type !== 'fence') continue
      const name = demoName(token.info)
      if (!name) continue

      const file = path.join(demosDir, `${name}.py`)
      const where = `slide ${slide} (markdown line ${(token.map?.[0] ?? 0) + 1})`
      if (token.content.trim() !== '') {
        throw new DemoIncludeError(
          `${where}: the demo fence for "${name}" must be empty; its code comes from ${path.relative(process.cwd(), file)}`,
        )
      }
      sources ??= deckSources(deckLang(md))
      const code = sources.demos[name]
      if (code === undefined) {
        throw new DemoIncludeError(
          `${where}: cannot include demo "${name}": ${path.relative(process.cwd(), file)} (ENOENT)`,
        )
      }
      token.content = code.replace(/\s+$/, '') + '\n'
      token.meta = { ...token.meta, demo: { name, file: path.relative(process.cwd(), file) } }
    }
  })
}
