// The other half of inline/deck-position.js, which started this window on the slide Marp last stored for
// the deck's windows: once the deck's lock says whether another window of the deck is open, a window
// that is in fact the only one (the count Marp keeps outlived a window that closed without saying so:
// a crash) goes back to the slide it was opened on, and Marp's count starts again from this window.

/** @param {Promise<boolean>} first whether this window is the deck's first (leadership.js) */
export function checkSharedPosition(first) {
  const asked = window.__liveDeckOpenedAt
  const key = window.__liveDeckSyncKey
  if (!asked || !key) return
  first.then((alone) => {
    if (!alone) return
    try {
      const item = `bespoke-marp-sync-${key}`
      localStorage.setItem(item, JSON.stringify({ ...JSON.parse(localStorage.getItem(item) || '{}'), reference: 1 }))
    } catch {} // no localStorage: nothing was adopted
    if (location.hash !== asked) location.hash = asked
  })
}
