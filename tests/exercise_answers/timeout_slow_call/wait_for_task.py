# expect: pass
import asyncio

async def slow_call():
    await asyncio.sleep(10)   # 느린 서버 응답
    return 'data'

async def main():
    task = asyncio.create_task(slow_call())
    try:
        print(await asyncio.wait_for(task, timeout=1.0))
    except TimeoutError:
        print('timed out')

asyncio.run(main())
