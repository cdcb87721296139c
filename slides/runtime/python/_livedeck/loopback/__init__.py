"""A loopback network inside the interpreter: a live cell's machine has 127.0.0.1 and ::1.

A Web Worker has no sockets, yet asyncio exists for network I/O: servers and clients in one
program, the asyncio docs' examples, ``http.server`` with ``urllib``. This package gives the
interpreter what Linux gives a process on a machine without a network:

* ``addresses`` — names and addresses (``localhost``; any other host is unreachable);
* ``network`` — the machine's socket descriptors and the ports they hold;
* ``stream``, ``datagram`` — how TCP (and AF_UNIX) streams and UDP datagrams behave;
* ``socket_type`` — ``_socket.socket`` over those, in Python;
* ``waiting`` — blocking calls (one green thread each), ``select``, ``poll``, ``epoll``;
* ``install`` (here) — ``socket``, ``select`` and ``selectors`` made over them.

CPython's own ``socket.py`` and ``selectors.py`` run again over this ``_socket`` and ``select``,
so ``socket.socket``, ``create_connection``, ``socketpair`` and ``selectors.DefaultSelector``
(an ``EpollSelector``) are CPython's code, and so is everything above them: asyncio's
``_UnixSelectorEventLoop`` (the cell's loop: it waits in ``epoll.poll``), ``socketserver``,
``http.server``, ``http.client``, ``urllib.request``.

Nothing here holds a JavaScript reference (the runtime is imported into the memory snapshot):
waits go through green_threads, bound at its own install.
"""

import ast
import importlib.util
import os
import select
import sys
import types

import _socket as _platform_socket

from . import addresses, errors, network, socket_type, waiting

_OWN = {
    "socket": socket_type.socket,
    "SocketType": socket_type.socket,
    "socketpair": socket_type.socketpair,
    "dup": socket_type.dup,
    "close": socket_type.close,
    "getaddrinfo": addresses.getaddrinfo,
    "gethostbyname": addresses.gethostbyname,
    "gethostbyname_ex": addresses.gethostbyname_ex,
    "gethostbyaddr": addresses.gethostbyaddr,
    "getnameinfo": addresses.getnameinfo,
    "inet_pton": addresses.inet_pton,
    "inet_ntop": addresses.inet_ntop,
    "has_ipv6": True,
}
_installed = False


def _loopback_socket_module():
    """``_socket`` with this package's socket type and resolver in place of the platform's."""
    module = types.ModuleType("_socket", _platform_socket.__doc__)
    module.__dict__.update({k: v for k, v in vars(_platform_socket).items() if not k.startswith("__")})
    module.__dict__.update(_OWN)
    module.AF_UNIX, module.SO_REUSEADDR, module.SO_REUSEPORT = addresses.AF_UNIX, addresses.SO_REUSEADDR, \
        addresses.SO_REUSEPORT
    return module


def _code(name):
    return importlib.util.find_spec(name).loader.get_code(name)


# Compiled when this package is imported, so the snapshot holds them: an interpreter restored from it only
# runs them (install), as it starts.
_STDLIB_CODE = {name: _code(name) for name in ("socket", "selectors")}


def _run_again(name):
    """Execute the standard library module *name*'s code again, in its own namespace (what imported it
    keeps the same module), now over the loopback's ``_socket`` and ``select``."""
    module = sys.modules.get(name) or importlib.import_module(name)
    exec(_STDLIB_CODE[name], module.__dict__)


def install():
    """Once per interpreter, under JSPI (a blocking call needs a green thread to suspend)."""
    global _installed
    if _installed:
        return
    _installed = True
    for obj in (waiting.poll, waiting.epoll, waiting.select):
        obj.__module__ = "select"
    select.select, select.poll, select.epoll = waiting.select, waiting.poll, waiting.epoll
    for name, value in waiting.EPOLL_CONSTANTS.items():
        setattr(select, name, value)
    sys.modules["_socket"] = _loopback_socket_module()
    os.sendfile = _sendfile(getattr(os, "sendfile", None))  # before socket.py: it looks for os.sendfile
    os.get_inheritable, os.set_inheritable = _inheritable(os.get_inheritable, os.set_inheritable)
    _run_again("socket")
    _run_again("selectors")
    _define_unix_streams()
    network.new_interpreter()


def _unix_streams_code():
    """asyncio.streams' blocks that define open_unix_connection and start_unix_server where socket has
    AF_UNIX — which this platform's had not when asyncio was imported — compiled (at this package's
    import: the snapshot holds the code, and a restore only runs it)."""
    from asyncio import streams

    tree = ast.parse(importlib.util.find_spec(streams.__name__).loader.get_source(streams.__name__))
    blocks = [node for node in tree.body
              if isinstance(node, ast.If) and ast.unparse(node.test) == "hasattr(socket, 'AF_UNIX')"]
    return compile(ast.Module(blocks, []), streams.__file__, "exec")


_UNIX_STREAMS_CODE = _unix_streams_code()


def _define_unix_streams():
    """asyncio.open_unix_connection and start_unix_server, defined as asyncio.streams defines them."""
    import asyncio
    from asyncio import streams

    if hasattr(streams, "start_unix_server"):
        return
    exec(_UNIX_STREAMS_CODE, streams.__dict__)
    for function in ("open_unix_connection", "start_unix_server"):
        setattr(asyncio, function, getattr(streams, function))
    asyncio.__all__ += ("open_unix_connection", "start_unix_server")


def _sendfile(platform_sendfile):
    """os.sendfile, which this platform lacks, as Linux's from a file into a loopback stream socket: it sends
    what the socket takes now and never waits (BlockingIOError when it takes nothing; socket.sendfile() and
    loop.sock_sendfile() wait for room themselves). Between files it reads and writes."""

    def sendfile(out_fd, in_fd, offset, count):
        endpoint = network.endpoint_of(out_fd)
        if endpoint is None and platform_sendfile is not None:
            return platform_sendfile(out_fd, in_fd, offset, count)
        if endpoint is not None and endpoint.kind != "stream":
            raise errors.error("EINVAL")
        if network.endpoint_of(in_fd) is not None:
            raise errors.error("EINVAL")  # Linux reads from what can be mapped: a file, not a socket
        data = os.read(in_fd, count) if offset is None else os.pread(in_fd, count, offset)
        if not data:
            return 0
        if endpoint is None:
            sent = os.write(out_fd, data)
        else:
            sent = endpoint.send(memoryview(data))
        if offset is None and sent < len(data):
            os.lseek(in_fd, sent - len(data), os.SEEK_CUR)  # the file's offset moves by what was sent
        return sent

    sendfile.__doc__ = getattr(platform_sendfile, "__doc__", None) or "Copy count bytes from in_fd to out_fd."
    return sendfile


def _inheritable(platform_get, platform_set):
    """os.get_inheritable and os.set_inheritable that a loopback socket answers itself (the platform's say
    every descriptor is inheritable: Emscripten keeps no close-on-exec flag)."""

    def get_inheritable(fd, /):
        endpoint = network.endpoint_of(fd)
        return platform_get(fd) if endpoint is None else endpoint.inheritable

    def set_inheritable(fd, inheritable, /):
        endpoint = network.endpoint_of(fd)
        if endpoint is None:
            return platform_set(fd, inheritable)
        endpoint.inheritable = bool(inheritable)

    get_inheritable.__doc__, set_inheritable.__doc__ = platform_get.__doc__, platform_set.__doc__
    return get_inheritable, set_inheritable


def is_installed():
    return _installed


def end_run():
    """The run's sockets close with it, as a process's do when it exits."""
    network.close_all()
