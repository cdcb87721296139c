# traceback: a script's own stack — print_stack, extract_stack, inspect.stack — at module level and in a task
import asyncio
import inspect
import os
import traceback

def frames():
    return [("script" if f.filename == __file__ else os.path.basename(f.filename), f.name)
            for f in traceback.extract_stack()[:-1]]

def where():
    traceback.print_stack()
    print(frames())

where()

async def main():
    await asyncio.sleep(0)
    print(frames())
    print([info.function for info in inspect.stack()])

asyncio.run(main())
