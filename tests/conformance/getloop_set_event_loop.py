# get_event_loop rules: after set_event_loop(), get_event_loop() returns that loop
import asyncio

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(asyncio.get_event_loop() is loop)
asyncio.set_event_loop(None)
loop.close()
