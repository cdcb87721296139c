"""Install what the build and the tests need, or stop with a clear message."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from .browser import CHROMIUM
from .paths import NODE_MODULES, ROOT


class MissingRequirement(SystemExit):
    def __init__(self, message: str):
        super().__init__(f"\n✗ {message}\n")


def node_modules() -> None:
    """`npm ci` when node_modules is missing or older than package-lock.json."""
    if shutil.which("npm") is None:
        raise MissingRequirement("npm is not installed: install Node.js 20+ (with npm) and rerun.")
    marker = NODE_MODULES / ".package-lock.json"
    lock = ROOT / "package-lock.json"
    if marker.exists() and marker.stat().st_mtime >= lock.stat().st_mtime:
        return
    print("→ npm ci (node_modules is missing or out of date)", flush=True)
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT, check=True)


def _on_debian_as_root() -> bool:
    return Path("/etc/debian_version").exists() and os.geteuid() == 0 and shutil.which("apt-get")


def debian_packages(*, for_tests: bool) -> None:
    """Debian's Chromium (and, for the tests, chromedriver and poppler's pdftotext)."""
    wanted = {"chromium": CHROMIUM}
    if for_tests:
        wanted |= {"chromium-driver": "/usr/bin/chromedriver", "poppler-utils": "/usr/bin/pdftotext"}
    missing = [pkg for pkg, path in wanted.items() if not Path(path).exists()]
    if not missing:
        return
    if not _on_debian_as_root():
        raise MissingRequirement(
            f"missing {', '.join(missing)}: install Debian's packages "
            f"(sudo apt-get install -y {' '.join(missing)}) or an equivalent Chromium at {CHROMIUM}."
        )
    print(f"→ apt-get install {' '.join(missing)}", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True, env=env)


def browser_for_build() -> None:
    """Chromium, which makes the deck's snapshot of Python; installed where it can be, else the build
    says it goes without (deckkit/build.py)."""
    try:
        debian_packages(for_tests=False)
    except MissingRequirement as missing:
        print(str(missing).strip(), flush=True)


def python_test_packages() -> None:
    """The test extra of pyproject.toml (pytest, looptime, playwright, pytest-pyodide)."""
    try:
        import looptime, playwright, pytest, pytest_pyodide  # noqa: F401, E401
    except ImportError as error:
        print(f"→ pip install -e '.[test]' ({error.name} is missing)", flush=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "-e", ".[test]"], cwd=ROOT, check=True)


def pinned_npm_version(package: str) -> str:
    return json.loads((ROOT / "package.json").read_text())["devDependencies"][package]
