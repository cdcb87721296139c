"""Addresses and names on a machine whose only network is its loopback interface.

``127.0.0.0/8`` and ``::1`` are the machine itself; ``0.0.0.0`` and ``::`` mean "any of its
addresses" to bind and "this machine" to connect, as on Linux. Names resolve as a Debian
machine's ``/etc/hosts`` has them (``localhost`` is ``::1`` and ``127.0.0.1``); any other
name fails as it does on a machine without a network (``socket.gaierror``), and any other
address is unreachable (``ENETUNREACH``) — with the deck's one note saying why.

An address inside the loopback is ``(family, ip, port)``: *ip* packed (4 or 16 bytes), or
for AF_UNIX the path (str or bytes) with port 0.
"""

import _socket
import ipaddress  # IPv6 addresses (imported here: the snapshot holds it, not a run's time)

from .. import platform_notes
from . import errors

AF_INET, AF_INET6 = _socket.AF_INET, _socket.AF_INET6
# Linux's values of what this platform's _socket leaves out (it has no AF_UNIX, no address reuse)
AF_UNIX = getattr(_socket, "AF_UNIX", 1)
SO_REUSEADDR = getattr(_socket, "SO_REUSEADDR", 2)
SO_REUSEPORT = getattr(_socket, "SO_REUSEPORT", 15)
SOCK_STREAM, SOCK_DGRAM, SOCK_RAW = _socket.SOCK_STREAM, _socket.SOCK_DGRAM, _socket.SOCK_RAW
IPPROTO_TCP, IPPROTO_UDP = _socket.IPPROTO_TCP, _socket.IPPROTO_UDP
AI_PASSIVE = _socket.AI_PASSIVE
AI_CANONNAME = _socket.AI_CANONNAME
AI_NUMERICHOST = _socket.AI_NUMERICHOST
NI_NUMERICHOST = _socket.NI_NUMERICHOST
NI_NUMERICSERV = _socket.NI_NUMERICSERV

ANY4, LOOPBACK4, BROADCAST4 = bytes(4), bytes([127, 0, 0, 1]), bytes([255] * 4)
ANY6, LOOPBACK6 = bytes(16), bytes(15) + b"\x01"
_MAPPED = bytes(10) + b"\xff\xff"  # ::ffff:a.b.c.d, an IPv4 address seen by an IPv6 socket

# getaddrinfo's errors as glibc words them (a machine offline: names fail "temporarily")
EAI_NONAME = (-2, "Name or service not known")
EAI_AGAIN = (-3, "Temporary failure in name resolution")
EAI_FAMILY = (-6, "ai_family not supported")
EAI_SOCKTYPE = (-7, "ai_socktype not supported")
EAI_SERVICE = (-8, "Servname not supported for ai_socktype")
EAI_ADDRFAMILY = (-9, "Address family for hostname not supported")

# /etc/hosts of a Debian machine: name → addresses, in the order glibc returns them
HOSTS = {
    "localhost": (LOOPBACK6, LOOPBACK4),
    "localhost.localdomain": (LOOPBACK4,),
    "ip6-localhost": (LOOPBACK6,),
    "ip6-loopback": (LOOPBACK6,),
}
HOST_NAMES = {LOOPBACK4: ("localhost", []), LOOPBACK6: ("localhost", ["ip6-localhost", "ip6-loopback"])}
SERVICES = {"echo": 7, "discard": 9, "daytime": 13, "ftp": 21, "ssh": 22, "telnet": 23, "smtp": 25,
            "domain": 53, "http": 80, "pop3": 110, "imap": 143, "https": 443, "http-alt": 8080}


def gaierror(code_and_text):
    return _socket.gaierror(*code_and_text)


def unreachable():
    platform_notes.announce("loopbackOnly")
    return errors.error("ENETUNREACH")


def is_ip6(ip):
    return len(ip) == 16


def v4_of(ip):
    """An IPv4-mapped IPv6 address's IPv4 address, or None."""
    return ip[12:] if len(ip) == 16 and ip[:12] == _MAPPED else None


def any_of(family):
    """The address that means any of the machine's (AF_UNIX: unnamed)."""
    return {AF_INET: ANY4, AF_INET6: ANY6}.get(family, b"")


def is_wildcard(ip):
    return ip in (ANY4, ANY6)


def is_loopback(ip):
    mapped = v4_of(ip)
    if mapped is not None:
        ip = mapped
    return ip[0] == 127 if len(ip) == 4 else ip == LOOPBACK6


def inet_pton(family, text_):
    """_socket.inet_pton, IPv6 too (this platform's C library was built without it)."""
    if family != AF_INET6:
        return _socket.inet_pton(family, text_)
    try:
        return ipaddress.IPv6Address(text_).packed
    except ValueError:
        raise OSError("illegal IP address string passed to inet_pton") from None


def inet_ntop(family, packed):
    """_socket.inet_ntop, IPv6 too, as glibc writes it (``::ffff:127.0.0.1``)."""
    if family != AF_INET6:
        return _socket.inet_ntop(family, packed)
    packed = bytes(packed)
    if len(packed) != 16:
        raise ValueError("invalid length of packed IP address string")
    mapped = v4_of(packed)
    if mapped is not None:
        return "::ffff:" + _socket.inet_ntop(AF_INET, mapped)
    return ipaddress.IPv6Address(packed).compressed


def text(ip):
    return inet_ntop(AF_INET6 if is_ip6(ip) else AF_INET, ip)


def sockaddr(family, ip, port):
    """What getsockname()/getpeername()/accept() give a script for an address."""
    if family == AF_UNIX:
        return unix_name(ip)
    if family == AF_INET6:
        return (text(ip), port, 0, 0)
    return (text(ip), port)


# --- names ---------------------------------------------------------------------------------------

def _numeric(host):
    """(family, ip) of a numeric address, or None."""
    try:
        return AF_INET, _socket.inet_aton(host)  # also '127.1', as getaddrinfo takes it
    except (OSError, ValueError):
        pass
    if ":" not in host:
        return None
    try:
        return AF_INET6, inet_pton(AF_INET6, host.split("%", 1)[0])
    except (OSError, ValueError):
        return None


def _host_text(host):
    if isinstance(host, (bytes, bytearray)):
        return bytes(host).decode("idna")
    if not isinstance(host, str):
        raise TypeError("getaddrinfo() argument 1 must be string or None")
    return host


def _hostname():
    try:
        return _socket.gethostname()
    except OSError:
        return "localhost"


def resolve(host, family=0, flags=0):
    """[(family, ip)] for *host* (None: the machine), as getaddrinfo finds them; gaierror if none."""
    if host is None:
        found = [(AF_INET, ANY4), (AF_INET6, ANY6)] if flags & AI_PASSIVE else \
            [(AF_INET6, LOOPBACK6), (AF_INET, LOOPBACK4)]
    else:
        host = _host_text(host)
        numeric = _numeric(host) if host else None
        if numeric is not None:
            if family not in (0, numeric[0]):
                raise gaierror(EAI_ADDRFAMILY)
            return [numeric]
        if flags & AI_NUMERICHOST or not host:
            raise gaierror(EAI_NONAME)
        name = host.lower().rstrip(".")
        ips = HOSTS.get(name) or ((LOOPBACK4,) if name == _hostname().lower() else None)
        if ips is None:
            platform_notes.announce("loopbackOnly")
            raise gaierror(EAI_AGAIN)
        found = [(AF_INET6 if is_ip6(ip) else AF_INET, ip) for ip in ips]
    if family:
        found = [pair for pair in found if pair[0] == family]
        if not found:
            raise gaierror(EAI_ADDRFAMILY)
    return found


def _port_number(port, socktype):
    if port is None:
        return 0
    if isinstance(port, int):
        return port
    if isinstance(port, (bytes, bytearray)):
        port = bytes(port).decode()
    if isinstance(port, str):
        if port.isdigit():
            return int(port)
        if port in SERVICES and socktype != SOCK_RAW:
            return SERVICES[port]
        raise gaierror(EAI_SERVICE if socktype else EAI_NONAME)
    raise OSError("Int or String expected")


def _scope_id(host):
    """The scope id of an IPv6 address written with one ('fe80::1%1', 'fe80::1%lo'; the one interface, lo,
    is 1), else 0."""
    if host is None or "%" not in host:
        return 0
    scope = host.split("%", 1)[1]
    if scope.isdigit():
        return int(scope)
    if scope == "lo":
        return 1
    raise gaierror(EAI_NONAME)


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    """_socket.getaddrinfo: [(family, type, proto, canonname, sockaddr)], families and types as ints."""
    if family not in (0, AF_INET, AF_INET6):
        raise gaierror(EAI_FAMILY)
    if type not in (0, SOCK_STREAM, SOCK_DGRAM, SOCK_RAW):
        raise gaierror(EAI_SOCKTYPE)
    number = _port_number(port, type)
    kinds = [(t, p or proto) for t, p in ((SOCK_STREAM, IPPROTO_TCP), (SOCK_DGRAM, IPPROTO_UDP), (SOCK_RAW, 0))
             if type in (0, t) and (not proto or p == proto or type == SOCK_RAW)]
    canonname = ""
    if flags & AI_CANONNAME and host is not None:
        canonname = _host_text(host)
    found = []
    for af, ip in resolve(host, family, flags):
        address = sockaddr(af, ip, number)
        if af == AF_INET6:
            address = address[:3] + (_scope_id(None if host is None else _host_text(host)),)
        for socktype, protocol in kinds:
            found.append((af, socktype, protocol, canonname, address))
            canonname = ""  # only the first entry carries it
    return found


def gethostbyname(name):
    for af, ip in resolve(name, AF_INET):
        return text(ip)


def gethostbyname_ex(name):
    ips = [text(ip) for _, ip in resolve(name, AF_INET)]
    text_name = _host_text(name)
    return (text_name if _numeric(text_name) is None else text_name, [], ips)


def gethostbyaddr(address):
    """(name, aliases, addresses) of *address* (an address, or a name resolved first)."""
    _, ip = resolve(address)[0]
    mapped = v4_of(ip)
    names = HOST_NAMES.get(mapped or ip) or (HOST_NAMES[LOOPBACK4] if is_loopback(ip) else None)
    if names is None:
        raise _socket.herror(1, "Unknown host")
    return names[0], list(names[1]), [text(ip)]


def getnameinfo(sockaddr_, flags):
    if not isinstance(sockaddr_, tuple) or len(sockaddr_) < 2:
        raise TypeError("getnameinfo() argument 1 must be a tuple")
    host, port = sockaddr_[:2]
    if not isinstance(port, int):
        raise TypeError("'str' object cannot be interpreted as an integer")
    numeric = _numeric(_host_text(host))
    if numeric is None:
        raise gaierror(EAI_NONAME)
    _, ip = numeric
    service = str(port)
    if not flags & NI_NUMERICSERV:
        service = next((name for name, number in SERVICES.items() if number == port), service)
    if flags & NI_NUMERICHOST:
        return text(ip), service
    try:
        return gethostbyaddr(text(ip))[0], service
    except _socket.herror:
        return text(ip), service


# --- a socket's address argument -----------------------------------------------------------------

def _check_port(port, caller):
    if not isinstance(port, int):
        raise TypeError(f"'{type(port).__name__}' object cannot be interpreted as an integer")
    if not 0 <= port <= 0xFFFF:
        raise OverflowError(f"{caller}(): port must be 0-65535.")
    return port


def _ip(host, family, caller):
    """The packed address a socket's *host* names (as CPython's setipaddr)."""
    if not isinstance(host, (str, bytes, bytearray)):
        raise TypeError(f"str, bytes or bytearray expected, not {type(host).__name__}")
    host = _host_text(host)
    if host == "":
        return ANY4 if family == AF_INET else ANY6
    if host == "<broadcast>" or host == "255.255.255.255":
        if family != AF_INET:
            raise gaierror(EAI_ADDRFAMILY)
        return BROADCAST4
    for af, ip in resolve(host, family):
        return ip


def parse(family, address, caller):
    """(ip, port) of a socket call's *address* for *family* (AF_UNIX: (path, 0))."""
    if family == AF_UNIX:
        if isinstance(address, str):
            address = address.encode()  # as CPython: the file system's encoding
        elif isinstance(address, (bytearray, memoryview)):
            address = bytes(address)
        elif not isinstance(address, bytes):
            raise TypeError(f"{caller}(): AF_UNIX address must be str or bytes, not {type(address).__name__}")
        if len(address) > 107:
            raise OSError("AF_UNIX path too long")
        return address, 0
    name = "AF_INET" if family == AF_INET else "AF_INET6"
    if not isinstance(address, tuple):
        raise TypeError(f"{caller}(): {name} address must be tuple, not {type(address).__name__}")
    if family == AF_INET:
        if len(address) != 2:
            raise TypeError("AF_INET address must be a pair (host, port)")
    elif not 2 <= len(address) <= 4:
        raise TypeError("AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])")
    port = _check_port(address[1], caller)
    return _ip(address[0], family, caller), port


def unix_name(path):
    """An AF_UNIX socket's name as Python shows it: str ('' unnamed), or bytes for an abstract one."""
    if path.startswith(b"\0"):
        return path
    return path.decode(errors="surrogateescape")
