"""The cell's loopback network (slides/runtime/python/_livedeck/loopback/) in real Chromium: what a run
leaves behind, and what a call waiting on a socket sees when the socket closes, against CPython.

The docs' examples (streams, protocols, socketpair, UDP, sock_*, http.server with urllib, the errors, four
clients at once) are in the conformance corpus (tests/conformance/net_*.py); these are the odd cases.
"""

import subprocess
import sys

import pytest

pytestmark = pytest.mark.browser

CELL = "await_coroutine"  # a cell whose code these tests replace


@pytest.fixture(scope="module")
def deck(module_contexts):
    return module_contexts.open_deck("asyncio.ko").wait_settled()  # some runs are timed


def run_live(deck, source, keep=False):
    deck.page.evaluate("([name, keep]) => { window.liveDeck.cell(name).keep = keep }", [CELL, keep])
    try:
        finished = deck.run_to_end(CELL, source, 20_000)
    finally:
        deck.page.evaluate("(name) => { window.liveDeck.cell(name).keep = false }", CELL)
    assert finished.outcome == "done", finished
    return finished


def printed(finished, stream="stdout"):
    return [line.text for line in finished.lines if line.stream == stream]


def cpython(source, tmp_path):
    script = tmp_path / "script.py"
    script.write_text(source)
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


# A server on a fixed port, left open when the script ends, its thread (a daemon) blocked in accept().
LEFT_OPEN = """\
import socket, threading

server = socket.create_server(("127.0.0.1", 47123))

def serve():
    while True:
        conn, _ = server.accept()
        conn.sendall(b"hello")
        conn.close()

threading.Thread(target=serve, daemon=True).start()
with socket.create_connection(("127.0.0.1", 47123)) as client:
    print(client.recv(100))
"""


def test_a_server_left_open_ends_with_its_run_and_the_port_is_free_again(deck):
    # As two `python script.py` in a row: each run binds the port its last run left bound, and ends
    # though a daemon thread still waits in accept().
    for _ in range(2):
        finished = run_live(deck, LEFT_OPEN)
        assert (printed(finished), finished.exit_status) == (["b'hello'"], 0)
        assert printed(finished, "stderr") == []


def test_a_kept_cells_sockets_close_at_the_end_of_each_run(deck):
    # A kept cell keeps its namespace across runs, not its sockets: they close with the run, as its
    # threads end, so the next run binds the port again and the old socket object is closed.
    first = run_live(deck, LEFT_OPEN, keep=True)
    again = run_live(deck, "import errno\ntry:\n    server.accept()\nexcept OSError as error:\n"
                     "    print(error.errno == errno.EBADF, error.strerror)\n" + LEFT_OPEN, keep=True)
    assert printed(first) == ["b'hello'"]
    assert printed(again) == ["True Bad file descriptor", "b'hello'"]


CLOSED_WHILE_READING = """\
import asyncio, socket, threading, time

async def main():
    async def handle(reader, writer):
        await asyncio.sleep(0.2)
        writer.close()  # the server closes while the client's read waits
        await writer.wait_closed()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    address = server.sockets[0].getsockname()
    reader, writer = await asyncio.open_connection(*address)
    print("peer closed:", await reader.read(100), reader.at_eof())
    writer.close()
    await writer.wait_closed()

    reader, writer = await asyncio.open_connection(*address)
    reading = asyncio.create_task(reader.read(100))
    await asyncio.sleep(0.05)
    writer.close()  # this side closes while one of its tasks reads
    await writer.wait_closed()
    print("own close:", await reading)
    server.close()
    await server.wait_closed()

asyncio.run(main())

def read(sock, results):
    results.append(sock.recv(100))

for how in ("peer closes", "shutdown"):
    a, b = socket.socketpair()
    results = []
    thread = threading.Thread(target=read, args=(a, results))
    thread.start()
    time.sleep(0.1)
    if how == "peer closes":
        b.close()
    else:
        a.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in recv()
    thread.join()
    print(f"{how}: {results}")
    a.close()
    b.close()
"""


def test_closing_while_a_read_waits_ends_the_read_as_in_cpython(deck, tmp_path):
    finished = run_live(deck, CLOSED_WHILE_READING)
    assert printed(finished) == cpython(CLOSED_WHILE_READING, tmp_path)
    assert printed(finished) == ["peer closed: b'' True", "own close: b''", "peer closes: [b'']", "shutdown: [b'']"]
    assert printed(finished, "stderr") == []
