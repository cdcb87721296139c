"""The exercises' graders under CPython, in loop time (looptime: nothing sleeps).

Each solution passes; each starter fails with its own message; plausible wrong answers
(tests/exercise_answers/<exercise>/*.py) fail with the message that names their mistake.
The grader reads the trace the timeline draws (asyncio_timeline.Tracer), as in the browser.
"""

import contextlib
import io
import runpy

import pytest

from deckkit.demo_runner import no_host_loop, run_file
from deckkit.exercises import LANGS, exercises
from deckkit.paths import ROOT

from _livedeck.asyncio_timeline import Tracer
from _livedeck.grader import Run, grade

ANSWERS = ROOT / "tests" / "exercise_answers"
BY_NAME = {exercise.name: exercise for exercise in exercises()}

# exercise → the starter's verdict key
STARTERS = {
    "cancel_task": "not_cancelled",
    "concurrent_say_after": "sequential",
    "gather_results": "sequential",
    "unblock_loop": "blocked",
    "timeout_slow_call": "no_timeout",
}

# (exercise, answer file) → (key, a piece of the English message that names the mistake)
ANSWERS_EXPECTED = {
    ("cancel_task", "cancel_not_awaited"): ("not_awaited", "2.5 s: cancel() only asks"),
    ("cancel_task", "cancelled_error_escapes"): ("uncaught", "the CancelledError escaped main"),
    ("cancel_task", "cancelled_too_early"): ("ticks", "0 ticks were printed"),
    ("cancel_task", "wait_for"): ("pass", "cancelled after three ticks"),
    ("cancel_task", "try_await_task"): ("pass", "waited until it stopped"),
    ("concurrent_say_after", "gather"): ("pass", "2.0 s: hello and world waited together"),
    ("concurrent_say_after", "task_awaited_at_once"): ("one_at_a_time", "3.0 s: there are tasks now"),
    ("concurrent_say_after", "tasks_never_awaited"): ("not_awaited", "0.0 s: main finished before"),
    ("concurrent_say_after", "delays_swapped"): ("output", "hello, then world"),
    ("concurrent_say_after", "longer_delay"): ("slow", "3.0 s: that took longer than 2 s"),
    ("concurrent_say_after", "gather_unawaited_name"): ("error", "NameError: name 'say_afer' is not defined"),
    ("gather_results", "as_completed"): ("finish_order", "['WORLD', 'HELLO']: collected in the order they finished"),
    ("gather_results", "gather_not_printed"): ("no_results", "Print what gather returns"),
    ("gather_results", "gather_awaited_one_by_one"): ("one_at_a_time", "3.0 s: each call is waited for on its own"),
    ("gather_results", "tasks_in_order"): ("pass", "['HELLO', 'WORLD']"),
    ("unblock_loop", "sleep_zero_first"): ("blocked", "held the loop for 1.0 s without an await"),
    ("unblock_loop", "sleep_not_awaited"): ("not_awaited", "B ends at 0.0 s: it ended without waiting"),
    ("unblock_loop", "awaited_one_after_the_other"): ("one_at_a_time", "B ends at 2.0 s: nothing blocks"),
    ("unblock_loop", "prints_no_times"): ("output", "Two lines should be printed: A ends at"),
    ("timeout_slow_call", "timeout_not_caught"): ("uncaught", "1.0 s: the timeout fired, but nothing caught"),
    ("timeout_slow_call", "wait_for_too_long"): ("too_long", "3.0 s: that waited longer than 1 s"),
    ("timeout_slow_call", "wait_for"): ("pass", "gave up after 1 s"),
    ("timeout_slow_call", "wrong_message"): ("output", "The last line is 'too slow'"),
    ("timeout_slow_call", "never_calls_slow_call"): ("not_called", "1.0 s: slow_call was never called"),
}


def learner_run(path):
    """Run a learner's script as the cell would, traced like the timeline."""
    tracer = Tracer()
    with tracer:
        transcript = run_file(path)
    return Run(transcript.stdout.splitlines(), transcript.stderr.splitlines(), transcript.status, tracer.as_dict())


def real_time_run(path):
    """The same in real time: a thread's time.sleep takes no loop time under looptime."""
    tracer, stdout = Tracer(), io.StringIO()
    with tracer, no_host_loop(), contextlib.redirect_stdout(stdout):
        runpy.run_path(str(path), run_name="__main__")
    return Run(stdout.getvalue().splitlines(), [], 0, tracer.as_dict())


def verdict(name, path, lang="en"):
    exercise = BY_NAME[name]
    return grade(exercise.check(), exercise.text(lang)["messages"], learner_run(path))


def test_every_exercise_has_a_starter_expectation_and_at_least_two_wrong_answers():
    assert len(BY_NAME) >= 4
    assert set(STARTERS) == set(BY_NAME)
    for name in BY_NAME:
        wrong = [answer for (exercise, answer), (key, _) in ANSWERS_EXPECTED.items() if exercise == name and key != "pass"]
        assert len(wrong) >= 2, name
    files = {(path.parent.name, path.stem) for path in ANSWERS.glob("*/*.py") if path.parent.name in BY_NAME}
    assert files == set(ANSWERS_EXPECTED), "an answer file without expectation (or the reverse)"


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
        "blocking('A') held the loop for 1.0 s without an await — time.sleep stops every task.")
    assert verdict("timeout_slow_call", BY_NAME["timeout_slow_call"].starter)["message"].startswith("10.0 s:")


@pytest.mark.parametrize(("name", "answer"), sorted(ANSWERS_EXPECTED))
def test_answer_gets_the_specific_message(name, answer):
    key, words = ANSWERS_EXPECTED[(name, answer)]
    result = verdict(name, ANSWERS / name / f"{answer}.py")
    assert result["key"] == key, result["message"]
    assert result["verdict"] == ("pass" if key == "pass" else "fail")
    assert words in result["message"]


@pytest.mark.parametrize("name", sorted(STARTERS))
def test_every_message_key_exists_in_every_language(name):
    keys = [set(BY_NAME[name].text(lang)["messages"]) for lang in LANGS]
    assert keys[0] == keys[1]
    source = BY_NAME[name].check_source
    for key in keys[0] - {"pass"}:
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
