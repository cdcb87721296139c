import asyncio

async def nested():
    return 42

async def main():
    # await하지 않으면 nested코루틴은
    # 생성되었지만 실행되지 않음
    nested()

    # await로 nested코루틴 실행
    print(await nested())  # 42가 출력됨

asyncio.run(main())
