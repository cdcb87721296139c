"""Debian's Chromium, the one browser used everywhere (marp-cli, Playwright, pytest-pyodide)."""

CHROMIUM = "/usr/bin/chromium"

# Quiet, offline-friendly flags: without the background-networking ones Chromium
# keeps trying hosts this network cannot reach.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# The window the deck is driven in (tests, bench, conformance): a projector's 16:9.
VIEWPORT = {"width": 1280, "height": 720}
