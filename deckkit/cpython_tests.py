"""CPython's own asyncio tests as a conformance source: each test that passes in a control passes in a cell.

`invoke cpython-tests` unpacks, under a scratch folder (.scratch/cpython-tests, nothing installed on the
system), Debian unstable's 3.14 test suite (libpython3.14-testsuite) and a native python3.14 with sid's C
library beside it (patchelf points the interpreter at it): `apt-get download` with a sources list of its
own, `dpkg-deb -x`. A reference only: nothing else in the project needs them.

* The control is that native interpreter running the deck's own asyncio package (Pyodide's, 3.14.2; first
  on sys.path after the test package alone, and checked): the tests of fixes made after 3.14.2 to it fail
  there and are not asked of the deck. Its C accelerator is still 3.14.10's: the tests of fixes made to
  that after 3.14.2 are told apart (ACCELERATOR_FIXES). It runs under a memory limit (CONTROL_MEMORY).
* The deck runs the same program pasted into a live cell of the built deck in Chromium, one module per run
  (test_tasks one class per run: the whole module in one interpreter hits CPython 3.14.2's own
  use-after-free, gh-142556). The cell fetches the test package from the deck's origin (a zip served beside
  it) and lifts the package's socket guard (support.has_socket_support), which skips it all in a browser,
  and its thread guard (threading_helper.can_start_thread): the cell has threads, green ones.

The cell has sockets, the loopback network's (slides/runtime/python/_livedeck/loopback/). Every test passing in
the control must pass in the cell, except those of ACCELERATOR_FIXES and those that need what the cell lacks
(PLATFORM_LIMITS: a new process, POSIX signals, a pipe's end, an AF_UNIX socket's file on disk), each told
by its own cause.
"""

import fnmatch
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .paths import NODE_MODULES, ROOT

SCRATCH = ROOT / ".scratch" / "cpython-tests"
RESULTS = SCRATCH / "results.json"  # the last run's every outcome, both sides
SUITE = "sid"  # Debian unstable: its python3.14 and libpython3.14-testsuite
PACKAGES = ["libpython3.14-testsuite", "python3.14-minimal", "libpython3.14-minimal", "libpython3.14-stdlib",
            "libc6", "zlib1g", "libexpat1", "libffi8"]
MODULES = ["test_locks", "test_queues", "test_timeouts", "test_taskgroups", "test_waitfor", "test_tasks",
           "test_futures", "test_futures2", "test_runners", "test_context", "test_pep492",
           "test_eager_task_factory", "test_staggered", "test_threads", "test_graph",
           # over the loopback network
           "test_streams", "test_server", "test_sock_lowlevel", "test_events", "test_base_events",
           "test_selector_events", "test_protocols", "test_buffered_proto", "test_sendfile", "test_transports",
           "test_unix_events", "test_proactor_events", "test_tools", "test_free_threading"]
BY_CLASS = {"test_tasks"}  # gh-142556: one class per run
CELL = "await_coroutine"
ZIP_URL = "cpython-tests/test.zip"  # beside the deck, on its origin
MARK = "@@cpython-test "  # a line of the results, among what the tests themselves print


@dataclass(frozen=True)
class Limit:
    """What the cell lacks, and how a test that needs it is told: it is skipped there with one of *skips*,
    the last line of its error (the exception raised) starts with one of *errors*, or it is one of *tests*
    (Class.method: a failure that names no cause of its own)."""
    said: str  # how the summary counts its tests: "3 need a new process"
    skips: tuple = ()
    errors: tuple = ()
    tests: tuple = ()

    def tells(self, test, detail) -> bool:
        last = detail.strip().splitlines()[-1] if detail.strip() else ""
        return (detail in self.skips or any(last.startswith(error) for error in self.errors)
                or ".".join(test.split(".")[-2:]) in self.tests)


# Tests the cell does not run, as they would wait there forever: Class.method (a pattern) → (limit, why).
_PIPES = "its loop waits for the end of a pipe, which Emscripten's pipes never report"
NEVER_END = {f"*EventLoopTests.{method}": ("pipes", _PIPES) for method in (
    "test_read_pipe", "test_read_pty_output", "test_write_pipe", "test_write_pipe_disconnect_on_close",
    "test_write_pty", "test_bidirectional_pty", "test_unclosed_pipe_transport")}
NOT_RUN_SAYS = "not run in the cell: "


def never_ends(test) -> tuple | None:
    """(limit, why) if *test* (an id) is one of NEVER_END's."""
    name = ".".join(test.split(".")[-2:])
    return next((why for pattern, why in NEVER_END.items() if fnmatch.fnmatchcase(name, pattern)), None)


# Each told by its own cause, never by a word a failure happens to mention: a limit that swallowed every
# failure mentioning "socket" hid the loopback's bugs.
PLATFORM_LIMITS = {
    # another interpreter (test.support's assert_python_ok), os.fork()
    "processes": Limit("need a new process", skips=("requires subprocess support", "requires working os.fork()",
                                                    "No module named '_multiprocessing'")),
    # POSIX signals: signal.set_wakeup_fd takes no loopback socket (its fd is not non-blocking to the platform)
    "signals": Limit("need POSIX signals", skips=("need signal.setitimer()",), errors=("RuntimeError: the fd ",)),
    # NEVER_END's, and what Emscripten has not: named FIFOs, ptys
    "pipes": Limit("need a pipe's end, a FIFO or a pty", skips=("requires os.mkfifo()", "need os.openpty()"),
                   errors=("AttributeError: module 'os' has no attribute 'mkfifo'",)),
    # the loopback's AF_UNIX names are not files: bind() makes none, so none is in the way, nor to remove
    "unix-files": Limit("need an AF_UNIX socket's file on disk", tests=(
        "SelectorEventLoopUnixSocketTests.test_create_unix_server_existing_path_nonsock",
        "UnixServerCleanupTests.test_unix_server_cleanup_gone",
        "UnixServerCleanupTests.test_unix_server_cleanup_prevented",
        "UnixServerCleanupTests.test_unix_server_cleanup_replaced")),
}
# The one part of the control unlike the deck: asyncio's C accelerator (_asyncio) is the native interpreter's,
# 3.14.10's, where the deck's is Pyodide's, 3.14.2's (no native 3.14.2 is to be had: Debian keeps its newest
# only). The tests of fixes made to it after 3.14.2 pass in the control and fail in the cell for the classes
# of the C implementation (the suite's C* classes) only; their pure-Python twins, where the suite has one,
# pass in the cell. Each is shown apart, with its fix (Misc/NEWS), and not asked of the deck. Method → fix.
ACCELERATOR_FIXES = {
    "test_futureiter_send_after_throw_no_crash": "gh-146065 (3.14.9): FutureIter.send() after throw()",
    "test_futureiter_send_after_close_no_crash": "gh-146065 (3.14.9): FutureIter.send() after close()",
    "test_eager_start_true_no_loop": "gh-154695 (3.14.7): Task(eager_start=True) without a loop",
    "test_get_context_uninitialized_segfault": "gh-154871 (3.14.8): get_context() of a Task never initialised",
}


def why_not_asked(test, detail) -> str | None:
    """Why a test failing in the cell is not asked of the deck: a platform limit ("processes", …), a
    fix to the C accelerator made after 3.14.2 (ACCELERATOR_FIXES), or None (it is asked)."""
    *_, cls, method = test.split(".")
    if cls.startswith("C") and method in ACCELERATOR_FIXES:
        return ACCELERATOR_FIXES[method]
    if detail.startswith(NOT_RUN_SAYS) and (not_run := never_ends(test)):
        return not_run[0]
    return next((key for key, limit in PLATFORM_LIMITS.items() if limit.tells(test, detail)), None)


# In the cell only: NEVER_END's tests are skipped there (the pattern → why).
NOT_RUN_BLOCK = '''\
NOT_RUN = {!r}  # Class.method (a pattern) → why it is not run here (it would wait forever)

def each(tests):
    for test in tests:
        if isinstance(test, unittest.TestSuite):
            yield from each(test)
        else:
            yield test

import fnmatch
for case in each(suite):
    name = ".".join(case.id().split(".")[-2:])
    why = next((why for pattern, why in NOT_RUN.items() if fnmatch.fnmatchcase(name, pattern)), None)
    if why:
        setattr(case, case._testMethodName, unittest.skip(why)(getattr(case, case._testMethodName)))
'''

# The program run in the control and in the cell: {root} finds the test package, {names} what to run.
PROGRAM = '''\
import json, os, sys, unittest
{fetch}
sys.path[:0] = [ROOT, *{also!r}]  # the test package (and, in the control, the deck's asyncio)
from test import support
support.has_socket_support = True  # the package skips itself without sockets: lifted for this run
from test.support import threading_helper
threading_helper.can_start_thread = True  # false on Emscripten; the cell's threads are green threads
names = {names!r}
suite = unittest.defaultTestLoader.loadTestsFromNames(names)
{not_run}import asyncio
print("{mark}" + json.dumps(["(asyncio)", "info", asyncio.__file__]), flush=True)  # whose asyncio ran

class Result(unittest.TestResult):
    def _say(self, test, outcome, detail=""):
        line = json.dumps([test.id(), outcome, detail[-600:]])
        print("{mark}" + line, flush=True)
    def addSuccess(self, test):
        self._say(test, "pass")
    def addFailure(self, test, err):
        self._say(test, "fail", self._exc_info_to_string(err, test))
    def addError(self, test, err):
        self._say(test, "error", self._exc_info_to_string(err, test))
    def addSkip(self, test, reason):
        self._say(test, "skip", reason)
    def addExpectedFailure(self, test, err):
        self._say(test, "pass")
    def addUnexpectedSuccess(self, test):
        self._say(test, "fail", "unexpected success")
    def addSubTest(self, test, subtest, err):  # a failed subtest fails its test (which then gets no addSuccess)
        if err is not None:
            failed = issubclass(err[0], test.failureException)
            self._say(test, "fail" if failed else "error", f"{{subtest}}: " + self._exc_info_to_string(err, test))

suite.run(Result())
print("{mark}" + json.dumps(["(done)", "done", ""]), flush=True)
'''

FETCH_IN_CELL = '''\
import io, zipfile
# No TLS on either side: the control has no libssl (its ssl module cannot import), and Pyodide's ssl raises
# NotImplementedError; without it here too, the tests that need it skip as in the control.
sys.modules["ssl"] = None
# The cell's threads switch only where one waits (a platform limit: a thread that computes holds the others).
# A loop on a mock selector never waits, so the thread a test's loop waits for (an executor's getaddrinfo) would
# never run: at each call of a mock, the others run if due, where CPython's GIL would switch every 5 ms.
from unittest import mock
from _livedeck import green_threads
_call = mock.CallableMixin._mock_call
def _mock_call(self, /, *args, **kwargs):
    green_threads.switch_if_due()
    return _call(self, *args, **kwargs)
mock.CallableMixin._mock_call = _mock_call
from js import XMLHttpRequest, location
ROOT = "/tmp/cpython-tests"
if not os.path.isdir(ROOT):
    request = XMLHttpRequest.new()
    request.open("GET", str(__import__("js").URL.new("../{zip_url}", location.href)), False)
    request.responseType = "arraybuffer"
    request.send(None)
    zipfile.ZipFile(io.BytesIO(request.response.to_bytes())).extractall(ROOT)
'''


def program(names, root=None, also=()) -> str:
    """The program that runs *names*: from the test package under *root* (else fetched, in the cell, which
    does not run NEVER_END's tests), with the folders *also* next on sys.path."""
    fetch = f"ROOT = {str(root)!r}" if root else FETCH_IN_CELL.format(zip_url=ZIP_URL)
    return PROGRAM.format(fetch=fetch, also=[str(path) for path in also], names=list(names), mark=MARK,
                          not_run="" if root else NOT_RUN_BLOCK.format(
                              {k: NOT_RUN_SAYS + why for k, (_, why) in NEVER_END.items()}))


# --- the scratch folder ----------------------------------------------------------------------------

def _apt_options():
    apt = SCRATCH / "apt"
    return ["-o", f"Dir::Etc::SourceList={apt / 'sources.list'}", "-o", "Dir::Etc::SourceParts=/dev/null",
            "-o", f"Dir::State::Lists={apt / 'lists'}", "-o", f"Dir::Cache={apt / 'cache'}",
            "-o", "Dir::State::status=/dev/null", "-o", "APT::Architecture=amd64", "-o", "APT::Sandbox::User=root"]


def prepare() -> Path:
    """The scratch folder ready: the native interpreter (returned), the test suite, the deck's asyncio."""
    python = SCRATCH / "python3.14"
    root = SCRATCH / "root"
    if not (python.exists() and (SCRATCH / "test.zip").exists()):
        _unpack(python, root)
    if not _control_tests().exists():  # the control's copy of what the cell fetches: the same files
        with zipfile.ZipFile(SCRATCH / "test.zip") as bundle:
            bundle.extractall(SCRATCH / "tests.part")
        (SCRATCH / "tests.part").rename(_control_tests())
    return python


def _unpack(python, root):
    for tool in ("apt-get", "dpkg-deb"):
        if shutil.which(tool) is None:
            sys.exit(f"✗ {tool} is needed to unpack Debian's packages (Debian or Ubuntu).")
    debs = SCRATCH / "debs"
    for folder in (SCRATCH / "apt" / "lists" / "partial", SCRATCH / "apt" / "cache" / "archives" / "partial", debs):
        folder.mkdir(parents=True, exist_ok=True)
    (SCRATCH / "apt" / "sources.list").write_text(
        "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] "
        f"http://deb.debian.org/debian {SUITE} main\n")
    print(f"→ apt-get download (Debian {SUITE}) into {debs.relative_to(ROOT)}", flush=True)
    subprocess.run(["apt-get", *_apt_options(), "update", "-qq"], check=True)
    subprocess.run(["apt-get", *_apt_options(), "download", *PACKAGES], cwd=debs, check=True)
    # patchelf from the system's own archive, unpacked beside the rest
    subprocess.run(["apt-get", "download", "-o", "APT::Sandbox::User=root", "patchelf"], cwd=debs, check=True)
    for deb in sorted(debs.glob("*.deb")):
        subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    loader = root / "usr" / "lib" / "x86_64-linux-gnu" / "ld-linux-x86-64.so.2"
    shutil.copy2(root / "usr" / "bin" / "python3.14", python)
    subprocess.run([str(root / "usr" / "bin" / "patchelf"), "--set-interpreter", str(loader),
                    "--set-rpath", str(loader.parent), str(python)], check=True)
    # The deck's asyncio (Pyodide's standard library), for the control.
    with zipfile.ZipFile(NODE_MODULES / "pyodide" / "python_stdlib.zip") as stdlib:
        stdlib.extractall(SCRATCH / "deck-stdlib", [n for n in stdlib.namelist() if n.startswith("asyncio/")])
    # What the cell fetches: the test package's support and its asyncio tests.
    tests = root / "usr" / "lib" / "python3.14" / "test"
    with zipfile.ZipFile(SCRATCH / "test.zip.part", "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in [tests / "__init__.py", *sorted((tests / "support").rglob("*.py")),
                     *sorted((tests / "test_asyncio").rglob("*.py")),
                     *sorted(p for p in (tests / "certdata").rglob("*") if p.is_file())]:  # test_asyncio.utils
            bundle.write(path, path.relative_to(tests.parent).as_posix())
    (SCRATCH / "test.zip.part").rename(SCRATCH / "test.zip")


def runs(python) -> list[list[str]]:
    """What each run runs: a module, or (BY_CLASS) each of its test classes."""
    listing = subprocess.run(
        [str(python), "-c", "import sys, unittest, importlib\n"
         "sys.path.insert(0, sys.argv[1])\n"
         "for name in sys.argv[2:]:\n"
         "    module = importlib.import_module('test.test_asyncio.' + name)\n"
         "    print(name, *sorted(k for k, v in vars(module).items() if isinstance(v, type)"
         " and issubclass(v, unittest.TestCase) and v.__module__ == module.__name__))\n",
         str(_deck_asyncio()), *sorted(BY_CLASS)],
        env=_control_env(), capture_output=True, text=True, check=True).stdout
    classes = {line.split()[0]: line.split()[1:] for line in listing.splitlines()}
    planned = []
    for module in MODULES:
        name = f"test.test_asyncio.{module}"
        planned += [[f"{name}.{cls}"] for cls in classes[module]] if module in BY_CLASS else [[name]]
    return planned


def _deck_asyncio():
    return SCRATCH / "deck-stdlib"


def _control_tests():
    """The test package alone (no standard library beside it: the control's asyncio is the deck's)."""
    return SCRATCH / "tests"


def _control_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    return {**env, "PYTHONHOME": str(SCRATCH / "root" / "usr"), "PYTHONDONTWRITEBYTECODE": "1"}


def parse(lines) -> dict[str, tuple[str, str]]:
    results = {}
    for line in lines:
        if line.startswith(MARK):
            test, outcome, detail = json.loads(line[len(MARK):])
            results[test] = (outcome, detail)
    return results


CONTROL_MEMORY = 2 * 1024**3  # bytes of address space: a runaway test fails its run, not the machine


class ControlError(Exception):
    """The control did not run what it claims to (another asyncio than the deck's)."""


def run_native(python, code, env, timeout=600, memory=CONTROL_MEMORY):
    """Run *code* in a native interpreter with at most *memory* bytes of address space: (results, problem),
    where *problem* says in a line why the run ended before its last test (None when it did not)."""
    def limit_memory():
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    with tempfile.TemporaryDirectory() as scratch:
        try:
            done = subprocess.run([str(python), "-c", code], env=env, capture_output=True, text=True,
                                  timeout=timeout, cwd=scratch, stdin=subprocess.DEVNULL, preexec_fn=limit_memory)
        except subprocess.TimeoutExpired as expired:
            stdout = expired.stdout.decode(errors="replace") if isinstance(expired.stdout, bytes) else expired.stdout
            return parse((stdout or "").splitlines()), f"stopped after {timeout} s"
    results = parse(done.stdout.splitlines())
    if "(done)" in results:
        starved = [test for test, (outcome, detail) in results.items() if "MemoryError" in detail]
        return results, f"ran out of its {memory // 1024**2} MiB memory limit in {', '.join(starved)}" if starved else None
    if "MemoryError" in done.stderr or "Cannot allocate memory" in done.stderr:
        return results, f"ran out of its {memory // 1024**2} MiB memory limit (exit status {done.returncode})"
    last = (done.stderr.strip().splitlines() or [""])[-1]
    return results, f"ended early (exit status {done.returncode}): {last[:200]}"


def run_control(python, names, timeout=600):
    """The control's results for *names*, and why it ended early (None when it did not)."""
    code = program(names, _control_tests(), also=[_deck_asyncio()])
    results, problem = run_native(python, code, _control_env(), timeout)
    ran = results.get("(asyncio)", ("", ""))[1]
    if ran and not ran.startswith(str(_deck_asyncio())):
        raise ControlError(f"the control ran {ran}, not the deck's asyncio ({_deck_asyncio()})")
    return results, problem


@dataclass
class Comparison:
    names: list[str]
    control: dict
    deck: dict
    deck_lines: list  # what the cell printed, for a run that ended early
    control_problem: str | None = None  # why the control ended before its last test (run_native)

    @property
    def deck_finished(self):
        return "(done)" in self.deck

    @property
    def passing_in_control(self):
        return {test for test, (outcome, _) in self.control.items() if outcome == "pass"}

    def not_in_deck(self):
        """Tests passing in the control that do not in the deck: (test, outcome, detail, why not asked)."""
        missing = []
        for test in sorted(self.passing_in_control):
            outcome, detail = self.deck.get(test, ("missing", "not run (the run ended before it)"))
            if outcome != "pass":
                missing.append((test, outcome, detail, why_not_asked(test, detail)))
        return missing

    def fixes_passing_in_deck(self):
        """Tests of ACCELERATOR_FIXES passing in the cell's C classes: the table no longer holds for them."""
        return sorted(test for test, (outcome, _) in self.deck.items() if outcome == "pass"
                      and test.split(".")[-2].startswith("C") and test.split(".")[-1] in ACCELERATOR_FIXES)


CELL_TIMEOUT = 15 * 60  # s a cell's run may take before it is stopped (its report says where it was)
_RUN = """
async ([name, code, timeoutMs]) => {
  const cell = window.liveDeck.cell(name)
  cell.setCode(code)
  const done = cell.run()
  let timer
  const late = new Promise((resolve) => { timer = setTimeout(() => resolve('late'), timeoutMs) })
  if (await Promise.race([done, late]) === 'late') { cell.stop(); await done }
  clearTimeout(timer)
  return [...cell.root.querySelectorAll('[data-role=output] .line')].map((line) => line.textContent.replace(/\\n$/, ''))
}
"""


def run_all(module_filter="", on_result=None) -> list[Comparison]:
    from playwright.sync_api import sync_playwright

    from .browser import CHROMIUM, CHROMIUM_ARGS
    from .deck_driver import DeckDriver
    from .serve import serve_in_background, site_beside_dist, url

    python = prepare()
    planned = [names for names in runs(python) if module_filter in names[0]]
    comparisons = []
    with tempfile.TemporaryDirectory() as tmp:
        site = site_beside_dist(Path(tmp))
        (site / "cpython-tests").mkdir()
        (site / "cpython-tests" / "test.zip").symlink_to(SCRATCH / "test.zip")
        server = serve_in_background(site)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 720})
                page.set_default_timeout(20 * 60_000)
                DeckDriver.open(page, url(server)).wait_python_ready()
                for names in planned:
                    control, problem = run_control(python, names)
                    lines = page.evaluate(_RUN, [CELL, program(names), CELL_TIMEOUT * 1000])
                    comparison = Comparison(names, control, parse(lines), lines, problem)
                    comparisons.append(comparison)
                    _save(comparisons)
                    if on_result:
                        on_result(comparison)
                browser.close()
        finally:
            server.shutdown()
    return comparisons


def _save(comparisons):
    """Every outcome so far, both sides, in RESULTS (a run stopped midway keeps what it had)."""
    RESULTS.write_text(json.dumps([{"names": c.names, "control": c.control, "deck": c.deck,
                                    "control_problem": c.control_problem} for c in comparisons], indent=0))


def _counts(missing) -> str:
    """How many tests a platform limit or a later C fix keeps from the cell: "1 need a new process, 2 test C fixes…"."""
    limits = [why for *_, why in missing if why in PLATFORM_LIMITS]
    fixes = sum(1 for *_, why in missing if why is not None and why not in PLATFORM_LIMITS)
    counts = [f"{limits.count(key)} {limit.said}" for key, limit in PLATFORM_LIMITS.items() if key in limits]
    return ", ".join(counts + [f"{fixes} test C fixes after 3.14.2"] * bool(fixes))


def report(module_filter="") -> int:
    def show(comparison):
        missing = comparison.not_in_deck()
        real = [m for m in missing if m[3] is None]
        passing = len(comparison.passing_in_control)
        apart = f" ({_counts(missing)})" if len(missing) > len(real) else ""
        print(f"{'✗' if real else '✓'} {comparison.names[0].removeprefix('test.test_asyncio.'):<55} "
              f"{passing - len(missing):4} of {passing:4} passing in the control pass{apart}", flush=True)
        if comparison.control_problem:
            print(f"    the control {comparison.control_problem}")
        if not comparison.deck_finished:
            print("    the cell's run ended before the tests did; its last lines:")
            for line in comparison.deck_lines[-6:]:
                print(f"      {line[:200]}")
        for test, outcome, detail, _ in real[:12]:
            last = detail.strip().splitlines()[-1] if detail.strip() else ""
            print(f"    {outcome}: {test.removeprefix('test.test_asyncio.')}  {last[:160]}")
        if len(real) > 12:
            print(f"    … and {len(real) - 12} more")
        for test in comparison.fixes_passing_in_deck():
            print(f"    passes in the cell, yet listed in ACCELERATOR_FIXES: {test.removeprefix('test.test_asyncio.')}")

    try:
        comparisons = run_all(module_filter, on_result=show)
    except ControlError as error:
        print(f"✗ {error}")
        return 1
    total = sum(len(c.passing_in_control) for c in comparisons)
    missing = [m for c in comparisons for m in c.not_in_deck()]
    other = [m for m in missing if m[3] is None]
    print(f"\n{total - len(missing)} of {total} tests passing in the control pass in the cell"
          f"{'; ' + _counts(missing) if len(missing) > len(other) else ''}; {len(other)} other")
    for fix in sorted({why for *_, why in missing if why is not None and why not in PLATFORM_LIMITS}):
        tests = [test.removeprefix("test.test_asyncio.") for test, *_, why in missing if why == fix]
        print(f"  {fix}: {', '.join(tests)}")
    cut_short = sum(1 for c in comparisons if c.control_problem)
    if cut_short:
        print(f"{cut_short} control runs ended before their last test (above)")
    stale = sum(len(c.fixes_passing_in_deck()) for c in comparisons)
    return 1 if other or cut_short or stale else 0
