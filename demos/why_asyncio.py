import asyncio, time

async def handle(reader, writer):  # 서버: 손님마다 0.5초
    await asyncio.sleep(0.5)  # 느린 일 (DB 조회 같은)
    writer.write(b"hello\n")
    writer.close()

async def visit(addr):  # 클라이언트: 접속해서 답을 읽습니다
    reader, writer = await asyncio.open_connection(*addr)
    print(await reader.readline())
    writer.close()

async def main():
    server = await asyncio.start_server(handle, "127.0.0.1")
    addr = server.sockets[0].getsockname()  # 비어 있던 포트
    start = time.time()
    await asyncio.gather(*(visit(addr) for _ in range(4)))
    print(f"4 replies in {time.time() - start:.1f} s")

asyncio.run(main())
