"""The build: both decks, every demo included verbatim from demos/, fonts shipped, relative URLs only,
Python's boot started first, the worker in one file."""

import gzip
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser

import brotli
import pytest

from deckkit.build import BuildError, marp
from deckkit.paths import DECKS, DEMOS, ROOT, RUNTIME_PACKAGE, SLIDES, deck_source, demo_files, runtime_modules
from deckkit.sources import reader


class LiveCells(HTMLParser):
    """Collects (demo name, code text) for every demo's live cell of a built deck, in slide order
    (exercises: tests/test_i18n.py)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.cells = []
        self._in_code = False
        self._exercise = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "div" and "live-cell" in (attrs.get("class") or "").split():
            self._exercise = "data-exercise" in attrs
            if not self._exercise:
                self.cells.append([attrs["data-demo"], ""])
        elif tag == "pre" and "cell-code" in (attrs.get("class") or "").split() and not self._exercise:
            self._in_code = True

    def handle_endtag(self, tag):
        if tag == "pre" and self._in_code:
            self._in_code = False

    def handle_data(self, data):
        if self._in_code:
            self.cells[-1][1] += data


def live_cells(deck_html):
    parser = LiveCells()
    parser.feed(deck_html)
    return parser.cells


@pytest.fixture(scope="module")
def decks(built_site):
    return {deck: (built_site / f"{deck}.html").read_text() for deck in DECKS}


@pytest.mark.every_demo
def test_every_demo_on_a_slide_is_its_file_verbatim(decks):
    """Verbatim in the Korean deck; in the English deck with its comments translated (deckkit/sources.py,
    token for token the same code: tests/test_i18n.py)."""
    for deck, page in decks.items():
        cells = live_cells(page)
        assert cells, f"{deck} has no live cells"
        read = reader(deck.rsplit(".", 1)[1])
        for name, code in cells:
            expected = read(DEMOS / f"{name}.py").rstrip() + "\n"
            assert code == expected, f"{deck}: the slide's {name} differs from demos/{name}.py"


@pytest.mark.every_demo
def test_both_decks_show_every_demo_in_the_same_order(decks):
    orders = {deck: [name for name, _ in live_cells(page)] for deck, page in decks.items()}
    korean, english = (orders[deck] for deck in DECKS)
    assert korean == english, "the English deck must translate the Korean one slide for slide"
    assert sorted(set(korean)) == sorted(p.stem for p in demo_files()), "every demo appears on a slide"


def test_decks_use_relative_urls_only(decks):
    for deck, page in decks.items():
        for attribute, value in re.findall(r'\b(src|href)="([^"]*)"', page):
            if attribute == "href" and value.startswith("https://"):
                continue  # a link the reader may follow (references), not a request
            if value.startswith("data:"):
                continue  # inline, no request
            assert not re.match(r"^(/|[a-z]+:)", value), f"{deck}: {attribute}={value} is not relative"
        for value in re.findall(r"url\(([^)]*)\)", page):
            assert not re.match(r"^['\"]?(/|https?:)", value), f"{deck}: url({value}) is not relative"


def test_korean_fonts_ship_with_the_deck(built_site, decks):
    # fontsource's slices, listed for the page's FontFace objects under names of their own (font-fallback.js)
    slices = json.loads((built_site / "fonts" / "slices.json").read_text())
    faces = {(family, descriptors["weight"]) for family, _, descriptors in slices}
    assert faces == {(f"{family} Slices", weight) for family in ("Noto Sans KR", "Nanum Gothic Coding")
                     for weight in ("400", "700")}, faces
    for family, file, descriptors in slices:
        assert (built_site / "fonts" / file).is_file(), file
        assert descriptors["unicodeRange"].startswith("U+"), (file, descriptors)
    assert len(slices) > 400
    subsets = (built_site / "fonts" / "deck-subset.css").read_text()
    for family in ("Noto Sans KR", "Nanum Gothic Coding"):
        assert subsets.count(f"font-family: '{family}'") == 2  # 400 and 700
    for name in re.findall(r"url\(\./(subset/[^)]+)\)", subsets):
        assert (built_site / "fonts" / name).stat().st_size < 100_000, name
    for page in decks.values():
        # The theme imports the subsets only; the live runtime adds fontsource's slices once Python
        # is up (slides/runtime/font-fallback.js, tested in test_slides_render.py).
        imports = re.findall(r"@import url\('fonts/([^']+)'\)", page)
        assert imports == ["deck-subset.css"], imports


class StartTags(HTMLParser):
    """Every start tag of a page, in order, as (tag, attributes)."""

    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def early_boot_script() -> str:
    """The early boot as the engine inlines it: slides/runtime/inline/early-boot.js bundled with what it
    shares with the runtime (slides/engine/runtime-script.mjs)."""
    engine = (SLIDES / "engine" / "runtime-script.mjs").as_uri()
    probe = f"import({json.dumps(engine)}).then((m) => process.stdout.write(m.earlyBoot))"
    return subprocess.run(["node", "-e", probe], cwd=ROOT, capture_output=True, text=True, check=True).stdout


def test_python_starts_booting_right_after_the_charset_before_any_style(decks):
    """The early boot (slides/runtime/inline/early-boot.js) comes right after <meta charset> (which must stay
    within the first 1024 bytes), before the theme's <style>, whose font @imports would hold it back
    (deckkit/build.py hoist_early_boot), and only once: one worker per page. It carries the names it shares
    with the runtime (slides/runtime/shared/boot-constants.js), bundled in: it imports nothing."""
    early_boot = early_boot_script()
    assert "asyncio-live-deck-snapshot" in early_boot and "asyncio-live " in early_boot, early_boot
    assert not re.search(r"\bimport\b", early_boot), early_boot
    for deck, page in decks.items():
        parser = StartTags()
        parser.feed(page)
        tags = [tag for tag, _ in parser.tags]
        charset = next(i for i, (tag, attrs) in enumerate(parser.tags) if tag == "meta" and "charset" in attrs)
        assert parser.tags[charset + 1] == ("script", {"data-early-boot": None}), f"{deck}: {parser.tags[charset + 1]}"
        assert charset < tags.index("style") and tags.index("head") < charset < tags.index("body"), deck
        assert page.encode().index(b"<meta charset") < 1024, f"{deck}: the charset comes too late"
        assert page.count(f"<script data-early-boot>{early_boot}</script>") == 1, deck
        assert page.count(early_boot) == 1 and page.count("data-early-boot") == 1, f"{deck}: the early boot twice"


def test_the_worker_is_one_file_that_carries_the_runtimes_python(built_site):
    """Nothing to fetch before a snapshot's restore: the worker imports no chunk, and the runtime's Python
    modules are in it as text (slides/runtime/worker/python-package.js), not files beside it: every .py
    file of the package, none other (its source map names what esbuild bundled into it)."""
    runtime = built_site / "runtime"
    worker = (runtime / "python-worker.js").read_text()
    assert 'from"./' not in worker and 'import("./' not in worker, "the worker imports a chunk"
    assert not re.findall(r"""(?:\bfrom|\bimport)\s*\(?\s*["'`]\.{1,2}/""", worker), "the worker imports a chunk"
    source_map = json.loads((runtime / "python-worker.js.map").read_text())
    bundled = {source.split("/python/")[-1]: text for source, text in zip(source_map["sources"], source_map["sourcesContent"])
               if source.endswith(".py")}
    assert bundled == runtime_modules()
    assert not list(runtime.glob("*.py")), "the runtime's Python is served beside the worker"


def test_the_workers_module_list_is_the_package_folders(tmp_path):
    """The list the worker writes under /home/pyodide/ and keys its snapshot with (python-package.js) is
    derived from the folder when bundled: a module added to the package is in it, with its source."""
    package = tmp_path / "python" / "_livedeck"
    shutil.copytree(RUNTIME_PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    (package / "added_module.py").write_text('"""A module added to the package."""\n')
    (package / "notes.txt").write_text("not a module\n")
    worker = tmp_path / "worker"
    worker.mkdir()
    shutil.copy(SLIDES / "runtime" / "worker" / "python-package.js", worker)
    script = (
        f"import {{ listed }} from {json.dumps((ROOT / 'deckkit' / 'bundle-runtime.mjs').as_uri())}\n"
        f"console.log(JSON.stringify(await listed({json.dumps(str(worker / 'python-package.js'))})))\n"
    )
    result = subprocess.run(["node", "--input-type=module", "-e", script], cwd=ROOT, capture_output=True, text=True,
                            check=True)
    expected = {**runtime_modules(), "_livedeck/added_module.py": '"""A module added to the package."""\n'}
    assert dict(json.loads(result.stdout)) == expected
    assert [name for name, _ in json.loads(result.stdout)] == sorted(expected)


def test_a_missing_demo_fails_the_build_naming_the_slide_and_the_file(tmp_path):
    source = tmp_path / "broken.md"
    source.write_text("---\nmarp: true\ntheme: asyncio-live\n---\n# one\n\n---\n\n```python demo=no_such_demo\n```\n")
    with pytest.raises(BuildError) as failure:
        marp(source, tmp_path / "broken.html")
    message = str(failure.value)
    assert str(source) in message
    assert "slide 2" in message
    assert "demos/no_such_demo.py" in message
    assert not (tmp_path / "broken.html").exists()


def test_a_demo_fence_with_pasted_code_fails_the_build(tmp_path):
    source = tmp_path / "pasted.md"
    demo = demo_files()[0].stem
    source.write_text(f"---\nmarp: true\n---\n```python demo={demo}\nprint('pasted')\n```\n")
    with pytest.raises(BuildError, match="must be empty"):
        marp(source, tmp_path / "pasted.html")


def test_the_build_keeps_one_snapshot_of_python_for_the_current_runtime(built_site, tmp_path):
    """A rebuild with the runtime unchanged keeps the snapshot it has (the deck's worker restores it:
    nothing is made again), and drops those of other runtimes."""
    from deckkit.build import keep_python_snapshot

    copies = sorted((built_site / "snapshots").iterdir())
    assert [copy.suffix for copy in copies] == [".br", ".gz"]  # only compressed: never the 31 MB file
    name = copies[0].stem
    assert re.fullmatch(r"\d+\.\d+\.\d+-[0-9a-z]+\.bin", name) and copies[1].stem == name
    snapshot = gzip.decompress(copies[1].read_bytes())
    assert brotli.decompress(copies[0].read_bytes()) == snapshot and snapshot.startswith(b"\0snx")  # served form
    assert copies[0].stat().st_size < 0.9 * copies[1].stat().st_size  # brotli's is the one that pays
    for entry in built_site.iterdir():
        if entry.name != "snapshots":
            (tmp_path / entry.name).symlink_to(entry)
    (tmp_path / "snapshots").mkdir()
    for copy in copies:
        (tmp_path / "snapshots" / copy.name).write_bytes(copy.read_bytes())
    (tmp_path / "snapshots" / "0.0.0-old.bin.gz").write_bytes(b"an older runtime's")
    assert keep_python_snapshot(tmp_path) == tmp_path / "snapshots" / name
    assert sorted(p.name for p in (tmp_path / "snapshots").iterdir()) == [copy.name for copy in copies]
    for copy in copies:
        assert (tmp_path / "snapshots" / copy.name).read_bytes() == copy.read_bytes()


def test_what_a_first_open_fetches_has_brotli_and_gzip_copies_that_decode_to_it(built_site):
    """Pyodide's wasm and loader, the decks, the runtime's bundle: each beside a .br and a .gz of it; no copy
    where compression saves nothing (fonts, Pyodide's zipped standard library)."""
    fetched = [built_site / "pyodide" / "pyodide.asm.wasm", built_site / "pyodide" / "pyodide.asm.mjs",
               built_site / "pyodide" / "pyodide-lock.json", built_site / "runtime" / "python-worker.js",
               built_site / "runtime" / "deck.js", *(built_site / f"{deck}.html" for deck in DECKS)]
    for path in fetched:
        data = path.read_bytes()
        br, gz = path.with_name(path.name + ".br").read_bytes(), path.with_name(path.name + ".gz").read_bytes()
        assert brotli.decompress(br) == data and gzip.decompress(gz) == data, path.name
        assert len(br) < len(gz) < len(data), path.name
    wasm = built_site / "pyodide" / "pyodide.asm.wasm"
    assert (wasm.with_name(wasm.name + ".br")).stat().st_size < 0.4 * wasm.stat().st_size
    for uncompressible in [built_site / "pyodide" / "python_stdlib.zip",
                           next((built_site / "fonts" / "noto-sans-kr" / "files").glob("*.woff2"))]:
        assert not uncompressible.with_name(uncompressible.name + ".br").exists()


def test_a_rebuilt_file_gets_new_copies_and_a_gone_file_loses_its_own(tmp_path):
    from deckkit.compress import precompress

    page = tmp_path / "runtime" / "chunk-A.js"
    page.parent.mkdir()
    page.write_text("console.log('first build')\n" * 200)
    assert sorted(p.name for p in precompress(tmp_path)) == ["chunk-A.js.br", "chunk-A.js.gz"]
    kept = page.with_name("chunk-A.js.br").stat().st_mtime_ns
    assert precompress(tmp_path) and page.with_name("chunk-A.js.br").stat().st_mtime_ns == kept  # current: kept
    page.write_text("console.log('second build')\n" * 200)
    os.utime(page, ns=(kept + 10**9, kept + 10**9))
    precompress(tmp_path)
    assert brotli.decompress(page.with_name("chunk-A.js.br").read_bytes()) == page.read_bytes()
    page.unlink()
    assert precompress(tmp_path) == [] and list(tmp_path.rglob("*.*")) == []


def test_a_build_that_cannot_make_the_snapshot_says_so_and_goes_on(tmp_path, capsys):
    from deckkit.build import keep_python_snapshot

    (tmp_path / "index.html").write_text("<!doctype html>")
    assert keep_python_snapshot(tmp_path, chromium=str(tmp_path / "no-chromium")) is None
    said = capsys.readouterr().err
    assert said.startswith("! no Python snapshot for the deck (") and "no-chromium" in said, said
    assert "first open boots Python cold" in said
    assert not list((tmp_path / "snapshots").iterdir())


@pytest.mark.every_demo
def test_no_slide_or_exercise_keeps_a_scaffolds_todo():
    """`invoke new-demo` / `new-exercise` leave TODO where words are wanted: titles, notes, texts."""
    left = [f"slides/{deck}.md:{number}: {line.strip()}" for deck in DECKS
            for number, line in enumerate(deck_source(deck).read_text().splitlines(), 1) if "TODO" in line]
    written = [*DEMOS.glob("exercises/*/exercise.toml"), *(ROOT / "tests" / "exercise_answers").glob("*/*.py")]
    left += [f"{path.relative_to(ROOT)}: {line.strip()}" for path in sorted(written)
             for line in path.read_text().splitlines() if "TODO" in line]
    assert not left, "still to be written:\n" + "\n".join(left)
