# platform limit: a client connection (asyncio-stream)
# conformance: limit=sockets
import asyncio

async def main():
    print("connecting")
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", 9)
    except OSError as error:
        print("refused")

asyncio.run(main())
