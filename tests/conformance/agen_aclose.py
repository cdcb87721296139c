# async generators: aclose() runs the finally block; asend() sends in
import asyncio

async def echo():
    try:
        received = None
        while True:
            received = yield received
    finally:
        print("closed")

async def main():
    gen = echo()
    await gen.asend(None)
    print(await gen.asend("hi"))
    await gen.aclose()
    print("after aclose")

asyncio.run(main())
