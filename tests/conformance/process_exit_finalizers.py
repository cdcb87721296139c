# process: at exit, what dies with the script is finalized while its globals still stand
# conformance: unordered runs=2
import asyncio

CLOSED = "closed:"

class Connection:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print(CLOSED, self.name)  # a global, still there at exit

async def main():
    global kept
    kept = Connection("kept by a global")
    print("main ends")

first = Connection("made at import")
asyncio.run(main())
print("script ends")
