# expect: noTimeout
import asyncio

async def slow_call():
    await asyncio.sleep(10)   # 느린 서버 응답
    return 'data'

async def main():
    task = asyncio.create_task(slow_call())
    done, pending = await asyncio.wait({task})
    print('timed out' if pending else task.result())

asyncio.run(main())
