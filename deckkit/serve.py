"""Serve dist/ on 127.0.0.1 with the right MIME types (.mjs, .wasm), from the stdlib."""

import errno
import functools
import http.server
import sys
import threading
from pathlib import Path

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


class DeckRequestHandler(http.server.SimpleHTTPRequestHandler):
    # Keep-alive: a deck opens with ~60 requests (font slices, Pyodide); a connection each would
    # cost a handshake per file and crowd the browser's six connections per host.
    protocol_version = "HTTP/1.1"
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}

    def log_message(self, format, *args):  # noqa: A002 - quiet: the presenter's terminal stays readable
        pass

    def send_header(self, keyword, value):
        if keyword.lower() == "cache-control":
            self._cache_control_sent = True
        super().send_header(keyword, value)

    def end_headers(self):
        # Revalidate every file (a 304 is free on localhost): after a rebuild the browser must not
        # keep running an old runtime it cached heuristically, for 10% of the file's age.
        if not getattr(self, "_cache_control_sent", False):
            super().send_header("Cache-Control", "no-cache")
        self._cache_control_sent = False  # keep-alive: the next request on this connection starts afresh
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


def url(server: DeckServer, path: str = "") -> str:
    host, port = server.server_address[:2]
    return f"http://{host}:{port}/{path}"
