"""Every demo under CPython: its exact output and its timing in loop time (looptime: nothing sleeps).

The expectations are what the slides teach, one file per demo: demos/expected/<name>.toml
(deckkit/expectations.py); a demo added to demos/ without one fails, naming the file to write.
Under demo_runner the wall clock starts at 12:00:00 and moves with loop time: the timestamps a demo
prints show the 3 s and 2 s the slides teach.
"""

import asyncio
import gc
import re
import subprocess
import sys
import warnings

import pytest

from deckkit.demo_runner import no_host_loop, run_demo, run_file
from deckkit.expectations import MissingExpectation, expected, toml_text
from deckkit.paths import DECKS, ROOT, deck_source, demo_files
from tests.transcripts import normalise

DEMOS = [path.stem for path in demo_files()]
MAX_LINES, MAX_COLUMNS = 16, 56  # what fits the code column of a 16:9 slide in 23 px type
DENSE_LINES, DENSE_COLUMNS = 20, 60  # on a slide of class dense: its code in 20 px type (the theme)
DENSE = "<!-- _class: dense -->"


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


def limits(name):
    """(lines, columns) the demo's slides hold: more when it is on a dense slide in every deck."""
    slides = [slide for deck in DECKS for slide in deck_source(deck).read_text().split("\n---\n")
              if re.search(rf"\bdemo={name}\b", slide)]
    if slides and all(DENSE in slide for slide in slides):
        return DENSE_LINES, DENSE_COLUMNS
    return MAX_LINES, MAX_COLUMNS


@pytest.mark.parametrize("name", DEMOS)
def test_demo_fits_its_slide(name):
    lines = (ROOT / "demos" / f"{name}.py").read_text().rstrip("\n").splitlines()
    max_lines, max_columns = limits(name)
    assert len(lines) <= max_lines, f"{name}: {len(lines)} lines"
    for line in lines:
        assert columns(line) <= max_columns, f"{name}: too wide: {line}"


def test_only_a_dense_slide_gives_a_demo_more_room():
    assert limits("why_asyncio") == (DENSE_LINES, DENSE_COLUMNS)
    assert limits("bounded_queue") == (MAX_LINES, MAX_COLUMNS)


@pytest.mark.parametrize("name", ["function_vs_coroutine", "asyncio_run_new_loop", "await_coroutine", "say_after_tasks"])
def test_demo_runs_as_a_module_on_its_own(name):
    """`python -m demos.<name>` as the README says (real time: only fast or short demos here)."""
    result = subprocess.run([sys.executable, "-m", f"demos.{name}"], cwd=ROOT, capture_output=True, text=True,
                            timeout=30)
    assert result.returncode == 0, result.stderr
    assert normalise(result.stdout) == normalise(expected(name).stdout)  # real time: any clock


SOCKETS = """\
import asyncio

async def handle(reader, writer):
    await reader.readline()
    await asyncio.sleep(0.5)
    writer.write(b"ok\\n")
    writer.close()

async def client(name, port, delay, t0):
    await asyncio.sleep(delay)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(name.encode() + b"\\n")
    await reader.readline()
    writer.close()
    return f"{name} {asyncio.get_running_loop().time() - t0:.2f}"

async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    t0 = asyncio.get_running_loop().time()
    delays = [0] * 20 + [0.25, 0.6]
    replies = await asyncio.gather(*(client(f"c{i}", port, d, t0) for i, d in enumerate(delays)))
    print(*replies, sep="\\n")
    server.close()
    await server.wait_closed()

asyncio.run(main())
"""


def test_virtual_time_moves_only_once_loopback_io_is_done(tmp_path):
    """demo_runner's loop (looptime) polls the selector on every cycle and moves its clock only after many
    cycles with nothing ready, so real sockets on 127.0.0.1 keep loop time exact: 20 clients connecting
    at 0 s are all answered at 0.5 s (none of their connects or requests left behind a timer); one that
    connects at 0.25 s, while twenty handlers' timers wait, at 0.75 s; one at 0.6 s, at 1.1 s."""
    script = tmp_path / "sockets.py"
    script.write_text(SOCKETS)
    for _ in range(5):
        transcript = run_file(script)
        assert transcript.status == 0, transcript.stderr
        assert transcript.stdout.split("\n")[:-1] == [f"c{i} 0.50" for i in range(20)] + ["c20 0.75", "c21 1.10"]
        assert transcript.loop_elapsed == pytest.approx(1.1)


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
