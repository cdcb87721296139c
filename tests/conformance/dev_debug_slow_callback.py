# asyncio-dev: debug mode logs a callback that blocks the loop too long
import asyncio
import time

async def main():
    time.sleep(0.15)

asyncio.run(main(), debug=True)
print("done")
