# platform limit: subprocess.run, the blocking way, from a thread (to_thread keeps the loop going)
# conformance: limit=subprocess
import asyncio
import subprocess
import sys

async def main():
    print("running a child process in a thread")
    result = await asyncio.to_thread(
        subprocess.run, [sys.executable, "-c", "print('child')"], capture_output=True, text=True)
    print(result.stdout.strip(), result.returncode)

asyncio.run(main())
