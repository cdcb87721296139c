// The live deck's messages, declared once: page ↔ worker (python-pool.js ↔ python-worker.js, over
// postMessage) and window ↔ window (shared-pool.js ↔ shared-pool.js and cell-sync.js, over the deck's
// BroadcastChannel), with the one shape of a run's result (an outcome). Every message is built by a
// function below; the other modules read the fields these types declare (tsc --checkJs checks both:
// tests/test_runtime_js.py).

// ---- What runs, and how it ended ----

/**
 * An exercise's grader (exercise.js → grader.py): the check to apply to the run's output and trace.
 * @typedef {{check: string, messages: Record<string, any>}} Grader
 */

/**
 * What a cell asks to run.
 * @typedef {object} RunRequest
 * @property {string} code the cell's code as it stands
 * @property {string} name the cell's name (its demo): the script runs as `<name>.py`
 * @property {boolean} keep run in the cell's own __main__, kept across its runs (data-namespace=keep)
 * @property {boolean} trace draw the asyncio timeline while the run's tasks run
 * @property {Grader|null} grader grade the run once it ended (an exercise), else null
 */

/**
 * A run request as a caller may give it: what it leaves out takes its default.
 * @typedef {{code: string, name: string, keep?: boolean, trace?: boolean, grader?: Grader|null}} RunAsk
 */

/**
 * Build a run request; a cell's extra fields (exercise.js's grader) come in *fields*.
 * @param {RunAsk} fields
 * @returns {RunRequest}
 */
export function runRequest({ code, name, keep = false, trace = true, grader = null }) {
  return { code, name, keep, trace, grader }
}

/**
 * An exercise's verdict (grader.py): its message, or where the exercise cannot say (a check that raised…)
 * a label of labels.js `verdicts` and its args.
 * @typedef {{verdict: 'pass'|'fail', key: string, message?: string, args?: any[]}} Verdict
 */

/**
 * How a run ended: the one shape every pool, window and cell hands on.
 * @typedef {object} Outcome
 * @property {number|null} status the exit status; null when the program did not exit (stopped, lost, crashed)
 * @property {number|null} elapsedMs the program's own wall time (null: a run stopped before it started)
 * @property {'jspi'|'compat'|null} mode how the interpreter ran it
 * @property {Verdict|null} verdict an exercise's verdict
 * @property {boolean} stopped Stop ended it (or it was lost)
 * @property {boolean} lost the window running Python closed under it
 * @property {boolean} crashed Pyodide suffered a fatal error mid-run (the run ended with a note)
 * @property {boolean} retire the interpreter can run nothing more (os._exit(), a crash): the pool replaces it
 * @property {number} dropped output lines beyond the cap, not shown
 */

/**
 * Build an outcome; what is not given is what did not happen.
 * @param {Partial<Outcome>} fields
 * @returns {Outcome}
 */
export function outcome({
  status = null,
  elapsedMs = null,
  mode = null,
  verdict = null,
  stopped = false,
  lost = false,
  crashed = false,
  retire = false,
  dropped = 0,
} = {}) {
  return { status, elapsedMs, mode, verdict, stopped, lost, crashed, retire, dropped }
}

/**
 * A run Stop ended, or dropped from the queue before it started.
 * @param {Partial<Outcome>} [fields]
 */
export const stoppedOutcome = (fields = {}) => outcome({ ...fields, stopped: true })

/** A run whose window running Python closed under it. */
export const lostOutcome = () => outcome({ stopped: true, lost: true })

/**
 * A line a run printed, or a platform note (labels.js notes[key], printed in each deck's language).
 * @typedef {{stream: 'stdout'|'stderr', text: string} | {stream: 'note', key: string, args: any[]}} OutputLine
 */

/**
 * @param {'stdout'|'stderr'} stream
 * @param {string} text
 * @returns {OutputLine}
 */
export const printed = (stream, text) => ({ stream, text })

/**
 * @param {string} key
 * @param {any[]} [args]
 * @returns {OutputLine}
 */
export const noted = (key, args = []) => ({ stream: 'note', key, args })

/**
 * A read of sys.stdin waiting for the keyboard (script_stdin.py): its id (a line typed answers it by
 * that id) and its prompt, the line printed so far if unfinished ('' when the last line was whole).
 * @typedef {{id: number, prompt: string}} StdinRead
 */

/**
 * What a run reports while it goes, to whoever renders it (live-cell.js's play()).
 * @typedef {object} RunCallbacks
 * @property {(info: {mode: ReadyMessage['mode']|null}) => void} [onStart] it leaves the queue
 * @property {(line: OutputLine) => void} [onOutput]
 * @property {(svg: string) => void} [onTimeline]
 * @property {(read: StdinRead|null) => void} [onInput] a read waits for a line (null: none waits now)
 */

// ---- Page ↔ worker (python-pool.js ↔ python-worker.js) ----

/**
 * page → worker: run this request.
 * @typedef {{type: 'run', runId: number, request: RunRequest}} RunMessage
 */

/**
 * Compiled modules of the standard library, shared by a page's interpreters (shared_bytecode.py):
 * source path in the zip → [hash of the source, marshal data of its code].
 * @typedef {Map<string, [Uint8Array, Uint8Array]>} Bytecode
 */

/**
 * page → worker: bytecode other interpreters compiled (*bytecode*), or the whole library's compiled at
 * build (*blob*, deckkit/stdlib_bytecode.py), for this one's imports.
 * @typedef {{type: 'bytecode', bytecode?: Bytecode, blob?: Blob}} BytecodeToWorkerMessage
 */

/**
 * worker → page: bytecode this interpreter compiled during a run, for later interpreters.
 * @typedef {{type: 'bytecode', bytecode: Bytecode}} BytecodeMessage
 */

/**
 * page → worker, worker → page: Pyodide's compiled wasm, which every interpreter of the page instantiates
 * (worker/wasm-module.js).
 * @typedef {{type: 'module', module: WebAssembly.Module}} ModuleMessage
 */

/**
 * page → worker: a line typed for the read *readId* (Enter), or its end of file (Ctrl+D: text null).
 * @typedef {{type: 'stdin', runId: number, readId: number, text: string|null}} StdinMessage
 */

/**
 * worker → page: Python booted.
 * @typedef {object} ReadyMessage
 * @property {'ready'} type
 * @property {number} bootMs
 * @property {'jspi'|'compat'} mode JSPI lets asyncio.run() block as in CPython; without it, compat mode
 * @property {string} python Python's version
 * @property {'cold'|'snapshot'} boot
 * @property {'kept'|'served'|'copied'|'made'|'none'|'dropped'} snapshot 'kept' restored from this
 *   browser's; 'served' from the deck's, and 'copied' when this worker then kept it here too; 'made'
 *   booted cold and kept one; 'none'; 'dropped' (found, but it failed to restore)
 * @property {Record<string, number>} marks where the boot's time went (ms since the worker's time origin)
 */

/**
 * worker → page: Python could not boot.
 * @typedef {{type: 'failed', reason: string}} FailedMessage
 */

/**
 * worker → page: a line of a run, in print order.
 * @typedef {{type: 'output', runId: number, line: OutputLine}} OutputMessage
 */

/**
 * worker → page: the run's asyncio timeline so far (asyncio cells, while their tasks run).
 * @typedef {{type: 'timeline', runId: number, svg: string}} TimelineMessage
 */

/**
 * worker → page: a read of sys.stdin waits for a line (read), or none waits any more (null).
 * @typedef {{type: 'input', runId: number, read: StdinRead|null}} InputMessage
 */

/**
 * worker → page: the run ended.
 * @typedef {{type: 'done', runId: number, outcome: Outcome}} DoneMessage
 */

/**
 * worker → page: Pyodide suffered a fatal error between runs: this worker can run nothing more.
 * @typedef {{type: 'crashed'}} CrashedMessage
 */

/** @typedef {ReadyMessage|FailedMessage|OutputMessage|TimelineMessage|InputMessage|DoneMessage|CrashedMessage|BytecodeMessage|ModuleMessage} WorkerMessage */

export const toWorker = {
  /** @type {(runId: number, request: RunRequest) => RunMessage} */
  run: (runId, request) => ({ type: 'run', runId, request }),
  /** @type {(shared: {bytecode?: Bytecode, blob?: Blob}) => BytecodeToWorkerMessage} */
  bytecode: (shared) => ({ type: 'bytecode', ...shared }),
  /** @type {(runId: number, readId: number, text: string|null) => StdinMessage} */
  stdin: (runId, readId, text) => ({ type: 'stdin', runId, readId, text }),
  /** @type {(module: WebAssembly.Module) => ModuleMessage} */
  module: (module) => ({ type: 'module', module }),
}

export const fromWorker = {
  /** @type {(fields: Omit<ReadyMessage, 'type'>) => ReadyMessage} */
  ready: (fields) => ({ type: 'ready', ...fields }),
  /** @type {(reason: string) => FailedMessage} */
  failed: (reason) => ({ type: 'failed', reason }),
  /** @type {(runId: number, line: OutputLine) => OutputMessage} */
  output: (runId, line) => ({ type: 'output', runId, line }),
  /** @type {(runId: number, svg: string) => TimelineMessage} */
  timeline: (runId, svg) => ({ type: 'timeline', runId, svg }),
  /** @type {(runId: number, read: StdinRead|null) => InputMessage} */
  input: (runId, read) => ({ type: 'input', runId, read }),
  /** @type {(runId: number, outcome: Outcome) => DoneMessage} */
  done: (runId, outcome) => ({ type: 'done', runId, outcome }),
  /** @type {() => CrashedMessage} */
  crashed: () => ({ type: 'crashed' }),
  /** @type {(bytecode: Bytecode) => BytecodeMessage} */
  bytecode: (bytecode) => ({ type: 'bytecode', bytecode }),
  /** @type {(module: WebAssembly.Module) => ModuleMessage} */
  module: (module) => ({ type: 'module', module }),
}

// ---- Window ↔ window (the deck's BroadcastChannel: shared-pool.js, cell-sync.js) ----

/**
 * Python's status as the leading window's pool reports it (deck.js shows it).
 * @typedef {{status: 'loading'|'ready'|'failed', reason?: string} & Partial<Omit<ReadyMessage, 'type'>>} StatusDetail
 */

/**
 * A run not finished yet, as every window knows it.
 * @typedef {{name: string, started: boolean, startedAt: number}} Inflight
 */

/**
 * A cell as a window shows it (cell-sync.js), for a window that opens later.
 * @typedef {object} CellView
 * @property {string} name
 * @property {string} code
 * @property {string} state
 * @property {[string, string][]} lines output lines: [stream, text]
 * @property {string} svg the timeline
 * @property {string|null} elapsedMs
 * @property {string|undefined} mode
 * @property {Outcome|null} result the last run's outcome (an exercise's verdict)
 * @property {ExerciseState|null} exercise an exercise's hints shown and solution put in (null: not an exercise)
 * @property {{runId: string, startedAgoMs: number|null}|null} run the cell's run still going
 * @property {StdinRead|null} read its read of sys.stdin waiting for a line
 */

/**
 * A window opened (once its cells are wired): the leading window answers with a welcome.
 * @typedef {{type: 'hello', from: string}} HelloMessage
 */

/**
 * The leading window's answer to a hello (to: that window), or to every window not welcomed yet
 * (to: null, when the leader is ready to answer: one may have said hello before the leader listened).
 * @typedef {object} WelcomeMessage
 * @property {'welcome'} type
 * @property {string|null} to
 * @property {string} from
 * @property {StatusDetail} detail Python's status
 * @property {[string, Inflight][]} inflight every unfinished run, by run id
 * @property {CellView[]} views every cell as it stands
 */

/** @typedef {{type: 'status', detail: StatusDetail}} StatusMessage */

/**
 * A window asks the leading window to run a cell (run ids are `<window id>-<n>`).
 * @typedef {{type: 'run', runId: string, request: RunRequest, from: string}} WindowRunMessage
 */

/** @typedef {{type: 'stop', name: string}} StopMessage */

/**
 * A line typed in a window (or Ctrl+D: text null) for the read *readId* of the cell's run *runId*: the
 * leading window hands it to the run's worker.
 * @typedef {{type: 'stdin', runId: string, name: string, readId: number, text: string|null}} WindowStdinMessage
 */

/** @typedef {{type: 'edit', name: string, code: string, from: string}} EditMessage */

/**
 * An exercise cell's state beside its code (exercise.js): how many hints are shown, whether Solution put
 * the solution in (until Reset).
 * @typedef {{hints: number, solution: boolean}} ExerciseState
 */

/** @typedef {{type: 'exercise', name: string, from: string} & ExerciseState} ExerciseMessage */

/**
 * The audience's screen blacked out, or shown again (b or ., black-screen.js).
 * @typedef {{type: 'screen', black: boolean, from: string}} ScreenMessage
 */

/** @typedef {{type: 'reset', name: string, from: string}} ResetMessage */

/**
 * What happens to a run, sent by the leading window and delivered in every window, the leader's too:
 * queued (it waits its turn), merged (this request joined the run `into`: Run pressed in two windows at
 * once), start, output, timeline, input (a read waits for a line, or none does), done.
 * @typedef {{kind: 'queued'}
 *   | {kind: 'merged', into: string}
 *   | {kind: 'start', info: {mode: ReadyMessage['mode']|null}}
 *   | {kind: 'output', line: OutputLine}
 *   | {kind: 'timeline', svg: string}
 *   | {kind: 'input', read: StdinRead|null}
 *   | {kind: 'done', outcome: Outcome}} RunEvent
 */

/** @typedef {{type: 'run-event', runId: string, name: string} & RunEvent} RunEventMessage */

/** @typedef {HelloMessage|WelcomeMessage|StatusMessage|WindowRunMessage|StopMessage|WindowStdinMessage|EditMessage|ResetMessage|ExerciseMessage|ScreenMessage|RunEventMessage} WindowMessage */

export const toWindows = {
  /** @type {(from: string) => HelloMessage} */
  hello: (from) => ({ type: 'hello', from }),
  /** @type {(fields: Omit<WelcomeMessage, 'type'>) => WelcomeMessage} */
  welcome: ({ to, from, detail, inflight, views }) => ({ type: 'welcome', to, from, detail, inflight, views }),
  /** @type {(detail: StatusDetail) => StatusMessage} */
  status: (detail) => ({ type: 'status', detail }),
  /** @type {(runId: string, request: RunRequest, from: string) => WindowRunMessage} */
  run: (runId, request, from) => ({ type: 'run', runId, request, from }),
  /** @type {(name: string) => StopMessage} */
  stop: (name) => ({ type: 'stop', name }),
  /** @type {(runId: string, name: string, readId: number, text: string|null) => WindowStdinMessage} */
  stdin: (runId, name, readId, text) => ({ type: 'stdin', runId, name, readId, text }),
  /** @type {(name: string, code: string, from: string) => EditMessage} */
  edit: (name, code, from) => ({ type: 'edit', name, code, from }),
  /** @type {(name: string, state: ExerciseState, from: string) => ExerciseMessage} */
  exercise: (name, { hints, solution }, from) => ({ type: 'exercise', name, hints, solution, from }),
  /** @type {(black: boolean, from: string) => ScreenMessage} */
  screen: (black, from) => ({ type: 'screen', black, from }),
  /** @type {(name: string, from: string) => ResetMessage} */
  reset: (name, from) => ({ type: 'reset', name, from }),
  /** @type {(runId: string, name: string, event: RunEvent) => RunEventMessage} */
  runEvent: (runId, name, event) => ({ type: 'run-event', runId, name, ...event }),
}
