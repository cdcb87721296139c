# socket: getaddrinfo keeps an IPv6 address's scope id (numeric, or the one interface lo)
import socket
for host in ("fe80::1%1", "fe80::1%lo", "::1", "fe80::1%2"):
    print(host, socket.getaddrinfo(host, 80, type=socket.SOCK_STREAM))
try:
    socket.getaddrinfo("fe80::1%nosuch", 80)
except socket.gaierror as e:
    print("gaierror", e.errno)
