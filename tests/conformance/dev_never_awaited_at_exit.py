# asyncio-dev: a coroutine never awaited, alive until the script ends, warns at sys:1
# conformance: stderr=full
import asyncio

async def forgotten():
    print("never runs")

pending = forgotten()
print("script ends")
