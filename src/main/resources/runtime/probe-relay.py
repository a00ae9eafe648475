# DropDeploy's probe relay (Swarm backend). DropDeploy runs on the host, which has no address on overlay networks;
# this relay, joined to every project network, forwards one GET to the app named in the path's first segment:
#   GET /dd-shop-v3-ab12c4:8080/health  ->  GET http://dd-shop-v3-ab12c4:8080/health, Host header kept.
# With the header X-DropDeploy-Every-Task it asks each of the service's tasks instead (Swarm's tasks.<service> name)
# and answers 200 only when every one answered, naming those that did not (X-DropDeploy-Tasks: how many it found).
# It answers only the one address given as argv[1] (the bridge gateway through which the host's published port
# reaches it), so an app on a project network cannot use it to reach another project's apps.
import concurrent.futures
import http.client
import http.server
import re
import socket
import socketserver
import sys

ALLOWED_PEER = sys.argv[1]
PORT = int(sys.argv[2]) if len(sys.argv) > 2 else 8080
TARGET = re.compile(r"^(dd-[a-z0-9-]{1,60}):(\d{1,5})$")
BODY_LIMIT = 65536
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "upgrade", "te", "trailer"}
EVERY_TASK = "x-dropdeploy-every-task"


def ask(address, port, rest, headers):
    """None when the task answered with any HTTP response, else why not."""
    connection = http.client.HTTPConnection(address, port, timeout=5)
    try:
        connection.request("GET", rest, headers=headers)
        connection.getresponse().read(BODY_LIMIT)
        return None
    except (OSError, http.client.HTTPException) as e:
        return str(e) or type(e).__name__
    finally:
        connection.close()


class Relay(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # A peer that opens a connection and sends nothing must not hold one of the relay's few processes for long.
    timeout = 5

    def do_GET(self):
        if self.client_address[0] != ALLOWED_PEER:
            return self.answer(403, b"refused: not from DropDeploy\n")
        parts = self.path.split("/", 2)
        match = TARGET.match(parts[1]) if len(parts) > 1 else None
        if match is None:
            return self.answer(400, b"refused: the first path segment is not an app address\n")
        rest = "/" + (parts[2] if len(parts) > 2 else "")
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP and k.lower() != EVERY_TASK}
        if self.headers.get(EVERY_TASK):
            return self.every_task(match.group(1), int(match.group(2)), rest, headers)
        try:
            connection = http.client.HTTPConnection(match.group(1), int(match.group(2)), timeout=5)
            connection.request("GET", rest, headers=headers)
            response = connection.getresponse()
            body = response.read(BODY_LIMIT)
            connection.close()
        except OSError as e:
            # 502 with the reason, which DropDeploy's health probe shows like its own connection errors.
            return self.answer(502, ("relay: " + (str(e) or type(e).__name__) + "\n").encode(), relayed=True)
        self.send_response_only(response.status, response.reason)
        for name, value in response.getheaders():
            if name.lower() not in HOP_BY_HOP:
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)
        self.close_connection = True

    def every_task(self, service, port, rest, headers):
        """Each task by its own address: DNS round robin lists them all, and a connection that fails on one address
        falls through to the next, so a task on a node whose overlay traffic does not come back hides behind the others
        until a visitor meets it."""
        try:
            found = socket.getaddrinfo("tasks." + service, port, socket.AF_INET, socket.SOCK_STREAM)
            addresses = sorted({entry[4][0] for entry in found})
        except OSError as e:
            return self.answer(502, ("relay: tasks.%s: %s\n" % (service, e)).encode(), relayed=True, tasks=0)
        # All at once: one silent task costs its timeout once, not once per task before it.
        with concurrent.futures.ThreadPoolExecutor(max_workers=min(16, len(addresses))) as pool:
            answers = list(pool.map(lambda address: ask(address, port, rest, headers), addresses))
        silent = ["%s: %s" % (address, why) for address, why in zip(addresses, answers) if why]
        body = "%d of %d tasks answered" % (len(addresses) - len(silent), len(addresses))
        body += ("; no answer from " + "; ".join(silent) if silent else "") + "\n"
        self.answer(502 if silent else 200, body.encode(), relayed=bool(silent), tasks=len(addresses))

    def answer(self, status, body, relayed=False, tasks=None):
        self.send_response_only(status)
        self.send_header("Content-Type", "text/plain")
        if tasks is not None:
            self.send_header("X-DropDeploy-Tasks", str(tasks))
        if relayed:
            self.send_header("X-DropDeploy-Relay", "unreachable")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)
        self.close_connection = True

    def log_message(self, format, *args):
        pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True

    # Refused before a thread is started or a header read: a tenant on any project network cannot tie the relay up
    # with idle connections and so stop every project's health probes.
    def verify_request(self, request, client_address):
        return client_address[0] == ALLOWED_PEER


Server(("0.0.0.0", PORT), Relay).serve_forever()
