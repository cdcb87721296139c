# asyncio-stream: a connection to a port no one listens on is refused
import asyncio
import errno

async def main():
    print("connecting")
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", 9)
    except OSError as error:
        print("refused:", type(error).__name__, error.errno == errno.ECONNREFUSED)

asyncio.run(main())
