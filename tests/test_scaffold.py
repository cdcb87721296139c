"""`invoke new-demo` and `invoke new-exercise` on a temporary copy of the project: the files, a slide in
both decks, the registries' entries; what is still to fill in is said by the tests and the build."""

import shutil

import pytest

from deckkit.build import check_sources
from deckkit.deck_check import fences
from deckkit.exercises import Exercise
from deckkit.expectations import MissingExpectation, expected
from deckkit.paths import DECKS, ROOT
from deckkit.scaffold import ScaffoldError, new_demo, new_exercise


@pytest.fixture
def project(tmp_path):
    shutil.copytree(ROOT / "slides", tmp_path / "slides", ignore=shutil.ignore_patterns("runtime", "fonts"))
    shutil.copytree(ROOT / "demos", tmp_path / "demos", ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "tests").mkdir()
    shutil.copy(ROOT / "tests" / "test_exercises.py", tmp_path / "tests")
    return tmp_path


def slide_of(root, deck, kind, name):
    found = fences(root / "slides" / f"{deck}.md", deck)
    return [fence for fence in found if (fence.kind, fence.name) == (kind, name)]


def test_new_demo_makes_the_file_its_expectation_and_a_slide_in_both_decks(project):
    said = new_demo("bounded_downloads", project)
    assert (project / "demos" / "bounded_downloads.py").read_text().endswith("asyncio.run(main())\n")
    for deck in DECKS:
        fence, = slide_of(project, deck, "demo", "bounded_downloads")
        demos = [f for f in fences(project / "slides" / f"{deck}.md", deck) if f.kind == "demo"]
        assert demos[-1] == fence, "right after the deck's last demo"
        assert f"added a slide at slides/{deck}.md:{fence.line}" in said
    check_sources(project, DECKS)  # the build takes it: on both decks
    with pytest.raises(MissingExpectation, match=r"demos/expected/bounded_downloads.toml is still to be filled in"):
        expected("bounded_downloads", project / "demos")
    assert "left to do:" in said and any("invoke test --demo bounded_downloads" in line for line in said)


def test_new_exercise_makes_a_folder_the_build_takes_and_registers_its_starter(project):
    said = new_exercise("bounded_downloads", project)
    exercise = Exercise("bounded_downloads", project / "demos")
    assert {p.name for p in exercise.folder.iterdir()} == {"starter.py", "solution.py", "check.py", "exercise.toml"}
    for deck in DECKS:
        assert slide_of(project, deck, "exercise", "bounded_downloads")
    check_sources(project, DECKS)  # its check compiles and every key has a message in both languages
    assert '    "bounded_downloads": "TODO",\n' in (project / "tests" / "test_exercises.py").read_text()
    answers = sorted((project / "tests" / "exercise_answers" / "bounded_downloads").glob("*.py"))
    assert len(answers) == 2 and all(a.read_text().startswith("# expect: TODO") for a in answers)
    assert exercise.text("en")["messages"]["pass"].startswith("{total:.1f} s")
    assert any("STARTERS['bounded_downloads']" in line for line in said)


@pytest.mark.parametrize("name", ["gather", "Not-A-Name"])
def test_a_taken_or_invalid_name_changes_nothing(project, name):
    before = (project / "slides" / "asyncio.ko.md").read_text()
    with pytest.raises(ScaffoldError):
        new_demo(name, project)
    assert (project / "slides" / "asyncio.ko.md").read_text() == before
