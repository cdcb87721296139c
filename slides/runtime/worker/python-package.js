// The worker's Python modules (the package slides/runtime/python/_livedeck/), carried in the worker's own bundle as text
// (esbuild's text loader): a reopened deck restores its snapshot without fetching one of them,
// and the snapshot's key, which covers their source, is known the moment the worker starts.
import __init__ from '../python/_livedeck/__init__.py'
import asyncio_timeline from '../python/_livedeck/asyncio_timeline.py'
import fresh_process from '../python/_livedeck/fresh_process.py'
import grader from '../python/_livedeck/grader.py'
import green_threads from '../python/_livedeck/green_threads.py'
import live_runtime from '../python/_livedeck/live_runtime.py'
import platform_limits from '../python/_livedeck/platform_limits.py'
import platform_notes from '../python/_livedeck/platform_notes.py'
import script_errors from '../python/_livedeck/script_errors.py'
import script_exit from '../python/_livedeck/script_exit.py'
import script_loop from '../python/_livedeck/script_loop.py'
import script_main from '../python/_livedeck/script_main.py'
import script_output from '../python/_livedeck/script_output.py'
import thread_gc from '../python/_livedeck/thread_gc.py'
import worker_api from '../python/_livedeck/worker_api.py'

/** [file name, source] pairs, written under /home/pyodide/ (the package _livedeck/) (importable, and shown in tracebacks). */
export const RUNTIME_MODULES = Object.entries({
  __init__,
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
  worker_api,
}).map(([name, source]) => [`_livedeck/${name}.py`, source])
