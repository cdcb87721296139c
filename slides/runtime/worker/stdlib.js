// The standard library's archive as the deck serves it (deckkit/stdlib_archive.py): its files stored whole,
// one brotli stream of 1.6 MB on the wire instead of Pyodide's 2.5 MB of files deflated one by one. The
// browser's HTTP cache keeps it as sent, and every later worker would decode its 9.7 MB of brotli again
// (~100 ms, measured): the standby keeps the decoded archive in the origin private file system, beside the
// snapshot, and a later boot reads it there.

import { keepFile, keptFile } from './snapshot.js'

const FOLDER = 'asyncio-live-deck-stdlib'

/**
 * The archive *name* kept in this browser, as a promise of its bytes: a NotFoundError when none is, or
 * when what is kept does not begin and end as a zip does (the server's copy is fetched then).
 */
export async function keptStdlib(name) {
  const bytes = await keptFile(FOLDER, name)
  const end = bytes.length - 22 // a zip ends with its directory's 22-byte end record (no comment here)
  if (!begins(bytes, ZIP_MAGIC) || end < 0 || !begins(bytes.subarray(end), END_MAGIC)) {
    throw new DOMException('a damaged archive', 'NotFoundError')
  }
  return bytes
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04] // "PK\3\4": its first file's header
const END_MAGIC = [0x50, 0x4b, 0x05, 0x06] // "PK\5\6"
const begins = (bytes, magic) => magic.every((byte, i) => bytes[i] === byte)

/** Keep the archive *name* as Pyodide has written it into its file system, and drop any other one. */
export function keepStdlib(name, pyodide) {
  const [zip] = pyodide.FS.readdir('/lib').filter((entry) => /^python\d+\.zip$/.test(entry))
  return zip ? keepFile(FOLDER, name, pyodide.FS.readFile(`/lib/${zip}`)) : Promise.resolve(false)
}

/**
 * Pyodide fetches its standard library itself (loadPyodide's stdLibURL, *url*): while hooked, a fetch of
 * that URL is answered with the kept archive (*kept*, a promise of its bytes), or by the server when none
 * is kept. The build writes only the archive's copies (deckkit/stdlib_archive.py): a host that serves
 * precompressed copies answers for *url* with the brotli one, which the browser decodes as it arrives;
 * any other answers with a 404 (or a fallback page), and the .gz copy is asked for and unzipped here.
 * Returns { unhook, fromServer() }: whether the server was asked.
 */
export function answerWithKeptStdlib(url, kept) {
  const original = self.fetch
  let fromServer = false
  self.fetch = function (input, init) {
    if ((input instanceof Request ? input.url : String(input)) !== url) return original.call(self, input, init)
    return kept.then(
      (bytes) => new Response(bytes),
      () => {
        fromServer = true
        return served(original, url, init)
      },
    )
  }
  return { unhook: () => (self.fetch = original), fromServer: () => fromServer }
}

// The archive as the host sent it; else (a 404, a host's fallback page in text/html) its .gz copy, unzipped.
async function served(fetch, url, init) {
  const response = await fetch.call(self, url, init)
  if (response.ok && !response.headers.get('Content-Type')?.startsWith('text/')) return response
  response.body?.cancel().catch(() => {})
  const copy = await fetch.call(self, `${url}.gz`, init)
  if (!copy.ok || !copy.body) return copy // Pyodide says the standard library failed to load
  return new Response(copy.body.pipeThrough(new DecompressionStream('gzip')))
}
