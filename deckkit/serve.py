"""Serve dist/ on 127.0.0.1 with the right MIME types (.mjs, .wasm), from the stdlib."""

import errno
import functools
import http.server
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
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}

    def log_message(self, format, *args):  # noqa: A002 - quiet: the presenter's terminal stays readable
        pass


def bind(directory: Path = DIST, port: int = 8000, tries: int = 20, handler=DeckRequestHandler) -> http.server.ThreadingHTTPServer:
    """Bind the first free port from *port* on; a busy port moves on to the next one."""
    handler = functools.partial(handler, directory=str(directory))
    for candidate in range(port, port + tries):
        try:
            return http.server.ThreadingHTTPServer(("127.0.0.1", candidate), handler)
        except OSError as error:
            if error.errno != errno.EADDRINUSE:
                raise
            if port != 0:
                print(f"  port {candidate} is busy, trying {candidate + 1}", flush=True)
    raise SystemExit(f"✗ ports {port}–{port + tries - 1} are all busy: pass --port with a free one")


def serve_in_background(directory: Path = DIST, port: int = 0) -> http.server.ThreadingHTTPServer:
    """Start a server on a thread (for tests and the benchmark); port 0 = any free port."""
    server = bind(directory, port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def url(server: http.server.ThreadingHTTPServer, path: str = "") -> str:
    host, port = server.server_address[:2]
    return f"http://{host}:{port}/{path}"
