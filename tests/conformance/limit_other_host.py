# platform limit: another host than this machine (asyncio-stream): the cell's machine has a loopback network only
# conformance: limit=loopbackOnly
import asyncio

async def main():
    print("connecting to example.com")
    try:
        reader, writer = await asyncio.open_connection("example.com", 80)
    except OSError as error:
        print(type(error).__name__)

asyncio.run(main())
