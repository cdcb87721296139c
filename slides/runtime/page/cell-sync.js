// Keeps a deck's live cells the same in every window of the deck (with shared-pool.js):
// an edit or a Reset goes out on the deck's channel and is applied in the other windows;
// a run started in another window plays here too; a window that opens (a presenter view,
// reopened) asks the leading window for every cell as it stands: code, output, timeline,
// elapsed time, state, the last run's result (an exercise's verdict) — and follows a run still going.

const ACTIVE = ['running', 'queued']

function viewOf(cell, pool) {
  const lines = [...cell.output.children].map((line) => [line.classList[1], line.textContent.replace(/\n$/, '')])
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
    run: run && { runId: run.runId, startedAgoMs: run.started ? Date.now() - run.startedAt : null },
  }
}

export function syncCells(cells, pool, { leadsFromStart }) {
  const byName = new Map(cells.map((cell) => [cell.name, cell]))
  let applying = false // a change from another window is being applied: do not send it back
  let restored = false
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
      if (!applying) pool.send({ type: 'edit', name: cell.name, code, from: pool.id })
    })
    cell.root.addEventListener('cell:reset', () => {
      if (!applying) pool.send({ type: 'reset', name: cell.name, from: pool.id })
    })
  }

  pool.addEventListener('follow', ({ detail: { runId, name } }) => {
    byName.get(name)?.play((callbacks) => pool.follow(runId, callbacks))
  })

  const restore = (view) => {
    const cell = byName.get(view.name)
    if (!cell || ACTIVE.includes(cell.state)) return // already following its run
    apply(() => cell.restore(view))
    if (view.run) cell.play((callbacks) => pool.follow(view.run.runId, callbacks), { startedAgoMs: view.run.startedAgoMs })
  }

  pool.addEventListener('message', ({ detail: message }) => {
    if (message.from === pool.id) return
    const cell = byName.get(message.name)
    if (message.type === 'edit' && cell) apply(() => cell.setCode(message.code))
    else if (message.type === 'reset' && cell) apply(() => cell.reset())
    else if (message.type === 'cells?' && pool.leader) pool.send({ type: 'cells', to: message.from, views: views(), from: pool.id })
    else if (message.type === 'cells' && (message.to === pool.id || (message.to === null && !restored))) {
      restored = true
      message.views.forEach(restore)
    }
  })

  pool.send({ type: 'cells?', from: pool.id })
  // A window that opened at the same time may have asked before this leader listened.
  leadsFromStart.then((leads) => leads && pool.send({ type: 'cells', to: null, views: views(), from: pool.id }))
}
