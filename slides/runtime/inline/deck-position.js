// Inlined in the deck by slides/engine/runtime-script.mjs, before Marp's script: every window of a deck
// (audience windows, presenter views, tabs) shows one slide position. Marp keeps windows on one slide
// when they share its sync key (in localStorage, bespoke-marp-sync-<key>: it moves each window that
// shares the key when another moves), but it gives each new tab a key of its own and hands it on only to
// the presenter view `p` opens: a tab opened after that did not follow, nor lead. Here every window of
// the deck takes one key — the deck's path — before Marp picks one (history.state is where Marp looks,
// after a presenter view's ?sync=), and a window opened while others show the deck starts on their slide
// and step (else its first slide would move them all back to it). slide-position.js checks, once the
// deck knows, that another window was really open.
;(function () {
  var params = new URLSearchParams(location.search)
  var view = params.get('view')
  if ((view && view !== 'presenter') || location.protocol === 'file:') return
  var key = 'asyncio-live:' + location.pathname
  try {
    // A presenter view `p` opened has ?sync=, which Marp reads first: this same key.
    history.replaceState(Object.assign({}, history.state, { marpBespokeSyncKey: key }), '')
    window.__liveDeckSyncKey = key
    var shared = JSON.parse(localStorage.getItem('bespoke-marp-sync-' + key) || 'null')
    if (!shared || !(shared.reference >= 1) || typeof shared.index !== 'number') return
    window.__liveDeckOpenedAt = location.hash || '#1' // where this window was asked to open
    if (shared.fragmentIndex > 0) params.set('f', String(shared.fragmentIndex))
    else params.delete('f')
    var query = params.toString()
    history.replaceState(history.state, '', location.pathname + (query ? '?' + query : '') + '#' + (shared.index + 1))
  } catch (error) {} // no localStorage: Marp's own keys (each window its own)
})()
