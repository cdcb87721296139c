"""What each demo must print under CPython, next to it: demos/expected/<name>.toml.

    seconds = 2.0                 # its loop time (looptime: virtual, exact)
    stdout = '''
    hello
    '''                           # exactly, as demo_runner records it (wall clock from 12:00:00)
    stderr = ''
    [platform_figures]            # optional: figures that honestly differ in the browser
    'in 1\\.\\d s' = "in ≈1 s"      # a regular expression → what both sides' text becomes

tests/test_demos.py asserts the first three, tests/test_parity.py compares the browser's output with
CPython's after [platform_figures]. `invoke new-demo NAME` writes a file still to be filled in (`todo`).
"""

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .paths import DEMOS


class MissingExpectation(AssertionError):
    pass


@dataclass(frozen=True)
class Expectation:
    stdout: str
    stderr: str
    seconds: float
    platform_figures: list[tuple[str, str]] = field(default_factory=list)


def path(name: str, demos: Path = DEMOS) -> Path:
    return demos / "expected" / f"{name}.toml"


def literal(text: str) -> str:
    """A TOML string holding *text* as it reads: a multi-line literal, or ''."""
    if not text:
        return "''"
    if "'''" in text:
        return '"""\n' + text.replace("\\", "\\\\").replace('"""', '\\"""') + '"""'
    return "'''\n" + text + "'''"


def toml_text(name: str, stdout: str, stderr: str, seconds: float) -> str:
    return (f"# What demos/{name}.py prints under CPython, and its loop time (tests/test_demos.py).\n"
            f"seconds = {round(seconds, 2)}\nstdout = {literal(stdout)}\nstderr = {literal(stderr)}\n")


def expected(name: str, demos: Path = DEMOS) -> Expectation:
    """The file's expectation; a missing or unfilled file raises, saying which file and what to write."""
    file = path(name, demos)
    shown = file.relative_to(demos.parent)
    if not file.exists():
        raise MissingExpectation(f"demos/{name}.py has no {shown} (its stdout, stderr and loop time: "
                                 f"`invoke new-demo {name}` writes one to fill in)")
    data = tomllib.loads(file.read_text())
    if "todo" in data:
        raise MissingExpectation(f"{shown} is still to be filled in: {data['todo']}")
    return Expectation(data["stdout"], data["stderr"], float(data["seconds"]),
                       list(data.get("platform_figures", {}).items()))
