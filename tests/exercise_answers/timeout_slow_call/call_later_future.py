# expect: pass
import asyncio

async def slow_call():
    await asyncio.sleep(10)   # 느린 서버 응답
    return 'data'

async def main():
    loop = asyncio.get_running_loop()
    task = asyncio.create_task(slow_call())
    handle = loop.call_later(1, task.cancel)
    try:
        print(await task)
    except asyncio.CancelledError:
        print('timed out')
    finally:
        handle.cancel()

asyncio.run(main())
