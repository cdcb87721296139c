"""Timers due at the same loop time run in the order CPython runs them in real time.

Under CPython each reading of the loop's clock (time.monotonic) is later than the one before, so
`asyncio.sleep(0.5)` in tasks A, B, C, D gives four slightly increasing due times and they wake
A B C D. In virtual time the four due times are exactly equal, and CPython's timer heap does not
break ties: without the recording's tie-break they woke A C B D. Timers made from one reading
(`now = loop.time()`, then `call_at(now + 0.1)` several times) tie exactly under CPython too, and
run in the heap's order — the recording must keep that as well.

Each program here runs in virtual time (demo_runner, as the recordings and graders do) and, in real
time, under every CPython 3.11+ on the machine; their stdout must be the same. The programs are
written so that real time decides their order by a wide margin (equal delays started in order, or
different delays tens of ms apart), so the real runs are not flaky on a loaded machine.
"""

import asyncio
import math
import os
import subprocess
import textwrap
import time

import pytest

from deckkit.conformance import cpythons
from deckkit.demo_runner import no_host_loop, run_file

PROGRAMS = {
    # The colleague's report: four tasks created in order, equal sleeps.
    "four_tasks_equal_sleeps": """
        import asyncio

        async def worker(name):
            await asyncio.sleep(0.5)
            print(name)

        async def main():
            tasks = [asyncio.create_task(worker(name)) for name in "ABCD"]
            await asyncio.gather(*tasks)

        asyncio.run(main())
    """,
    **{f"gather_{n}_equal_sleeps": f"""
        import asyncio

        async def job(i):
            await asyncio.sleep(0.05)
            print("job", i)
            return i

        async def main():
            print(await asyncio.gather(*(job(i) for i in range({n}))))

        asyncio.run(main())
    """ for n in range(3, 11)},
    "call_later_equal_delays": """
        import asyncio

        async def main():
            loop = asyncio.get_running_loop()
            done = loop.create_future()
            for name in "ABCDEFG":
                loop.call_later(0.05, print, "later", name)
            loop.call_later(0.1, done.set_result, None)
            await done

        asyncio.run(main())
    """,
    "call_at_fresh_readings": """
        import asyncio

        async def main():
            loop = asyncio.get_running_loop()
            done = loop.create_future()
            for name in "ABCDEFG":
                loop.call_at(loop.time() + 0.05, print, "at", name)
            loop.call_later(0.1, done.set_result, None)
            await done

        asyncio.run(main())
    """,
    # One reading, the same due time: CPython's heap order (A C F B E D ...), not scheduling order.
    "call_at_one_reading": """
        import asyncio

        async def main():
            loop = asyncio.get_running_loop()
            done = loop.create_future()
            now = loop.time()
            for name in "ABCDEFG":
                loop.call_at(now + 0.05, print, "at", name)
            for name in "HIJ":
                loop.call_later(0.05, print, "later", name)
            loop.call_at(now + 0.05, print, "at", "K")
            loop.call_later(0.1, done.set_result, None)
            await done

        asyncio.run(main())
    """,
    # Three callbacks, due together, each schedule a timer: the new timers tie again.
    "timers_from_different_callbacks": """
        import asyncio

        def relay(loop, name):
            print("relay", name)
            loop.call_later(0.05, print, "then", name)

        async def main():
            loop = asyncio.get_running_loop()
            done = loop.create_future()
            for name in "ABCDE":
                loop.call_later(0.05, relay, loop, name)
            loop.call_later(0.2, done.set_result, None)
            await done

        asyncio.run(main())
    """,
    # Due at 0.07 s both: A's one sleep (scheduled first), B's 0.01 + 0.06 (which a float sum
    # makes 0.06999999999999999). In real time A is due first by B's wake-up lateness. (A third task
    # ending at 0.07 after several sleeps would not do: which of two tasks woke later is up to the load.)
    "equal_due_times_from_different_moments": """
        import asyncio

        async def one_sleep():
            await asyncio.sleep(0.07)
            print("A: one sleep of 0.07")

        async def two_sleeps():
            await asyncio.sleep(0.01)
            await asyncio.sleep(0.06)
            print("B: 0.01 + 0.06")

        async def main():
            await asyncio.gather(one_sleep(), two_sleeps())

        asyncio.run(main())
    """,
    "wait_for_timeouts_together": """
        import asyncio

        async def patient(name):
            try:
                await asyncio.wait_for(asyncio.sleep(10), timeout=0.05)
            except TimeoutError:
                print(name, "timed out")

        async def main():
            await asyncio.gather(*(patient(name) for name in "ABCDE"))

        asyncio.run(main())
    """,
    "timeout_blocks_and_sleeps_together": """
        import asyncio

        async def bounded(name):
            try:
                async with asyncio.timeout(0.05):
                    await asyncio.sleep(10)
            except TimeoutError:
                print(name, "timed out")

        async def sleeper(name):
            await asyncio.sleep(0.05)
            print(name, "woke")

        async def main():
            await asyncio.gather(bounded("A"), sleeper("B"), bounded("C"), sleeper("D"), bounded("E"))

        asyncio.run(main())
    """,
    # An endless sleep is due at infinity: no moment in ticks, but a timer all the same.
    "endless_sleeps_timed_out": """
        import asyncio
        import math

        async def main():
            for name in "ABC":
                try:
                    async with asyncio.timeout(0.05):
                        await asyncio.sleep(math.inf)
                except TimeoutError:
                    print(name, "timed out of an endless sleep")

        asyncio.run(main())
    """,
    "mixed_equal_and_different_delays": """
        import asyncio

        async def nap(name, seconds):
            await asyncio.sleep(seconds)
            print(name, seconds)

        async def main():
            delays = {"A": 0.1, "B": 0.05, "C": 0.1, "D": 0.05, "E": 0.15, "F": 0.1, "G": 0.05}
            async with asyncio.TaskGroup() as group:
                for name, seconds in delays.items():
                    group.create_task(nap(name, seconds))

        asyncio.run(main())
    """,
}


def _real_run(executable, path):
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONASYNCIODEBUG", "PYTHONDEVMODE", "PYTHONWARNINGS", "PYENV_VERSION")}
    result = subprocess.run([executable, str(path)], capture_output=True, text=True, timeout=60,
                            stdin=subprocess.DEVNULL, env={**env, "PYTHONUNBUFFERED": "1"})
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("name", PROGRAMS)
def test_equal_due_times_run_as_under_cpython_in_real_time(name, tmp_path):
    path = tmp_path / f"{name}.py"
    path.write_text(textwrap.dedent(PROGRAMS[name]).lstrip())
    virtual = run_file(path)
    assert virtual.status == 0, virtual.stderr
    interpreters = cpythons()
    assert interpreters, "no CPython 3.11+ found"
    for version, executable in interpreters.items():
        real = _real_run(executable, path)
        assert virtual.stdout == real, (
            f"virtual time printed\n{virtual.stdout}\nCPython {'%d.%d' % version} printed\n{real}")


def _coarse(read, still=1.0):
    """*read*, a clock that stands still for its first *still* seconds, then goes on: coarser than the
    scheduling at the start, as the browser's (0.1 ms ticks: Chromium's performance.now outside
    cross-origin isolation). Sleeps started in that second certainly get equal due times."""
    start = read()
    return lambda: max(start, read() - still)


def _wake_order(clock, names):
    """The order in which tasks *names*, started in order, wake from equal sleeps on CPython's loop reading *clock*."""
    woke = []

    class Loop(asyncio.SelectorEventLoop):
        def time(self):
            return clock()

    async def worker(name):
        await asyncio.sleep(0.2)
        woke.append(name)

    async def main():
        await asyncio.gather(*(asyncio.create_task(worker(name)) for name in names))

    with no_host_loop(), asyncio.Runner(loop_factory=Loop) as runner:  # Playwright's, in a whole run
        runner.run(main())
    return "".join(woke)


def test_on_a_coarse_clock_equal_sleeps_tie_and_the_cells_clock_wakes_them_in_order():
    """The cell's clocks never repeat a reading (_livedeck/clock.py), as Linux's: CPython's own loop then
    wakes equal sleeps in the order they were started, where a clock that repeats readings ties them."""
    from _livedeck.clock import strictly_increasing

    names = "ABCDEFGH"
    assert _wake_order(_coarse(time.monotonic), names) == "ACGFHEBD"  # the heap's order for equal due times
    assert _wake_order(strictly_increasing(_coarse(time.monotonic)), names) == names


def test_the_cells_clock_repeats_no_reading_and_follows_the_clock_as_it_ticks():
    from _livedeck.clock import strictly_increasing, strictly_increasing_ns

    ticks = iter([5.0] * 1000 + [5.1, 5.1, 4.9, 6.0])
    read = strictly_increasing(lambda: next(ticks))
    readings = [read() for _ in range(1004)]
    assert all(a < b for a, b in zip(readings, readings[1:]))
    assert readings[0] == 5.0 and readings[999] - 5.0 < 1e-12  # a thousand readings in one tick: ~1e-13 s apart
    assert readings[1000] == 5.1 and readings[1002] > 5.1 and readings[1003] == 6.0  # the clock's own once it moves
    ns = iter([7, 7, 7, 9])
    read_ns = strictly_increasing_ns(lambda: next(ns))
    assert [read_ns() for _ in range(4)] == [7, 8, 9, 10]
    assert strictly_increasing(time.monotonic).__name__ == "monotonic"
