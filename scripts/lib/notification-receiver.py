#!/usr/bin/env python3
"""Records every POST it receives, one JSON line per request, for the curl acceptance scenarios.

    notification-receiver.py PORT OUT_FILE

Each line of OUT_FILE is {"path": ..., "headers": {...}, "body": "<raw body text>"}. Answers 204 No Content, as an
ETSI MEC notification endpoint does (MEC 009 6.x: the notification body is not echoed). Stdlib only; binds to
127.0.0.1; stops on SIGTERM.
"""
import http.server
import json
import signal
import sys
import threading

port, out = int(sys.argv[1]), sys.argv[2]
lock = threading.Lock()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0) or 0)
        body = self.rfile.read(length).decode("utf-8", "replace")
        line = json.dumps({"path": self.path, "headers": dict(self.headers.items()), "body": body})
        with lock, open(out, "a") as f:
            f.write(line + "\n")
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
signal.signal(signal.SIGTERM, lambda *a: threading.Thread(target=server.shutdown).start())
server.serve_forever()
