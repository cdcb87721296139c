"""Run a demo as `python -m demos.<name>` would, but in virtual loop time (looptime).

Every event loop `asyncio.run` creates is a looptime loop, so `asyncio.sleep(2)` takes
no real time while the loop's clock reads 2.0 s later; a blocking `time.sleep` inside
the loop advances that clock too (it really does stall the loop), without sleeping.
"""

import asyncio
import contextlib
import gc
import io
import runpy
import sys
import time
import warnings
from dataclasses import dataclass

import looptime


@dataclass
class Transcript:
    stdout: str
    stderr: str
    loop_elapsed: float  # seconds of loop time, summed over the loops the demo ran
    loops: int


class _VirtualTimePolicy(asyncio.DefaultEventLoopPolicy):
    def __init__(self):
        super().__init__()
        self.loops = []

    def new_event_loop(self):
        loop = looptime.patch_event_loop(asyncio.SelectorEventLoop(), start=0.0)
        self.loops.append(loop)
        return loop


def _blocking_sleep(policy):
    """time.sleep inside a running virtual loop moves that loop's clock forward."""
    real_sleep = time.sleep

    def sleep(seconds):
        loop = asyncio._get_running_loop()
        if loop is None or loop not in policy.loops:
            return real_sleep(seconds)
        loop._LoopTimeEventLoop__now += loop._LoopTimeEventLoop__time2int(seconds)

    return sleep


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
    policy = _VirtualTimePolicy()
    previous_policy = asyncio.get_event_loop_policy()
    stdout, stderr = io.StringIO(), io.StringIO()
    real_sleep = time.sleep
    sys.modules.pop(f"demos.{name}", None)
    gc.collect()  # the host's garbage is not the demo's to report
    asyncio.set_event_loop_policy(policy)
    time.sleep = _blocking_sleep(policy)
    try:
        with no_host_loop(), contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr), \
                warnings.catch_warnings():
            # CPython's default filters for a script: show each warning once, but not these.
            warnings.resetwarnings()
            warnings.simplefilter("default")
            for quiet in (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning):
                warnings.simplefilter("ignore", quiet)
            # Print warnings to (the captured) stderr as a script does, even under a host that
            # records them, like pytest; catch_warnings restores both hooks on the way out.
            warnings.showwarning = warnings._showwarning_orig
            warnings._showwarnmsg_impl = lambda message: sys.stderr.write(warnings._formatwarnmsg(message))
            runpy.run_module(f"demos.{name}", run_name="__main__")
            gc.collect()  # never-awaited coroutines warn when collected, as at interpreter exit
    finally:
        time.sleep = real_sleep
        asyncio.set_event_loop_policy(previous_policy)
    elapsed = sum(loop.time() for loop in policy.loops)
    return Transcript(stdout.getvalue(), stderr.getvalue(), elapsed, len(policy.loops))


if __name__ == "__main__":
    transcript = run_demo(sys.argv[1])
    sys.stdout.write(transcript.stdout)
    sys.stderr.write(transcript.stderr)
    print(f"[loop time {transcript.loop_elapsed:.2f} s in {transcript.loops} loop(s)]", file=sys.stderr)
