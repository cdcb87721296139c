# platform limit: a subprocess (asyncio-subprocess)
# conformance: limit=subprocess
import asyncio
import sys

async def main():
    print("running a child process")
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", "print('from the child')", stdout=asyncio.subprocess.PIPE)
    stdout, _ = await proc.communicate()
    print(stdout.decode().strip(), proc.returncode)

asyncio.run(main())
