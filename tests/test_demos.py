"""Every demo under CPython: its exact output and its timing in loop time (looptime: nothing sleeps).

The expectations below are what the slides teach; a demo added to demos/ without one fails.
"""

import asyncio
import gc
import subprocess
import sys
import warnings

import pytest

from deckkit.demo_runner import no_host_loop, run_demo
from deckkit.paths import ROOT, demo_files
from tests.transcripts import normalise

SAY_AFTER = "started at HH:MM:SS\nhello\nworld\nfinished at HH:MM:SS\n"

# name → (stdout, stderr, loop time in seconds)
EXPECTED = {
    "function_vs_coroutine": (
        "function: start\ndone\ncoroutine: step 1\npaused\ncoroutine: resumed with 42\npaused again\n", "", 0.0),
    "range_memory": (
        "range(10)     48 bytes\nrange(10**9)  48 bytes\nsame size: True\nlist, 10**6   8000056 bytes\n"
        "stopped at 3\n", "", 0.0),
    "coroutine_object": (
        "<function main at 0x…>\n<coroutine object main at 0x…>\nTrue\nTrue\n", "", 0.0),
    "asyncio_run": ("main is running\nasyncio.run returned 42\n", "", 1.0),
    "asyncio_run_new_loop": ("a new loop each time: True\nthe first one is closed: True\n", "", 0.0),
    "asyncio_run_nested": ("RuntimeError: asyncio.run() cannot be called from a running event loop\n", "", 0.0),
    "await_coroutine": (
        "42\n",
        "await_coroutine.py:9: RuntimeWarning: coroutine 'nested' was never awaited\n  nested()\n"
        "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n",
        0.0),
    "await_task": ("42\n", "", 0.0),
    "await_future": ("done? False\nready\ndone? True\n", "", 1.0),
    "say_after_sequential": (SAY_AFTER, "", 3.0),
    "say_after_tasks": (SAY_AFTER, "", 2.0),
    "gather": ("started at HH:MM:SS\nhello\nworld\n['HELLO', 'WORLD']\nfinished at HH:MM:SS\n", "", 2.0),
    "task_group": (SAY_AFTER, "", 2.0),
    "blocking_pitfall": ("A starts at 0.0 s\nA ends at 1.0 s\nB starts at 1.0 s\nB ends at 2.0 s\n", "", 2.0),
    "many_tasks": ("10000 tasks done in 1.0 s\n", "", 1.0),
}

DEMOS = [path.stem for path in demo_files()]
MAX_LINES, MAX_COLUMNS = 16, 56  # what fits the code column of a 16:9 slide in 23 px type


def columns(line):
    """Monospace columns: Hangul takes two."""
    return sum(2 if "\uac00" <= c <= "\ud7a3" else 1 for c in line)


@pytest.mark.parametrize("name", DEMOS)
def test_demo_prints_what_the_slide_teaches_in_loop_time(name):
    assert name in EXPECTED, f"demos/{name}.py has no expected output in tests/test_demos.py"
    stdout, stderr, seconds = EXPECTED[name]
    transcript = run_demo(name)
    assert normalise(transcript.stdout) == stdout
    assert normalise(transcript.stderr).replace(f"{ROOT}/demos/", "") == stderr
    assert transcript.loop_elapsed == pytest.approx(seconds, abs=0.05)


@pytest.mark.parametrize("name", DEMOS)
def test_demo_fits_its_slide(name):
    lines = (ROOT / "demos" / f"{name}.py").read_text().rstrip("\n").splitlines()
    assert len(lines) <= MAX_LINES, f"{name}: {len(lines)} lines"
    for line in lines:
        assert columns(line) <= MAX_COLUMNS, f"{name}: too wide: {line}"


@pytest.mark.parametrize("name", ["function_vs_coroutine", "asyncio_run_new_loop", "await_coroutine", "say_after_tasks"])
def test_demo_runs_as_a_module_on_its_own(name):
    """`python -m demos.<name>` as the README says (real time: only fast or short demos here)."""
    result = subprocess.run([sys.executable, "-m", f"demos.{name}"], cwd=ROOT, capture_output=True, text=True,
                            timeout=30)
    assert result.returncode == 0, result.stderr
    assert normalise(result.stdout) == EXPECTED[name][0]


# The claims of the asyncio.run() slides, asserted directly.

def test_asyncio_run_refuses_to_run_inside_a_running_loop():
    async def inner():
        pass

    async def outer():
        coro = inner()
        try:
            with pytest.raises(RuntimeError, match="cannot be called from a running event loop"):
                asyncio.run(coro)
        finally:
            coro.close()

    with no_host_loop():
        asyncio.run(outer())


def test_a_coroutine_never_awaited_warns():
    async def nested():
        return 42

    with pytest.warns(RuntimeWarning, match="coroutine .*nested.* was never awaited"):
        nested()
        gc.collect()


def test_each_asyncio_run_makes_a_new_loop_and_closes_it():
    loops = []

    async def main():
        loops.append(asyncio.get_running_loop())

    with no_host_loop(), warnings.catch_warnings():
        asyncio.run(main())
        asyncio.run(main())
    first, second = loops
    assert first is not second
    assert first.is_closed() and second.is_closed()
