# process: a stderr whose flush fails at exit makes the status 120, over the script's own sys.exit(3)
# conformance: runs=2
import sys

class Broken:
    def write(self, text):
        return len(text)

    def flush(self):
        raise BrokenPipeError("gone")

print("before")
sys.stderr = Broken()
sys.exit(3)
