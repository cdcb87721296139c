# asyncio-eventloop: call_soon() callbacks run in FIFO order, with their arguments
import asyncio

def hello_world(loop, n):
    print("Hello World", n)
    if n == 3:
        loop.stop()

loop = asyncio.new_event_loop()
for n in (1, 2, 3):
    loop.call_soon(hello_world, loop, n)
try:
    loop.run_forever()
finally:
    loop.close()
print(loop.is_closed())
