#!/usr/bin/env python3
"""Time from a didChange to the publishDiagnostics it causes, in `dnslint lsp`.

    bench/lsp_latency.py DNSLINT [--records 20000] [--edits 30]

A workspace holds one generated zone (bench/generate_zone.py) of --records records; the editor
opens it and makes --edits single-line edits, each waiting for the diagnostics it causes. Prints
the median and worst latency, up to the moment the whole message has arrived.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dnslint")
    parser.add_argument("--records", type=int, default=20000)
    parser.add_argument("--edits", type=int, default=30)
    args = parser.parse_args()
    root = tempfile.mkdtemp(prefix="dnslint-lsp-bench-")
    zone = os.path.join(root, "bench.example.zone")
    with open(zone, "w") as f:
        subprocess.run([sys.executable, os.path.join(HERE, "generate_zone.py"), str(args.records),
                        "bench.example."], stdout=f, check=True)
    text = open(zone).read()
    uri = "file://" + zone
    server = subprocess.Popen([args.dnslint, "lsp"], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE)

    def send(message):
        body = json.dumps(message).encode()
        server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        server.stdin.flush()

    def receive(parse=True):
        length = None
        while True:
            line = server.stdout.readline().strip()
            if not line:
                break
            name, value = line.split(b":", 1)
            if name.lower() == b"content-length":
                length = int(value)
        body = server.stdout.read(length)
        return json.loads(body) if parse else body

    def wait_for_diagnostics():
        """Waits for this document's diagnostics; returns when they have arrived (before the
        client parses them, which is the editor's time, not the server's)."""
        while True:
            body = receive(parse=False)
            arrived = time.perf_counter()
            message = json.loads(body)
            if message.get("method") == "textDocument/publishDiagnostics" and \
                    message["params"]["uri"] == uri:
                return arrived

    send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
          "params": {"rootUri": "file://" + root, "capabilities": {}}})
    receive()
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    wait_for_diagnostics()
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
          "params": {"textDocument": {"uri": uri, "languageId": "dns", "version": 1,
                                      "text": text}}})
    wait_for_diagnostics()
    latencies = []
    lines = text.count("\n")
    for edit in range(args.edits):
        line = 10 + (edit * 7919) % (lines - 20)
        started = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didChange",
              "params": {"textDocument": {"uri": uri, "version": edit + 2},
                         "contentChanges": [{"range": {"start": {"line": line, "character": 0},
                                                       "end": {"line": line, "character": 0}},
                                             "text": f"; edit {edit}\n"}]}})
        latencies.append((wait_for_diagnostics() - started) * 1000)
    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    receive()
    send({"jsonrpc": "2.0", "method": "exit"})
    server.wait()
    print(f"{args.records} records, {args.edits} edits: didChange -> publishDiagnostics "
          f"median {statistics.median(latencies):.1f} ms, worst {max(latencies):.1f} ms")


if __name__ == "__main__":
    main()
