# selectors: non-blocking sockets multiplexed by the default selector (the selectors docs' echo server)
import selectors
import socket

sel = selectors.DefaultSelector()
print(type(sel).__name__)

def accept(sock, mask):
    conn, addr = sock.accept()  # Should be ready
    print('accepted a connection from', addr[0])
    conn.setblocking(False)
    sel.register(conn, selectors.EVENT_READ, read)

def read(conn, mask):
    data = conn.recv(1000)  # Should be ready
    if data:
        print('echoing', repr(data))
        conn.send(data)  # Hope it won't block
    else:
        print('closing')
        sel.unregister(conn)
        conn.close()

sock = socket.socket()
sock.bind(('localhost', 0))
sock.listen(100)
sock.setblocking(False)
sel.register(sock, selectors.EVENT_READ, accept)

client = socket.create_connection(sock.getsockname())
client.setblocking(False)
replies = []
for message in [b"one", b"two", None]:
    if message is None:
        client.close()
    else:
        client.send(message)
    for key, mask in sel.select(timeout=1):
        key.data(key.fileobj, mask)
    for key, mask in sel.select(timeout=0):
        key.data(key.fileobj, mask)
    if message is not None:
        replies.append(client.recv(100))
print(replies)
print(sel.select(timeout=0.1))
sel.close()
sock.close()
