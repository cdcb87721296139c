// What the inlined early boot (inline/early-boot.js, bundled on its own by slides/engine/runtime-script.mjs)
// and the deck's runtime (page/) must agree on, written once.

/** Left in localStorage once a snapshot exists in this browser (python-pool.js); the early boot reads it. */
export const SNAPSHOT_MARK = 'asyncio-live-deck-snapshot'

/** Marp's next-slide preview (?view=next) and overview (?view=overview) are iframes of the deck: no Python there. */
export const VIEWS_WITHOUT_PYTHON = ['next', 'overview']

/**
 * The test and benchmark switches of a deck's URL passed on to its workers: ?jspi=off, ?snapshots=off.
 * @param {URLSearchParams} params the deck's
 */
export function forwardedSwitches(params) {
  const forwarded = new URLSearchParams()
  for (const name of ['jspi', 'snapshots']) if (params.get(name) === 'off') forwarded.set(name, 'off')
  return forwarded
}

/**
 * The deck's Web Lock (and broadcast channel): one per deck URL and switches (leadership.js).
 * @param {string} pathname
 * @param {URLSearchParams} forwarded
 */
export function deckLockName(pathname, forwarded) {
  return `asyncio-live ${pathname}?${forwarded}`
}
