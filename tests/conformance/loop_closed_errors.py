# asyncio-eventloop: a closed loop refuses new callbacks
import asyncio

loop = asyncio.new_event_loop()
loop.close()
try:
    loop.call_soon(print, "never")
except RuntimeError as error:
    print(error)
