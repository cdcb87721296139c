import asyncio

async def main():
    print("main is running")
    await asyncio.sleep(1)
    return 42

result = asyncio.run(main())
print("asyncio.run returned", result)
