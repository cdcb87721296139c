// An exercise cell (.live-cell[data-exercise], slides/engine/exercise-include.mjs): its runs are graded
// in the worker (grader.py) and the verdict shows under the output — data-verdict="pass|fail" and
// data-verdict-key (the message's key, e.g. "blocked") on the cell, the message in [data-role=verdict].
// Hint shows the next hint (data-hints-shown counts them); Solution puts the solution into the cell (the
// learner still runs it).

import { say } from './say.js'

export function attachExercise(cell, text) {
  const root = cell.root
  const specElement = root.querySelector('script[data-role=exercise-spec]')
  if (!root.dataset.exercise || !specElement) return
  const spec = JSON.parse(specElement.textContent)
  const hints = [...root.querySelectorAll('[data-role=hints] li')]
  cell.request = { ...cell.request, grader: { check: spec.check, messages: spec.messages } }

  const verdict = document.createElement('div')
  verdict.className = 'exercise-verdict'
  verdict.dataset.role = 'verdict'
  verdict.setAttribute('aria-live', 'polite')
  root.querySelector('[data-role=hints]').before(verdict)
  const clear = () => {
    delete root.dataset.verdict
    delete root.dataset.verdictKey
    verdict.textContent = ''
  }

  // Hints are progressive: each click shows the next one in place of the last (the slide has room for
  // one beside the output and the timeline; each hint says more than the one before).
  const hintButton = cell.addButton('hint', text.hint)
  let shown = 0
  const showHint = () => {
    hints.forEach((hint, i) => (hint.hidden = i !== shown - 1))
    hintButton.textContent = `${text.hint} ${shown}/${hints.length}`
    hintButton.disabled = shown === hints.length
    root.dataset.hintsShown = String(shown)
  }
  hintButton.addEventListener('click', () => {
    shown = Math.min(shown + 1, hints.length)
    showHint()
  })
  showHint()
  cell.addButton('solution', `✓ ${text.solution}`, text.solutionHint).addEventListener('click', () => {
    cell.setCode(spec.solution)
  })

  root.addEventListener('cell:run', clear)
  root.addEventListener('cell:reset', clear)
  root.addEventListener('cell:done', ({ detail }) => {
    if (!detail?.verdict) return
    root.dataset.verdict = detail.verdict.verdict
    root.dataset.verdictKey = detail.verdict.key
    // The exercise's message; where it cannot say (a check that raised…), a label and its args.
    const { message, key, args } = detail.verdict
    verdict.textContent = `${detail.verdict.verdict === 'pass' ? '✔' : '✘'} ${message ?? say(text.verdicts, key, args)}`
    const output = root.querySelector('[data-role=output]')
    output.scrollTop = output.scrollHeight // the verdict took room: keep the last lines in view
  })
}
