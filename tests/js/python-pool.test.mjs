// When the pool restores interpreters (slides/runtime/page/python-pool.js), without a browser (run by
// tests/test_runtime_js.py): its workers are fakes that restore in a set time and run a cell in another,
// on a clock of the test's own — timers, animation frames and performance.now() — so that a schedule of
// clicks plays out the same on any machine. The browser tests (test_live_cells.py) time real workers.
import { test } from 'node:test'
import assert from 'node:assert/strict'

const FRAME_MS = 1000 / 60

// The clock: timers and frames run in time order; each one's promise callbacks run before the next.
const clock = {
  now: 0,
  seq: 0,
  /** @type {{at: number, seq: number, fn: () => void, id: number}[]} */
  due: [],
  frames: true, // false: a hidden page, which draws no frame
  add(at, fn) {
    const timer = { at, seq: clock.seq++, fn, id: clock.seq }
    clock.due.push(timer)
    return timer.id
  },
  async runUntil(until) {
    for (;;) {
      await flush()
      clock.due.sort((a, b) => a.at - b.at || a.seq - b.seq)
      const next = clock.due[0]
      if (!next || next.at > until) break
      clock.due.shift()
      clock.now = Math.max(clock.now, next.at)
      next.fn()
    }
    clock.now = until
    await flush()
  },
}
const realSetImmediate = setImmediate
const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => realSetImmediate(resolve))
}
globalThis.setTimeout = (fn, ms = 0) => clock.add(clock.now + Math.max(0, ms), fn)
globalThis.clearTimeout = (id) => (clock.due = clock.due.filter((timer) => timer.id !== id))
globalThis.requestAnimationFrame = (fn) =>
  clock.frames ? clock.add((Math.floor(clock.now / FRAME_MS) + 1) * FRAME_MS, () => fn(clock.now)) : 0
Object.defineProperty(globalThis, 'performance', { value: { now: () => clock.now }, configurable: true })
globalThis.window = { __liveDeckEarlyWorker: null }
globalThis.localStorage = { getItem: () => null, setItem: () => {} }
globalThis.fetch = async () => ({ ok: false }) // no bytecode of the build's

// A worker that restores in `restoreMs`, then runs each cell: its first line `firstLineMs` after the run is
// posted, its end `runMs` after. The log says when each was asked for, posted a run, terminated.
const world = { restoreMs: 250, firstLineMs: 5, runMs: 30, log: [] }
class FakeWorker {
  constructor(url) {
    this.id = world.log.filter(([kind]) => kind === 'spawn').length + 1
    this.onmessage = null
    this.onerror = null
    this.terminated = false
    world.log.push(['spawn', clock.now, this.id])
    setTimeout(() => {
      world.log.push(['ready', clock.now, this.id])
      this.#send({ type: 'ready', bootMs: world.restoreMs, mode: 'jspi', python: '3.14.2', boot: 'snapshot', snapshot: 'kept',
        marks: {} })
    }, world.restoreMs)
  }
  #send(data) {
    if (!this.terminated) this.onmessage?.({ data })
  }
  postMessage(message) {
    if (message.type !== 'run') return
    world.log.push(['run', clock.now, this.id])
    const { runId } = message
    setTimeout(() => this.#send({ type: 'output', runId, line: { stream: 'stdout', text: 'first line' } }), world.firstLineMs)
    setTimeout(() => this.#send({ type: 'done', runId, outcome: { status: 0, elapsedMs: world.runMs, mode: 'jspi' } }), world.runMs)
  }
  terminate() {
    this.terminated = true
    world.log.push(['terminate', clock.now, this.id])
  }
}
globalThis.Worker = FakeWorker
const { PythonPool } = await import('../../slides/runtime/page/python-pool.js')

/** A page whose pool has settled: three fresh interpreters, none restoring. */
async function settledPool(restoreMs = 250) {
  Object.assign(world, { restoreMs, log: [] })
  Object.assign(clock, { now: 0, due: [], frames: true })
  const pool = new PythonPool()
  await clock.runUntil(10_000)
  assert.ok(pool.settled, 'the pool did not settle')
  world.log = []
  clock.now = 0
  return pool
}

/** Run *name* at *at* ms; what the page saw of it: clicked, its first line drawn (the frame after it came). */
function clickAt(pool, at, name) {
  const seen = { name, clicked: at, line: null, outcome: null }
  clock.add(at, () => {
    pool.run({ code: "print('first line')", name }, {
      onOutput: () => requestAnimationFrame(() => (seen.line ??= clock.now)),
    }).then((outcome) => (seen.outcome = outcome))
  })
  return seen
}

const spawns = () => world.log.filter(([kind]) => kind === 'spawn').map(([, at]) => at)
/** [asked for, ready] of each interpreter restored since the pool settled. */
const restores = () => world.log.filter(([kind]) => kind === 'spawn')
  .map(([, at, id]) => [at, world.log.find(([kind, , which]) => kind === 'ready' && which === id)?.[1] ?? Infinity])
const postedAt = (n) => world.log.filter(([kind]) => kind === 'run')[n]?.[1]

/** The most interpreters held at a time since the pool settled (spawned and not terminated). */
function mostHeld(pool) {
  let held = pool.held
  let most = held
  for (const [kind] of [...world.log].reverse()) {
    if (kind === 'spawn') held -= 1
    if (kind === 'terminate') held += 1
    most = Math.max(most, held)
  }
  return most
}

/** Five cells, each Run pressed 0.3 s after the one before, a few ms into a frame. */
async function fiveCells(restoreMs) {
  const pool = await settledPool(restoreMs)
  const runs = ['a', 'b', 'c', 'd', 'e'].map((name, i) => clickAt(pool, i * 300 + 7, name))
  await clock.runUntil(3_000)
  runs.forEach((run, i) => {
    assert.equal(run.outcome?.status, 0, `run ${i + 1} did not end`)
    assert.equal(postedAt(i), run.clicked, `run ${i + 1} waited for an interpreter`)
    const early = spawns().filter((at) => at >= run.clicked && at < run.line)
    assert.deepEqual(early, [], `a restore started in run ${i + 1}'s first moments (clicked ${run.clicked}, line ${run.line})`)
  })
  assert.ok(mostHeld(pool) <= 3, `held ${mostHeld(pool)}`)
  assert.ok(pool.settled, 'the pool did not settle again')
  return runs
}

for (const restoreMs of [200, 270]) {
  test(`five cells run 0.3 s apart, restores quicker than that (${restoreMs} ms): no run starts while one restores`, async () => {
    const runs = await fiveCells(restoreMs)
    runs.forEach((run, i) => {
      const under = restores().filter(([from, to]) => from < run.line && to > run.clicked)
      assert.deepEqual(under, [], `run ${i + 1} (${run.clicked}–${run.line} ms) started while an interpreter restored`)
    })
  })
}

test('five cells run 0.3 s apart, restores slower than that: none waits for its interpreter', async () => {
  await fiveCells(400) // from the third run on, one restores as each starts: the next restores at once
})

test('a run on a settled page: its replacement restores a moment after it ends, not while it runs', async () => {
  const pool = await settledPool()
  const run = clickAt(pool, 0, 'a')
  await clock.runUntil(2_000)
  assert.equal(run.outcome?.status, 0)
  const [spawned] = spawns()
  assert.ok(spawned >= world.runMs + 300, `the replacement started at ${spawned} ms, the run ended at ${world.runMs}`)
  const [terminated] = world.log.filter(([kind]) => kind === 'terminate').map(([, at]) => at)
  assert.equal(terminated, spawned, 'the ended interpreter is terminated as its replacement starts')
})

test('Run → Stop → Run: the next run starts at once, and no restore starts before its first line', async () => {
  const pool = await settledPool()
  world.runMs = 60_000 // `while True: pass`
  const first = clickAt(pool, 0, 'a')
  clock.add(1_000, () => pool.stop('a'))
  const second = clickAt(pool, 1_100, 'b')
  await clock.runUntil(1_500)
  world.runMs = 30
  assert.equal(first.outcome?.stopped, true)
  assert.equal(postedAt(1), 1_100)
  assert.ok(second.line > 1_100)
  assert.deepEqual(spawns().filter((at) => at < second.line), [], 'a restore started before the run after Stop printed')
  assert.ok(spawns().length >= 1, 'Stop was not replaced')
  assert.ok(mostHeld(pool) <= 3)
})

test("a hidden page draws no frame: a run's first moments end RESTORE_DURING_RUN_MS after it starts", async () => {
  const pool = await settledPool()
  clock.frames = false
  const runs = ['a', 'b'].map((name, i) => clickAt(pool, i * 300, name))
  await clock.runUntil(2_000)
  assert.deepEqual(runs.map((run) => run.outcome?.status), [0, 0])
  assert.deepEqual(spawns().filter((at) => at >= 300 && at < 350), [])
  assert.ok(spawns().some((at) => at === 350), `restores started at ${spawns()}`)
})

test('four runs clicked at once: the fourth waits for a restore, which starts at once, and the pool holds three', async () => {
  const pool = await settledPool()
  const runs = ['a', 'b', 'c', 'd'].map((name) => clickAt(pool, 0, name))
  await clock.runUntil(3_000)
  assert.deepEqual(runs.map((run) => run.outcome?.status), [0, 0, 0, 0])
  assert.ok(postedAt(3) <= 3 * world.runMs + world.restoreMs + 2 * FRAME_MS, `the fourth run waited until ${postedAt(3)} ms`)
  assert.ok(mostHeld(pool) <= 3, `held ${mostHeld(pool)}`)
})
