"""The machine's loopback network: its open socket descriptors and the ports they hold.

A socket is an ``Endpoint`` (what the kernel keeps: its state, buffers, bound address) reached
through file descriptors. Each descriptor is a real one of the interpreter's (``/dev/null``
opened), so it is unique among the run's files, ``os.fstat`` and ``selectors`` accept it, and
``dup`` makes a second descriptor of the same endpoint; the endpoint is released when its last
descriptor closes.

Who waits on an endpoint (a blocked call, a selector) puts a ``green_threads.Waiter`` in its
``watchers``; every change of the endpoint's state wakes them all, and each checks again.
"""

import _socket
import contextlib
import os
import random

from . import addresses, errors

_descriptors = {}  # fd → Endpoint
_bound = {}  # (kind, port or AF_UNIX path) → [Endpoint], in bind order
_ports = random.Random()  # the ephemeral ports' own generator: a script's random.seed() is not touched
EPHEMERAL = range(32768, 61000)  # Linux's ip_local_port_range
UNPRIVILEGED = 1024  # lower ports need root, which a learner's account is not

# Readiness as Linux's poll() reports it (the same bits for epoll)
POLLIN, POLLPRI, POLLOUT, POLLERR, POLLHUP, POLLNVAL = 1, 2, 4, 8, 16, 32
POLLRDNORM, POLLWRNORM, POLLRDHUP = 0x40, 0x100, 0x2000


def new_interpreter():
    """A restored interpreter draws its own ephemeral ports (the snapshot froze the generator's state)."""
    _ports.seed()


class Endpoint:
    """What a socket is inside the machine; stream.py and datagram.py say how each kind behaves."""

    kind = None  # "stream" or "dgram"
    inheritable = False  # as CPython makes every socket (PEP 446); Emscripten keeps no FD_CLOEXEC to ask

    def __init__(self, family, proto):
        self.family = family
        self.proto = proto
        self.local = None  # (ip, port) once bound (AF_UNIX: (path, 0))
        self.options = {}  # (level, option) → value, as setsockopt left it
        self.watchers = set()  # green_threads.Waiter of each call or select() waiting on it
        self.pollers = set()  # (waiting._Interest, fd) of each poll or epoll object watching it
        self.descriptors = 0
        self.released = False
        self.v6only = False

    def poll_mask(self):
        """Its readiness now: POLLIN, POLLOUT, POLLERR, POLLHUP… as the kernel's poll() says it."""
        return 0

    def notify(self):
        """Its state changed: whoever waits on it checks again."""
        for poller, fd in self.pollers:
            poller.changed.add(fd)
        if self.watchers:
            for waiter in list(self.watchers):
                waiter.wake()

    def option(self, level, name, default=0):
        return self.options.get((level, name), default)

    def release(self):
        """Its last descriptor closed."""
        self.released = True
        unbind(self)
        self.notify()

    # -- binding ----------------------------------------------------------------------------------

    def spaces(self):
        """What this bound endpoint's address covers: {(4 or 6 or path, ip or None for any)}."""
        ip, port = self.local
        if self.family == addresses.AF_UNIX:
            return {("unix", ip)}
        if self.family == addresses.AF_INET:
            return {(4, None if ip == addresses.ANY4 else ip)}
        mapped = addresses.v4_of(ip)
        if mapped is not None:
            return {(4, None if mapped == addresses.ANY4 else mapped)}
        if ip == addresses.ANY6:
            return {(6, None)} if self.v6only else {(6, None), (4, None)}
        return {(6, ip)}

    def covers(self, version, ip):
        """Does this bound endpoint receive what is sent to *ip* (of IP *version*)?"""
        return any(v == version and (mine is None or mine == ip) for v, mine in self.spaces())


def _overlap(a, b):
    return any(va == vb and (ia is None or ib is None or ia == ib) for va, ia in a for vb, ib in b)


def _shares_port(new, old, listening=False):
    """May *new* hold the port *old* holds (Linux's SO_REUSEADDR and SO_REUSEPORT rules)?"""
    reuse_addr = (_socket.SOL_SOCKET, addresses.SO_REUSEADDR)
    reuse_port = (_socket.SOL_SOCKET, addresses.SO_REUSEPORT)
    if new.options.get(reuse_port) and old.options.get(reuse_port):
        return True
    old_listens = getattr(old, "listening", False)
    return bool(new.options.get(reuse_addr) and old.options.get(reuse_addr) and not old_listens and not listening)


def bind(endpoint, ip, port):
    """Give *endpoint* the address (ip, port) — port 0: a free ephemeral one; EADDRINUSE if taken."""
    if endpoint.family == addresses.AF_UNIX:
        key = (endpoint.kind, ip)
        if ip and _bound.get(key):
            raise errors.error("EADDRINUSE")
        endpoint.local = (ip, 0)
        if ip:
            _bound[key] = [endpoint]
        return
    if port == 0:
        port = _free_port(endpoint, ip)
    endpoint.local = (ip, port)
    holders = _bound.setdefault((endpoint.kind, port), [])
    mine = endpoint.spaces()
    for other in holders:
        if _overlap(mine, other.spaces()) and not _shares_port(endpoint, other):
            endpoint.local = None
            raise errors.error("EADDRINUSE")
    holders.append(endpoint)


def check_listen(endpoint):
    """listen(): no other socket may already listen on an address this one covers (unless SO_REUSEPORT)."""
    if endpoint.family == addresses.AF_UNIX:
        return
    mine = endpoint.spaces()
    for other in _bound.get((endpoint.kind, endpoint.local[1]), ()):
        if other is not endpoint and getattr(other, "listening", False) and _overlap(mine, other.spaces()) \
                and not _shares_port(endpoint, other, listening=True):
            raise errors.error("EADDRINUSE")


def _free_port(endpoint, ip):
    for _ in range(64):
        port = _ports.choice(EPHEMERAL)
        if not _bound.get((endpoint.kind, port)):
            return port
    for port in EPHEMERAL:
        if not _bound.get((endpoint.kind, port)):
            return port
    raise errors.error("EADDRINUSE")


def unbind(endpoint):
    if endpoint.local is None:
        return
    ip, port = endpoint.local
    key = (endpoint.kind, ip if endpoint.family == addresses.AF_UNIX else port)
    holders = _bound.get(key)
    if holders and endpoint in holders:
        holders.remove(endpoint)
        if not holders:
            del _bound[key]


def find(kind, family, ip, port, accept):
    """The bound endpoint of *kind* that receives what is sent to (ip, port), for which *accept*(it)
    holds: one bound to that very address first, then one bound to any address."""
    if family == addresses.AF_UNIX:
        found = [e for e in _bound.get((kind, ip), ()) if accept(e)]
        return found[0] if found else None
    mapped = addresses.v4_of(ip)
    version, ip = (4, mapped) if mapped is not None else ((6, ip) if len(ip) == 16 else (4, ip))
    candidates = [e for e in _bound.get((kind, port), ()) if accept(e) and e.covers(version, ip)]
    exact = [e for e in candidates if (version, ip) in e.spaces()]
    return (exact or candidates or [None])[0]


# -- descriptors -----------------------------------------------------------------------------------

def open_descriptor(endpoint):
    fd = os.open(os.devnull, os.O_RDWR)
    _descriptors[fd] = endpoint
    endpoint.descriptors += 1
    return fd


def reserve_descriptor():
    """A descriptor of no socket (an epoll object's own)."""
    return os.open(os.devnull, os.O_RDWR)


def release_descriptor(fd):
    os.close(fd)


def endpoint_of(fd):
    endpoint = _descriptors.get(fd)
    return None if endpoint is _ENDED else endpoint


def close_descriptor(fd):
    endpoint = _descriptors.pop(fd, None)
    if endpoint is None:
        return
    try:
        os.close(fd)
    except OSError:
        pass
    if endpoint is not _ENDED:
        _let_go(endpoint)


def _let_go(endpoint):
    endpoint.descriptors -= 1
    if endpoint.descriptors == 0:
        endpoint.release()


@contextlib.contextmanager
def held(endpoint):
    """A call that waits holds its socket, as the kernel holds a file during a system call: closing its
    descriptor meanwhile (another thread) releases the socket only when the call returns, as on Linux."""
    endpoint.descriptors += 1
    try:
        yield
    finally:
        _let_go(endpoint)


_ENDED = object()  # a descriptor of a socket its run left open: closed, its number still held


def close_all():
    """A run ends: every socket it left open closes, as a process's do when it exits. Their numbers stay
    taken until their socket objects close them (a kept cell's next run may hold one): a number reused by a
    new socket would be closed by the old object."""
    for fd, endpoint in list(_descriptors.items()):
        if endpoint is not _ENDED:
            _descriptors[fd] = _ENDED
            endpoint.descriptors = 0
            endpoint.release()
