# socket: a refused non-blocking connect is told by the next connect(), then the socket connects; selectors' SelectSelector; sockets are not inheritable
import asyncio
import errno
import selectors
import socket

def name(code):
    return errno.errorcode.get(code, code) if code else "ok"

# A port bound but not listening refuses; the same socket connects once it listens.
listener = socket.socket()
listener.bind(("127.0.0.1", 0))
address = listener.getsockname()
for took_error in (False, True):
    client = socket.socket()
    client.setblocking(False)
    print("connect:", name(client.connect_ex(address)))
    selector = selectors.SelectSelector()  # select.select kept as a class attribute, called as a method
    selector.register(client, selectors.EVENT_WRITE)
    print("ready:", [(key.fileobj is client, events) for key, events in selector.select(1)])
    selector.close()
    if took_error:
        print("SO_ERROR:", name(client.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)))
    listener.listen()
    print("again:", name(client.connect_ex(address)))
    print("and again:", name(client.connect_ex(address)))
    client.close()
    listener.close()
    listener = socket.socket()
    listener.bind(address)

async def main():
    # asyncio's own retry, as CPython's test_sock_client_connect_racing does it
    sock = socket.socket()
    sock.setblocking(False)
    loop = asyncio.get_running_loop()
    task = asyncio.create_task(loop.sock_connect(sock, address))
    await asyncio.sleep(0)
    task.cancel()
    listener.listen()
    for attempt in range(3):
        try:
            await loop.sock_connect(sock, address)
        except OSError as error:
            print("attempt", attempt, type(error).__name__)
        else:
            print("attempt", attempt, "connected")
            break
    sock.close()

asyncio.run(main())
listener.close()

# Sockets are made non-inheritable (PEP 446), and say so
with socket.socket() as sock:
    print("inheritable:", sock.get_inheritable(), end=" ")
    sock.set_inheritable(True)
    print(sock.get_inheritable(), end=" ")
    a, b = socket.socketpair()
    c = b.dup()
    print(a.get_inheritable(), c.get_inheritable())
    c.close()
    a.close()
    b.close()
