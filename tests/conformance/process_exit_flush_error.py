# process: a stdout whose flush fails at exit is reported as CPython reports it, and the status is 120
# conformance: runs=2
import sys

class FullDisk:
    def __init__(self, stream):
        self.stream = stream

    def write(self, text):
        return self.stream.write(text)

    def flush(self):
        raise OSError(28, "No space left on device")

sys.stdout = FullDisk(sys.stdout)
print("written, then the flush at exit fails")
