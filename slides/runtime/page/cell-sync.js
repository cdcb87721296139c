// Keeps a deck's live cells the same in every window of the deck (with shared-pool.js):
// an edit or a Reset goes out on the deck's channel and is applied in the other windows;
// a run started in another window plays here too; a window that opens (a presenter view,
// reopened) is welcomed by the leading window with every cell as it stands: code, output, timeline,
// elapsed time, state, the last run's outcome (an exercise's verdict), a read waiting for the keyboard —
// and follows a run still going.
// The messages: ../shared/protocol.js.
import { toWindows } from '../shared/protocol.js'

/** @typedef {import('../shared/protocol.js').CellView} CellView */
/** @typedef {import('../shared/protocol.js').EditMessage} EditMessage */
/** @typedef {import('../shared/protocol.js').ResetMessage} ResetMessage */
/** @typedef {import('../shared/protocol.js').ExerciseMessage} ExerciseMessage */
/** @typedef {import('../shared/protocol.js').ExerciseState} ExerciseState */
/** @typedef {import('./live-cell.js').LiveCell} LiveCell */
/** @typedef {import('./shared-pool.js').SharedPool} SharedPool */

const ACTIVE = ['running', 'queued']

/**
 * @param {LiveCell} cell
 * @param {SharedPool} pool
 * @returns {CellView}
 */
function viewOf(cell, pool) {
  /** @type {[string, string][]} */
  const lines = [...cell.output.querySelectorAll(':scope > .line')].map((line) => [
    line.classList[1],
    (line.textContent ?? '').replace(/\n$/, ''),
  ])
  const run = pool.runOf(cell.name)
  return {
    name: cell.name,
    code: cell.code,
    state: cell.state,
    lines: lines.concat(cell.pending),
    svg: cell.timeline.innerHTML,
    elapsedMs: cell.elapsed.dataset.elapsedMs ?? null,
    mode: cell.root.dataset.mode,
    result: cell.result, // with an exercise's verdict
    exercise: cell.exercise?.state ?? null, // hints shown, solution put in
    run: run && { runId: run.runId, startedAgoMs: run.started ? Date.now() - run.startedAt : null },
    read: run ? cell.read : null, // a read of sys.stdin waiting: the window that opens shows its field too
  }
}

/**
 * @param {LiveCell[]} cells
 * @param {SharedPool} pool
 */
export function syncCells(cells, pool) {
  const byName = new Map(cells.map((cell) => [cell.name, cell]))
  let applying = false // a change from another window is being applied: do not send it back
  /** @param {() => void} change */
  const apply = (change) => {
    applying = true
    try {
      change()
    } finally {
      applying = false
    }
  }
  const views = () => cells.map((cell) => viewOf(cell, pool))

  for (const cell of cells) {
    cell.root.addEventListener('cell:code', ({ detail: code }) => {
      if (!applying) pool.send(toWindows.edit(cell.name, code, pool.id))
    })
    cell.root.addEventListener('cell:reset', () => {
      if (!applying) pool.send(toWindows.reset(cell.name, pool.id))
    })
    cell.root.addEventListener('cell:exercise', (event) => {
      const { detail } = /** @type {CustomEvent<ExerciseState>} */ (event)
      if (!applying) pool.send(toWindows.exercise(cell.name, detail, pool.id))
    })
  }

  pool.addEventListener('follow', (event) => {
    const { runId, name } = /** @type {CustomEvent<{runId: string, name: string}>} */ (event).detail
    byName.get(name)?.play((callbacks) => pool.follow(runId, callbacks))
  })

  /** @param {CellView} view */
  const restore = (view) => {
    const cell = byName.get(view.name)
    if (cell && view.exercise) cell.exercise?.restore(view.exercise)
    if (!cell || ACTIVE.includes(cell.state)) return // already following its run
    apply(() => cell.restore(view))
    const { run } = view
    if (run) cell.play((callbacks) => pool.follow(run.runId, callbacks), { startedAgoMs: run.startedAgoMs })
  }

  pool.addEventListener('message', (event) => {
    const message = /** @type {CustomEvent<EditMessage|ResetMessage|ExerciseMessage>} */ (event).detail
    if (message.from === pool.id) return
    const cell = byName.get(message.name)
    if (!cell) return
    if (message.type === 'edit') apply(() => cell.setCode(message.code))
    else if (message.type === 'reset') apply(() => cell.reset())
    else if (message.type === 'exercise') cell.exercise?.restore(message)
  })
  pool.addEventListener('welcome', (event) => /** @type {CustomEvent<CellView[]>} */ (event).detail.forEach(restore))

  pool.open(views)
}
