"""Whether dist/ was built from the sources as they are: a stamp over the hashes of every input of the
build (slides, demos, the runtime, deckkit, the lock of node_modules), written after a build succeeded.
`invoke test` builds only when the stamp differs; `invoke build` always builds."""

import hashlib

from .paths import DIST, ROOT

INPUTS = ("slides", "demos", "deckkit", "package-lock.json", "pyproject.toml", "tasks.py")
SKIPPED = ("__pycache__", "fonts", "expected")  # generated (slides/fonts: PDF export), or not built from
STAMP = DIST / ".build-stamp"


def fingerprint(root=ROOT) -> str:
    digest = hashlib.sha256()
    for name in INPUTS:
        top = root / name
        for path in sorted([top] if top.is_file() else top.rglob("*")):
            if path.is_file() and not set(SKIPPED) & set(path.relative_to(root).parts):
                digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def build_is_current(dist=DIST, root=ROOT) -> bool:
    stamp = dist / STAMP.name
    return stamp.exists() and stamp.read_text() == fingerprint(root) and (dist / "index.html").exists()


def record_build(dist=DIST, root=ROOT) -> None:
    (dist / STAMP.name).write_text(fingerprint(root))
