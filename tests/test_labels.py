"""The labels (slides/runtime/page/labels.js), read without a browser: both languages hold the same keys,
in one style (camelCase), and every key that Python or the worker emits has one — a missing label
would show the learner its raw key."""

import ast
import json
import re
import subprocess

import pytest

from deckkit.paths import ROOT, RUNTIME_PACKAGE, SLIDES

LABELS_JS = SLIDES / "runtime" / "page" / "labels.js"
WORKER_JS = SLIDES / "runtime" / "worker" / "python-worker.js"
CAMEL_CASE = re.compile(r"[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)*")


def labels():
    """{lang: {key: "string" | "function/<arity>" | {…}}}, as Node evaluates labels.js."""
    script = (
        f"import {{ LABELS }} from {json.dumps(LABELS_JS.as_uri())}\n"
        "const shape = (table) => Object.fromEntries(Object.entries(table).map(([key, label]) =>\n"
        "  [key, typeof label === 'function' ? `function/${label.length}` : typeof label === 'object' ? shape(label) : typeof label]))\n"
        "console.log(JSON.stringify(Object.fromEntries(Object.entries(LABELS).map(([lang, table]) => [lang, shape(table)]))))\n"
    )
    result = subprocess.run(["node", "--input-type=module", "-e", script], cwd=ROOT, capture_output=True, text=True,
                            check=True)
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def tables():
    return labels()


def keys(table, prefix=""):
    for key, label in table.items():
        yield prefix + key
        if isinstance(label, dict):
            yield from keys(label, f"{prefix}{key}.")


def python_emits():
    """{"notes": keys, "verdicts": keys} that the runtime's Python emits: announce("key") calls, the
    keys platform_limits announces, and the grader's verdicts said by a label ({"key": …, "args": …})."""
    from _livedeck.platform_limits import LIMITED, WITHOUT_NETWORK

    emitted = {"notes": set(LIMITED) | set(WITHOUT_NETWORK), "verdicts": set()}
    for module in RUNTIME_PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text())):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", None)) == "announce":
                if isinstance(node.args[0], ast.Constant):
                    emitted["notes"].add(node.args[0].value)
            elif isinstance(node, ast.Dict):
                fields = {k.value: v for k, v in zip(node.keys, node.values) if isinstance(k, ast.Constant)}
                if "args" in fields and isinstance(fields.get("key"), ast.Constant):
                    emitted["verdicts"].add(fields["key"].value)
    return emitted


def worker_emits():
    """{"notes": keys, "verdicts": keys} that the worker emits: note('key') calls, verdicts {key, args}."""
    worker = WORKER_JS.read_text()
    return {"notes": set(re.findall(r"\bnote\('(\w+)'", worker)),
            "verdicts": set(re.findall(r"\bkey: '(\w+)', args\b", worker))}


def test_both_languages_hold_the_same_labels(tables):
    assert set(tables) == {"en", "ko"}
    assert tables["ko"] == tables["en"]  # the same keys, nested tables, and arguments for each


def test_every_label_key_is_camel_case(tables):
    for lang, table in tables.items():
        assert [key for key in keys(table) if not all(CAMEL_CASE.fullmatch(part) for part in key.split("."))] == [], lang


@pytest.mark.parametrize("emitter", [python_emits, worker_emits], ids=["python", "worker"])
def test_every_key_emitted_has_a_label(tables, emitter):
    emitted = emitter()
    assert emitted["notes"] and emitted["verdicts"], "the scan found no emitter: is it still the code's?"
    for table, emitted_keys in emitted.items():
        missing = {key for key in emitted_keys if key not in tables["en"][table]}
        assert not missing, f"{table} without a label (shown as the raw key): {sorted(missing)}"
        assert all(CAMEL_CASE.fullmatch(key) for key in emitted_keys), sorted(emitted_keys)
