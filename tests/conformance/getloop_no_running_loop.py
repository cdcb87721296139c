# get_event_loop rules: get_running_loop() outside a coroutine
import asyncio

try:
    asyncio.get_running_loop()
except RuntimeError as error:
    print(error)
