# asyncio-eventloop: new_event_loop(), run_until_complete(), close()
import asyncio

async def answer():
    await asyncio.sleep(0.05)
    return 42

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
try:
    print(loop.run_until_complete(answer()))
    print(loop.is_running())
finally:
    asyncio.set_event_loop(None)
    loop.close()
print(loop.is_closed())
