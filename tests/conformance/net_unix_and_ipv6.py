# asyncio-stream: an AF_UNIX server and an IPv6 one on ::1, and a dual-stack socket taking an IPv4 client
import asyncio
import os
import socket
import tempfile

async def shout(reader, writer):
    writer.write((await reader.readline()).upper())
    await writer.drain()
    writer.close()
    await writer.wait_closed()

async def main():
    path = os.path.join(tempfile.mkdtemp(), "shout.sock")
    server = await asyncio.start_unix_server(shout, path)
    print("unix server:", server.sockets[0].family.name, server.sockets[0].getsockname() == path)
    reader, writer = await asyncio.open_unix_connection(path)
    writer.write(b"over a unix socket\n")
    print(await reader.readline())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()

    server = await asyncio.start_server(shout, "::1", 0)
    host, port = server.sockets[0].getsockname()[:2]
    print("IPv6 server:", host, len(server.sockets[0].getsockname()))
    reader, writer = await asyncio.open_connection("::1", port)
    writer.write(b"over IPv6\n")
    print(await reader.readline(), writer.get_extra_info("peername")[0])
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()

asyncio.run(main())

with socket.create_server(("", 0), family=socket.AF_INET6, dualstack_ipv6=True) as server:
    with socket.create_connection(("127.0.0.1", server.getsockname()[1])) as client:
        conn, address = server.accept()
        print("dual-stack: an IPv4 client seen as", address[0])
        conn.close()
