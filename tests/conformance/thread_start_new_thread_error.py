# threads: an error a _thread.start_new_thread thread leaves uncaught is reported as CPython reports it, or to the script's sys.unraisablehook
# conformance: stderr=full runs=2
import _thread
import sys
import time

def fails():
    raise ValueError("boom")

_thread.start_new_thread(fails, ())
time.sleep(0.2)

def told(unraisable):
    print("told:", unraisable.err_msg.split(" <")[0], type(unraisable.exc_value).__name__, unraisable.object)

sys.unraisablehook = told
_thread.start_new_thread(fails, ())
time.sleep(0.2)
print("the main thread goes on")
