// marp-cli configuration shared by `invoke build`, `invoke pdf` and the tests.
// One engine plugin per file in slides/engine/, as marp-cli's own engine does.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import demoInclude from './engine/demo-include.mjs'
import liveCell from './engine/live-cell.mjs'
import exerciseInclude from './engine/exercise-include.mjs'
import lineSteps from './engine/line-steps.mjs'
import runtimeScript from './engine/runtime-script.mjs'

const slidesDir = path.dirname(fileURLToPath(import.meta.url))
const demosDir = path.join(slidesDir, '..', 'demos')
// `invoke pdf` sets DECK_PRINT=1: printed decks carry no runtime, and every cell
// shows its recorded CPython output (deckkit/recording.py writes build/recordings/).
const forPrint = process.env.DECK_PRINT === '1'
const recordingsDir = process.env.DECK_RECORDINGS || path.join(slidesDir, '..', 'build', 'recordings')

// The caption over a recorded output, in the deck's language.
const caption = (python, seconds, lang) =>
  lang.startsWith('ko') ? `CPython ${python}에서 기록한 출력 · ${seconds}` : `Recorded with CPython ${python} · ${seconds}`

export default {
  themeSet: [path.join(slidesDir, 'theme')],
  html: true,
  allowLocalFiles: true,
  engine: ({ marp }) => {
    marp
      .use(demoInclude, { demosDir })
      .use(liveCell, { recordingsDir, requireRecordings: forPrint, caption })
      .use(exerciseInclude, { print: forPrint })
      .use(lineSteps)
    return forPrint ? marp : runtimeScript(marp, { src: 'runtime/deck.js' })
  },
}
