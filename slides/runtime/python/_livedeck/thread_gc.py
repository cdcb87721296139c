"""The cyclic garbage collector, made safe for green threads' suspended stacks.

Why: Pyodide gives every stack entered from JavaScript (every green thread) a
PyThreadState of its own, kept in the interpreter's list while the stack is suspended.
Each Python call entered from C puts an "entry frame" on the C stack (a local of
_PyEval_EvalFrameDefault) and links the thread's frames to it. While a thread is
suspended, Pyodide may copy its C stack away and let the stack that resumes reuse those
addresses (stack_state.mjs, evictStackUpTo) — harmless for the thread, whose bytes come
back when it resumes, but Python 3.14's automatic collection (an *incremental* one,
gc_collect_increment → mark_stacks) walks the frames of every thread state, follows the
stale entry frame into another stack's bytes and crashes the interpreter ("memory access
out of bounds", then Pyodide's fatal error). A young collection (generation 0) and a full
one (generation 2) walk no thread's frames.

So while a green thread's stack is in flight, automatic collection is off and this module
collects instead, at thread switches (green_threads.block): the young generation when it
passed its threshold, as the automatic collector would, and everything now and then, so a
long run's cyclic garbage stays bounded. ``gc.enable``/``gc.disable``/``gc.isenabled`` keep
answering for the learner's own wish, and ``gc.collect(1)`` (an incremental step) becomes a
full collection meanwhile. When the last thread's stack ends, automatic collection is back
as the learner left it.
"""

import gc

FULL_EVERY = 25  # young collections between two full ones while threads are in flight

_in_flight = 0  # green-thread stacks entered (or scheduled) and not yet ended
_wanted = True  # what the learner asked for with gc.enable() / gc.disable()
_young_since_full = 0
_real_enable, _real_disable, _real_isenabled, _real_collect = gc.enable, gc.disable, gc.isenabled, gc.collect


def _apply():
    (_real_enable if _wanted and not _in_flight else _real_disable)()


def enable():
    global _wanted
    _wanted = True
    _apply()


def disable():
    global _wanted
    _wanted = False
    _apply()


def isenabled():
    return _wanted


def collect(generation=2):
    if _in_flight and generation == 1:
        generation = 2  # an incremental step walks every thread's frames; a full collection does not
    return _real_collect(generation)


def stack_started():
    """A green thread's stack is about to exist: no automatic (frame-walking) collection from now."""
    global _in_flight
    _in_flight += 1
    _apply()


def stack_ended():
    global _in_flight
    _in_flight = max(_in_flight - 1, 0)
    _apply()


def collect_if_due():
    """At a thread switch: what the automatic collector would do, without walking any frames."""
    global _young_since_full
    if not _in_flight or not _wanted:
        return
    if gc.get_count()[0] <= gc.get_threshold()[0]:
        return
    _young_since_full += 1
    if _young_since_full >= FULL_EVERY:
        _young_since_full = 0
        _real_collect(2)
    else:
        _real_collect(0)


def new_run():
    """Each run starts with the collector on, as a new process does (threads still in flight keep it manual)."""
    global _wanted
    _wanted = True
    _apply()


def install():
    gc.enable, gc.disable, gc.isenabled, gc.collect = enable, disable, isenabled, collect
    _apply()
