"""Make transcripts comparable: wall-clock timestamps and memory addresses differ on every run, and a
figure in seconds may be a timer's late firing off on a loaded machine."""

import re

TIMESTAMP = re.compile(r"\b\d{2}:\d{2}:\d{2}\b")
ADDRESS = re.compile(r"0x[0-9a-fA-F]+")


def normalise(text: str, timestamps: bool = True) -> str:
    """Addresses always; wall-clock timestamps unless they come from a recording's virtual clock."""
    text = ADDRESS.sub("0x…", text)
    return TIMESTAMP.sub("HH:MM:SS", text) if timestamps else text


SECONDS = re.compile(r"\d+\.\d+")


def assert_same_output(live, cpython_lines, tolerance=0.1):
    """The same lines; their decimal figures (seconds) within *tolerance*: on a two-core machine busy with
    other work a timer fires 50 ms late and "1.0 s" prints as "1.1 s", yet an event that came a whole step
    early or late (a blocking call, a missed overlap) still fails."""
    assert [SECONDS.sub("#", line) for line in live] == [SECONDS.sub("#", line) for line in cpython_lines]
    for ours, theirs in zip(live, cpython_lines):
        for a, b in zip(SECONDS.findall(ours), SECONDS.findall(theirs)):
            assert abs(float(a) - float(b)) <= tolerance + 1e-9, (ours, theirs)
