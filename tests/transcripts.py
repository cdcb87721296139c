"""Make transcripts comparable: wall-clock timestamps and memory addresses differ on every run."""

import re

TIMESTAMP = re.compile(r"\b\d{2}:\d{2}:\d{2}\b")
ADDRESS = re.compile(r"0x[0-9a-fA-F]+")


def normalise(text: str, timestamps: bool = True) -> str:
    """Addresses always; wall-clock timestamps unless they come from a recording's virtual clock."""
    text = ADDRESS.sub("0x…", text)
    return TIMESTAMP.sub("HH:MM:SS", text) if timestamps else text
