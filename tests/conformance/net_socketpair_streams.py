# asyncio-stream: the docs' socketpair read with streams, on asyncio.EventLoop (its self-pipe is a socketpair too)
# conformance: requires=3.13
import asyncio
import socket

async def wait_for_data():
    # Get a reference to the current event loop because
    # we want to access low-level APIs.
    loop = asyncio.get_running_loop()
    print(type(loop).__name__)

    # Create a pair of connected sockets.
    rsock, wsock = socket.socketpair()
    print(rsock.family.name, rsock.type.name, rsock.getsockname() == wsock.getpeername())

    # Register the open socket to wait for data.
    reader, writer = await asyncio.open_connection(sock=rsock)

    # Simulate the reception of data from the network
    loop.call_soon(wsock.send, 'abc'.encode())

    # Wait for data
    data = await reader.read(100)

    # Got data, we are done: close the socket
    print("Received:", data.decode())
    writer.close()
    await writer.wait_closed()

    # Close the second socket
    wsock.close()

asyncio.run(wait_for_data(), loop_factory=asyncio.EventLoop)
