# socket: getaddrinfo keeps an IPv6 address's scope id (numeric, or the one interface lo)
import socket
print(socket.getaddrinfo(None, 80, socket.AF_INET6, socket.SOCK_STREAM, 0, socket.AI_PASSIVE))
print(socket.getaddrinfo(None, 80, socket.AF_INET6, socket.SOCK_STREAM))
for host in ("fe80::1%1", "fe80::1%lo", "::1", "fe80::1%2", b"::1"):
    print(host, socket.getaddrinfo(host, 80, type=socket.SOCK_STREAM))
try:
    socket.getaddrinfo("fe80::1%nosuch", 80)
except socket.gaierror as e:
    print("gaierror", e.errno)
