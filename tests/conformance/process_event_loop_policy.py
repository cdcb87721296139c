# asyncio-eventloop: set_event_loop_policy(None) (unittest's tearDownModule) then asyncio.run, in this run and the next
# conformance: runs=2
import asyncio
import warnings

warnings.simplefilter("ignore", DeprecationWarning)  # 3.14 deprecates the policy system

async def main():
    loop = asyncio.get_running_loop()
    print("a SelectorEventLoop:", isinstance(loop, asyncio.SelectorEventLoop))
    print("a BaseEventLoop:", isinstance(loop, asyncio.BaseEventLoop))
    await asyncio.sleep(0.01)
    return "ran"

print(asyncio.run(main()))
asyncio.set_event_loop_policy(None)
print(asyncio.run(main()))
