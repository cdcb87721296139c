# asyncio-runner: asyncio.run(debug=True) turns on the loop's debug mode
import asyncio

async def main():
    return asyncio.get_running_loop().get_debug()

print(asyncio.run(main()))
print(asyncio.run(main(), debug=True))
