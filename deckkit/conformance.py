"""The conformance corpus: small asyncio programs run under CPython and in the live deck, compared.

Each program in tests/conformance/ is compared with CPython's output:

* recorded — `invoke conformance --record` runs it under the newest CPython on the machine that supports
  it (unbuffered as in a terminal, stdin empty; Pyodide is 3.14, so a program needing 3.14 cannot be
  compared and is not in the corpus) and keeps what it printed in tests/conformance/cpython/<name>.json,
  with that interpreter's version, when, and the program's hash: a machine with only an older CPython
  (Debian's 3.11) still compares the deck with 3.13's behaviour, and an edited program needs a new record;
* live too, where this machine has a CPython at least as new as the recorded one;
* in the built Korean deck in Chromium, pasted into a live cell and run as a presenter would
  (`liveDeck.cell(name).setCode(code)`, Run), its output read from the cell.

They must agree on stdout (exactly; as a multiset of lines for a program marked `unordered`), the last
line of stderr (all of it for `stderr=full`), the user's traceback frames, the exit status, and the
duration within DURATION_TOLERANCE. The deck's stderr never names the runtime's files. A program that
prints a time it measured around sockets or threads prints it in its own steps (`round(took / 0.5)`
sleeps of 0.5 s: together 1, one after another 4), not to 0.1 s: the loopback's first connections cost
the deck tens of milliseconds, and 0.54 s against CPython's 0.51 printed "0.5" and "0.6" — a time
already compared, within the tolerance, as the run's duration.

A program marked `runs=2` runs twice: under CPython as two processes, in the deck twice in the same
cell; the two runs' outputs, one after the other, are compared (and the statuses of both). What one run
changes (logging, os.environ, sys settings, modules, atexit handlers) must not reach the next.

A program marked `limit=<key>` reaches what a browser cannot do (sockets, processes, signals,
CPU-bound threads): the deck must print the note labels.js holds for that key, in the deck's language,
once; before it, stdout must be what CPython printed (a prefix of it). Header line of a program:

    # conformance: requires=3.12 unordered stderr=full limit=sockets runs=2 timed=no

`timed=no`: the program's duration is not compared. Only for a program that checks no timing and whose
time is one of:
* its imports of large standard-library packages (doctest, unittest, http.server with urllib…): each run
  is a fresh interpreter, and in WebAssembly those imports take ~0.2 s even with the library's bytecode
  given, against ~0.01 s in CPython (an honest difference, in the README);
* megabytes moved through the loopback, whose sockets are written in Python (net_sendfile: 0.18 s
  against 0.02; `invoke bench` measures its throughput);
* a wait CPython itself varies: serve_forever() looks for shutdown() every 0.5 s (0.05–0.55 s).
"""

import datetime
import functools
import hashlib
import json
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
RECORDS = CORPUS / "cpython"  # CPython's output of each program, recorded (`invoke conformance --record`)
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
STDLIB_FRAME = re.compile(r'File "(?:/\S*?)?/lib/python3\.?\d+(?:\.zip)?/([\w/]+\.py)", line \d+')
DEBUG_DURATION = re.compile(r"took \d+\.\d+ seconds")
USER_FRAME = re.compile(r'^[ \t]*File "<program>", line \d+, in .*$', re.M)


@dataclass
class Program:
    path: Path
    requires: tuple[int, int] = (3, 11)
    unordered: bool = False
    full_stderr: bool = False
    limit: str | None = None
    runs: int = 1  # runs one after the other: separate processes under CPython, the same cell in the deck
    timed: bool = True  # timed=no: its duration is not compared (what it checks is not time; see corpus())

    @property
    def name(self):
        return self.path.stem

    @property
    def code(self):
        return self.path.read_text()

    @property
    def digest(self):
        return hashlib.sha256(self.path.read_bytes()).hexdigest()

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
            elif key == "runs":
                program.runs = int(value)
            elif key == "timed" and value == "no":
                program.timed = False
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

    @classmethod
    def one_after_another(cls, runs: list["Run"]) -> "Run":
        """Runs of one program, in order, as one: their output joined, their statuses listed."""
        if len(runs) == 1:
            return runs[0]
        stdout, stderr, notes = [], [], []
        for run in runs:
            notes += [(len(stdout) + before, text) for before, text in run.notes]
            stdout += run.stdout
            stderr += run.stderr
        return cls(stdout, stderr, [run.status for run in runs], sum(run.seconds for run in runs), notes,
                   runs[0].python)


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


def run_cpython(program: Program, version) -> Run:
    """Twice, keeping the faster run: on a shared machine a run is only ever slowed down. (A program of
    `runs=N`: N processes one after the other, twice.)"""

    def runs():
        return Run.one_after_another([_run_cpython_once(program, version) for _ in range(program.runs)])

    return min((runs() for _ in range(2)), key=lambda run: run.seconds)


def _lines(text):
    lines = text.split("\n")
    return lines[:-1] if lines and lines[-1] == "" else lines


def run_cpython_all(programs, version_for=python_for, workers=2) -> dict[str, Run | None]:
    """Each program under the CPython *version_for* gives it (none: not run)."""
    def run(program):
        version = version_for(program)
        return None if version is None else run_cpython(program, version)

    with ThreadPoolExecutor(workers) as pool:
        return dict(zip((p.name for p in programs), pool.map(run, programs)))


# --- CPython's recorded output --------------------------------------------------------------------

@dataclass
class Record:
    """What a CPython printed for a program, kept in the repository (tests/conformance/cpython/)."""
    run: Run  # normalised: no path, address or stdlib line number of the recording machine
    python: str  # the full version, e.g. "3.13.0"
    recorded_at: str  # UTC, ISO 8601
    digest: str  # the program's sha256 when it was recorded
    agreeing: str = ""  # how many of the recording runs printed it, e.g. "5 of 5"

    @property
    def version(self) -> tuple[int, int]:
        return tuple(int(part) for part in self.python.split(".")[:2])

    def is_of(self, program: Program) -> bool:
        return self.digest == program.digest


def record_path(program: Program, records: Path = RECORDS) -> Path:
    return records / f"{program.name}.json"


def load_record(program: Program, records: Path = RECORDS) -> Record | None:
    path = record_path(program, records)
    if not path.exists():
        return None
    data = json.loads(path.read_text())
    run = Run(data["stdout"], data["stderr"], data["status"], data["seconds"],
              python=f"{data['python']} (recorded {data['recorded_at'][:10]})")
    return Record(run, data["python"], data["recorded_at"], data["program_sha256"], data.get("runs_agreeing", ""))


@functools.cache
def full_version(executable: str) -> str:
    return subprocess.run([executable, "-c", "import platform; print(platform.python_version())"],
                          capture_output=True, text=True, check=True).stdout.strip()


RECORD_RUNS = 5


def _fastest_run(program: Program, version) -> tuple[Run, int]:
    """The fastest of RECORD_RUNS runs, and how many of them printed what it printed. A record is kept for
    good, and a loaded machine only ever slows a program down — its timers fire late, its ticks are fewer,
    its threads finish out of turn — so the fastest run is the one that shows CPython's behaviour."""
    runs = [Run.one_after_another([_run_cpython_once(program, version) for _ in range(program.runs)])
            for _ in range(RECORD_RUNS)]

    def printed(run):
        stdout = _normalise(run.stdout, str(program.path))
        return (str(sorted(stdout.split("\n"))) if program.unordered else stdout,
                _normalise(run.stderr, str(program.path)), run.status)

    fastest = min(runs, key=lambda run: run.seconds)
    return fastest, sum(printed(run) == printed(fastest) for run in runs)


def record(program: Program, records: Path = RECORDS) -> Record | None:
    """Run *program* under the newest CPython here that supports it and keep its output; None if none does."""
    version = python_for(program)
    if version is None:
        return None
    run, agreeing = _fastest_run(program, version)
    recorded = Record(run, full_version(cpythons()[version]),
                      datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"), program.digest)
    data = {
        "python": recorded.python,
        "recorded_at": recorded.recorded_at,
        "program_sha256": recorded.digest,
        "runs_agreeing": f"{agreeing} of {RECORD_RUNS}",
        "stdout": _normalise(run.stdout, str(program.path)).split("\n") if run.stdout else [],
        "stderr": _normalise(run.stderr, str(program.path)).split("\n") if run.stderr else [],
        "status": run.status,
        "seconds": round(run.seconds, 3),
    }
    records.mkdir(parents=True, exist_ok=True)
    record_path(program, records).write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    return load_record(program, records)


def record_all(programs, records: Path = RECORDS, workers=2, on_record=None) -> dict[str, Record | None]:
    def one(program):
        made = record(program, records)
        if on_record:
            on_record(program, made)
        return made

    with ThreadPoolExecutor(workers) as pool:
        return dict(zip((p.name for p in programs), pool.map(one, programs)))


def live_python_for(program: Program, recorded: Record | None):
    """The newest CPython here at least as new as the recorded one (and one the program supports), or None."""
    floor = max(program.requires, recorded.version) if recorded else program.requires
    usable = [version for version in cpythons() if version >= floor]
    return usable[-1] if usable else None


# --- the live deck --------------------------------------------------------------------------------

class DeckLabels:
    """The notes a deck's cell prints (labels.js, in the deck's language), and its own end-of-run lines."""

    def __init__(self, labels: dict):
        self.notes = labels["notes"]
        self.own_lines = set(labels["exited"]) | {labels["stopped"]}

    def note_text(self, key):
        return self.notes.get(key)


def run_in_deck(deck: DeckDriver, labels: DeckLabels, program: Program) -> Run:
    """The program pasted into the deck's live cell and run (stopped after PROGRAM_TIMEOUT_S); `runs=N`:
    N times, in the same cell."""
    return Run.one_after_another([_run_once(deck, labels, program) for _ in range(program.runs)])


def _run_once(deck: DeckDriver, labels: DeckLabels, program: Program) -> Run:
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
    cpython: Run | None  # the recorded run (or, in compare(), whichever CPython run it was given)
    deck: Run | None
    problems: list[str]
    note: str | None = None  # the platform note the deck printed (limit programs)
    live: Run | None = None  # a CPython on this machine, at least as new as the recorded one

    @property
    def matches(self):
        return not self.problems


def _normalise(lines, filename):
    text = "\n".join(lines)
    text = ADDRESS.sub("0x…", text)
    text = STDLIB.sub(r"<stdlib>/\1:N", text)  # the standard library's own paths and line numbers
    text = STDLIB_FRAME.sub(r'File "<stdlib>/\1", line N', text)
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
    if program.timed and abs(deck.seconds - cpython.seconds) > max(relative * cpython.seconds, floor):
        problems.append(f"duration: cpython {cpython.seconds:.2f} s, deck {deck.seconds:.2f} s")
    return Verdict(program, cpython, deck, problems)


def judge(program: Program, recorded: Record | None, live: Run | None, deck: Run, note_text) -> Verdict:
    """The deck against CPython's record of the program and, where this machine has one new enough,
    against a live CPython too."""
    if recorded is None:
        verdict = Verdict(program, None, deck, ["no record of CPython's output: run `invoke conformance --record`"])
    elif not recorded.is_of(program):
        verdict = Verdict(program, recorded.run, deck, [
            f"the record (CPython {recorded.python}) is of an older version of the program: "
            "run `invoke conformance --record`"])
    else:
        verdict = compare(program, recorded.run, deck, note_text)
    if live is not None:
        against_live = compare(program, live, deck, note_text)
        verdict.problems += [f"against CPython {live.python} here: {problem}" for problem in against_live.problems]
        verdict.note = verdict.note or against_live.note
        verdict.live = live
    return verdict


def run_corpus(page, base_url, programs=None, on_result=None, records: Path = RECORDS) -> list[Verdict]:
    """Compare every program's run in the deck with CPython's record, and with a live CPython where this
    machine has one at least as new (run in parallel, in the background)."""
    programs = corpus() if programs is None else programs
    recorded = {program.name: load_record(program, records) for program in programs}
    live_version = {program.name: live_python_for(program, recorded[program.name]) for program in programs}
    with ThreadPoolExecutor(1) as background:
        live_runs = background.submit(run_cpython_all, programs, lambda p: live_version[p.name])  # while the deck boots
        deck = DeckDriver.open(page, base_url, DECK).wait_python_ready().wait_settled()
        labels = DeckLabels(deck.labels())
        live = live_runs.result()  # done before the deck's runs: they are timed, on a shared CPU
        deck_runs = {}
        for program in programs:
            # A mismatch is run again, once, on both sides (the new runs are kept): on a machine
            # shared with other work a timer may fire late; a real difference shows again.
            run = run_in_deck(deck, labels, program)
            if not judge(program, recorded[program.name], live[program.name], run, labels.note_text).matches:
                run = run_in_deck(deck, labels, program)
                if live[program.name] is not None:
                    live[program.name] = run_cpython(program, live_version[program.name])
            deck_runs[program.name] = run
    verdicts = []
    for program in programs:
        verdict = judge(program, recorded[program.name], live[program.name], deck_runs[program.name], labels.note_text)
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


def report_records(name_filter="") -> int:
    """`invoke conformance --record`: record CPython's output of each program; a line per program."""
    programs = [p for p in corpus() if name_filter in p.name]

    def show(program, made):
        if made is None:
            print(f"✗ {program.name:<40} no CPython ≥ {'.'.join(map(str, program.requires))} here", flush=True)
        else:
            shaky = "" if made.agreeing.startswith(f"{RECORD_RUNS} ") else f"  ({made.agreeing} runs agree)"
            print(f"✓ {program.name:<40} CPython {made.python}{shaky}", flush=True)

    made = record_all(programs, workers=1, on_record=show)  # one at a time: runs timed, not crowded
    missing = [name for name, recorded in made.items() if recorded is None]
    print(f"\n{len(made) - len(missing)} of {len(made)} recorded in {RECORDS.relative_to(ROOT)}/\n")
    return 1 if missing else 0


def report(name_filter="") -> int:
    """`invoke conformance`: a line per program, the figure, the platform differences, the known ones."""
    programs = [p for p in corpus() if name_filter in p.name]
    started = time.perf_counter()

    def show(verdict):
        mark = "✓" if verdict.matches else ("✗ (known)" if verdict.program.name in KNOWN_DIFFERENCES else "✗")
        python = verdict.cpython.python if verdict.cpython else "no record"
        live = f", live {verdict.live.python}" if verdict.live else ""
        limit = f"  [note: {verdict.program.limit}]" if verdict.program.limit else ""
        print(f"{mark} {verdict.program.name:<40} CPython {python}{live}{limit}", flush=True)
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
