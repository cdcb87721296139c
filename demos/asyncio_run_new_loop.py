import asyncio

loops = []

async def main():
    loops.append(asyncio.get_running_loop())

asyncio.run(main())
asyncio.run(main())
first, second = loops
print("a new loop each time:", first is not second)
print("the first one is closed:", first.is_closed())
