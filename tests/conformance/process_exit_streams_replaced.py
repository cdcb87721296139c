# process: at exit, sys.stdout is the interpreter's own again: a __del__ prints there, not into the script's buffer
# conformance: runs=2
import io
import sys

class Report:
    def __del__(self):
        print("report at exit, on the real stdout:", sys.stdout is sys.__stdout__)

print("stdout is __stdout__:", sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)
report = Report()
sys.stdout = io.StringIO()  # swapped for good: what the script prints now is kept, never shown
print("into the buffer")
sys.__stdout__.write("script ends\n")
