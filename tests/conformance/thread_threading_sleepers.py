# threads: threading.Thread blocking calls overlap
import threading
import time

def nap(name, log):
    time.sleep(0.3)
    log.append(name)

log = []
t0 = time.monotonic()
threads = [threading.Thread(target=nap, args=(n, log)) for n in "abc"]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(log), f"{time.monotonic() - t0:.1f} s")
