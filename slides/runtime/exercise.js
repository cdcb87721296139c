// An exercise cell (.live-cell[data-exercise], slides/engine/exercise-include.mjs): its runs are graded
// in the worker (grader.py) and the verdict shows under the output — data-verdict="pass|fail" on the
// cell, the message in [data-role=verdict]. Hint reveals the next hint; Solution puts the solution
// into the cell (the learner still runs it).

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
    verdict.textContent = ''
  }

  const hintButton = cell.addButton('hint', text.hint)
  const shown = () => hints.filter((hint) => !hint.hidden).length
  const showHintCount = () => {
    hintButton.textContent = `${text.hint} ${shown()}/${hints.length}`
    hintButton.disabled = shown() === hints.length
  }
  hintButton.addEventListener('click', () => {
    const next = hints.find((hint) => hint.hidden)
    if (next) next.hidden = false
    showHintCount()
    next?.parentElement.scrollTo({ top: next.parentElement.scrollHeight }) // the newest hint in view
  })
  showHintCount()
  cell.addButton('solution', `✓ ${text.solution}`, text.solutionHint).addEventListener('click', () => {
    cell.setCode(spec.solution)
  })

  root.addEventListener('cell:run', clear)
  root.addEventListener('cell:reset', clear)
  root.addEventListener('cell:done', ({ detail }) => {
    if (!detail?.verdict) return
    root.dataset.verdict = detail.verdict.verdict
    verdict.textContent = `${detail.verdict.verdict === 'pass' ? '✔' : '✘'} ${detail.verdict.message}`
    const output = root.querySelector('[data-role=output]')
    output.scrollTop = output.scrollHeight // the verdict took room: keep the last lines in view
  })
}
