# asyncio-task: an unknown deadline, set later with reschedule()
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(None) as cm:
            print("when:", cm.when())
            cm.reschedule(loop.time() + 0.1)
            await asyncio.sleep(1)
    except TimeoutError:
        print("rescheduled deadline reached")
    print(cm.expired())

asyncio.run(main())
