# process: a script's own sys.unraisablehook is told of a stdout flush that fails at exit
# conformance: runs=2
import sys

def told(unraisable):
    error = unraisable.exc_value
    sys.__stdout__.write(f"told: {type(error).__name__}: {error}; object {unraisable.object}\n")

class FullDisk:
    def write(self, text):
        return sys.__stdout__.write(text)

    def flush(self):
        raise OSError(28, "No space left on device")

sys.unraisablehook = told
sys.stdout = FullDisk()
print("written")
