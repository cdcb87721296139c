# process: a gc callback sees the script's globals at exit, and what it keeps alive is not finalized
import gc

LABEL = "gc at exit:"

def report(phase, info):
    print(LABEL, phase, "generation", info["generation"])

class Noisy:
    def __del__(self):
        print("finalized", LABEL)  # never: the callback keeps the globals, and this object, alive

gc.callbacks.append(report)
noisy = Noisy()
print("script ends")
