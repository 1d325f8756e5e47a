#!/usr/bin/env python3
"""dnslint against the openspf RFC 7208 test suite (shipped with python3-spf).

Each scenario's DNS data becomes one zone file, whole, so that a name the scenario does not
hold does not exist, as in the suite. For every test whose verdict depends on the records
alone, dnslint must agree with the suite:
- "permerror": dnslint reports an SPF error at the domain or at a record its evaluation
  reaches through include= and redirect=;
- any other result: the domain's own SPF record has no spf-syntax error.
Tests whose verdict depends on the client (its address, macros of the sender), on DNS
failures (TIMEOUT) or on the SPF record type (RFC 4408's type 99, which RFC 7208 retired) are
left out; differences kept on purpose are listed in spf_suite_accepted.txt with the reason.

Usage: spf_suite.py DNSLINT SOURCE_DIR"""
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile

SKIP = 77
SUITE = "/usr/share/doc/python3-spf/rfc7208-tests.yml.gz"
SPF_ERRORS = {"spf-syntax", "spf-lookup-limit", "spf-include-missing", "spf-multiple"}


def skip(message):
    print(f"SKIPPED: {message}")
    sys.exit(SKIP)


def zone_string(value):
    """A zone-file character-string: quotes and backslashes escaped, other bytes outside
    printable ASCII as \\DDD. The suite writes bytes as \\xHH, which YAML reads as code points."""
    data = bytes(ord(c) if ord(c) < 256 else 0x3f for c in value)
    out = []
    for byte in data:
        if byte in (0x22, 0x5C):
            out.append("\\" + chr(byte))
        elif 0x20 <= byte < 0x7F:
            out.append(chr(byte))
        else:
            out.append(f"\\{byte:03d}")
    return '"' + "".join(out) + '"'


def owner(name):
    name = name.rstrip(".")
    return "".join(c if re.match(r"[A-Za-z0-9_*.-]", c) else f"\\{ord(c):03d}" for c in name) + "."


def write_zone(zonedata, path):
    """The scenario as one zone file under the root; returns {line: owner}."""
    lines = ["$ORIGIN .", "$TTL 3600", ". IN SOA ns.invalid. hostmaster.invalid. 1 7200 3600 1209600 300",
             ". IN NS ns.invalid."]
    owners = {}
    for name, entries in zonedata.items():
        has_txt = any(isinstance(e, dict) and "TXT" in e for e in entries)
        for entry in entries:
            if not isinstance(entry, dict):
                continue  # TIMEOUT, SERVFAIL
            for rtype, value in entry.items():
                if rtype == "SPF":
                    if has_txt:
                        continue
                    rtype = "TXT"  # RFC 7208 §3.1: only TXT is used; the suite's drivers copy SPF
                if rtype == "TXT":
                    strings = value if isinstance(value, list) else [value]
                    data = " ".join(zone_string(s) for s in strings) if strings else '""'
                elif rtype == "MX":
                    data = f"{value[0]} {value[1].rstrip('.')}."
                elif rtype in ("A", "AAAA"):
                    data = value
                elif rtype in ("CNAME", "PTR"):
                    data = value.rstrip(".") + "."
                else:
                    continue
                lines.append(f"{owner(name)} IN {rtype} {data}")
                owners[len(lines)] = owner(name).lower()
    with open(path, "w", encoding="ascii") as out:
        out.write("\n".join(lines) + "\n")
    return owners


def spf_texts(zonedata, name):
    for entry in zonedata.get(name, []) or []:
        if isinstance(entry, dict):
            for rtype, value in entry.items():
                if rtype in ("TXT", "SPF"):
                    yield "".join(value) if isinstance(value, list) else value


def reached(zonedata, domain):
    """The names an evaluation of `domain` reaches through include: and redirect=."""
    lowered = {k.lower(): k for k in zonedata}
    seen, todo = set(), [domain]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for text in spf_texts(zonedata, lowered.get(name, name)):
            for target in re.findall(r"(?:include:|redirect=)([^\s%]+)", text, re.IGNORECASE):
                todo.append(target.lower().rstrip("."))
    return seen


def uses_timeout(zonedata, names):
    lowered = {k.lower(): v for k, v in zonedata.items()}
    return any("TIMEOUT" in (lowered.get(n) or []) for n in names)


def main():
    dnslint = os.path.abspath(sys.argv[1])
    source_dir = os.path.abspath(sys.argv[2])
    try:
        import yaml
    except ImportError:
        skip("python3-yaml is not installed")
    if not os.path.exists(SUITE):
        skip(f"{SUITE} is missing (Debian package python3-spf)")
    accepted = {}
    with open(os.path.join(source_dir, "tests", "mail", "spf_suite_accepted.txt"), encoding="utf-8") as table:
        for line in table:
            if line.strip() and not line.startswith("#"):
                name, reason = line.split(None, 1)
                accepted[name] = reason.strip()
    with gzip.open(SUITE, "rt", encoding="utf-8") as suite:
        scenarios = list(yaml.safe_load_all(suite))
    compared = permerrors = 0
    disagreements = []
    used = set()
    with tempfile.TemporaryDirectory() as work:
        for number, scenario in enumerate(scenarios):
            if not scenario:
                continue
            zonedata = scenario.get("zonedata") or {}
            path = os.path.join(work, f"scenario{number}.zone")
            owners = write_zone(zonedata, path)
            result = subprocess.run([dnslint, "-f", "json", "--fail-on", "never", "--input-format", "zone",
                                     path], capture_output=True, text=True, timeout=60)
            findings = json.loads(result.stdout)["findings"]
            for name, test in scenario["tests"].items():
                results = test["result"] if isinstance(test["result"], list) else [test["result"]]
                mailfrom = test.get("mailfrom") or ""
                domain = (mailfrom.rsplit("@", 1)[1] if "@" in mailfrom else test["helo"]).lower().rstrip(".")
                chain = reached(zonedata, domain)
                if uses_timeout(zonedata, chain) or "temperror" in results:
                    continue
                at = {owner(n).lower() for n in chain}
                errors = [f for f in findings if f["rule"] in SPF_ERRORS and f["severity"] == "error"
                          and f.get("owner", "").lower() in at]
                # "Starts like SPF but is not an SPF record" says receivers pass the record over,
                # which is the suite's "none" when no other record is there.
                own_syntax = [f for f in errors if f["rule"] == "spf-syntax"
                              and f.get("owner", "").lower() == owner(domain).lower()
                              and not ("none" in results and "is not an SPF record" in f["message"])]
                if results == ["permerror"]:
                    permerrors += 1
                    agree = bool(errors)
                    said = "no SPF error" if not errors else ""
                elif "permerror" not in results:
                    agree = not own_syntax
                    said = "; ".join(f["message"] for f in own_syntax)
                else:
                    continue  # the suite accepts either
                compared += 1
                if agree:
                    continue
                if name in accepted:
                    used.add(name)
                    continue
                disagreements.append(f"{name} ({test.get('spec')}): the suite says {'/'.join(results)}, "
                                     f"dnslint {said or 'reports an error'}")
    for line in disagreements:
        print("DISAGREE:", line)
    for name in sorted(set(accepted) - used):
        print(f"STALE: {name} is listed in spf_suite_accepted.txt but dnslint now agrees")
    print(f"openspf suite: {compared} tests compared ({permerrors} permerror), "
          f"{len(disagreements)} disagreements, {len(used)} accepted")
    if compared < 150 or permerrors < 30:
        print("FAIL: the suite yielded fewer tests than it holds; the reading of it is broken")
        return 1
    return 1 if disagreements or set(accepted) - used else 0


if __name__ == "__main__":
    sys.exit(main())
