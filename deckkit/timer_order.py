"""Timers due at the same moment run in the order CPython runs them on Linux, in real time.

CPython's timer heap orders timers by their due time only (`TimerHandle.__lt__` compares `_when`),
and breaks no ties. On Linux that is enough: every reading of the loop's clock is later than the one
before (time.monotonic counts nanoseconds), so `asyncio.sleep(0.5)` in tasks A, B, C, D gives four
due times a few microseconds apart and the tasks wake A B C D. Where readings repeat, the four due
times are equal and the heap wakes them A C B D (or A C B E D … for more): so in the recording's
virtual time (looptime), where the clock stands still while the loop works. (The browser's clock,
which ticks in 0.1 ms, is made to repeat no reading instead: _livedeck/clock.py.) Two timers made from the *same* reading (`now = loop.time()`, then
`call_at(now + 0.1)` twice) tie exactly under CPython too, and run in the heap's order.

So a loop here numbers its clock readings: `time()` returns the reading as a float that also carries
its number, and a sum with it (`loop.time() + delay`, as `call_later` and `asyncio.timeout` compute a
due time) carries the same number. A timer is ordered by its due time, then by the number of the
reading its due time came from — the order real time gives it on Linux. A due time from no reading (a
literal, or a difference) orders as the latest reading before its timer was made. Equal keys stay the
heap's to order, as under CPython. (The recording compares due times in looptime's microsecond ticks:
there `0.01 + 0.06` and `0.07` are the same moment.)
"""

import heapq
from asyncio import events


class Reading(float):
    """A reading of the loop's clock: a float that remembers which reading it is (`number`).
    Adding to it (either side) keeps the number; any other arithmetic gives a plain float.
    (Made with float's own constructor, then numbered: a loop reads its clock on every step.)"""

    __slots__ = ("number",)

    def _numbered(self, total):
        """*total* (a sum with this reading) as a Reading of the same number."""
        if total is NotImplemented:
            return total
        total = Reading(total)
        total.number = self.number
        return total

    def __add__(self, other):
        return self._numbered(float.__add__(self, other))

    def __radd__(self, other):
        return self._numbered(float.__radd__(self, other))

    def __reduce__(self):  # pickles, copies and deep-copies as the plain float it reads as
        return float, (float(self),)


class _OrderedTimerHandle(events.TimerHandle):
    """A TimerHandle that compares by (due moment, reading number) instead of the due time alone.
    (The heap compares its timers hundreds of thousands of times for 10,000 sleeps: no isinstance.)"""

    __slots__ = ("_order",)

    def __lt__(self, other):
        try:
            return self._order < other._order
        except AttributeError:
            return super().__lt__(other)

    def __le__(self, other):
        try:
            return self._order <= other._order
        except AttributeError:
            return super().__le__(other)

    def __gt__(self, other):
        try:
            return self._order > other._order
        except AttributeError:
            return super().__gt__(other)

    def __ge__(self, other):
        try:
            return self._order >= other._order
        except AttributeError:
            return super().__ge__(other)


# A program that prints a timer sees `<TimerHandle when=…>`, as under CPython.
_OrderedTimerHandle.__name__ = _OrderedTimerHandle.__qualname__ = "TimerHandle"


class ReadingOrderedTimers:
    """Mixin for an asyncio event loop class (first in its bases): numbered clock readings, and
    timers ordered by (due time, reading)."""

    _readings = 0

    def due_moment(self, when):
        """What "due at the same moment" compares: the due time itself (the recording: its tick)."""
        return when

    def time(self):
        self._readings = number = self._readings + 1
        reading = Reading(super().time())
        reading.number = number
        return reading

    # CPython's BaseEventLoop.call_at (identical in 3.11–3.14), making an _OrderedTimerHandle.
    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, 'call_at')
        timer = _OrderedTimerHandle(when, callback, args, self, context)
        timer._order = (self.due_moment(when), getattr(when, "number", self._readings))
        if timer._source_traceback:
            del timer._source_traceback[-1]
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer
