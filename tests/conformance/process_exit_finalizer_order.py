# process: at exit, a chain of objects is finalized from the one the script held, down; weakref.finalize first
# conformance: requires=3.12 runs=2
import weakref

COUNT = 3

class Node:
    def __init__(self, name, child=None):
        self.name, self.child = name, child

    def __del__(self):
        print("del", self.name, "of", COUNT)

root = Node("root", Node("child", Node("leaf")))
weakref.finalize(root, print, "finalize: root")
print("script ends")
