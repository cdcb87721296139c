# socket: blocking sockets in threads: a server thread per client, each call blocks its own thread only
import socket
import threading
import time

def serve(conn):
    with conn:
        name = conn.recv(100).decode()
        time.sleep(0.3)  # a slow answer: only this thread waits
        conn.sendall(f"hello, {name}".encode())

def accept_three(listener):
    for _ in range(3):
        conn, _ = listener.accept()  # blocks this thread until a client connects
        threading.Thread(target=serve, args=(conn,)).start()

def client(name, address, answers):
    with socket.create_connection(address) as sock:
        sock.sendall(name.encode())
        answers.append(sock.recv(100).decode())

listener = socket.create_server(("127.0.0.1", 0))
threading.Thread(target=accept_three, args=(listener,)).start()
answers = []
started = time.perf_counter()
clients = [threading.Thread(target=client, args=(name, listener.getsockname(), answers)) for name in "ABC"]
for thread in clients:
    thread.start()
for thread in clients:
    thread.join()
print(sorted(answers))
took = time.perf_counter() - started  # compared within the corpus's tolerance, as every run's time
print(f"3 clients in {round(took / 0.3)} × 0.3 s")  # together: 1; one after another: 3
listener.close()
