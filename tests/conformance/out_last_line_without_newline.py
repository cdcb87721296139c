# output: a last line without a newline belongs to this run
import sys

print("first line")
print("no newline at the end", end="")
sys.stdout.write(" + partial")
