"""CPython's recorded output of a conformance program (deckkit/conformance.py): what is kept, and how the deck
is judged against it — with a live CPython only where this machine has one at least as new as the recorded."""

import json
import sys

import pytest

from deckkit import conformance
from deckkit.conformance import Program, Run

RAISES = """\
# conformance: stderr=full
import asyncio

async def main():
    print("started", flush=True)
    await asyncio.sleep(0)
    raise ValueError(object())

asyncio.run(main())
"""


@pytest.fixture
def program(tmp_path):
    path = tmp_path / "corpus" / "raises.py"
    path.parent.mkdir()
    path.write_text(RAISES)
    return Program.load(path)


@pytest.fixture
def this_python_only(monkeypatch):
    monkeypatch.setattr(conformance, "cpythons", lambda: {sys.version_info[:2]: sys.executable})


def no_notes(key):
    return None


def test_a_record_keeps_what_cpython_printed_without_the_recording_machines_paths(program, tmp_path,
                                                                                  this_python_only):
    records = tmp_path / "records"
    recorded = conformance.record(program, records)
    kept = json.loads((records / "raises.json").read_text())
    assert kept["python"] == ".".join(map(str, sys.version_info[:3]))
    assert kept["recorded_at"].startswith("20") and kept["program_sha256"] == program.digest
    assert kept["stdout"] == ["started"] and kept["status"] == 1
    stderr = "\n".join(kept["stderr"])
    assert 'File "<program>", line 9, in <module>' in stderr
    assert str(tmp_path) not in stderr and sys.prefix not in stderr and sys.base_prefix not in stderr
    assert 'File "<stdlib>/asyncio/runners.py", line N' in stderr and "ValueError: <object object at 0x…>" in stderr
    # The deck printing what CPython printed (its own file name and addresses) matches the record.
    deck = Run(["started"], [line.replace("<program>", f"{conformance.CELL}.py").replace("0x…", "0x7f00")
                             for line in kept["stderr"]], 1, recorded.run.seconds)
    assert conformance.judge(program, recorded, None, deck, no_notes).matches


def test_the_deck_is_judged_against_the_record_when_no_cpython_here_is_new_enough(program, tmp_path, monkeypatch):
    monkeypatch.setattr(conformance, "cpythons", lambda: {(3, 11): "/usr/bin/python3"})
    recorded = conformance.Record(Run(["started"], ["ValueError: x"], 1, 0.0), "3.13.0", "2026-12-01T00:00:00+00:00",
                                  program.digest)
    assert conformance.live_python_for(program, recorded) is None
    differs = Run(["started", "more"], ["ValueError: x"], 1, 0.0)
    verdict = conformance.judge(program, recorded, None, differs, no_notes)
    assert not verdict.matches and "stdout differs" in verdict.problems[0]
    monkeypatch.setattr(conformance, "cpythons", lambda: {(3, 11): "a", (3, 13): "b", (3, 14): "c"})
    assert conformance.live_python_for(program, recorded) == (3, 14)


def test_a_live_cpython_that_disagrees_with_the_deck_fails_it_even_when_the_record_agrees(program):
    recorded = conformance.Record(Run(["started"], ["ValueError: x"], 1, 0.0), "3.13.0", "2026-12-01T00:00:00+00:00",
                                  program.digest)
    deck = Run(["started"], ["ValueError: x"], 1, 0.0)
    live = Run(["started"], ["TypeError: y"], 1, 0.0, python="3.13")
    verdict = conformance.judge(program, recorded, live, deck, no_notes)
    assert verdict.live is live
    assert [problem.split(":")[0] for problem in verdict.problems] == ["against CPython 3.13 here"]


def test_a_record_of_an_older_version_of_the_program_or_none_fails(program):
    deck = Run(["started"], ["ValueError: x"], 1, 0.0)
    stale = conformance.Record(deck, "3.13.0", "2026-12-01T00:00:00+00:00", "0" * 64)
    assert "older version of the program" in conformance.judge(program, stale, None, deck, no_notes).problems[0]
    assert "no record" in conformance.judge(program, None, None, deck, no_notes).problems[0]


def test_a_record_keeps_the_fastest_of_five_runs(program, tmp_path, monkeypatch):
    """On a loaded machine a timer fires late, fewer ticks fit, threads finish out of turn: load only slows a
    program down, so the fastest run is CPython's behaviour, however many slow ones printed otherwise."""
    printed = iter([["late"], ["started"], ["late"], ["late"], ["started"]])
    seconds = iter([0.31, 0.12, 0.33, 0.32, 0.20])
    monkeypatch.setattr(conformance, "python_for", lambda program: (3, 13))
    monkeypatch.setattr(conformance, "cpythons", lambda: {(3, 13): sys.executable})
    monkeypatch.setattr(conformance, "_run_cpython_once",
                        lambda program, version: Run(next(printed), [], 0, next(seconds)))
    recorded = conformance.record(program, tmp_path)
    assert recorded.run.stdout == ["started"] and recorded.run.seconds == 0.12
    assert recorded.agreeing == "2 of 5"
