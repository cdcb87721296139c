// Web Worker: one Pyodide interpreter that runs live cells one at a time and
// streams their output line by line, as Python prints it.
//
// main → worker  {type: 'run', runId, code, name, keep}
// worker → main  {type: 'ready', bootMs, mode, python, boot: 'cold'|'snapshot', snapshot, marks}
//                {type: 'failed', reason}
//                {type: 'output', runId, stream: 'stdout'|'stderr'|'note', text}
//                {type: 'timeline', runId, svg}   (asyncio cells, while their tasks run)
//                {type: 'done', runId, status, elapsedMs, dropped}

import { version as PYODIDE_VERSION } from 'pyodide/package.json' // the build copies this very package
import { PRELOAD, keptSnapshot, restore, snapshotKey, writeSnapshot } from './snapshot.js'

const params = new URL(self.location.href).searchParams
const base = new URL('../', self.location.href) // dist/
const OUTPUT_LINE_CAP = 2000 // lines per run; beyond this the page would crawl
const RUNTIME_MODULES = ['asyncio_timeline.py', 'live_runtime.py'] // slides/runtime/, copied by the build

let pyodide = null
let runtime = null
let current = null // {runId, lines, dropped}
const keptNamespaces = new Map()

function emit(stream, text) {
  if (!current) return
  if (current.lines >= OUTPUT_LINE_CAP) {
    current.dropped += 1
    return
  }
  current.lines += 1
  postMessage({ type: 'output', runId: current.runId, stream, text })
  if (current.lines === OUTPUT_LINE_CAP) {
    postMessage({
      type: 'output',
      runId: current.runId,
      stream: 'note',
      text: `… output capped at ${OUTPUT_LINE_CAP} lines; the rest is not shown (the code keeps running)`,
    })
  }
}

async function fetchRuntimeModules() {
  return Promise.all(
    RUNTIME_MODULES.map(async (module) => {
      const response = await fetch(new URL(`runtime/${module}`, base))
      if (!response.ok) throw new Error(`cannot load runtime/${module} (HTTP ${response.status})`)
      return [module, await response.text()]
    }),
  )
}

function writeRuntimeModules(modules) {
  for (const [module, source] of modules) pyodide.FS.writeFile(`/home/pyodide/${module}`, source)
}

async function boot() {
  const started = performance.now()
  // ?jspi=off simulates a browser without JSPI, to exercise compat mode.
  if (params.get('jspi') === 'off') delete WebAssembly.Suspending
  // Everything that does not need the interpreter starts at once, in parallel with Pyodide's own loading.
  const loading = import(new URL('pyodide/pyodide.mjs', base).href)
  loading.catch(() => {}) // reported when awaited below
  // Where a boot's time goes, in ms since the worker started (`invoke bench` prints them).
  const marks = {}
  const mark = (name) => (marks[name] = Math.round(performance.now() - started))
  loading.then(() => mark('pyodideModule'), () => {})
  // Restore from a snapshot when one is kept; otherwise boot cold, and — in the standby
  // worker only, so the audience never waits for it — make one for next time. The kept
  // snapshot's bytes are read beside the runtime's fetch: loadPyodide needs them before
  // it instantiates its wasm. Its key (which covers the runtime's code) is checked after.
  const useSnapshots = params.get('snapshots') !== 'off'
  const kept = useSnapshots ? keptSnapshot() : Promise.resolve(null)
  const bytes = kept.then((found) => found?.response.arrayBuffer().then((buffer) => (mark('snapshotRead'), buffer)))
  bytes.catch(() => {}) // a failed read is a failed restore, below
  const modules = await fetchRuntimeModules()
  mark('runtimeFetched')
  const key = snapshotKey(base, PYODIDE_VERSION, modules)
  const stored = (await kept)?.key === key // another key: a stale snapshot (other runtime, Pyodide, site)
  const { loadPyodide, version } = await loading
  const options = { indexURL: new URL('pyodide/', base).href }
  mark('found')
  let boot = 'cold'
  let snapshot = stored ? 'kept' : 'none'
  if (stored && version === PYODIDE_VERSION) {
    pyodide = await restore(loadPyodide, options, key, bytes)
    mark('restored')
    if (pyodide) boot = 'snapshot'
    else snapshot = 'dropped' // corrupt or unusable: cold boot below
  }
  if (!pyodide) {
    const make = useSnapshots && params.get('role') === 'standby'
    try {
      pyodide = await loadPyodide(make ? { ...options, _makeSnapshot: true } : options)
    } catch (error) {
      if (!make) throw error
      pyodide = await loadPyodide(options) // the experimental option failed: plain boot
    }
    writeRuntimeModules(modules)
    pyodide.runPython(PRELOAD)
    if (make && pyodide.makeMemorySnapshot) {
      try {
        snapshot = (await writeSnapshot(key, pyodide.makeMemorySnapshot())) ? 'made' : snapshot
      } catch {}
    }
  }
  pyodide.setStdout({ batched: (line) => emit('stdout', line) })
  pyodide.setStderr({ batched: (line) => emit('stderr', line) })
  pyodide.setStdin({
    stdin: () => {
      emit('note', 'input() cannot read here: a live cell has no keyboard input. Put the value in the code.')
      return null // end of file: input() raises EOFError, as with `python script.py < /dev/null`
    },
  })
  if (boot === 'snapshot') writeRuntimeModules(modules) // imported already; the files serve tracebacks
  runtime = pyodide.pyimport('live_runtime')
  runtime.install()
  mark('installed')
  const python = pyodide.runPython('import sys; sys.version.split()[0]')
  // JSPI lets asyncio.run() block as in CPython; without it cells run in compat mode.
  const mode = typeof WebAssembly.Suspending === 'function' ? 'jspi' : 'compat'
  mark('ready')
  postMessage({ type: 'ready', bootMs: performance.now() - started, mode, python, boot, snapshot, marks })
}

async function run({ runId, code, name, keep, trace = true }) {
  current = { runId, lines: 0, dropped: 0 }
  const started = performance.now()
  let status
  let ranInPython = false
  try {
    let namespace
    if (keep) {
      if (!keptNamespaces.has(name)) {
        keptNamespaces.set(name, pyodide.toPy({ __name__: '__main__', __file__: `${name}.py` }))
      }
      namespace = keptNamespaces.get(name)
    }
    const onTimeline = trace ? (svg) => postMessage({ type: 'timeline', runId, svg }) : undefined
    status = await runtime.run_cell(code, `${name}.py`, namespace, onTimeline)
    ranInPython = true
  } catch (error) {
    // Only an interpreter-level failure reaches here; Python errors are printed by run_cell.
    emit('stderr', String(error?.message ?? error))
    status = 1
  }
  // The code's own wall time, measured in Python; the whole round trip if the interpreter failed.
  const elapsedMs = ranInPython ? runtime.last_elapsed * 1000 : performance.now() - started
  const { dropped } = current
  current = null
  postMessage({ type: 'done', runId, status, elapsedMs, dropped, mode: runtime.last_mode })
}

const queue = []
let busy = false
self.onmessage = async ({ data }) => {
  if (data.type !== 'run') return
  queue.push(data)
  if (busy) return
  busy = true
  await ready
  while (queue.length) await run(queue.shift())
  busy = false
}

const ready = boot().catch((error) => {
  postMessage({ type: 'failed', reason: String(error?.message ?? error) })
  throw error
})
