# output: stdout and stderr lines, and a partial line at the end of stderr
import sys

print("out 1")
print("err 1", file=sys.stderr)
print("out 2")
sys.stderr.write("err partial")
