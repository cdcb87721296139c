# socket: http.server in a thread answers urllib.request on 127.0.0.1
# conformance: timed=no
import http.server
import threading
import urllib.error
import urllib.request

class Hello(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path != "/hello":
            self.send_error(404)
            return
        body = "hello from http.server".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        print("server:", format % args)

server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hello)
print("server name:", server.server_name)
thread = threading.Thread(target=server.serve_forever)
thread.start()
url = f"http://127.0.0.1:{server.server_address[1]}"

with urllib.request.urlopen(url + "/hello") as response:
    print(response.status, response.reason, response.headers["Content-Type"])
    print(response.read().decode())
try:
    urllib.request.urlopen(url + "/missing")
except urllib.error.HTTPError as error:
    print("HTTPError:", error.code, error.reason)

server.shutdown()
server.server_close()
thread.join()
print("server stopped")
