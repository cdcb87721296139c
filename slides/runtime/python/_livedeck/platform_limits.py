"""Announce, when it happens, what a browser cannot do that CPython can.

A Web Worker has no processes and no POSIX signals. The loop's methods for those still raise
what they raise (the learner sees the real Python error); when one of them ends with an
exception, the difference is announced (platform_notes) in the deck's language. Sockets are
the cell's loopback network (loopback/), which says itself where another host is out of reach;
only without JSPI (compat mode), where it is not installed, do the loop's socket methods fail.

Nothing is wrapped: sys.monitoring reports every exit by exception (PY_UNWIND), and those of
just these functions' code are announced, so no frame of the runtime joins the learner's traceback and the
loop classes stay CPython's own.
"""

import asyncio
import subprocess
import sys

from . import platform_notes

LIMITED = {
    "subprocess": ("subprocess_exec", "subprocess_shell"),
    "signals": ("add_signal_handler",),
}
WITHOUT_NETWORK = {  # compat mode: Pyodide's loop, no loopback network
    "sockets": ("create_connection", "create_server", "create_datagram_endpoint", "create_unix_connection",
                "create_unix_server", "sock_connect", "sock_accept", "connect_accepted_socket"),
}
TOOL = 4  # a sys.monitoring tool id CPython leaves free (0-2 and 5 are named)

_codes = {}  # code object → note key


def _all_subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _all_subclasses(sub)


def _unwound(code, offset, exception):
    key = _codes.get(code)
    if key is not None and isinstance(exception, Exception):
        platform_notes.announce(key)


def install(network=True):
    """*network*: the loopback network is installed (JSPI); without it, the socket methods are a limit."""
    limited = LIMITED if network else {**LIMITED, **WITHOUT_NETWORK}
    base = asyncio.AbstractEventLoop
    for cls in (base, *_all_subclasses(base)):
        for key, names in limited.items():
            for name in names:
                code = getattr(cls.__dict__.get(name), "__code__", None)
                if code is not None:
                    _codes[code] = key
    _codes[subprocess.Popen.__init__.__code__] = "subprocess"
    monitoring = sys.monitoring
    if monitoring.get_tool(TOOL) is None:
        monitoring.use_tool_id(TOOL, "platform_limits")
    monitoring.register_callback(TOOL, monitoring.events.PY_UNWIND, _unwound)
    monitoring.set_events(TOOL, monitoring.events.PY_UNWIND)  # a global event: a dict lookup per unwound frame
