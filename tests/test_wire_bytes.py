"""What a learner's first open costs on the wire: the snapshot served without what Pyodide's WebAssembly
writes into memory itself (deckkit/wasm_image.py, deckkit/served_snapshot.py), brotli's best quality."""

import gzip
import hashlib
import http.server
import io
import threading
import zipfile

import brotli
import pytest

from deckkit.deck_driver import DeckDriver
from deckkit.serve import DeckRequestHandler, bind, url
from deckkit.stdlib_archive import stored_archive, write_stored_archive
from deckkit.served_snapshot import SERVED_MAGIC, SnapshotFormatError, pyodide_form, served_form
from deckkit.wasm_image import WasmImageError, initial_memory, pyodide_initial_memory

MB = 1_000_000


def leb128(value: int) -> bytes:
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def section(number: int, body: bytes) -> bytes:
    return bytes([number]) + leb128(len(body)) + body


def module(*segments: tuple[int, bytes], start=False) -> bytes:
    """A WebAssembly module with one memory and these active data segments (offset, bytes)."""
    data = leb128(len(segments)) + b"".join(
        b"\0\x41" + leb128(offset) + b"\x0b" + leb128(len(bytes_)) + bytes_ for offset, bytes_ in segments)
    sections = [section(5, b"\x01\x00\x01")]  # one memory of one page
    if start:
        sections += [section(1, b"\x01\x60\x00\x00"), section(3, b"\x01\x00"), section(8, b"\x00"),
                     section(10, b"\x01\x02\x00\x0b")]
    return b"\0asm\x01\0\0\0" + b"".join(sections) + section(11, data)


def snapshot(memory: bytes) -> bytes:
    """Pyodide's layout: magic, the memory's offset, the JSON's length, padding, build id; JSON; memory."""
    header = b"\0snp" + (64).to_bytes(4, "little") + (2).to_bytes(4, "little") + bytes(4) + b"\x11" * 32
    return (header + b"{}").ljust(64, b"\0") + memory


def test_the_image_is_what_the_data_segments_write_where_they_say():
    wasm = module((1024, b"static"), (200, b"\x01\x02\x03"))
    image = initial_memory(wasm)
    assert len(image) == 1030
    assert image[200:203] == b"\x01\x02\x03" and image[1024:] == b"static"
    assert image.count(0) == 1030 - 9


def test_a_module_that_writes_more_than_its_data_at_instantiation_is_refused():
    with pytest.raises(WasmImageError, match="start function"):
        initial_memory(module((16, b"x"), start=True))
    with pytest.raises(WasmImageError, match="not a WebAssembly module"):
        initial_memory(b"PK\3\4")


def test_the_served_form_holds_zeros_where_memory_is_what_instantiation_writes_and_comes_back_whole():
    image = bytes(range(1, 200))  # 199 bytes: XORed to the next word
    memory = bytearray(image + bytes(1000))
    memory[50:53] = b"new"  # changed since instantiation
    memory[900:905] = b"heap!"
    made = snapshot(bytes(memory))
    served = served_form(made, image)
    assert served[:4] == SERVED_MAGIC and int.from_bytes(served[12:16], "little") == 200
    body = served[64:]
    assert body[900:905] == b"heap!" and body[:50] == bytes(50) and body[53:200] == bytes(147)
    assert body[50:53] == bytes(a ^ b for a, b in zip(b"new", image[50:53]))
    assert served[4:12] == made[4:12] and served[16:64] == made[16:64]
    assert pyodide_form(served, image) == made
    assert pyodide_form(made, image) == made  # Pyodide's own form: as it is


def test_only_a_pyodide_snapshot_has_a_served_form():
    with pytest.raises(SnapshotFormatError):
        served_form(b"<!doctype html>" * 10, b"")
    with pytest.raises(SnapshotFormatError):
        pyodide_form(b"\x1f\x8b" + bytes(100), b"")


def test_the_built_snapshots_copies_are_its_served_form(built_site):
    """Each copy decodes to the served form, which XORs back to Pyodide's snapshot; and what instantiation
    writes costs nothing: the brotli copy is under a tenth of the 31 MB (4.2 MB, 13 %, before)."""

    [br] = (built_site / "snapshots").glob("*.br")
    served = brotli.decompress(br.read_bytes())
    assert served == gzip.decompress(br.with_suffix(".gz").read_bytes())
    image = pyodide_initial_memory(built_site / "pyodide")
    made = pyodide_form(served, image)
    assert served.startswith(SERVED_MAGIC) and made.startswith(b"\0snp") and len(made) == len(served)
    memory = served[int.from_bytes(served[4:8], "little"):]
    assert memory[: len(image)].count(0) > 0.8 * len(image)  # the static data, XORed to zeros
    assert br.stat().st_size < 0.1 * len(made)


def test_a_first_opens_pyodide_and_snapshot_bytes_stay_under_bound(built_site):
    """The five files a first open fetches, as a host that serves the build's brotli copies sends them: 10.1 MB
    before the snapshot's served form and brotli's best quality (the wasm 3.1 MB, the snapshot 4.2, the standard
    library 2.5 as Pyodide ships it), 7.3 MB after (the wasm 2.8, the snapshot 2.7, the standard library's files
    stored whole 1.6)."""
    pyodide = built_site / "pyodide"
    sizes = {path.name: path.with_name(path.name + ".br").stat().st_size
             for path in (pyodide / "pyodide.asm.wasm", pyodide / "pyodide.asm.mjs", pyodide / "pyodide-lock.json")}
    [stdlib_copy] = (built_site / "stdlib").glob("*.br")
    [snapshot_copy] = (built_site / "snapshots").glob("*.br")
    sizes["stdlib"], sizes["snapshot"] = stdlib_copy.stat().st_size, snapshot_copy.stat().st_size
    assert sizes["pyodide.asm.wasm"] < 0.3 * (pyodide / "pyodide.asm.wasm").stat().st_size, sizes
    assert sizes["stdlib"] < 0.7 * (pyodide / "python_stdlib.zip").stat().st_size, sizes
    assert sum(sizes.values()) < 7.5 * MB, sizes


def test_the_stored_archive_holds_pyodides_files_whole_in_its_order_and_is_named_by_its_bytes(built_site):
    """Written only as its copies (dist/stdlib/<name>.br and .gz), both the same archive: Pyodide's files, names
    and order, each stored whole."""
    [br] = (built_site / "stdlib").glob("*.br")
    archive = brotli.decompress(br.read_bytes())
    assert archive == gzip.decompress(br.with_suffix(".gz").read_bytes())
    assert sorted(path.name for path in (built_site / "stdlib").iterdir()) == [br.name, br.with_suffix(".gz").name]
    shipped_path = built_site / "pyodide" / "python_stdlib.zip"
    with zipfile.ZipFile(shipped_path) as shipped, zipfile.ZipFile(io.BytesIO(archive)) as stored:
        assert [i.filename for i in stored.infolist()] == [i.filename for i in shipped.infolist()]
        assert {i.compress_type for i in stored.infolist()} == {zipfile.ZIP_STORED}
        assert all(stored.read(i.filename) == shipped.read(i) for i in shipped.infolist())
    assert br.stem == f"python_stdlib-{hashlib.sha256(archive).hexdigest()[:12]}.zip"
    assert stored_archive(shipped_path) == (br.stem, archive)  # made again: the same bytes


def test_the_archives_copies_are_written_once_and_an_older_archives_dropped(tmp_path):
    source = tmp_path / "python_stdlib.zip"
    with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as deflated:
        deflated.writestr("asyncio/__init__.py", "from .base_events import *\n" * 50)
        deflated.writestr("this.py", "s = 'Gur Mra bs Clguba'\n" * 50)
    dist = tmp_path / "dist"
    (dist / "stdlib").mkdir(parents=True)
    (dist / "stdlib" / "python_stdlib-0123456789ab.zip.br").write_bytes(b"an older Pyodide's")
    cache = tmp_path / "cache"
    target = write_stored_archive(dist, source, cache)
    name, data = stored_archive(source)
    assert target == dist / "stdlib" / name and not target.exists()  # only its copies
    assert sorted(p.name for p in target.parent.iterdir()) == [f"{name}.br", f"{name}.gz"]
    assert brotli.decompress(target.with_name(f"{name}.br").read_bytes()) == data
    with zipfile.ZipFile(io.BytesIO(data)) as stored:
        assert stored.read("this.py").startswith(b"s = 'Gur") and stored.getinfo("this.py").compress_type == 0
    written = target.with_name(f"{name}.br").stat().st_mtime_ns
    write_stored_archive(dist, source, cache)
    assert target.with_name(f"{name}.br").stat().st_mtime_ns == written  # current: not made again
    other = tmp_path / "other-dist"  # another dist/ (invoke serve's) copies the cache's: not made again
    made = (cache / f"{name}.br").stat().st_mtime_ns
    write_stored_archive(other, source, cache)
    assert (other / "stdlib" / f"{name}.br").read_bytes() == target.with_name(f"{name}.br").read_bytes()
    assert (cache / f"{name}.br").stat().st_mtime_ns == made


# Modules no snapshot holds (the runtime imports none of them): read from the standard library's archive.
OUTSIDE_THE_SNAPSHOT = (
    "import colorsys, difflib, fractions\n"
    "print(fractions.Fraction(1, 3) + 1, colorsys.rgb_to_hsv(1, 0, 0),"
    " difflib.SequenceMatcher(a='abcd', b='bcde').ratio())\n"
)
AS_CPYTHON_PRINTS = "4/3 (0.0, 1.0, 1) 0.75"


class WithoutCopies(DeckRequestHandler):
    """A static host that serves no precompressed copy: each file as it is (GitHub Pages and the like,
    for the snapshot)."""

    def translate_path(self, path):
        return http.server.SimpleHTTPRequestHandler.translate_path(self, path)


@pytest.mark.browser
def test_a_first_open_costs_under_bound_on_the_wire_and_runs_as_cpython(page, base_url):
    """A browser that never ran the deck, served the build's brotli copies: 10.4 MB on the wire before (the
    snapshot 4.2 MB, the wasm 3.1, the standard library 2.5), 8.5 after the snapshot's diet, 7.65 with the
    standard library's files stored whole (1.6). Python restores the snapshot and imports what it does not
    hold from the standard library's archive."""
    sent = {}
    page.context.on("response", lambda r: sent.setdefault(r.url, int(r.headers.get("content-length") or 0)))
    deck = DeckDriver.open(page, base_url, "asyncio.en").wait_python_ready()
    assert deck.python_boot() == "snapshot" and deck.active_snapshot() == "served"
    run = deck.run_to_end("say_after_tasks", OUTSIDE_THE_SNAPSHOT, 20_000)
    assert (run.outcome, [line.text for line in run.lines]) == ("done", [AS_CPYTHON_PRINTS]), run
    # The standard library's bytecode (2.8 MB) is fetched once Python is ready, off the first open's path
    # (_livedeck/shared_bytecode.py): not counted here.
    before_ready = {u: size for u, size in sent.items() if not u.endswith("/python_stdlib.bytecode.marshal")}
    assert sum(before_ready.values()) < 7.9 * MB, sorted(before_ready.items(), key=lambda item: -item[1])[:6]


# The archives the worker keeps in the origin private file system (slides/runtime/worker/stdlib.js): [name, size].
KEPT_STDLIB = """async () => {
  const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('asyncio-live-deck-stdlib')
  const kept = []
  for await (const [name, handle] of folder.entries()) kept.push([name, (await handle.getFile()).size])
  return kept
}"""

DAMAGE_KEPT_STDLIB = """async (name) => {
  const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('asyncio-live-deck-stdlib')
  const handle = await folder.getFileHandle(name)
  const data = new Uint8Array(await (await handle.getFile()).arrayBuffer()).slice(0, 100_000)
  const writable = await handle.createWritable()
  await writable.write(data)
  await writable.close()
}"""


def kept_stdlib_once_written(page, whole, tries=50):
    """What OPFS holds once it is *whole*, or after 10 s: a standby may still be writing its copy (a .crswap
    beside the kept file)."""
    for _ in range(tries):
        if (kept := page.evaluate(KEPT_STDLIB)) == whole:
            break
        page.wait_for_timeout(200)
    return kept


@pytest.mark.browser
def test_a_reopen_reads_the_standard_library_the_standby_kept_and_asks_the_server_for_none(page, base_url, built_site):
    """The browser's HTTP cache holds the archive as sent, 1.6 MB of brotli that each worker would decode again:
    the first open's standby keeps it decoded beside the snapshot, and a reload's worker reads it there — no
    request for it at all — and imports what the snapshot does not hold from it."""
    deck = DeckDriver.open(page, base_url, "asyncio.en").wait_python_ready()
    deck.wait_standby(snapshot=True)
    [stdlib] = (built_site / "stdlib").glob("*.br")
    whole = [[stdlib.stem, len(brotli.decompress(stdlib.read_bytes()))]]
    assert kept_stdlib_once_written(page, whole) == whole
    asked = []
    page.context.on("request", lambda request: asked.append(request.url))
    page.reload()
    deck.wait_python_ready()
    assert deck.python_boot() == "snapshot"
    run = deck.run_to_end("say_after_tasks", OUTSIDE_THE_SNAPSHOT, 20_000)
    assert (run.outcome, [line.text for line in run.lines]) == ("done", [AS_CPYTHON_PRINTS]), run
    assert any(u.endswith("/pyodide/pyodide.asm.wasm") for u in asked), asked  # the worker's requests are seen
    assert [u for u in asked if "/stdlib/" in u] == []
    # A damaged copy (cut short) is not used: the server's is fetched, and the standby keeps it again.
    deck.wait_settled()  # damaged once no restore reads it (a reader's access handle locks the file)
    page.evaluate(DAMAGE_KEPT_STDLIB, stdlib.stem)
    asked.clear()
    page.reload()
    deck.wait_python_ready()
    run = deck.run_to_end("say_after_tasks", OUTSIDE_THE_SNAPSHOT, 20_000)
    assert (run.outcome, [line.text for line in run.lines]) == ("done", [AS_CPYTHON_PRINTS]), run
    assert any("/stdlib/" in u for u in asked), asked
    deck.wait_standby(snapshot=True)
    assert kept_stdlib_once_written(page, whole) == whole


@pytest.mark.browser
def test_a_host_without_copies_serves_the_snapshots_gz_which_restores_and_runs_as_cpython(contexts, built_site):
    """Such a host answers the snapshot's own name with a 404: the worker takes the .gz copy (3.8 MB, 5.3
    before), unzips it as it arrives and XORs it back; the interpreter imports what it does not hold from the
    standard library's archive, likewise asked for as its .gz copy (2.2 MB) after a 404."""
    server = bind(built_site, 0, handler=WithoutCopies)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page = contexts.new_page(url(server))
        asked = {"/snapshots/": [], "/stdlib/": []}  # the extensions of what the worker asked for in each folder
        page.context.on("request", lambda r: [names.append(r.url.rsplit(".", 1)[1])
                                              for folder, names in asked.items() if folder in r.url])
        deck = DeckDriver.open(page, url(server), "asyncio.en").wait_python_ready()
        assert deck.python_boot() == "snapshot" and deck.active_snapshot() == "served"
        assert asked["/snapshots/"][:2] == ["bin", "gz"] and asked["/stdlib/"][:2] == ["zip", "gz"], asked
        run = deck.run_to_end("say_after_tasks", OUTSIDE_THE_SNAPSHOT, 20_000)
        assert (run.outcome, [line.text for line in run.lines]) == ("done", [AS_CPYTHON_PRINTS]), run
    finally:
        server.shutdown()
