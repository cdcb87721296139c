# process: a log emitted as the run ends (atexit) belongs to no task
# conformance: runs=2 stderr=full
import asyncio
import atexit
import logging

logging.basicConfig(format="%(taskName)s: %(message)s")

async def main():
    logging.warning("inside main")

asyncio.run(main())
logging.warning("after asyncio.run")
atexit.register(logging.warning, "at exit")
