"""Make transcripts comparable: wall-clock timestamps and memory addresses differ on every run."""

import re

TIMESTAMP = re.compile(r"\b\d{2}:\d{2}:\d{2}\b")
ADDRESS = re.compile(r"0x[0-9a-fA-F]+")


def normalise(text: str) -> str:
    return ADDRESS.sub("0x…", TIMESTAMP.sub("HH:MM:SS", text))
