// Python for the whole deck. Every run gets an interpreter no earlier run touched, as
// `python script.py` gets a new process: a Pyodide worker restored from the snapshot, which
// ends with its run (nothing a run changes reaches the next). Runs do not wait for a restore:
// three fresh interpreters are kept ready (the active one, which runs the next cell, and two
// spares behind it), so that runs clicked one after another each find one; the pool holds three
// at most (a run's own included), so the one a run takes is replaced as the run ends, one restore
// at a time, in a run's wake (below). Stop must terminate the worker to end `while True: pass`, and the next fresh one is
// ready at once. A run that ended by itself leaves its worker idle: it is terminated as its replacement
// starts to restore, not at once — a worker's teardown takes CPU, which a run clicked right after needs.
// Cells run one at a time (a second cell waits its turn). A `keep` cell keeps its own
// interpreter across its runs.

import { outcome, runRequest, stoppedOutcome, toWorker } from '../shared/protocol.js'
import { SNAPSHOT_MARK } from '../shared/boot-constants.js'

/** @typedef {import('../shared/protocol.js').RunRequest} RunRequest */
/** @typedef {import('../shared/protocol.js').RunAsk} RunAsk */
/** @typedef {import('../shared/protocol.js').RunCallbacks} RunCallbacks */
/** @typedef {import('../shared/protocol.js').Outcome} Outcome */
/** @typedef {import('../shared/protocol.js').ReadyMessage} ReadyMessage */
/** @typedef {import('../shared/protocol.js').WorkerMessage} WorkerMessage */
/** @typedef {{runId: number, request: RunRequest, callbacks: RunCallbacks, resolve: (outcome: Outcome) => void}} Job */

// Interpreters the pool holds, fresh ones and a run's own (a `keep` cell's aside): all fresh between runs.
const HELD = 3
// When restores start. A restore takes a core for ~0.25 s and a worker's start ~25 ms of this thread, which a
// run's first line needs. A presenter clicks Run at any time, but seldom right after a run started: so a restore
// due starts in a run's wake — once the run's first line is in the page (or RESTORE_DURING_RUN_MS into the run),
// while the run runs or once it has ended: a cell that prints a line ends before that line is drawn, its
// replacement restores then, and is ready before a Run clicked 0.3 s later — or once no run has run for
// RESTORE_AFTER_RUN_MS (a run that ended after its wake; Run → Stop → Run: two fresh ones wait).
// But when only one fresh interpreter is left, the next restores at once (in a run's first moments: at its wake),
// lest the run after next wait for it.
const RESTORE_AFTER_RUN_MS = 300
const RESTORE_DURING_RUN_MS = 50

const workerUrl = new URL('./python-worker.js', import.meta.url)
// The standard library's bytecode, compiled at build (deckkit/stdlib_bytecode.py).
const bytecodeUrl = new URL('../pyodide/python_stdlib.bytecode.marshal', import.meta.url)

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

function snapshotKept() {
  try {
    return Boolean(localStorage.getItem(SNAPSHOT_MARK))
  } catch {
    return false
  }
}

class PythonWorker {
  /**
   * @param {string} query
   * @param {string} role
   * @param {WebAssembly.Module|null} module Pyodide's wasm as an earlier worker compiled it (wasm-module.js)
   */
  constructor(query, role, module = null) {
    const url = new URL(workerUrl)
    url.search = query
    url.searchParams.set('role', role) // the standby makes the memory snapshot (snapshot.js)
    if (module) url.searchParams.set('wasm', 'shared')
    // early-boot.js's hint that no snapshot is kept here yet: stale once a worker kept one.
    if (role !== 'active' && snapshotKept()) url.searchParams.delete('snapshot')
    const early = role === 'active' ? adoptEarlyWorker(url) : null
    this.worker = early?.worker ?? new Worker(url, { type: 'module' })
    if (module && !early) this.worker.postMessage(toWorker.module(module))
    this.createdAt = early?.at ?? performance.now() // when the worker was asked for (bench reads it)
    /** @type {Map<number, (message: WorkerMessage) => void>} runId → onMessage */
    this.listeners = new Map()
    /** @type {ReadyMessage|null} */
    this.info = null
    this.crashed = false
    /** @type {(() => void)|null} */
    this.abort = null
    /** @type {((bytecode: import('../shared/protocol.js').Bytecode) => void)|null} modules this one compiled */
    this.onBytecode = null
    /** @type {WebAssembly.Module|null} Pyodide's wasm, as this one compiled it (wasm-module.js) */
    this.module = null
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
        } else if (data.type === 'bytecode') {
          this.onBytecode?.(data.bytecode)
        } else if (data.type === 'module') {
          this.module = data.module
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
  run(runId, request, { onOutput, onTimeline, onInput }) {
    const mode = this.info?.mode ?? null
    return new Promise((resolve) => {
      this.listeners.set(runId, (data) => {
        if (data.type === 'output') onOutput?.(data.line)
        if (data.type === 'timeline') onTimeline?.(data.svg)
        if (data.type === 'input') onInput?.(data.read)
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

  /** @param {{bytecode?: import('../shared/protocol.js').Bytecode, blob?: Blob}} shared modules
   * other interpreters compiled, or the whole library's compiled at build */
  share(shared) {
    this.worker.postMessage(toWorker.bytecode(shared))
  }

  /**
   * A line typed for the read *readId* of run *runId* (null: Ctrl+D).
   * @param {number} runId
   * @param {number} readId
   * @param {string|null} text
   */
  type(runId, readId, text) {
    this.worker.postMessage(toWorker.stdin(runId, readId, text))
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
    /** @type {import('../shared/protocol.js').Bytecode} the standard library's modules compiled so far,
     * given to every interpreter, as processes share __pycache__ (shared_bytecode.py) */
    this.bytecode = new Map()
    /** @type {Blob|null|undefined} the library's bytecode compiled at build (null: not fetched yet, or none);
     * a Blob: a worker given it shares its bytes (an ArrayBuffer is copied, 10 MB, on this thread, as a run starts) */
    this.bytecodeBlob = undefined
    /** @type {WebAssembly.Module|null} Pyodide's wasm, compiled once for every interpreter (wasm-module.js) */
    this.compiledPyodide = null
    /** @type {PythonWorker[]} interpreters whose run has ended, idle: terminated before the next one starts (#spawn),
     * so that the pool never holds more than HELD */
    this.ended = []
    /** @type {PythonWorker|null} fresh: runs the next cell (null a moment, after a run took the last one: #advance) */
    this.active = this.#spawn('active')
    /** @type {PythonWorker[]} fresh too, in the order they become the active one; the last may be restoring */
    this.spares = []
    /** @type {Map<string, PythonWorker>} a `keep` cell's name → the interpreter its runs share */
    this.kept = new Map()
    this.booted = false // an interpreter has been ready: fresh ones may restore ahead
    this.runEndedAt = -Infinity // performance.now() as the last run ended or was stopped
    /** @type {Job|null} the run whose wake is to come: in its first moments, its first line is not in the page
     * yet, and no restore starts (#wakeAfter) */
    this.waking = null
    /** @type {ReturnType<typeof setTimeout>|undefined} a restore due once no run has run for RESTORE_AFTER_RUN_MS */
    this.restoreTimer = undefined
    this.#watch(this.active)
  }

  /** The next fresh interpreter behind the active one (null: none yet). */
  get standby() {
    return this.spares[0] ?? null
  }

  /** Live interpreters: the fresh ones, the one running, the kept ones. */
  get workers() {
    const running = this.running?.worker
    return new Set([this.active, ...this.spares, running, ...this.kept.values()].filter(Boolean))
  }

  /** How many interpreters the pool holds now: the live ones and those whose run ended, until terminated. */
  get held() {
    return this.workers.size + this.ended.length
  }

  /** Every fresh interpreter the pool keeps is ready, and none runs or restores: what a run finds when
   * the presenter has talked for a moment (tests and the benchmark wait for it). */
  get settled() {
    const fresh = [this.active, ...this.spares].filter((worker) => worker !== null)
    return !this.running && fresh.length === HELD && fresh.every((worker) => worker.info)
  }

  #spawn(role) {
    for (const worker of this.ended.splice(0)) worker.terminate()
    this.compiledPyodide ??= this.active?.module ?? null // the first worker's, once it has compiled it
    const worker = new PythonWorker(this.query, role, this.compiledPyodide)
    if (this.bytecodeBlob) worker.share({ blob: this.bytecodeBlob })
    if (this.bytecode.size) worker.share({ bytecode: this.bytecode })
    worker.onBytecode = (bytecode) => {
      for (const [path, entry] of bytecode) this.bytecode.set(path, entry)
      for (const other of this.workers) if (other !== worker) other.share({ bytecode })
    }
    return worker
  }

  /** Once Python is ready (off a first open's path), the library's bytecode compiled at build, for every
   * interpreter; without it (an older build, a failed fetch) each compiles what it imports, as before. */
  async #fetchBytecode() {
    if (this.bytecodeBlob !== undefined) return
    this.bytecodeBlob = null
    try {
      const response = await fetch(bytecodeUrl, { priority: 'low' })
      if (!response.ok) return
      this.bytecodeBlob = await response.blob()
    } catch {
      return
    }
    for (const worker of this.workers) worker.share({ blob: this.bytecodeBlob })
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
        this.booted = true
        if (!this.queue.length) this.#restoreAhead() // else the queued run takes it first (#advance restores)
        this.#fetchBytecode()
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

  /** Stop a job: drop it from the queue, or end its interpreter (a fresh one runs the next). */
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
    this.runEndedAt = performance.now()
    this.waking = null // no wake: the next run's first moments may come at once (Run → Stop → Run)
    this.#end(worker)
    this.#pump()
  }

  /**
   * A line typed for the read *readId* of the cell *runName*'s run, or its end of file (text null).
   * @param {string} runName
   * @param {number} readId
   * @param {string|null} text
   */
  answer(runName, readId, text) {
    if (this.running?.job.request.name !== runName) return
    this.running.worker.type(this.running.job.runId, readId, text)
  }

  /** A fresh interpreter restores while the pool holds fewer than HELD — one restore at a time: only once every
   * fresh one is ready. Two at once halve each one's speed on a two-core laptop (the first boot, or a run waiting
   * for its interpreter), and two cold boots would both write the snapshot they made. While a run runs, it holds
   * one of the HELD: its replacement restores as it ends. When (RESTORE_AFTER_RUN_MS): in a run's wake (*wake*:
   * now is one), or while a run runs past its first line, or once no run has run for a moment; at once when
   * one fresh one is left, or none (a run would wait). Never in a run's first moments. */
  #restoreAhead(wake = false) {
    if (this.waking) return // in a run's first moments: its wake calls again
    if (!this.active) return this.#ensureActive() // none fresh: the next run would wait for it
    if (!this.booted || !this.active.info || this.spares.some((spare) => !spare.info)) return
    const running = this.running && !this.running.job.request.keep ? 1 : 0 // a kept one is counted apart
    if (1 + this.spares.length + running >= HELD) return
    const quietAt = this.runEndedAt + RESTORE_AFTER_RUN_MS
    const urgent = !this.spares.length // the active one alone: the run after next would wait for this one
    if (!urgent && !wake && !this.running && performance.now() < quietAt) {
      this.restoreTimer ??= setTimeout(() => {
        this.restoreTimer = undefined
        this.#restoreAhead()
      }, quietAt - performance.now())
      return
    }
    const spare = this.#spawn('standby')
    this.spares.push(spare)
    spare.ready.then(
      () => {
        this.#pump() // a queued run may take it, posted before the next restore starts
        this.#restoreAhead()
      },
      () => {},
    )
  }

  /** A run's first moments end, and its wake begins, once its first line is in the page — the frame after its
   * first output (or its end) — or RESTORE_DURING_RUN_MS into it; returns what to call on that output. */
  #wakeAfter(job) {
    this.waking = job
    let woken = false
    let asked = false
    const wake = () => {
      if (woken) return
      woken = true
      clearTimeout(timer)
      if (this.waking !== job) return // stopped, or a later run's first moments have begun
      this.waking = null
      this.#restoreAhead(true)
    }
    const timer = setTimeout(wake, RESTORE_DURING_RUN_MS)
    // The page draws lines at its next frame (live-cell.js); a hidden page draws none: the timer wakes.
    return () => {
      if (!asked) requestAnimationFrame(() => setTimeout(wake))
      asked = true
    }
  }

  /** The next fresh interpreter becomes the active one (null if there is none: one restores in the wake of the
   * run that took the last one, or as that run ends). */
  #advance() {
    this.active = this.spares.shift() ?? null
    if (this.active) this.#watch(this.active)
  }

  /** The fresh interpreter that runs the next cell: a new one restores now if there is none (#advance). */
  #ensureActive() {
    if (this.active) return
    this.active = this.#spawn('standby')
    // Python stays ready while the next fresh interpreter restores (a run waits for it a moment).
    if (!this.booted) this.#setStatus('loading')
    this.#watch(this.active)
  }

  /** An interpreter a run has used (or that can run no more) ends; a fresh one replaces it (#restoreAhead).
   * *idle*: its run ended by itself and it runs nothing more — it is terminated when the next interpreter
   * starts (#spawn). */
  #end(worker, idle = false) {
    if (idle) this.ended.push(worker)
    else worker.terminate()
    for (const [name, kept] of this.kept) if (kept === worker) this.kept.delete(name)
    if (worker === this.active) this.#advance()
    this.#restoreAhead()
  }

  /**
   * The interpreter *job* runs in: its cell's own (`keep`), else the active one (null: none ready).
   * @param {Job} job
   */
  #interpreterFor({ request: { keep, name } }) {
    const kept = keep ? this.kept.get(name) : null
    if (kept) return kept
    this.#ensureActive() // a run waits for it
    if (!this.active?.info) return null // spares restore only behind a ready one: none is ready yet
    const worker = this.active
    this.#advance()
    if (keep) this.kept.set(name, worker)
    return worker
  }

  async #pump() {
    if (!this.running && this.active?.crashed) this.#end(this.active)
    if (this.running || !this.queue.length) return
    const worker = this.#interpreterFor(this.queue[0])
    if (!worker?.info) return
    const job = /** @type {Job} */ (this.queue.shift())
    this.running = { job, worker }
    const firstLine = this.#wakeAfter(job)
    const onOutput = job.callbacks.onOutput
    const callbacks = { ...job.callbacks, onOutput: (line) => (firstLine(), onOutput?.(line)) }
    job.callbacks.onStart?.({ mode: worker.info.mode })
    const result = await worker.run(job.runId, job.request, callbacks)
    firstLine() // none printed
    if (this.running?.job === job) {
      this.running = null
      this.runEndedAt = performance.now()
      // The run's interpreter exits with it (os._exit() or a crash: a kept one too).
      if (result.retire || worker.crashed) this.#end(worker) // os._exit() or a crash: Python may still run
      else if (!job.request.keep) this.#end(worker, true)
      else this.#restoreAhead() // a `keep` cell's first run took a fresh one, maybe the last
    }
    job.resolve(result)
    this.#pump()
  }
}
