"""Tasks for the asyncio live deck. `invoke --list` shows them; `invoke --help <task>` explains one."""

import shlex
import sys
import threading
from pathlib import Path

from invoke import task

from deckkit import requirements
from deckkit.paths import DECKS, DIST


@task
def build(c):
    """Build both decks as HTML into dist/ (a static site: fonts, live-cell runtime, Pyodide, a snapshot of Python)."""
    requirements.node_modules()
    requirements.browser_for_build()
    from deckkit.build import build as build_site

    for output in build_site():
        print(f"✓ {output.relative_to(DIST.parent)}")


@task
def pdf(c):
    """Export both decks as PDF into dist/ (marp-cli with Debian's Chromium)."""
    requirements.node_modules()
    requirements.debian_packages(for_tests=False)
    from deckkit.build import build_pdf

    for output in build_pdf():
        print(f"✓ {output.relative_to(DIST.parent)}")


@task(help={"port": "first port to try (the next free one is used if it is busy)", "no_build": "serve dist/ as it is"})
def present(c, port=8000, no_build=False):
    """Build, then serve dist/ on 127.0.0.1 and print the decks' URLs (Ctrl+C stops)."""
    if not no_build:
        build(c)
    from deckkit.serve import bind, url

    server = bind(DIST, int(port))
    print("\nPresent from:")
    for deck in DECKS:
        print(f"  {url(server, deck + '.html')}")
    print("Keys: → / ← slides, f fullscreen, p presenter view. Ctrl+C stops the server.", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@task(help={"k": "only tests matching this pytest -k expression",
            "demo": "only the tests of this demo or exercise (its build, CPython, timeline, render, export, browser)"})
def test(c, k="", demo=""):
    """Install what is missing (npm ci, Debian's chromium), build if a source changed, then run the tests."""
    requirements.python_test_packages()
    requirements.node_modules()
    requirements.debian_packages(for_tests=True)
    from deckkit.build_stamp import build_is_current

    if build_is_current():
        print("✓ dist/ is current: no source changed since the last build")
    else:
        build(c)
    selection = (f" -k {shlex.quote(k)}" if k else "") + (f" --demo {shlex.quote(demo)}" if demo else "")
    c.run(f"{shlex.quote(sys.executable)} -m pytest{selection}", pty=False, env={"DECK_BUILT": "1"})


@task(name="new-demo", help={"name": "the demo's module name: demos/<name>.py"})
def new_demo(c, name):
    """Make a demo: demos/<name>.py, demos/expected/<name>.toml and a slide in both decks; print what is left."""
    from deckkit.paths import ROOT
    from deckkit.scaffold import new_demo as scaffold

    print("\n".join(scaffold(name, ROOT)))


@task(name="new-exercise", help={"name": "the exercise's name: demos/exercises/<name>/"})
def new_exercise(c, name):
    """Make an exercise: its folder, wrong-answer stubs, its STARTERS entry, a slide in both decks; print what is left."""
    from deckkit.paths import ROOT
    from deckkit.scaffold import new_exercise as scaffold

    print("\n".join(scaffold(name, ROOT)))


@task(help={"k": "only programs whose name contains this",
            "record": "first record each program's output under the newest CPython here that supports it"})
def conformance(c, k="", record=False):
    """Compare the live deck with CPython's recorded output of the conformance corpus (and with a CPython here
    at least as new); print what matches and what differs."""
    from deckkit.conformance import report, report_records

    if record and report_records(k):
        sys.exit(1)
    requirements.node_modules()
    requirements.debian_packages(for_tests=True)
    build(c)
    sys.exit(report(k))


@task(help={"k": "only runs whose module (or test class) contains this"})
def cpython_tests(c, k=""):
    """CPython's own asyncio tests, module by module in a live cell, against a native 3.14 running the deck's asyncio."""
    requirements.node_modules()
    requirements.debian_packages(for_tests=True)
    build(c)
    from deckkit.cpython_tests import report

    sys.exit(report(k))


@task
def shots(c):
    """Screenshot every slide of the built decks into dist/shots/ (to look at them)."""
    from deckkit.shots import screenshot_decks

    for path in screenshot_decks():
        print(path.relative_to(DIST.parent))


@task(help={"rounds": "how many times to measure each figure (medians are printed)",
            "only": "only these figures, comma-separated: link (first opens over 20 and 100 Mbit/s, the bare "
                    "page's beside), reopen (the deck's first open, reload, new tab), runs (Run → first line, "
                    "Stop → next run done, interpreters held)",
            "against": "with --only: another build's dist/ whose deck is measured in the same rounds (before/after)"})
def bench(c, rounds=5, only="", against=""):
    """Benchmark the live deck in Chromium: figures as ratios to a bare Pyodide boot in the same run."""
    requirements.node_modules()
    requirements.debian_packages(for_tests=False)
    build(c)
    from deckkit.bench import run, run_parts

    print()
    if only:
        rows = run_parts(tuple(only.split(",")), rounds=int(rounds), against=Path(against) if against else None)
        for label, value, unit in rows:
            print(f"  {label:<58} {value:8.3f} {unit}")
        return
    for label, value, unit, goal in run(rounds=int(rounds)):
        print(f"  {label:<58} {value:8.3f} {unit:<4} {goal}")


@task(help={"port": "first port to try (the next free one is used if it is busy)"})
def serve(c, port=8000):
    """Authoring loop: serve the decks, rebuild on every save and reload the open pages."""
    requirements.node_modules()
    from deckkit.authoring import AuthoringServer, Project
    from deckkit.paths import ROOT
    from deckkit.serve import url

    server = AuthoringServer(Project(ROOT, DECKS, DIST), int(port)).start()
    for deck in DECKS:
        print(f"  {url(server.server, deck + '.html')}")
    print("Watching slides/ and demos/. Ctrl+C stops.", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.stop()


@task(help={"format": "pptx or png (Marp's own converters)"})
def export(c, format="pptx"):
    """Export both decks as PPTX or PNG images into dist/ (recorded outputs, no live controls)."""
    requirements.node_modules()
    requirements.debian_packages(for_tests=False)
    from deckkit.build import build_export

    for output in build_export(format):
        print(f"✓ {output.relative_to(DIST.parent)}")
