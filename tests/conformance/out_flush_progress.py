# output: a progress line written piece by piece while tasks run
import asyncio

async def main():
    for i in range(5):
        print(".", end="", flush=True)
        await asyncio.sleep(0.02)
    print(" done")

asyncio.run(main())
