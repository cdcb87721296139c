// One Python for every window of a deck (presenter view, audience window, a second tab).
// SharedPool has PythonPool's interface (run, stop, status, runningName, 'status'
// events). The leading window (leadership.js) owns the real PythonPool and serves every
// window's runs; each run's events (queued, start, output, timeline, done) go out on the
// deck's BroadcastChannel and are delivered in every window, the leader's included, so
// all windows render the same stream. A run started elsewhere reaches this window's
// cell through a 'follow' event (cell-sync.js plays it); a cell's Run pressed in two
// windows at once is one run ('merged').
import { PythonPool } from './python-pool.js'

const newId = () => Math.random().toString(36).slice(2, 10)

export class SharedPool extends EventTarget {
  constructor({ name, query, leadership }) {
    super()
    this.id = newId() // this window
    this.query = query
    this.channel = new BroadcastChannel(name)
    this.channel.onmessage = ({ data }) => this.#receive(data)
    this.status = 'loading'
    this.detail = { status: 'loading' }
    this.leader = false
    this.pool = null // the PythonPool, in the leading window only
    this.nextRun = 1
    this.handlers = new Map() // runId → [{callbacks, resolve}]: runs this window renders
    this.requests = new Map() // runId → request this window sent and that has not finished
    this.inflight = new Map() // runId → {name, started, startedAt}: every window's unfinished runs
    leadership.leading.then(() => this.#lead())
    this.send({ type: 'hello', from: this.id })
  }

  /** Post to the other windows and deliver here too: every window sees the same messages. */
  send(message) {
    this.channel.postMessage(message)
    this.#receive(message)
  }

  /** PythonPool's run(): resolves with the result once the run finished, failed or stopped. */
  run({ code, name, keep = false, trace = true, grader = null }, callbacks = {}) {
    const runId = `${this.id}-${this.nextRun++}`
    const request = { type: 'run', runId, code, name, keep, trace, grader, from: this.id }
    const done = this.follow(runId, callbacks)
    this.requests.set(runId, request)
    this.send(request)
    return done
  }

  /** Render a run of any window: its callbacks get the run's events; resolves with its result. */
  follow(runId, callbacks) {
    return new Promise((resolve) => this.#attach(runId, [{ callbacks, resolve }]))
  }

  #attach(runId, handlers) {
    this.handlers.set(runId, [...(this.handlers.get(runId) ?? []), ...handlers])
  }

  stop(name) {
    this.send({ type: 'stop', name })
  }

  /** The cell running now, whichever window started it (for a queued cell's message). */
  get runningName() {
    for (const run of this.inflight.values()) if (run.started) return run.name
    return null
  }

  /** The unfinished run of a cell, if any: {runId, name, started, startedAt}. */
  runOf(name) {
    for (const [runId, run] of this.inflight) if (run.name === name) return { runId, ...run }
    return null
  }

  // The leader's PythonPool, for tests and the benchmark (null in other windows).
  get active() {
    return this.pool?.active ?? null
  }
  get standby() {
    return this.pool?.standby ?? null
  }
  get running() {
    return this.pool?.running ?? null
  }

  /** Live Python workers this window runs (0 unless it leads). */
  get workerCount() {
    return this.pool ? [this.pool.active, this.pool.standby].filter(Boolean).length : 0
  }

  #lead() {
    this.leader = true
    document.documentElement.dataset.pythonLeader = ''
    // Runs the closed leader had started died with its window; this window's own
    // requests it had not started yet are served here.
    for (const [runId, run] of [...this.inflight]) {
      if (run.started || !this.requests.has(runId)) this.#emit(runId, run.name, 'done', { result: lostResult })
    }
    this.pool = new PythonPool({ query: this.query })
    this.pool.addEventListener('status', ({ detail }) => this.send({ type: 'status', detail }))
    for (const request of this.requests.values()) this.#serve(request)
  }

  #emit(runId, name, kind, data = {}) {
    this.send({ type: 'run-event', runId, name, kind, ...data })
  }

  // Run pressed in two windows at once, each before it heard of the other's run: one run, which both
  // windows render. The leader takes the requests one after the other; the later one, for a cell whose
  // run has not finished, joins that run ('merged').
  #serveOrMerge(request) {
    const running = this.runOf(request.name)
    if (running && running.runId !== request.runId) this.#emit(request.runId, request.name, 'merged', { into: running.runId })
    else this.#serve(request)
  }

  #serve(request) {
    if (request.served) return
    request.served = true // the leader's own requests come back through send()
    const { runId, name, code, keep, trace, grader } = request
    this.#emit(runId, name, 'queued')
    this.pool.run(
      { code, name, keep, trace, grader },
      {
        onStart: (info) => this.#emit(runId, name, 'start', { info: { mode: info?.mode } }),
        // A platform note travels as its key: each window prints it in its own deck's language.
        onOutput: (stream, text, { key, args } = {}) => this.#emit(runId, name, 'output', { stream, text, key, args }),
        onTimeline: (svg) => this.#emit(runId, name, 'timeline', { svg }),
      },
    ).then((result) => {
      // A stopped run's elapsed time, from the leader's clock, so every window shows the same.
      const run = this.inflight.get(runId)
      if (result.stopped && run?.started) result = { ...result, elapsedMs: Date.now() - run.startedAt }
      this.#emit(runId, name, 'done', { result })
    })
  }

  #receive(message) {
    switch (message.type) {
      case 'hello': // a window opened: tell it Python's status and what runs
        if (this.leader && message.from !== this.id) {
          this.channel.postMessage({ type: 'state', to: message.from, detail: this.detail, inflight: [...this.inflight] })
        }
        break
      case 'state':
        if (message.to !== this.id) break
        for (const [runId, run] of message.inflight) this.inflight.set(runId, run)
        this.#setStatus(message.detail)
        break
      case 'status':
        this.#setStatus(message.detail)
        break
      case 'run':
        if (this.leader && !this.inflight.has(message.runId)) this.#serveOrMerge(message)
        break
      case 'stop':
        if (this.leader) this.pool.stop(message.name)
        break
      case 'run-event':
        this.#runEvent(message)
        break
      default: // the cells' messages (cell-sync.js)
        this.dispatchEvent(new CustomEvent('message', { detail: message }))
    }
  }

  #detach(runId) {
    const handlers = this.handlers.get(runId) ?? []
    this.handlers.delete(runId)
    return handlers
  }

  /** This window's request to run the cell *name* that the leader has not queued yet, if any. */
  #unqueuedRequest(name) {
    for (const request of this.requests.values()) if (request.name === name && !this.inflight.has(request.runId)) return request
    return null
  }

  #setStatus(detail) {
    this.detail = detail
    this.status = detail.status
    this.dispatchEvent(new CustomEvent('status', { detail }))
  }

  #runEvent({ runId, name, kind, ...data }) {
    if (kind === 'queued') {
      this.inflight.set(runId, { name, started: false, startedAt: 0 })
      if (this.handlers.has(runId)) return
      // This window asked to run that cell too, and the leader has not queued it: it will join this
      // run ('merged'), so the cell renders this run from its start, with the handlers of its own.
      const own = this.#unqueuedRequest(name)
      if (own) this.#attach(runId, this.#detach(own.runId))
      // A run another window started: this window's cell renders it too.
      else this.dispatchEvent(new CustomEvent('follow', { detail: { runId, name } }))
      return
    }
    if (kind === 'merged') {
      this.requests.delete(runId)
      const handlers = this.#detach(runId) // none if 'queued' moved them already
      if (this.inflight.has(data.into)) this.#attach(data.into, handlers)
      else handlers.forEach((handler) => handler.resolve(lostResult)) // that run died with its window
      return
    }
    const run = this.inflight.get(runId)
    const handlers = this.handlers.get(runId) ?? []
    if (kind === 'start') {
      if (run) Object.assign(run, { started: true, startedAt: Date.now() })
      handlers.forEach((handler) => handler.callbacks.onStart?.(data.info))
    } else if (kind === 'output') {
      handlers.forEach((handler) => handler.callbacks.onOutput?.(data.stream, data.text, data))
    } else if (kind === 'timeline') {
      handlers.forEach((handler) => handler.callbacks.onTimeline?.(data.svg))
    } else if (kind === 'done') {
      this.inflight.delete(runId)
      this.requests.delete(runId)
      this.#detach(runId).forEach((handler) => handler.resolve(data.result))
    }
    if (kind === 'start' || kind === 'done') this.dispatchEvent(new Event('run-change'))
  }
}

// What a run reports when the window running Python closed under it.
const lostResult = { status: null, stopped: true, lost: true }
