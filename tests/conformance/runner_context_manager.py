# asyncio-runner: one Runner, two run() calls on the same loop
import asyncio

async def main(n):
    await asyncio.sleep(0.05)
    return n * 2

with asyncio.Runner() as runner:
    print(runner.run(main(1)))
    print(runner.run(main(2)))
    loop = runner.get_loop()
    print(loop.is_running(), loop.is_closed())
print(loop.is_closed())
