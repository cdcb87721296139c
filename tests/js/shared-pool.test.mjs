// The shared pool's logic without a browser (run by tests/test_js.py): windows of a deck are SharedPools
// on a fake BroadcastChannel whose delivery the test holds back, as a busy window hears late; the
// leading window's Python is a fake pool whose runs the test ends.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { outcome, printed } from '../../slides/runtime/shared/protocol.js'

// A BroadcastChannel of one process: a message goes to every other channel of its name, as a structured
// clone, a task later; a deaf channel keeps what it is sent until it hears again.
class FakeChannel {
  static all = new Set()
  static pending = 0 // deliveries not made yet
  constructor(name) {
    this.name = name
    this.onmessage = null
    this.held = null // messages not heard yet, while deaf
    FakeChannel.all.add(this)
  }
  postMessage(message) {
    for (const other of FakeChannel.all) {
      if (other !== this && other.name === this.name) other.#deliver(structuredClone(message))
    }
  }
  #deliver(data) {
    if (this.held) return this.held.push(data)
    FakeChannel.pending += 1
    setTimeout(() => {
      FakeChannel.pending -= 1
      this.onmessage?.({ data })
    })
  }
  deafen() {
    this.held = []
  }
  hear() {
    const held = this.held
    this.held = null
    for (const data of held) this.#deliver(data)
  }
}
globalThis.BroadcastChannel = FakeChannel
const { SharedPool } = await import('../../slides/runtime/page/shared-pool.js')

// The leading window's Python: runs are recorded; the test starts, prints in and ends them.
class FakePool extends EventTarget {
  constructor() {
    super()
    this.runs = []
    this.answers = [] // lines typed for a run's read of stdin
  }
  run(request, callbacks) {
    return new Promise((resolve) => this.runs.push({ request, callbacks, resolve }))
  }
  stop() {}
  answer(name, readId, text) {
    this.answers.push([name, readId, text])
  }
}

// Until every message sent has been heard (but those a deaf window holds), and what it set off has run.
async function settle() {
  do await new Promise((resolve) => setTimeout(resolve, 1))
  while (FakeChannel.pending > 0)
}

function openDeck() {
  const pythons = []
  const open = (leads) => {
    let lead
    const leading = leads ? Promise.resolve(true) : new Promise((resolve) => (lead = resolve))
    const pool = new SharedPool({
      name: 'deck',
      query: '',
      leadership: { leading },
      makePool: () => pythons[pythons.push(new FakePool()) - 1],
    })
    pool.open(() => [])
    return { pool, lead }
  }
  return { open, pythons }
}

/** What a window's cell shows of a run: its lines and its outcome. */
function render(pool, name) {
  const shown = { lines: [], starts: 0, outcome: null }
  const done = pool.run({ code: 'print(1)', name, keep: false, trace: true, grader: null }, {
    onStart: () => (shown.starts += 1),
    onOutput: (line) => shown.lines.push(line),
  })
  done.then((result) => (shown.outcome = result))
  return shown
}

for (const late of ['leader', 'follower']) {
  test(`Run pressed in two windows before either heard of the other's run runs the cell once (${late} hears late)`, async () => {
    FakeChannel.all.clear()
    const { open, pythons } = openDeck()
    const leader = open(true)
    const follower = open(false)
    await settle()
    const deaf = (late === 'leader' ? leader : follower).pool.channel
    deaf.deafen()
    const inFollower = render(follower.pool, 'tasks')
    const inLeader = render(leader.pool, 'tasks')
    await settle()
    deaf.hear()
    await settle()
    const [python] = pythons
    assert.equal(python.runs.length, 1, 'the cell ran twice')
    const [run] = python.runs
    run.callbacks.onStart({ mode: 'jspi' })
    run.callbacks.onOutput(printed('stdout', 'hello'))
    run.resolve(outcome({ status: 0, elapsedMs: 12, mode: 'jspi' }))
    await settle()
    for (const shown of [inLeader, inFollower]) {
      assert.deepEqual(shown.lines, [{ stream: 'stdout', text: 'hello' }])
      assert.equal(shown.starts, 1)
      assert.deepEqual(shown.outcome, outcome({ status: 0, elapsedMs: 12, mode: 'jspi' }))
    }
    assert.equal(leader.pool.inflight.size + follower.pool.inflight.size, 0, 'a run left unfinished')
  })
}

/** A follower's run, the leader's Python having started it or not; then the leader closes and the follower leads. */
async function leaderClosesUnder({ started }) {
  FakeChannel.all.clear()
  const { open, pythons } = openDeck()
  const first = open(true)
  const second = open(false)
  await settle()
  const shown = render(second.pool, 'tasks')
  await settle()
  if (started) pythons[0].runs[0].callbacks.onStart({ mode: 'jspi' })
  await settle()
  FakeChannel.all.delete(first.pool.channel) // its window closed: it hears and says nothing more
  second.lead(true)
  await settle()
  return { shown, python: pythons[1] }
}

test('a run the closed leader had queued but not started is served by the next leader', async () => {
  const { shown, python } = await leaderClosesUnder({ started: false })
  assert.equal(python.runs.length, 1, "the new leader did not serve the window's own request")
  python.runs[0].resolve(outcome({ status: 0, elapsedMs: 1, mode: 'jspi' }))
  await settle()
  assert.equal(shown.outcome.status, 0)
})

test('a run the closed leader had started is lost, not run again', async () => {
  const { shown, python } = await leaderClosesUnder({ started: true })
  assert.equal(python.runs.length, 0)
  assert.deepEqual(shown.outcome, outcome({ stopped: true, lost: true }))
})

test('a window that opens later is welcomed once with the runs under way and the cells as they stand', async () => {
  FakeChannel.all.clear()
  const { open } = openDeck()
  const leader = open(true)
  await settle()
  render(leader.pool, 'tasks')
  leader.pool.views = () => [{ name: 'tasks', code: 'x', state: 'queued', lines: [], svg: '', elapsedMs: null, mode: undefined, result: null, run: null }]
  await settle()
  const late = new SharedPool({ name: 'deck', query: '', leadership: { leading: new Promise(() => {}) } })
  const welcomes = []
  late.addEventListener('welcome', (event) => welcomes.push(event.detail))
  late.open(() => [])
  await settle()
  assert.equal(welcomes.length, 1)
  assert.equal(welcomes[0][0].code, 'x')
  assert.equal(late.runOf('tasks')?.name, 'tasks')
})

test('a window that said hello before any window led is welcomed once one leads', async () => {
  FakeChannel.all.clear()
  const { open } = openDeck()
  const early = open(false)
  const welcomes = []
  early.pool.addEventListener('welcome', (event) => welcomes.push(event.detail))
  await settle()
  const other = open(false) // wired, but it does not lead yet: no answer to the hello
  await settle()
  assert.equal(welcomes.length, 0)
  other.lead(true)
  await settle()
  assert.equal(welcomes.length, 1)
  assert.equal(early.pool.detail.status, 'loading')
})

test("a read of stdin shows in every window, and a line typed in any window reaches the leader's Python for that run only", async () => {
  FakeChannel.all.clear()
  const { open, pythons } = openDeck()
  const leader = open(true)
  const follower = open(false)
  await settle()
  const reads = { leader: [], follower: [] }
  for (const [who, { pool }] of Object.entries({ leader, follower })) {
    pool.run({ code: 'input()', name: 'ask', keep: false, trace: true, grader: null }, { onInput: (read) => reads[who].push(read) })
    await settle()
  }
  const [python] = pythons
  assert.equal(python.runs.length, 1)
  const [run] = python.runs
  run.callbacks.onStart({ mode: 'jspi' })
  run.callbacks.onInput({ id: 1, prompt: 'name? ' })
  await settle()
  assert.deepEqual(reads.leader, [{ id: 1, prompt: 'name? ' }])
  assert.deepEqual(reads.follower, [{ id: 1, prompt: 'name? ' }])
  follower.pool.answer('ask', 1, 'Ann')
  await settle()
  assert.deepEqual(python.answers, [['ask', 1, 'Ann']])
  run.callbacks.onInput(null)
  await settle()
  assert.deepEqual(reads.follower.at(-1), null)
  leader.pool.answer('ask', 2, null) // Ctrl+D, from the leading window itself
  await settle()
  assert.deepEqual(python.answers.at(-1), ['ask', 2, null])
  run.resolve(outcome({ status: 0, elapsedMs: 1, mode: 'jspi' }))
  await settle()
  follower.pool.answer('ask', 3, 'too late') // no run of that cell goes on: nothing is sent
  await settle()
  assert.equal(python.answers.length, 2)
})
