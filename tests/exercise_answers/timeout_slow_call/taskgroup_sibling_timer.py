# expect: pass
import asyncio

async def slow_call():
    await asyncio.sleep(10)   # 느린 서버 응답
    return 'data'

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            t = tg.create_task(slow_call())
            await asyncio.sleep(1)
            if not t.done():
                raise TimeoutError
    except* TimeoutError:
        print('timed out')

asyncio.run(main())
