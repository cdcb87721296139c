// Inlined at the top of the deck's <body> by slides/engine/runtime-script.mjs, so Python
// starts booting while the browser is still parsing and laying out the slides (about a
// second for a whole deck). python-pool.js adopts this worker and replays what it said.
;(function () {
  var params = new URLSearchParams(location.search)
  if (params.get('view') === 'next' || typeof Worker === 'undefined') return
  var query = new URLSearchParams()
  ;['jspi', 'snapshots'].forEach(function (name) {
    if (params.get(name) === 'off') query.set(name, 'off')
  })
  query.set('role', 'active')
  try {
    var worker = new Worker(new URL('runtime/python-worker.js?' + query, document.baseURI), { type: 'module' })
    var early = { worker: worker, query: query.toString(), messages: [], errors: [] }
    worker.onmessage = function (event) { early.messages.push(event) }
    worker.onerror = function (event) { early.errors.push(event) }
    window.__liveDeckEarlyWorker = early
  } catch (error) {} // the runtime starts one itself
})()
