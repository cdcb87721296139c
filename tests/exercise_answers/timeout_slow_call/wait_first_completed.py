# expect: pass
import asyncio

async def slow_call():
    await asyncio.sleep(10)   # 느린 서버 응답
    return 'data'

async def main():
    task = asyncio.create_task(slow_call())
    done, pending = await asyncio.wait({task}, timeout=1, return_when=asyncio.FIRST_COMPLETED)
    if task in done:
        print(task.result())
    else:
        task.cancel()
        print('timed out')

asyncio.run(main())
