"""What Pyodide's WebAssembly writes into its memory the moment it is instantiated: its active data segments
(C's static data: CPython's deep-frozen modules, type objects, tables; 3.2 MB of Pyodide 314's 31 MB).

A memory snapshot holds those bytes again, mostly unchanged, and no compressor can squeeze them: they cost 1.2
of the served snapshot's 4.2 MB in brotli. The build serves the snapshot XORed with this image
(deckkit/snapshot.py): unchanged bytes become zeros, and the browser XORs them back from the memory it has
just instantiated, before Pyodide copies the snapshot in (slides/runtime/worker/snapshot.js). By the
WebAssembly standard, instantiation writes the active segments into zeroed memory and nothing else (Pyodide's
module has no start function: checked here).
"""

from pathlib import Path

DATA_SECTION = 11
START_SECTION = 8
I32_CONST, END = 0x41, 0x0B


class WasmImageError(ValueError):
    pass


def _leb128(data: bytes, at: int, signed: bool = False) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            break
    if signed and byte & 0x40:
        value -= 1 << shift
    return value, at


def _sections(wasm: bytes):
    if wasm[:4] != b"\0asm":
        raise WasmImageError("not a WebAssembly module")
    at = 8
    while at < len(wasm):
        section = wasm[at]
        size, at = _leb128(wasm, at + 1)
        yield section, wasm[at : at + size]
        at += size


def initial_memory(wasm: bytes) -> bytes:
    """The module's memory right after instantiation, up to the end of its last data segment."""
    sections = dict(_sections(wasm))
    if START_SECTION in sections:
        raise WasmImageError("the module has a start function: its memory after instantiation is not its data alone")
    data = sections.get(DATA_SECTION, b"\0")
    count, at = _leb128(data, 0)
    segments = []
    for _ in range(count):
        flags, at = _leb128(data, at)
        if flags != 0 or data[at] != I32_CONST:  # passive segments, other memories, relocatable offsets
            raise WasmImageError(f"a data segment this build cannot place (flags {flags})")
        offset, at = _leb128(data, at + 1, signed=True)
        if data[at] != END:
            raise WasmImageError("a data segment whose offset is not a constant")
        size, at = _leb128(data, at + 1)
        segments.append((offset, data[at : at + size]))
        at += size
    image = bytearray(max((offset + len(bytes_) for offset, bytes_ in segments), default=0))
    for offset, bytes_ in segments:
        image[offset : offset + len(bytes_)] = bytes_
    return bytes(image)


def pyodide_initial_memory(pyodide: Path) -> bytes:
    return initial_memory((pyodide / "pyodide.asm.wasm").read_bytes())
