// Stepped line highlighting: follows Marp's fragment steps (the arrow keys) and
// highlights the lines of the latest active step in the cell's editor.
// The markers come from slides/engine/line-steps.mjs.

export function followLineSteps(cell) {
  const section = cell.root.closest('section')
  const steps = [...(section?.querySelectorAll(`.line-step[data-for="${cell.name}"]`) ?? [])]
  if (!steps.length) return
  cell.root.dataset.lineSteps = String(steps.length)
  const update = () => {
    const active = steps.filter((step) => step.dataset.bespokeMarpFragment === 'active').pop()
    const lines = active ? active.dataset.lines.split(' ').map(Number) : []
    cell.highlightLines(lines)
    cell.root.dataset.activeStep = active ? active.dataset.step : '0'
  }
  const observer = new MutationObserver(update)
  for (const step of steps) observer.observe(step, { attributes: true, attributeFilter: ['data-bespoke-marp-fragment'] })
  update()
}
