// Memory snapshots of a booted interpreter, kept in the origin private file system (OPFS),
// so a reopened deck and every Stop restore Python in a fraction of a second instead of a
// ~2 s cold boot. OPFS, not Cache Storage: a worker reads the 31 MB there in 20–60 ms against
// 100–230 ms (fresh renderer, measured), short enough to hide behind Pyodide's own loading.
// A browser that keeps none yet restores the one the build made (deckkit/snapshot.py), served
// compressed beside the deck (4–5 MB), and keeps a copy.
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
 * modules, other standard library archive) is never used. *modules* are the runtime's [name, source]
 * pairs, whose code it carries; *stdlibArchive*, the archive's name (deckkit/stdlib_archive.py).
 */
export function snapshotName(pyodideVersion, modules, stdlibArchive = null) {
  // A restored zipimport holds the directory (each file's offset) of the archive it was made beside.
  const archive = stdlibArchive ? `\n# ${stdlibArchive}` : ''
  const held = PRELOAD + archive + modules.map(([name, source]) => `\n# ${name}\n${source}`).join('')
  return `${pyodideVersion}-${fnv1a(held).toString(36)}.bin`
}

async function folder(name = FOLDER) {
  if (!navigator.storage?.getDirectory) return null
  return (await navigator.storage.getDirectory()).getDirectoryHandle(name, { create: true })
}

/**
 * The bytes of the kept snapshot called *name*, as a promise that rejects with a NotFoundError
 * when none is kept (or there is no OPFS). The caller starts Pyodide's loading meanwhile, so the
 * lookup and the read run beside Pyodide's own requests.
 */
export function keptSnapshot(name) {
  return keptFile(FOLDER, name)
}

/** The bytes of the file *name* kept in the folder *folderName* of OPFS; a NotFoundError when there is none. */
export async function keptFile(folderName, name) {
  const dir = await folder(folderName)
  if (!dir) throw new DOMException('no origin private file system', 'NotFoundError')
  const handle = await dir.getFileHandle(name) // NotFoundError: none kept yet
  const file = await handle.getFile()
  // Empty while another worker writes it (createWritable commits on close): none yet.
  if (!file.size) throw new DOMException('a file being written', 'NotFoundError')
  return readFile(handle, file)
}

const SNAPSHOT_MAGIC = [0x00, 0x73, 0x6e, 0x70] // "\0snp": how Pyodide's snapshots begin
const SERVED_MAGIC = [0x00, 0x73, 0x6e, 0x78] // "\0snx": the deck's, XORed with its wasm's data (below)
const GZIP_MAGIC = [0x1f, 0x8b]
const begins = (bytes, magic) => magic.every((byte, i) => bytes[i] === byte)

/**
 * The snapshot the deck was built with, as bytes; a NotFoundError when the deck has none of this
 * name (built without one, or another runtime's). The build writes only its copies, snapshots/
 * *name*.br and *name*.gz (deckkit/snapshot.py). A host that serves precompressed copies (`invoke
 * present`, nginx's brotli_static) answers for *name* itself with the brotli one, 2.6 MB for 31,
 * which the browser decodes as it arrives; any other host answers for *name*.gz (3.8 MB), unzipped
 * here as it arrives. Either way the bytes are in the served form: what Pyodide's WebAssembly writes
 * into its memory when it is instantiated is XORed out, and restore() XORs it back.
 */
export async function servedSnapshot(name, base) {
  const negotiated = await snapshotBody(await fetch(new URL(`snapshots/${name}`, base)))
  if (negotiated) return negotiated
  const response = await fetch(new URL(`snapshots/${name}.gz`, base))
  if (!response.ok) throw new DOMException(`no snapshot served (HTTP ${response.status})`, 'NotFoundError')
  const body = await snapshotBody(response)
  if (!body) throw new Error('the deck served something else than a snapshot')
  return body
}

// A response's snapshot, decoded; null when it holds none (an error page, a host's fallback page).
async function snapshotBody(response) {
  if (!response.ok || !response.body) return null
  const reader = response.body.getReader()
  let first = await reader.read()
  while (!first.done && first.value.length < SNAPSHOT_MAGIC.length) {
    const next = await reader.read() // a first chunk too short to tell (rare): join the next one
    first = next.done ? first : { done: false, value: new Uint8Array([...first.value, ...next.value]) }
    if (next.done) break
  }
  if (first.done) return null
  // Decoded already (the host sent Content-Encoding), or the .gz copy.
  const isSnapshot = begins(first.value, SERVED_MAGIC) || begins(first.value, SNAPSHOT_MAGIC)
  if (!isSnapshot && !begins(first.value, GZIP_MAGIC)) {
    reader.cancel().catch(() => {})
    return null
  }
  const rest = new ReadableStream({
    start: (controller) => controller.enqueue(first.value),
    pull: async (controller) => {
      const { done, value } = await reader.read()
      if (done) controller.close()
      else controller.enqueue(value)
    },
    cancel: (reason) => reader.cancel(reason),
  })
  const stream = isSnapshot ? rest : rest.pipeThrough(new DecompressionStream('gzip'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
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

/**
 * The interpreter's memory snapshot, with the memory its allocator holds free zeroed first: what
 * Python freed while it booted (module sources and bytecode read from the standard library's zip)
 * still held its bytes, which no compressor can squeeze; zeros cost nothing. Every free block is
 * taken from malloc (capped at what it already holds, so the heap does not grow), zeroed, and
 * given back. The served snapshot shrinks by a fifth.
 */
export function memorySnapshot(pyodide) {
  const module = pyodide._module
  if (module?._malloc_set_footprint_limit && module._malloc_footprint) zeroFreeMemory(module)
  return pyodide.makeMemorySnapshot()
}

function zeroFreeMemory(module) {
  const heapBytes = module.HEAPU8.length
  const limit = module._malloc_footprint_limit()
  const taken = []
  module._malloc_set_footprint_limit(module._malloc_footprint())
  try {
    for (let size = 1 << 24; size >= 16; size >>= 1) {
      for (;;) {
        const pointer = module._malloc(size)
        if (!pointer) break
        taken.push(pointer)
        if (module.HEAPU8.length !== heapBytes) break // grew after all: stop here, keep what is zeroed
        module.HEAPU8.fill(0, pointer, pointer + size)
      }
      if (module.HEAPU8.length !== heapBytes) break
    }
  } finally {
    for (const pointer of taken) module._free(pointer)
    module._malloc_set_footprint_limit(limit)
  }
}

/** Keep *bytes* as snapshot *name*, and drop every other (stale) one. */
export async function writeSnapshot(name, bytes) {
  const kept = await keepFile(FOLDER, name, bytes)
  if (kept && typeof caches !== 'undefined') caches.delete(OLD_CACHE).catch(() => {})
  return kept
}

/** Keep *bytes* as the file *name* in the folder *folderName* of OPFS, and drop every other file there. */
export async function keepFile(folderName, name, bytes) {
  try {
    const dir = await folder(folderName)
    if (!dir) return false
    const writable = await (await dir.getFileHandle(name, { create: true })).createWritable()
    await writable.write(bytes)
    await writable.close() // atomic: a reader sees the old file or the whole new one
    for await (const entry of dir.keys()) if (entry !== name) await dir.removeEntry(entry).catch(() => {})
    return true
  } catch {
    return false // quota, private mode…: the next boot fetches it again, nothing else changes
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
  const unhook = xorBackOnInstantiation(bytes)
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
  } finally {
    unhook()
  }
}

/**
 * The deck's served snapshot (deckkit/served_snapshot.py) holds its memory's first bytes XORed with
 * what Pyodide's WebAssembly writes there when it is instantiated, its C static data (3.2 MB, which
 * cost 1.2 of the 4.2 MB served in brotli): XORed with the memory just instantiated, they are
 * Python's again. Pyodide instantiates its wasm (WebAssembly.instantiateStreaming, or instantiate)
 * after it has the snapshot's bytes and before it copies them into that memory: the first instance
 * with a memory that large, while the hook is on, has its memory XORed back into the bytes, in place
 * (in Chromium, Pyodide also instantiates a tiny module without memory). A kept snapshot is Pyodide's own,
 * left as it is. Should the hook miss (another Pyodide), the bytes keep their "\0snx" magic, which
 * Pyodide refuses: a cold boot follows. Returns the function that takes the hook off.
 */
function xorBackOnInstantiation(bytes) {
  const { instantiate, instantiateStreaming } = WebAssembly
  const unhook = () => Object.assign(WebAssembly, { instantiate, instantiateStreaming })
  const hooked = (original) =>
    async function (...args) {
      const result = await original.apply(this, args)
      const snapshot = await bytes.catch(() => null)
      if (!snapshot || !begins(snapshot, SERVED_MAGIC) || xorBack(snapshot, result.instance ?? result)) unhook()
      return result
    }
  Object.assign(WebAssembly, { instantiate: hooked(instantiate), instantiateStreaming: hooked(instantiateStreaming) })
  return unhook
}

// Whether the instance's memory could be XORed back into the snapshot (it has done so).
function xorBack(snapshot, instance) {
  const memory = Object.values(instance.exports).find((value) => value instanceof WebAssembly.Memory)
  const header = new Uint32Array(snapshot.buffer, snapshot.byteOffset, 4)
  const [, offset, , extent] = header
  const start = snapshot.byteOffset + offset
  if (!memory || extent % 4 || start % 4 || extent > memory.buffer.byteLength || offset + extent > snapshot.length) {
    return false
  }
  const held = new Uint32Array(snapshot.buffer, start, extent / 4)
  const written = new Uint32Array(memory.buffer, 0, extent / 4)
  for (let i = 0; i < held.length; i++) held[i] ^= written[i]
  header[3] = 0 // Pyodide's padding word
  snapshot.set(SNAPSHOT_MAGIC, 0)
  return true
}
