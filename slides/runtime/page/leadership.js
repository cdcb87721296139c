// Which window runs Python for a deck. The presenter view, the audience window and any
// tab of the same deck URL share one Python: the window holding the deck's Web Lock
// leads (owns the interpreters); when it closes, the browser hands the lock to the next
// waiting window, which takes over. early-boot.js may already hold the lock.

import { deckLockName as lockName } from '../shared/boot-constants.js'

/**
 * The lock's (and broadcast channel's) name: one per deck URL and runtime switches.
 * @param {URLSearchParams} forwarded
 */
export function deckLockName(forwarded) {
  return lockName(location.pathname, forwarded)
}

/**
 * @param {string} name
 * @param {LockOptions} options
 * @returns {Promise<boolean>}
 */
function request(name, options) {
  return new Promise((resolve) => {
    navigator.locks.request(name, options, (lock) => {
      resolve(Boolean(lock))
      if (lock) return new Promise(() => {}) // held until this window closes
    })
  })
}

/**
 * {leading: Promise<true>} resolves when this window leads (at once, or when the leader
 * closes); {first: Promise<boolean>} tells whether it led from the start.
 */
/** @param {string} name */
export function leadership(name) {
  const early = window.__liveDeckLock
  const first = early?.name === name ? early.held : request(name, { ifAvailable: true })
  const leading = first.then((held) => held || request(name, {}))
  return { first, leading }
}
