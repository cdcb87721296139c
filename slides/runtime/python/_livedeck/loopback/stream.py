"""Stream sockets (TCP over the loopback, AF_UNIX streams) as Linux keeps them.

A connection is two endpoints, each with the bytes sent to it (``inbox``, at most
``CAPACITY``: a sender that fills it waits, as a full TCP window makes it). Connecting puts the
server's end of the connection in the listener's queue at once, as the kernel completes the
handshake before ``accept()``. Closing with unread bytes resets the connection (the peer's
``recv`` raises ``ConnectionResetError``); otherwise the peer reads the end of the stream.
Writing to a peer that has closed succeeds once and then raises ``BrokenPipeError``, with
``ConnectionResetError`` for the next read, as the reset the peer answers with makes it.

Methods raise ``BlockingIOError`` where the call would wait; the socket object (socket_type.py)
waits or not, as its timeout says.
"""

import collections

from . import addresses, errors, network
from .network import POLLERR, POLLHUP, POLLIN, POLLOUT, POLLRDHUP

CAPACITY = 1 << 20  # bytes a connection's direction holds unread before the sender waits


class StreamEndpoint(network.Endpoint):
    kind = "stream"

    def __init__(self, family, proto):
        super().__init__(family, proto)
        self.listening = False
        self.queue = collections.deque()  # a listener's connections not yet accepted
        self.peer = None  # the other end of the connection
        self.remote = None  # (ip, port) of the peer
        self.inbox = bytearray()
        self.connected = False  # ever connected (then recv without data says EOF, not ENOTCONN)
        self.eof = False  # the peer sends no more
        self.reset = False  # a reset came: the next recv raises ECONNRESET
        self.broken = False  # the peer is gone: send raises EPIPE
        self.read_shut = self.write_shut = False
        self.so_error = 0  # a non-blocking connect's outcome, for getsockopt(SO_ERROR)
        self.refused = False  # a non-blocking connect was refused, and no connect() has said so yet

    # -- connecting ---------------------------------------------------------------------------------

    def listen(self):
        if self.connected:
            raise errors.error("EINVAL")
        if self.local is None:
            network.bind(self, addresses.any_of(self.family), 0)
        network.check_listen(self)
        self.listening = True

    def connect(self, ip, port):
        """Connect to the listener at (ip, port), or raise ECONNREFUSED (AF_UNIX: ENOENT if no one bound it)."""
        if self.listening:
            raise errors.error("EINVAL")
        if self.connected:
            raise errors.error("EISCONN")
        unix = self.family == addresses.AF_UNIX
        if not unix:
            ip = _this_machine(ip)
            if not addresses.is_loopback(ip):
                raise addresses.unreachable()
        listener = network.find(self.kind, self.family, ip, port, lambda e: e.listening and not e.released)
        if listener is None:
            if unix and network.find(self.kind, self.family, ip, port, lambda e: True) is None:
                raise errors.error("ENOENT")
            raise errors.error("ECONNREFUSED")
        if self.local is None:
            network.bind(self, b"" if unix else _source(ip), 0)
        elif not unix and addresses.is_wildcard(self.local[0]):
            self.local = (_source(ip), self.local[1])
        server = StreamEndpoint(listener.family, listener.proto)
        server.options = dict(listener.options)
        server.v6only = listener.v6only
        if unix:
            server.local, server.remote, self.remote = listener.local, self.local, listener.local
        else:
            server.local = (_as_family(ip, listener.family), port)
            server.remote = (_as_family(self.local[0], listener.family), self.local[1])
            self.remote = (ip, port)
        link(self, server)
        listener.queue.append(server)
        listener.notify()

    def accept(self):
        """The next connection's server end, or BlockingIOError."""
        if not self.listening:
            raise errors.error("EINVAL")
        while self.queue:
            server = self.queue.popleft()
            if not server.released:
                return server
        raise errors.would_block()

    # -- data ---------------------------------------------------------------------------------------

    def recv(self, size, peek=False):
        if self.inbox:
            data = bytes(self.inbox[:size])
            if not peek and size:
                del self.inbox[:size]
                if self.peer is not None:
                    self.peer.notify()  # room again for the sender
            return data
        if self.reset:
            if not peek:
                self.reset = False
            raise errors.error("ECONNRESET")
        if self.eof or self.read_shut or size == 0:
            return b""
        if not self.connected:
            raise errors.error("ENOTCONN")
        raise errors.would_block()

    def send(self, view):
        """Send what fits of the bytes in memoryview *view*; the count sent."""
        if self.write_shut:
            raise errors.error("EPIPE")
        if not self.connected:
            raise errors.error("ENOTCONN")
        if self.broken:
            raise errors.error("EPIPE")
        peer = self.peer
        if peer is None or peer.released:  # the peer closed: its reset answers these bytes
            self.broken = self.reset = True
            self.notify()
            return len(view)
        room = CAPACITY - len(peer.inbox)
        if room <= 0:
            if not len(view):
                return 0
            raise errors.would_block()
        count = min(len(view), room)
        peer.inbox += view[:count]
        peer.notify()
        return count

    def shutdown(self, how):
        if how not in (0, 1, 2):
            raise errors.error("EINVAL")
        if self.listening and how != 1:  # Linux: stops listening; a blocked accept() raises EINVAL
            self.listening = False
            for server in self.queue:
                _drop(server, reset=True)
            self.queue.clear()
            self.notify()
            return
        if not self.connected:
            raise errors.error("ENOTCONN")
        if how in (0, 2):
            self.read_shut = True
        if how in (1, 2) and not self.write_shut:
            self.write_shut = True
            if self.peer is not None:
                self.peer.eof = True
                self.peer.notify()
        self.notify()

    def take_error(self):
        error, self.so_error = self.so_error, 0
        return error

    def poll_mask(self):
        if self.listening:
            return POLLIN if self.queue else 0
        mask = POLLERR if self.so_error or self.reset else 0
        if not self.connected:
            return mask | POLLOUT | POLLHUP  # never connected: as Linux's TCP_CLOSE state
        if self.reset or self.broken:
            return mask | POLLIN | POLLRDHUP | POLLOUT | POLLHUP
        if self.inbox:
            mask |= POLLIN
        if self.eof or self.read_shut:
            mask |= POLLIN | POLLRDHUP
        if self.write_shut or self.peer is None or len(self.peer.inbox) < CAPACITY:
            mask |= POLLOUT
        if (self.eof or self.read_shut) and self.write_shut:
            mask |= POLLHUP
        return mask

    def release(self):
        self.listening = False
        for server in self.queue:  # connections never accepted are reset
            _drop(server, reset=True)
        self.queue.clear()
        if self.peer is not None:
            _drop(self, reset=bool(self.inbox))
        super().release()


def link(a, b):
    a.peer, b.peer = b, a
    a.connected = b.connected = True


def _drop(endpoint, reset):
    """*endpoint* goes away: its peer reads the end of the stream, or a reset if *reset*."""
    peer = endpoint.peer
    endpoint.released = True
    if peer is None:
        return
    endpoint.peer = peer.peer = None
    if reset:
        peer.reset = peer.broken = True
    else:
        peer.eof = True
    peer.notify()


def pair(family, proto):
    """socketpair(): two connected ends, unnamed."""
    a, b = StreamEndpoint(family, proto), StreamEndpoint(family, proto)
    a.local = b.local = a.remote = b.remote = (b"", 0)
    link(a, b)
    return a, b


def _this_machine(ip):
    """Connecting to 0.0.0.0 or :: reaches this machine, as on Linux."""
    if ip == addresses.ANY4:
        return addresses.LOOPBACK4
    if ip == addresses.ANY6:
        return addresses.LOOPBACK6
    return ip


def _source(ip):
    """The source address Linux picks to reach loopback address *ip*."""
    if len(ip) == 4:
        return addresses.LOOPBACK4
    if addresses.v4_of(ip) is not None:
        return _as_family(addresses.LOOPBACK4, addresses.AF_INET6)
    return addresses.LOOPBACK6


def _as_family(ip, family):
    """*ip* as a socket of *family* sees it (IPv4 in an IPv6 socket: ::ffff:a.b.c.d)."""
    if family == addresses.AF_INET6 and len(ip) == 4:
        return addresses._MAPPED + ip
    if family == addresses.AF_INET and len(ip) == 16:
        return addresses.v4_of(ip) or ip
    return ip
