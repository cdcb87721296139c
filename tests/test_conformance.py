"""The conformance corpus (tests/conformance/*.py): each program in the live deck prints what CPython prints.

One run of the whole corpus per session (deckkit/conformance.py): the deck in Chromium, a live cell of the
Korean deck per program, against CPython's output recorded in tests/conformance/cpython/ and, where this
machine has a CPython at least as new as the recorded one, against that one live too (in parallel
subprocesses). A test per program reports its verdict.
"""

import pytest

from deckkit import conformance

pytestmark = pytest.mark.browser

PROGRAMS = conformance.corpus()


@pytest.fixture(scope="module")
def verdicts(module_contexts, base_url):
    results = conformance.run_corpus(module_contexts.new_page(), base_url, PROGRAMS)
    return {verdict.program.name: verdict for verdict in results}


def test_the_corpus_is_large_and_every_program_has_a_current_record_of_cpython():
    assert len(PROGRAMS) >= 60
    records = {p.name: conformance.load_record(p) for p in PROGRAMS}
    missing = [name for name, record in records.items() if record is None]
    assert not missing, f"no record of CPython's output for {missing}: run `invoke conformance --record`"
    stale = [p.name for p in PROGRAMS if not records[p.name].is_of(p)]
    assert not stale, f"recorded from an older version of {stale}: run `invoke conformance --record`"
    too_old = [p.name for p in PROGRAMS if records[p.name].version < p.requires]
    assert not too_old, f"recorded by a CPython older than the program requires: {too_old}"
    assert not [name for name in conformance.KNOWN_DIFFERENCES if name not in records]


@pytest.mark.parametrize("name", [p.name for p in PROGRAMS])
def test_program_in_the_deck_behaves_as_in_cpython(verdicts, name):
    verdict = verdicts[name]
    if name in conformance.KNOWN_DIFFERENCES:
        assert not verdict.matches, f"{name} now matches CPython: take it off KNOWN_DIFFERENCES"
        pytest.xfail(conformance.KNOWN_DIFFERENCES[name])
    assert verdict.matches, "\n".join(verdict.problems)


def test_platform_limits_are_announced_in_korean(verdicts):
    limited = [v for v in verdicts.values() if v.program.limit]
    assert {v.program.limit for v in limited} >= {"loopbackOnly", "subprocess", "signals", "cpuThreads"}
    for verdict in limited:
        assert verdict.note and any("\uac00" <= ch <= "\ud7a3" for ch in verdict.note), verdict.program.name


def test_the_english_deck_announces_the_same_limits_in_english(contexts):
    deck = contexts.open_deck("asyncio.en")
    labels = conformance.DeckLabels(deck.labels())
    for program in (p for p in PROGRAMS if p.limit):
        notes = [text for _, text in conformance.run_in_deck(deck, labels, program).notes]
        assert notes == [labels.note_text(program.limit)], program.name
        assert not any("\uac00" <= ch <= "\ud7a3" for ch in notes[0]), program.name
