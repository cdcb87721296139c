"""Where things are."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SLIDES = ROOT / "slides"
DEMOS = ROOT / "demos"
DIST = ROOT / "dist"
NODE_MODULES = ROOT / "node_modules"
MARP_CONFIG = SLIDES / "marp.config.mjs"
# The runtime's Python: a package run inside Pyodide, and imported under CPython (its tracer, its graders).
RUNTIME_PACKAGE = SLIDES / "runtime" / "python" / "_livedeck"

# The decks, Korean first: slides/asyncio.<lang>.md → dist/asyncio.<lang>.html
DECKS = ("asyncio.ko", "asyncio.en")


def deck_source(deck: str) -> Path:
    return SLIDES / f"{deck}.md"


def demo_files() -> list[Path]:
    return sorted(p for p in DEMOS.glob("*.py") if p.name != "__init__.py")


def runtime_modules() -> dict[str, str]:
    """The runtime's Python as the worker writes it under /home/pyodide/: every .py file of the package and its
    subpackages, {"_livedeck/<path>": source} (the worker's bundle derives the same list: deckkit/bundle-runtime.mjs)."""
    files = {path.relative_to(RUNTIME_PACKAGE).as_posix(): path for path in RUNTIME_PACKAGE.rglob("*.py")}
    return {f"{RUNTIME_PACKAGE.name}/{name}": files[name].read_text() for name in sorted(files)}
