# expect: neverRun
import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
    return what.upper()

async def main():
    # gather는 끝난 순서가 아니라 넘긴 순서로 돌려줍니다
    results = await asyncio.gather(
        say_after(2, 'hello'), say_after(1, 'world'))
    print(results)

main()  # forgot asyncio.run
