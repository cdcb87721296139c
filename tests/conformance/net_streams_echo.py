# asyncio-stream: the docs' TCP echo client and server with streams, in one program
import asyncio

async def handle_echo(reader, writer):
    data = await reader.read(100)
    message = data.decode()
    addr = writer.get_extra_info('peername')

    print(f"Received {message!r} from {addr[0]!r}")

    print(f"Send: {message!r}")
    writer.write(data)
    await writer.drain()

    print("Close the connection")
    writer.close()
    await writer.wait_closed()

async def tcp_echo_client(message, port):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)

    print(f'Send: {message!r}')
    writer.write(message.encode())
    await writer.drain()

    data = await reader.read(100)
    print(f'Received: {data.decode()!r}')

    print('Close the connection')
    writer.close()
    await writer.wait_closed()

async def main():
    server = await asyncio.start_server(handle_echo, '127.0.0.1', 0)
    host, port = server.sockets[0].getsockname()
    print(f'Serving on {host}')

    async with server:
        await tcp_echo_client('Hello World!', port)

asyncio.run(main())
