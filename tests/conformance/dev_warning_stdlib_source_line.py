# asyncio-dev: a ResourceWarning raised inside asyncio shows asyncio's source line, as a warning does in CPython
# conformance: stderr=full
import asyncio
import gc
import warnings

warnings.simplefilter("default")  # ResourceWarning is ignored by default; `python -X dev` shows it too

def forget_a_loop():
    loop = asyncio.new_event_loop()  # never closed

forget_a_loop()
gc.collect()
print("the loop is gone")
