# ExceptionGroup / except*: handle each kind from a TaskGroup
import asyncio

async def fail(exc):
    await asyncio.sleep(0.01)
    raise exc

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(ValueError(1)))
            tg.create_task(fail(TypeError(2)))
            tg.create_task(fail(ValueError(3)))
    except* ValueError as group:
        print("ValueErrors:", sorted(e.args[0] for e in group.exceptions))
    except* TypeError as group:
        print("TypeErrors:", [e.args[0] for e in group.exceptions])

asyncio.run(main())
