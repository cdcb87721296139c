// What the runtime's JavaScript uses beyond the DOM's types (jsconfig.json; tests/test_runtime_js.py).

// The runtime's Python package, bundled as [file name, source] pairs (worker/python-package.js;
// deckkit/bundle-runtime.mjs resolves it).
declare module 'python-package:*' {
  const modules: [string, string][]
  export default modules
}

interface Window {
  /** The worker inline/early-boot.js started while the page was parsing (python-pool.js adopts it). */
  __liveDeckEarlyWorker: { worker: Worker; query: string; messages: MessageEvent[]; errors: ErrorEvent[]; at: number } | null
  /** The deck's Web Lock as inline/early-boot.js asked for it (leadership.js). */
  __liveDeckLock?: { name: string; held: Promise<boolean>; followerWorkerMs?: number }
  /** Marp's sync key every window of the deck takes (inline/deck-position.js; slide-position.js). */
  __liveDeckSyncKey?: string
  /** The slide this window was asked to open on, when deck-position.js opened it on the other windows' instead. */
  __liveDeckOpenedAt?: string
  /** Hooks for tests and tooling (deck.js). */
  liveDeck?: object
}

declare namespace WebAssembly {
  /** JSPI (JavaScript Promise Integration): where the browser has it, asyncio.run() blocks as in CPython. */
  let Suspending: Function | undefined
}

interface FileSystemDirectoryHandle {
  keys(): AsyncIterableIterator<string>
}

/** The worker's bundle: the standard library archive's name in dist/stdlib/ (deckkit/bundle-runtime.mjs's define). */
declare const STDLIB_ARCHIVE: string | null
