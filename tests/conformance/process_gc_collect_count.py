# process: a new process holds no garbage — the script's first gc.collect() finds none; then its own cycles
import gc


class Node:
    def __init__(self):
        self.next = self


print("at start:", gc.collect())
Node()
print("one cycle:", gc.collect())
nodes = [[] for _ in range(3)]
for a, b in zip(nodes, nodes[1:] + nodes[:1]):
    a.append(b)
del nodes, a, b
print("three lists in a ring:", gc.collect())
