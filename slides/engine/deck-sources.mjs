// The code one deck shows, in its language: `python -m deckkit.sources --lang <lang>` (demos and
// exercises, the Korean comments translated for the English deck), asked once per language.
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

// The project this engine belongs to: its demos/ (a copy of the project has its own).
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const cache = new Map()

export class DeckSourcesError extends Error {}

/** {demos: {name: code}, exercises: {name: spec}} for the deck in `lang` (none: the files as written). */
export function deckSources(lang = 'ko') {
  const key = (lang || 'ko').slice(0, 2)
  if (!cache.has(key)) {
    try {
      // DECK_PYTHONPATH (set by deckkit/build.py): where deckkit is, when building a copy of the slides.
      const pythonPath = [process.env.DECK_PYTHONPATH, process.env.PYTHONPATH].filter(Boolean).join(path.delimiter)
      const args = ['-m', 'deckkit.sources', '--lang', key, '--demos', path.join(root, 'demos')]
      const json = execFileSync(process.env.DECK_PYTHON || 'python3', args, {
        cwd: root,
        env: { ...process.env, ...(pythonPath ? { PYTHONPATH: pythonPath } : {}) },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        maxBuffer: 16 * 1024 * 1024,
      })
      cache.set(key, JSON.parse(json))
    } catch (error) {
      throw new DeckSourcesError(String(error.stderr || error.message).trim())
    }
  }
  return cache.get(key)
}

/** The deck's language, from its `lang` directive (parsed once Marpit read the global directives). */
export function deckLang(md) {
  return md.marpit?.lastGlobalDirectives?.lang
}
