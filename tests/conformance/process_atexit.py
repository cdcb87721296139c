# process: atexit handlers run after the script's last line, last registered first, once per run
# conformance: runs=2
import atexit
import sys

def goodbye(name):
    print("goodbye from", name)

atexit.register(goodbye, "the first handler")
atexit.register(goodbye, "the second handler")
atexit.register(print, "unregistered")
atexit.unregister(print)
atexit.register(lambda: print("flushed at exit", file=sys.stderr))
print("last line of the script")
