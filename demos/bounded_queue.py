import asyncio

async def producer(queue):
    for n in [1, 2, 3, 4, None]:  # None: 끝났다는 표시
        await queue.put(n)  # 자리가 없으면 기다립니다
        print(f"put {n}")

async def main():
    queue = asyncio.Queue(maxsize=2)
    task = asyncio.create_task(producer(queue))
    while (n := await queue.get()) is not None:
        await asyncio.sleep(1)  # 느린 처리
        print(f"got {n}")
    await task

asyncio.run(main())
