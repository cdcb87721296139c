"""Judge a learner's run of an exercise: by its output, its loop time and the shape of its timeline.

One module for both runtimes: the browser worker calls ``grade`` after an exercise cell ran (with
the lines the cell printed and the trace the live timeline drew), and the tests call it under
CPython in virtual loop time (tests/test_exercises.py). Everything is read in loop time, from the
same trace as the timeline (asyncio_timeline.Tracer.as_dict()), so no verdict depends on how fast
the machine is.

An exercise's check (demos/exercises/<name>/check.py) is language-neutral: ``check(run)`` returns
when the run passes, or calls ``run.fail(key, **values)``; the exercise's messages
(exercise.toml, one table per language) turn the key into a sentence in the deck's language.
"""

import json
import re

BLOCKING_STEP = 0.5  # s: a task step this long held the loop — nothing else could run meanwhile


class Failed(Exception):
    def __init__(self, key, values):
        super().__init__(key)
        self.key, self.values = key, values


class Run:
    """What a run left behind: printed lines, exit status and the event-loop trace."""

    def __init__(self, stdout, stderr=(), status=0, trace=None):
        self.stdout = [line for line in stdout]
        self.stderr = [line for line in stderr]
        self.status = status
        self.trace = trace or {"total": 0.0, "lanes": []}

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
        return {"verdict": verdict, "key": key, "message": messages[key].format(**values)}
    except (KeyError, IndexError, ValueError):  # the check and the messages disagree: say so, do not guess
        return {"verdict": verdict, "key": "messageMissing", "args": [key, str(values)]}


def grade_json(request, trace):
    """The worker's entry: the run's printed lines, status and exercise as JSON, its trace (the dict
    live_runtime kept); the verdict as JSON."""
    request = json.loads(request)
    run = Run(request["stdout"], request["stderr"], request["status"], trace)
    return json.dumps(grade(load_check(request["check"]), request["messages"], run), ensure_ascii=False)
