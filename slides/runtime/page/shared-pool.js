// One Python for every window of a deck (presenter view, audience window, a second tab).
// SharedPool has PythonPool's interface (run, stop, answer, status, runningName, 'status'
// events). The leading window (leadership.js) owns the real PythonPool and serves every
// window's runs, and the lines typed in any window for a run's read of stdin; each run's events
// (queued, start, output, timeline, input, done) go out on the deck's BroadcastChannel and are
// delivered in every window, the leader's included, so all windows render the same stream. A run started elsewhere reaches this window's
// cell through a 'follow' event (cell-sync.js plays it); a cell's Run pressed in two
// windows at once is one run ('merged'). A window that opens says hello once its cells are
// wired (open()); the leading window welcomes it with Python's status, the runs under way and
// every cell as it stands ('welcome' event: cell-sync.js restores them). The messages:
// ../shared/protocol.js.
import { PythonPool } from './python-pool.js'
import { lostOutcome, outcome, runRequest, toWindows } from '../shared/protocol.js'

/** @typedef {import('../shared/protocol.js').RunAsk} RunAsk */
/** @typedef {import('../shared/protocol.js').RunCallbacks} RunCallbacks */
/** @typedef {import('../shared/protocol.js').Outcome} Outcome */
/** @typedef {import('../shared/protocol.js').Inflight} Inflight */
/** @typedef {import('../shared/protocol.js').CellView} CellView */
/** @typedef {import('../shared/protocol.js').StatusDetail} StatusDetail */
/** @typedef {import('../shared/protocol.js').RunEvent} RunEvent */
/** @typedef {import('../shared/protocol.js').WindowMessage} WindowMessage */
/** @typedef {import('../shared/protocol.js').WindowRunMessage} WindowRunMessage */
/** @typedef {import('../shared/protocol.js').RunEventMessage} RunEventMessage */
/** @typedef {{callbacks: RunCallbacks, resolve: (outcome: Outcome) => void}} Handler */
/** @typedef {{leading: Promise<boolean>}} Leadership */
/** @typedef {Pick<PythonPool, 'run'|'stop'|'answer'|'addEventListener'|'active'|'standby'|'settled'|'workers'|'running'>} Pool */

const newId = () => Math.random().toString(36).slice(2, 10)

export class SharedPool extends EventTarget {
  /**
   * @param {object} options
   * @param {string} options.name the deck's channel
   * @param {string} options.query the workers' switches (?jspi=off, ?snapshots=off)
   * @param {Leadership} options.leadership
   * @param {(query: string) => Pool} [options.makePool] the leading window's pool (a fake one in tests/js)
   */
  constructor({ name, query, leadership, makePool = (query) => new PythonPool({ query }) }) {
    super()
    this.id = newId() // this window
    this.query = query
    this.makePool = makePool
    this.channel = new BroadcastChannel(name)
    this.channel.onmessage = ({ data }) => this.#receive(data)
    this.status = 'loading'
    /** @type {StatusDetail} */
    this.detail = { status: 'loading' }
    this.leader = false
    /** @type {Pool|null} the PythonPool, in the leading window only */
    this.pool = null
    this.nextRun = 1
    /** @type {Map<string, Handler[]>} runs this window renders */
    this.handlers = new Map()
    /** @type {Map<string, WindowRunMessage & {served?: boolean}>} requests this window sent and that have not finished */
    this.requests = new Map()
    /** @type {Map<string, Inflight>} every window's unfinished runs */
    this.inflight = new Map()
    /** @type {(() => CellView[])|null} this window's cells as they stand, once they are wired (open()) */
    this.views = null
    this.welcomed = false
    leadership.leading.then(() => this.#lead())
  }

  /**
   * This window's cells are wired: say hello, and welcome the other windows if this one leads.
   * @param {() => CellView[]} views
   */
  open(views) {
    this.views = views
    this.send(toWindows.hello(this.id))
    this.#welcomeAll()
  }

  /**
   * Post to the other windows and deliver here too: every window sees the same messages.
   * @param {WindowMessage} message
   */
  send(message) {
    this.channel.postMessage(message)
    this.#receive(message)
  }

  /**
   * PythonPool's run(): resolves with the outcome once the run finished, failed or stopped.
   * @param {RunAsk} request
   * @param {RunCallbacks} [callbacks]
   * @returns {Promise<Outcome>}
   */
  run(request, callbacks = {}) {
    const runId = `${this.id}-${this.nextRun++}`
    const message = toWindows.run(runId, runRequest(request), this.id)
    const done = this.follow(runId, callbacks)
    this.requests.set(runId, message)
    this.send(message)
    return done
  }

  /**
   * Render a run of any window: its callbacks get the run's events; resolves with its outcome.
   * @param {string} runId
   * @param {RunCallbacks} callbacks
   * @returns {Promise<Outcome>}
   */
  follow(runId, callbacks) {
    return new Promise((resolve) => this.#attach(runId, [{ callbacks, resolve }]))
  }

  /**
   * @param {string} runId
   * @param {Handler[]} handlers
   */
  #attach(runId, handlers) {
    this.handlers.set(runId, [...(this.handlers.get(runId) ?? []), ...handlers])
  }

  /** @param {string} name */
  stop(name) {
    this.send(toWindows.stop(name))
  }

  /**
   * PythonPool's answer(): a line typed in this window for the read *readId* of the cell's run (null:
   * Ctrl+D). Every window may answer; the worker takes the first line for a read and drops a second.
   * @param {string} name
   * @param {number} readId
   * @param {string|null} text
   */
  answer(name, readId, text) {
    const run = this.runOf(name)
    if (run) this.send(toWindows.stdin(run.runId, name, readId, text))
  }

  /** The cell running now, whichever window started it (for a queued cell's message). */
  get runningName() {
    for (const run of this.inflight.values()) if (run.started) return run.name
    return null
  }

  /**
   * The unfinished run of a cell, if any.
   * @param {string} name
   * @returns {(Inflight & {runId: string})|null}
   */
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
  get settled() {
    return this.pool?.settled ?? false
  }
  get running() {
    return this.pool?.running ?? null
  }

  /** Live Python workers this window runs (0 unless it leads). */
  get workerCount() {
    if (!this.pool) return 0
    return this.pool.workers.size
  }

  #lead() {
    this.leader = true
    globalThis.document?.documentElement.setAttribute('data-python-leader', '')
    // Runs the closed leader had started died with its window; this window's own
    // requests it had not started yet are served here.
    for (const [runId, run] of [...this.inflight]) {
      if (run.started || !this.requests.has(runId)) this.#emit(runId, run.name, { kind: 'done', outcome: lostOutcome() })
    }
    this.pool = this.makePool(this.query)
    this.pool.addEventListener('status', (event) => this.send(toWindows.status(/** @type {CustomEvent} */ (event).detail)))
    for (const request of this.requests.values()) this.#serve(request)
    this.#welcomeAll()
  }

  // Once this window leads and its cells are wired, every window not welcomed yet is: one may have said
  // hello before this one listened (two windows opened at once), or to a leader that has since closed.
  #welcomeAll() {
    if (this.leader && this.views) this.send(this.#welcome(null))
  }

  /** @param {string|null} to */
  #welcome(to) {
    const views = this.views?.() ?? []
    return toWindows.welcome({ to, from: this.id, detail: this.detail, inflight: [...this.inflight], views })
  }

  /**
   * @param {string} runId
   * @param {string} name
   * @param {RunEvent} event
   */
  #emit(runId, name, event) {
    this.send(toWindows.runEvent(runId, name, event))
  }

  // Run pressed in two windows at once, each before it heard of the other's run: one run, which both
  // windows render. The leader takes the requests one after the other; the later one, for a cell whose
  // run has not finished, joins that run ('merged').
  /** @param {WindowRunMessage} message */
  #serveOrMerge(message) {
    const running = this.runOf(message.request.name)
    if (running && running.runId !== message.runId) this.#emit(message.runId, message.request.name, { kind: 'merged', into: running.runId })
    else this.#serve(message)
  }

  /** @param {WindowRunMessage & {served?: boolean}} message */
  #serve(message) {
    if (message.served || !this.pool) return
    message.served = true // the leader's own requests come back through send()
    const { runId, request } = message
    const { name } = request
    this.#emit(runId, name, { kind: 'queued' })
    this.pool
      .run(request, {
        onStart: (info) => this.#emit(runId, name, { kind: 'start', info: { mode: info?.mode ?? null } }),
        // A platform note travels as its key: each window prints it in its own deck's language.
        onOutput: (line) => this.#emit(runId, name, { kind: 'output', line }),
        onTimeline: (svg) => this.#emit(runId, name, { kind: 'timeline', svg }),
        onInput: (read) => this.#emit(runId, name, { kind: 'input', read }),
      })
      .then((result) => {
        // A stopped run's elapsed time, from the leader's clock, so every window shows the same.
        const run = this.inflight.get(runId)
        if (result.stopped && run?.started) result = outcome({ ...result, elapsedMs: Date.now() - run.startedAt })
        this.#emit(runId, name, { kind: 'done', outcome: result })
      })
  }

  /** @param {WindowMessage} message */
  #receive(message) {
    switch (message.type) {
      case 'hello': // a window opened: tell it Python's status, what runs and how its cells stand
        if (this.leader && this.views && message.from !== this.id) this.channel.postMessage(this.#welcome(message.from))
        break
      case 'welcome':
        if (this.welcomed || !this.views || message.from === this.id || (message.to !== this.id && message.to !== null)) break
        this.welcomed = true
        for (const [runId, run] of message.inflight) this.inflight.set(runId, run)
        this.#setStatus(message.detail)
        this.dispatchEvent(new CustomEvent('welcome', { detail: message.views }))
        break
      case 'status':
        this.#setStatus(message.detail)
        break
      case 'run':
        if (this.leader && !this.inflight.has(message.runId)) this.#serveOrMerge(message)
        break
      case 'stop':
        if (this.leader) this.pool?.stop(message.name)
        break
      case 'stdin': // only to the run it was typed for, not to a later run of the cell
        if (this.leader && this.runOf(message.name)?.runId === message.runId) this.pool?.answer(message.name, message.readId, message.text)
        break
      case 'run-event':
        this.#runEvent(message)
        break
      default: // the cells' messages (cell-sync.js)
        this.dispatchEvent(new CustomEvent('message', { detail: message }))
    }
  }

  /** @param {string} runId */
  #detach(runId) {
    const handlers = this.handlers.get(runId) ?? []
    this.handlers.delete(runId)
    return handlers
  }

  /**
   * This window's request to run the cell *name* that the leader has not queued yet, if any.
   * @param {string} name
   */
  #unqueuedRequest(name) {
    for (const message of this.requests.values()) {
      if (message.request.name === name && !this.inflight.has(message.runId)) return message
    }
    return null
  }

  /** @param {StatusDetail} detail */
  #setStatus(detail) {
    this.detail = detail
    this.status = detail.status
    this.dispatchEvent(new CustomEvent('status', { detail }))
  }

  /** @param {RunEventMessage} event */
  #runEvent(event) {
    const { runId, name } = event
    if (event.kind === 'queued') {
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
    if (event.kind === 'merged') {
      this.requests.delete(runId)
      const handlers = this.#detach(runId) // none if 'queued' moved them already
      if (this.inflight.has(event.into)) this.#attach(event.into, handlers)
      else handlers.forEach((handler) => handler.resolve(lostOutcome())) // that run died with its window
      return
    }
    const run = this.inflight.get(runId)
    const handlers = this.handlers.get(runId) ?? []
    if (event.kind === 'start') {
      if (run) Object.assign(run, { started: true, startedAt: Date.now() })
      handlers.forEach((handler) => handler.callbacks.onStart?.(event.info))
    } else if (event.kind === 'output') {
      handlers.forEach((handler) => handler.callbacks.onOutput?.(event.line))
    } else if (event.kind === 'timeline') {
      handlers.forEach((handler) => handler.callbacks.onTimeline?.(event.svg))
    } else if (event.kind === 'input') {
      handlers.forEach((handler) => handler.callbacks.onInput?.(event.read))
    } else if (event.kind === 'done') {
      this.inflight.delete(runId)
      this.requests.delete(runId)
      this.#detach(runId).forEach((handler) => handler.resolve(event.outcome))
    }
    if (event.kind === 'start' || event.kind === 'done') this.dispatchEvent(new Event('run-change'))
  }
}
