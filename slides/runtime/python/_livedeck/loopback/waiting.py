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
    """Suspend this green thread until an endpoint changes, *deadline* passes, or a look is due; True
    unless *deadline* passed."""
    timeout = None if deadline is None else max(deadline - _clock(), 0.0)
    capped = foreign and (timeout is None or timeout > POLL_INTERVAL)
    if capped:
        timeout = POLL_INTERVAL
    waiter = green_threads.Waiter(timeout)
    for endpoint in endpoints:
        endpoint.watchers.add(waiter)
    try:
        return green_threads.block(waiter) or capped
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
        if not _wait([e for e in endpoints if e is not None], deadline, None in endpoints):
            return look()  # the timeout passed (its timer fires at a whole millisecond: no second wait)


def wait_for(endpoint, bits, deadline):
    """Block until *endpoint*'s poll mask has any of *bits* (or an error or hang-up); False if
    *deadline* passed first."""
    while not endpoint.poll_mask() & (bits | POLLERR | POLLHUP):
        if deadline is not None and _clock() >= deadline:
            return False
        if not _wait([endpoint], deadline, False):
            return bool(endpoint.poll_mask() & (bits | POLLERR | POLLHUP))
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


# A staticmethod, as a builtin is: it binds no ``self`` as a class attribute (selectors.SelectSelector keeps
# ``_select = select.select`` and calls ``self._select(r, w, x, t)``), and it is called as a function.
@staticmethod
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
    """What poll and epoll share: the descriptors watched and the bits asked for each.

    The event loop polls the same sockets thousands of times a second, so a look asks only the sockets
    that changed since the last one (each socket's ``notify()`` marks it for every poller watching it)
    and those that were ready then (readiness is level-triggered: it lasts until read or written away).
    A socket closed since it was registered is no longer watched, as epoll forgets a closed file (a poll
    object asks again by number). Descriptors that are no loopback socket are asked at every look."""

    ALWAYS = POLLERR | POLLHUP | POLLNVAL
    FORGETS_CLOSED = False

    def __init__(self):
        self._fds = {}  # fd → event mask, in registration order (the order of a look's results)
        self._endpoints = {}  # fd → its loopback endpoint, or None for another descriptor
        self.changed = set()  # fds whose endpoint changed since the last look (network.Endpoint.notify)
        self._ready_fds = set()  # fds ready at the last look

    def _set(self, fd, eventmask):
        old = self._endpoints.get(fd)
        if old is not None:
            old.pollers.discard((self, fd))
        endpoint = network.endpoint_of(fd)
        self._fds[fd] = eventmask
        self._endpoints[fd] = endpoint
        if endpoint is not None:
            endpoint.pollers.add((self, fd))
        self.changed.add(fd)

    def _drop(self, fd):
        del self._fds[fd]
        endpoint = self._endpoints.pop(fd)
        if endpoint is not None:
            endpoint.pollers.discard((self, fd))
        self.changed.discard(fd)
        self._ready_fds.discard(fd)

    def _forget_all(self):
        for fd in list(self._fds):
            self._drop(fd)

    def _ready(self, limit=-1):
        look_at = self.changed | self._ready_fds
        self.changed = set()
        found = []
        ready = set()
        for fd, events in self._fds.items():
            endpoint = self._endpoints[fd]
            if endpoint is None:
                mask = _foreign_mask(fd)
                if mask == POLLNVAL and self.FORGETS_CLOSED:
                    continue
            elif fd not in look_at:
                continue
            elif endpoint.released:
                if self.FORGETS_CLOSED:
                    continue
                mask = mask_of(fd)
            else:
                mask = endpoint.poll_mask()
            got = mask & (events | self.ALWAYS)
            if got:
                ready.add(fd)
                if limit < 0 or len(found) < limit:
                    found.append((fd, got))
        self._ready_fds = ready
        return found

    def _poll(self, seconds, limit=-1):
        green_threads.switch_if_due()  # a loop kept busy by its sockets lets the other threads run, as the GIL would
        found = self._ready(limit)
        if found or (seconds is not None and seconds <= 0):
            return found
        return until(lambda: self._ready(limit), self._fds, seconds) or []

    def __del__(self):
        self._forget_all()


class poll(_Interest):
    """select.poll: register(fd, events), modify, unregister, poll(timeout in ms)."""

    def register(self, fd, eventmask=POLLIN | POLLPRI | POLLOUT):
        self._set(_fd_of(fd), eventmask)

    def modify(self, fd, eventmask):
        fd = _fd_of(fd)
        if fd not in self._fds:
            raise errors.error("ENOENT")
        self._set(fd, eventmask)

    def unregister(self, fd):
        self._drop(_fd_of(fd))

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
    FORGETS_CLOSED = True

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
            self._forget_all()
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
        self._set(fd, eventmask)

    def modify(self, fd, eventmask):
        self._check_open()
        fd = _fd_of(fd)
        if fd not in self._fds:
            raise errors.error("ENOENT")
        self._set(fd, eventmask)

    def unregister(self, fd):
        self._check_open()
        fd = _fd_of(fd)
        if fd not in self._fds:
            raise errors.error("ENOENT")
        self._drop(fd)

    def poll(self, timeout=None, maxevents=-1):
        if self._own_fd < 0:
            raise ValueError("I/O operation on closed epoll object")
        if timeout is None or timeout == -1:
            seconds = None
        else:
            seconds = _timeout_seconds(timeout)
            if seconds < 0:
                seconds = None
            elif seconds > 0:
                seconds = math.ceil(seconds * 1000) / 1000  # epoll waits whole milliseconds, rounded up
        if maxevents == 0 or maxevents < -1:
            raise ValueError(f"maxevents must be greater than 0, got {maxevents}")
        found = self._poll(seconds, maxevents)
        for fd, _ in found:
            if self._fds.get(fd, 0) & EPOLLONESHOT:
                self._set(fd, 0)
        return found

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        if getattr(self, "_own_fd", -1) >= 0:
            self.close()
