# process: sys settings a run changes (recursion limit, hooks, flags) start afresh in the next
# conformance: runs=2
import sys

print("recursion limit changed:", sys.getrecursionlimit() == 4321)
print("excepthook is the default:", sys.excepthook is sys.__excepthook__)
print("displayhook is the default:", sys.displayhook is sys.__displayhook__)
print("switch interval:", sys.getswitchinterval())
print("dont_write_bytecode changed:", sys.dont_write_bytecode == "changed")
sys.setrecursionlimit(4321)
sys.excepthook = lambda *args: None  # would silence every later traceback
sys.displayhook = print
sys.setswitchinterval(0.25)
sys.dont_write_bytecode = "changed"
