"""The cell's keyboard: input() and sys.stdin read what the presenter types in the output panel, with real
keys in a real browser. The prompt prints where CPython prints it, the typed line shows as a terminal
echoes it, Ctrl+D is an end of file, a read blocks only its own thread, both windows show the read and
either answers it, Stop ends it, and compat mode says why it cannot. What the program itself prints is
compared with CPython's own output for the same keys fed to its stdin (a pipe echoes nothing: the deck's
output is CPython's plus the echoed lines)."""

import subprocess
import sys

import pytest

from deckkit.deck_driver import DeckDriver
from deckkit.paths import DIST
from tests.test_two_windows import open_pair

pytestmark = pytest.mark.browser

SCRATCH = "await_coroutine"  # a cell whose code these tests replace
OTHER = "say_after_tasks"  # another cell, on another slide
SHOTS = DIST / "shots" / "keyboard"

_FOCUSED = "document.activeElement?.dataset.role ?? document.activeElement?.className ?? ''"


def cpython(code, stdin):
    """CPython's stdout and stderr lines for *code* with *stdin* piped in."""
    done = subprocess.run([sys.executable, "-c", code], input=stdin, capture_output=True, text=True, timeout=30)
    return done.stdout.split("\n"), done.stderr.splitlines()


def stdout(deck, name=SCRATCH):
    return [line.text for line in deck.lines(name) if line.stream == "stdout"]


def field(deck, name=SCRATCH):
    return deck.cell(name).locator("[data-role=stdin]")


def wait_read(deck, prompt=None, name=SCRATCH, timeout=10_000):
    """Until the cell waits for a line (with *prompt* beside the field); returns the read's id."""
    deck.page.wait_for_function(
        """([name, prompt]) => {
             const root = document.querySelector(`.live-cell[data-demo="${name}"]`)
             const shown = root.querySelector('[data-role=stdin-prompt]')
             return 'reading' in root.dataset && (prompt === null || shown?.textContent === prompt)
           }""",
        arg=[name, prompt],
        timeout=timeout,
    )
    return field(deck, name).get_attribute("data-read")


def wait_no_read(deck, name=SCRATCH, timeout=5_000):
    deck.page.wait_for_function(
        "(name) => !('reading' in document.querySelector(`.live-cell[data-demo=\"${name}\"]`).dataset)",
        arg=name,
        timeout=timeout,
    )


def answer(deck, text):
    deck.page.keyboard.type(text)
    deck.page.keyboard.press("Enter")


def start(deck, code, name=SCRATCH):
    """Show the cell, put *code* in, and run it from the keyboard: a click into the code, Ctrl+Enter."""
    deck.show(name)
    deck.set_code(name, code)
    deck.cell(name).locator(".cm-line").last.click()
    deck.page.keyboard.press("Control+Enter")
    deck.wait_state(name, "running", "done", "error")


def test_two_lines_typed_from_the_keyboard_with_prompts_and_echoes_where_a_terminal_shows_them(deck, page):
    code = "print('hello')\nname = input('name? ')\nage = input('age? ')\nprint(f'{name} is {age}')\n"
    start(deck, code)
    slide = page.evaluate("location.hash")
    first = wait_read(deck, "name? ")
    # The read has the keyboard: no mouse needed after Ctrl+Enter.
    assert page.evaluate(_FOCUSED) == "stdin"
    assert field(deck).get_attribute("aria-label") == page.evaluate("window.liveDeck.labels.stdin")
    # The prompt is stdout's unfinished line: the lines before it, then the prompt with the field after it.
    assert stdout(deck) == ["hello"]
    prompt = deck.cell(SCRATCH).locator("[data-role=stdin-prompt]").bounding_box()
    box = field(deck).bounding_box()
    assert abs(box["y"] + box["height"] / 2 - (prompt["y"] + prompt["height"] / 2)) < 4, (prompt, box)
    assert box["x"] >= prompt["x"] + prompt["width"] - 1
    # Keys typed in the field edit the line and never move the slides (nor open the presenter view).
    page.keyboard.type("Ann Le")
    for key in ("PageDown", "PageUp", "ArrowLeft", "ArrowRight", "Home", "End"):
        page.keyboard.press(key)
    page.keyboard.type("e p")
    page.keyboard.press("Backspace")
    page.keyboard.press("Backspace")
    assert page.evaluate("location.hash") == slide
    assert len(page.context.pages) == 1
    page.keyboard.press("Enter")
    second = wait_read(deck, "age? ")
    assert second != first
    assert page.evaluate(_FOCUSED) == "stdin"  # the next read has the keyboard again
    answer(deck, "42")
    assert deck.wait_state(SCRATCH, "done", "error") == "done"
    wait_no_read(deck)
    # Echoed where a terminal echoes a line: after its prompt, the newline Enter typed ending it.
    assert stdout(deck) == ["hello", "name? Ann Lee", "age? 42", "Ann Lee is 42"]
    assert page.evaluate("location.hash") == slide
    # CPython prints the same, less the echoes a pipe does not make.
    out, _ = cpython(code, "Ann Lee\n42\n")
    assert out == ["hello", "name? age? Ann Lee is 42", ""]


def test_ctrl_d_is_an_end_of_file_and_input_raises_eof_error_as_in_cpython(deck, page):
    code = "try:\n    input('more? ')\nexcept EOFError:\n    print('EOF')\nprint('again')\ninput('last? ')\n"
    start(deck, code)
    wait_read(deck, "more? ")
    page.keyboard.press("Control+d")
    wait_read(deck, "last? ")
    page.keyboard.type("x")
    page.keyboard.press("Control+d")  # not on an empty line: nothing ends
    page.keyboard.press("Backspace")
    page.keyboard.press("Control+d")
    assert deck.wait_state(SCRATCH, "done", "error") == "error"
    wait_no_read(deck)
    lines = deck.lines(SCRATCH)
    out, err = cpython(code, "")  # an empty stdin: two ends of file
    assert stdout(deck) == [line for line in out if line]  # no echo for Ctrl+D: "more? EOF", as in CPython
    assert stdout(deck)[0] == "more? EOF"
    assert [line.text for line in lines if line.stream == "stderr"][-1] == err[-1] == "EOFError: EOF when reading a line"


TICKER = """import asyncio
import sys

async def ticker():
    loop = asyncio.get_running_loop()
    while True:
        print(f'tick {loop.time():.2f}')
        await asyncio.sleep(0.2)

async def main():
    loop = asyncio.get_running_loop()
    task = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    started = loop.time()
    name = await READ
    print(f'read {name!r} after {loop.time() - started:.1f} s')
    task.cancel()

asyncio.run(main())
"""

READS = {
    "to_thread": "asyncio.to_thread(input, 'name? ')",
    "run_in_executor": "loop.run_in_executor(None, input, 'name? ')",
    "readline_in_executor": "loop.run_in_executor(None, sys.stdin.readline)",
}


@pytest.mark.parametrize("how", READS)
def test_a_read_in_a_thread_blocks_only_its_thread_while_a_ticker_task_prints(deck, page, how):
    start(deck, TICKER.replace("READ", READS[how]))
    wait_read(deck)
    page.wait_for_timeout(1_200)
    answer(deck, "Ann")
    assert deck.wait_state(SCRATCH, "done", "error") == "done"
    lines = stdout(deck)
    ticks = [float(line.rsplit("tick ", 1)[1]) for line in lines if "tick " in line]
    # The loop kept running while the thread waited: a tick every 0.2 s of loop time.
    assert len(ticks) >= 5, lines
    gaps = [later - earlier for earlier, later in zip(ticks, ticks[1:])]
    assert all(0.15 <= gap <= 0.6 for gap in gaps), gaps
    read = lines[-1]
    assert read.startswith("read 'Ann" if how != "readline_in_executor" else "read 'Ann\\n'"), lines
    assert float(read.split(" after ")[1].split(" s")[0]) >= 1.0
    assert "Ann" in lines  # the echo, on a line of its own: the ticks ended the prompt's line


def test_sys_stdin_readline_iteration_and_read(deck, page):
    code = (
        "import sys\n"
        "print(repr(sys.stdin.readline()))\n"
        "for line in sys.stdin:\n"
        "    print('got', line.rstrip())\n"
        "print('rest', repr(sys.stdin.read()))\n"
        "print(sys.stdin.isatty(), sys.stdin.readable())\n"
    )
    start(deck, code)
    for text in ("one", "two", "three"):
        wait_read(deck, "")
        answer(deck, text)
    wait_read(deck, "")
    page.keyboard.press("Control+d")  # ends the for loop
    for text in ("a", "b"):
        wait_read(deck, "")
        answer(deck, text)
    wait_read(deck, "")
    page.keyboard.press("Control+d")  # ends read()
    assert deck.wait_state(SCRATCH, "done", "error") == "done"
    shown = stdout(deck)
    echoes = ["one", "two", "three", "a", "b"]
    assert [line for line in shown if line not in echoes] == [
        "'one\\n'", "got two", "got three", "rest 'a\\nb\\n'", "True True",
    ]
    # The same program under CPython, its stdin two files' worth of lines (each end of file closes one).
    out, _ = cpython(code.replace("print(sys.stdin.isatty(), sys.stdin.readable())\n", ""), "one\ntwo\nthree\n")
    assert out[:3] == ["'one\\n'", "got two", "got three"]
    assert shown[:6] == ["one", "'one\\n'", "two", "got two", "three", "got three"]  # each echo before its use


def test_stop_ends_a_waiting_read_and_the_next_run_works(deck, page):
    start(deck, "name = input('name? ')\nprint(name)\n")
    wait_read(deck, "name? ")
    deck.click(SCRATCH, "stop")
    assert deck.wait_state(SCRATCH, "stopped") == "stopped"
    wait_no_read(deck)
    assert field(deck).count() == 0
    assert deck.labels()["stopped"] in deck.output(SCRATCH)
    start(deck, "print(input('again? '))\n")
    wait_read(deck, "again? ")
    answer(deck, "yes")
    assert deck.wait_state(SCRATCH, "done") == "done"
    assert stdout(deck) == ["again? yes", "yes"]


def test_a_read_never_takes_the_keys_from_another_cells_code(deck, page):
    """A read that starts while the presenter types in another cell's code (on its own slide) leaves the
    keyboard there: every key lands in that code."""
    deck.show(SCRATCH)
    deck.set_code(SCRATCH, "import time\ntime.sleep(0.5)\nprint(input('name? '))\n")
    deck.show(OTHER)
    editor = deck.cell(OTHER).locator(".cm-content")
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.evaluate(f"() => {{ window.liveDeck.cell('{SCRATCH}').run() }}")  # not awaited: it ends once answered
    typed = "# typed while another cell reads its input"
    for char in typed:
        page.keyboard.type(char)
        page.wait_for_timeout(40)
    wait_read(deck, "name? ")
    page.keyboard.type("!")
    assert page.evaluate(f"window.liveDeck.cell('{OTHER}').code").endswith(typed + "!")
    assert page.evaluate("!!document.activeElement?.closest('.cm-editor')")
    deck.show(SCRATCH)
    field(deck).click()  # the presenter goes to that cell and answers
    answer(deck, "Ann")
    assert deck.wait_state(SCRATCH, "done") == "done"
    assert stdout(deck) == ["name? Ann", "Ann"]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_compat_mode_says_why_input_cannot_wait(contexts, lang):
    deck = contexts.open_deck(f"asyncio.{lang}", "?jspi=off")
    deck.show(SCRATCH)
    deck.set_code(SCRATCH, "print('asking')\nname = input('name? ')\nprint(name)\n")
    deck.click(SCRATCH, "run")
    assert deck.wait_state(SCRATCH, "done", "error") == "error"
    assert deck.cell(SCRATCH).get_attribute("data-mode") == "compat"
    lines = deck.lines(SCRATCH)
    notes = [line.text for line in lines if line.stream == "note"]
    assert notes[0] == deck.labels()["notes"]["inputCompat"]
    korean = any("\uac00" <= ch <= "\ud7a3" for ch in notes[0])
    assert korean == (lang == "ko"), notes[0]
    assert "JSPI" in notes[0]
    assert stdout(deck) == ["asking", "name? "]  # CPython's output with an empty stdin
    assert [line.text for line in lines if line.stream == "stderr"][-1] == "EOFError: EOF when reading a line"
    assert deck.cell(SCRATCH).locator("[data-role=stdin]").count() == 0


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_screenshots_of_a_cell_waiting_for_input_and_after(contexts, lang):
    """dist/shots/keyboard/: a prompt with a line being typed beside it, then answered; and a ticker task
    printing while to_thread(input) waits (the field on a line of its own), then answered."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    deck = contexts.open_deck(f"asyncio.{lang}")
    page = deck.page

    def shot(name):
        # Marp's navigation bar, which the test's clicks and keys call up, is no part of the picture.
        page.screenshot(path=str(SHOTS / f"{lang}-{name}.png"), style=".bespoke-marp-osc { display: none !important; }")

    start(deck, "print('hello')\nname = input('name? ')\nprint(f'hello, {name}!')\n")
    wait_read(deck, "name? ")
    page.keyboard.type("Ann")
    shot("prompt-waiting")
    page.keyboard.press("Enter")
    assert deck.wait_state(SCRATCH, "done") == "done"
    shot("prompt-answered")
    assert stdout(deck) == ["hello", "name? Ann", "hello, Ann!"]
    start(deck, TICKER.replace("READ", READS["to_thread"]).replace("0.2)", "0.5)"))
    wait_read(deck)
    page.keyboard.type("Ann")
    page.wait_for_timeout(1_300)
    shot("ticker-waiting")
    page.keyboard.press("Enter")
    assert deck.wait_state(SCRATCH, "done") == "done"
    shot("ticker-answered")
    assert "Ann" in stdout(deck)


def test_both_windows_show_the_read_and_either_answers_it(contexts, base_url):
    """The presenter view and the audience window: the prompt and the field in both; a line typed in one
    shows in both, and the next read is answered from the other."""
    context = contexts.new_context()
    audience, presenter = open_pair(context, base_url, cell=SCRATCH)
    code = "a = input('first? ')\nb = input('second? ')\nprint(a + b)\n"
    audience.set_code(SCRATCH, code)
    presenter.page.wait_for_function(f"window.liveDeck.cell('{SCRATCH}').code.includes('second?')", timeout=2_000)
    for window in (audience, presenter):
        window.show(SCRATCH)
    audience.click(SCRATCH, "run")
    for window in (audience, presenter):
        wait_read(window, "first? ")
    presenter.page.bring_to_front()
    field(presenter).click()
    answer(presenter, "pres")
    for window in (audience, presenter):
        wait_read(window, "second? ")
    audience.page.bring_to_front()
    field(audience).click()
    answer(audience, "aud")
    for window in (audience, presenter):
        assert window.wait_state(SCRATCH, "done") == "done"
        wait_no_read(window)
        assert window.output(SCRATCH).splitlines() == ["first? pres", "second? aud", "presaud"]


def test_a_window_opened_while_a_read_waits_shows_it_and_can_answer(contexts, base_url):
    context = contexts.new_context()
    audience = DeckDriver.open(context.new_page(), base_url, "asyncio.en").wait_python_ready()
    audience.show(SCRATCH)
    audience.set_code(SCRATCH, "print('before')\nprint(input('late? '))\n")
    audience.click(SCRATCH, "run")
    wait_read(audience, "late? ")
    late = DeckDriver.open(context.new_page(), base_url, "asyncio.en").wait_python_ready()
    wait_read(late, "late? ")
    late.show(SCRATCH)
    field(late).click()
    answer(late, "typed late")
    for window in (audience, late):
        assert window.wait_state(SCRATCH, "done") == "done"
        assert window.output(SCRATCH).splitlines() == ["before", "late? typed late", "typed late"]
