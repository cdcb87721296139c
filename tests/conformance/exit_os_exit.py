# os._exit(n): ends at once with status n; no finally block runs
import os

print("before exit")
try:
    print("partial", end="")
    os._exit(3)
finally:
    print("finally: never printed")
