import sys

small, huge = range(10), range(10**9)
print("range(10)    ", sys.getsizeof(small), "bytes")
print("range(10**9) ", sys.getsizeof(huge), "bytes")
same = sys.getsizeof(small) == sys.getsizeof(huge)
print("same size:", same)

numbers = list(range(10**6))
print("list, 10**6  ", sys.getsizeof(numbers), "bytes")

for n in range(10**9):   # made one at a time
    if n == 3:
        break
print("stopped at", n)
