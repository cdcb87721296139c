"""Waiting for sockets: a blocking call, ``select.select``, ``select.poll`` and ``select.epoll``.

A wait suspends only the waiting green thread (green_threads.block): it puts a Waiter in each
endpoint's watchers and wakes when any of them changes, or at its timeout. The cell's event loop
is CPython's ``_UnixSelectorEventLoop`` with ``selectors.EpollSelector`` on this epoll, so its
``select()`` waits here too, and ``call_soon_threadsafe`` wakes it through its self-pipe, a
loopback socketpair, as in CPython.

A descriptor that is not a loopback socket (a pipe, a file) is asked the platform's own
``select`` without waiting; while any is watched, a wait looks again every ``POLL_INTERVAL``.
"""

import math
import select as _platform_select
import time

from .. import green_threads
from . import errors, network
from .network import POLLERR, POLLHUP, POLLIN, POLLNVAL, POLLOUT, POLLPRI, POLLRDHUP, POLLRDNORM, POLLWRNORM

POLL_INTERVAL = 0.01  # s, between looks at descriptors that are not loopback sockets
_platform_poll = _platform_select.select
_clock = time.monotonic

# Linux's select(): which poll bits make a descriptor readable, writable, exceptional
_READ_SET = POLLIN | POLLRDNORM | POLLHUP | POLLERR
_WRITE_SET = POLLOUT | POLLWRNORM | POLLERR
_EXCEPT_SET = POLLPRI


def _foreign_mask(fd):
    """poll bits of a descriptor that is no loopback socket, from the platform's select (no waiting)."""
    try:
        readable, writable, _ = _platform_poll([fd], [fd], [], 0)
    except (OSError, ValueError):
        return POLLNVAL
    return (POLLIN if readable else 0) | (POLLOUT if writable else 0)


def mask_of(fd):
    endpoint = network.endpoint_of(fd)
    if endpoint is None:
        return _foreign_mask(fd)
    return endpoint.poll_mask()


def _wait(endpoints, deadline, foreign):
    """Suspend this green thread until an endpoint changes, *deadline* passes, or a look is due."""
    timeout = None if deadline is None else max(deadline - _clock(), 0.0)
    if foreign:
        timeout = POLL_INTERVAL if timeout is None else min(timeout, POLL_INTERVAL)
    waiter = green_threads.Waiter(timeout)
    for endpoint in endpoints:
        endpoint.watchers.add(waiter)
    try:
        green_threads.block(waiter)
    finally:
        for endpoint in endpoints:
            endpoint.watchers.discard(waiter)


def until(look, fds, timeout):
    """Call look() until it returns something true or *timeout* (None: forever) passes; its last result.

    Between looks, wait for a change of the descriptors *fds*. A zero timeout looks once, after
    letting other threads run if this one kept them waiting (as CPython's GIL hands over)."""
    if timeout is not None and timeout <= 0:
        green_threads.switch_if_due()
        return look()
    deadline = None if timeout is None else _clock() + timeout
    while True:
        found = look()
        if found or (deadline is not None and _clock() >= deadline):
            return found
        endpoints = [network.endpoint_of(fd) for fd in fds]
        _wait([e for e in endpoints if e is not None], deadline, None in endpoints)


def wait_for(endpoint, bits, deadline):
    """Block until *endpoint*'s poll mask has any of *bits* (or an error or hang-up); False if
    *deadline* passed first."""
    while not endpoint.poll_mask() & (bits | POLLERR | POLLHUP):
        if deadline is not None and _clock() >= deadline:
            return False
        _wait([endpoint], deadline, False)
    return True


def _fd_of(fileobj):
    """The descriptor of an int or an object's fileno(), as CPython's PyObject_AsFileDescriptor."""
    if isinstance(fileobj, int):
        fd = fileobj
    elif hasattr(fileobj, "fileno"):
        fd = fileobj.fileno()
        if not isinstance(fd, int):
            raise TypeError("fileno() returned a non-integer")
    else:
        raise TypeError("argument must be an int, or have a fileno() method.")
    if fd < 0:
        raise ValueError(f"file descriptor cannot be a negative integer ({fd})")
    return fd


def _timeout_seconds(timeout, scale=1.0):
    if timeout is None:
        return None
    if not isinstance(timeout, (int, float)):
        raise TypeError("timeout must be an integer or None")
    return timeout * scale


def select(rlist, wlist, xlist, timeout=None):
    """select.select over loopback sockets (and any other descriptor)."""
    if timeout is not None:
        if not isinstance(timeout, (int, float)):
            raise TypeError("timeout must be a float or None")
        if timeout < 0:
            raise ValueError("timeout must be non-negative")
    lists = [list(rlist), list(wlist), list(xlist)]
    fds = [[_fd_of(obj) for obj in objs] for objs in lists]
    everything = set().union(*fds)
    for fd in everything:
        if network.endpoint_of(fd) is None and _foreign_mask(fd) == POLLNVAL:
            raise errors.error("EBADF")

    def look():
        masks = {fd: mask_of(fd) for fd in everything}
        found = tuple([obj for obj, fd in zip(objs, fds_) if masks[fd] & bits]
                      for objs, fds_, bits in zip(lists, fds, (_READ_SET, _WRITE_SET, _EXCEPT_SET)))
        return found if any(found) else None

    return until(look, everything, timeout) or ([], [], [])


class _Interest:
    """What poll and epoll share: the descriptors watched and the bits asked for each."""

    ALWAYS = POLLERR | POLLHUP | POLLNVAL

    def __init__(self):
        self._fds = {}  # fd → event mask

    def _ready(self, limit=-1):
        found = []
        for fd, events in list(self._fds.items()):
            endpoint = network.endpoint_of(fd)
            if endpoint is None:
                mask = _foreign_mask(fd)
                if mask == POLLNVAL and self.ALWAYS == POLLERR | POLLHUP:  # epoll drops a closed descriptor
                    continue
            else:
                mask = endpoint.poll_mask()
            got = mask & (events | self.ALWAYS)
            if got:
                found.append((fd, got))
                if len(found) == limit:
                    break
        return found

    def _poll(self, seconds, limit=-1):
        return until(lambda: self._ready(limit), list(self._fds), seconds) or []


class poll(_Interest):
    """select.poll: register(fd, events), modify, unregister, poll(timeout in ms)."""

    def register(self, fd, eventmask=POLLIN | POLLPRI | POLLOUT):
        self._fds[_fd_of(fd)] = eventmask

    def modify(self, fd, eventmask):
        fd = _fd_of(fd)
        if fd not in self._fds:
            raise errors.error("ENOENT")
        self._fds[fd] = eventmask

    def unregister(self, fd):
        del self._fds[_fd_of(fd)]

    def poll(self, timeout=None):
        seconds = _timeout_seconds(timeout, 1e-3)
        if seconds is not None and seconds < 0:
            seconds = None
        return self._poll(seconds)


EPOLLIN, EPOLLPRI, EPOLLOUT, EPOLLERR, EPOLLHUP = POLLIN, POLLPRI, POLLOUT, POLLERR, POLLHUP
EPOLLRDNORM, EPOLLRDBAND, EPOLLWRNORM, EPOLLWRBAND, EPOLLMSG = 0x40, 0x80, 0x100, 0x200, 0x400
EPOLLRDHUP, EPOLLEXCLUSIVE, EPOLLONESHOT, EPOLLET = POLLRDHUP, 1 << 28, 1 << 30, 1 << 31
EPOLL_CLOEXEC = 0o2000000
EPOLL_CONSTANTS = {name: value for name, value in globals().items() if name.startswith("EPOLL")}


class epoll(_Interest):
    """select.epoll: level-triggered readiness of loopback sockets (EPOLLONESHOT honoured)."""

    ALWAYS = POLLERR | POLLHUP

    def __init__(self, sizehint=-1, flags=0):
        super().__init__()
        self._own_fd = network.reserve_descriptor()

    @classmethod
    def fromfd(cls, fd):
        return cls()

    @property
    def closed(self):
        return self._own_fd < 0

    def _check_open(self):
        if self._own_fd < 0:
            raise ValueError("I/O operation on closed epoll object")

    def close(self):
        if self._own_fd >= 0:
            network.release_descriptor(self._own_fd)
            self._own_fd = -1

    def fileno(self):
        self._check_open()
        return self._own_fd

    def register(self, fd, eventmask=EPOLLIN | EPOLLPRI | EPOLLOUT):
        self._check_open()
        fd = _fd_of(fd)
        if fd in self._fds:
            raise errors.error("EEXIST")
        if network.endpoint_of(fd) is None and _foreign_mask(fd) == POLLNVAL:
            raise errors.error("EBADF")
        self._fds[fd] = eventmask

    def modify(self, fd, eventmask):
        self._check_open()
        fd = _fd_of(fd)
        if fd not in self._fds:
            raise errors.error("ENOENT")
        self._fds[fd] = eventmask

    def unregister(self, fd):
        self._check_open()
        fd = _fd_of(fd)
        if fd not in self._fds:
            raise errors.error("ENOENT")
        del self._fds[fd]

    def poll(self, timeout=None, maxevents=-1):
        self._check_open()
        seconds = _timeout_seconds(timeout)
        if seconds is not None and seconds < 0:
            seconds = None
        elif seconds is not None:
            seconds = math.ceil(seconds * 1000) / 1000  # epoll waits whole milliseconds, rounded up
        if maxevents == 0 or maxevents < -1:
            raise ValueError(f"maxevents must be greater than 0, got {maxevents}")
        found = self._poll(seconds, maxevents)
        for fd, _ in found:
            if self._fds.get(fd, 0) & EPOLLONESHOT:
                self._fds[fd] = 0
        return found

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        self.close()
