"""Every demo under CPython: its exact output and its timing in loop time (looptime: nothing sleeps).

The expectations are what the slides teach, one file per demo: demos/expected/<name>.toml
(deckkit/expectations.py); a demo added to demos/ without one fails, naming the file to write.
Under demo_runner the wall clock starts at 12:00:00 and moves with loop time: the timestamps a demo
prints show the 3 s and 2 s the slides teach.
"""

import asyncio
import gc
import subprocess
import sys
import warnings

import pytest

from deckkit.demo_runner import no_host_loop, run_demo
from deckkit.expectations import MissingExpectation, expected, toml_text
from deckkit.paths import ROOT, demo_files
from tests.transcripts import normalise

DEMOS = [path.stem for path in demo_files()]
MAX_LINES, MAX_COLUMNS = 16, 56  # what fits the code column of a 16:9 slide in 23 px type


def columns(line):
    """Monospace columns: Hangul takes two."""
    return sum(2 if "\uac00" <= c <= "\ud7a3" else 1 for c in line)


@pytest.mark.parametrize("name", DEMOS)
def test_demo_prints_what_the_slide_teaches_in_loop_time(name):
    transcript = run_demo(name)
    stdout = normalise(transcript.stdout, timestamps=False)
    stderr = normalise(transcript.stderr).replace(f"{ROOT}/demos/", "")
    printed = f"CPython printed, in {transcript.loop_elapsed:.2f} s of loop time:\n{toml_text(name, stdout, stderr, transcript.loop_elapsed)}"
    try:
        expectation = expected(name)
    except MissingExpectation as missing:  # names the file to write, and what to write in it
        pytest.fail(f"{missing}\n{printed}", pytrace=False)
    assert stdout == expectation.stdout, printed
    assert stderr == expectation.stderr, printed
    assert transcript.loop_elapsed == pytest.approx(expectation.seconds, abs=0.05), printed
    # Both streams, interleaved as printed, make up the same text.
    for stream, text in (("stdout", transcript.stdout), ("stderr", transcript.stderr)):
        assert "".join(f"{line}\n" for kind, line in transcript.lines if kind == stream) == text


def test_output_is_recorded_in_the_order_it_was_printed():
    """The never-awaited warning comes before the 42 of the awaited call, as Python prints them."""
    kinds = [kind for kind, _ in run_demo("await_coroutine").lines]
    assert kinds == ["stderr", "stderr", "stderr", "stdout"]


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
    assert normalise(result.stdout) == normalise(expected(name).stdout)  # real time: any clock


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
