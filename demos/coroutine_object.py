import asyncio, inspect

async def main():
    print("hello")

print(main)      # a coroutine function
coro = main()    # calling it runs nothing yet...
print(coro)      # ...it returns a coroutine object
print(inspect.iscoroutinefunction(main))
print(inspect.iscoroutine(coro))
coro.close()     # never awaited: close it quietly
