"""Announce, when it happens, what a browser cannot do that CPython can.

A Web Worker has no sockets to other hosts, no processes, no POSIX signals. The loop's
methods for those still raise what they raise (the learner sees the real Python error);
when one of them ends with an exception, the difference is announced (platform_notes) in
the deck's language.

Nothing is wrapped: sys.monitoring reports every exit by exception (PY_UNWIND), and those of
just these functions' code are announced, so no frame of the runtime joins the learner's traceback and the
loop classes stay CPython's own.
"""

import asyncio
import subprocess
import sys

from . import platform_notes

LIMITED = {
    "sockets": ("create_connection", "create_server", "create_datagram_endpoint", "create_unix_connection",
                "create_unix_server", "sock_connect", "sock_accept", "connect_accepted_socket"),
    "subprocess": ("subprocess_exec", "subprocess_shell"),
    "signals": ("add_signal_handler",),
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


def install():
    base = asyncio.AbstractEventLoop
    for cls in (base, *_all_subclasses(base)):
        for key, names in LIMITED.items():
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
