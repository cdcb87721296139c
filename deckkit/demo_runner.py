"""Run a demo as `python -m demos.<name>` would, but in virtual loop time (looptime).

Every event loop `asyncio.run` creates is a looptime loop, so `asyncio.sleep(2)` takes
no real time while the loop's clock reads 2.0 s later; a blocking `time.sleep` inside
the loop advances that clock too (it really does stall the loop), without sleeping.
The wall clock the demo reads (`time.strftime('%X')`, `time.time()`) moves with loop
time from 12:00:00, so a recording says `started at 12:00:00 … finished at 12:00:03`.
"""

import asyncio
import contextlib
import gc
import io
import math
import runpy
import sys
import time
import traceback
import warnings
from dataclasses import dataclass

import looptime
from .timer_order import ReadingOrderedTimers


# The wall clock of every recording starts here (local time): the seed's publication, at noon.
CLOCK_START = time.mktime((2021, 4, 18, 12, 0, 0, 0, 0, -1))


@dataclass
class Transcript:
    stdout: str
    stderr: str
    loop_elapsed: float  # seconds of loop time, summed over the loops the demo ran
    loops: int
    lines: list[tuple[str, str]]  # ("stdout" | "stderr", line), in the order they were printed
    status: int = 0  # run_file: 1 when the script raised, as `python script.py` exits


class _LineCapture(io.StringIO):
    """One stream's text; its complete lines also go, in order, to a list shared by both streams."""

    def __init__(self, stream, lines):
        super().__init__()
        self.stream, self.lines, self.partial = stream, lines, ""

    def write(self, text):
        *complete, self.partial = (self.partial + text).split("\n")
        self.lines.extend((self.stream, line) for line in complete)
        return super().write(text)

    def finish(self):
        if self.partial:
            self.lines.append((self.stream, self.partial))
            self.partial = ""


class _VirtualTimeLoop(ReadingOrderedTimers, looptime.LoopTimeEventLoop, asyncio.SelectorEventLoop):
    """asyncio's selector loop in looptime's virtual time, whose timers due at the same moment run
    in the order real time gives them under CPython (timer_order)."""

    def due_moment(self, when):
        if not math.isfinite(when):  # asyncio.sleep(math.inf): no tick, later than every one
            return when
        return self._LoopTimeEventLoop__time2int(when)  # looptime's ticks: 0.01 + 0.06 is 0.07


class _VirtualTimePolicy(asyncio.DefaultEventLoopPolicy):
    def __init__(self):
        super().__init__()
        self.loops = []

    def new_event_loop(self):
        loop = _VirtualTimeLoop(start=0.0)
        self.loops.append(loop)
        return loop


def _blocking_sleep(policy):
    """time.sleep inside a running virtual loop moves that loop's clock forward."""
    real_sleep = time.sleep

    def sleep(seconds):
        loop = asyncio._get_running_loop()
        if loop is None or loop not in policy.loops:
            return real_sleep(seconds)
        sys.audit("time.sleep", seconds)  # as CPython's time.sleep does (the tracer names blocking calls)
        loop._LoopTimeEventLoop__now += loop._LoopTimeEventLoop__time2int(seconds)

    return sleep


@contextlib.contextmanager
def _virtual_wall_clock(policy):
    """time.time(), localtime() and strftime() read CLOCK_START plus the loop time run so far."""
    real = time.time, time.localtime, time.strftime

    def now():
        return CLOCK_START + sum(float(loop.time()) for loop in policy.loops)

    time.time = now
    time.localtime = lambda seconds=None: real[1](now() if seconds is None else seconds)
    time.strftime = lambda fmt, moment=None: real[2](fmt, time.localtime() if moment is None else moment)
    try:
        yield
    finally:
        time.time, time.localtime, time.strftime = real


@contextlib.contextmanager
def no_host_loop():
    """A script starts with no running loop, even when its host has one (Playwright's sync API)."""
    host_loop = asyncio.events._get_running_loop()
    asyncio.events._set_running_loop(None)
    try:
        yield
    finally:
        asyncio.events._set_running_loop(host_loop)


def run_demo(name: str) -> Transcript:
    """Run demos/<name>.py as __main__, capturing what it prints, in virtual time."""
    sys.modules.pop(f"demos.{name}", None)
    return _run_virtual(lambda: runpy.run_module(f"demos.{name}", run_name="__main__"))


def run_file(path) -> Transcript:
    """Run a script file as __main__ (an exercise's starter, solution or a test's answer), in virtual time.
    An uncaught exception is printed to the captured stderr and sets the status, as for a script."""
    failed = []

    def run():
        try:
            runpy.run_path(str(path), run_name="__main__")
        except BaseException as error:  # noqa: BLE001 — the script's error is its output
            failed.append(error)
            traceback.print_exception(error)

    transcript = _run_virtual(run)
    transcript.status = 1 if failed else 0
    return transcript


def _run_virtual(run) -> Transcript:
    policy = _VirtualTimePolicy()
    previous_policy = asyncio.get_event_loop_policy()
    lines = []
    stdout, stderr = _LineCapture("stdout", lines), _LineCapture("stderr", lines)
    real_sleep = time.sleep
    gc.collect()  # the host's garbage is not the demo's to report
    asyncio.set_event_loop_policy(policy)
    time.sleep = _blocking_sleep(policy)
    try:
        with no_host_loop(), _virtual_wall_clock(policy), contextlib.redirect_stdout(stdout), \
                contextlib.redirect_stderr(stderr), warnings.catch_warnings():
            # CPython's default filters for a script: show each warning once, but not these.
            warnings.resetwarnings()
            warnings.simplefilter("default")
            for quiet in (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning):
                warnings.simplefilter("ignore", quiet)
            # Print warnings to (the captured) stderr as a script does, even under a host that
            # records them, like pytest; catch_warnings restores both hooks on the way out.
            warnings.showwarning = warnings._showwarning_orig
            warnings._showwarnmsg_impl = lambda message: sys.stderr.write(warnings._formatwarnmsg(message))
            run()
            gc.collect()  # never-awaited coroutines warn when collected, as at interpreter exit
    finally:
        time.sleep = real_sleep
        asyncio.set_event_loop_policy(previous_policy)
    stdout.finish()
    stderr.finish()
    elapsed = sum(float(loop.time()) for loop in policy.loops)
    return Transcript(stdout.getvalue(), stderr.getvalue(), elapsed, len(policy.loops), lines)


if __name__ == "__main__":
    transcript = run_demo(sys.argv[1])
    sys.stdout.write(transcript.stdout)
    sys.stderr.write(transcript.stderr)
    print(f"[loop time {transcript.loop_elapsed:.2f} s in {transcript.loops} loop(s)]", file=sys.stderr)
