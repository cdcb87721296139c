"""Trace what an asyncio program's tasks do, in loop time, and draw it as an SVG timeline.

One module for both runtimes: in the browser (Pyodide) it feeds the live timeline
beside a cell; under CPython (virtual time, see deckkit/recording.py) it draws the
static pictures for the PDF and checks the demos' concurrency in the tests.

Nothing in the traced code changes: the tracer wraps ``asyncio.Handle._run``, the
one place every task step passes through, and records for each step of each
task its start and end in loop time and what the task then waits on. Threads
(``asyncio.to_thread``, executors, ``threading.Thread``) get lanes of their own,
a bar while each blocking call runs: the tracer wraps ``Thread._bootstrap_inner``
and the executors' work items. Their times are ``time.monotonic()``, the loop's clock.
"""

import asyncio
import builtins
import concurrent.futures.thread
import functools
import html
import io
import math
import os
import sys
import threading
import time
import weakref
from asyncio import events

_ASYNCIO_DIR = os.path.dirname(asyncio.__file__)
_RUNTIME_DIR = os.path.dirname(os.path.abspath(__file__))  # the live runtime's modules
_internal_codes = {}  # code object → bool, so the check costs one lookup per step

MAX_LANES = 6  # what a slide's timeline holds; beyond this, tasks of one coroutine fold into one lane
MAX_THREAD_LANES = 4  # beyond this, the other threads share one lane
MERGE_GAP = 0.005  # s: an aggregate lane's steps closer than this draw as one bar
MAX_EVENTS = 5000  # the graders' facts (prints, waits, cancellations, finishes) kept per run
MAX_NAMED_TASKS = 64  # tasks named by their call in those facts; the rest by their coroutine's name


class Lane:
    """One task (or, aggregated, many tasks running the same coroutine function)."""

    def __init__(self, key, label, start, aggregate=False, thread=False):
        self.thread = thread  # a thread's lane: bars are blocking calls, labelled in waits
        self.key = key
        self.label = label
        self.start = start
        self.end = None
        self.steps = []  # [start, end] in loop time
        self.waits = []  # [start, end or None, what]; not kept for aggregate lanes
        self.count = 1
        self.done = 0
        self.aggregate = aggregate

    def add_step(self, start, end):
        if self.aggregate and self.steps and start - self.steps[-1][1] <= MERGE_GAP:
            self.steps[-1][1] = max(self.steps[-1][1], end)
        else:
            self.steps.append([start, end])

    def as_dict(self):
        trace = {"label": self.label, "start": self.start, "end": self.end, "count": self.count,
                 "steps": self.steps, "waits": self.waits}
        if self.thread:
            trace["thread"] = True
        return trace


MAX_LABEL = 28  # characters of a lane's label: the call as the code wrote it, cut short past that
_ELIDED = "…"


def _short_repr(value, name=_ELIDED, limit=12, decimals=3):
    """An argument as a lane label shows it: a literal the slide's code could have written ('A', 2, 1.5),
    else its parameter's *name* (a Semaphore: gate; a loop-time reading, 16.195830000000001: t0).
    A float counts as written with at most *decimals* decimals."""
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, int):
        return repr(value) if len(repr(value)) <= limit else name
    # A float with more decimals was computed; 0.0 is a clock's start in virtual time (the PDF's): both by
    # name, so the PDF's labels are the live ones. The browser's clock ticks in 0.1 ms: a reading has at
    # most 3 decimals one time in ten, at most 1 one time in a thousand.
    if isinstance(value, float) and 0 < abs(value) < 1e4 and round(value, decimals) == value:
        return f"{value:g}"
    if isinstance(value, str):
        text = repr(value)
        return text if len(text) <= limit else text[: limit - 2] + _ELIDED + text[0]
    return name


def _call_label(name, shown):
    """name(a, b, …), kept ≤ MAX_LABEL characters: the last arguments give way to one "…"."""
    shown = list(shown)
    while len(f"{name}({', '.join(shown)})") > MAX_LABEL and shown and shown != [_ELIDED]:
        if shown[-1] == _ELIDED:
            del shown[-2]  # the trailing "…" stands for it too
        else:
            shown[-1] = _ELIDED
    label = f"{name}({', '.join(shown)})"
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 2] + _ELIDED + ")"


def _call_text(code, f_locals):
    names = [name for name in code.co_varnames[: code.co_argcount] if name in f_locals]
    # A task's arguments: a parameter has a name to show instead, so only a float of one decimal counts as
    # written (a clock reading such as t0 = loop.time() was shown as 1.67 in the browser).
    return _call_label(code.co_name, [_short_repr(f_locals[name], name, decimals=1) for name in names])


def describe_call(fn, args):
    """A thread's blocking call as the code wrote it: sleep(1), not partial(Context.run, …)."""
    if isinstance(fn, functools.partial) and getattr(fn.func, "__qualname__", "") == "Context.run":
        fn, args = fn.args[0], fn.args[1:] + tuple(args)  # asyncio.to_thread's wrapping
    elif isinstance(fn, functools.partial):
        fn, args = fn.func, fn.args + tuple(args)
    name = getattr(fn, "__name__", None) or type(fn).__name__
    shown = [_short_repr(arg) for arg in args]
    return _call_label(name, [text for i, text in enumerate(shown) if text != _ELIDED or shown[i - 1:i] != [_ELIDED]])


def describe_task(task):
    coro = task.get_coro()
    frame = getattr(coro, "cr_frame", None)
    if frame is None:
        return task.get_name()
    return _call_text(coro.cr_code, frame.f_locals)


def _format_seconds(value):
    return f"{value:g}" if isinstance(value, (int, float)) else repr(value)


_PRIMITIVE_FILES = {os.path.join(_ASYNCIO_DIR, name) for name in ("locks.py", "queues.py")}
_ACQUIRE = {"acquire", "__aenter__"}  # a Lock's or a Semaphore's wait: named by the primitive alone


def waiting_primitive(coro):
    """The synchronization primitive a coroutine chain waits in, as a lane says it: Semaphore, Lock,
    Event.wait, Condition.wait, Queue.get, Queue.put (a subclass by its own name: BoundedSemaphore,
    PriorityQueue.get); None when it waits on no such thing. The innermost one counts: a Condition's
    wait that re-acquires its lock waits on the Lock."""
    found = None
    while coro is not None and hasattr(coro, "cr_code"):
        frame = coro.cr_frame
        if coro.cr_code.co_filename in _PRIMITIVE_FILES and frame is not None and "self" in frame.f_locals:
            kind, method = type(frame.f_locals["self"]).__name__, coro.cr_code.co_name
            found = kind if method in _ACQUIRE else f"{kind}.{method}"
        coro = coro.cr_await
    return found


_STREAMS_FILE = os.path.join(_ASYNCIO_DIR, "streams.py")


def waiting_stream(coro):
    """A wait in asyncio's streams as the code called it: open_connection, StreamReader.readline,
    StreamWriter.drain (the outermost call into streams.py, not the future it ends on); else None."""
    while coro is not None and hasattr(coro, "cr_code"):
        if coro.cr_code.co_filename == _STREAMS_FILE:
            return coro.cr_code.co_qualname
        coro = coro.cr_await
    return None


def awaiting(task, names):
    """What a suspended task waits on, in the slide's words: sleep(1), say_after(2, 'world'), gather,
    Semaphore, Queue.get, StreamReader.readline."""
    coro = task.get_coro()
    primitive = waiting_primitive(coro) or waiting_stream(coro)
    if primitive is not None:
        return primitive
    while getattr(coro, "cr_await", None) is not None and hasattr(coro.cr_await, "cr_code"):
        coro = coro.cr_await
    code = getattr(coro, "cr_code", None)
    if code is not None and code.co_name == "sleep" and coro.cr_frame is not None:
        return f"sleep({_format_seconds(coro.cr_frame.f_locals.get('delay'))})"
    if code is not None and code.co_name == "to_thread":
        return "to_thread"
    waiter = getattr(task, "_fut_waiter", None)
    if isinstance(waiter, asyncio.Task):
        return names.get(waiter) or describe_task(waiter)
    if waiter is not None and type(waiter).__name__ == "_GatheringFuture":
        return "gather"
    if code is not None and code.co_qualname.startswith("TaskGroup."):  # __aexit__, or its _aexit on 3.13+
        return "TaskGroup"
    return "future"


def _is_internal(task):
    """Housekeeping tasks: asyncio.run's and Pyodide's shutdowns, the cell runner itself, and asyncio's own
    private tasks (a server's _accept_connection2 and _create_server_getaddrinfo: the library's plumbing,
    where the handler it starts is the code's)."""
    code = getattr(task.get_coro(), "cr_code", None)
    if code is None:
        return True
    internal = _internal_codes.get(code)
    if internal is None:
        path = code.co_filename
        internal = (
            (os.path.dirname(path) == _ASYNCIO_DIR and code.co_name.startswith(("shutdown_", "_")))
            or "pyodide" in path
            or os.path.dirname(path) == _RUNTIME_DIR
        )
        _internal_codes[code] = internal
    return internal


class Tracer:
    """Records task steps while installed; ``on_update(tracer)`` is called at most every *interval* s."""

    def __init__(self, on_update=None, interval=0.1, max_lanes=MAX_LANES):
        self.on_update = on_update
        self.interval = interval
        self.max_lanes = max_lanes
        self.lanes = []
        self._by_task = weakref.WeakKeyDictionary()  # task → Lane
        self._names = weakref.WeakKeyDictionary()  # task → label, for "waits on that task"
        self._by_thread = weakref.WeakKeyDictionary()  # threading.Thread → Lane
        self._thread_lanes = 0
        self._origin = None
        self._last_update = -math.inf
        self._original_run = None
        self.now = 0.0
        self.events = []  # the graders' facts: see _install_facts
        self.lag = 0.0  # s: the latest a timer fired after its time (a busy machine's loop runs late)

    # -- hooking --------------------------------------------------------------------------------
    def install(self):
        self._original_run = events.Handle._run
        tracer = self

        # Its locals end as None, as Handle._run's `self = None` does: a failed step's traceback holds
        # this frame (its coroutine frame's f_back), which must not keep the task alive in a cycle —
        # CPython reports "Task exception was never retrieved" when the last reference goes.
        def _run(handle):
            task = getattr(handle._callback, "__self__", None)
            if not isinstance(task, asyncio.Task) or _is_internal(task):
                task = None
                if isinstance(handle, events.TimerHandle):
                    tracer._timer_fired(handle)
                tracer._original_run(handle)
                handle = None
                return
            if task not in tracer._by_task and task not in tracer._names and len(tracer.lanes) < tracer.max_lanes:
                # Name it before its first step runs: a task may finish within that step.
                tracer._names[task] = describe_task(task)
            loop = handle._loop
            start = loop.time()
            tracer._step_begins(task, start)
            tracer._original_run(handle)
            end = loop.time()
            tracer._record(task, start, end)
            tracer._step_ends(task, end)
            handle = task = loop = None

        events.Handle._run = _run
        self._install_threads()
        self._install_facts()
        return self

    def _install_threads(self):
        # Thread._bootstrap_inner, not Thread.run: an uncaught exception's traceback starts in
        # _bootstrap_inner, so this wrapper never shows in it. Likewise for _WorkItem.run. Plain
        # try/finally, no context manager: a green thread's stack stays shallow (green_threads.py).
        self._original_bootstrap = threading.Thread._bootstrap_inner
        self._original_work_run = concurrent.futures.thread._WorkItem.run
        tracer = self
        executor_worker = concurrent.futures.thread._worker

        def bootstrap_inner(thread):
            target = getattr(thread, "_target", None)
            module = getattr(target, "__module__", None) or ""
            # An executor's worker (its work items are traced) or asyncio's own (shutdown_default_executor).
            if target is None or target is executor_worker or module.startswith("asyncio."):
                return tracer._original_bootstrap(thread)
            what, start = describe_call(target, getattr(thread, "_args", ())), time.monotonic()
            try:
                return tracer._original_bootstrap(thread)
            finally:
                tracer._record_thread(thread, start, time.monotonic(), what)

        def work_run(item, *args):
            task = getattr(item, "task", None)  # 3.14: (fn, args, kwargs); before: item.fn, item.args
            fn, fn_args = task[:2] if isinstance(task, tuple) else (getattr(item, "fn", None), getattr(item, "args", ()))
            thread, what, start = threading.current_thread(), describe_call(fn, fn_args), time.monotonic()
            try:
                return tracer._original_work_run(item, *args)
            finally:
                tracer._record_thread(thread, start, time.monotonic(), what)

        threading.Thread._bootstrap_inner = bootstrap_inner
        concurrent.futures.thread._WorkItem.run = work_run

    def uninstall(self):
        if self._original_run is not None:
            events.Handle._run = self._original_run
            self._original_run = None
            threading.Thread._bootstrap_inner = self._original_bootstrap
            concurrent.futures.thread._WorkItem.run = self._original_work_run
            self._uninstall_facts()
        if self.on_update is not None:
            self.on_update(self)

    def __enter__(self):
        return self.install()

    def __exit__(self, *exc):
        self.uninstall()

    # -- recording ------------------------------------------------------------------------------
    def _start_clock(self, start):
        if self._origin is None:
            self._origin = start
            self._last_update = 0.0  # the first picture after one interval: not inside the first steps

    def _record_thread(self, thread, start, end, what):
        self._start_clock(start)
        start -= self._origin
        end -= self._origin
        lane = self._by_thread.get(thread)
        if lane is None:
            if self._thread_lanes < MAX_THREAD_LANES:
                self._thread_lanes += 1
                lane = Lane(("thread", thread.name), thread.name, start, thread=True)
                self.lanes.append(lane)
            else:
                lane = next((c for c in self.lanes if c.key == ("threads",)), None)
                if lane is None:
                    lane = Lane(("threads",), "threads", start, aggregate=True, thread=True)
                    self.lanes.append(lane)
                lane.count += 1
                lane.label = f"threads ×{lane.count}"
            self._by_thread[thread] = lane
        lane.add_step(start, end)
        if not lane.aggregate:
            lane.waits.append([start, end, what])
        lane.end = end
        self.now = max(self.now, end)
        # No picture from here: a thread's stack stays shallow (the loop's next step, or the end, draws it).

    def _lane_for(self, task, start):
        lane = self._by_task.get(task)
        if lane is not None:
            return lane
        function = getattr(task.get_coro(), "__qualname__", None) or task.get_name()
        if len(self.lanes) < self.max_lanes:
            lane = Lane(function, self._names.get(task) or describe_task(task), start)
            self.lanes.append(lane)
        else:
            lane = self._folded_lane(function, start)
            lane.count += 1
            lane.label = f"{function}() ×{lane.count}"
            if lane.done < lane.count:
                lane.end = None
        self._by_task[task] = lane
        return lane

    def _folded_lane(self, function, start):
        """Past MAX_LANES, the lane that tasks running *function* share: theirs if there is one, else the
        newest lane of that function folded into it (so the timeline keeps MAX_LANES lanes), else a new one."""
        key = ("all", function)
        for lane in self.lanes:
            if lane.key == key:
                return lane
        lane = next((lane for lane in reversed(self.lanes) if lane.key == function and lane is not self.lanes[0]), None)
        if lane is None:
            lane = Lane(key, f"{function}() ×0", start, aggregate=True)
            lane.count = 0
            self.lanes.append(lane)
            return lane
        lane.key, lane.aggregate, lane.waits = key, True, []
        return lane

    def _record(self, task, start, end):
        self._start_clock(start)
        start -= self._origin
        end -= self._origin
        lane = self._lane_for(task, start)
        if not lane.aggregate and lane.waits and lane.waits[-1][1] is None:
            lane.waits[-1][1] = start
        lane.add_step(start, end)
        if task.done():
            lane.done += 1
            if lane.done == lane.count:
                lane.end = end
        elif not lane.aggregate:
            lane.waits.append([end, None, awaiting(task, self._names)])
        self.now = max(self.now, end)
        if self.on_update is not None and end - self._last_update >= self.interval:
            self._last_update = end
            self.on_update(self)

    @property
    def total(self):
        ends = [lane.end for lane in self.lanes if lane.end is not None]
        return max(ends + [self.now, 0.0])

    def as_dict(self):
        return {"total": self.total, "lanes": [lane.as_dict() for lane in self.lanes], "events": self.events,
                "lag": self.lag}

    # -- facts for the exercises' graders (grader.py); the timeline draws none of them -----------------
    # In loop time, in the order they happened, as "events": what each task printed, when it waited
    # (and down which coroutines: main → slow_call → sleep), when a cancellation reached it, how it
    # finished, and which blocking call (time.sleep) it made while holding the loop. And "lag": how late
    # the loop's timers fired at worst — in real time (the browser) a busy machine's are late.
    def _install_facts(self):
        self.events = []
        self._open_waits = weakref.WeakKeyDictionary()  # task → its wait event still open
        self._cancels_seen = weakref.WeakKeyDictionary()  # task → task.cancelling() at its last step
        self._fact_labels = weakref.WeakKeyDictionary()  # task → its name in the facts
        self._partial_lines = {}  # stream → the text printed since its last newline
        self._original_print = builtins.print
        tracer = self
        original_print = self._original_print

        def traced_print(*args, sep=" ", end="\n", file=None, flush=False):
            buffer = io.StringIO()
            original_print(*args, sep=sep, end=end, file=buffer)
            target = sys.stdout if file is None else file
            if target is None:  # as print does without a stdout
                return
            tracer._printed(buffer.getvalue(), target)
            target.write(buffer.getvalue())
            if flush:
                target.flush()

        builtins.print = traced_print
        _audited_tracers.append(self)

    def _uninstall_facts(self):
        builtins.print = self._original_print
        if self in _audited_tracers:
            _audited_tracers.remove(self)

    def _event(self, kind, **fields):
        if len(self.events) >= MAX_EVENTS:
            return None
        event = {"kind": kind, **fields}
        self.events.append(event)
        return event

    def _label(self, task):
        """A task's name in the facts, the same from its first step to its end: its call as the code wrote
        it (blocking('A', 0)) for the first tasks, its coroutine's name for the thousands after them."""
        label = self._fact_labels.get(task)
        if label is None:
            if len(self._fact_labels) < MAX_NAMED_TASKS:
                label = self._names.get(task) or describe_task(task)
            else:
                label = f"{getattr(task.get_coro(), '__qualname__', None) or task.get_name()}()"
            self._fact_labels[task] = label
        return label

    def _loop_now(self):
        """(loop time since the trace's origin, the current task) in the loop's thread, else (None, None)."""
        loop = events._get_running_loop()
        if loop is None or self._origin is None:
            return None, None
        return loop.time() - self._origin, asyncio.current_task(loop)

    def _step_begins(self, task, start):
        self._start_clock(start)
        wait = self._open_waits.pop(task, None)
        cancelling = task.cancelling() if hasattr(task, "cancelling") else 0
        cancelled = cancelling > self._cancels_seen.get(task, 0)
        self._cancels_seen[task] = cancelling
        if wait is not None:
            wait["end"] = start - self._origin
            wait["cancelled"] = cancelled
            wait["end_seq"] = len(self.events)  # what happens from here on happened after this wait ended
        if cancelled:
            self._event("cancel", t=start - self._origin, task=self._label(task))

    def _step_ends(self, task, end):
        label, now = self._label(task), end - self._origin
        if task.done():
            error = None if task.cancelled() else getattr(task, "_exception", None)
            outcome = "cancelled" if task.cancelled() else "raised" if error is not None else "returned"
            self._event("finish", t=now, task=label, outcome=outcome,
                        error=type(error).__name__ if error is not None else None)
            return
        lane = self._by_task.get(task)
        if lane is None or lane.aggregate:  # thousands of tasks: their waits are not facts anyone grades
            return
        wait = self._event("wait", task=label, start=now, end=None, cancelled=False, what=lane.waits[-1][2],
                           chain=await_chain(task))
        if wait is not None:
            self._open_waits[task] = wait

    def _printed(self, text, stream):
        kind = "stderr" if stream is sys.stderr else "stdout" if stream is sys.stdout else "file"
        now, task = self._loop_now()
        *lines, self._partial_lines[kind] = (self._partial_lines.get(kind, "") + text).split("\n")
        for line in lines:
            self._event("print", t=self.now if now is None else now, stream=kind, text=line,
                        task=None if task is None else self._label(task))

    def _timer_fired(self, handle):
        self.lag = max(self.lag, handle._loop.time() - handle.when())

    def _blocking_call(self, name, seconds):
        now, task = self._loop_now()
        if task is not None:  # a thread's blocking call holds its own stack, not the loop
            self._event("call", t=now, task=self._label(task), call=f"{name}({_format_seconds(seconds)})",
                        seconds=seconds)


def await_chain(task):
    """The coroutines a suspended task is awaiting through, outermost first: ['main', 'slow_call', 'sleep']."""
    names, coro = [], task.get_coro()
    while coro is not None and hasattr(coro, "cr_code"):
        names.append(coro.cr_code.co_name)
        coro = coro.cr_await
    return names


# Blocking calls reach the tracer through Python's audit hooks: CPython's time.sleep raises the audit
# event "time.sleep" (3.11+), and so do the sleeps that stand in for it (green_threads.sleep in the
# browser, the virtual clock's in deckkit/demo_runner.py). A hook cannot be removed: one, for the process.
_audited_tracers = []


def _audit(event, args):
    if event == "time.sleep" and _audited_tracers:
        _audited_tracers[-1]._blocking_call("time.sleep", args[0])


sys.addaudithook(_audit)


# -- drawing ------------------------------------------------------------------------------------
WAIT_CHAR_WIDTH = 8.4  # px per character of a 16 px wait label (a half-width monospace)
COLOURS = {"bar": "#ff8f70", "thread": "#c79bff", "wait": "#89c2ff", "text": "#e8f2e8", "axis": "#7d8594",
           "grid": "#2a2f38"}


def _nice_total(total):
    """The axis end: whole seconds, forgiving a live run's few milliseconds past the mark."""
    if total <= 0.5:
        return 0.5
    total -= 0.06
    return float(max(1, math.ceil(total))) if total > 4 else max(1.0, math.ceil(total * 2) / 2)


def render_svg(trace, width=440, lane_height=50, font="Nanum Gothic Coding, monospace"):
    """An SVG timeline: a lane per task, bars where it runs, lines where it waits, ticks in seconds."""
    lanes = trace["lanes"]
    total = _nice_total(trace["total"])
    left, right, top = 16, 18, 4
    axis_height = 30
    height = top + lane_height * max(len(lanes), 1) + axis_height
    span = width - left - right

    def x(t):
        return left + span * min(max(t, 0.0), total) / total

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" font-family="{font}" role="img" '
        f'aria-label="timeline, {trace["total"]:.1f} s">'
    ]
    step = 0.5 if total <= 2 else (1 if total <= 6 else math.ceil(total / 6))
    tick = 0.0
    while tick <= total + 1e-9:
        tx = x(tick)
        out.append(f'<line x1="{tx:.1f}" y1="{top}" x2="{tx:.1f}" y2="{height - axis_height + 4}" stroke="{COLOURS["grid"]}"/>')
        out.append(f'<text x="{tx:.1f}" y="{height - 6}" font-size="16" fill="{COLOURS["axis"]}" text-anchor="middle">{tick:g} s</text>')
        tick += step
    for index, lane in enumerate(lanes):
        y = top + index * lane_height
        mid = y + 29
        end = lane["end"] if lane["end"] is not None else trace["total"]
        kind = ' data-thread="true"' if lane.get("thread") else ""
        bar_colour = COLOURS["thread"] if lane.get("thread") else COLOURS["bar"]
        out.append(f'<g class="lane" data-label="{html.escape(lane["label"])}" data-start="{lane["start"]:.3f}" data-end="{end:.3f}"{kind}>')
        out.append(f'<text x="{x(lane["start"]) + 2:.1f}" y="{y + 16}" font-size="18" fill="{COLOURS["text"]}">{html.escape(lane["label"])}</text>')
        out.append(f'<line x1="{x(lane["start"]):.1f}" y1="{mid:.1f}" x2="{x(end):.1f}" y2="{mid:.1f}" stroke="{COLOURS["wait"]}" stroke-width="2"/>')
        for wait_start, wait_end, what in lane["waits"]:
            wait_end = end if wait_end is None else wait_end
            if x(wait_end) - x(wait_start) > WAIT_CHAR_WIDTH * len(what) + 8:
                cx = (x(wait_start) + x(wait_end)) / 2
                out.append(f'<text x="{cx:.1f}" y="{mid + 19:.1f}" font-size="16" fill="{COLOURS["wait"]}" text-anchor="middle">{html.escape(what)}</text>')
        for step_start, step_end in lane["steps"]:
            bar = max(x(step_end) - x(step_start), 4)
            out.append(f'<rect class="step" x="{x(step_start):.1f}" y="{mid - 8:.1f}" width="{bar:.1f}" height="16" rx="2" fill="{bar_colour}"/>')
        out.append(f'<circle cx="{x(lane["start"]):.1f}" cy="{mid:.1f}" r="3.5" fill="{COLOURS["text"]}"/>')
        if lane["end"] is not None:
            out.append(f'<rect x="{x(lane["end"]) - 1:.1f}" y="{mid - 10:.1f}" width="3" height="20" fill="{COLOURS["text"]}"/>')
        out.append("</g>")
    out.append("</svg>")
    return "".join(out)
