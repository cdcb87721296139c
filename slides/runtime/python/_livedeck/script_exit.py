"""os._exit(n) as in CPython: the script ends at once with status n, no finally block runs.

The worker's *retire* callback reports the status and the output so far; the page then retires
this worker (the pool's standby takes over, as after Stop). Python stops right here: with JSPI it
waits on a promise that never settles; without, it spins until the worker is terminated.
"""

import os
import sys

_retire = None


def install(retire):
    global _retire
    _retire = retire
    os._exit = _exit


def _exit(status):
    status = int(status)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    _retire(status)
    from pyodide.ffi import can_run_sync, run_sync
    from js import Promise

    if can_run_sync():
        run_sync(Promise.new(lambda resolve, reject: None))
    while True:
        pass
