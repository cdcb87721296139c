# asyncio-task: eager tasks run until their first await before create_task returns (3.12+)
# conformance: requires=3.12
import asyncio

async def step(name):
    print(name, "starts")
    await asyncio.sleep(0.05)
    print(name, "ends")

async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    a = asyncio.create_task(step("a"))
    print("between")
    b = asyncio.create_task(step("b"))
    await asyncio.gather(a, b)

asyncio.run(main())
