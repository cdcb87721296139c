"""The runtime's JavaScript checked without a browser: its messages type-check against their declarations
(slides/runtime/shared/protocol.js, with tsc --checkJs), and under node:test (tests/js/) the shared pool's
logic runs with a fake channel and the Python pool's restore schedule on a clock of its own. The two-window
browser tests (test_two_windows.py) stay beside them."""

import json
import re
import subprocess

import pytest

from deckkit.paths import ROOT, SLIDES

RUNTIME = SLIDES / "runtime"
CONFIG = RUNTIME / "jsconfig.json"

# A message or a result built or read with a misspelled field, in a copy of the file: (file, right, wrong).
MISSPELLINGS = [
    ("shared/protocol.js", "done: (runId, outcome) => ({ type: 'done', runId, outcome })",
     "done: (runId, outcome) => ({ type: 'done', runId, outcom: outcome })"),
    ("page/shared-pool.js", "{ kind: 'merged', into: running.runId }", "{ kind: 'merged', intoo: running.runId }"),
    ("page/shared-pool.js", "handler.callbacks.onTimeline?.(event.svg)", "handler.callbacks.onTimeline?.(event.sgv)"),
    ("page/python-pool.js", "resolve(stoppedOutcome({ mode }))", "resolve(stoppedOutcome({ mdoe: mode }))"),
    ("page/live-cell.js", "this.#append('note', result.lost ?", "this.#append('note', result.lsot ?"),
]


def tsc(config):
    return subprocess.run(["npx", "--no-install", "tsc", "-p", str(config)], cwd=ROOT, capture_output=True, text=True)


def test_the_runtimes_messages_type_check():
    result = tsc(CONFIG)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_misspelled_field_fails_the_type_check(tmp_path):
    """Copies of runtime files, each with one field misspelled where a message or an outcome is built or
    read: tsc reports every one, on its line, and nothing else (the copies are otherwise clean)."""
    wrong_lines = set()
    for i, (path, right, wrong) in enumerate(MISSPELLINGS):
        source = (RUNTIME / path).read_text()
        assert source.count(right) == 1, f"{path} no longer holds {right!r}: update MISSPELLINGS"
        # Its relative imports, made absolute: the copy imports the real modules.
        folder = (RUNTIME / path).parent
        source = re.sub(r"""(from |import\()'(\.{1,2}/[^']+)'""", lambda m: f"{m[1]}'{(folder / m[2]).resolve()}'", source)
        copy = tmp_path / f"copy{i}" / (RUNTIME / path).name
        copy.parent.mkdir()
        copy.write_text(source.replace(right, wrong))
        line = source[: source.index(right)].count("\n") + 1
        wrong_lines.add(f"{copy.parent.name}/{copy.name}({line},")
    config = tmp_path / "jsconfig.json"
    config.write_text(json.dumps({"extends": str(CONFIG), "include": ["copy*/*.js", str(RUNTIME / "globals.d.ts")]}))
    result = tsc(config)
    assert result.returncode != 0
    errors = {m[1] for m in re.finditer(r"^(\S*?copy\d+/[\w.-]+\(\d+,)", result.stdout, re.M)}
    found = {line for line in wrong_lines if any(error.endswith(line) for error in errors)}
    assert found == wrong_lines, result.stdout
    others = [line for line in result.stdout.splitlines() if "error TS" in line and not any(w in line for w in wrong_lines)]
    assert not others, "\n".join(others)


@pytest.mark.parametrize("suite", sorted(p.name for p in (ROOT / "tests" / "js").glob("*.test.mjs")))
def test_node_suite(suite):
    result = subprocess.run(["node", "--test", f"tests/js/{suite}"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert re.search(r"^# pass [1-9]", result.stdout, re.M), result.stdout
