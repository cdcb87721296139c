# socket: CPython's errors on the loopback: refused, reset, timed out, address in use, a closed socket
import asyncio
import errno
import socket

def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]

port = free_port()
try:
    socket.create_connection(("127.0.0.1", port))
except ConnectionRefusedError as error:
    print("refused:", error.errno == errno.ECONNREFUSED, error.strerror)

listener = socket.create_server(("127.0.0.1", 0))
address = listener.getsockname()
with socket.socket() as other:
    try:
        other.bind(address)
    except OSError as error:
        print("bind:", type(error).__name__, error.errno == errno.EADDRINUSE, error.strerror)

client = socket.create_connection(address)
conn, _ = listener.accept()
client.settimeout(0.2)
try:
    client.recv(100)
except TimeoutError as error:
    print("recv:", repr(error), isinstance(error, socket.timeout))

client.sendall(b"never read")
conn.close()  # closed with unread data: the connection is reset
try:
    client.recv(100)
except ConnectionResetError as error:
    print("reset:", error.errno == errno.ECONNRESET, error.strerror)
try:
    client.sendall(b"more")
except BrokenPipeError as error:
    print("send:", error.errno == errno.EPIPE, error.strerror)
client.close()
print("closed:", client.fileno(), client)
try:
    client.getsockname()
except OSError as error:
    print("closed socket:", error.errno == errno.EBADF, error.strerror)

async def main():
    try:
        await asyncio.start_server(lambda r, w: None, "127.0.0.1", address[1])
    except OSError as error:
        # "error while attempting to bind on address (…): [errno N] address already in use"
        print("start_server:", error.errno == errno.EADDRINUSE, error.strerror.split("] ")[-1])
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError as error:
        print("open_connection:", error.strerror.replace(str(port), "PORT"))
    reader, writer = await asyncio.open_connection(*address)
    try:
        await asyncio.wait_for(reader.read(100), timeout=0.2)
    except TimeoutError:
        print("read: no answer in 0.2 s")
    writer.close()
    await writer.wait_closed()

asyncio.run(main())
listener.close()
