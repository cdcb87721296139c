"""`invoke serve`: an edit to a slide rebuilds the deck and the served page changes; a broken
include is reported (terminal and page) while the last good build stays served."""

import json
import shutil
import time
import urllib.request

import pytest

from deckkit.authoring import AuthoringServer, Project
from deckkit.paths import ROOT
from deckkit.serve import url

DECK = "asyncio.en"


def fetch(server, path):
    with urllib.request.urlopen(url(server.server, path), timeout=10) as response:
        return response.read().decode()


def wait_for(condition, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


@pytest.fixture
def authoring(tmp_path):
    shutil.copytree(ROOT / "slides", tmp_path / "slides", ignore=shutil.ignore_patterns("fonts"))
    shutil.copytree(ROOT / "demos", tmp_path / "demos", ignore=shutil.ignore_patterns("__pycache__"))
    # The copy is a project like this one: its engine plugins import the project's npm packages (esbuild).
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    messages = []
    server = AuthoringServer(Project(tmp_path, (DECK,), tmp_path / "dist"), port=0, log=messages.append).start()
    server.messages = messages
    yield tmp_path, server
    server.stop()


def test_editing_a_slide_changes_the_served_deck(authoring):
    root, server = authoring
    page = fetch(server, f"{DECK}.html")
    assert "__live-reload.js" in page
    assert "Edited live in a test" not in page
    source = root / "slides" / f"{DECK}.md"
    source.write_text(source.read_text().replace("\n---\n", "\n---\n\n## Edited live in a test\n\n---\n", 1))
    # The open page reloads when the build version moves; the HTML is written just before that.
    assert wait_for(lambda: json.loads(fetch(server, "__build")) == {"version": 2, "error": None})
    assert "Edited live in a test" in fetch(server, f"{DECK}.html")


def test_a_broken_include_is_reported_and_the_server_keeps_serving(authoring):
    root, server = authoring
    source = root / "slides" / f"{DECK}.md"
    good = source.read_text()
    source.write_text(good + "\n---\n\n```python demo=not_written_yet\n```\n")
    assert wait_for(lambda: json.loads(fetch(server, "__build"))["error"])
    error = json.loads(fetch(server, "__build"))["error"]
    assert f"{DECK}.md" in error and "demos/not_written_yet.py" in error
    assert any("not_written_yet" in message for message in server.messages)  # the terminal says it too
    assert "live-cell" in fetch(server, f"{DECK}.html")  # the last good build is still served
    source.write_text(good)
    assert wait_for(lambda: json.loads(fetch(server, "__build"))["error"] is None)
