# asyncio-eventloop: the docs' display_date with call_later
import asyncio

def display_date(end_time, loop, ticks):
    ticks.append(1)
    if (loop.time() + 0.1) < end_time:
        loop.call_later(0.1, display_date, end_time, loop, ticks)
    else:
        print("ticks:", len(ticks))
        loop.stop()

loop = asyncio.new_event_loop()
end_time = loop.time() + 0.5
loop.call_soon(display_date, end_time, loop, [])
try:
    loop.run_forever()
finally:
    loop.close()
