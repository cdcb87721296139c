import asyncio

async def nested():
    return 42

async def main():
    # nested코루틴이 main코루틴과
    # 동시에 실행되도록 예약
    task = asyncio.create_task(nested())
    print(await task)

asyncio.run(main())
