# process: a script that closes its stdout, or sets stderr to None, ends quietly; a __del__ at exit is told
# conformance: stderr=full runs=2
import sys

class Report:
    def __del__(self):
        try:
            print("never shown")
        except ValueError as error:
            sys.__stderr__.write(f"at exit: {error}\n")

report = Report()
print("script ends")
sys.stdout.close()
sys.stderr = None
