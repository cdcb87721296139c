# async generators: asyncio.run() finalizes one left unfinished (shutdown_asyncgens)
import asyncio

async def numbers():
    try:
        for i in range(10):
            yield i
    finally:
        print("generator cleaned up")

gen = None

async def main():
    global gen
    gen = numbers()
    async for i in gen:
        if i == 2:
            break
    print("main returns")

asyncio.run(main())
print("after run")
