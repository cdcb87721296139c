# expect: pass
import asyncio

async def slow_call():
    await asyncio.sleep(10)   # 느린 서버 응답
    return 'data'

async def main():
    task = asyncio.create_task(slow_call())
    done, _ = await asyncio.wait([task], timeout=1)
    print(task.result() if done else 'timed out')

asyncio.run(main())
