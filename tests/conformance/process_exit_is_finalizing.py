# process: sys.is_finalizing() is False in the script, its atexit handlers and weakref.finalize callbacks, True in a __del__ at exit
# conformance: runs=2
import atexit
import sys
import weakref

class Resource:
    def __del__(self):
        print("__del__:", sys.is_finalizing())

class Node:
    pass

resource = Resource()
node = Node()
weakref.finalize(node, lambda: print("weakref.finalize:", sys.is_finalizing()))
atexit.register(lambda: print("atexit:", sys.is_finalizing()))
print("script:", sys.is_finalizing())
