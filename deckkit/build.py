"""Build dist/: the decks as HTML (marp-cli), their fonts, the live-cell runtime and Pyodide.

dist/ is a static site with relative URLs only, so it works from any host and sub-path; beside each file a
browser fetches, its brotli and gzip copies (deckkit/compress.py) for a host that serves them.
"""

import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from .browser import CHROMIUM
from .compress import precompress
from .favicon import favicon_ico
from .stdlib_archive import stored_archive, write_stored_archive
from .stdlib_bytecode import write_bytecode
from .paths import DECKS, DIST, MARP_CONFIG, NODE_MODULES, ROOT, SLIDES, deck_source

# The script that starts Python, and the favicon's link after it (slides/engine/runtime-script.mjs).
EARLY_BOOT = re.compile(r"<script data-early-boot>.*?</script>\n?(?:<link rel=\"icon\"[^>]*>\n?)?", re.S)
PYODIDE_SKIP = re.compile(r"\.(map|d\.ts|html|md)$|^package\.json$")
RUNTIME = SLIDES / "runtime"


class BuildError(SystemExit):
    pass


def marp(source: Path, output: Path, *extra: str, env: dict | None = None, config: Path = MARP_CONFIG) -> None:
    """Convert one deck with the pinned marp-cli; a failure names the deck."""
    if not source.exists():
        raise BuildError(f"✗ missing deck: {_shown(source)}")
    command = ["npx", "--no-install", "marp", "--config-file", str(config), str(source), "-o", str(output), *extra]
    # DECK_PYTHON: the engine asks this Python for the deck's sources (deckkit/sources.py).
    run_env = {**os.environ, "CHROME_PATH": CHROMIUM, "DECK_PYTHON": sys.executable, "DECK_PYTHONPATH": str(ROOT),
               **(env or {})}
    result = subprocess.run(command, cwd=ROOT, env=run_env, capture_output=True, text=True)
    written = output.exists() or any(output.parent.glob(f"{output.stem}.*{output.suffix}"))
    if result.returncode != 0 or not written:
        log = "\n".join(line for line in result.stderr.splitlines() if "nodedir" not in line)
        raise BuildError(f"✗ building {_shown(source)} failed:\n{log}")
    if output.suffix == ".html":
        hoist_early_boot(output)


def hoist_early_boot(page: Path) -> None:
    """Move the script that starts Python (slides/engine/runtime-script.mjs) up into <head>, right after
    <meta charset>. Marp puts an engine's HTML in <body>, after the theme's <style>, whose font @imports
    hold every script behind them until they have loaded: Python's boot would start ~40 ms later. The
    favicon's link goes up with it: a link in <body> is no icon to the HTML standard."""
    text = page.read_text()
    script = EARLY_BOOT.search(text)
    charset = re.search(r"<meta charset=[^>]*>", text)
    if script and charset and charset.end() < script.start():
        text = text[: script.start()] + text[script.end() :]
        text = text[: charset.end()] + script.group(0).strip() + text[charset.end() :]
        page.write_text(text)


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def copy_fonts(target: Path) -> None:
    """The deck's subsets of its fonts, and behind them fontsource's woff2 slices for characters typed
    live (deckkit/fonts.py)."""
    from .fonts import write_slices, write_subsets

    write_subsets(target)
    write_slices(target)


def copy_pyodide(target: Path) -> None:
    source = NODE_MODULES / "pyodide"
    target.mkdir(parents=True, exist_ok=True)
    for path in source.iterdir():
        if path.is_file() and not PYODIDE_SKIP.search(path.name):
            shutil.copy2(path, target / path.name)
    write_stored_archive(target.parent)  # dist/stdlib/: the standard library as the deck's worker fetches it


def bundle_runtime(target: Path) -> None:
    """The browser runtime as ES modules (deckkit/bundle-runtime.mjs, esbuild): the page's entry (which
    starts Python at once, then loads the cells and CodeMirror as a separate chunk) and the worker's,
    which carries Pyodide's loader and the runtime's Python modules (as text: every .py file of the
    package, slides/runtime/worker/python-package.js)."""
    if target.exists():
        shutil.rmtree(target)  # no stale chunks
    target.mkdir(parents=True)
    stdlib, _ = stored_archive()  # the worker's bundle carries its name (deckkit/stdlib_archive.py)
    result = subprocess.run(["node", str(ROOT / "deckkit" / "bundle-runtime.mjs"), str(target), stdlib], cwd=ROOT,
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildError(f"✗ bundling slides/runtime failed:\n{result.stderr}")


def write_index(target: Path, decks: tuple[str, ...]) -> None:
    links = "\n".join(f'<li><a href="{d}.html">{html.escape(d)}</a></li>' for d in decks)
    target.write_text(
        '<!doctype html><html lang="ko"><meta charset="utf-8"><title>asyncio live deck</title>'
        '<link rel="icon" href="favicon.ico">'
        f"<h1>파이썬 asyncio 사용법 — asyncio, live</h1><ul>{links}</ul></html>\n"
    )


def record_demos() -> Path:
    """Run every demo under CPython in virtual time (deckkit/recording.py), in a process of its own."""
    from .recording import RECORDINGS

    result = subprocess.run([sys.executable, "-m", "deckkit.recording", "--out", str(RECORDINGS)],
                            cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildError(f"✗ recording the demos under CPython failed:\n{result.stderr}")
    return RECORDINGS


def check_sources(root: Path = ROOT, decks: tuple[str, ...] = DECKS) -> None:
    """Stop on a mistake a test or a learner would otherwise find (deckkit/deck_check.py), naming where."""
    from .deck_check import check_project

    problems = check_project(root, decks)
    if problems:
        raise BuildError("✗ the decks' sources have mistakes:\n" + "\n".join(f"  {p}" for p in problems))


def build(decks: tuple[str, ...] = DECKS, dist: Path = DIST) -> list[Path]:
    """Build every deck and its assets into *dist*; returns the HTML files."""
    check_sources(ROOT, decks)
    dist.mkdir(parents=True, exist_ok=True)
    recordings = record_demos()
    timelines = dist / "timelines"
    timelines.mkdir(exist_ok=True)
    for svg in recordings.glob("*.svg"):
        shutil.copy2(svg, timelines / svg.name)
    outputs = []
    for deck in decks:
        output = dist / f"{deck}.html"
        marp(deck_source(deck), output)
        outputs.append(output)
    copy_fonts(dist / "fonts")
    copy_pyodide(dist / "pyodide")
    write_bytecode(dist / "pyodide")
    bundle_runtime(dist / "runtime")
    write_index(dist / "index.html", decks)
    (dist / "favicon.ico").write_bytes(favicon_ico())
    precompress(dist)
    keep_python_snapshot(dist)
    if dist == DIST and decks == DECKS:
        from .build_stamp import record_build

        record_build()  # `invoke test` and pytest build again only once a source changes
    return outputs


def keep_python_snapshot(dist: Path, chromium: str = CHROMIUM) -> Path | None:
    """The deck's own snapshot of Python (deckkit/snapshot.py), made in a process of its own; without
    one the deck still works, and a browser's first open boots Python cold: said, not fatal."""
    result = subprocess.run([sys.executable, "-m", "deckkit.snapshot", str(dist), "--chromium", chromium],
                            cwd=ROOT, capture_output=True, text=True)
    if result.returncode == 0:
        return Path(result.stdout.strip())
    reason = (result.stderr.strip().splitlines() or ["no reason given"])[-1]
    print(f"! no Python snapshot for the deck ({reason}): a browser's first open boots Python cold (~2 s)",
          file=sys.stderr, flush=True)
    return None


def build_pdf(decks: tuple[str, ...] = DECKS, dist: Path = DIST) -> list[Path]:
    """Both decks as PDF. Marp reads the bundled fonts only with --allow-local-files."""
    dist.mkdir(parents=True, exist_ok=True)
    record_demos()
    copy_fonts(SLIDES / "fonts")  # the theme's relative font URLs resolve beside the Markdown
    outputs = []
    for deck in decks:
        output = dist / f"{deck}.pdf"
        marp(deck_source(deck), output, "--pdf", "--allow-local-files", env={"DECK_PRINT": "1"})
        outputs.append(output)
    return outputs


def build_export(fmt: str, decks: tuple[str, ...] = DECKS, dist: Path = DIST) -> list[Path]:
    """Both decks through Marp's own converters: pptx, or one png per slide."""
    if fmt not in ("pptx", "png"):
        raise BuildError(f"✗ unknown format {fmt!r}: use pptx or png")
    record_demos()
    copy_fonts(SLIDES / "fonts")
    outputs = []
    for deck in decks:
        if fmt == "pptx":
            output = dist / f"{deck}.pptx"
            marp(deck_source(deck), output, "--pptx", "--allow-local-files", env={"DECK_PRINT": "1"})
            outputs.append(output)
        else:
            (dist / "png").mkdir(parents=True, exist_ok=True)
            output = dist / "png" / f"{deck}.png"
            marp(deck_source(deck), output, "--images", "png", "--allow-local-files", env={"DECK_PRINT": "1"})
            outputs += sorted(output.parent.glob(f"{deck}.*.png"))
    return outputs
