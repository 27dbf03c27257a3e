#!/usr/bin/env python3
"""A stand-in language server for checking the Neovim test itself.

It speaks just enough LSP over stdio to exercise tests/nvim/test.lua:
diagnostics with the code `figure-conflict` when a "N troops" figure differs
from the one in another article of the workspace, and a hover that names the
other articles mentioning the word under the cursor.

    MARGINALIA_BIN=tests/nvim/fake_server.py tests/nvim/run.sh

MARGINALIA_FAKE_MODE makes it misbehave, so that the test can be shown to
fail when it should:
    exit     exit at once with status 1, before any message
    silent   never publish diagnostics
    sticky   keep reporting the conflict after the text changes
    nohover  answer every hover with null
    hang     read messages and never answer any
    noexit   stay running after shutdown and exit

MARGINALIA_FAKE_LOG names a file to which every message received is
appended, one JSON object a line.
"""

import json
import os
import re
import sys
from urllib.parse import unquote, urlparse

MODE = os.environ.get("MARGINALIA_FAKE_MODE", "")
FIGURE = re.compile(r"([0-9][0-9,]*) troops")
WORD = re.compile(r"[A-Za-z]+")


def read_message(stream):
    length = None
    while True:
        line = stream.readline()
        if not line:
            return None
        line = line.strip()
        if not line:
            break
        name, _, value = line.decode("ascii").partition(":")
        if name.lower() == "content-length":
            length = int(value.strip())
    if length is None:
        return None
    return json.loads(stream.read(length))


def send(message):
    body = json.dumps(message).encode("utf-8")
    sys.stdout.buffer.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    sys.stdout.buffer.flush()


def log(text):
    sys.stderr.write("fake-marginalia: %s\n" % text)
    sys.stderr.flush()


def uri_to_path(uri):
    return unquote(urlparse(uri).path)


class ProtocolError(Exception):
    pass


class Server:
    def __init__(self):
        self.root = None
        self.texts = {}

    def articles(self):
        """(path, text) of every article in the workspace, open ones as edited."""
        found = {}
        if self.root and os.path.isdir(self.root):
            for name in sorted(os.listdir(self.root)):
                if name.endswith((".md", ".txt")):
                    path = os.path.join(self.root, name)
                    with open(path, encoding="utf-8") as handle:
                        found[path] = handle.read()
        found.update(self.texts)
        return found

    def publish(self, uri):
        if MODE == "silent":
            return
        path = uri_to_path(uri)
        text = self.texts[path]
        others = {p: t for p, t in self.articles().items() if p != path}
        diagnostics = []
        for line_no, line in enumerate(text.split("\n")):
            for match in FIGURE.finditer(line):
                mine = match.group(1)
                for other_path, other_text in others.items():
                    for theirs in FIGURE.findall(other_text):
                        if theirs != mine or MODE == "sticky":
                            diagnostics.append({
                                "range": {
                                    "start": {"line": line_no, "character": match.start(1)},
                                    "end": {"line": line_no, "character": match.end(1)},
                                },
                                "severity": 2,
                                "code": "figure-conflict",
                                "source": "marginalia",
                                "message": "%s troops here, %s in %s"
                                % (mine, theirs, os.path.basename(other_path)),
                            })
        send({
            "jsonrpc": "2.0",
            "method": "textDocument/publishDiagnostics",
            "params": {"uri": uri, "diagnostics": diagnostics},
        })

    def hover(self, params):
        if MODE == "nohover":
            return None
        path = uri_to_path(params["textDocument"]["uri"])
        line = self.texts.get(path, "").split("\n")[params["position"]["line"]]
        column = params["position"]["character"]
        for match in WORD.finditer(line):
            if match.start() <= column < match.end():
                word = match.group(0)
                mentions = sorted(
                    os.path.basename(p)
                    for p, t in self.articles().items()
                    if p != path and re.search(r"\b%s\b" % re.escape(word), t)
                )
                value = "**%s**\n\nAlso mentioned in: %s" % (word, ", ".join(mentions) or "nothing else")
                return {"contents": {"kind": "markdown", "value": value}}
        return None

    def handle(self, message):
        method = message.get("method")
        params = message.get("params") or {}
        if method == "initialize":
            # Like a server that deserializes its options into a struct: an
            # empty Lua table sent as [] instead of {} is refused.
            options = params.get("initializationOptions")
            if options is not None and not isinstance(options, dict):
                log("initializationOptions is not an object: %s" % json.dumps(options))
                raise ProtocolError("initializationOptions must be an object")
            root_uri = params.get("rootUri")
            self.root = uri_to_path(root_uri) if root_uri else None
            log("initialize, root %s, options %s"
                % (self.root, json.dumps(params.get("initializationOptions"))))
            return {
                "capabilities": {
                    "textDocumentSync": {"openClose": True, "change": 1},
                    "hoverProvider": True,
                },
                "serverInfo": {"name": "fake-marginalia"},
            }
        if method == "textDocument/didOpen":
            document = params["textDocument"]
            self.texts[uri_to_path(document["uri"])] = document["text"]
            self.publish(document["uri"])
        elif method == "textDocument/didChange":
            uri = params["textDocument"]["uri"]
            self.texts[uri_to_path(uri)] = params["contentChanges"][-1]["text"]
            self.publish(uri)
        elif method == "textDocument/didClose":
            self.texts.pop(uri_to_path(params["textDocument"]["uri"]), None)
        elif method == "textDocument/hover":
            return self.hover(params)
        elif method == "workspace/didChangeConfiguration":
            section = (params.get("settings") or {}).get("marginalia")
            if section is not None and not isinstance(section, dict):
                log("settings.marginalia is not an object: %s" % json.dumps(section))
                sys.exit(1)
        elif method == "shutdown":
            return None
        elif method == "exit":
            if MODE == "noexit":
                return None
            sys.exit(0)
        return None


def main():
    # Like the real command line: nothing, or `lsp`, and no other argument.
    if sys.argv[1:] not in ([], ["lsp"]):
        log("unexpected arguments: %s" % " ".join(sys.argv[1:]))
        sys.exit(2)
    if MODE == "exit":
        log("exiting at once, as asked")
        sys.exit(1)
    server = Server()
    log_path = os.environ.get("MARGINALIA_FAKE_LOG")
    while True:
        message = read_message(sys.stdin.buffer)
        if message is None:
            return
        if log_path:
            with open(log_path, "a", encoding="utf-8") as handle:
                handle.write(json.dumps(message) + "\n")
        if MODE == "hang":
            continue
        try:
            result = server.handle(message)
        except ProtocolError as error:
            send({"jsonrpc": "2.0", "id": message.get("id"),
                  "error": {"code": -32602, "message": str(error)}})
            continue
        if "id" in message and "method" in message:
            send({"jsonrpc": "2.0", "id": message["id"], "result": result})


if __name__ == "__main__":
    main()
