"""A webhook receiver for tests: records each POST (headers and body) as one JSON line.

    python receiver.py PORT LOG [FAIL_FIRST]

answers 503 to the first FAIL_FIRST requests, then 204.
"""

from __future__ import annotations

import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

PORT, LOG = int(sys.argv[1]), Path(sys.argv[2])
FAIL_FIRST = int(sys.argv[3]) if len(sys.argv) > 3 else 0
SEEN = [0]  # requests so far


class Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        SEEN[0] += 1
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        status = 503 if SEEN[0] <= FAIL_FIRST else 204
        record = {"status": status, "headers": dict(self.headers), "body": body.decode()}
        with LOG.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(record) + "\n")
        self.send_response(status)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


HTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
