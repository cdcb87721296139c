"""`invoke present`'s server: the types a browser needs, keep-alive, a busy port, quiet disconnects."""

import http.client
import socket
import struct
import time

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
