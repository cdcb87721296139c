// The bytecode of Pyodide's standard library, compiled by Pyodide's own CPython (the host's is another
// version, whose bytecode Pyodide cannot load): deckkit/stdlib_bytecode.py runs this at build.
// Writes an index and the modules' marshal data after it, what _livedeck/shared_bytecode.py's add_blob()
// reads: a 4-byte little-endian length, marshal data of that length, {path in the zip: (source hash, start,
// end)}, then each module's code as marshal data, at [start:end] of the file.
//
//   node deckkit/compile-stdlib.mjs <python_stdlib.zip> <out>

import { readFile, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { loadPyodide } from 'pyodide'

const [source, out] = process.argv.slice(2).map((path) => resolve(path))
const pyodide = await loadPyodide()
pyodide.FS.writeFile('/tmp/stdlib.zip', await readFile(source))
pyodide.runPython(`
import marshal, sys, zipfile
from importlib.util import source_hash

ZIP = sys.path[1]  # where Pyodide mounts the library: the code's file names, as zipimport compiles them
assert ZIP.endswith(".zip"), sys.path
compiled = {}
with zipfile.ZipFile("/tmp/stdlib.zip") as archive:
    for name in archive.namelist():
        if not name.endswith(".py"):
            continue
        data = archive.read(name)
        try:
            code = compile(data, f"{ZIP}/{name}", "exec", dont_inherit=True)
        except SyntaxError:
            continue  # a deliberately broken file: imported, it fails as it would
        compiled[f"{ZIP}/{name}"] = (source_hash(data), marshal.dumps(code))

def laid_out(start):
    index, offset = {}, start
    for path, (digest, code) in compiled.items():
        index[path] = (digest, offset, offset + len(code))
        offset += len(code)
    return marshal.dumps(index)

index = laid_out(4 + len(laid_out(0)))  # marshal writes every int of 32 bits in 4 bytes: one size for any offsets
assert len(index) == len(laid_out(0))
with open("/tmp/out", "wb") as file:
    file.write(len(index).to_bytes(4, "little") + index)
    for digest, code in compiled.values():
        file.write(code)
`)
await writeFile(out, pyodide.FS.readFile('/tmp/out'))
