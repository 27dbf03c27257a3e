#!/usr/bin/env python3
"""Peak and settled resident memory of the language server on a big desk.

Builds a desk of N articles from the GUM news and interview documents in
../shared/data/gum (repeated, each copy under its own name), starts the
release binary as a language server on it, waits until indexing has ended and
the diagnostics have settled, and prints the server's VmHWM (peak) and VmRSS.

    cargo build --release
    python3 scripts/server-memory.py [N]      # N defaults to 10000
"""

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUM = ROOT.parent / "shared" / "data" / "gum" / "gum-news-interview-train-dev.jsonl"
BINARY = ROOT / "target" / "release" / "marginalia"


def articles():
    with open(GUM, encoding="utf-8") as lines:
        for line in lines:
            doc = json.loads(line)
            yield doc.get("text") or " ".join(
                " ".join(token for token in sentence) for sentence in doc.get("sentences", [])
            )


def status(pid, field):
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) // 1024
    return None


class Server:
    def __init__(self, root):
        self.process = subprocess.Popen(
            [str(BINARY), "lsp"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.messages = []
        self.last = time.monotonic()
        self.lock = threading.Lock()
        threading.Thread(target=self.read, daemon=True).start()
        self.send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "rootUri": root.as_uri(),
            "capabilities": {"window": {"workDoneProgress": True}},
            "initializationOptions": {"debounce_ms": 0},
        }})
        self.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})

    def send(self, message):
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def read(self):
        out = self.process.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            body = out.read(length)
            if len(body) < length:
                return  # the server exited mid-message
            message = json.loads(body)
            if "id" in message and "method" in message:
                # Answer the server's own requests (progress tokens, registrations).
                self.send({"jsonrpc": "2.0", "id": message["id"], "result": None})
            with self.lock:
                self.messages.append(message)
                self.last = time.monotonic()

    def indexed(self):
        with self.lock:
            return any(
                m.get("method") == "$/progress" and m["params"]["value"].get("kind") == "end"
                for m in self.messages
            )

    def quiet_for(self):
        with self.lock:
            return time.monotonic() - self.last


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    texts = list(articles())
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        size = 0
        for i in range(count):
            sub = root / f"{i % 100:02d}"
            sub.mkdir(exist_ok=True)
            text = texts[i % len(texts)]
            (sub / f"{i:05d}.md").write_text(text, encoding="utf-8")
            size += len(text.encode())
        started = time.monotonic()
        server = Server(root)
        while not server.indexed():
            time.sleep(0.05)
        indexed = time.monotonic() - started
        while server.quiet_for() < 2.0:
            time.sleep(0.1)
        pid = server.process.pid
        peak, now = status(pid, "VmHWM"), status(pid, "VmRSS")
        server.send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
        server.send({"jsonrpc": "2.0", "method": "exit"})
        server.process.wait(timeout=10)
        print(f"{count} articles, {size / 1e6:.1f} MB: indexed in {indexed:.2f} s; "
              f"peak RSS {peak} MB, settled RSS {now} MB")


if __name__ == "__main__":
    main()
