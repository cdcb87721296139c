"""What the build checks before it converts a slide: the mistakes that would otherwise show only in a test,
or on a learner's screen. Each problem names the deck, the slide, the file and the line.

- a demo or an exercise on one deck and not on the other;
- line highlights (`{9|10}`) beyond the end of the file they step through;
- an exercise's files: check.py that does not compile or defines no check(run); a `run.fail("key", …)`
  whose key has no message in a language of exercise.toml, or whose message names a placeholder the
  call does not fill ({count} where only total is given), or the `pass` message doing so; the same for
  the keys a shared helper fails with (run.fail_if_loop_misused(): neverAwaited, neverRun, blocked, busy;
  run.fail_if_cancelled(task, "dropped"): its dropped key and cancelled — grader.SHARED_KEYS).

`python -m deckkit.deck_check [ROOT]` prints them; deckkit/build.py stops on them (BuildError).
"""

import ast
import re
import string
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

from _livedeck.grader import SHARED_KEYS

from .exercises import LANGS

FENCE = re.compile(r"^(`{3,}|~{3,})\s*python\b(.*)$")
ATTR = re.compile(r"(?:^|\s)(demo|exercise)=([A-Za-z_][A-Za-z0-9_]*)(?=\s|$)")
STEPS = re.compile(r"\{([\d\s,|-]+)\}")
EXERCISE_FILES = ("starter.py", "solution.py", "check.py", "exercise.toml")
FILLED = {"total"}  # what grader.Run.fail adds to every message's values


@dataclass(frozen=True)
class Fence:
    deck: str  # slides/asyncio.ko.md
    kind: str  # "demo" or "exercise"
    name: str
    slide: int
    line: int  # 1-based, in the Markdown
    steps: str | None  # "9|10", as written

    @property
    def where(self) -> str:
        return f"{self.deck} slide {self.slide} (line {self.line})"


def fences(deck: Path, shown: str) -> list[Fence]:
    """Every demo and exercise fence of a deck, with its slide number as Marp counts them."""
    found, slide, fence, front_matter = [], 1, None, False
    lines = deck.read_text().splitlines()
    for number, line in enumerate(lines, 1):
        if number == 1 and line.strip() == "---":
            front_matter = True
            continue
        if front_matter:
            front_matter = line.strip() != "---"
            continue
        if fence is not None:
            if line.strip() == fence:
                fence = None
            continue
        opening = re.match(r"^(`{3,}|~{3,})", line)
        if opening:
            fence = opening.group(1)
            match = FENCE.match(line)
            attr = ATTR.search(match.group(2)) if match else None
            if attr:
                steps = STEPS.search(match.group(2))
                found.append(Fence(shown, attr.group(1), attr.group(2), slide, number, steps and steps.group(1)))
        elif line.strip() == "---":
            slide += 1
    return found


def step_lines(steps: str) -> list[int]:
    numbers = []
    for group in steps.split("|"):
        for part in group.split(","):
            bounds = [int(n) for n in part.strip().split("-") if n.strip()]
            numbers += list(range(bounds[0], bounds[-1] + 1)) if bounds else []
    return numbers


def _source(root: Path, fence: Fence) -> Path:
    if fence.kind == "demo":
        return root / "demos" / f"{fence.name}.py"
    return root / "demos" / "exercises" / fence.name / "starter.py"


def _shown(root: Path, path: Path) -> str:
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


def check_pairs(by_deck: dict[str, list[Fence]]) -> list[str]:
    """Each demo and exercise on every deck: the decks translate one another slide for slide."""
    problems = []
    for deck, found in by_deck.items():
        for fence in found:
            for other, theirs in by_deck.items():
                if other != deck and not any((f.kind, f.name) == (fence.kind, fence.name) for f in theirs):
                    problems.append(f"{fence.where}: {fence.kind}={fence.name} is on no slide of {other}: "
                                    f"put it on the same slide there")
    return problems


def check_steps(root: Path, fence: Fence) -> list[str]:
    path = _source(root, fence)
    if not fence.steps or not path.exists():
        return []  # no highlights; a missing file is the engine's to report
    length = len(path.read_text().rstrip("\n").splitlines())
    beyond = sorted({n for n in step_lines(fence.steps) if n < 1 or n > length})
    if not beyond:
        return []
    return [f"{fence.where}: {{{fence.steps}}} highlights {_line_ranges(beyond)}, but {_shown(root, path)} has "
            f"{length} lines"]


def _line_ranges(numbers: list[int]) -> str:
    """[17, 18, 19, 30] → 'lines 17–19, 30'; [30] → 'line 30'."""
    runs = []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    shown = ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)
    return f"line {shown}" if len(numbers) == 1 else f"lines {shown}"


def _placeholders(message: str) -> set[str]:
    names = set()
    for _, field, _, _ in string.Formatter().parse(message):
        if field is not None:
            names.add(re.split(r"[.\[]", field, maxsplit=1)[0])
    return names


def _message_line(toml: str, lang: str, key: str) -> int | None:
    """The line of exercise.toml where [<lang>.messages] gives *key*, if it does."""
    table = None
    for number, line in enumerate(toml.splitlines(), 1):
        header = re.match(r"^\s*\[\s*([\w.]+)\s*\]", line)
        if header:
            table = header.group(1)
        elif table == f"{lang}.messages" and re.match(rf"^\s*\"?{re.escape(key)}\"?\s*=", line):
            return number
    return None


def check_exercise(root: Path, name: str, where: str) -> list[str]:
    """One exercise's files, its check's syntax, and its check's keys and values against its messages."""
    folder = root / "demos" / "exercises" / name
    missing = [file for file in EXERCISE_FILES if not (folder / file).exists()]
    if missing:
        return [f"{where}: exercise={name} lacks {', '.join(_shown(root, folder / f) for f in missing)}"]
    check_file = _shown(root, folder / "check.py")
    toml_file = _shown(root, folder / "exercise.toml")
    try:
        tree = ast.parse((folder / "check.py").read_text(), check_file)
    except SyntaxError as error:
        return [f"{check_file}:{error.lineno}: {error.msg} (exercise={name}, {where})"]
    if not any(isinstance(node, ast.FunctionDef) and node.name == "check" for node in tree.body):
        return [f"{check_file}: defines no check(run) (exercise={name}, {where})"]
    try:
        toml_text = (folder / "exercise.toml").read_text()
        texts = tomllib.loads(toml_text)
    except tomllib.TOMLDecodeError as error:
        return [f"{toml_file}: {error} (exercise={name}, {where})"]
    calls = [("pass", 0, FILLED, "a pass")]  # (key, line, the values given or None: any, what gives them)
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "fail"
                and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            given = None if any(k.arg is None for k in node.keywords) else FILLED | {k.arg for k in node.keywords}
            calls.append((node.args[0].value, node.lineno, given, f'run.fail("{node.args[0].value}", …)'))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in SHARED_KEYS:
            helper = node.func.attr
            said = f"run.{helper}(…)"
            calls += [(key, node.lineno, FILLED | values, said) for key, values in SHARED_KEYS[helper].items()]
            dropped = node.args[1] if len(node.args) > 1 else next(
                (k.value for k in node.keywords if k.arg == "dropped"), None)
            if helper == "fail_if_cancelled" and isinstance(dropped, ast.Constant) and isinstance(dropped.value, str):
                calls.append((dropped.value, node.lineno, FILLED, said))
    problems = []
    for lang in LANGS:
        messages = texts.get(lang, {}).get("messages", {})
        for key, line, given, call in calls:
            at = f"{check_file}:{line}" if line else check_file
            if key not in messages:
                by = "" if call.startswith("run.fail(") or not line else f", which {call} fails with"
                problems.append(f"{at}: no [{lang}.messages] {key} in {toml_file}{by} (exercise={name}, {where})")
                continue
            unfilled = _placeholders(messages[key]) - (given if given is not None else _placeholders(messages[key]))
            positional = {field for field in _placeholders(messages[key]) if field == "" or field.isdigit()}
            if unfilled or positional:
                what = ", ".join("{" + field + "}" for field in sorted(unfilled | positional))
                given_at = _message_line(toml_text, lang, key)
                in_file = f"{toml_file}:{given_at}" if given_at else toml_file
                problems.append(f"{at}: [{lang}.messages] {key} in {in_file} names {what}, which {call} does not "
                                f"fill (exercise={name}, {where})")
    return list(dict.fromkeys(problems))  # a key given twice on a line (a helper, and run.fail) said once


def check_project(root: Path, decks: tuple[str, ...]) -> list[str]:
    """Every problem of the project at *root* (its slides/ and demos/), in the decks' order."""
    by_deck = {}
    for deck in decks:
        path = root / "slides" / f"{deck}.md"
        if path.exists():
            by_deck[f"slides/{deck}.md"] = fences(path, f"slides/{deck}.md")
    problems = check_pairs(by_deck)
    checked = set()
    for found in by_deck.values():
        for fence in found:
            problems += check_steps(root, fence)
            if fence.kind == "exercise" and fence.name not in checked:
                checked.add(fence.name)
                places = [f.where for fs in by_deck.values() for f in fs if (f.kind, f.name) == ("exercise", fence.name)]
                problems += check_exercise(root, fence.name, "on " + ", ".join(places))
    return problems


if __name__ == "__main__":
    from .paths import DECKS, ROOT

    found = check_project(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT, DECKS)
    print("\n".join(found) or "no problems")
    sys.exit(1 if found else 0)
