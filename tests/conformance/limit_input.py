# platform limit: input() has no keyboard in a live cell (CPython here reads an empty stdin)
# conformance: limit=input
print("asking")
name = input("name? ")
print("hello", name)
