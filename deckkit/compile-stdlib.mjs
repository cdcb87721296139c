// The bytecode of Pyodide's standard library, compiled by Pyodide's own CPython (the host's is another
// version, whose bytecode Pyodide cannot load): deckkit/stdlib_bytecode.py runs this at build.
// Writes marshal data of {path in the zip: (source hash, marshal data of its code)}, what
// _livedeck/shared_bytecode.py's add_blob() reads.
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
with open("/tmp/out", "wb") as file:
    marshal.dump(compiled, file)
`)
await writeFile(out, pyodide.FS.readFile('/tmp/out'))
