"""A learner alone with the deck, in a real browser: exercises graded after a run (in the worker, from
the run's output and timeline), hints and the solution, and edits that survive a reload."""

import json
import re

import pytest

from deckkit.deck_driver import DeckDriver
from deckkit.exercises import exercises
from tests.test_slides_render import _OVERFLOWS

pytestmark = pytest.mark.browser

EXERCISE = "concurrent_say_after"
DEMO = "say_after_tasks"


def seconds(message):
    """The loop time a verdict's message starts with: "✘ 3.0초: …" → 3.0."""
    return float(re.match(r"[✔✘] (\d+\.\d)(초| s)", message).group(1))


def test_starter_fails_with_its_message_then_the_solution_passes(deck):
    cell = deck.show(EXERCISE)
    assert cell.get_attribute("data-exercise") == EXERCISE
    assert deck.run(EXERCISE) == "done"
    state, message = deck.verdict(EXERCISE)
    assert state == "fail"
    assert "두 await가 여전히 하나씩 차례로 실행됩니다" in message
    # The browser's loop time is real time: 3 s, and a little more on a loaded machine.
    assert 2.95 <= seconds(message) <= 3.5, message

    deck.click(EXERCISE, "solution")
    assert "asyncio.create_task" in deck.code(EXERCISE)
    assert deck.run(EXERCISE) == "done"
    state, message = deck.verdict(EXERCISE)
    assert state == "pass", message
    assert 1.95 <= seconds(message) <= 2.5 and "통과" in message, message
    assert "hello" in deck.output(EXERCISE) and "world" in deck.output(EXERCISE)


def test_a_verdict_its_exercise_cannot_say_is_said_in_the_decks_language(deck):
    """The check names a key its messages lack (check.py and exercise.toml disagree): the run still fails,
    and the page says why in Korean (labels.js verdicts), never a raw key or an English string."""
    deck.show(EXERCISE)
    deck.page.evaluate(f"delete window.liveDeck.cell('{EXERCISE}').request.grader.messages.sequential")
    assert deck.run(EXERCISE) == "done"  # the starter: its awaits one after the other
    state, message = deck.verdict(EXERCISE)
    assert state == "fail"
    assert message.startswith("✘ “sequential” ({'total': ") and "에 맞는 메시지가 없습니다" in message, message


def test_a_check_that_raises_on_a_run_is_said_in_the_decks_language(deck):
    """What the build cannot see: a check that raises on some run (IndexError). The run does not pass, and
    the page says so in Korean (labels.js verdicts.checkError) with the check's error; README, 'Add an
    exercise', says to run that answer through deckkit.try_check to see where."""
    deck.show(EXERCISE)
    check = "def check(run):\\n    return run.stdout[99]\\n"
    deck.page.evaluate(f"window.liveDeck.cell('{EXERCISE}').request.grader.check = '{check}'")
    assert deck.run(EXERCISE) == "done"
    state, message = deck.verdict(EXERCISE)
    assert (state, deck.cell(EXERCISE).get_attribute("data-verdict-key")) == ("fail", "checkError")
    assert message == "✘ 이 실행에서 문제의 채점 코드가 실패했습니다 (check.py: IndexError: list index out of range): " \
                      "판정하지 못했습니다.", message


def test_hints_show_one_more_at_each_click_and_the_earlier_ones_stay(deck):
    cell = deck.show("gather_results")
    hints = cell.locator("[data-role=hints] li")
    assert hints.count() == 3
    shown = lambda: [hints.nth(i).is_visible() for i in range(hints.count())]  # noqa: E731
    assert shown() == [False, False, False]
    deck.click("gather_results", "hint")
    assert shown() == [True, False, False]
    deck.click("gather_results", "hint")
    assert shown() == [True, True, False]  # the next hint, under the first
    assert cell.locator("[data-action=hint]").text_content() == "힌트 2/3"
    deck.click("gather_results", "hint")
    assert shown() == [True, True, True]
    assert "asyncio.gather(say_after(2, 'hello')" in hints.nth(2).text_content()
    assert cell.get_attribute("data-hints-shown") == "3"
    assert cell.locator("[data-action=hint]").is_disabled()
    # With every hint, the output, the timeline and the verdict, the slide still holds it all
    # (tests/test_cell_layout.py measures every state of every cell).
    assert deck.run("gather_results") == "done"
    assert cell.get_attribute("data-verdict") == "fail"
    assert deck.page.evaluate(_OVERFLOWS)["problems"] == []


def test_a_wrong_answer_gets_its_specific_message_in_english(page, base_url):
    deck = DeckDriver.open(page, base_url, "asyncio.en").wait_python_ready()
    deck.show("gather_results")
    code = deck.code("gather_results")
    wrong = code.replace(
        "    results = []\n    for delay, what in [(2, 'hello'), (1, 'world')]:\n"
        "        results.append(await say_after(delay, what))\n",
        "    results = []\n    calls = [say_after(2, 'hello'), say_after(1, 'world')]\n"
        "    for next_done in asyncio.as_completed(calls):\n        results.append(await next_done)\n",
    )
    assert wrong != code
    deck.set_code("gather_results", wrong)
    assert deck.run("gather_results") == "done"
    state, message = deck.verdict("gather_results")
    assert state == "fail"
    assert "['WORLD', 'HELLO']: collected in the order they finished" in message


def test_the_blocking_starter_is_caught_blocking_the_loop(deck):
    assert deck.run("unblock_loop") == "done"
    state, message = deck.verdict("unblock_loop")
    assert state == "fail"
    assert re.search(r"blocking\('A'\)가 time\.sleep\(1\)로 루프를 1\.[0-2]초 붙잡았습니다", message), message


# A sample of the corpus (tests/exercise_answers/, all of it graded under CPython by test_exercises.py),
# right and wrong answers per exercise, short to run: the worker's verdict and key are CPython's.
BROWSER_SAMPLE = [
    ("concurrent_say_after", "task_then_await_the_other"),
    ("concurrent_say_after", "blocking_sleep_with_gather"),
    ("gather_results", "labelled_print"),
    ("gather_results", "done_set"),
    ("cancel_task", "polling"),
    ("cancel_task", "except_exception"),
    ("timeout_slow_call", "timeout_at"),
    ("timeout_slow_call", "timeout_one_point_four"),
    ("timeout_slow_call", "wait_for_not_awaited"),
    ("unblock_loop", "two_half_sleeps"),
    ("unblock_loop", "ten_blocking_sleeps"),
    ("queue_workers", "task_done_join"),
    ("queue_workers", "three_workers"),
]


def test_a_sample_of_the_corpus_gets_the_verdicts_cpython_gives(page, base_url):
    from tests.test_exercises import ANSWERS, CORPUS

    expected = {(name, answer): key for name, answer, key in CORPUS}
    deck = DeckDriver.open(page, base_url, "asyncio.en").wait_python_ready()
    got = {}
    for name, answer in BROWSER_SAMPLE:
        deck.show(name)
        deck.set_code(name, (ANSWERS / name / f"{answer}.py").read_text())
        assert deck.run(name) in ("done", "error"), (name, answer)  # an uncaught error ends a run in "error"
        state, message = deck.verdict(name)
        got[(name, answer)] = (state, deck.cell(name).get_attribute("data-verdict-key"), message)
    want = {sample: ("pass" if expected[sample] == "pass" else "fail", expected[sample]) for sample in BROWSER_SAMPLE}
    assert {sample: found[:2] for sample, found in got.items()} == want, got


def test_an_edit_survives_a_reload_and_reset_forgets_it(page, base_url):
    deck = DeckDriver.open(page, base_url, "asyncio.ko").wait_python_ready()
    cell = deck.show(DEMO)
    assert cell.get_attribute("data-edited") is None
    edited = deck.code(DEMO).replace("'hello'", "'안녕'")
    deck.set_code(DEMO, edited)
    assert cell.get_attribute("data-edited") == ""

    page.reload()
    deck.wait_python_ready()
    cell = deck.show(DEMO)
    assert cell.get_attribute("data-edited") == ""
    assert cell.locator("[data-role=edited]").is_visible()
    assert deck.code(DEMO) == edited
    assert "'안녕'" in cell.locator(".cell-editor").text_content()  # what the learner sees
    assert deck.run(DEMO) == "done"
    assert "안녕" in deck.output(DEMO)

    deck.click(DEMO, "reset")
    assert cell.get_attribute("data-edited") is None
    original = deck.original_code(DEMO)
    assert deck.code(DEMO) == original
    page.reload()
    deck.wait_python_ready()
    assert deck.code(DEMO) == original
    assert deck.cell(DEMO).get_attribute("data-edited") is None


def test_an_edit_persists_in_a_new_tab_per_deck(page, base_url):
    deck = DeckDriver.open(page, base_url, "asyncio.ko").wait_python_ready()
    deck.show(DEMO)
    edited = deck.code(DEMO) + "print('mine')\n"
    deck.set_code(DEMO, edited)
    other = page.context.new_page()
    reopened = DeckDriver.open(other, base_url, "asyncio.ko").wait_python_ready()
    assert reopened.code(DEMO) == edited
    english = DeckDriver.open(other, base_url, "asyncio.en").wait_python_ready()  # another deck: its own edits
    assert english.code(DEMO) != edited
    assert english.cell(DEMO).get_attribute("data-edited") is None


def test_an_edit_of_older_code_is_set_aside_with_a_note_and_comes_back(page, base_url):
    deck = DeckDriver.open(page, base_url, "asyncio.ko").wait_python_ready()
    # An edit kept from a version of the demo that is no longer the slide's code.
    old = {"code": "print('my old edit')\n", "original": "00000000", "savedAt": 0}
    key = page.evaluate("location.pathname") + f"#{DEMO}"
    page.evaluate("([key, value]) => localStorage.setItem('asyncio-live:edit:' + key, value)", [key, json.dumps(old)])
    page.reload()
    deck.wait_python_ready()
    cell = deck.show(DEMO)
    original = deck.original_code(DEMO)
    assert deck.code(DEMO) == original  # the new code shows
    note = cell.locator("[data-role=edit-note]")
    assert "예전에 고친 코드는 따로 두었습니다" in note.text_content()
    assert cell.get_attribute("data-edited") is None
    page.reload()  # still there after another reload, until brought back
    deck.wait_python_ready()
    cell = deck.show(DEMO)
    cell.locator("[data-action=restore-edit]").click()
    assert deck.code(DEMO) == old["code"]
    assert cell.get_attribute("data-edited") == ""
    assert cell.locator("[data-role=edit-note]").count() == 0
    page.reload()
    deck.wait_python_ready()
    assert deck.code(DEMO) == old["code"]
    assert deck.cell(DEMO).locator("[data-role=edit-note]").count() == 0


@pytest.mark.every_demo
def test_every_exercise_is_on_both_decks(page, base_url):
    for name in ("asyncio.ko", "asyncio.en"):
        page.goto(f"{base_url}{name}.html")
        shown = page.eval_on_selector_all(".live-cell[data-exercise]", "cells => cells.map(c => c.dataset.exercise)")
        assert sorted(shown) == sorted(exercise.name for exercise in exercises())


@pytest.mark.parametrize("name", sorted(exercise.name for exercise in exercises()))
def test_each_solution_passes_in_the_browser(page, base_url, name):
    """Pyodide runs the (English) solution and the worker's grader passes it, as CPython's did."""
    deck = DeckDriver.open(page, base_url, "asyncio.en").wait_python_ready()
    deck.show(name)
    deck.click(name, "solution")
    assert deck.run(name) == "done"
    state, message = deck.verdict(name)
    assert state == "pass", message
    assert "Passed!" in message
