"""One-line notes where the browser cannot do what CPython does, shown in the deck's language.

Python names the difference by a key (``announce("sockets")``); the worker posts it as
``{type: 'output', stream: 'note', key, args}`` and the page prints ``labels().notes[key]``
(slides/runtime/labels.js) — so a Korean deck says it in Korean. Each key is announced once
per run, where it happens; the Python error itself is still raised as it is.
"""

_post = None  # the worker's callback, connected at boot (no JavaScript in the memory snapshot)
_announced = set()


def connect(post):
    global _post
    _post = post


def new_run():
    _announced.clear()


def announce(key, *args):
    """Show note *key* in this run's output, once."""
    if key in _announced or _post is None:
        return
    _announced.add(key)
    import sys

    sys.stdout.flush()
    sys.stderr.flush()
    _post(key, list(args))
