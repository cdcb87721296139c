# asyncio-eventloop: the loop's low-level sock_* methods on non-blocking sockets, TCP and UDP
import asyncio
import socket

async def main():
    loop = asyncio.get_running_loop()
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.setblocking(False)

    client = socket.socket()
    client.setblocking(False)
    connected = loop.create_task(loop.sock_connect(client, listener.getsockname()))
    conn, address = await loop.sock_accept(listener)
    await connected
    print("accepted from", address[0], "peer is the client:", address == client.getsockname())
    conn.setblocking(False)

    await loop.sock_sendall(client, b"ping")
    print(await loop.sock_recv(conn, 100))
    await loop.sock_sendall(conn, b"pong" * 3)
    buffer = bytearray(8)
    count = await loop.sock_recv_into(client, buffer)
    print(count, buffer)
    print(await loop.sock_recv(client, 100))
    conn.close()
    print("after the peer closed:", await loop.sock_recv(client, 100))
    client.close()
    listener.close()

    receiver = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    receiver.bind(("127.0.0.1", 0))
    receiver.setblocking(False)
    sender = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sender.setblocking(False)
    waiting = loop.create_task(loop.sock_recvfrom(receiver, 100))
    await asyncio.sleep(0)
    await loop.sock_sendto(sender, b"datagram", receiver.getsockname())
    data, source = await waiting
    print(data, source[0], source[1] == sender.getsockname()[1], sender.getsockname()[0])
    sender.close()
    receiver.close()

asyncio.run(main())
