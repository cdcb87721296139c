// Python for the whole deck: one active Pyodide worker that runs cells one at a
// time (a second cell waits its turn), plus a booted standby, so Stop — which
// must terminate the worker to end `while True: pass` — is ready again at once
// instead of after a ~3 s cold boot.

import { outcome, runRequest, stoppedOutcome, toWorker } from '../shared/protocol.js'
import { SNAPSHOT_MARK } from '../shared/boot-constants.js'

/** @typedef {import('../shared/protocol.js').RunRequest} RunRequest */
/** @typedef {import('../shared/protocol.js').RunAsk} RunAsk */
/** @typedef {import('../shared/protocol.js').RunCallbacks} RunCallbacks */
/** @typedef {import('../shared/protocol.js').Outcome} Outcome */
/** @typedef {import('../shared/protocol.js').ReadyMessage} ReadyMessage */
/** @typedef {import('../shared/protocol.js').WorkerMessage} WorkerMessage */
/** @typedef {{runId: number, request: RunRequest, callbacks: RunCallbacks, resolve: (outcome: Outcome) => void}} Job */

const workerUrl = new URL('./python-worker.js', import.meta.url)

/** @param {ReadyMessage} ready */
function markSnapshotKept({ snapshot }) {
  if (!['kept', 'copied', 'made'].includes(snapshot)) return // none in this browser's files yet
  try {
    localStorage.setItem(SNAPSHOT_MARK, '1')
  } catch {} // no localStorage: every boot looks for a snapshot itself
}

// The worker early-boot.js started while the page was parsing, if it matches this one.
/** @param {URL} url */
function adoptEarlyWorker(url) {
  const early = window.__liveDeckEarlyWorker
  if (!early || early.query !== url.searchParams.toString()) return null
  window.__liveDeckEarlyWorker = null
  return early
}

class PythonWorker {
  constructor(query, role) {
    const url = new URL(workerUrl)
    url.search = query
    url.searchParams.set('role', role) // the standby makes the memory snapshot (snapshot.js)
    const early = role === 'active' ? adoptEarlyWorker(url) : null
    this.worker = early?.worker ?? new Worker(url, { type: 'module' })
    this.createdAt = early?.at ?? performance.now() // when the worker was asked for (bench reads it)
    /** @type {Map<number, (message: WorkerMessage) => void>} runId → onMessage */
    this.listeners = new Map()
    /** @type {ReadyMessage|null} */
    this.info = null
    this.crashed = false
    /** @type {(() => void)|null} */
    this.abort = null
    /** @type {Promise<ReadyMessage>} */
    this.ready = new Promise((resolve, reject) => {
      /** @param {{data: WorkerMessage}} event */
      this.worker.onmessage = ({ data }) => {
        if (data.type === 'ready') {
          this.info = data
          markSnapshotKept(data)
          resolve(data)
        } else if (data.type === 'failed') {
          reject(new Error(data.reason))
        } else if (data.type === 'crashed') {
          this.crashed = true // Pyodide's fatal error between runs: this worker can run nothing more
        } else {
          this.listeners.get(data.runId)?.(data)
        }
      }
      this.worker.onerror = (event) => {
        event.preventDefault?.()
        reject(new Error(event.message || 'the Python worker failed to start'))
      }
      // Replay what the early worker said before this page's runtime was listening.
      for (const event of early?.messages ?? []) this.worker.onmessage(event)
      for (const event of early?.errors ?? []) this.worker.onerror(event)
    })
    this.ready.catch(() => {})
  }

  /**
   * @param {number} runId
   * @param {RunRequest} request
   * @param {RunCallbacks} callbacks
   * @returns {Promise<Outcome>}
   */
  run(runId, request, { onOutput, onTimeline }) {
    const mode = this.info?.mode ?? null
    return new Promise((resolve) => {
      this.listeners.set(runId, (data) => {
        if (data.type === 'output') onOutput?.(data.line)
        if (data.type === 'timeline') onTimeline?.(data.svg)
        if (data.type === 'done') {
          this.listeners.delete(runId)
          resolve(outcome({ ...data.outcome, mode: data.outcome.mode ?? mode }))
        }
      })
      this.abort = () => {
        this.listeners.delete(runId)
        resolve(stoppedOutcome({ mode }))
      }
      this.worker.postMessage(toWorker.run(runId, request))
    })
  }

  terminate() {
    this.worker.terminate()
    this.abort?.()
  }
}

export class PythonPool extends EventTarget {
  constructor({ query = '' } = {}) {
    super()
    this.query = query
    /** @type {Job[]} jobs waiting for the active worker */
    this.queue = []
    /** @type {{job: Job, worker: PythonWorker}|null} */
    this.running = null
    this.nextRunId = 1
    this.status = 'loading'
    this.active = this.#spawn('active')
    this.standby = null
    this.#watch(this.active)
  }

  #spawn(role) {
    return new PythonWorker(this.query, role)
  }

  #setStatus(status, detail = {}) {
    this.status = status
    this.dispatchEvent(new CustomEvent('status', { detail: { status, ...detail } }))
  }

  #watch(worker) {
    worker.ready.then(
      (info) => {
        if (worker !== this.active) return
        this.#setStatus('ready', info)
        // Boot the standby only once the active one is up: both at once would
        // halve the speed of the first boot on a two-core laptop.
        if (!this.standby) this.standby = this.#spawn('standby')
        this.#pump()
      },
      (error) => {
        if (worker === this.active) this.#setStatus('failed', { reason: error.message })
      },
    )
  }

  /**
   * Queue a cell's run; resolves with its outcome when it finished, failed or was stopped.
   * @param {RunAsk} request
   * @param {RunCallbacks} [callbacks]
   * @returns {Promise<Outcome>}
   */
  run(request, callbacks = {}) {
    return new Promise((resolve) => {
      const job = { runId: this.nextRunId++, request: runRequest(request), callbacks, resolve }
      this.queue.push(job)
      this.#pump()
    })
  }

  /** Who is running now (for a queued cell's message). */
  get runningName() {
    return this.running?.job.request.name ?? null
  }

  /** Stop a job: drop it from the queue, or kill its worker and promote the standby. */
  stop(runName) {
    const queued = this.queue.findIndex((job) => job.request.name === runName)
    if (queued >= 0) {
      const [job] = this.queue.splice(queued, 1)
      job.resolve(stoppedOutcome())
      return
    }
    if (!this.running || this.running.job.request.name !== runName) return
    const { worker } = this.running
    this.running = null
    this.#retire(worker)
  }

  /** Replace a worker that can run no more (stopped, or ended by os._exit) with the booted standby. */
  #retire(worker) {
    worker.terminate()
    if (worker !== this.active) return
    this.active = this.standby ?? this.#spawn('active')
    this.standby = null
    this.#setStatus(this.active.info ? 'ready' : 'loading', this.active.info ?? {})
    this.#watch(this.active)
  }

  async #pump() {
    if (!this.running && this.active.crashed) this.#retire(this.active)
    if (this.running || !this.queue.length || !this.active.info) return
    const job = this.queue.shift()
    const worker = this.active
    this.running = { job, worker }
    job.callbacks.onStart?.({ mode: worker.info.mode })
    const result = await worker.run(job.runId, job.request, job.callbacks)
    if (this.running?.job === job) this.running = null
    if (result.retire) this.#retire(worker) // os._exit() or a crash: this interpreter has stopped for good
    job.resolve(result)
    this.#pump()
  }
}
