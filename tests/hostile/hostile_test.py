#!/usr/bin/env python3
"""Hostile inputs, each with its exact expected outcome, under bounded time and memory.

Every case builds its input in a scratch directory, runs dnslint with --format json and checks
the exit status, the rule and position of the findings it must report, that nothing outside
the scratch tree leaks into the report, and that the run stayed within TIME_LIMIT seconds and
RSS_LIMIT_MB of peak memory.

Usage: hostile_test.py DNSLINT"""
import base64
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time

TIME_LIMIT = 60
RSS_LIMIT_MB = 2048
SOA = "@ 3600 IN SOA ns1.example.com. host.example.com. 1 7200 3600 1209600 300\n"
NS = "@ 3600 IN NS ns1.example.net.\n@ 3600 IN NS ns2.example.net.\n"


def zone(body):
    return "$ORIGIN example.com.\n$TTL 3600\n" + SOA + NS + body


def write(root, name, content, mode="w"):
    path = os.path.join(root, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode) as out:
        out.write(content)
    return path


def include_chain(root, depth):
    for i in range(depth):
        write(root, f"chain/{i}.inc", f"$INCLUDE {i + 1}.inc\n")
    write(root, f"chain/{depth}.inc", "www A 192.0.2.1\n")
    return write(root, "chain/example.com.zone", zone("$INCLUDE 0.inc\n"))


def billion_laughs():
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [" + ", ".join(f"*{previous}" for _ in range(10)) + "]")
    lines.append("'':\n  type: A\n  values: *i")
    return "\n".join(lines) + "\n"


def directory_with_traps(root):
    base = os.path.join(root, "traps")
    write(root, "traps/good.zone", zone("www A 192.0.2.1\n"))
    os.mkfifo(os.path.join(base, "fifo.zone"))
    os.symlink(base, os.path.join(base, "loop"))
    write(root, "traps/locked.zone", zone(""))
    os.chmod(os.path.join(base, "locked.zone"), 0)
    return base


def doubling_locals(kind):
    """Terraform locals that double a list or a string 40 times: 2^40 elements or bytes."""
    if kind == "list":
        lines = ['  l0 = ["a", "b"]'] + [f"  l{i} = concat(local.l{i - 1}, local.l{i - 1})" for i in range(1, 41)]
    else:
        lines = ['  l0 = "ab"'] + [f'  l{i} = "${{local.l{i - 1}}}${{local.l{i - 1}}}"' for i in range(1, 41)]
    records = "local.l40" if kind == "list" else "[local.l40]"
    return ("locals {\n" + "\n".join(lines) + "\n}\n"
            'resource "aws_route53_record" "txt" {\n  zone_id = "Z1"\n  name = "t.example.com"\n'
            f'  type = "TXT"\n  ttl = 300\n  records = {records}\n}}\n')


def random_text(size, seed):
    """Printable ASCII, tabs and newlines, as random as a file can be and still be text."""
    alphabet = bytes(range(32, 127)) + b"\n" * 6 + b"\t"
    table = bytes(alphabet[i % len(alphabet)] for i in range(256))
    return random.Random(seed).randbytes(size).translate(table)


def random_base64(size, seed):
    """Base64 lines: text of nothing but names, numbers and operators to an HCL scanner."""
    generator = random.Random(seed)
    return base64.encodebytes(generator.randbytes(size * 3 // 4))


def module_chain(root, depth):
    for i in range(depth):
        write(root, f"modules/m{i}/main.tf", f'module "next" {{\n  source = "../m{i + 1}"\n}}\n')
    write(root, f"modules/m{depth}/main.tf", "")
    return write(root, "root/main.tf", 'module "first" {\n  source = "../modules/m0"\n}\n')


# name -> (make(root) -> [args], expected exit status, [(rule, line, column) or (rule, None, None)])
CASES = {
    "empty file": (lambda r: ["--origin", "example.com.", write(r, "empty.zone", "")], 1,
                   [("soa-missing", 1, 1)]),
    # A named file that is not text is one read-error where its first NUL byte is (exit 2);
    # a walk skips it.
    "binary garbage": (lambda r: [write(r, "garbage.zone", bytes(range(256)) * 64, "wb")], 2,
                       [("read-error", 1, 1)]),
    "NUL bytes in a record": (lambda r: [write(r, "nul.zone", zone("www A 192.0.2.1\0\0\n"))], 2,
                              [("read-error", 6, 16)]),
    "binary files in a walked folder": (lambda r: [write(r, "w/app.db", b"SQLite format 3\0" + bytes(4096), "wb"),
                                                   write(r, "w/garbage.zone", bytes(range(256)) * 64, "wb"),
                                                   write(r, "w/example.com.zone", zone("www A 192.0.2.1\n"))][2:] and
                                        [os.path.join(r, "w")], 0, []),
    "forced to read binary garbage": (lambda r: ["--input-format", "zone", write(r, "garbage.zone", bytes(range(256)) * 64, "wb")], 1,
                                      [("syntax-error", None, None)]),
    "invalid UTF-8 in a name": (lambda r: [write(r, "utf8.zone", zone("w\xff\xfew A 192.0.2.1\n").encode("latin-1"), "wb")], 0, []),
    "a 100 MB line": (lambda r: [write(r, "long.zone", zone("www TXT " + "a" * 100_000_000 + "\n"))], 1,
                      [("txt-string-too-long", 6, 9)]),
    "a file past --max-file-size": (lambda r: ["--max-file-size", "1000000", write(r, "huge.zone", zone("www TXT " + "a" * 2_000_000 + "\n"))], 1,
                                    [("syntax-error", 1, 1)]),
    "an $INCLUDE past --max-file-size": (lambda r: ["--max-file-size", "100000", write(r, "big.inc", "; " + "x" * 200_000 + "\n"),
                                                    write(r, "inc.zone", zone("$INCLUDE big.inc\n"))][:3] + [os.path.join(r, "inc.zone")], 1,
                                         [("include-error", 6, 10)]),
    "a million nested parentheses": (lambda r: [write(r, "parens.zone", zone("www A " + "(" * 1_000_000 + "\n"))], 1,
                                     [("syntax-error", 6, None)]),
    "unterminated quote": (lambda r: [write(r, "quote.zone", zone('www TXT "never closed\n'))], 1,
                           [("syntax-error", 6, 9)]),
    "unterminated parenthesis": (lambda r: [write(r, "paren.zone", zone("www A ( 192.0.2.1\n"))], 1,
                                 [("syntax-error", 6, 7)]),
    "a 1,000-deep $INCLUDE chain": (lambda r: [include_chain(r, 1000)], 1,
                                    [("include-error", None, None)]),
    "an include cycle": (lambda r: [write(r, "cycle/b.inc", "$INCLUDE example.com.zone\n"),
                                    write(r, "cycle/example.com.zone", zone("$INCLUDE b.inc\n"))][1:], 1,
                         [("include-error", 1, 10)]),
    "$INCLUDE /etc/passwd": (lambda r: [write(r, "passwd.zone", zone("$INCLUDE /etc/passwd\n"))], 1,
                             [("include-error", 6, 10)]),
    "$INCLUDE ../../": (lambda r: [write(r, "a/b/up.zone", zone("$INCLUDE ../../../../etc/hostname\n"))], 1,
                        [("include-error", 6, 10)]),
    "a symlink out of the tree": (lambda r: [os.symlink("/etc/hostname", os.path.join(r, "out.inc")),
                                             write(r, "link.zone", zone("$INCLUDE out.inc\n"))][1:], 1,
                                  [("include-error", 6, 10)]),
    "$GENERATE over 10^9": (lambda r: [write(r, "generate.zone", zone("$GENERATE 1-1000000000 host$ A 192.0.2.1\n"))], 1,
                            [("syntax-error", 6, None)]),
    "a 64-octet label": (lambda r: [write(r, "label.zone", zone("a" * 64 + " A 192.0.2.1\n"))], 1,
                         [("syntax-error", 6, 1)]),
    "a 256-octet name": (lambda r: [write(r, "name.zone", zone(".".join(["a" * 60] * 4) + ".x A 192.0.2.1\n"))], 1,
                         [("syntax-error", 6, 1)]),
    "a TTL beyond 32 bits": (lambda r: [write(r, "ttl.zone", zone("www 4294967296 A 192.0.2.1\n"))], 1,
                             [("syntax-error", 6, 5)]),
    "a preference beyond 32 bits": (lambda r: [write(r, "pref.zone", zone("@ MX 4294967296 mx1.example.net.\n@ MX 20 mx2.example.net.\n"))], 1,
                                    [("mx-preference-out-of-range", 6, 1)]),
    "a 5,000-digit integer": (lambda r: [write(r, "digits.zone", zone("@ MX " + "9" * 5000 + " mx1.example.net.\n@ MX 20 mx2.example.net.\n"))], 1,
                              [("mx-preference-out-of-range", 6, 1)]),
    "100,000-deep JSON": (lambda r: [write(r, "deep/main.tf.json", "[" * 100_000 + "]" * 100_000)], 1,
                          [("syntax-error", 1, 513)]),
    "100,000-deep YAML": (lambda r: ["--input-format", "octodns", write(r, "deep.yaml", "[" * 100_000)], 1,
                          [("syntax-error", 1, None)]),
    "a YAML alias bomb": (lambda r: ["--input-format", "octodns", write(r, "example.com.yaml", billion_laughs())], 1,
                          [("syntax-error", None, None)]),
    "YAML on which yaml-cpp loops forever": (lambda r: ["--input-format", "octodns", os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "fuzz", "corpus", "yaml",
        "hang-yaml-cpp-flow-collection.yaml")], 1, [("syntax-error", None, None)]),
    "a .dnslint.yaml on which yaml-cpp loops forever": (lambda r: ["--config", os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "fuzz", "corpus", "config",
        "hang-yaml-cpp-flow-collection.yaml"), write(r, "ok.zone", zone(""))], 2, []),
    "duplicate YAML keys": (lambda r: [write(r, "dup/example.com.yaml", "www: {type: A, value: 192.0.2.1}\nwww: {type: A, value: 192.0.2.2}\n")], 1,
                            [("syntax-error", 2, 1)]),
    "a 5,000-digit TTL in JSON": (lambda r: [write(r, "ttl/main.tf.json", '{"resource": {"dns_a_record_set": {"a": {"zone": "example.com.", "name": "www", "ttl": ' + "9" * 5000 + ', "addresses": ["192.0.2.1"]}}}}')], 1,
                                  [("syntax-error", 1, None)]),
    "100,000-deep HCL brackets": (lambda r: [write(r, "deep-hcl/main.tf", "a = " + "[" * 100_000)], 1,
                                  [("syntax-error", 1, None)]),
    "100,000 nested HCL blocks": (lambda r: [write(r, "blocks/main.tf", "b {\n" * 100_000)], 1,
                                  [("syntax-error", None, None)]),
    "HCL locals doubling a list 40 times": (lambda r: [write(r, "double-list/main.tf", doubling_locals("list"))], 0,
                                            [("unresolved-value", None, None)]),
    "HCL locals doubling a string 40 times": (lambda r: [write(r, "double-text/main.tf", doubling_locals("text"))], 0,
                                              [("unresolved-value", None, None)]),
    "a Terraform count of a billion": (lambda r: [write(r, "count/main.tf", 'resource "aws_route53_record" "r" {\n  count = 1000000000\n  zone_id = "Z1"\n  name = "r${count.index}.example.com"\n  type = "A"\n  ttl = 300\n  records = ["192.0.2.1"]\n}\n')], 0,
                                       [("unresolved-value", 1, 1)]),
    "a Terraform module that calls itself": (lambda r: [write(r, "self/main.tf", 'module "again" {\n  source = "./"\n}\n')], 0,
                                             [("unresolved-value", 2, 12)]),
    "a chain of 100 local modules": (lambda r: [module_chain(r, 100)], 0,
                                     [("unresolved-value", 2, 12)]),
    "an unterminated heredoc in 1 MB of HCL": (lambda r: [write(r, "heredoc/main.tf", "a = <<EOT\n" + "line\n" * 200_000)], 1,
                                               [("syntax-error", 1, None)]),
    "a directory with a FIFO, an unreadable file and a symlink loop": (lambda r: [directory_with_traps(r)], 0, []),
    # Random text read as each format: reading stops after 100 syntax errors, in about a second
    # and a few times the file's size, whatever the reader.
    "20 MB of random text as a zone file": (lambda r: [write(r, "random.zone", random_text(20_000_000, 1), "wb")], 1,
                                            [("syntax-error", None, None)]),
    "20 MB of random text as Terraform": (lambda r: [write(r, "random/main.tf", random_text(20_000_000, 2), "wb")], 1,
                                          [("syntax-error", None, None)]),
    "50 MB of base64 as Terraform": (lambda r: [write(r, "base64/main.tf", random_base64(50_000_000, 3), "wb")], 1,
                                     [("syntax-error", None, None)]),
    "20 MB of random text as Terraform JSON": (lambda r: [write(r, "random-json/main.tf.json", random_text(20_000_000, 4), "wb")], 1,
                                               [("syntax-error", 1, 1)]),
    "20 MB of random text as a plan": (lambda r: ["--input-format", "tf-plan", write(r, "plan.json", random_text(20_000_000, 5), "wb")], 1,
                                       [("syntax-error", 1, 1)]),
    "20 MB of random text as octoDNS": (lambda r: ["--input-format", "octodns", write(r, "example.com.yaml", random_text(20_000_000, 6), "wb")], 1,
                                        [("syntax-error", None, None)]),
    "20 MB of random text as CloudFormation": (lambda r: ["--input-format", "cloudformation", write(r, "stack.yaml", random_text(20_000_000, 7), "wb")], 1,
                                               [("syntax-error", None, None)]),
    "20 MB of random text as a DNSEndpoint": (lambda r: ["--input-format", "dnsendpoint", write(r, "endpoint.yaml", random_text(20_000_000, 8), "wb")], 1,
                                              [("syntax-error", None, None)]),
}

# No input, however broken, floods a report: a file's syntax errors stop at 100 (with one line
# that says so), so no case here reports more than this.
MOST_FINDINGS = 250


def run(dnslint, args, cwd):
    command = ["/usr/bin/time", "-f", "%M", dnslint, "--format", "json", *args]
    try:
        result = subprocess.run(command, cwd=cwd, capture_output=True, timeout=TIME_LIMIT)
    except subprocess.TimeoutExpired:
        return None, None, None, "timed out"
    lines = result.stderr.decode(errors="replace").strip().splitlines()
    rss_mb = int(lines[-1]) / 1024 if lines and lines[-1].isdigit() else 0
    return result.returncode, result.stdout.decode(errors="replace"), rss_mb, "\n".join(lines[:-1])


def interrupted_run(dnslint):
    """Ctrl-C (SIGINT) in the middle of a run leaves no report file, partial or temporary."""
    with tempfile.TemporaryDirectory() as root:
        records = "".join(f"h{i} A 192.0.2.{i % 250}\n" for i in range(400_000))
        write(root, "big.zone", zone(records))
        for delay in (0.2, 0.6, 1.0):
            process = subprocess.Popen([dnslint, "--format", "json", "-o", "report.json", "big.zone"],
                                       cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            process.send_signal(signal.SIGINT)
            process.wait(timeout=TIME_LIMIT)
            left = sorted(set(os.listdir(root)) - {"big.zone", "report.json"})
            if left or (process.returncode != 0 and os.path.exists(os.path.join(root, "report.json"))):
                return f"after SIGINT at {delay} s: exit {process.returncode}, left {left}"
            if os.path.exists(os.path.join(root, "report.json")):
                os.remove(os.path.join(root, "report.json"))
    return None


def main():
    dnslint = os.path.abspath(sys.argv[1])
    failures = 0
    problem = interrupted_run(dnslint)
    print(f"{'ok' if problem is None else 'FAIL'}: Ctrl-C while linting" + (f"\n  {problem}" if problem else ""))
    failures += problem is not None
    for name, (make, status, expected) in CASES.items():
        with tempfile.TemporaryDirectory() as root:
            args = make(root)
            code, out, rss, err = run(dnslint, args, root)
            problems = []
            if code is None:
                problems.append(err)
            else:
                if code != status:
                    problems.append(f"exit {code}, expected {status}: {err[-300:]}")
                if rss > RSS_LIMIT_MB:
                    problems.append(f"peak RSS {rss:.0f} MB over {RSS_LIMIT_MB} MB")
                findings = json.loads(out)["findings"] if out.strip() else []
                for rule, line, column in expected:
                    if not any(f["rule"] == rule and line in (None, f["line"]) and column in (None, f["column"])
                               for f in findings):
                        got = [(f["rule"], f["line"], f["column"]) for f in findings][:5]
                        problems.append(f"expected {rule} at {line}:{column}, got {got}")
                if len(findings) > MOST_FINDINGS:
                    problems.append(f"{len(findings)} findings, more than {MOST_FINDINGS}")
                if "root:" in out:
                    problems.append("a line of /etc/passwd reached the report")
            print(f"{'ok' if not problems else 'FAIL'}: {name}" +
                  (f" ({rss:.0f} MB)" if rss else "") + "".join(f"\n  {p}" for p in problems))
            failures += bool(problems)
            for dirpath, dirnames, filenames in os.walk(root):
                for entry in dirnames + filenames:
                    path = os.path.join(dirpath, entry)
                    if not os.path.islink(path):
                        os.chmod(path, 0o700)
    print(f"hostile inputs: {len(CASES) + 1 - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
