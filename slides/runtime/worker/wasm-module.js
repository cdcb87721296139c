// One compiled Pyodide for all of a page's interpreters. Each worker compiled pyodide.asm.wasm for itself
// (instantiateStreaming), so each ran its first run on functions not compiled yet in it: V8 compiles a
// wasm function on its first call, per module. The first worker hands its WebAssembly.Module to the page
// (python-pool.js), which gives it to every later worker: they instantiate it, and share its code —
// what an earlier interpreter compiled, tiered up, is compiled for them.

import { fromWorker } from '../shared/protocol.js'

/** @type {((module: WebAssembly.Module) => void)|null} */
let arrive = null

/**
 * Instantiate Pyodide's wasm from the page's module if *expected* (its URL says one comes: moduleArrived
 * gives it), else compile it as Pyodide does and hand the module to the page.
 * @param {boolean} expected
 */
export function shareCompiledModule(expected) {
  const given = expected ? new Promise((resolve) => (arrive = resolve)) : null
  const { instantiateStreaming } = WebAssembly
  WebAssembly.instantiateStreaming = async function (source, imports) {
    if (given) {
      Promise.resolve(source).then((response) => response.body?.cancel(), () => {}) // its bytes are not needed
      const module = await given
      return { module, instance: await WebAssembly.instantiate(module, imports) }
    }
    const result = await instantiateStreaming.call(this, source, imports)
    postMessage(fromWorker.module(result.module))
    return result
  }
}

/** @param {WebAssembly.Module} module the page's (toWorker.module) */
export function moduleArrived(module) {
  arrive?.(module)
}
