# platform limit: loop.add_signal_handler (asyncio-eventloop, Unix signals)
# conformance: limit=signals
import asyncio
import signal

async def main():
    loop = asyncio.get_running_loop()
    print("installing a handler")
    loop.add_signal_handler(signal.SIGUSR1, lambda: print("got SIGUSR1"))
    loop.call_later(0.05, signal.raise_signal, signal.SIGUSR1)
    await asyncio.sleep(0.1)

asyncio.run(main())
