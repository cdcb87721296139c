# contextvars: each task runs in a copy of the context it was created in
import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="none")

async def handle(n):
    request_id.set(f"req-{n}")
    await asyncio.sleep(0.05 * n)
    return request_id.get()

async def main():
    request_id.set("main")
    print(await asyncio.gather(handle(1), handle(2)))
    print(request_id.get())

asyncio.run(main())
