# sys.exit(n): SystemExit unwinds; finally blocks run
import sys

try:
    sys.exit(2)
finally:
    print("finally runs")
