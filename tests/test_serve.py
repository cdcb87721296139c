"""`invoke present`'s server: the types a browser needs, keep-alive, a busy port, quiet disconnects, and
the build's brotli and gzip copies sent to a browser that accepts them."""

import gzip
import http.client
import os
import socket
import struct
import time

import brotli
import pytest

from deckkit.compress import precompress
from deckkit.serve import bind, serve_in_background


def get(connection, path):
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    return response, body


def test_types_the_browser_needs_to_run_the_deck(built_site, server):
    connection = http.client.HTTPConnection(*server.server_address[:2], timeout=10)
    expected = {
        "/pyodide/pyodide.asm.wasm": "application/wasm",  # instantiateStreaming refuses anything else
        "/pyodide/pyodide.asm.mjs": "text/javascript",  # the worker imports it: modules refuse anything else
        "/asyncio.ko.html": "text/html; charset=utf-8",
        "/runtime/python-worker.js": "text/javascript",  # a module worker refuses anything else
    }
    font = next((built_site / "fonts" / "noto-sans-kr" / "files").glob("*.woff2"))
    expected[f"/fonts/noto-sans-kr/files/{font.name}"] = "font/woff2"
    for path, content_type in expected.items():
        response, body = get(connection, path)
        assert response.status == 200, path
        assert response.getheader("Content-Type") == content_type, path
        assert len(body) == int(response.getheader("Content-Length"))
        assert response.getheader("Cache-Control") == "no-cache", "a rebuilt deck must not be served stale"
    connection.close()


def test_one_connection_serves_many_requests(server):
    connection = http.client.HTTPConnection(*server.server_address[:2], timeout=10)
    response, _ = get(connection, "/asyncio.en.html")
    assert not response.will_close, "the server closes the connection after each request"
    first = connection.sock
    response, _ = get(connection, "/runtime/deck.js")
    assert response.status == 200
    assert first is not None and connection.sock is first
    connection.close()


def test_a_busy_port_moves_on_to_the_next_free_one(built_site, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        port = taken.getsockname()[1]
        taken.listen()
        server = bind(built_site, port)
        try:
            assert server.server_address[1] > port
            assert f"port {port} is busy" in capsys.readouterr().out
        finally:
            server.server_close()


def test_a_download_cut_short_prints_nothing(built_site, capfd):
    server = serve_in_background(built_site)
    try:
        client = socket.create_connection(server.server_address[:2])
        client.sendall(b"GET /pyodide/pyodide.asm.wasm HTTP/1.1\r\nHost: deck\r\n\r\n")
        client.recv(4096)
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # reset, as a closed tab
        client.close()
        time.sleep(0.5)  # the server's next write fails now
        assert "Traceback" not in capfd.readouterr().err
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def compressed_site(tmp_path):
    """A small site with the build's brotli and gzip copies beside its files."""
    (tmp_path / "runtime").mkdir()
    (tmp_path / "runtime" / "deck.js").write_text("export const slides = 42\n" * 400)
    (tmp_path / "tiny.js").write_text("1\n")  # too small to be worth a copy
    precompress(tmp_path)
    server = serve_in_background(tmp_path)
    yield tmp_path, server
    server.shutdown()
    server.server_close()


def get_with(server, path, accept_encoding=None, **headers):
    connection = http.client.HTTPConnection(*server.server_address[:2], timeout=10)
    if accept_encoding is not None:
        headers["Accept-Encoding"] = accept_encoding
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


@pytest.mark.parametrize("accept, coding", [
    ("gzip, deflate, br, zstd", "br"),
    ("gzip, deflate", "gzip"),
    ("br;q=0, gzip;q=0.5", "gzip"),
    ("identity", None),
    (None, None),
])
def test_a_browser_gets_the_best_copy_it_accepts_and_it_decodes_to_the_file(compressed_site, accept, coding):
    site, server = compressed_site
    original = (site / "runtime" / "deck.js").read_bytes()
    response, body = get_with(server, "/runtime/deck.js", accept)
    assert response.status == 200
    assert response.getheader("Content-Encoding") == coding
    assert response.getheader("Vary") == "Accept-Encoding"  # a cache keeps one answer per coding
    assert response.getheader("Content-Type") == "text/javascript"  # the file's type, not the copy's
    assert int(response.getheader("Content-Length")) == len(body)
    decode = {"br": brotli.decompress, "gzip": gzip.decompress, None: bytes}[coding]
    assert decode(body) == original
    if coding:
        assert len(body) < len(original) / 5


def test_a_file_without_copies_is_sent_as_it_is_without_vary(compressed_site):
    _, server = compressed_site
    response, body = get_with(server, "/tiny.js", "gzip, br")
    assert body == b"1\n" and response.getheader("Content-Encoding") is None and response.getheader("Vary") is None


def test_a_copy_older_than_its_file_is_never_sent(compressed_site):
    """`invoke serve` rebuilds a deck without compressing it: the old copy must not shadow the new file."""
    site, server = compressed_site
    deck = site / "runtime" / "deck.js"
    deck.write_text("export const slides = 43\n")
    copy_time = (site / "runtime" / "deck.js.br").stat().st_mtime
    os.utime(deck, (copy_time + 5, copy_time + 5))
    response, body = get_with(server, "/runtime/deck.js", "gzip, br")
    assert body == b"export const slides = 43\n" and response.getheader("Content-Encoding") is None


def test_a_revalidated_copy_is_not_sent_again(compressed_site):
    _, server = compressed_site
    first, _ = get_with(server, "/runtime/deck.js", "br")
    again, body = get_with(server, "/runtime/deck.js", "br", **{"If-Modified-Since": first.getheader("Last-Modified")})
    assert again.status == 304 and body == b""
    assert again.getheader("Vary") == "Accept-Encoding" and again.getheader("Content-Encoding") is None


def test_the_snapshot_is_served_from_its_copies_alone(built_site, server):
    """The build writes no 31 MB snapshot: a request for it gets a copy, or 404 from a server that
    cannot send one (the worker then asks for the .gz)."""
    [name] = {copy.stem for copy in (built_site / "snapshots").iterdir()}
    assert not (built_site / "snapshots" / name).exists()
    response, body = get_with(server, f"/snapshots/{name}", "gzip, deflate, br, zstd")
    assert response.getheader("Content-Encoding") == "br"
    assert brotli.decompress(body) == gzip.decompress((built_site / "snapshots" / f"{name}.gz").read_bytes())
    response, _ = get_with(server, f"/snapshots/{name}", "identity")
    assert response.status == 404


@pytest.mark.browser
def test_the_browser_fetches_pyodide_brotli_compressed_and_gets_its_bytes(browser, base_url, built_site):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{base_url}index.html")
        with page.expect_response("**/pyodide.asm.wasm") as response:
            size = page.evaluate("async () => (await (await fetch('pyodide/pyodide.asm.wasm')).arrayBuffer()).byteLength")
        assert response.value.headers["content-encoding"] == "br"
        assert int(response.value.headers["content-length"]) < 0.4 * size
        assert size == (built_site / "pyodide" / "pyodide.asm.wasm").stat().st_size
    finally:
        context.close()
