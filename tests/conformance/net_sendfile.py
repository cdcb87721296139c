# socket: socket.sendfile() and loop.sock_sendfile() send a file over the loopback, from an offset, a count
# conformance: timed=no
import asyncio
import os
import socket
import tempfile
import threading

data = bytes(range(256)) * 12_000  # 3 MB: more than a socket holds unread

def receive(sock, into):
    while chunk := sock.recv(65536):
        into.append(chunk)

with tempfile.TemporaryFile() as file:
    file.write(data)
    file.flush()
    for offset, count in ((0, None), (1000, 5000)):
        a, b = socket.socketpair()
        received = []
        reader = threading.Thread(target=receive, args=(b, received))
        reader.start()
        sent = a.sendfile(file, offset, count)
        a.close()
        reader.join()
        b.close()
        got = b"".join(received)
        print("sendfile:", sent, got == data[offset:offset + count if count else None], file.tell() == offset + sent)

    async def main():
        loop = asyncio.get_running_loop()
        server_got = []
        done = asyncio.Event()

        async def handle(reader, writer):
            server_got.append(await reader.read())
            writer.close()
            done.set()

        server = await asyncio.start_server(handle, "127.0.0.1", 0)
        sock = socket.create_connection(server.sockets[0].getsockname())
        sock.setblocking(False)
        file.seek(0)
        sent = await loop.sock_sendfile(sock, file)
        sock.shutdown(socket.SHUT_WR)
        await done.wait()
        print("sock_sendfile:", sent, server_got[0] == data)
        sock.close()
        server.close()
        await server.wait_closed()

    asyncio.run(main())
print("os.sendfile:", hasattr(os, "sendfile"))
