# asyncio-task: sleep() returns its result argument
import asyncio

async def main():
    print(await asyncio.sleep(0.05, result="woke up"))

asyncio.run(main())
