# get_event_loop rules: inside a coroutine get_event_loop() is the running loop
import asyncio

async def main():
    return asyncio.get_event_loop() is asyncio.get_running_loop()

print(asyncio.run(main()))
