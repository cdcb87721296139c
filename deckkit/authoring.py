"""`invoke serve`: rebuild when a slide, the theme, an engine plugin, the runtime or a demo changes,
and reload the open browser pages. A build error shows in the terminal and on the page; the
server keeps running and recovers with the next good save.
"""

import json
import threading
import time
from pathlib import Path

from . import build as site
from .serve import DeckRequestHandler, bind

WATCHED = ("*.md", "*.css", "*.mjs", "*.js", "*.py", "*.toml")  # .toml: exercises and translations
POLL_SECONDS = 0.4

# Injected into served deck pages only (never into dist/ files).
RELOAD_SCRIPT = b"""
(() => {
  let seen = null
  const overlay = document.createElement('pre')
  overlay.id = 'build-error'
  overlay.style.cssText = 'position:fixed;inset:auto 0 0 0;z-index:99;margin:0;padding:16px;max-height:50vh;overflow:auto;' +
    'background:#b3261e;color:#fff;font:14px/1.4 monospace;white-space:pre-wrap;display:none'
  document.body.append(overlay)
  const poll = async () => {
    try {
      const state = await (await fetch('__build', { cache: 'no-store' })).json()
      if (seen !== null && state.version !== seen && !state.error) location.reload()
      seen = state.version
      overlay.textContent = state.error ? `Build failed \\u2014 the deck below is the last good build.\\n\\n${state.error}` : ''
      overlay.style.display = state.error ? 'block' : 'none'
    } catch {}
    setTimeout(poll, 500)
  }
  poll()
})()
"""


class Project:
    """The sources of a deck project (the repo, or a copy of it in a test)."""

    def __init__(self, root: Path, decks, out: Path):
        self.root = root
        self.slides = root / "slides"
        self.decks = tuple(decks)
        self.out = out

    def snapshot(self) -> dict:
        files = {}
        for folder in (self.slides, self.root / "demos"):
            for pattern in WATCHED:
                for path in folder.rglob(pattern):
                    if "fonts" not in path.parts:
                        files[path] = path.stat().st_mtime_ns
        return files

    def build(self, changed=None) -> None:
        """Decks always; the bundled runtime and assets on the first build or when the runtime changed."""
        self.out.mkdir(parents=True, exist_ok=True)
        site.check_sources(self.root, self.decks)
        for deck in self.decks:
            site.marp(self.slides / f"{deck}.md", self.out / f"{deck}.html", config=self.slides / "marp.config.mjs")
        runtime = self.slides / "runtime"
        if changed is None or any(runtime in path.parents for path in changed):
            site.bundle_runtime(self.out / "runtime")
        if changed is None:
            site.copy_fonts(self.out / "fonts")
            site.copy_pyodide(self.out / "pyodide")


class AuthoringServer:
    def __init__(self, project: Project, port: int = 8000, log=print):
        self.project = project
        self.log = log
        self.version = 0
        self.error = None
        self._stop = threading.Event()
        state = self

        class Handler(DeckRequestHandler):
            def do_GET(self):
                path = self.path.split("?")[0]
                if path.endswith("/__build"):
                    return self._send(json.dumps({"version": state.version, "error": state.error}).encode(), "application/json")
                if path.endswith("/__live-reload.js"):
                    return self._send(RELOAD_SCRIPT, "text/javascript")
                file = Path(self.translate_path(path))
                if file.suffix == ".html" and file.is_file():
                    page = file.read_bytes().replace(b"</body>", b'<script src="__live-reload.js"></script></body>')
                    return self._send(page, "text/html; charset=utf-8")
                return super().do_GET()

            def _send(self, body, content_type):
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)

        self.server = bind(project.out, port, handler=Handler)

    def rebuild(self, changed=None) -> None:
        started = time.monotonic()
        try:
            self.project.build(changed)
        except site.BuildError as error:
            message = str(error.code if hasattr(error, "code") else error).strip()
            self.log(f"{message}\n  (still serving the last good build; fix and save to retry)")
            self.error = message  # the page shows it from here on, after the terminal
        else:
            self.error = None
            self.version += 1
            self.log(f"✓ rebuilt in {time.monotonic() - started:.1f} s")

    def watch(self, before: dict) -> None:
        while not self._stop.wait(POLL_SECONDS):
            now = self.project.snapshot()
            if now != before:
                changed = {p for p in set(now) | set(before) if now.get(p) != before.get(p)}
                before = now
                self.log("… " + ", ".join(sorted(str(p.relative_to(self.project.root)) for p in changed)))
                self.rebuild(changed)

    def start(self) -> "AuthoringServer":
        self.rebuild()
        # The files as built, taken before start() returns: a save made right after it (a test's,
        # or an author's on a busy machine) is a change even if the watcher's thread starts late.
        before = self.project.snapshot()
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        threading.Thread(target=self.watch, args=(before,), daemon=True).start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self.server.shutdown()
        self.server.server_close()
