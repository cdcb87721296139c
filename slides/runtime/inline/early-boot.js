// Bundled on its own (esbuild, minified), inlined in the deck by slides/engine/runtime-script.mjs and
// moved by the build into <head>, right after <meta charset> (deckkit/build.py), so Python starts
// booting before the browser has parsed the theme's styles and the slides. python-pool.js adopts this worker and
// replays what it said.
// One window per deck runs Python (page/leadership.js): the worker stays only in
// the window that wins the deck's Web Lock; a presenter view or second tab opened beside
// it terminates its own as soon as it learns it follows. What it shares with the runtime (the
// lock's name, the snapshot mark, the switches) comes from ../shared/boot-constants.js.
import { SNAPSHOT_MARK, VIEWS_WITHOUT_PYTHON, deckLockName, forwardedSwitches } from '../shared/boot-constants.js'

;(function () {
  var params = new URLSearchParams(location.search)
  var noPython = VIEWS_WITHOUT_PYTHON.includes(params.get('view') ?? '')
  if (noPython || location.protocol === 'file:' || typeof Worker === 'undefined') return
  var query = forwardedSwitches(params)
  var workerQuery = new URLSearchParams(query)
  workerQuery.set('role', 'active')
  // No snapshot kept in this browser yet (the mark python-pool.js leaves): this worker fetches the
  // deck's own at once instead of first asking the origin's file system, whose first use in a
  // profile takes ~200 ms (measured). A hint for this worker only: the pool adopts it by workerQuery.
  var hinted = new URLSearchParams(workerQuery)
  try {
    if (!localStorage.getItem(SNAPSHOT_MARK)) hinted.set('snapshot', 'none')
  } catch (error) {} // no localStorage: the worker looks for itself
  function boot() {
    try {
      var worker = new Worker(new URL('runtime/python-worker.js?' + hinted, document.baseURI), { type: 'module' })
      var early = { worker: worker, query: workerQuery.toString(), messages: [], errors: [], at: performance.now() }
      worker.onmessage = function (event) { early.messages.push(event) }
      worker.onerror = function (event) { early.errors.push(event) }
      window.__liveDeckEarlyWorker = early
    } catch (error) {} // the runtime starts one itself
  }
  // Started at once, before asking which window leads: the lock's answer comes only when the
  // parser yields (35–130 ms after the ask, measured), which would delay every boot by as much.
  boot()
  if (!navigator.locks) return // no Web Locks (not a secure context): every window runs its own
  var name = deckLockName(location.pathname, query) // as leadership.js's
  /** @type {NonNullable<Window['__liveDeckLock']>} */
  var lock = (window.__liveDeckLock = {
    name: name,
    held: new Promise(function (resolve) {
      navigator.locks.request(name, { ifAvailable: true }, function (held) {
        resolve(!!held)
        if (held) return new Promise(function () {}) // held for this window's lifetime
        // Another window runs Python for this deck: this one's worker goes before it has done much.
        var early = window.__liveDeckEarlyWorker
        window.__liveDeckEarlyWorker = null
        if (early) {
          early.worker.terminate()
          lock.followerWorkerMs = performance.now() - early.at // how long it lived (tests read it)
        }
      })
    }),
  })
})()
