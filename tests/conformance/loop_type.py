# asyncio-eventloop: the loop a script runs in, as it shows itself
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    print(loop)
    print(type(loop))
    print(type(loop).__qualname__, type(loop).__module__)

asyncio.run(main())
loop = asyncio.new_event_loop()
print(type(loop).__name__, loop)
loop.close()
print(loop)
