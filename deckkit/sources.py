"""The code a deck shows, in the deck's language: every demo and every exercise, with the Korean comments
of demos/ translated for the English deck (demos/i18n/<lang>.toml). Only COMMENT tokens change: the
code the tests run is the code every deck shows, token for token (tests/test_i18n.py).

The engine plugins (slides/engine/demo-include.mjs, exercise-include.mjs) ask for one deck's sources
at once: `python -m deckkit.sources --lang en` prints them as JSON; a Korean comment without a
translation fails the build, naming the file, the line and where to add it.
"""

import argparse
import io
import json
import os
import re
import sys
import tokenize
import tomllib
from pathlib import Path

from .exercises import exercises, spec
from .paths import DEMOS

I18N_ENV = "DECK_I18N"  # another folder of translations, for the tests
SOURCE_LANG = "ko"  # the language the demos' comments are written in
HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")


class MissingTranslation(Exception):
    pass


def i18n(demos: Path = DEMOS) -> Path:
    return Path(os.environ.get(I18N_ENV, demos / "i18n"))


def translations(lang: str, demos: Path = DEMOS) -> dict[str, str]:
    path = i18n(demos) / f"{lang}.toml"
    return tomllib.loads(path.read_text())["comments"] if path.exists() else {}


def translate(source: str, table: dict[str, str], where: str) -> str:
    """*source* with each Korean comment replaced by its entry in *table* (comment text without '#')."""
    lines = source.splitlines(keepends=True)
    missing = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type != tokenize.COMMENT or not HANGUL.search(token.string):
            continue
        text = token.string[1:].strip()
        if text not in table:
            missing.append(f"{where}:{token.start[0]}: no translation for the comment {token.string!r}")
            continue
        row, col = token.start
        line = lines[row - 1]
        lines[row - 1] = line[:col] + "# " + table[text] + line[token.end[1]:]
    if missing:
        raise MissingTranslation("\n".join(missing))
    return "".join(lines)


def reader(lang: str, demos: Path = DEMOS):
    """path → its code as the *lang* deck shows it."""
    if lang == SOURCE_LANG:
        return lambda path: path.read_text()
    table = translations(lang, demos)
    root = demos.parent
    table_file = i18n(demos) / f"{lang}.toml"
    hint = f"add it under [comments] in {table_file.relative_to(root) if table_file.is_relative_to(root) else table_file}"

    def read(path: Path) -> str:
        try:
            return translate(path.read_text(), table, str(path.relative_to(root)))
        except MissingTranslation as error:
            raise MissingTranslation(f"{error}\n  ({hint})") from None

    return read


def deck_sources(lang: str, demos: Path = DEMOS) -> dict:
    """Every demo and exercise of the project whose demos are in *demos*."""
    read = reader(lang, demos)
    missing = []

    def read_all(path):  # every missing translation at once, not one file per build
        try:
            return read(path)
        except MissingTranslation as error:
            missing.append(str(error))
            return ""

    sources = {
        "demos": {path.stem: read_all(path) for path in sorted(demos.glob("*.py")) if path.name != "__init__.py"},
        "exercises": {exercise.name: spec(exercise, lang, read_all) for exercise in exercises(demos)},
    }
    if missing:
        hint = missing[0].rsplit("\n", 1)[1]
        raise MissingTranslation("\n".join(error.rsplit("\n", 1)[0] for error in missing) + "\n" + hint)
    return sources


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", required=True)
    parser.add_argument("--demos", type=Path, default=DEMOS, help="the demos folder (a copy under `invoke serve`'s tests)")
    args = parser.parse_args()
    try:
        sources = deck_sources(args.lang.split("-")[0], args.demos.resolve())
    except MissingTranslation as error:
        sys.exit(f"the {args.lang} deck's code has Korean comments without a translation:\n{error}")
    json.dump(sources, sys.stdout, ensure_ascii=False)
