# expect: neverRun
import asyncio, time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    print(f"started at {time.strftime('%X')}")
    # 둘 다 먼저 예약하고, 그다음에 기다립니다
    task1 = asyncio.create_task(say_after(1, 'hello'))
    task2 = asyncio.create_task(say_after(2, 'world'))
    await task1
    await task2
    print(f"finished at {time.strftime('%X')}")

main()  # forgot asyncio.run
