# contextvars: create_task(context=...) runs the task in a given context
import asyncio
import contextvars

var = contextvars.ContextVar("var", default="default")

async def show():
    return var.get()

async def main():
    ctx = contextvars.copy_context()
    ctx.run(var.set, "in ctx")
    print(await asyncio.create_task(show(), context=ctx))
    print(await asyncio.create_task(show()))

asyncio.run(main())
