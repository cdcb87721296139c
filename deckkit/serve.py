"""Serve dist/ on 127.0.0.1 with the right MIME types (.mjs, .wasm), from the stdlib, and the build's
brotli and gzip copies of a file (<file>.br, <file>.gz) to a browser that accepts them."""

import errno
import functools
import http.server
import os
import sys
import threading
from pathlib import Path

from .compress import SUFFIXES as PRECOMPRESSED  # the build's copies, best first: Content-Encoding → suffix
from .compress import is_current  # a copy older than its file is never sent
from .paths import DIST

MIME_TYPES = {
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".zip": "application/zip",
    ".woff2": "font/woff2",
    ".css": "text/css",
    ".py": "text/x-python",
    ".html": "text/html; charset=utf-8",
}


def accepted_encodings(header: str) -> set[str]:
    """The codings an Accept-Encoding header accepts (`br;q=0` refuses br)."""
    accepted = set()
    for item in header.split(","):
        coding, *params = (part.strip() for part in item.split(";"))
        quality = next((p.partition("=")[2] for p in params if p.startswith("q=")), "1")
        try:
            if coding and float(quality) > 0:
                accepted.add(coding.lower())
        except ValueError:
            pass
    return accepted


class DeckRequestHandler(http.server.SimpleHTTPRequestHandler):
    # Keep-alive: a deck opens with ~60 requests (font slices, Pyodide); a connection each would
    # cost a handshake per file and crowd the browser's six connections per host.
    protocol_version = "HTTP/1.1"
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}

    _cache_control_sent = False
    _encoding = None  # the precompressed copy chosen for this request: its Content-Encoding
    _encoded_type = None  # ... and the Content-Type of the file it is a copy of
    _varies = False  # the file has precompressed copies: the answer depends on Accept-Encoding
    _status = None

    def log_message(self, format, *args):  # noqa: A002 - quiet: the presenter's terminal stays readable
        pass

    def translate_path(self, path):
        """The file to send: the best precompressed copy the browser accepts, if the build wrote one."""
        real = super().translate_path(path)
        if os.path.isdir(real):
            return real
        copies = {coding: real + suffix for coding, suffix in PRECOMPRESSED.items() if is_current(real + suffix, real)}
        self._varies = bool(copies)
        accepted = accepted_encodings(self.headers.get("Accept-Encoding", ""))
        for coding, copy in copies.items():
            if coding in accepted:
                self._encoding, self._encoded_type = coding, self.guess_type(real)
                return copy
        return real

    def guess_type(self, path):
        return self._encoded_type or super().guess_type(path)

    def send_response(self, code, message=None):
        self._status = code
        super().send_response(code, message)

    def send_header(self, keyword, value):
        if keyword.lower() == "cache-control":
            self._cache_control_sent = True
        super().send_header(keyword, value)

    def end_headers(self):
        # Revalidate every file (a 304 is free on localhost): after a rebuild the browser must not
        # keep running an old runtime it cached heuristically, for 10% of the file's age.
        if not self._cache_control_sent:
            super().send_header("Cache-Control", "no-cache")
        if self._varies:
            super().send_header("Vary", "Accept-Encoding")  # caches keep one answer per coding
        if self._encoding and self._status == 200:
            super().send_header("Content-Encoding", self._encoding)
        # Keep-alive: the next request on this connection starts afresh.
        self._cache_control_sent = self._varies = False
        self._encoding = self._encoded_type = self._status = None
        super().end_headers()


class DeckServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A tab closed or reloaded mid-download (Pyodide is 10 MB) is routine, not an error to print.
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            return
        super().handle_error(request, client_address)


def bind(directory: Path = DIST, port: int = 8000, tries: int = 20, handler=DeckRequestHandler) -> DeckServer:
    """Bind the first free port from *port* on; a busy port moves on to the next one."""
    handler = functools.partial(handler, directory=str(directory))
    for candidate in range(port, port + tries):
        try:
            return DeckServer(("127.0.0.1", candidate), handler)
        except OSError as error:
            if error.errno != errno.EADDRINUSE:
                raise
            if port != 0:
                print(f"  port {candidate} is busy, trying {candidate + 1}", flush=True)
    raise SystemExit(f"✗ ports {port}–{port + tries - 1} are all busy: pass --port with a free one")


def serve_in_background(directory: Path = DIST, port: int = 0) -> DeckServer:
    """Start a server on a thread (for tests and the benchmark); port 0 = any free port."""
    server = bind(directory, port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def site_beside_dist(folder: Path, dist: Path = DIST, name: str = "site") -> Path:
    """A site in *folder* that serves *dist* (its entries linked) and whatever the caller adds beside it."""
    site = folder / name
    site.mkdir()
    for entry in dist.resolve().iterdir():
        (site / entry.name).symlink_to(entry)
    return site


def url(server: DeckServer, path: str = "") -> str:
    host, port = server.server_address[:2]
    return f"http://{host}:{port}/{path}"
