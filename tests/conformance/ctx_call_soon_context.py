# contextvars: loop.call_soon(context=...) runs the callback in that context
import asyncio
import contextvars

var = contextvars.ContextVar("var")

async def main():
    loop = asyncio.get_running_loop()
    ctx = contextvars.Context()
    ctx.run(var.set, "callback's")
    done = loop.create_future()
    loop.call_soon(lambda: done.set_result(var.get("unset")), context=ctx)
    print(await done, var.get("unset in main"))

asyncio.run(main())
