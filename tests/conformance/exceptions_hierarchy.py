# asyncio-exceptions: what the asyncio exceptions are
import asyncio

print(asyncio.TimeoutError is TimeoutError)
print(issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.CancelledError, Exception))
print(issubclass(asyncio.InvalidStateError, Exception))
print(issubclass(asyncio.IncompleteReadError, EOFError))
print(issubclass(asyncio.LimitOverrunError, Exception))
error = asyncio.IncompleteReadError(b"ab", 5)
print(error.partial, error.expected, str(error))
