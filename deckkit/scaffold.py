"""`invoke new-demo NAME` and `invoke new-exercise NAME`: the files, a slide in both decks right after the
last slide of the same kind, and the test registries' entries, each to be filled in; then what is left.
Until it is filled in, the build or the tests say what is missing (deck_check, test_demos, test_build).
"""

import re
from pathlib import Path

from .expectations import path as expectation_path
from .paths import DECKS

NAME = re.compile(r"[a-z_][a-z0-9_]*")
TODO = "TODO"

DEMO = '''import asyncio

async def main():
    await asyncio.sleep(1)
    print("done")

asyncio.run(main())
'''

STARTER = DEMO
SOLUTION = DEMO
CHECK = '''def check(run):
    """Return when the run passes; else run.fail("key", **values): its message says what is wrong."""
    if run.error:
        run.fail("error", error=run.error)
    if run.line("done") is None:
        run.fail("output")
'''
EXERCISE_TOML = '''[ko]
title = "TODO 제목"
task = "TODO 과제"
hints = ["TODO 힌트 1", "TODO 힌트 2", "TODO 힌트 3"]

[ko.messages]
pass = "{total:.1f}초: TODO 통과!"
error = "실행이 오류로 끝났습니다 ({error}). 출력을 보세요."
output = "TODO: done이 출력되어야 합니다."

[en]
title = "TODO title"
task = "TODO task"
hints = ["TODO hint 1", "TODO hint 2", "TODO hint 3"]

[en.messages]
pass = "{total:.1f} s: TODO passed!"
error = "The run ended with an error ({error}). See the output."
output = "TODO: done should be printed."
'''
WRONG_ANSWER = '''# expect: TODO (the key this answer must get; pass for a right one: README, 'Add an exercise')
import asyncio

async def main():
    await asyncio.sleep(1)

asyncio.run(main())
'''


class ScaffoldError(SystemExit):
    pass


def _slide(kind: str, name: str) -> str:
    return (f"\n---\n\n## {TODO}: {name}\n\n```python {kind}={name}\n```\n\n"
            f"<!--\n{TODO}: speaker notes, what to say while it runs.\n-->\n")


def add_slide(deck: Path, kind: str, name: str) -> int:
    """A slide with a `kind=name` fence right after the deck's last slide with a `kind=` fence (at the end
    when there is none); returns the fence's line in the Markdown."""
    text = deck.read_text()
    fences = [m.end() for m in re.finditer(rf"^```python {kind}=\w+.*\n```\n", text, re.M)]
    at = len(text)
    if fences:
        following = re.compile(r"^---$", re.M).search(text, fences[-1])
        at = following.start() - 1 if following else len(text)
    text = text[:at] + _slide(kind, name) + text[at:]
    deck.write_text(text)
    return text[: text.index(f"```python {kind}={name}\n", at)].count("\n") + 1


def _write_new(path: Path, text: str, made: list[Path]) -> None:
    if path.exists():
        raise ScaffoldError(f"✗ {path} exists already: nothing was changed")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    made.append(path)


def _check_name(name: str, root: Path) -> None:
    if not NAME.fullmatch(name):
        raise ScaffoldError(f"✗ {name!r}: a demo's name is a Python module name (lower case, digits, _)")
    for existing in (root / "demos" / f"{name}.py", root / "demos" / "exercises" / name):
        if existing.exists():
            raise ScaffoldError(f"✗ {existing.relative_to(root)} exists already: nothing was changed")


def new_demo(name: str, root: Path, decks=DECKS) -> list[str]:
    """Returns what is left to do, in order."""
    _check_name(name, root)
    made = []
    _write_new(root / "demos" / f"{name}.py", DEMO, made)
    todo = (f"write what demos/{name}.py prints: `invoke test --demo {name}` fails printing what CPython "
            f"printed, as this file's text")
    _write_new(expectation_path(name, root / "demos"), f'todo = "{todo}"\n', made)
    lines = [f"slides/{deck}.md:{add_slide(root / 'slides' / f'{deck}.md', 'demo', name)}" for deck in decks]
    return [
        *(f"made {path.relative_to(root)}" for path in made),
        *(f"added a slide at {line}" for line in lines),
        "left to do:",
        f"  1. demos/{name}.py: the demo (≤ 16 lines, ≤ 56 columns; top-level asyncio.run(main()); output "
        f"whose order holds in real time: README, 'Add a slide with a demo')",
        f"  2. each slide: the title for {TODO}, the speaker notes; Korean comments need demos/i18n/en.toml",
        f"  3. demos/expected/{name}.toml: stdout, stderr, seconds (invoke test --demo {name} prints them)",
        f"  4. invoke test --demo {name}",
    ]


def new_exercise(name: str, root: Path, decks=DECKS) -> list[str]:
    _check_name(name, root)
    made = []
    folder = root / "demos" / "exercises" / name
    for file, text in (("starter.py", STARTER), ("solution.py", SOLUTION), ("check.py", CHECK),
                       ("exercise.toml", EXERCISE_TOML)):
        _write_new(folder / file, text, made)
    answers = root / "tests" / "exercise_answers" / name
    for answer in ("wrong_answer_1", "wrong_answer_2"):
        _write_new(answers / f"{answer}.py", WRONG_ANSWER, made)
    registry = _register_starter(root / "tests" / "test_exercises.py", name)
    lines = [f"slides/{deck}.md:{add_slide(root / 'slides' / f'{deck}.md', 'exercise', name)}" for deck in decks]
    return [
        *(f"made {path.relative_to(root)}" for path in made),
        *([f"added {name!r} to STARTERS in tests/test_exercises.py"] if registry else []),
        *(f"added a slide at {line}" for line in lines),
        "left to do:",
        f"  1. demos/exercises/{name}/: starter.py, solution.py, check.py; exercise.toml's texts and one message "
        f"per run.fail key, in both languages (the build names a key or placeholder a language lacks)",
        f"  2. each slide: the title for {TODO}; the task and hints come from exercise.toml",
        f"  3. tests/test_exercises.py STARTERS[{name!r}]: the starter's verdict key",
        f"  4. tests/exercise_answers/{name}/: at least 30 answers a learner might write, right and wrong (the two "
        f"stubs first), each opening with `# expect: <key>`",
        f"  5. invoke test --demo {name}",
    ]


def _register_starter(tests: Path, name: str) -> bool:
    """STARTERS in tests/test_exercises.py gets `name: "TODO"`, which fails until the starter's key is there."""
    if not tests.exists():
        return False
    text = tests.read_text()
    match = re.search(r"^STARTERS = \{\n", text, re.M)
    if not match:
        return False
    tests.write_text(text[: match.end()] + f'    "{name}": "{TODO}",\n' + text[match.end():])
    return True
