"""Judge a learner's run of an exercise: by its output, its loop time and the shape of its timeline.

One module for both runtimes: the browser worker calls ``grade`` after an exercise cell ran (with
the lines the cell printed and the trace the live timeline drew), and the tests call it under
CPython in virtual loop time (tests/test_exercises.py). Everything is read in loop time, from the
same trace as the timeline (asyncio_timeline.Tracer.as_dict()), so no verdict depends on how fast
the machine is.

An exercise's check (demos/exercises/<name>/check.py) is language-neutral: ``check(run)`` returns
when the run passes, or calls ``run.fail(key, **values)``; the exercise's messages
(exercise.toml, one table per language) turn the key into a sentence in the deck's language, a Korean
particle after a value fitted to it (korean.py: 종료 코드 3으로, 1로).

A check states its task precisely over facts from the trace (asyncio_timeline.Tracer's "events"): what
each task printed and when, when it waited and down which coroutines, when a cancellation reached it,
how it finished, which blocking call held the loop. Times are loop time, judged with ``near``: a timer
never fires early, a busy browser fires it late, so a moment counts from EARLY s before to LATE s after —
and later still by as much as the run's timers fired late at worst (the trace's "lag"; 0 under CPython's
virtual time).
"""

import ast
import collections
import json
import re

from .korean import format_message

BLOCKING_STEP = 0.5  # s: a task step this long held the loop — nothing else could run meanwhile
BLOCKING_CALLS = 0.1  # s: blocking calls (time.sleep) on the loop adding up to this held it
EARLY, LATE = 0.05, 0.15  # s of loop time: the tolerance around a moment a task names ("at 1 s")
NEVER_AWAITED = re.compile(r"RuntimeWarning: coroutine '([\w.<>]+)' was never awaited")
# The keys the shared helpers below fail with, each with the values it fills besides total: an exercise
# whose check calls a helper needs a message for each key (deckkit/deck_check.py fails the build without).
# fail_if_cancelled also fails with the key its check passes for a dropped task, which fills no value.
SHARED_KEYS = {
    "fail_if_loop_misused": {"neverAwaited": {"coroutine"}, "neverRun": {"coroutine"},
                             "blocked": {"task", "seconds", "call"}, "busy": {"task", "seconds", "call"}},
    "fail_if_cancelled": {"cancelled": {"task", "at"}},
}


class Failed(Exception):
    def __init__(self, key, values):
        super().__init__(key)
        self.key, self.values = key, values


class Run:
    """What a run left behind: printed lines, exit status and the event-loop trace."""

    def __init__(self, stdout, stderr=(), status=0, trace=None, source=""):
        self.stdout = [line for line in stdout]
        self.stderr = [line for line in stderr]
        self.status = status
        self.trace = trace or {"total": 0.0, "lanes": []}
        self.source = source  # the code that ran: a few mistakes show only there (a set's order)
        self.events = [dict(event, seq=seq) for seq, event in enumerate(self.trace.get("events", []))]

    @property
    def total(self):
        """Loop time from the first task step to the last, in seconds."""
        return self.trace["total"]

    @property
    def error(self):
        """The exception's last line ("TimeoutError", "NameError: name 'x' …"), or None."""
        lines = [line for line in self.stderr if line.strip() and not line.startswith(" ")]
        return lines[-1] if self.status and lines else None

    def lanes(self, prefix=""):
        """The timeline's lanes whose label starts with *prefix*: "say_after(" → one per task."""
        return [lane for lane in self.trace["lanes"] if lane["label"].startswith(prefix)]

    def line(self, prefix):
        """The last printed line that starts with *prefix*, or None."""
        return next((line for line in reversed(self.stdout) if line.startswith(prefix)), None)

    def waited_on(self, what):
        """Whether some task waited on *what* ("sleep(10)", "gather", a task's label) at an await."""
        return any(wait[2] == what for lane in self.trace["lanes"] for wait in lane["waits"])

    @staticmethod
    def number(line):
        """The first number in *line* ("B ends at 1.0 s" → 1.0), or None."""
        match = re.search(r"-?\d+(?:\.\d+)?", line or "")
        return float(match.group()) if match else None

    @staticmethod
    def overlap(a, b):
        """Seconds two lanes were both alive (between their first step and their end)."""
        end_a = a["end"] if a["end"] is not None else a["start"]
        end_b = b["end"] if b["end"] is not None else b["start"]
        return max(0.0, min(end_a, end_b) - max(a["start"], b["start"]))

    def task_lanes(self):
        """The lanes of tasks: a thread's lane (asyncio.to_thread, executors) runs beside the loop, never on it."""
        return [lane for lane in self.trace["lanes"] if not lane.get("thread")]

    def longest_step(self):
        """(lane label, seconds) of the longest time one task held the loop without an await."""
        steps = [(end - start, lane["label"]) for lane in self.task_lanes() for start, end in lane["steps"]]
        seconds, label = max(steps, default=(0.0, None))
        return label, seconds

    def blocked(self):
        """(lane label, seconds) of the first step that held the loop ≥ BLOCKING_STEP, or None."""
        steps = sorted((start, end - start, lane["label"]) for lane in self.task_lanes()
                       for start, end in lane["steps"] if end - start >= BLOCKING_STEP)
        return (steps[0][2], steps[0][1]) if steps else None

    def fail(self, key, **values):
        raise Failed(key, {"total": self.total, **values})

    # -- facts, from the tracer's events ----------------------------------------------------------
    def near(self, moment, target):
        """Whether *moment* (loop time) is *target*, give or take the stated tolerance (EARLY, LATE, and the
        lag of the run's timers)."""
        return moment is not None and target - EARLY <= moment <= target + LATE + self.trace.get("lag", 0.0)

    def right_after(self, earlier, later):
        """Whether event *later* happened after *earlier*, waiting for nothing in between: within LATE (and
        the timers' lag) — in real time a busy machine takes that long between two steps."""
        return later["seq"] > earlier["seq"] and later["t"] - earlier["t"] <= LATE + self.trace.get("lag", 0.0)

    def prints(self, text=None, startswith=None, stream="stdout"):
        """What was printed, line by line, as events: {"t", "task", "text", "seq"}; only *text*, or lines
        that start with *startswith*, when given."""
        return [event for event in self.events if event["kind"] == "print" and event["stream"] == stream
                and (text is None or event["text"].strip() == text)
                and (startswith is None or event["text"].startswith(startswith))]

    def printed(self, text=None, startswith=None):
        """The first line printed as *text* (or starting with *startswith*), as an event, or None."""
        found = self.prints(text, startswith)
        return found[0] if found else None

    def waits(self, through):
        """The waits at an await down coroutine *through* ("say_after"), in any task: {"task", "start",
        "end", "cancelled", "what", "chain", "end_seq"}; a wait still open at the end ends then."""
        found = []
        for event in self.events:
            if event["kind"] == "wait" and through in event["chain"]:
                if event["end"] is None:
                    event = dict(event, end=self.total, end_seq=len(self.events))
                found.append(event)
        return found

    def finishes(self, task):
        """How tasks running coroutine *task* ("ticker") finished: {"t", "outcome", "error", "seq"}."""
        return [event for event in self.events if event["kind"] == "finish" and event["task"].startswith(f"{task}(")]

    def cancels(self, task):
        """When a cancellation reached a task running coroutine *task*."""
        return [event for event in self.events if event["kind"] == "cancel" and event["task"].startswith(f"{task}(")]

    def never_awaited(self):
        """The coroutines Python warned were never awaited ("RuntimeWarning: coroutine 'sleep' was …")."""
        return [match.group(1).rsplit(".", 1)[-1] for match in map(NEVER_AWAITED.search, self.stderr) if match]

    def blocking(self):
        """{"task", "seconds", "call"} for the first task whose blocking calls held the loop BLOCKING_CALLS s
        in all ("time.sleep(0.1) ×10"); else for the first step of BLOCKING_STEP s or more, with "call" None
        (it computed); else None."""
        calls = collections.defaultdict(list)
        for event in self.events:
            if event["kind"] == "call":
                calls[event["task"]].append(event)
        for task, made in calls.items():
            seconds = sum(event["seconds"] for event in made)
            if seconds >= BLOCKING_CALLS:
                (call, count), = collections.Counter(event["call"] for event in made).most_common(1)
                return {"task": task, "seconds": seconds, "call": call if count == 1 else f"{call} ×{count}"}
        blocked = self.blocked()
        return {"task": blocked[0], "seconds": blocked[1], "call": None} if blocked else None

    def _main_ended(self):
        """When (the event's seq) the run's main task — the first lane, the one asyncio.run runs — returned, or None."""
        main = self.trace["lanes"][0]["label"] if self.trace["lanes"] else None
        return next((event["seq"] for event in self.events if event["kind"] == "finish" and event["task"] == main),
                    None)

    def dropped(self, task):
        """Whether a task running coroutine *task* was left running when the run's main task (the first lane)
        returned, so asyncio.run cancelled it at the end: never awaited to its end."""
        ended = self._main_ended()
        return any(ended is None or cancel["seq"] > ended for cancel in self.cancels(task))

    def cut_short(self, task):
        """The cancellation that the code itself sent to a task running coroutine *task* (a timeout,
        task.cancel()) while the run still went on — {"t", "task", "seq"} — or None."""
        ended = self._main_ended()
        return next((cancel for cancel in self.cancels(task) if ended is not None and cancel["seq"] < ended), None)

    def one_after_the_other(self, through):
        """(the waits at a sleep down coroutine *through*, in order), and whether the second began only
        when the first had ended: two calls of it awaited in turn."""
        waits = sorted((wait for wait in self.waits(through) if wait["what"].startswith("sleep(")),
                       key=lambda wait: wait["start"])
        return waits, len(waits) >= 2 and waits[1]["start"] >= waits[0]["end"] - EARLY

    def fail_if_loop_misused(self, name=lambda task: task):
        """The mistakes every exercise shares, in the order that explains the rest: a coroutine never
        awaited (key neverAwaited; neverRun when no loop ran at all: main() without asyncio.run), a
        blocking call holding the loop (blocked), a step computing as long
        (busy). *name* shortens a task's name for the message."""
        for coroutine in self.never_awaited():
            # no task ever ran: the coroutine was main(), called without asyncio.run
            self.fail("neverAwaited" if self.trace["lanes"] else "neverRun", coroutine=f"{coroutine}()")
        block = self.blocking()
        if block:
            self.fail("blocked" if block["call"] else "busy", **dict(block, task=name(block["task"])))

    def fail_if_cancelled(self, task, dropped, name=lambda task: task):
        """A task running coroutine *task* that a cancellation stopped: left running when main returned, so
        asyncio.run cancelled it (key *dropped*: await it), or cancelled by the code meanwhile, by a timeout too
        short or a cancel() (key cancelled, with the task and when)."""
        if self.dropped(task):
            self.fail(dropped)
        cut = self.cut_short(task)
        if cut:
            self.fail("cancelled", task=name(cut["task"]), at=cut["t"])

    # -- facts, from the code (what no trace shows: the order a set happens to iterate in) -----------
    def _tree(self):
        try:
            return ast.parse(self.source)
        except (SyntaxError, ValueError):
            return ast.Module(body=[], type_ignores=[])

    def iterates_done_set(self):
        """Whether the code iterates the ``done`` set ``asyncio.wait`` returned (its order is the set's,
        neither the order passed nor the order finished): ``done, _ = await asyncio.wait(…)`` then
        ``for t in done`` or ``[t.result() for t in done]``."""
        tree, names = self._tree(), set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Await):
                call = node.value.value
                if isinstance(call, ast.Call) and getattr(call.func, "attr", getattr(call.func, "id", "")) == "wait":
                    target = node.targets[0]
                    first = target.elts[0] if isinstance(target, ast.Tuple) and target.elts else target
                    if isinstance(first, ast.Name):
                        names.add(first.id)
        iterated = [node.iter for node in ast.walk(tree) if isinstance(node, (ast.For, ast.comprehension))]
        iterated += [node.args[0] for node in ast.walk(tree) if isinstance(node, ast.Call) and node.args
                     and getattr(node.func, "id", "") in ("list", "tuple", "iter", "next")]
        return any(isinstance(node, ast.Name) and node.id in names for node in iterated)

    def catches_around_await(self, exception):
        """Whether an ``except <exception>:`` (a name, or a tuple holding it) guards an ``await``."""
        def names(node):
            if isinstance(node, ast.Tuple):
                return [name for element in node.elts for name in names(element)]
            return [getattr(node, "attr", getattr(node, "id", None))]

        return any(isinstance(node, ast.Try) and any(isinstance(inner, ast.Await) for statement in node.body
                                                     for inner in ast.walk(statement))
                   and any(handler.type is not None and exception in names(handler.type) for handler in node.handlers)
                   for node in ast.walk(self._tree()))


def load_check(source, filename="check.py"):
    namespace = {"__name__": "exercise_check", "__file__": filename}
    exec(compile(source, filename, "exec"), namespace)
    return namespace["check"]


def grade(check, messages, run):
    """{"verdict": "pass"|"fail", "key": …, "message": …} for *run*, in the language of *messages*.
    Where the exercise cannot say, {"verdict", "key", "args"}: the page says labels.js ``verdicts[key]``
    with *args*, in the deck's language."""
    try:
        check(run)
        key, values, verdict = "pass", {"total": run.total}, "pass"
    except Failed as failed:
        key, values, verdict = failed.key, failed.values, "fail"
    except Exception as error:  # a check that did not foresee this run: say so, never pass it
        return {"verdict": "fail", "key": "checkError", "args": [f"check.py: {type(error).__name__}: {error}"]}
    try:
        return {"verdict": verdict, "key": key, "message": format_message(messages[key], values)}
    except (KeyError, IndexError, ValueError):  # the check and the messages disagree: say so, do not guess
        return {"verdict": verdict, "key": "messageMissing", "args": [key, str(values)]}


def grade_json(request, trace):
    """The worker's entry: the run's printed lines, status and exercise as JSON, its trace (the dict
    live_runtime kept); the verdict as JSON."""
    request = json.loads(request)
    run = Run(request["stdout"], request["stderr"], request["status"], trace, request.get("source", ""))
    return json.dumps(grade(load_check(request["check"]), request["messages"], run), ensure_ascii=False)
