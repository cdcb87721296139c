# asyncio-dev: a coroutine never awaited, alive until the script ends, warns at <sys>:0 (3.13+; sys:1 before)
# conformance: requires=3.13 stderr=full
import asyncio

async def forgotten():
    print("never runs")

pending = forgotten()
print("script ends")
