// The worker's Python modules (slides/runtime/*.py), carried in the worker's own bundle as text
// (esbuild's text loader): a reopened deck restores its snapshot without fetching one of them,
// and the snapshot's key, which covers their source, is known the moment the worker starts.
import asyncio_timeline from './asyncio_timeline.py'
import fresh_process from './fresh_process.py'
import grader from './grader.py'
import green_threads from './green_threads.py'
import live_runtime from './live_runtime.py'
import platform_limits from './platform_limits.py'
import platform_notes from './platform_notes.py'
import script_errors from './script_errors.py'
import script_exit from './script_exit.py'
import script_loop from './script_loop.py'
import script_main from './script_main.py'
import script_output from './script_output.py'
import thread_gc from './thread_gc.py'

/** [file name, source] pairs, written to /home/pyodide/ (importable, and shown in tracebacks). */
export const RUNTIME_MODULES = Object.entries({
  asyncio_timeline,
  fresh_process,
  grader,
  green_threads,
  live_runtime,
  platform_limits,
  platform_notes,
  script_errors,
  script_exit,
  script_loop,
  script_main,
  script_output,
  thread_gc,
}).map(([name, source]) => [`${name}.py`, source])
