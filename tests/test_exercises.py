"""The exercises' graders under CPython, in loop time (looptime: nothing sleeps).

Each solution passes; each starter fails with its own message; plausible wrong answers
(tests/exercise_answers/<exercise>/*.py) fail with the message that names their mistake.
The grader reads the trace the timeline draws (asyncio_timeline.Tracer), as in the browser.
"""

import contextlib
import io
import re
import runpy

import pytest

from deckkit.demo_runner import no_host_loop
from deckkit.exercises import LANGS, exercises
from deckkit.paths import ROOT
from deckkit.try_check import traced_run  # an answer run as the cell runs it, traced

from _livedeck.asyncio_timeline import Tracer
from _livedeck.grader import SHARED_KEYS, Run, grade

ANSWERS = ROOT / "tests" / "exercise_answers"
BY_NAME = {exercise.name: exercise for exercise in exercises()}

# exercise → the starter's verdict key
STARTERS = {
    "queue_workers": "oneWorker",
    "cancel_task": "notCancelled",
    "concurrent_say_after": "sequential",
    "gather_results": "sequential",
    "unblock_loop": "blocked",
    "timeout_slow_call": "noTimeout",
}
MIN_CORPUS = 30  # answers a learner might write, per exercise: right ones written differently, wrong ones


def corpus():
    """(exercise, answer file, expected key) for every answer: its first line says `# expect: <key>`."""
    found = []
    for path in sorted(ANSWERS.glob("*/*.py")):
        if path.parent.name in BY_NAME:
            first = path.read_text().splitlines()[0]
            assert first.startswith("# expect: "), f"{path}: no expected key on the first line"
            found.append((path.parent.name, path.stem, first.removeprefix("# expect: ").strip()))
    return found


CORPUS = corpus()


def real_time_run(path):
    """The same in real time: a thread's time.sleep takes no loop time under looptime."""
    tracer, stdout = Tracer(), io.StringIO()
    with tracer, no_host_loop(), contextlib.redirect_stdout(stdout):
        runpy.run_path(str(path), run_name="__main__")
    return Run(stdout.getvalue().splitlines(), [], 0, tracer.as_dict(), path.read_text())


def verdict(name, path, lang="en"):
    exercise = BY_NAME[name]
    return grade(exercise.check(), exercise.text(lang)["messages"], traced_run(path))


@pytest.mark.every_demo
def test_every_exercise_has_a_corpus_of_right_and_wrong_answers_with_every_key():
    assert len(BY_NAME) >= 4
    assert set(STARTERS) == set(BY_NAME)
    for name in BY_NAME:
        keys = [key for exercise, _, key in CORPUS if exercise == name]
        assert len(keys) >= MIN_CORPUS, f"{name}: {len(keys)} answers"
        assert keys.count("pass") >= 10 and len(keys) - keys.count("pass") >= 10, name
        # every message the check can give is earned by some answer (but a failing check's own)
        used = set(BY_NAME[name].text("en")["messages"]) - {"error", "busy"}  # busy: see the test below
        assert used <= set(keys), f"{name}: no answer gets {sorted(used - set(keys))}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", sorted(STARTERS))
def test_solution_passes(name, lang):
    result = verdict(name, BY_NAME[name].solution, lang)
    assert (result["verdict"], result["key"]) == ("pass", "pass"), result["message"]


@pytest.mark.parametrize("name", sorted(STARTERS))
def test_starter_fails_with_its_message(name):
    result = verdict(name, BY_NAME[name].starter)
    assert (result["verdict"], result["key"]) == ("fail", STARTERS[name]), result["message"]


def test_starter_messages_say_what_is_wrong_in_loop_time():
    assert verdict("concurrent_say_after", BY_NAME["concurrent_say_after"].starter)["message"] == (
        "3.0 s: the two awaits still run one after the other — see the timeline.")
    assert verdict("concurrent_say_after", BY_NAME["concurrent_say_after"].starter, "ko")["message"] == (
        "3.0초: 두 await가 여전히 하나씩 차례로 실행됩니다 — 타임라인을 보세요.")
    assert verdict("unblock_loop", BY_NAME["unblock_loop"].starter)["message"] == (
        "blocking('A') held the loop for 1.0 s in time.sleep(1), without an await — time.sleep stops every task. "
        "Use await asyncio.sleep(1).")
    assert verdict("unblock_loop", BY_NAME["unblock_loop"].starter, "ko")["message"] == (
        "blocking('A')가 time.sleep(1)로 루프를 1.0초 붙잡았습니다 — time.sleep은 await 없이 모든 태스크를 멈춥니다. "
        "await asyncio.sleep(1)을 쓰세요.")
    assert verdict("timeout_slow_call", BY_NAME["timeout_slow_call"].starter)["message"].startswith("10.0 s:")


@pytest.mark.parametrize(("name", "answer", "key"), CORPUS, ids=[f"{n}/{a}" for n, a, _ in CORPUS])
def test_each_answer_gets_its_verdict_and_the_message_that_names_its_mistake(name, answer, key):
    result = verdict(name, ANSWERS / name / f"{answer}.py")
    assert (result["verdict"], result["key"]) == ("pass" if key == "pass" else "fail", key), result["message"]


@pytest.mark.parametrize("name", sorted(STARTERS))
def test_every_message_key_exists_in_every_language(name):
    keys = [set(BY_NAME[name].text(lang)["messages"]) for lang in LANGS]
    assert keys[0] == keys[1]
    source = BY_NAME[name].check_source
    shared = set()
    for helper, given in SHARED_KEYS.items():  # the grader's helpers give these keys for the check
        if f"run.{helper}(" in source:
            shared |= set(given)
            assert set(given) <= keys[0], f"{name}: messages for the keys of run.{helper}() are missing"
    for key in keys[0] - {"pass"} - shared:
        assert f'"{key}"' in source, f"{name}: message {key!r} is never used by check.py"


def test_to_thread_also_unblocks_the_loop_in_real_time():
    """asyncio.to_thread is the other fix the hints name (1 s of real time: threads sleep for real)."""
    exercise = BY_NAME["unblock_loop"]
    run = real_time_run(ANSWERS / "unblock_loop_real_time" / "to_thread.py")
    result = grade(exercise.check(), exercise.text("en")["messages"], run)
    assert result["verdict"] == "pass", result["message"]
    assert 0.95 <= run.total < 1.5


@pytest.mark.parametrize("name", sorted(STARTERS))
def test_starter_and_solution_fit_a_slide(name):
    from tests.test_demos import MAX_COLUMNS, MAX_LINES, columns

    for path in (BY_NAME[name].starter, BY_NAME[name].solution):
        lines = path.read_text().rstrip("\n").splitlines()
        assert len(lines) <= MAX_LINES, f"{path.name}: {len(lines)} lines"
        assert all(columns(line) <= MAX_COLUMNS for line in lines), path


def test_a_check_that_breaks_never_passes_the_run():
    def broken(run):
        raise ValueError("unforeseen")

    result = grade(broken, {"pass": "ok"}, Run(["x"]))
    assert (result["verdict"], result["key"]) == ("fail", "checkError")  # said by labels.js verdicts
    assert "ValueError: unforeseen" in result["args"][0] and "message" not in result


@pytest.mark.parametrize("messages", [{"pass": "ok"}, {"slow": "{total:.1f} s, {missing}"}, {"slow": "{0}"}],
                         ids=["no message", "a placeholder it lacks", "a positional placeholder"])
def test_a_verdict_without_a_message_that_fits_is_said_by_a_label(messages):
    def slow(run):
        run.fail("slow", ticks=3)

    result = grade(slow, messages, Run(["x"]))
    assert result == {"verdict": "fail", "key": "messageMissing", "args": ["slow", str({"total": 0.0, "ticks": 3})]}


def test_every_message_key_is_camel_case_as_the_labels_are():
    """A verdict's key names it on the cell (data-verdict-key) beside the grader's own (checkError…)."""
    for name, exercise in BY_NAME.items():
        for lang in LANGS:
            assert [key for key in exercise.text(lang)["messages"] if not re.fullmatch(r"[a-z][a-zA-Z0-9]*", key)] == [], name


def test_a_step_that_computes_without_a_blocking_call_is_named_busy():
    """Computing holds the loop too, but takes no virtual time, so no answer of the corpus can show it under
    CPython: a trace as the browser records one (a 0.6 s step, no time.sleep in it)."""
    trace = {"total": 1.6, "lag": 0.0, "events": [], "lanes": [
        {"label": "blocking('A', 0)", "start": 0.0, "end": 1.6, "count": 1, "steps": [[0.0, 0.6], [1.6, 1.6]],
         "waits": [[0.6, 1.6, "sleep(1)"]]}]}
    result = grade(BY_NAME["unblock_loop"].check(), BY_NAME["unblock_loop"].text("en")["messages"], Run([], trace=trace))
    assert (result["key"], result["message"]) == ("busy", "blocking('A') computed for 0.6 s without an await, holding "
                                                  "the loop — meanwhile every other task stops.")


def test_the_readme_names_everything_a_check_can_ask_run_for():
    """README, 'Add an exercise': its table of what `run` offers names each public method and property of
    grader.Run (a maintainer writing a check reads that table, not grader.py)."""
    readme = (ROOT / "README.md").read_text()
    table = readme[readme.index("What `run` offers a check"):readme.index("A lane is a dict")]
    public = [name for name in vars(Run) if not name.startswith("_")]
    assert len(public) > 20 and [name for name in public if f"`{name}" not in table] == []
