# input() at an end of file: CPython's stdin is /dev/null here, the deck's run presses Ctrl+D at once
print("asking")
name = input("name? ")
print("hello", name)
