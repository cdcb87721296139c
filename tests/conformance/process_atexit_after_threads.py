# process: at exit, non-daemon threads are waited for, then atexit handlers run, then output is flushed
# conformance: runs=2
import atexit
import threading
import time

def work():
    time.sleep(0.2)
    print("thread done")

def daemon():
    time.sleep(0.5)
    print("a daemon thread never gets here")

atexit.register(print, "atexit handler")
threading.Thread(target=work).start()
threading.Thread(target=daemon, daemon=True).start()
print("threads alive:", threading.active_count())
print("main done", end="")
