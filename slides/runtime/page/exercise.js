// An exercise cell (.live-cell[data-exercise], slides/engine/exercise-include.mjs): its runs are graded
// in the worker (grader.py) and the verdict shows under the output and the timeline — data-verdict="pass|fail"
// and data-verdict-key (the message's key, e.g. "blocked") on the cell, the message in [data-role=verdict].
// Hint shows the next hint under the code, below the ones shown before (data-hints-shown counts them);
// Solution puts the solution into the cell (the learner still runs it). The toolbar spans the cell: its
// buttons need the width of both columns to stay on one row.
// How many hints are shown and whether the solution was put in are the cell's state in every window of
// the deck (cell-sync.js): cell.exercise, and the cell:exercise event when they change here.

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
  root.querySelector('.cell-side').append(verdict)
  root.prepend(root.querySelector('.cell-toolbar'))
  const clear = () => {
    delete root.dataset.verdict
    delete root.dataset.verdictKey
    verdict.textContent = ''
  }

  // Hints are progressive: each click shows the next one (each says more than the one before) under
  // those shown so far, which stay readable. The list scrolls when they outgrow its room: the newest
  // is brought to its top.
  const hintList = root.querySelector('[data-role=hints]')
  const hintButton = cell.addButton('hint', text.hint)
  const solutionButton = cell.addButton('solution', `✓ ${text.solution}`, text.solutionHint)
  const state = { hints: 0, solution: false }
  const show = () => {
    hints.forEach((hint, i) => (hint.hidden = i >= state.hints))
    if (state.hints) hintList.scrollTop = hints[state.hints - 1].offsetTop - hints[0].offsetTop
    hintButton.textContent = `${text.hint} ${state.hints}/${hints.length}`
    hintButton.disabled = state.hints === hints.length
    root.dataset.hintsShown = String(state.hints)
    solutionButton.setAttribute('aria-pressed', String(state.solution))
    if (state.solution) root.dataset.solutionShown = ''
    else delete root.dataset.solutionShown
  }
  /** @param {{hints?: number, solution?: boolean}} change */
  const change = ({ hints: count = state.hints, solution = state.solution }) => {
    if (count === state.hints && solution === state.solution) return
    Object.assign(state, { hints: Math.min(count, hints.length), solution })
    show()
    root.dispatchEvent(new CustomEvent('cell:exercise', { detail: { ...state } }))
  }
  cell.exercise = {
    get state() {
      return { ...state }
    },
    /** Show this state (another window's): no cell:exercise event. */
    restore({ hints: count, solution }) {
      Object.assign(state, { hints: Math.min(count, hints.length), solution })
      show()
    },
  }
  hintButton.addEventListener('click', () => change({ hints: state.hints + 1 }))
  solutionButton.addEventListener('click', () => {
    cell.setCode(spec.solution)
    change({ solution: true })
  })
  show()

  root.addEventListener('cell:run', clear)
  root.addEventListener('cell:reset', () => {
    clear()
    change({ solution: false }) // the starter is back; the hints read stay shown
  })
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
