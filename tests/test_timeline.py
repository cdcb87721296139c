"""The event-loop timeline: traced under CPython in loop time (exact), and live in the browser."""

import re

import pytest

from deckkit.deck_driver import DeckDriver
from deckkit.demo_runner import no_host_loop
from deckkit.paths import DEMOS
from deckkit.recording import record

from _livedeck.asyncio_timeline import describe_task, render_svg


def lanes(name):
    trace = record(name)["trace"]
    return trace, {lane["label"]: lane for lane in trace["lanes"]}


def test_sequential_version_is_one_lane_awaiting_sleep_1_then_sleep_2():
    trace, by_label = lanes("say_after_sequential")
    assert list(by_label) == ["main()"]
    main = by_label["main()"]
    assert (main["start"], main["end"]) == pytest.approx((0.0, 3.0))
    assert [what for _, _, what in main["waits"]] == ["sleep(1)", "sleep(2)"]
    assert [(round(a, 3), round(b, 3)) for a, b, _ in main["waits"]] == [(0.0, 1.0), (1.0, 3.0)]
    assert trace["total"] == pytest.approx(3.0)


@pytest.mark.parametrize("name", ["say_after_tasks", "gather", "task_group"])
def test_concurrent_versions_overlap_the_two_say_after_lanes_and_end_at_2s(name):
    trace, by_label = lanes(name)
    hello = by_label["say_after(1, 'hello')"]
    world = by_label["say_after(2, 'world')"]
    assert (hello["start"], hello["end"]) == pytest.approx((0.0, 1.0))
    assert (world["start"], world["end"]) == pytest.approx((0.0, 2.0))
    assert hello["start"] < world["end"] and world["start"] < hello["end"]  # they overlap
    assert trace["total"] == pytest.approx(2.0)
    if name == "task_group":  # main waits at the end of the async with block
        assert by_label["main()"]["waits"][-1][2] == "TaskGroup"


def test_blocking_pitfall_shows_one_lane_hogging_the_loop():
    trace, by_label = lanes("blocking_pitfall")
    busy = [lane for lane in trace["lanes"] if any(end - start >= 0.99 for start, end in lane["steps"])]
    assert len(busy) >= 2, "each blocked coroutine holds the loop for a whole second"
    spans = sorted((start, end) for lane in busy for start, end in lane["steps"] if end - start >= 0.99)
    for (_, first_end), (second_start, _) in zip(spans, spans[1:]):
        assert second_start >= first_end - 1e-9, "while one blocks, nothing else runs"
    assert trace["total"] == pytest.approx(2.0, abs=0.05)


def test_ten_thousand_tasks_aggregate_into_a_readable_timeline():
    trace, by_label = lanes("many_tasks")
    assert len(trace["lanes"]) <= 6
    assert sum(lane["count"] for lane in trace["lanes"] if lane["label"] != "main()") == 10_000
    assert trace["total"] == pytest.approx(1.0, abs=0.05)
    svg = render_svg(trace)
    assert "×" in svg and svg.count('class="lane"') == len(trace["lanes"])


def test_lane_labels_keep_arguments_short():
    """A float the code wrote reads 1.5; one it computed (a loop-time reading: 16.195830000000001) by its
    parameter's name; a long string is cut."""
    import asyncio

    async def blocking(name, t0):
        await asyncio.sleep(0)

    async def main():
        task = asyncio.create_task(blocking("x" * 40, 16.19583))
        literal = describe_task(asyncio.create_task(blocking("A", 1.5)))
        # The browser's clock ticks in 0.1 ms: a reading of 1.67 s happens (seen in a CI run).
        reading = describe_task(asyncio.create_task(blocking("B", 1.67)))
        label = describe_task(task)
        await task
        return label, literal, reading

    with no_host_loop():
        assert asyncio.run(main()) == ("blocking('xxxxxxxxx…', t0)", "blocking('A', 1.5)", "blocking('B', t0)")


@pytest.mark.parametrize(("args", "label"), [
    (("'A'", "asyncio.Semaphore(2)", "1.8e9"), "download('A', gate, t0)"),  # an object, a clock reading: by name
    (("'A'", "None", "0.0"), "download('A', None, t0)"),  # virtual time's clock starts at 0.0
    (("'x' * 40", "[1, 2, 3]", "None"), "download('xxxxxxxxx…', …)"),  # ≤ 28 characters
    (("10**20", "{'a': 1}", "True"), "download(name, gate, True)"),
])
def test_lane_labels_stay_short_and_readable_whatever_the_arguments(args, label):
    """A Semaphore, a list, a loop's clock reading: named as the code names them, never their repr."""
    import asyncio

    source = (f"async def download(name, gate, t0):\n    await asyncio.sleep(0)\n"
              f"async def main():\n    task = asyncio.create_task(download({', '.join(args)}))\n"
              f"    label = describe_task(task)\n    await task\n    return label\n")
    namespace = {"asyncio": asyncio, "describe_task": describe_task}
    exec(source, namespace)
    with no_host_loop():
        assert asyncio.run(namespace["main"]()) == label
    assert len(label) <= 40


PRIMITIVE_WAITS = {
    "Semaphore": ("asyncio.Semaphore(0)", "async with gate: pass"),
    "BoundedSemaphore": ("asyncio.BoundedSemaphore(1); await gate.acquire()", "await gate.acquire()"),
    "Lock": ("asyncio.Lock(); await gate.acquire()", "async with gate: pass"),
    "Event.wait": ("asyncio.Event()", "await gate.wait()"),
    "Condition.wait": ("asyncio.Condition()", "async with gate: await gate.wait()"),
    "Queue.get": ("asyncio.Queue()", "await gate.get()"),
    "Queue.put": ("asyncio.Queue(1); gate.put_nowait(0)", "await gate.put(1)"),
    "PriorityQueue.get": ("asyncio.PriorityQueue()", "await gate.get()"),
}


@pytest.mark.parametrize("what", PRIMITIVE_WAITS)
def test_a_wait_on_a_synchronization_primitive_is_named_on_its_lane(what):
    """Not "future": the lane says which primitive held the task (Semaphore, Lock, Event, Condition, Queue)."""
    import asyncio

    from _livedeck.asyncio_timeline import Tracer

    make, wait = PRIMITIVE_WAITS[what]
    make, _, setup = make.partition("; ")
    source = (f"import asyncio\nasync def waiter(gate):\n    {wait}\n"
              f"async def main():\n    gate = {make}\n    {setup or 'pass'}\n"
              f"    task = asyncio.create_task(waiter(gate))\n    await asyncio.sleep(1)\n    task.cancel()\n"
              f"    await asyncio.gather(task, return_exceptions=True)\n"
              f"asyncio.run(main())\n")
    with no_host_loop(), Tracer() as tracer:
        exec(compile(source, "primitive.py", "exec"), {"__name__": "__main__"})
    waiter, = [lane for lane in tracer.as_dict()["lanes"] if lane["label"].startswith("waiter(")]
    assert [w[2] for w in waiter["waits"]] == [what]


def test_why_asyncio_shows_the_codes_lanes_with_their_stream_waits_named():
    """why_asyncio: main, four clients and the server's handlers (folded: the sixth lane), all ending at 0.5 s;
    not asyncio's plumbing (_accept_connection2, _create_server_getaddrinfo); a wait in a stream is named by
    the call the code made (open_connection, StreamReader.readline), not "future"."""
    trace, by_label = lanes("why_asyncio")
    labels = [lane["label"] for lane in trace["lanes"]]
    assert labels == ["main()"] + ["visit(addr)"] * 4 + ["handle() ×4"]
    assert all((lane["start"], lane["end"]) == pytest.approx((0.0, 0.5)) for lane in trace["lanes"])
    for visit in trace["lanes"][1:5]:
        assert [w[2] for w in visit["waits"]][-1] == "StreamReader.readline"
        assert {w[2] for w in visit["waits"][:-1]} == {"open_connection"}
    assert by_label["main()"]["waits"][-1][2] == "gather"
    assert trace["total"] == pytest.approx(0.5)


def test_five_tasks_get_five_lanes_and_more_fold_past_what_a_slide_holds():
    """main and five downloads: six lanes, each task its own (MAX_LANES); a sixth download folds the
    newest download's lane and itself into one lane, so the picture keeps MAX_LANES lanes."""
    import asyncio

    from _livedeck.asyncio_timeline import MAX_LANES, Tracer

    def trace(count):
        source = ("import asyncio\nasync def download(name):\n    await asyncio.sleep(1)\n"
                  f"async def main():\n    await asyncio.gather(*(download(n) for n in range({count})))\n"
                  "asyncio.run(main())\n")
        with no_host_loop(), Tracer() as tracer:
            exec(compile(source, "downloads.py", "exec"), {"__name__": "__main__"})
        return [(lane["label"], lane["count"], round(lane["end"])) for lane in tracer.as_dict()["lanes"]]

    assert MAX_LANES >= 6
    assert trace(5) == [("main()", 1, 1)] + [(f"download({n})", 1, 1) for n in range(5)]
    folded = trace(8)
    assert len(folded) == MAX_LANES
    assert folded[-1] == ("download() ×4", 4, 1)
    assert [label for label, _, _ in folded[1:-1]] == [f"download({n})" for n in range(4)]


@pytest.mark.every_demo
def test_every_asyncio_demo_has_a_static_timeline(built_site):
    for demo in sorted(DEMOS.glob("*.py")):
        uses_loop = "asyncio.run(" in demo.read_text()
        svg = built_site / "timelines" / f"{demo.stem}.svg"
        if uses_loop:
            assert svg.is_file(), f"no static timeline for {demo.name}"
            assert re.search(r'aria-label="timeline, \d', svg.read_text())


@pytest.mark.browser
def test_live_timeline_draws_overlapping_lanes_for_tasks_and_one_lane_for_awaits(page, base_url):
    deck = DeckDriver.open(page, base_url, "asyncio.ko").wait_python_ready()
    assert deck.run("say_after_tasks") == "done"
    lanes_ = deck.cell("say_after_tasks").locator("[data-role=timeline] g.lane")
    spans = {g.get_attribute("data-label"): (float(g.get_attribute("data-start")), float(g.get_attribute("data-end")))
             for g in lanes_.all()}
    hello, world = spans["say_after(1, 'hello')"], spans["say_after(2, 'world')"]
    assert hello[0] < world[1] and world[0] < hello[1]
    assert 1.8 <= spans["main()"][1] <= 2.6
    assert deck.run("say_after_sequential") == "done"
    lanes_ = deck.cell("say_after_sequential").locator("[data-role=timeline] g.lane")
    assert lanes_.count() == 1
    assert 2.8 <= float(lanes_.first.get_attribute("data-end")) <= 3.6
    # Python 3.14's TaskGroup waits in an inner coroutine: the label still names it.
    assert deck.run("task_group") == "done"
    main_lane = deck.cell("task_group").locator("[data-role=timeline] g.lane").first
    assert main_lane.get_attribute("data-label") == "main()"
    assert "TaskGroup" in main_lane.text_content()


def test_threads_get_lanes_of_their_own_under_cpython():
    # The blocking pitfall fixed with to_thread, in real time: the two tasks wait on to_thread
    # while two executor threads each block 1 s in sleep(1), side by side.
    from _livedeck.asyncio_timeline import Tracer

    source = (DEMOS / "blocking_pitfall.py").read_text().replace(
        "    time.sleep(1)   # blocks the whole event loop!", "    await asyncio.to_thread(time.sleep, 1)")
    with no_host_loop(), Tracer() as tracer:
        exec(compile(source, "blocking_pitfall.py", "exec"), {"__name__": "__main__"})
    trace = tracer.as_dict()
    threads = [lane for lane in trace["lanes"] if lane.get("thread")]
    assert sorted(lane["label"] for lane in threads) == ["asyncio_0", "asyncio_1"]
    for lane in threads:
        (start, end), = lane["steps"]
        assert start < 0.1 and 0.99 <= end - start <= 1.2
        assert [what for _, _, what in lane["waits"]] == ["sleep(1)"]
    a, = [lane for lane in trace["lanes"] if lane["label"].startswith("blocking('A'")]
    assert [what for _, _, what in a["waits"]] == ["to_thread"]
    assert 1.0 <= trace["total"] <= 1.2
    assert render_svg(trace).count('data-thread="true"') == 2


def test_the_tracer_records_the_facts_a_grader_reads_in_loop_time(tmp_path):
    """Prints with their task and moment, waits down their coroutines, cancellations, finishes and the
    blocking call that held the loop (grader.py reads them; the timeline draws none of them)."""
    from deckkit.demo_runner import run_file
    from _livedeck.asyncio_timeline import Tracer

    script = tmp_path / "facts.py"
    script.write_text(
        "import asyncio, time\n\n"
        "async def slow_call():\n    await asyncio.sleep(10)\n\n"
        "async def ticker():\n    print('tick')\n    time.sleep(0.25)\n    await asyncio.sleep(5)\n\n"
        "async def main():\n"
        "    task = asyncio.create_task(ticker())\n"
        "    try:\n        async with asyncio.timeout(1):\n            await slow_call()\n"
        "    except TimeoutError:\n        print('timed out')\n"
        "    task.cancel()\n    await asyncio.wait([task])\n    print('done')\n\n"
        "asyncio.run(main())\n")
    tracer = Tracer()
    with tracer:
        run_file(script)
    events = tracer.as_dict()["events"]
    prints = [(event["text"], event["task"], round(event["t"], 3)) for event in events if event["kind"] == "print"]
    assert prints == [("tick", "ticker()", 0.0), ("timed out", "main()", 1.0), ("done", "main()", 1.0)]
    calls = [(event["call"], event["task"], round(event["t"], 3)) for event in events if event["kind"] == "call"]
    assert calls == [("time.sleep(0.25)", "ticker()", 0.0)]
    # main waited down slow_call from 0 s until the timeout (set at 0 s) cancelled it at 1 s
    slow = [event for event in events if event["kind"] == "wait" and "slow_call" in event["chain"]]
    assert [(w["chain"], round(w["start"], 3), round(w["end"], 3), w["cancelled"]) for w in slow] == [
        (["main", "slow_call", "sleep"], 0.0, 1.0, True)]
    cancels = [(event["task"], round(event["t"], 3)) for event in events if event["kind"] == "cancel"]
    assert cancels == [("main()", 1.0), ("ticker()", 1.0)]
    finishes = [(event["task"], event["outcome"]) for event in events if event["kind"] == "finish"]
    assert finishes == [("ticker()", "cancelled"), ("main()", "returned")]
    done = next(event for event in events if event["kind"] == "print" and event["text"] == "done")
    ticker_end = next(event for event in events if event["kind"] == "finish" and event["task"] == "ticker()")
    assert events.index(ticker_end) < events.index(done)  # the order they happened in


def test_the_trace_says_how_late_the_loops_timers_fired():
    """In real time a timer fires late when the loop is held (a busy browser): the trace's "lag" says by how
    much at worst, and the graders allow that much more (grader.Run.near)."""
    import asyncio
    import time

    from _livedeck.asyncio_timeline import Tracer
    from _livedeck.grader import Run

    async def main():
        waiting = asyncio.create_task(asyncio.sleep(0.05))
        await asyncio.sleep(0)
        time.sleep(0.2)  # holds the loop: the 0.05 s timer fires ~0.15 s late
        await waiting

    tracer = Tracer()
    with tracer, no_host_loop():
        asyncio.run(main())
    trace = tracer.as_dict()
    assert 0.14 <= trace["lag"] < 0.5
    assert Run([], trace=trace).near(1.0 + 0.15 + trace["lag"] - 0.01, 1)
    assert not Run([], trace=dict(trace, lag=0.0)).near(1.0 + 0.15 + trace["lag"] - 0.01, 1)


@pytest.mark.browser
def test_five_downloads_two_at_a_time_show_five_lanes_that_wait_on_the_semaphore(page, base_url):
    """The Semaphore demo live: main() and a lane per download, A and B running at once, C and D waiting on
    the Semaphore for 1 s and E for 2 s — the staircase the slide teaches, named."""
    deck = DeckDriver.open(page, base_url, "asyncio.en").wait_python_ready()
    assert deck.run("semaphore") == "done"
    cell = deck.cell("semaphore")
    lanes_ = cell.locator("[data-role=timeline] g.lane").all()
    labels = [lane.get_attribute("data-label") for lane in lanes_]
    assert labels == ["main()"] + [f"download('{name}', gate, t0)" for name in "ABCDE"]
    ends = [float(lane.get_attribute("data-end")) for lane in lanes_[1:]]
    # In real time: each at least its second (a busy machine's timers fire late), in the staircase's order.
    assert all(end >= second - 0.05 for end, second in zip(ends, [1, 1, 2, 2, 3])), ends
    assert max(ends[:2]) < min(ends[2:4]) and max(ends[2:4]) < ends[4], ends
    waits = [lane.locator("text").all_text_contents() for lane in lanes_[1:]]
    assert all("Semaphore" not in texts for texts in waits[:2]), waits
    assert all("Semaphore" in texts for texts in waits[2:]), waits
    from deckkit.paths import DIST

    (DIST / "shots").mkdir(exist_ok=True)
    page.screenshot(path=str(DIST / "shots" / "semaphore-timeline.png"))  # to look at
