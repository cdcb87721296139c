"""The deck's exercises ("직접 해보기" / "Your turn"): one folder each in demos/exercises/<name>/.

    starter.py     the code the live cell starts with (run by the tests like any demo)
    solution.py    what [data-action=solution] puts into the cell; the PDF prints it with its recorded output
    check.py       check(run): returns when the run passes, else run.fail(key, **values) (slides/runtime/grader.py)
    exercise.toml  per language ([ko], [en]): title, task, hints (in the order they are revealed), messages

The engine plugin slides/engine/exercise-include.mjs puts an exercise's spec (``spec``, in the deck's
language, via deckkit/sources.py) on its slide.
"""

import tomllib
from dataclasses import dataclass
from pathlib import Path

from .paths import DEMOS

LANGS = ("ko", "en")


@dataclass(frozen=True)
class Exercise:
    name: str
    demos: Path = DEMOS

    @property
    def folder(self) -> Path:
        return self.demos / "exercises" / self.name

    @property
    def starter(self) -> Path:
        return self.folder / "starter.py"

    @property
    def solution(self) -> Path:
        return self.folder / "solution.py"

    @property
    def check_source(self) -> str:
        return (self.folder / "check.py").read_text()

    def text(self, lang: str) -> dict:
        """title, task, hints and messages in *lang*."""
        return tomllib.loads((self.folder / "exercise.toml").read_text())[lang]

    def check(self):
        """The check function, as the worker loads it."""
        from _livedeck.grader import load_check

        return load_check(self.check_source, str(self.folder / "check.py"))


def exercises(demos: Path = DEMOS) -> list[Exercise]:
    return [Exercise(path.parent.name, demos) for path in sorted((demos / "exercises").glob("*/exercise.toml"))]


def spec(exercise: Exercise, lang: str, source=lambda path: path.read_text()) -> dict:
    """What a slide needs: the texts in *lang*, the code (via *source*: the English deck's comments are
    translated) and the grader's check."""
    text = exercise.text(lang)
    return {
        "name": exercise.name,
        "title": text["title"],
        "task": text["task"],
        "hints": text["hints"],
        "messages": text["messages"],
        "starter": source(exercise.starter),
        "solution": source(exercise.solution),
        "check": exercise.check_source,
        "files": {kind: str(path.relative_to(exercise.demos.parent)) for kind, path in
                  (("starter", exercise.starter), ("solution", exercise.solution))},
    }
