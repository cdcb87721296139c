# process: a stdout whose flush fails at exit, with sys.stderr set to None: nothing reported, status 120
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
sys.stderr = None
print("written; stderr is None")
