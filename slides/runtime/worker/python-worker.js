// Web Worker: one Pyodide interpreter that runs live cells one at a time and
// streams their output line by line, as Python prints it. What it receives and sends
// (run, stdin, module → ready, failed, output, timeline, input, done, crashed, bytecode, module) is declared in
// ../shared/protocol.js.
// A run with a grader (an exercise, see exercise.js) is graded after it ran (grader.py), from the
// lines it printed, its timeline's trace and its code; its outcome then carries the verdict.

import { loadPyodide, version as PYODIDE_VERSION } from 'pyodide' // bundled: one fetch less before the boot starts
import { OutputLines } from './output-lines.js'
import { RUNTIME_MODULES } from './python-package.js'
import { readTimeZoneAgain } from './time-zone.js'
import { PRELOAD, keptSnapshot, memorySnapshot, restore, servedSnapshot, snapshotName, writeSnapshot } from './snapshot.js'
import { answerWithKeptStdlib, keepStdlib, keptStdlib } from './stdlib.js'
import { moduleArrived, shareCompiledModule } from './wasm-module.js'
import { fromWorker, noted, outcome, printed } from '../shared/protocol.js'

const params = new URL(self.location.href).searchParams
shareCompiledModule(params.get('wasm') === 'shared')
const base = new URL('../', self.location.href) // dist/
const OUTPUT_LINE_CAP = 2000 // lines per run; beyond this the page would crawl
// The standard library's archive with its files stored whole, in dist/stdlib/ (deckkit/stdlib_archive.py):
// its name, given by the build (deckkit/bundle-runtime.mjs); null: Pyodide's own python_stdlib.zip.
const STDLIB = typeof STDLIB_ARCHIVE === 'string' ? STDLIB_ARCHIVE : null

let pyodide = null
let runtime = null // _livedeck.worker_api
let runScript = null // runtime.run, looked up once: each lookup makes a new proxy of it (~4 ms in a new worker)
let lastMode = null // the last run's ("jspi" | "compat"): said again if the interpreter fails mid-run
let current = null // {runId, lines, dropped, started, read}
let reads = 0 // the keyboard's reads asked for so far: each line typed answers one by its id

function emit(stream, text) {
  if (!current) return
  if (current.printed && current.printed.length < OUTPUT_LINE_CAP) current.printed.push([stream, text])
  if (current.lines >= OUTPUT_LINE_CAP) {
    current.dropped += 1
    return
  }
  current.lines += 1
  postMessage(fromWorker.output(current.runId, printed(stream, text)))
  if (current.lines === OUTPUT_LINE_CAP) note('outputCapped', [OUTPUT_LINE_CAP])
}

const output = new OutputLines(emit)

// A note sits where it happened: after every byte printed before it.
function note(key, args = []) {
  if (!current) return
  output.flush()
  postMessage(fromWorker.output(current.runId, noted(key, args)))
}

function writeRuntimeModules() {
  // Encoded here, natively: Emscripten's own encoder, JavaScript not yet compiled in a new worker, took ~6 ms of
  // a restore for the package's 190 KB.
  const utf8 = new TextEncoder()
  for (const [module, source] of RUNTIME_MODULES) {
    pyodide.FS.mkdirTree(`/home/pyodide/${module.slice(0, module.lastIndexOf('/'))}`) // the package, a subpackage
    pyodide.FS.writeFile(`/home/pyodide/${module}`, utf8.encode(source))
  }
}

async function boot() {
  const started = performance.now()
  // ?jspi=off simulates a browser without JSPI, to exercise compat mode.
  if (params.get('jspi') === 'off') delete WebAssembly.Suspending
  // Where a boot's time goes, in ms since the worker's time origin (`invoke bench` prints them).
  const marks = { evaluated: Math.round(started) } // this module's code has loaded and run
  const mark = (name) => (marks[name] = Math.round(performance.now()))
  // Restore from a snapshot: the one kept in this browser, else the one the deck was built
  // with. None restores: boot cold, and — in the standby worker only, so the audience never
  // waits for it — make one for next time. Its name covers the runtime's code, which this
  // bundle carries: nothing is fetched first, and Pyodide's loading starts at once, beside
  // the snapshot's lookup and read (it awaits the bytes before it instantiates its wasm);
  // none found, that loading fails early, and a cold boot follows.
  const options = { indexURL: new URL('pyodide/', base).href }
  // Pyodide's first step imports its 1.2 MB Emscripten module: fetched and compiled meanwhile.
  import(`${options.indexURL}pyodide.asm.mjs`).catch(() => {}) // a failure shows in loadPyodide
  const useSnapshots = params.get('snapshots') !== 'off'
  const name = snapshotName(PYODIDE_VERSION, RUNTIME_MODULES, STDLIB)
  // The standard library: the archive kept in this browser, else the deck's (stdlib.js).
  const keptNone = !useSnapshots || params.get('snapshot') === 'none' // as for the snapshot (below)
  const stdlib = STDLIB ? { url: new URL(`stdlib/${STDLIB}`, base).href } : null
  if (stdlib) {
    options.stdLibURL = stdlib.url
    const kept = keptNone ? Promise.reject(new DOMException('none kept', 'NotFoundError')) : keptStdlib(STDLIB)
    kept.catch(() => {})
    Object.assign(stdlib, answerWithKeptStdlib(stdlib.url, kept))
  }
  let source = /** @type {'kept'|'served'} */ ('kept') // 'served' once it reads the deck's (closures escape narrowing)
  const served = () => {
    source = 'served'
    return servedSnapshot(name, base)
  }
  // ?snapshot=none: the page knows none was kept in this browser yet (early-boot.js).
  const bytes = !useSnapshots ? null : params.get('snapshot') === 'none' ? served() : keptSnapshot(name).catch(served)
  bytes?.then(() => mark('snapshotRead'), () => {})
  /** @type {import('../shared/protocol.js').ReadyMessage['boot']} */
  let boot = 'cold'
  /** @type {import('../shared/protocol.js').ReadyMessage['snapshot']} */
  let snapshot = 'none'
  if (bytes) {
    pyodide = await restore(loadPyodide, options, name, bytes)
    mark(pyodide ? 'restored' : 'notRestored')
    if (pyodide) [boot, snapshot] = ['snapshot', source]
    else snapshot = await bytes.then(() => 'dropped', (error) => (error?.name === 'NotFoundError' ? 'none' : 'dropped'))
  }
  if (!pyodide) {
    const make = useSnapshots && params.get('role') === 'standby'
    try {
      pyodide = await loadPyodide(make ? { ...options, _makeSnapshot: true } : options)
    } catch (error) {
      if (!make) throw error
      pyodide = await loadPyodide(options) // the experimental option failed: plain boot
    }
    mark('booted')
    writeRuntimeModules()
    pyodide.runPython(PRELOAD)
    mark('imported')
    if (make && pyodide.makeMemorySnapshot) {
      try {
        snapshot = (await writeSnapshot(name, memorySnapshot(pyodide))) ? 'made' : snapshot
      } catch {}
    }
  }
  stdlib?.unhook()
  // Raw bytes, split into lines here (output-lines.js): a last line without a newline is not held back.
  pyodide.setStdout({ write: (bytes) => output.write('stdout', bytes), isatty: false })
  pyodide.setStderr({ write: (bytes) => output.write('stderr', bytes), isatty: false })
  // sys.stdin and input() read the keyboard (script_stdin.py); file descriptor 0 itself reads nothing.
  pyodide.setStdin({
    stdin: () => {
      note('input')
      return null // end of file, as with `python script.py < /dev/null`
    },
  })
  if (boot === 'snapshot') writeRuntimeModules() // imported already; the files serve tracebacks
  watchForCrashes()
  readTimeZoneAgain(pyodide) // a snapshot holds the zone of the browser that made it
  // The runtime's one entry (worker_api.py): CPython's loop and green threads under JSPI, and a
  // CPython script's behaviours; Python's notes (platform_notes.py) and os._exit() come back here.
  runtime = pyodide.pyimport('_livedeck.worker_api')
  runtime.install((key, args) => note(key, args?.toJs?.() ?? []), retire, askForLine)
  mark('installed')
  const python = pyodide.runPython('import sys; sys.version.split()[0]')
  // JSPI lets asyncio.run() block as in CPython; without it cells run in compat mode.
  const mode = typeof WebAssembly.Suspending === 'function' ? 'jspi' : 'compat'
  // The deck's snapshot, restored: the standby keeps a copy, so the next open reads it from disk.
  if (snapshot === 'served' && params.get('role') === 'standby' && (await writeSnapshot(name, await bytes))) {
    snapshot = 'copied'
  }
  // Likewise the standard library, decoded, when the server sent it (useSnapshots: as a kept snapshot would be).
  if (stdlib?.fromServer() && useSnapshots && params.get('role') === 'standby') await keepStdlib(STDLIB, pyodide)
  mark('ready')
  postMessage(fromWorker.ready({ bootMs: performance.now() - started, mode, python, boot, snapshot, marks }))
}

// A fatal error of Pyodide (a crash of the interpreter, e.g. memory access out of bounds) leaves the
// run's promise pending for ever and makes Pyodide dump its stacks to stderr. Whatever the cause, the
// cell must not hang nor show that dump as the program's output: the run ends here, with a note in
// the deck's language, and the pool retires this worker as after os._exit().
let crashed = false
function watchForCrashes() {
  const api = pyodide._api
  const fatalError = api.fatal_error
  api.fatal_error = function (error) {
    if (!crashed) {
      crashed = true
      if (current) {
        note('crashed')
        endRunNow({ crashed: true }) // nothing printed from here on belongs to the run
      } else {
        postMessage(fromWorker.crashed()) // between runs (a thread left over): the next run needs another worker
      }
    }
    return fatalError.call(this, error)
  }
}

// A read of sys.stdin waits for the keyboard (script_stdin.py): the page shows a field after the output,
// with the prompt — the line printed so far, if unfinished — beside it.
function askForLine() {
  if (!current) return
  current.read = ++reads
  postMessage(fromWorker.input(current.runId, { id: current.read, prompt: output.pending('stdout') }))
}

/**
 * A line typed (Enter) or Ctrl+D (text null), for the read *readId* of run *runId*: echoed as a terminal
 * echoes it, after what was printed (no echo for Ctrl+D), then given to the read. A line for a read
 * already answered — typed in two windows at once — or for another run is dropped.
 * @param {import('../shared/protocol.js').StdinMessage} message
 */
function typed({ runId, readId, text }) {
  if (!current || current.runId !== runId || current.read !== readId || !runtime.stdin_waiting()) return
  current.read = 0
  postMessage(fromWorker.input(runId, null))
  if (text !== null) output.write('stdout', new TextEncoder().encode(`${text}\n`))
  runtime.feed_stdin(text ?? undefined) // undefined: Python's None (null would be pyodide.ffi.jsnull)
}

// os._exit(n): report the run as ended with status n; Python never returns from this call.
function retire(status) {
  if (!current) return
  output.flush()
  endRunNow({ status })
}

// The run ends while Python cannot go on (os._exit, a crash): the pool retires this worker.
function endRunNow(fields) {
  const { runId, dropped, started } = current
  current = null
  postMessage(fromWorker.done(runId, outcome({ elapsedMs: performance.now() - started, dropped, retire: true, ...fields })))
}

function grade(grader, printed, result, source) {
  const lines = (stream) => printed.filter(([kind]) => kind === stream).map(([, text]) => text)
  const request = JSON.stringify({ ...grader, stdout: lines('stdout'), stderr: lines('stderr'), status: result.status, source })
  try {
    return JSON.parse(runtime.grade(request, result))
  } catch (error) {
    return { verdict: 'fail', key: 'graderError', args: [String(error?.message ?? error)] } // labels.js verdicts
  }
}

/** @param {import('../shared/protocol.js').RunMessage} message */
async function run({ runId, request: { code, name, keep, trace, grader } }) {
  output.flush() // with no run current: nothing printed between runs goes into this one
  const started = performance.now()
  current = { runId, lines: 0, dropped: 0, started, printed: grader ? [] : null, read: 0 }
  let result = null // how the run ended (live_runtime.Result), null if the interpreter failed
  try {
    const onTimeline = trace ? (svg) => postMessage(fromWorker.timeline(runId, svg)) : undefined
    result = await runScript(code, name, keep, onTimeline)
  } catch (error) {
    // Only an interpreter-level failure reaches here; Python errors are printed by run_cell.
    emit('stderr', String(error?.message ?? error))
  }
  const status = result ? result.status : 1
  // The code's own wall time, measured in Python; the whole round trip if the interpreter failed.
  const elapsedMs = result ? result.elapsed * 1000 : performance.now() - started
  output.flush() // a last line without a newline belongs to this run
  const { dropped, printed } = current
  current = null
  const verdict = grader && result ? grade(grader, printed, result, code) : null
  if (result) lastMode = result.mode
  shareBytecode() // before done: the pool ends this worker then, and what it said after is lost
  postMessage(fromWorker.done(runId, outcome({ status, elapsedMs, dropped, mode: lastMode, verdict })))
  result?.destroy()
}

// The modules this run compiled go to the page, which gives them to later interpreters (shared_bytecode.py).
function shareBytecode() {
  const fresh = runtime.take_bytecode()
  const bytecode = fresh.toJs({ dict_converter: (entries) => new Map(entries) })
  fresh.destroy()
  if (bytecode.size) postMessage(fromWorker.bytecode(bytecode))
}

const queue = []
let busy = false
self.onmessage = async ({ data }) => {
  if (data.type === 'module') return moduleArrived(data.module) // awaited by the boot: not queued behind it
  if (data.type === 'stdin') return typed(data)
  if (data.type !== 'run' && data.type !== 'bytecode') return
  queue.push(data) // in order: bytecode given before a run serves its imports
  if (busy) return
  busy = true
  await ready
  while (queue.length) {
    const message = queue.shift()
    if (message.type === 'run') await run(message)
    else runtime.add_bytecode(message.bytecode, message.blob && new Uint8Array(await message.blob.arrayBuffer()))
  }
  busy = false
}

// Once the page has been told Python is ready (a first open's wait is not made longer): a new worker's first
// run prints ~10 ms sooner (worker_api.py). A run posted meanwhile waits for it, as for the boot.
async function warmUp() {
  runScript = runtime.run
  const warm = runtime.warm_up()
  await warm
  warm.destroy()
}

const ready = boot().then(warmUp).catch((error) => {
  postMessage(fromWorker.failed(String(error?.message ?? error)))
  throw error
})
