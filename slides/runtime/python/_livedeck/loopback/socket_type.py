"""``_socket.socket`` for the loopback: the C type's methods, in Python, over network endpoints.

``socket.socket`` (socket.py, CPython's own code, executed again over this) subclasses it, so a
script's ``socket.socket`` is still a class it can subclass and test with ``isinstance``.

A socket's timeout decides what a call that cannot finish now does, as in CPython: ``None``
waits (suspending only this green thread), ``0.0`` raises ``BlockingIOError``, a number of
seconds waits that long and then raises ``TimeoutError('timed out')``.
"""

import _socket
import errno
import os
import time
import warnings

from . import addresses, datagram, errors, network, stream, waiting
from .network import POLLIN, POLLOUT

AF_INET, AF_INET6, AF_UNIX = addresses.AF_INET, addresses.AF_INET6, addresses.AF_UNIX
SOCK_STREAM, SOCK_DGRAM = addresses.SOCK_STREAM, addresses.SOCK_DGRAM
SOCK_NONBLOCK = getattr(_socket, "SOCK_NONBLOCK", 0o4000)
SOCK_CLOEXEC = getattr(_socket, "SOCK_CLOEXEC", 0o2000000)
SOL_SOCKET, SOL_TCP, IPPROTO_IPV6 = _socket.SOL_SOCKET, _socket.IPPROTO_TCP, _socket.IPPROTO_IPV6
MSG_PEEK = _socket.MSG_PEEK
MSG_DONTWAIT = getattr(_socket, "MSG_DONTWAIT", 0x40)
MSG_WAITALL = getattr(_socket, "MSG_WAITALL", 0x100)
_PROTOCOLS = {(AF_INET, SOCK_STREAM): addresses.IPPROTO_TCP, (AF_INET6, SOCK_STREAM): addresses.IPPROTO_TCP,
              (AF_INET, SOCK_DGRAM): addresses.IPPROTO_UDP, (AF_INET6, SOCK_DGRAM): addresses.IPPROTO_UDP,
              (AF_UNIX, SOCK_STREAM): 0, (AF_UNIX, SOCK_DGRAM): 0}
_ENDPOINTS = {SOCK_STREAM: stream.StreamEndpoint, SOCK_DGRAM: datagram.DatagramEndpoint}
# What getsockopt says of an option never set: Linux's defaults
_DEFAULTS = {(SOL_SOCKET, _socket.SO_SNDBUF): 16384, (SOL_SOCKET, _socket.SO_RCVBUF): 131072}
_clock = time.monotonic


def _view(data):
    if isinstance(data, str):
        raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'")
    return memoryview(data).cast("B")


class socket:
    """socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None) -> socket object"""

    __slots__ = ("_fd", "_family", "_type", "_proto", "_timeout")

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        self._fd = -1
        if fileno is not None:
            fileno = _index(fileno)
            endpoint = network.endpoint_of(fileno)
            if endpoint is None:
                if fileno < 0:
                    raise ValueError("negative file descriptor")
                try:
                    os.fstat(fileno)
                except OSError:
                    raise errors.error("EBADF") from None
                raise errors.error("ENOTSOCK")
            family = endpoint.family if family == -1 else family
            if type == -1:
                type = SOCK_STREAM if endpoint.kind == "stream" else SOCK_DGRAM
            proto = endpoint.proto if proto == -1 else proto
            self._fd = fileno
        else:
            family = AF_INET if family == -1 else _index(family)
            type = SOCK_STREAM if type == -1 else _index(type)
            proto = 0 if proto == -1 else _index(proto)
            kind = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC)
            if family not in (AF_INET, AF_INET6, AF_UNIX):
                raise errors.error("EAFNOSUPPORT")
            if kind == addresses.SOCK_RAW:
                raise errors.error("EPERM")
            if kind not in _ENDPOINTS:
                raise errors.error("ESOCKTNOSUPPORT" if kind in (3, 4, 5, 10) else "EINVAL")
            if proto not in (0, _PROTOCOLS[family, kind]):
                raise errors.error("EPROTONOSUPPORT")
            self._fd = network.open_descriptor(_ENDPOINTS[kind](family, proto or _PROTOCOLS[family, kind]))
        self._family, self._type, self._proto = family, type, proto
        self._timeout = _socket.getdefaulttimeout()
        if type & SOCK_NONBLOCK:
            self._timeout = 0.0
        self._type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC)

    # -- what it is ---------------------------------------------------------------------------------

    family = property(lambda self: self._family, doc="the socket family")
    type = property(lambda self: self._type, doc="the socket type")
    proto = property(lambda self: self._proto, doc="the socket protocol")
    timeout = property(lambda self: self._timeout, doc="the socket timeout")

    def __repr__(self):
        return f"<socket object, fd={self._fd}, family={self._family}, type={self._type}, proto={self._proto}>"

    def __del__(self):
        if getattr(self, "_fd", -1) != -1:
            try:
                warnings.warn(f"unclosed {self!r}", ResourceWarning, stacklevel=1, source=self)
            except Exception:
                pass
            socket.close(self)  # this type's own close, as the C type's finalizer (not a subclass's)

    def _endpoint(self):
        endpoint = network.endpoint_of(self._fd)
        if endpoint is None:
            raise errors.error("EBADF")
        return endpoint

    def fileno(self):
        return self._fd

    def close(self):
        fd, self._fd = self._fd, -1
        if fd != -1:
            network.close_descriptor(fd)

    def detach(self):
        fd, self._fd = self._fd, -1
        return fd

    # -- blocking and timeouts ------------------------------------------------------------------------

    def settimeout(self, value):
        if value is None:
            self._timeout = None
            return
        value = float(value)
        if value < 0:
            raise ValueError("Timeout value out of range")
        self._timeout = value

    def gettimeout(self):
        return self._timeout

    def setblocking(self, flag):
        self._timeout = None if flag else 0.0

    def getblocking(self):
        return self._timeout != 0.0

    def _deadline(self, flags=0):
        """None: wait forever; a time: wait until then; 0: never wait."""
        if self._timeout == 0.0 or flags & MSG_DONTWAIT:
            return 0
        return None if self._timeout is None else _clock() + self._timeout

    def _call(self, attempt, bits, flags=0):
        """attempt(endpoint) until it stops saying it would block, waiting as the timeout says."""
        endpoint = self._endpoint()
        try:
            return attempt(endpoint)
        except BlockingIOError:
            deadline = self._deadline(flags)
            if deadline == 0:
                raise
        with network.held(endpoint):
            while True:
                if not waiting.wait_for(endpoint, bits, deadline):
                    raise errors.timed_out()
                try:
                    return attempt(endpoint)
                except BlockingIOError:
                    pass

    # -- addresses ------------------------------------------------------------------------------------

    def bind(self, address):
        endpoint = self._endpoint()
        ip, port = addresses.parse(self._family, address, "bind")
        if endpoint.local is not None:
            raise errors.error("EINVAL")
        if self._family != AF_UNIX:
            if not (addresses.is_wildcard(ip) or addresses.is_loopback(ip)):
                raise errors.error("EADDRNOTAVAIL")
            if 0 < port < network.UNPRIVILEGED:
                raise errors.error("EACCES")
        network.bind(endpoint, ip, port)

    def getsockname(self):
        endpoint = self._endpoint()
        if endpoint.local is None:
            return addresses.sockaddr(self._family, addresses.any_of(self._family), 0)
        return addresses.sockaddr(self._family, *endpoint.local)

    def getpeername(self):
        endpoint = self._endpoint()
        remote = endpoint.remote
        if remote is None or (endpoint.kind == "stream" and not endpoint.connected):
            raise errors.error("ENOTCONN")
        return addresses.sockaddr(self._family, *remote)

    def listen(self, backlog=min(_socket.SOMAXCONN, 128)):
        endpoint = self._endpoint()
        if endpoint.kind != "stream":
            raise errors.error("EOPNOTSUPP")
        endpoint.listen()

    def _accept(self):
        server = self._call(lambda endpoint: endpoint.accept(), POLLIN)
        return network.open_descriptor(server), addresses.sockaddr(self._family, *server.remote)

    def connect(self, address):
        code = self._connect(address)
        if code:
            raise errors.of_code(code)

    def connect_ex(self, address):
        return self._connect(address)

    def _connect(self, address):
        """0, or the errno a connect() raises (only address errors are raised here)."""
        endpoint = self._endpoint()
        ip, port = addresses.parse(self._family, address, "connect")
        if endpoint.kind == "dgram":
            try:
                endpoint.connect(ip, port)
            except OSError as error:
                if error.errno == errno.ENETUNREACH or self._family == AF_UNIX:
                    return error.errno
                raise
            return 0
        if endpoint.refused:  # Linux: the next connect() after a refused non-blocking one tells its error
            endpoint.refused = False  # (ECONNABORTED if getsockopt(SO_ERROR) took it), then may connect again
            return endpoint.take_error() or errno.ECONNABORTED
        try:
            endpoint.connect(ip, port)
        except OSError as error:
            if error.errno == errno.ECONNREFUSED and self._deadline() == 0 and self._family != AF_UNIX:
                endpoint.so_error = errno.ECONNREFUSED  # known once the handshake is refused
                endpoint.refused = True
                endpoint.notify()
                return errno.EINPROGRESS
            return error.errno
        if self._deadline() == 0 and self._family != AF_UNIX:
            return errno.EINPROGRESS  # a TCP handshake, even over the loopback, is not done at once
        return 0

    # -- options --------------------------------------------------------------------------------------

    def setsockopt(self, level, optname, value, optlen=None):
        endpoint = self._endpoint()
        if value is None:
            value = 0
        if not isinstance(value, int):
            value = bytes(value)
        if level == IPPROTO_IPV6 and self._family != AF_INET6:
            raise errors.error("ENOPROTOOPT")
        if level == SOL_TCP and (self._family == AF_UNIX or endpoint.kind != "stream"):
            raise errors.error("EOPNOTSUPP" if self._family == AF_UNIX else "ENOPROTOOPT")
        if (level, optname) == (IPPROTO_IPV6, _socket.IPV6_V6ONLY):
            if endpoint.local is not None:
                raise errors.error("EINVAL")
            endpoint.v6only = bool(value)
        if (level, optname) in _DEFAULTS and isinstance(value, int):
            value *= 2  # Linux keeps twice the buffer size asked for (its bookkeeping)
        endpoint.options[level, optname] = value

    def getsockopt(self, level, optname, buflen=None):
        endpoint = self._endpoint()
        if (level, optname) == (SOL_SOCKET, _socket.SO_ERROR):
            value = endpoint.take_error()
        elif (level, optname) == (SOL_SOCKET, _socket.SO_TYPE):
            value = self._type
        elif (level, optname) == (SOL_SOCKET, getattr(_socket, "SO_DOMAIN", 39)):
            value = self._family
        elif (level, optname) == (SOL_SOCKET, getattr(_socket, "SO_PROTOCOL", 38)):
            value = endpoint.proto
        elif (level, optname) == (SOL_SOCKET, getattr(_socket, "SO_ACCEPTCONN", 30)):
            value = int(getattr(endpoint, "listening", False))
        elif (level, optname) == (IPPROTO_IPV6, _socket.IPV6_V6ONLY):
            value = int(endpoint.v6only)
        else:
            value = endpoint.options.get((level, optname), _DEFAULTS.get((level, optname), 0))
        if buflen is None:
            return value if isinstance(value, int) else int.from_bytes(value[:4], "little")
        if not 0 < buflen <= 1024:
            raise OSError("getsockopt buflen out of range")
        data = value.to_bytes(4, "little", signed=True) if isinstance(value, int) else value
        return data[:buflen]

    # -- data -----------------------------------------------------------------------------------------

    def recv(self, bufsize, flags=0):
        if bufsize < 0:
            raise ValueError("negative buffersize in recv")
        return self._recvfrom(bufsize, flags)[0]

    def recv_into(self, buffer, nbytes=0, flags=0):
        return self._recv_into(buffer, nbytes, flags, "recv_into")[0]

    def recvfrom(self, bufsize, flags=0):
        if bufsize < 0:
            raise ValueError("negative buffersize in recvfrom")
        return self._recvfrom(bufsize, flags)

    def recvfrom_into(self, buffer, nbytes=0, flags=0):
        return self._recv_into(buffer, nbytes, flags, "recvfrom_into")

    def _recv_into(self, buffer, nbytes, flags, name):
        view = memoryview(buffer).cast("B")
        if view.readonly:
            raise TypeError(f"{name}() argument 1 must be read-write bytes-like object, not {type(buffer).__name__}")
        if nbytes < 0:
            raise ValueError(f"negative buffersize in {name}")
        if nbytes == 0:
            nbytes = len(view)
        elif nbytes > len(view):
            raise ValueError(f"nbytes is greater than the length of the buffer" if name == "recvfrom_into"
                             else "buffer too small for requested bytes")
        data, sender = self._recvfrom(nbytes, flags)
        view[:len(data)] = data
        return len(data), sender

    def _recvfrom(self, size, flags):
        peek = bool(flags & MSG_PEEK)
        if self._type == SOCK_DGRAM:
            return self._call(lambda endpoint: endpoint.recvfrom(size, peek), POLLIN, flags)
        data = self._call(lambda endpoint: endpoint.recv(size, peek), POLLIN, flags)
        if flags & MSG_WAITALL and not peek:
            while data and len(data) < size:
                more = self._call(lambda endpoint: endpoint.recv(size - len(data)), POLLIN, flags)
                if not more:
                    break
                data += more
        return data, None

    def send(self, data, flags=0):
        view = _view(data)
        if self._type == SOCK_DGRAM:
            return self._call(lambda endpoint: endpoint.sendto(view, None, 0), POLLOUT, flags)
        return self._call(lambda endpoint: endpoint.send(view), POLLOUT, flags)

    def sendall(self, data, flags=0):
        view = _view(data)
        if self._type == SOCK_DGRAM:
            self.send(view, flags)
            return None
        endpoint = self._endpoint()
        deadline = self._deadline(flags)
        sent = 0
        with network.held(endpoint):
            while True:
                try:
                    sent += endpoint.send(view[sent:])
                except BlockingIOError:
                    if deadline == 0:
                        raise
                if sent >= len(view):
                    return None
                if not waiting.wait_for(endpoint, POLLOUT, deadline):
                    raise errors.timed_out()

    def sendto(self, data, flags_or_address, address=None):
        flags = 0
        if address is None:
            address = flags_or_address
        else:
            flags = flags_or_address
        view = _view(data)
        endpoint = self._endpoint()
        ip, port = addresses.parse(self._family, address, "sendto")
        if endpoint.kind == "stream":  # TCP ignores the address of a connected socket
            if not endpoint.connected:
                raise errors.error("ENOTCONN" if self._family == AF_UNIX else "EPIPE")
            return self.send(view, flags)
        return self._call(lambda endpoint: endpoint.sendto(view, ip, port), POLLOUT, flags)

    def sendmsg(self, buffers, ancdata=(), flags=0, address=None):
        if list(ancdata):
            raise errors.error("EINVAL")
        data = b"".join(_view(buffer) for buffer in buffers)
        if address is not None:
            return self.sendto(data, flags, address)
        return self.send(data, flags)

    def shutdown(self, how):
        self._endpoint().shutdown(_index(how))


def _index(value):
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        raise TypeError("'float' object cannot be interpreted as an integer")
    return value.__index__()


socket.__module__ = "_socket"
SocketType = socket


def socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0):
    """_socket.socketpair: two connected sockets (AF_UNIX only, as on Linux)."""
    kind = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC)
    if family != AF_UNIX:
        raise errors.error("EOPNOTSUPP" if family in (AF_INET, AF_INET6) else "EAFNOSUPPORT")
    if kind not in _ENDPOINTS:
        raise errors.error("EOPNOTSUPP")
    ends = (stream if kind == SOCK_STREAM else datagram).pair(family, proto)
    return tuple(socket(family, type, proto, fileno=network.open_descriptor(end)) for end in ends)


def dup(fd):
    """_socket.dup: a new descriptor of the same socket."""
    endpoint = network.endpoint_of(fd)
    if endpoint is None:
        return os.dup(fd)
    return network.open_descriptor(endpoint)


def close(fd):
    """_socket.close: close a socket's descriptor."""
    if network.endpoint_of(fd) is not None:
        network.close_descriptor(fd)
    else:
        os.close(fd)
