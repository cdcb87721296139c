"""Timers due at the same virtual moment run in the order CPython runs them in real time.

CPython's timer heap orders timers by their due time only (`TimerHandle.__lt__` compares `_when`),
and breaks no ties. In real time that is enough: every reading of the loop's clock is later than
the one before (time.monotonic counts nanoseconds), so `asyncio.sleep(0.5)` in tasks A, B, C, D
gives four due times a few microseconds apart and the tasks wake A B C D. In virtual time the
clock stands still while the loop works, the four due times are equal, and the heap wakes them
A C B D. Two timers made from the *same* reading (`now = loop.time()`, then `call_at(now + 0.1)`
twice) tie exactly under CPython too, and run in the heap's order.

So the loop here numbers its clock readings: `time()` returns the reading as a float that also
carries its number, and a sum with it (`loop.time() + delay`, as `call_later` and
`asyncio.timeout` compute a due time) carries the same number. A timer is then ordered by its due
time in the clock's ticks (looptime's microseconds: `0.01 + 0.06` and `0.07` are the same moment),
then by the number of the reading its due time came from — the order real time gives it. A due
time from no reading (a literal, or a difference) orders as the latest reading before its timer
was made. Equal keys stay the heap's to order, as under CPython.
"""

import heapq
from asyncio import events


class Reading(float):
    """A reading of the loop's clock: a float that remembers which reading it is.
    Adding to it (either side) keeps the number; any other arithmetic gives a plain float."""

    __slots__ = ("number",)

    def __new__(cls, seconds, number):
        reading = super().__new__(cls, seconds)
        reading.number = number
        return reading

    def __add__(self, other):
        total = float.__add__(self, other)
        return total if total is NotImplemented else Reading(total, self.number)

    def __radd__(self, other):
        total = float.__radd__(self, other)
        return total if total is NotImplemented else Reading(total, self.number)

    def __reduce__(self):  # pickles, copies and deep-copies as the plain float it reads as
        return float, (float(self),)


class _OrderedTimerHandle(events.TimerHandle):
    """A TimerHandle that compares by (due tick, reading number) instead of the due time alone."""

    __slots__ = ("_order",)

    def __lt__(self, other):
        if isinstance(other, _OrderedTimerHandle):
            return self._order < other._order
        return super().__lt__(other)

    def __le__(self, other):
        if isinstance(other, _OrderedTimerHandle):
            return self._order <= other._order
        return super().__le__(other)

    def __gt__(self, other):
        if isinstance(other, _OrderedTimerHandle):
            return self._order > other._order
        return super().__gt__(other)

    def __ge__(self, other):
        if isinstance(other, _OrderedTimerHandle):
            return self._order >= other._order
        return super().__ge__(other)


# A program that prints a timer sees `<TimerHandle when=…>`, as under CPython.
_OrderedTimerHandle.__name__ = _OrderedTimerHandle.__qualname__ = "TimerHandle"


class ReadingOrderedTimers:
    """Mixin for a looptime event loop (before LoopTimeEventLoop in the bases): numbered clock
    readings, and timers ordered by (due tick, reading). `ticks(seconds)` is the loop's clock in
    its integer ticks."""

    _readings = 0

    def ticks(self, seconds):
        raise NotImplementedError

    def time(self):
        self._readings += 1
        return Reading(super().time(), self._readings)

    # CPython's BaseEventLoop.call_at (identical in 3.11–3.13), making an _OrderedTimerHandle.
    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, 'call_at')
        timer = _OrderedTimerHandle(when, callback, args, self, context)
        timer._order = (self.ticks(when), getattr(when, "number", self._readings))
        if timer._source_traceback:
            del timer._source_traceback[-1]
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer
