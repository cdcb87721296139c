"""Threads and the event loop in a live cell, against CPython, in real Chromium.

Under JSPI a cell's asyncio loop is CPython's own (slides/runtime/script_loop.py) and its
threads are green threads (slides/runtime/green_threads.py): blocking calls in threads
overlap with the loop and with each other as in CPython. Each program prints its timings
rounded to 0.1 s; on an idle machine both print the same figures. On a loaded one (CI's two
cores) either may run late, so figures are compared within 0.1 s and the text exactly.
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from deckkit.paths import DEMOS
from tests.transcripts import SECONDS, assert_same_output

pytestmark = pytest.mark.browser

SCRATCH = "await_coroutine"  # a cell whose code these tests replace
PITFALL = "blocking_pitfall"
PYENV = Path.home() / ".pyenv" / "versions"


def cpython(source, tmp_path, at_least=(3, 11)):
    """Run *source* as a script under CPython (the newest this machine has, if *at_least* asks more)."""
    python = sys.executable
    if sys.version_info < at_least:
        candidates = sorted(PYENV.glob("3.*/bin/python3"), key=lambda p: tuple(map(int, p.parts[-3].split("."))))
        newer = [p for p in candidates if tuple(map(int, p.parts[-3].split(".")))[:2] >= at_least]
        assert newer, f"this test needs CPython {'.'.join(map(str, at_least))}+ (pyenv) to compare with"
        python = str(newer[-1])
    script = tmp_path / "cell.py"
    script.write_text(source)
    return subprocess.run([python, str(script)], capture_output=True, text=True, timeout=60, cwd=tmp_path)


@pytest.fixture(scope="module")
def deck(module_contexts):
    """The Korean deck, shared by the module's tests; its runs are timed, so it has settled."""
    return module_contexts.open_deck("asyncio.ko").wait_settled()


def run_live(deck, source, cell=SCRATCH, timeout=30_000):
    deck.show(cell)
    deck.set_code(cell, source)
    state = deck.run(cell, timeout=timeout)
    lines = deck.lines(cell)
    return state, lines


def stream(lines, name):
    return [line.text for line in lines if line.stream == name]


def seconds(line):
    return float(SECONDS.findall(line)[-1])


def test_to_thread_fixes_the_blocking_pitfall_as_in_cpython(deck, tmp_path):
    # The fix the slide's comment recommends: both blocking calls overlap, A and B end at 1.0 s.
    source = (DEMOS / "blocking_pitfall.py").read_text()
    fixed = source.replace("    time.sleep(1)   # blocks the whole event loop!", "    await asyncio.to_thread(time.sleep, 1)")
    assert fixed != source
    expected = cpython(fixed, tmp_path).stdout.splitlines()
    state, lines = run_live(deck, fixed, cell=PITFALL)
    assert state == "done"
    out = stream(lines, "stdout")
    # A and B end together, in either order (threads finishing at the same time race, in CPython too).
    assert_same_output(out[:2] + sorted(out[2:]), expected[:2] + sorted(expected[2:]))
    # Not B starting when A ends (1.0 s) and ending at 2.0 s, as a blocking call would.
    assert [line.split(" at ")[0] for line in out[:2] + sorted(out[2:])] == ["A starts", "B starts", "A ends", "B ends"]
    assert seconds(out[1]) <= 0.1 and all(0.95 <= seconds(line) <= 1.1 for line in out[2:])
    assert stream(lines, "note") == []  # sleeping threads are no platform difference
    assert 0.95 <= deck.elapsed(PITFALL) <= 1.5
    # The timeline draws the two worker threads as lanes, each blocked ≈1 s in sleep(1).
    threads = deck.cell(PITFALL).locator("[data-role=timeline] g.lane[data-thread=true]")
    assert threads.count() == 2
    for lane in threads.all():
        assert lane.get_attribute("data-label").startswith("asyncio_")
        assert 0.95 <= float(lane.get_attribute("data-end")) - float(lane.get_attribute("data-start")) <= 1.2
        assert "sleep(1)" in lane.text_content()


EXECUTORS = """\
import asyncio, time
from concurrent.futures import ThreadPoolExecutor

async def main():
    loop = asyncio.get_running_loop()
    for executor in (None, ThreadPoolExecutor()):
        t0 = loop.time()
        calls = [loop.run_in_executor(executor, time.sleep, 0.5) for _ in range(3)]
        await asyncio.gather(*calls)
        print(f"{type(executor).__name__}: {loop.time() - t0:.1f} s")
        if executor:
            executor.shutdown()

asyncio.run(main())
"""


def test_three_blocking_calls_in_executors_take_half_a_second(deck, tmp_path):
    expected = cpython(EXECUTORS, tmp_path).stdout.splitlines()
    state, lines = run_live(deck, EXECUTORS)
    assert state == "done"
    out = stream(lines, "stdout")
    assert_same_output(out, expected)
    assert all(0.45 <= seconds(line) <= 0.6 for line in out), out  # not 1.5 s: the calls overlap


THREADS = """\
import threading, time, queue

local = threading.local()
results = queue.Queue()
lock = threading.Lock()

def work(n):
    local.n = n
    time.sleep(0.5)
    with lock:
        results.put((threading.current_thread().name, local.n))

t0 = time.monotonic()
threads = [threading.Thread(target=work, args=(n,), name=f"worker-{n}") for n in range(3)]
for thread in threads:
    thread.start()
print(sorted(t.name for t in threading.enumerate()))
print(threading.main_thread() is threading.current_thread(), hasattr(local, "n"))
for thread in threads:
    thread.join()
print(f"joined after {time.monotonic() - t0:.1f} s;", threading.active_count(), "thread left")
print(sorted(results.get() for _ in range(3)))

lock.acquire()
waiter = threading.Thread(target=lambda: print("got it:", lock.acquire(timeout=0.2)))
waiter.start(); waiter.join()
event = threading.Event()
t0 = time.monotonic()
threading.Timer(0.3, event.set).start()
print("event set:", event.wait(1), f"after {time.monotonic() - t0:.1f} s")
done = threading.Thread(target=time.sleep, args=(0.3,), daemon=False)
done.start()
print("alive:", done.is_alive())
"""


def test_threads_overlap_and_join_as_in_cpython(deck, tmp_path):
    cp = cpython(THREADS, tmp_path)
    expected = cp.stdout.splitlines()
    state, lines = run_live(deck, THREADS)
    assert state == "done"
    out = stream(lines, "stdout")
    assert_same_output(out, expected)
    assert out[2].endswith("; 1 thread left") and seconds(out[2]) <= 0.6  # three 0.5 s sleeps overlap
    # As CPython at a script's end, the run waits for its last non-daemon thread (1.0 s + 0.3 s).
    assert 1.25 <= deck.elapsed(SCRATCH) <= 1.8


LOOP_API = """\
import asyncio, threading, time

async def where(tag):
    await asyncio.sleep(0.1)
    return f"{tag} in {threading.current_thread().name}"

with asyncio.Runner() as runner:
    print(runner.run(where("runner")))
    print(runner.run(where("runner again")))

async def eager():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    async def quick():
        print("ran eagerly")
        return 42
    task = asyncio.create_task(quick())
    print("done at creation:", task.done(), await task)
asyncio.run(eager())

def in_a_thread():
    print(asyncio.run(where("asyncio.run")))
async def main():
    await asyncio.to_thread(in_a_thread)
asyncio.run(main())

try:
    asyncio.get_event_loop()
except RuntimeError as error:
    print(error)

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(asyncio.get_event_loop() is loop, loop.run_until_complete(where("run_until_complete")))
loop.close()

async def numbers():
    try:
        yield 1
        yield 2
    finally:
        print("async generator closed at shutdown")

async def api():
    loop = asyncio.get_running_loop()
    print(loop)
    future = loop.create_future()
    threading.Thread(target=loop.call_soon_threadsafe, args=(future.set_result, "woken by a thread")).start()
    print(await future)
    await loop.run_in_executor(None, print, "in the default executor")
    agen = numbers()
    print(await anext(agen))  # left open: asyncio.run closes it (shutdown_asyncgens)
asyncio.run(api())

async def hog():
    time.sleep(0.2)
asyncio.run(hog(), debug=True)
"""


def slow_callback_warning(stderr):
    """The slow-callback warning, without what varies by version and path (task number, file, line)."""
    last = stderr.strip().splitlines()[-1]
    last = re.sub(r"Task-\d+", "Task-N", last)
    last = re.sub(r"defined at \S+:(\d+)>", r"defined at cell.py:\1>", last)
    last = re.sub(r" created at \S+", "", last)
    return re.sub(r"took \d+\.\d+ seconds", "took N seconds", last)


def test_runner_eager_tasks_threadsafe_calls_shutdowns_and_debug_mode_as_in_cpython(deck, tmp_path):
    cp = cpython(LOOP_API, tmp_path, at_least=(3, 12))  # eager_task_factory: 3.12+
    assert cp.returncode == 0, cp.stderr
    state, lines = run_live(deck, LOOP_API)
    assert state == "done"
    assert_same_output(stream(lines, "stdout"), cp.stdout.splitlines())
    live_warning = slow_callback_warning("\n".join(stream(lines, "stderr")).replace(f"{SCRATCH}.py", "cell.py"))
    assert live_warning == slow_callback_warning(cp.stderr)
    took = re.search(r"took (\d+\.\d+) seconds", "\n".join(stream(lines, "stderr")))
    assert 0.2 <= float(took.group(1)) <= 0.35  # the time.sleep(0.2) in hog()


DAEMON = """\
import threading, time
threading.Thread(target=lambda: (time.sleep(0.3), print("late")), daemon=True).start()
print("main ends")
"""


def test_a_daemon_thread_ends_with_its_run_and_prints_nothing_into_the_next(deck, tmp_path):
    assert cpython(DAEMON, tmp_path).stdout.splitlines() == ["main ends"]
    state, lines = run_live(deck, DAEMON)
    assert (state, stream(lines, "stdout")) == ("done", ["main ends"])
    state, lines = run_live(deck, "import time\ntime.sleep(0.6)\nprint('next run')\n")
    assert (state, stream(lines, "stdout")) == ("done", ["next run"])


CPU_BOUND = """\
import asyncio

def crunch():
    return sum(i * i for i in range(2_000_000))

async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0.1)

async def main():
    await asyncio.gather(ticker(), asyncio.to_thread(crunch))

asyncio.run(main())
"""


@pytest.mark.parametrize("deck_name, words", [("asyncio.ko", "번갈아"), ("asyncio.en", "take turns")])
def test_cpu_bound_threads_get_one_note_in_the_decks_language(contexts, deck_name, words):
    # CPython switches threads every 5 ms, so its ticker ticks while crunch() computes; the
    # browser cannot preempt Python code, so the cell says so, once, in the deck's language.
    deck = contexts.open_deck(deck_name)
    state, lines = run_live(deck, CPU_BOUND)
    assert state == "done"
    assert stream(lines, "stdout") == ["tick 0", "tick 1", "tick 2"]
    notes = stream(lines, "note")
    assert len(notes) == 1 and words in notes[0], notes


def test_without_jspi_an_executor_runs_inline_and_the_cell_says_so(contexts):
    # Compat mode has no threads: the to_thread fix runs its calls one after the other. The
    # timings then differ from CPython's, so the cell names the difference.
    deck = contexts.open_deck("asyncio.en", "?jspi=off")
    source = (DEMOS / "blocking_pitfall.py").read_text()
    fixed = source.replace("    time.sleep(1)   # blocks the whole event loop!",
                           "    await asyncio.to_thread(time.sleep, 1)")
    state, lines = run_live(deck, fixed, cell=PITFALL)
    assert state == "done"
    assert deck.cell(PITFALL).get_attribute("data-mode") == "compat"
    last = stream(lines, "stdout")[-1]
    assert last.startswith("B ends at ") and float(last.split()[3]) >= 1.9  # one call after the other
    notes = stream(lines, "note")
    assert len(notes) == 1 and "No threads without JSPI" in notes[0], notes


THREAD_ERROR = """\
import threading

def boom():
    raise ValueError("in a thread")

thread = threading.Thread(target=boom, name="worker")
thread.start()
thread.join()
print("main goes on")
"""


def frames(stderr):
    """A traceback's frames as (file name, function), and its last line."""
    found = re.findall(r'File "([^"]+)", line \d+, in (\S+)', stderr)
    return [(Path(path).name, function) for path, function in found], stderr.strip().splitlines()[-1]


def test_an_exception_in_a_thread_is_reported_as_cpython_reports_it(deck, tmp_path):
    cp = cpython(THREAD_ERROR, tmp_path)
    state, lines = run_live(deck, THREAD_ERROR)
    assert state == "done"
    assert stream(lines, "stdout") == cp.stdout.splitlines() == ["main goes on"]
    stderr = "\n".join(stream(lines, "stderr")).replace(f"{SCRATCH}.py", "cell.py")
    assert stderr.splitlines()[0] == cp.stderr.splitlines()[0] == "Exception in thread worker:"
    assert frames(stderr) == frames(cp.stderr)  # threading's frames and the cell's, none of the runtime's


# Python 3.14's automatic collection walks the frames of every thread state, down to entry frames
# on the C stack; Pyodide 314.0.7 let a running stack reuse (after copying it away) a suspended green
# thread's C stack, and kept the suspended stack's frames in its thread state. Such a collection, while
# threads sleep, crashed the interpreter: "memory access out of bounds", a fatal error, a cell stuck in
# "running" with a garbage stack dump as its output (the runtime collected by hand meanwhile: thread_gc.py,
# gone since Pyodide 314.0.8 fixed pyodide#6464). These programs allocate enough to trigger collections.
STACKS_IN_FLIGHT = {
    "executor_map_and_wait": """\
from concurrent.futures import ThreadPoolExecutor, wait
import time
with ThreadPoolExecutor(max_workers=4) as ex:
    print(list(ex.map(lambda d: (time.sleep(d), d)[1], [0.3, 0.1, 0.2])))
    wait([ex.submit(time.sleep, 0.2) for _ in range(4)])
print("done")
""",
    "to_thread_gather": """\
import asyncio, time
async def main():
    print(await asyncio.gather(*(asyncio.to_thread(lambda d=d: (time.sleep(d), d)[1]) for d in [0.3, 0.1, 0.2, 0.15, 0.05])))
asyncio.run(main())
""",
    "garbage_while_threads_sleep": """\
import gc, threading, time
threads = [threading.Thread(target=time.sleep, args=(0.2,)) for _ in range(4)]
for thread in threads:
    thread.start()
time.sleep(0.05)  # every thread now sleeps on a stack of its own
cycles = 0
for _ in range(30_000):
    a = []; a.append(a)  # cyclic garbage: the collector has work
    cycles += 1
for thread in threads:
    thread.join()
print(cycles, gc.isenabled())
""",
}


@pytest.mark.parametrize("program", sorted(STACKS_IN_FLIGHT))
def test_threads_sleeping_while_the_collector_runs_do_not_crash_python(contexts, program, tmp_path):
    source = STACKS_IN_FLIGHT[program]
    expected = cpython(source, tmp_path).stdout.splitlines()
    deck = contexts.open_deck("asyncio.ko")
    for _ in range(2):  # the first run after the page opened (the timeline on), then the next one
        state, lines = run_live(deck, source, timeout=20_000)
        assert state == "done", deck.output(SCRATCH)
        assert stream(lines, "stdout") == expected
        assert stream(lines, "stderr") == []


CRASH = """\
print("before the crash")
import pyodide_js
pyodide_js._api.fatal_error(RuntimeError("a simulated fault of the interpreter"))
print("never printed")
"""


@pytest.mark.parametrize(("deck_name", "words"), [("asyncio.ko", "파이썬이 멈췄습니다"), ("asyncio.en", "Python crashed here")])
def test_a_crashed_interpreter_ends_the_run_with_a_note_and_the_next_run_works(contexts, deck_name, words):
    # Whatever crashes Pyodide (a fatal error: the run's promise never settles), the cell must not hang
    # nor show Pyodide's dump of its stacks as the program's output; a fresh worker runs the next cell.
    # Crashing the interpreter on purpose: Pyodide reports its fatal error in the page as well.
    deck = contexts.open_deck(deck_name, page_errors_expected=True)
    state, lines = run_live(deck, CRASH, timeout=20_000)
    assert state == "error"
    assert stream(lines, "stdout") == ["before the crash"]
    assert stream(lines, "stderr") == []  # no "Stack (most recent call first)" dump
    notes = stream(lines, "note")
    assert len(notes) == 1 and words in notes[0]
    state, lines = run_live(deck, "import sys\nprint(sys.version_info[:2])\n")
    assert state == "done"
    assert stream(lines, "stdout") == ["(3, 14)"]


PROFILE_WHILE_THREADS_SLEEP = """\
import sys, threading, time
threads = [threading.Thread(target=time.sleep, args=(0.2,)) for _ in range(4)]
for thread in threads:
    thread.start()
time.sleep(0.05)
print("threads asleep")
def deep(n):  # C frames (sorted's key) below this stack's own: the threads' old C-stack bytes
    return sorted([n], key=lambda x: deep(n - 1) if n else 0)
deep(20)
sys.setprofile(lambda *args: None)  # instruments every executing frame of every thread state
sys.setprofile(None)
for thread in threads:
    thread.join()
print("joined")
"""


def test_setting_a_profiler_while_threads_sleep_prints_what_cpython_prints(contexts, tmp_path):
    # Pyodide 314.0.7 walked the suspended threads' stale frames here (sys.setprofile instruments them) and
    # crashed; 314.0.8 (pyodide#6464) keeps no frames of a suspended stack in the thread state.
    expected = cpython(PROFILE_WHILE_THREADS_SLEEP, tmp_path).stdout.splitlines()
    deck = contexts.open_deck("asyncio.en")
    state, lines = run_live(deck, PROFILE_WHILE_THREADS_SLEEP, timeout=20_000)
    assert (state, stream(lines, "stdout"), stream(lines, "stderr")) == ("done", expected, [])
    assert stream(lines, "note") == []
    state, lines = run_live(deck, "print('next run')\n")
    assert (state, stream(lines, "stdout")) == ("done", ["next run"])
