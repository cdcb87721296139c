// Memory snapshots of a booted interpreter, kept in the origin private file system (OPFS),
// so a reopened deck and every Stop restore Python in a fraction of a second instead of a
// ~2 s cold boot. OPFS, not Cache Storage: a worker reads the 31 MB there in 20–60 ms against
// 100–230 ms (fresh renderer, measured), short enough to hide behind Pyodide's own loading.
// A browser that keeps none yet restores the one the build made (deckkit/snapshot.py), served
// gzipped beside the deck (6 MB), and keeps a copy.
// Pyodide's snapshot options are underscored (experimental): every failure here falls back
// to a cold boot, and the caller says which ran.

import { fnv1a } from '../shared/fnv1a.js'

const FOLDER = 'asyncio-live-deck-snapshots'
const OLD_CACHE = 'asyncio-live-deck-python' // where earlier releases kept theirs (Cache Storage)
const RESTORE_TIMEOUT_MS = 15_000

// What a snapshot holds beyond a bare interpreter: the runtime's entry (_livedeck/worker_api.py),
// with what it imports (the runtime's modules the worker uses at once and the stdlib's), so a restored
// worker needs no import at all. It holds no JavaScript reference until install(), so the
// interpreter can be serialized.
export const PRELOAD = 'import _livedeck.worker_api'

/**
 * The snapshot's file name: a stale snapshot (other Pyodide, other preload, other runtime
 * modules) is never used. *modules* are the runtime's [name, source] pairs, whose code it carries.
 */
export function snapshotName(pyodideVersion, modules) {
  const held = PRELOAD + modules.map(([name, source]) => `\n# ${name}\n${source}`).join('')
  return `${pyodideVersion}-${fnv1a(held).toString(36)}.bin`
}

async function folder() {
  if (!navigator.storage?.getDirectory) return null
  return (await navigator.storage.getDirectory()).getDirectoryHandle(FOLDER, { create: true })
}

/**
 * The bytes of the kept snapshot called *name*, as a promise that rejects with a NotFoundError
 * when none is kept (or there is no OPFS). The caller starts Pyodide's loading meanwhile, so the
 * lookup and the read run beside Pyodide's own requests.
 */
export async function keptSnapshot(name) {
  const dir = await folder()
  if (!dir) throw new DOMException('no origin private file system', 'NotFoundError')
  const handle = await dir.getFileHandle(name) // NotFoundError: none kept yet
  const file = await handle.getFile()
  // Empty while another worker writes it (createWritable commits on close): none yet.
  if (!file.size) throw new DOMException('a snapshot being written', 'NotFoundError')
  return readFile(handle, file)
}

/**
 * The snapshot the deck was built with (dist/snapshots/*name*.gz), as bytes; a NotFoundError when
 * the deck has none of this name (built without one, or another runtime's).
 */
export async function servedSnapshot(name, base) {
  const response = await fetch(new URL(`snapshots/${name}.gz`, base))
  if (!response.ok) throw new DOMException(`no snapshot served (HTTP ${response.status})`, 'NotFoundError')
  const body = new Uint8Array(await response.arrayBuffer())
  // A host that sends .gz files with Content-Encoding: gzip has had the browser unzip it already.
  if (body[0] !== 0x1f || body[1] !== 0x8b) return body
  const unzipped = new Blob([body]).stream().pipeThrough(new DecompressionStream('gzip'))
  return new Uint8Array(await new Response(unzipped).arrayBuffer())
}

// A synchronous access handle (workers only) reads the 31 MB snapshot in 20–60 ms, a Blob's
// arrayBuffer() in 100–180 ms (fresh renderer, measured). It is exclusive: a second worker
// reading at the same moment gets the Blob.
async function readFile(handle, file) {
  let access = null
  try {
    access = await handle.createSyncAccessHandle()
  } catch {}
  if (!access) return new Uint8Array(await file.arrayBuffer())
  try {
    const buffer = new Uint8Array(access.getSize())
    access.read(buffer, { at: 0 })
    return buffer
  } finally {
    access.close()
  }
}

/** Keep *bytes* as snapshot *name*, and drop every other (stale) one. */
export async function writeSnapshot(name, bytes) {
  try {
    const dir = await folder()
    if (!dir) return false
    const writable = await (await dir.getFileHandle(name, { create: true })).createWritable()
    await writable.write(bytes)
    await writable.close() // atomic: a reader sees the old file or the whole new one
    for await (const entry of dir.keys()) if (entry !== name) await dir.removeEntry(entry).catch(() => {})
    if (typeof caches !== 'undefined') caches.delete(OLD_CACHE).catch(() => {})
    return true
  } catch {
    return false // quota, private mode…: the next boot is cold, nothing else changes
  }
}

export async function dropSnapshot(name) {
  try {
    await (await folder())?.removeEntry(name)
  } catch {}
}

/**
 * loadPyodide from a kept snapshot's bytes (a promise, being read); null if it fails in any way
 * (none kept, or a snapshot that does not restore: that one is dropped).
 */
export async function restore(loadPyodide, options, name, bytes) {
  try {
    const timeout = new Promise((_, reject) =>
      setTimeout(() => reject(new Error('snapshot restore timed out')), RESTORE_TIMEOUT_MS),
    )
    const restoring = loadPyodide({ ...options, _loadSnapshot: bytes })
    const pyodide = await Promise.race([restoring, timeout])
    if (pyodide.runPython('1 + 1') !== 2) throw new Error('restored interpreter misbehaves')
    return pyodide
  } catch {
    if (await bytes.then(() => true, () => false)) await dropSnapshot(name) // read, yet unusable
    return null
  }
}
