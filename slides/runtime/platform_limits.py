"""Announce, when it happens, what a browser cannot do that CPython can.

A Web Worker has no sockets to other hosts, no processes, no POSIX signals. The loop's
methods for those still raise what they raise (the learner sees the real Python error);
wrapped here, they also announce the difference (platform_notes) in the deck's language.
"""

import asyncio
import functools
import inspect
import subprocess

import platform_notes

LIMITED = {
    "sockets": ("create_connection", "create_server", "create_datagram_endpoint", "create_unix_connection",
                "create_unix_server", "sock_connect", "sock_accept", "connect_accepted_socket"),
    "subprocess": ("subprocess_exec", "subprocess_shell"),
    "signals": ("add_signal_handler",),
}


def _announcing(method, key):
    if inspect.iscoroutinefunction(method):
        @functools.wraps(method)
        async def wrapper(*args, **kwargs):
            try:
                return await method(*args, **kwargs)
            except Exception:
                platform_notes.announce(key)
                raise
    else:
        @functools.wraps(method)
        def wrapper(*args, **kwargs):
            try:
                return method(*args, **kwargs)
            except Exception:
                platform_notes.announce(key)
                raise
    wrapper.__announces__ = key
    return wrapper


def wrap_loop_class(cls):
    """Wrap the limited methods *cls* defines itself (its bases are wrapped on their own)."""
    for key, names in LIMITED.items():
        for name in names:
            method = cls.__dict__.get(name)
            if callable(method) and not hasattr(method, "__announces__"):
                setattr(cls, name, _announcing(method, key))


def _all_subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _all_subclasses(sub)


def install():
    """Wrap every event-loop class there is, and every one defined later."""
    base = asyncio.AbstractEventLoop
    for cls in (base, *_all_subclasses(base)):
        wrap_loop_class(cls)
    previous = base.__dict__.get("__init_subclass__")

    def __init_subclass__(cls, **kwargs):
        super(base, cls).__init_subclass__(**kwargs) if previous is None else previous.__func__(cls, **kwargs)
        wrap_loop_class(cls)

    base.__init_subclass__ = classmethod(__init_subclass__)
    if not hasattr(subprocess.Popen.__init__, "__announces__"):
        subprocess.Popen.__init__ = _announcing(subprocess.Popen.__init__, "subprocess")
