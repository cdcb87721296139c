// Memory snapshots of a booted interpreter, kept in the browser's Cache Storage, so
// a reopened deck and every Stop restore Python in well under a second instead of
// a ~3 s cold boot. Pyodide's snapshot options are underscored (experimental):
// every failure here falls back to a cold boot, and the caller says which ran.

const CACHE = 'asyncio-live-deck-python'
const RESTORE_TIMEOUT_MS = 15_000

// What a snapshot holds beyond a bare interpreter: the deck's runtime (live_runtime.py and
// the stdlib modules it imports), so a restored worker needs no import at all. It holds no
// JavaScript reference until install(), so the interpreter can be serialized.
export const PRELOAD =
  'import live_runtime, fresh_process, platform_limits, platform_notes, script_errors, script_exit, script_output'

function hash(text) {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return (h >>> 0).toString(36)
}

/**
 * The cache key: a stale snapshot (other Pyodide, other preload, other runtime modules) is never
 * used. *modules* are the runtime's [name, source] pairs, whose code the snapshot carries.
 */
export function snapshotKey(base, pyodideVersion, modules) {
  const held = PRELOAD + modules.map(([name, source]) => `\n# ${name}\n${source}`).join('')
  return new URL(`pyodide/.snapshots/${pyodideVersion}-${hash(held)}.bin`, base).href
}

function supported() {
  return typeof caches !== 'undefined'
}

/**
 * The kept snapshot as {key, response} (its bytes not read yet), or null. writeSnapshot keeps
 * one, so it is found before its key is known: a restore needs its bytes before Pyodide
 * instantiates its wasm, so the read starts at once; the caller checks the key.
 */
export async function keptSnapshot() {
  if (!supported()) return null
  try {
    const cache = await caches.open(CACHE)
    const requests = await cache.keys()
    const request = requests[requests.length - 1]
    const response = request && (await cache.match(request))
    return response ? { key: request.url, response } : null
  } catch {
    return null
  }
}

export async function writeSnapshot(key, bytes) {
  if (!supported()) return false
  try {
    const cache = await caches.open(CACHE)
    await cache.put(key, new Response(bytes, { headers: { 'content-type': 'application/octet-stream' } }))
    for (const old of await cache.keys()) if (old.url !== key) await cache.delete(old) // stale ones
    return true
  } catch {
    return false // quota, private mode…: the next boot is cold, nothing else changes
  }
}

export async function dropSnapshot(key) {
  if (!supported()) return
  try {
    await (await caches.open(CACHE)).delete(key)
  } catch {}
}

/**
 * loadPyodide from a kept snapshot's bytes (a promise, being read); null (and the snapshot
 * dropped) if it fails in any way.
 */
export async function restore(loadPyodide, options, key, bytes) {
  try {
    const timeout = new Promise((_, reject) =>
      setTimeout(() => reject(new Error('snapshot restore timed out')), RESTORE_TIMEOUT_MS),
    )
    const restoring = loadPyodide({ ...options, _loadSnapshot: bytes })
    const pyodide = await Promise.race([restoring, timeout])
    if (pyodide.runPython('1 + 1') !== 2) throw new Error('restored interpreter misbehaves')
    return pyodide
  } catch {
    await dropSnapshot(key)
    return null
  }
}
