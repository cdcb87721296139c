// The worker's Python modules (the package slides/runtime/python/_livedeck/), carried in the worker's
// own bundle as text: a reopened deck restores its snapshot without fetching one of them, and the
// snapshot's key, which covers their source, is known the moment the worker starts. The list is the
// package folder's .py files, read when the worker is bundled (deckkit/bundle-runtime.mjs).
import modules from 'python-package:../python/_livedeck'

/** @type {[string, string][]} [file name, source] pairs, written under /home/pyodide/ (importable, and shown in tracebacks). */
export const RUNTIME_MODULES = modules
