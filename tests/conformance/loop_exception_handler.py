# asyncio-eventloop: set_exception_handler() sees errors in callbacks
import asyncio

def handler(loop, context):
    print("handler:", context["message"], repr(context.get("exception")))

def broken():
    raise ZeroDivisionError("in a callback")

async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    loop.call_soon(broken)
    await asyncio.sleep(0.05)
    print(loop.get_exception_handler() is handler)

asyncio.run(main())
