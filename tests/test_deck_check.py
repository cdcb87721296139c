"""Mistakes in the decks' sources fail the build, naming the deck, the slide, the file and the line
(deckkit/deck_check.py), on a temporary copy of the project: each broken case, and the copy unbroken."""

import re
import shutil

import pytest

from deckkit.authoring import Project
from deckkit.build import BuildError, check_sources
from deckkit.paths import DECKS, ROOT

pytestmark = pytest.mark.every_demo  # the checks cover every demo and exercise of the decks

PROBE_TOML = '''[ko]
title = "연습"
task = "해 보세요"
hints = ["하나"]
[ko.messages]
pass = "{total:.1f}초: 통과!"
slow = "{total:.1f}초: {ticks}번"
[en]
title = "Probe"
task = "Try it"
hints = ["one"]
[en.messages]
pass = "{total:.1f} s: passed!"
slow = "{total:.1f} s: {ticks} ticks"
'''
PROBE_CHECK = 'def check(run):\n    if run.total > 1:\n        run.fail("slow", ticks=3)\n'


@pytest.fixture
def project(tmp_path):
    """slides/*.md and demos/ copied, with an exercise `probe` on a slide of its own at the end of both decks."""
    (tmp_path / "slides").mkdir()
    for deck in DECKS:
        text = (ROOT / "slides" / f"{deck}.md").read_text()
        (tmp_path / "slides" / f"{deck}.md").write_text(text + "\n---\n\n## Probe\n\n```python exercise=probe\n```\n")
    shutil.copytree(ROOT / "demos", tmp_path / "demos", ignore=shutil.ignore_patterns("__pycache__"))
    probe = tmp_path / "demos" / "exercises" / "probe"
    probe.mkdir()
    (probe / "starter.py").write_text("import asyncio\n\nasync def main():\n    await asyncio.sleep(2)\n\nasyncio.run(main())\n")
    (probe / "solution.py").write_text("import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n\nasyncio.run(main())\n")
    (probe / "check.py").write_text(PROBE_CHECK)
    (probe / "exercise.toml").write_text(PROBE_TOML)
    return tmp_path


def problems(root):
    with pytest.raises(BuildError) as failure:
        check_sources(root, DECKS)
    return str(failure.value.code)


def slides_built(site, deck="asyncio.ko"):
    return len(re.findall(r"<section[ >]", (site / f"{deck}.html").read_text()))


def test_the_copy_as_it_is_builds(project):
    check_sources(project, DECKS)  # no BuildError: the probe is a well-formed exercise


def test_a_check_that_does_not_compile(project, built_site):
    (project / "demos/exercises/probe/check.py").write_text("def check(run):\n    if run.total > 1\n        pass\n")
    said = problems(project)
    assert "demos/exercises/probe/check.py:2:" in said
    probe_slide = slides_built(built_site) + 1  # the slide after the last, as Marp numbers them
    assert f"slides/asyncio.ko.md slide {probe_slide} (line" in said and "slides/asyncio.en.md slide" in said


def test_a_check_that_defines_no_check_function(project):
    (project / "demos/exercises/probe/check.py").write_text("def grade(run):\n    pass\n")
    assert "demos/exercises/probe/check.py: defines no check(run)" in problems(project)


def test_a_key_one_language_lacks(project):
    toml = project / "demos/exercises/probe/exercise.toml"
    toml.write_text(toml.read_text().replace('slow = "{total:.1f} s: {ticks} ticks"\n', ""))
    said = problems(project)
    assert "demos/exercises/probe/check.py:3: no [en.messages] slow in demos/exercises/probe/exercise.toml" in said
    assert "[ko.messages] slow" not in said


def test_a_placeholder_the_check_does_not_fill(project):
    toml = project / "demos/exercises/probe/exercise.toml"
    toml.write_text(toml.read_text().replace("{ticks} ticks", "{ticks} ticks, {count} times"))
    line = toml.read_text().splitlines().index('slow = "{total:.1f} s: {ticks} ticks, {count} times"') + 1
    said = problems(project)
    assert (f"demos/exercises/probe/check.py:3: [en.messages] slow in demos/exercises/probe/exercise.toml:{line} "
            "names {count}, which run.fail(\"slow\", …) does not fill") in said
    assert "[ko.messages]" not in said


HELPER_MESSAGES = {  # a message for each key the shared helpers fail with, naming the values each fills
    "neverAwaited": "{coroutine}", "neverRun": "{coroutine}", "blocked": "{task}, {seconds:.1f}, {call}",
    "busy": "{task}, {seconds:.1f}", "cancelled": "{task}, {at:.1f}", "dropped": "{total:.1f}",
}


@pytest.mark.parametrize(("helper", "key", "en"), [
    ("run.fail_if_loop_misused()", "blocked", None), ("run.fail_if_loop_misused()", "neverRun", "{count}"),
    ('run.fail_if_cancelled("main", "dropped")', "dropped", None),
    ('run.fail_if_cancelled("main", "dropped")', "cancelled", "{count}")],
    ids=["blocked lacking", "neverRun's placeholder", "dropped lacking", "cancelled's placeholder"])
def test_a_key_of_a_shared_helper_that_one_language_lacks(project, helper, key, en):
    """The helpers fail with keys of their own (grader.SHARED_KEYS): a check that calls one needs a message
    for each, naming only what the helper fills. English lacks *key*, or names *en* in it too."""
    from _livedeck.grader import SHARED_KEYS

    assert set(HELPER_MESSAGES) == {key for keys in SHARED_KEYS.values() for key in keys} | {"dropped"}
    check, toml = project / "demos/exercises/probe/check.py", project / "demos/exercises/probe/exercise.toml"
    check.write_text(check.read_text().replace("def check(run):\n", f"def check(run):\n    {helper}\n"))
    whole = toml.read_text()
    for lang in ("ko", "en"):
        table = "".join(f'{name} = "{text}"\n' for name, text in HELPER_MESSAGES.items())
        whole = whole.replace(f"[{lang}.messages]\n", f"[{lang}.messages]\n{table}")
    toml.write_text(whole)
    check_sources(project, DECKS)  # every message there: it builds
    english = whole.index("[en.messages]")
    mine = f'{key} = "{HELPER_MESSAGES[key]}"\n'
    toml.write_text(whole[:english] + whole[english:].replace(mine, mine.replace('"\n', f' {en}"\n') if en else ""))
    said, called = problems(project), helper.split("(")[0] + "(…)"
    where = "(exercise=probe, on slides/asyncio.ko.md slide"
    if en:
        line = toml.read_text().splitlines().index(mine.replace('"\n', f' {en}"')) + 1
        assert (f"demos/exercises/probe/check.py:2: [en.messages] {key} in demos/exercises/probe/exercise.toml:"
                f"{line} names {en}, which {called} does not fill {where}") in said, said
    else:
        assert (f"demos/exercises/probe/check.py:2: no [en.messages] {key} in demos/exercises/probe/exercise.toml, "
                f"which {called} fails with {where}") in said, said
    assert said.count("probe/check.py") == 1, said


def test_a_pass_message_with_a_placeholder_nothing_fills(project):
    toml = project / "demos/exercises/probe/exercise.toml"
    toml.write_text(toml.read_text().replace('"{total:.1f}초: 통과!"', '"{total:.1f}초, {ticks}번: 통과!"'))
    line = toml.read_text().splitlines().index('pass = "{total:.1f}초, {ticks}번: 통과!"') + 1
    assert f"[ko.messages] pass in demos/exercises/probe/exercise.toml:{line} names {{ticks}}" in problems(project)


def test_highlights_beyond_the_files_end(project):
    deck = project / "slides" / "asyncio.en.md"
    deck.write_text(deck.read_text().replace("```python demo=gather\n", "```python demo=gather {30|2-40}\n"))
    lines = len((project / "demos" / "gather.py").read_text().rstrip("\n").splitlines())
    line = deck.read_text().splitlines().index("```python demo=gather {30|2-40}") + 1
    said = problems(project)
    assert f"slides/asyncio.en.md slide " in said and f"(line {line}): {{30|2-40}} highlights lines " in said
    assert f"but demos/gather.py has {lines} lines" in said
    assert f"highlights lines {lines + 1}–40," in said
    assert "asyncio.ko.md" not in said


def test_a_demo_on_one_deck_only(project):
    deck = project / "slides" / "asyncio.ko.md"
    deck.write_text(deck.read_text().replace("```python demo=blocking_pitfall\n```\n", ""))
    said = problems(project)
    assert "demo=blocking_pitfall is on no slide of slides/asyncio.ko.md" in said
    assert said.count("slides/asyncio.en.md slide") == 1


def test_the_authoring_build_stops_on_them_too(project):
    (project / "demos/exercises/probe/check.py").write_text("def check(run):\n    run.fail(\n")
    with pytest.raises(BuildError, match="probe/check.py:2"):
        Project(project, DECKS, project / "dist").build()
    assert not (project / "dist" / "asyncio.ko.html").exists()


def test_a_check_that_raises_on_a_run_shows_its_traceback_through_try_check(project):
    """What the build cannot see: `python -m deckkit.try_check` runs an answer through the check and lets
    the check's error show where it is (the learner reads labels.js verdicts.checkError instead)."""
    import subprocess
    import sys

    (project / "demos/exercises/probe/check.py").write_text(
        "def check(run):\n    lane = run.lanes('main(')[0]\n    if lane['end'] > 1:\n        run.fail('slow', ticks=lane.ticks)\n")
    starter = project / "demos/exercises/probe/starter.py"
    result = subprocess.run([sys.executable, "-m", "deckkit.try_check", "probe", str(starter), "--demos",
                             str(project / "demos")], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert 'check.py", line 4, in check' in result.stderr and "AttributeError" in result.stderr, result.stderr
    solution = project / "demos/exercises/probe/solution.py"
    result = subprocess.run([sys.executable, "-m", "deckkit.try_check", "probe", str(solution), "--demos",
                             str(project / "demos"), "--lang", "ko"], cwd=ROOT, capture_output=True, text=True)
    assert (result.returncode, result.stdout) == (0, "pass: 1.0초: 통과!\n"), result.stderr
