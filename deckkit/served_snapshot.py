"""The form in which the deck serves its snapshot: Pyodide's, with the memory its WebAssembly writes at
instantiation XORed out (deckkit/wasm_image.py), so that what instantiation would write again costs zeros.

Pyodide's snapshot: a 48-byte header (magic "\\0snp", the memory's offset, the JSON's length, a padding word,
the build id), its JSON, then the memory. The served form differs in two words: the magic is "\\0snx", so
Pyodide refuses the bytes should the browser not XOR them back (a cold boot follows); the padding word says
how many of the memory's first bytes are XORed. The browser XORs them back, in place, from the memory it has
just instantiated (slides/runtime/worker/snapshot.js), before Pyodide copies the snapshot in.
"""

PYODIDE_MAGIC = b"\0snp"
SERVED_MAGIC = b"\0snx"
HEADER_BYTES = 48


class SnapshotFormatError(ValueError):
    pass


def _xor(memory: bytes, image: bytes) -> bytes:
    length = len(image)
    return (int.from_bytes(memory[:length], "little") ^ int.from_bytes(image, "little")).to_bytes(length, "little")


def _word(snapshot: bytes, index: int) -> int:
    return int.from_bytes(snapshot[4 * index : 4 * index + 4], "little")


def served_form(snapshot: bytes, image: bytes) -> bytes:
    """*snapshot* (Pyodide's) with its memory's first len(*image*) bytes, rounded up to a word, XORed with
    *image*: the memory instantiation writes."""
    if snapshot[:4] != PYODIDE_MAGIC:
        raise SnapshotFormatError("not a Pyodide memory snapshot")
    offset = _word(snapshot, 1)
    extent = -(-len(image) // 4) * 4  # the browser XORs words
    if offset % 16 or offset + extent > len(snapshot):
        raise SnapshotFormatError("a snapshot smaller than the memory its WebAssembly writes")
    image = image.ljust(extent, b"\0")
    memory = snapshot[offset:]
    header = SERVED_MAGIC + snapshot[4:12] + extent.to_bytes(4, "little") + snapshot[16:offset]
    return header + _xor(memory, image) + memory[extent:]


def pyodide_form(served: bytes, image: bytes) -> bytes:
    """The served form back as Pyodide made it (what the browser does, for the build and the tests)."""
    if served[:4] == PYODIDE_MAGIC:
        return served
    if served[:4] != SERVED_MAGIC:
        raise SnapshotFormatError("not a served snapshot")
    offset, extent = _word(served, 1), _word(served, 3)
    memory = served[offset:]
    header = PYODIDE_MAGIC + served[4:12] + bytes(4) + served[16:offset]
    return header + _xor(memory, image.ljust(extent, b"\0")[:extent]) + memory[extent:]
