import asyncio

async def ticker():
    for i in range(10):
        print(f"tick {i}")
        await asyncio.sleep(1)

async def main():
    task = asyncio.create_task(ticker())
    await asyncio.sleep(2.5)
    task.cancel()  # 취소를 요청하고
    await asyncio.wait([task])  # 멈출 때까지 기다립니다
    print('cancelled')

asyncio.run(main())
