#!/usr/bin/env python3
"""`dnslint lsp` driven over pipes, message by message, as an editor drives it (LSP 3.17).

    lsp_test.py DNSLINT
"""
import json
import os
import subprocess
import sys
import tempfile

DNSLINT = os.path.abspath(sys.argv[1])
failures = []


def check(name, condition, detail=""):
    if not condition:
        failures.append(f"{name}{': ' + str(detail) if detail else ''}")
        print(f"FAIL: {name} {detail}")


class Client:
    def __init__(self, root):
        self.process = subprocess.Popen([DNSLINT, "lsp"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=root)
        self.next_id = 1
        self.pending = []

    def write(self, raw):
        self.process.stdin.write(raw)
        self.process.stdin.flush()

    def send(self, method, params=None, request=False):
        message = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            message["params"] = params
        if request:
            message["id"] = self.next_id
            self.next_id += 1
        body = json.dumps(message).encode()
        self.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        return message.get("id")

    def receive(self):
        length = None
        while True:
            line = self.process.stdout.readline()
            if not line:
                return None
            line = line.strip()
            if not line:
                break
            name, value = line.split(b":", 1)
            if name.lower() == b"content-length":
                length = int(value)
        return json.loads(self.process.stdout.read(length))

    def request(self, method, params):
        wanted = self.send(method, params, request=True)
        while True:
            message = self.receive()
            if message is None or message.get("id") == wanted:
                return message
            self.pending.append(message)

    def diagnostics(self, count=1):
        """The next `count` publishDiagnostics notifications, by path."""
        found = {}
        while len(found) < count:
            message = self.pending.pop(0) if self.pending else self.receive()
            if message is None:
                break
            if message.get("method") == "textDocument/publishDiagnostics":
                found[message["params"]["uri"][len("file://"):]] = message["params"]["diagnostics"]
        return found


def uri(path):
    return "file://" + path


def main():
    root = tempfile.mkdtemp(prefix="dnslint-lsp-")
    zone = os.path.join(root, "example.com.zone")
    other = os.path.join(root, "example.net.zone")
    with open(zone, "w") as f:
        f.write("$ORIGIN example.com.\n$TTL 3600\n"
                "@ SOA ns1 hostmaster 1 7200 3600 1209600 300\n"
                "@ NS ns1.example.net.\n@ NS ns2.example.net.\n"
                "@ MX 10 mail.example.net.\n"
                "@ MX 20 mail2.example.net.\n"
                "@ TXT \"v=spf1 ip4:192.0.2.300 -all\"\n"
                "shop MX 10 backup.example.org\n")
    with open(other, "w") as f:
        f.write("$ORIGIN example.net.\n$TTL 3600\n"
                "@ SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ NS ns1\n@ NS ns2\n"
                "ns1 A 192.0.2.1\nns2 A 198.51.100.1\n"
                "mail CNAME relay.example.org.\nmail2 A 192.0.2.25\n")

    client = Client(root)
    early = client.request("textDocument/hover", {"textDocument": {"uri": uri(zone)},
                                                  "position": {"line": 0, "character": 0}})
    check("a request before initialize is refused", early.get("error", {}).get("code") == -32002,
          early)
    reply = client.request("initialize", {"rootUri": uri(root), "capabilities": {}})
    capabilities = reply["result"]["capabilities"]
    check("incremental sync", capabilities["textDocumentSync"]["change"] == 2)
    check("hover and code actions", capabilities["hoverProvider"]
          and capabilities["codeActionProvider"]["codeActionKinds"] == ["quickfix"])
    client.send("initialized", {})
    published = client.diagnostics()
    diagnostics = published.get(zone, [])
    codes = sorted(d["code"] for d in diagnostics)
    check("the workspace is one model: the MX target in the other file is a CNAME",
          "mx-target-cname" in codes, codes)
    spf = next((d for d in diagnostics if d["code"] == "spf-syntax"), None)
    check("an SPF term's exact range",
          spf is not None and spf["range"] == {"start": {"line": 7, "character": 14},
                                               "end": {"line": 7, "character": 29}}, spf)
    check("severity, source and the rule's page",
          spf is not None and spf["severity"] == 1 and spf["source"] == "dnslint"
          and spf["codeDescription"]["href"].endswith("/docs/rules/spf-syntax.md"), spf)
    cname = next((d for d in diagnostics if d["code"] == "mx-target-cname"), None)
    check("related information points into the other file",
          cname is not None and cname.get("relatedInformation")
          and cname["relatedInformation"][0]["location"]["uri"] == uri(other), cname)

    fix = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri(zone)},
        "range": {"start": {"line": 8, "character": 0}, "end": {"line": 8, "character": 0}},
        "context": {"diagnostics": []}})
    preferred = [a for a in fix["result"] if a.get("isPreferred")]
    check("a finding's own fix is the preferred code action",
          preferred and preferred[0]["title"] == "Fix: target-missing-trailing-dot"
          and preferred[0]["edit"]["changes"][uri(zone)][0] == {
              "range": {"start": {"line": 8, "character": 29},
                        "end": {"line": 8, "character": 29}}, "newText": "."}, fix)

    # The buffer wins over the disk, and incremental edits count UTF-16 code units.
    text = open(zone).read().replace("$TTL 3600\n", "$TTL 3600\n; café ☕ 𝄞\n")
    client.send("textDocument/didOpen", {"textDocument": {"uri": uri(zone), "languageId": "dns",
                                                          "version": 1, "text": text}})
    diagnostics = client.diagnostics().get(zone, [])
    spf = next((d for d in diagnostics if d["code"] == "spf-syntax"), None)
    check("the open buffer is linted, not the file", spf and spf["range"]["start"]["line"] == 8,
          spf)
    line = "; café ☕ 𝄞"
    # Replace "𝄞" (two UTF-16 units at 9..11) by "x", then fix the SPF address.
    client.send("textDocument/didChange", {
        "textDocument": {"uri": uri(zone), "version": 2},
        "contentChanges": [
            {"range": {"start": {"line": 2, "character": 9}, "end": {"line": 2, "character": 11}},
             "text": "x"},
            {"range": {"start": {"line": 8, "character": 26}, "end": {"line": 8, "character": 29}},
             "text": "30"}]})
    diagnostics = client.diagnostics().get(zone, [])
    check("edits applied at UTF-16 positions fix the SPF record",
          "spf-syntax" not in [d["code"] for d in diagnostics], diagnostics)

    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri(zone)},
                                                  "position": {"line": 6, "character": 3}})
    check("hover shows the rule's documentation",
          hover["result"] and "# mx-target-cname" in hover["result"]["contents"]["value"], hover)
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri(zone)},
        "range": {"start": {"line": 6, "character": 0}, "end": {"line": 6, "character": 0}},
        "context": {"diagnostics": []}})
    edits = [a["edit"]["changes"][uri(zone)][0] for a in actions["result"]]
    check("a quick fix suppresses the finding on its line",
          any(e["newText"] == "; dnslint-disable-next-line mx-target-cname\n"
              and e["range"]["start"]["line"] == 6 for e in edits), actions)

    # The configuration is read again: turning the rule off clears its diagnostics.
    with open(os.path.join(root, ".dnslint.yaml"), "w") as f:
        f.write("rules:\n  mx-target-cname: {enabled: false}\n")
    client.send("workspace/didChangeWatchedFiles",
                {"changes": [{"uri": uri(os.path.join(root, ".dnslint.yaml")), "type": 1}]})
    diagnostics = client.diagnostics().get(zone, [])
    check("a changed .dnslint.yaml takes effect",
          "mx-target-cname" not in [d["code"] for d in diagnostics], diagnostics)

    # Robustness: bad JSON, a bad header, an unknown method; the server answers and goes on.
    client.write(b"Content-Length: 9\r\n\r\n{not json")
    message = client.receive()
    check("malformed JSON is a parse error", message.get("error", {}).get("code") == -32700,
          message)
    client.write(b"no colon here\r\n\r\n")
    message = client.receive()
    check("a bad header is logged to the client",
          message.get("method") == "window/logMessage", message)
    unknown = client.request("workspace/nothingLikeThis", {})
    check("an unknown method is MethodNotFound", unknown["error"]["code"] == -32601, unknown)
    client.send("$/cancelRequest", {"id": 99})
    shutdown = client.request("shutdown", None)
    check("shutdown answers null", "result" in shutdown and shutdown["result"] is None, shutdown)
    client.send("exit")
    status = client.process.wait(timeout=10)
    check("exit after shutdown is status 0", status == 0, status)
    check("nothing on standard error", client.process.stderr.read() == b"")

    # Sudden end of input: no crash, status 1 (no shutdown).
    abrupt = Client(root)
    abrupt.write(b"Content-Length: 100\r\n\r\n{\"jsonrpc\"")
    abrupt.process.stdin.close()
    status = abrupt.process.wait(timeout=10)
    check("a sudden end of input ends the server without a crash", status == 1, status)

    print(f"lsp: {len(failures)} failure(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
