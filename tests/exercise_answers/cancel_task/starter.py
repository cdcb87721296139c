# expect: notCancelled
import asyncio

async def ticker():
    for i in range(10):
        print(f"tick {i}")
        await asyncio.sleep(1)

async def main():
    task = asyncio.create_task(ticker())
    await asyncio.sleep(2.5)
    # 여기서 멈추고, 끝나면 'cancelled'를 출력하세요
    await task

asyncio.run(main())
