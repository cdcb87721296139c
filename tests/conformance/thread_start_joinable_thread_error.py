# thread: an error escaping a function that _thread.start_joinable_thread runs is reported as CPython reports it
# conformance: runs=2
import _thread
import sys


def fails():
    raise ValueError("boom")


def exits():
    sys.exit(3)


_thread.start_joinable_thread(fails).join()
print("the main thread goes on")
_thread.start_joinable_thread(exits).join()
print("a thread's SystemExit says nothing")
