"""The English deck in English: the demos' Korean comments translated (demos/i18n/en.toml), the code
token for token what the tests run; a Korean comment without a translation fails the build."""

import io
import re
import tokenize
from html.parser import HTMLParser

import pytest

from deckkit.build import BuildError, marp
from deckkit.exercises import exercises
from deckkit.paths import DEMOS, ROOT
from deckkit.sources import HANGUL, MissingTranslation, reader, translate, translations

FILES = sorted(path for path in DEMOS.rglob("*.py") if path.name not in ("__init__.py", "check.py"))


def code_tokens(source):
    """The token stream Python runs: everything but comments."""
    return [(token.type, token.string) for token in tokenize.generate_tokens(io.StringIO(source).readline)
            if token.type != tokenize.COMMENT]


def comments(source):
    return [token.string for token in tokenize.generate_tokens(io.StringIO(source).readline)
            if token.type == tokenize.COMMENT]


@pytest.mark.parametrize("path", FILES, ids=lambda path: str(path.relative_to(DEMOS)))
def test_english_code_is_token_for_token_the_tested_code(path):
    source, english = path.read_text(), reader("en")(path)
    assert code_tokens(english) == code_tokens(source)
    assert not any(HANGUL.search(comment) for comment in comments(english))
    assert len(english.splitlines()) == len(source.splitlines())  # tracebacks name the same lines
    from tests.test_demos import MAX_COLUMNS, columns, limits

    max_columns = limits(path.stem)[1] if path.parent == DEMOS else MAX_COLUMNS
    for line in english.splitlines():  # a translated comment still fits the slide
        assert columns(line) <= max_columns, f"too wide in English: {line}"


def test_some_demos_really_have_korean_comments_translated():
    changed = [path for path in FILES if reader("en")(path) != path.read_text()]
    assert len(changed) >= 6
    assert "# without await, the nested coroutine" in reader("en")(DEMOS / "await_coroutine.py")


def test_every_translation_is_used():
    used = {token[1:].strip() for path in FILES for token in comments(path.read_text())}
    assert set(translations("en")) <= used, "demos/i18n/en.toml has entries no demo uses"


def test_a_missing_translation_names_the_file_and_line():
    with pytest.raises(MissingTranslation, match=r"x\.py:2: no translation for the comment '# 새 주석'"):
        translate("import asyncio\nprint(1)  # 새 주석\n", {}, "x.py")


def test_a_missing_translation_fails_the_english_build_clearly(tmp_path):
    (tmp_path / "en.toml").write_text("[comments]\n")
    source = tmp_path / "deck.md"
    source.write_text("---\nmarp: true\nlang: en\n---\n# one\n\n```python demo=await_task\n```\n")
    with pytest.raises(BuildError) as failure:
        marp(source, tmp_path / "deck.html", env={"DECK_I18N": str(tmp_path)})
    message = re.sub(r"\s+", " ", str(failure.value))  # marp-cli wraps its error lines
    assert "demos/await_task.py:7: no translation for the comment '# nested코루틴이 main코루틴과'" in message
    assert "[comments]" in message and "en.toml" in message


class CodeBlocks(HTMLParser):
    """The text of every code block (live cells' code included) in a built deck."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self._depth = [], 0

    def handle_starttag(self, tag, attrs):
        if tag == "pre":
            self._depth += 1
            self.blocks.append("")

    def handle_endtag(self, tag):
        if tag == "pre":
            self._depth -= 1

    def handle_data(self, data):
        if self._depth:
            self.blocks[-1] += data


@pytest.mark.every_demo
def test_english_deck_shows_no_hangul_in_code(built_site):
    parser = CodeBlocks()
    parser.feed((built_site / "asyncio.en.html").read_text())
    assert len(parser.blocks) > 15
    korean = [block for block in parser.blocks if HANGUL.search(block)]
    assert not korean, korean[0]
    page = (built_site / "asyncio.en.html").read_text()
    for exercise in exercises():  # the exercise cells show the English starter
        assert re.sub(r"\s+", " ", reader("en")(exercise.starter).split("\n")[0]) in page
    assert "# without await, the nested coroutine" in page
