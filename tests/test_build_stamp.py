"""`invoke test` (and pytest) build again only when an input of the build changed (deckkit/build_stamp.py)."""

import shutil

from deckkit.build_stamp import build_is_current, fingerprint, record_build
from deckkit.paths import ROOT


def test_the_stamp_follows_every_input_and_nothing_else(tmp_path):
    root, dist = tmp_path / "project", tmp_path / "dist"
    for name in ("slides", "demos", "deckkit"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__", "fonts"))
    shutil.copy(ROOT / "package-lock.json", root)
    dist.mkdir()
    (dist / "index.html").write_text("<!doctype html>")
    assert not build_is_current(dist, root), "never built: build"
    record_build(dist, root)
    assert build_is_current(dist, root)
    (root / "demos" / "expected" / "gather.toml").write_text("# tests only\n")  # not an input of the build
    (root / "demos" / "__pycache__").mkdir()
    (root / "demos" / "__pycache__" / "x.pyc").write_bytes(b"\0")
    assert build_is_current(dist, root)
    for changed in ("slides/asyncio.en.md", "demos/gather.py", "slides/runtime/page/labels.js",
                    "slides/runtime/python/_livedeck/grader.py", "deckkit/build.py", "package-lock.json"):
        before = fingerprint(root)
        path = root / changed
        path.write_text(path.read_text() + "\n")
        assert not build_is_current(dist, root), changed
        assert fingerprint(root) != before
        record_build(dist, root)
    (root / "slides" / "asyncio.ko.md").unlink()
    assert not build_is_current(dist, root), "a removed input"


def test_plain_pytest_finds_the_project_as_invoke_test_does():
    """README, 'Tests': `pytest --demo NAME` as well as `invoke test --demo NAME`. The venv's pytest script,
    unlike `python -m pytest` (what invoke runs), puts no project folder on sys.path: pyproject.toml's
    pythonpath does, or conftest.py's `import deckkit` fails."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"} | {"DECK_BUILT": "1"}
    result = subprocess.run([str(Path(sys.executable).with_name("pytest")), "--collect-only", "-q", "--demo",
                             "gather", "tests/test_demos.py"], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "tests/test_demos.py::test_demo_fits_its_slide[gather]" in result.stdout
