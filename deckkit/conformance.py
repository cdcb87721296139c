"""The conformance corpus: small asyncio programs run under CPython and in the live deck, compared.

Each program in tests/conformance/ runs twice:

* under CPython — the newest version on this machine that the program supports (pyenv's 3.11–3.13;
  Pyodide is 3.14, so a program needing 3.14 cannot be compared and is not in the corpus), unbuffered
  as in a terminal, stdin empty;
* in the built Korean deck in Chromium, pasted into a live cell and run as a presenter would
  (`liveDeck.cell(name).setCode(code)`, Run), its output read from the cell.

They must agree on stdout (exactly; as a multiset of lines for a program marked `unordered`), the last
line of stderr (all of it for `stderr=full`), the user's traceback frames, the exit status, and the
duration within DURATION_TOLERANCE. The deck's stderr never names the runtime's files.

A program marked `limit=<key>` reaches what a browser cannot do (sockets, processes, signals, input,
CPU-bound threads): the deck must print the note labels.js holds for that key, in the deck's language,
once; before it, stdout must be what CPython printed (a prefix of it). Header line of a program:

    # conformance: requires=3.12 unordered stderr=full limit=sockets
"""

import functools
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .deck_driver import DeckDriver
from .paths import ROOT

CORPUS = ROOT / "tests" / "conformance"
DECK = "asyncio.ko"  # the Korean deck: its notes must be Korean
CELL = "await_coroutine"  # the live cell the programs are pasted into
PROGRAM_TIMEOUT_S = 20
DURATION_TOLERANCE = (0.05, 0.15)  # relative, and an absolute floor in seconds (startup noise, tracer)

# Programs that still differ, and why: `invoke conformance` prints this list; the tests expect them to
# fail (strict xfail) so a fix shows up. Empty when the deck matches CPython everywhere it can.
KNOWN_DIFFERENCES: dict[str, str] = {}

ADDRESS = re.compile(r"0x[0-9a-fA-F]+")
RUNTIME_PATH = re.compile(r"/home/pyodide/|/pyodide/|/_pyodide/|webloop\.py|live_runtime")
STDLIB = re.compile(r"(?:/\S*?)?/lib/python3\.?\d+(?:\.zip)?/([\w/]+\.py):\d+")  # CPython's, Pyodide's zip
DEBUG_DURATION = re.compile(r"took \d+\.\d+ seconds")
USER_FRAME = re.compile(r'^[ \t]*File "<program>", line \d+, in .*$', re.M)


@dataclass
class Program:
    path: Path
    requires: tuple[int, int] = (3, 11)
    unordered: bool = False
    full_stderr: bool = False
    limit: str | None = None

    @property
    def name(self):
        return self.path.stem

    @property
    def code(self):
        return self.path.read_text()

    @classmethod
    def load(cls, path):
        program = cls(path)
        header = re.search(r"^# conformance:(.*)$", path.read_text(), re.M)
        for word in header.group(1).split() if header else ():
            key, _, value = word.partition("=")
            if key == "requires":
                program.requires = tuple(int(part) for part in value.split("."))
            elif key == "unordered":
                program.unordered = True
            elif key == "stderr" and value == "full":
                program.full_stderr = True
            elif key == "limit":
                program.limit = value
            else:
                raise ValueError(f"{path.name}: unknown conformance marker {word!r}")
        return program


def corpus() -> list[Program]:
    return [Program.load(path) for path in sorted(CORPUS.glob("*.py"))]


@dataclass
class Run:
    stdout: list[str]
    stderr: list[str]
    status: int | None
    seconds: float
    notes: list[tuple[int, str]] = field(default_factory=list)  # (stdout lines before it, text)
    python: str = ""


# --- CPython -------------------------------------------------------------------------------------

@functools.cache
def cpythons() -> dict[tuple[int, int], str]:
    """The CPython interpreters on this machine (this one, and pyenv's 3.11+): (major, minor) → executable."""
    found = {sys.version_info[:2]: sys.executable}
    if shutil.which("pyenv"):
        listed = subprocess.run(["pyenv", "versions", "--bare"], capture_output=True, text=True).stdout.split()
        for version in listed:
            parts = tuple(int(p) for p in version.split(".")[:2] if p.isdigit())
            prefix = subprocess.run(["pyenv", "prefix", version], capture_output=True, text=True).stdout.strip()
            executable = Path(prefix) / "bin" / "python3"
            if len(parts) == 2 and parts >= (3, 11) and executable.exists():
                found.setdefault(parts, str(executable))
    return dict(sorted(found.items()))


def python_for(program: Program):
    """The newest CPython here that the program supports, or None."""
    usable = [version for version in cpythons() if version >= program.requires]
    return usable[-1] if usable else None


# Imported before the program, as the deck's runtime has asyncio imported: CPython's start-up and
# that import are no part of the program's duration. It notes when the program starts and ends.
_SITECUSTOMIZE = """\
import asyncio, atexit, os, time
_clock_file = os.environ.pop("CONFORMANCE_CLOCK")
with open(_clock_file, "w") as _file:
    _file.write(repr(time.monotonic()))
@atexit.register
def _ended():
    with open(_clock_file, "a") as file:
        file.write(" " + repr(time.monotonic()))
"""


def _run_cpython_once(program, version):
    with tempfile.TemporaryDirectory() as scratch:
        Path(scratch, "sitecustomize.py").write_text(_SITECUSTOMIZE)
        clock = Path(scratch, "clock")
        env = {**os.environ, "PYTHONPATH": scratch, "CONFORMANCE_CLOCK": str(clock),
               "PYTHONUNBUFFERED": "1", "PYTHONDONTWRITEBYTECODE": "1"}
        for name in ("PYTHONWARNINGS", "PYTHONASYNCIODEBUG", "PYTHONDEVMODE", "PYENV_VERSION"):
            env.pop(name, None)
        result = subprocess.run([cpythons()[version], str(program.path)], env=env, capture_output=True,
                                text=True, stdin=subprocess.DEVNULL, timeout=PROGRAM_TIMEOUT_S, cwd=CORPUS)
        ended = time.monotonic()  # os._exit() skips atexit: then the parent's clock
        marks = [float(mark) for mark in clock.read_text().split()] if clock.exists() else []
        seconds = (marks[1] if len(marks) > 1 else ended) - marks[0] if marks else float("nan")
    return Run(_lines(result.stdout), _lines(result.stderr), result.returncode, seconds,
               python="%d.%d" % version)


def run_cpython(program: Program) -> Run | None:
    """Twice, keeping the faster run: on a shared machine a run is only ever slowed down."""
    version = python_for(program)
    if version is None:
        return None
    return min((_run_cpython_once(program, version) for _ in range(2)), key=lambda run: run.seconds)


def _lines(text):
    lines = text.split("\n")
    return lines[:-1] if lines and lines[-1] == "" else lines


def run_cpython_all(programs, workers=2) -> dict[str, Run | None]:
    with ThreadPoolExecutor(workers) as pool:
        return dict(zip((p.name for p in programs), pool.map(run_cpython, programs)))


# --- the live deck --------------------------------------------------------------------------------

class DeckLabels:
    """The notes a deck's cell prints (labels.js, in the deck's language), and its own end-of-run lines."""

    def __init__(self, labels: dict):
        self.notes = labels["notes"]
        self.own_lines = set(labels["exited"]) | {labels["stopped"]}

    def note_text(self, key):
        return self.notes.get(key)


def run_in_deck(deck: DeckDriver, labels: DeckLabels, program: Program) -> Run:
    """The program pasted into the deck's live cell and run (stopped after PROGRAM_TIMEOUT_S)."""
    finished = deck.run_to_end(CELL, program.code, PROGRAM_TIMEOUT_S * 1000)
    stdout, stderr, notes = [], [], []
    for line in finished.lines:
        if line.stream == "note":
            if line.text not in labels.own_lines:
                notes.append((len(stdout), line.text))
        elif line.stream == "stderr":
            stderr.append(line.text)
        else:
            stdout.append(line.text)
    if finished.outcome == "timeout":
        stderr.append(f"(the deck did not finish in {PROGRAM_TIMEOUT_S} s: stopped)")
    return Run(stdout, stderr, finished.exit_status, finished.elapsed, notes, python="3.14 (Pyodide)")


# --- comparing ------------------------------------------------------------------------------------

@dataclass
class Verdict:
    program: Program
    cpython: Run | None
    deck: Run | None
    problems: list[str]
    note: str | None = None  # the platform note the deck printed (limit programs)

    @property
    def matches(self):
        return not self.problems


def _normalise(lines, filename):
    text = "\n".join(lines)
    text = ADDRESS.sub("0x…", text)
    text = STDLIB.sub(r"<stdlib>/\1:N", text)  # the standard library's own paths and line numbers
    text = DEBUG_DURATION.sub("took … seconds", text)  # debug mode's measured callback time
    return text.replace(filename, "<program>")


def _last(lines):
    non_empty = [line for line in lines if line.strip()]
    return non_empty[-1].strip() if non_empty else ""


def compare(program: Program, cpython: Run | None, deck: Run, note_text) -> Verdict:
    problems = []
    if cpython is None:
        return Verdict(program, None, deck, [f"no CPython ≥ {'.'.join(map(str, program.requires))} on this machine"])
    c_err = _normalise(cpython.stderr, str(program.path)).split("\n")
    d_err = _normalise(deck.stderr, f"{CELL}.py").split("\n")
    runtime_lines = [line for line in d_err if RUNTIME_PATH.search(line)]
    if runtime_lines:
        problems.append(f"stderr shows the runtime: {runtime_lines[0].strip()!r}")
    note = None
    if program.limit:
        expected = note_text(program.limit)
        texts = [text for _, text in deck.notes]
        if expected is None:
            problems.append(f"labels.js has no note {program.limit!r}")
        elif texts != [expected]:
            problems.append(f"expected the one note {expected!r}, got {texts!r}")
        else:
            note = expected
            before = deck.notes[0][0]
            if deck.stdout[:before] != cpython.stdout[:before]:
                problems.append(f"stdout before the note is not CPython's: {deck.stdout[:before]!r}")
        return Verdict(program, cpython, deck, problems, note)
    if deck.notes:
        problems.append(f"the deck announced a difference: {deck.notes[0][1]!r}")
    c_out, d_out = _normalise(cpython.stdout, str(program.path)), _normalise(deck.stdout, f"{CELL}.py")
    if program.unordered:
        c_out, d_out = sorted(c_out.split("\n")), sorted(d_out.split("\n"))
    if c_out != d_out:
        problems.append(f"stdout differs:\n    cpython: {c_out!r}\n    deck:    {d_out!r}")
    if program.full_stderr:
        if c_err != d_err:
            problems.append(f"stderr differs:\n    cpython: {c_err!r}\n    deck:    {d_err!r}")
    elif _last(c_err) != _last(d_err):
        problems.append(f"last line of stderr differs:\n    cpython: {_last(c_err)!r}\n    deck:    {_last(d_err)!r}")
    c_frames, d_frames = USER_FRAME.findall("\n".join(c_err)), USER_FRAME.findall("\n".join(d_err))
    if c_frames != d_frames:
        problems.append(f"traceback frames differ:\n    cpython: {c_frames!r}\n    deck:    {d_frames!r}")
    if cpython.status != deck.status:
        problems.append(f"exit status: cpython {cpython.status}, deck {deck.status}")
    relative, floor = DURATION_TOLERANCE
    if abs(deck.seconds - cpython.seconds) > max(relative * cpython.seconds, floor):
        problems.append(f"duration: cpython {cpython.seconds:.2f} s, deck {deck.seconds:.2f} s")
    return Verdict(program, cpython, deck, problems)


def run_corpus(page, base_url, programs=None, on_result=None) -> list[Verdict]:
    """Run every program under CPython (in parallel, in the background) and in the deck; compare."""
    programs = corpus() if programs is None else programs
    with ThreadPoolExecutor(1) as background:
        cpython_runs = background.submit(run_cpython_all, programs)  # while the deck boots
        deck = DeckDriver.open(page, base_url, DECK).wait_python_ready()
        labels = DeckLabels(deck.labels())
        cpython = cpython_runs.result()  # done before the deck's runs: they are timed, on a shared CPU
        deck_runs = {}
        for program in programs:
            # A mismatch is run again, once, on both sides (the new runs are kept): on a machine
            # shared with other work a timer may fire late; a real difference shows again.
            run = run_in_deck(deck, labels, program)
            if not compare(program, cpython[program.name], run, labels.note_text).matches:
                run = run_in_deck(deck, labels, program)
                cpython[program.name] = run_cpython(program)
            deck_runs[program.name] = run
    verdicts = []
    for program in programs:
        verdict = compare(program, cpython[program.name], deck_runs[program.name], labels.note_text)
        verdicts.append(verdict)
        if on_result:
            on_result(verdict)
    return verdicts


def run_in_chromium(programs=None, on_result=None) -> list[Verdict]:
    """Serve dist/, open it in Chromium and run the corpus (for `invoke conformance`)."""
    from playwright.sync_api import sync_playwright

    from .browser import CHROMIUM, CHROMIUM_ARGS, VIEWPORT
    from .paths import DIST
    from .serve import serve_in_background, url

    server = serve_in_background(DIST)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport=VIEWPORT)
            try:
                return run_corpus(page, url(server), programs, on_result)
            finally:
                browser.close()
    finally:
        server.shutdown()


def report(name_filter="") -> int:
    """`invoke conformance`: a line per program, the figure, the platform differences, the known ones."""
    programs = [p for p in corpus() if name_filter in p.name]
    started = time.perf_counter()

    def show(verdict):
        mark = "✓" if verdict.matches else ("✗ (known)" if verdict.program.name in KNOWN_DIFFERENCES else "✗")
        python = verdict.cpython.python if verdict.cpython else "-"
        limit = f"  [note: {verdict.program.limit}]" if verdict.program.limit else ""
        print(f"{mark} {verdict.program.name:<40} CPython {python}{limit}", flush=True)
        for problem in verdict.problems:
            print(f"    {problem}")

    verdicts = run_in_chromium(programs, on_result=show)
    matched = sum(v.matches for v in verdicts)
    print(f"\n{matched} of {len(verdicts)} match ({time.perf_counter() - started:.0f} s)")
    announced = [v for v in verdicts if v.program.limit]
    if announced:
        print("\nPlatform differences the deck announces (as the Korean deck says them):")
        for verdict in announced:
            print(f"  {verdict.program.name}: {verdict.note or '(no note!)'}")
    known = [v for v in verdicts if v.program.name in KNOWN_DIFFERENCES]
    if known:
        print("\nKnown differences (not yet as CPython):")
        for verdict in known:
            print(f"  {verdict.program.name}: {KNOWN_DIFFERENCES[verdict.program.name]}")
    unexpected = [v for v in verdicts if not v.matches and v.program.name not in KNOWN_DIFFERENCES]
    return 1 if unexpected else 0
