"""Datagram sockets (UDP over the loopback, AF_UNIX datagrams) as Linux keeps them.

A datagram goes whole to the socket bound to its destination, with the sender's address,
or nowhere: to a port no one holds it is lost, and a connected sender hears of it as Linux's
ICMP "port unreachable" makes it hear — ``ConnectionRefusedError`` from its next call.
A receiver holds at most ``CAPACITY`` bytes of datagrams; more are dropped, as UDP does.
"""

import collections
import errno

from . import addresses, errors, network, stream
from .network import POLLERR, POLLIN, POLLOUT

CAPACITY = 212992  # Linux's default receive buffer for a UDP socket
MAX_DATAGRAM = {addresses.AF_INET: 65507, addresses.AF_INET6: 65527, addresses.AF_UNIX: 212960}


class DatagramEndpoint(network.Endpoint):
    kind = "dgram"

    def __init__(self, family, proto):
        super().__init__(family, proto)
        self.queue = collections.deque()  # (bytes, sender's address as this socket shows it)
        self.queued = 0  # bytes in the queue
        self.remote = None  # (ip, port) once connected
        self.partner = None  # a socketpair's other end
        self.so_error = 0
        self.read_shut = False

    def _bind_if_unbound(self):
        if self.local is None:
            network.bind(self, addresses.any_of(self.family), 0)

    def connect(self, ip, port):
        if self.family != addresses.AF_UNIX:
            ip = stream._this_machine(ip)
            if not addresses.is_loopback(ip):
                raise addresses.unreachable()
        elif network.find(self.kind, self.family, ip, port, lambda e: True) is None:
            raise errors.error("ENOENT")
        self._bind_if_unbound()
        if self.family != addresses.AF_UNIX and addresses.is_wildcard(self.local[0]):
            self.local = (stream._source(ip), self.local[1])
        self.remote = (ip, port)

    def sendto(self, view, ip, port):
        """Send the datagram in memoryview *view* to (ip, port) (None: the connected peer)."""
        if ip is None:
            if self.partner is not None:
                return self._deliver(self.partner, view)
            if self.remote is None:
                raise errors.error("EDESTADDRREQ")
            ip, port = self.remote
        if self.so_error:
            raise errors.of_code(self.take_error())
        if len(view) > MAX_DATAGRAM[self.family]:
            raise errors.error("EMSGSIZE")
        if self.family != addresses.AF_UNIX:
            if ip == addresses.BROADCAST4 and not self.option(*_BROADCAST):
                raise errors.error("EACCES")
            ip = stream._this_machine(ip)
            if not addresses.is_loopback(ip):
                raise addresses.unreachable()
        self._bind_if_unbound()
        target = network.find(self.kind, self.family, ip, port, lambda e: not e.released)
        if target is None:
            if self.family == addresses.AF_UNIX:
                raise errors.error("ENOENT" if self.remote is None else "ECONNREFUSED")
            if self.remote is not None:  # ICMP port unreachable reaches a connected socket
                self.so_error = errno.ECONNREFUSED
                self.notify()
            return len(view)
        return self._deliver(target, view, ip)

    def _deliver(self, target, view, to_ip=None):
        sender = self.local
        if self.family != addresses.AF_UNIX:
            source_ip = sender[0] if not addresses.is_wildcard(sender[0]) else stream._source(to_ip)
            sender = (stream._as_family(source_ip, target.family), sender[1])
        if target.remote is not None and target.partner is None and target.remote != sender \
                and target.family != addresses.AF_UNIX:
            return len(view)  # a connected socket takes datagrams from its peer only
        if target.queued + len(view) <= CAPACITY:
            target.queue.append((bytes(view), addresses.sockaddr(target.family, *sender)
                                 if self.family != addresses.AF_UNIX or sender[0] else None))
            target.queued += len(view)
            target.notify()
        return len(view)

    def recvfrom(self, size, peek=False):
        """(data, sender's address) of the next datagram, cut to *size*, or BlockingIOError."""
        if self.so_error:
            raise errors.of_code(self.take_error())
        if self.queue:
            data, sender = self.queue[0]
            if not peek:
                self.queue.popleft()
                self.queued -= len(data)
            return data[:size], sender
        if self.read_shut:
            return b"", None
        raise errors.would_block()

    def shutdown(self, how):
        if how not in (0, 1, 2):
            raise errors.error("EINVAL")
        if self.remote is None and self.partner is None:
            raise errors.error("ENOTCONN")
        if how in (0, 2):
            self.read_shut = True
            self.notify()

    def take_error(self):
        error, self.so_error = self.so_error, 0
        return error

    def poll_mask(self):
        mask = POLLOUT
        if self.queue or self.read_shut:
            mask |= POLLIN
        if self.so_error:
            mask |= POLLERR
        return mask

    def release(self):
        if self.partner is not None:
            self.partner.partner = None
        super().release()


_BROADCAST = (addresses._socket.SOL_SOCKET, addresses._socket.SO_BROADCAST)


def pair(family, proto):
    """socketpair(AF_UNIX, SOCK_DGRAM): two unnamed ends, each the other's destination."""
    a, b = DatagramEndpoint(family, proto), DatagramEndpoint(family, proto)
    a.local = b.local = (b"", 0)
    a.partner, b.partner = b, a
    return a, b
