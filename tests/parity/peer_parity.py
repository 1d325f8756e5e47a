#!/usr/bin/env python3
"""Parity with a peer checker: for every check the peer shares with dnslint, each peer finding
must be matched by a dnslint finding of the mapped rule at the same owner (or, where the peer
prints only a line, at that line or with that line among the finding's related locations).

Runs on the peer's own test zones in the shared corpus and on dnslint's rule fixtures.
Differences kept on purpose are listed in ACCEPTED.md.

Usage: peer_parity.py named-checkzone|kzonecheck|validns|nsd-checkzone DNSLINT SOURCE_DIR"""
import os
import re
import subprocess
import sys

from peers import accepted_differences, canonical, guess_origin, peer_origins, require_tool, \
    run_dnslint, setup, zone_files

# Each pattern yields a rule (or a set of acceptable rules) and an owner or a line.
NAMED_TARGET = re.compile(
    r"zone (\S+)/IN: (?:(\S+)/)?(MX|NS|SRV) '[^']+' (is a CNAME|is below a DNAME|has no address records)")
NAMED_TARGET_RULES = {
    ("MX", "is a CNAME"): "mx-target-cname", ("MX", "is below a DNAME"): "mx-target-cname",
    ("MX", "has no address records"): "mx-target-no-address",
    ("NS", "is a CNAME"): "ns-target-cname", ("NS", "is below a DNAME"): "ns-target-cname",
    ("NS", "has no address records"): "ns-missing-glue",
    ("SRV", "is a CNAME"): "srv-target-cname", ("SRV", "is below a DNAME"): "srv-target-cname",
    ("SRV", "has no address records"): "srv-target-no-address",
}
BY_OWNER = {
    "named-checkzone": [
        (re.compile(r"^[^:]+:\d+: (\S+): CNAME and other data"), {"cname-and-other-data"}),
        (re.compile(r"^[^:]+:\d+: (\S+): multiple RRs of singleton type"), {"cname-multiple", "dname-multiple"}),
        (re.compile(r"zone \S+/IN: (\S+)/\S+ has semantically identical records"), {"duplicate-record"}),
        (re.compile(r"^[^:]+:\d+: ignoring out-of-zone data \((\S+)\)"), {"out-of-zone"}),
    ],
    "kzonecheck": [
        (re.compile(r"^\[(\S+)\] another record exists beside CNAME"), {"cname-and-other-data"}),
        (re.compile(r"^\[(\S+)\] multiple CNAME records"), {"cname-multiple"}),
        (re.compile(r"^\[(\S+)\] child record exists under DNAME"), {"dname-children"}),
        (re.compile(r"^\[(\S+)\] multiple DNAME records"), {"dname-multiple"}),
        (re.compile(r"^\[(\S+)\] NS record exists beside DNAME"), {"occluded-data"}),
        (re.compile(r"^\[(\S+)\] missing glue record"), {"ns-missing-glue"}),
        (re.compile(r"^\[(\S+)\] missing NS at the zone apex"), {"ns-missing"}),
        (re.compile(r"^\[(\S+)\] missing SOA at the zone apex"), {"soa-missing"}),
        (re.compile(r"^\[(\S+)\] CNAME at the apex"), {"cname-at-apex"}),
    ],
    "validns": [],
    "nsd-checkzone": [
        # nsd numbers checks made after loading by the last line it read: match the owner.
        (re.compile(r"zone configured as '([^']+)' has no SOA record"), {"soa-missing"}),
        (re.compile(r"DNAME at (\S+) has data below it"), {"dname-children"}),
    ],
}
BY_LINE = {
    "named-checkzone": [
        (re.compile(r"^[^:]+:(\d+): warning: '[^']+': MX is an address"), {"mx-target-address-literal"}),
        (re.compile(r"^[^:]+:(\d+): NS record '[^']+' appears to be an address"), {"ns-target-address-literal"}),
    ],
    "kzonecheck": [],
    "validns": [
        (re.compile(r"^[^:]+:(\d+): MX exchange is an alias"), {"mx-target-cname"}),
        (re.compile(r"^[^:]+:(\d+): NS data is an alias"), {"ns-target-cname"}),
        # validns also calls a second CNAME "other data".
        (re.compile(r"^[^:]+:(\d+): CNAME and other data"), {"cname-and-other-data", "cname-multiple"}),
        (re.compile(r"^[^:]+:(\d+): TTL values differ within an RR set"), {"rrset-ttl-mismatch"}),
        (re.compile(r"^[^:]+:(\d+): there should be at least two NS records per name"), {"ns-single"}),
        (re.compile(r"^[^:]+:(\d+): there could only be one SOA in a zone"), {"soa-multiple"}),
        (re.compile(r"^[^:]+:(\d+): \S+ does not belong to zone"), {"out-of-zone"}),
        (re.compile(r"^[^:]+:(\d+): DNAME must not have any children"), {"dname-children"}),
        (re.compile(r"^[^:]+:(\d+): multiple DNAMEs"), {"dname-multiple"}),
    ],
    "nsd-checkzone": [
        (re.compile(r"error: [^:]+:(\d+): CNAME and other data at the same name"), {"cname-and-other-data", "cname-at-apex"}),
        (re.compile(r"error: [^:]+:(\d+): multiple CNAMEs at the same name"), {"cname-multiple"}),
        (re.compile(r"error: [^:]+:(\d+): multiple DNAMEs at the same name"), {"dname-multiple"}),
        (re.compile(r"error: [^:]+:(\d+): out of zone data"), {"out-of-zone"}),
        (re.compile(r"error: [^:]+:(\d+): this SOA record was already encountered"), {"soa-multiple"}),
        (re.compile(r"warning: [^:]+:(\d+): \S+ TTL \d+ does not match the TTL"), {"rrset-ttl-mismatch"}),
    ],
}


def peer_command(peer, origin, name):
    if peer == "named-checkzone":
        return ["named-checkzone", "-i", "local", origin, name]
    if peer == "kzonecheck":
        return ["kzonecheck", "-o", origin, name]
    if peer == "nsd-checkzone":
        return ["nsd-checkzone", origin, name]
    return ["validns", "-p", "all", "-z", origin, name]


def corpus(peer, shared):
    """(folder of the peer's own zones, default origin) in the shared corpus."""
    return {
        "named-checkzone": (os.path.join(shared, "peer-corpus", "bind"), "example"),
        "kzonecheck": (os.path.join(shared, "peer-corpus", "knot", "tests", "knot", "semantic_check_data"),
                       "example.com"),
        "validns": (os.path.join(shared, "peer-corpus", "validns"), "example.jp"),
        "nsd-checkzone": (os.path.join(shared, "peer-corpus"), "example.com"),
    }[peer]


def expected_findings(peer, origin, lines):
    found = []  # (rules, owner or None, line or None, text)
    for line in lines:
        if peer == "named-checkzone" and (m := NAMED_TARGET.search(line)):
            owner = m.group(2) or m.group(1)
            found.append(({NAMED_TARGET_RULES[(m.group(3), m.group(4))]}, canonical(owner), None, line))
            continue
        for pattern, rules in BY_OWNER[peer]:
            if m := pattern.search(line):
                found.append((rules, canonical(m.group(1)), None, line))
        for pattern, rules in BY_LINE[peer]:
            if m := pattern.search(line):
                found.append((rules, None, int(m.group(1)), line))
    return found


def matches(finding, rules, owner, line):
    if finding["rule"] not in rules:
        return False
    if owner is not None:
        return finding["owner"] == owner or (finding["owner"] == "" and finding["zone"] == owner)
    # validns numbers a record spread over several lines by its last line.
    return finding["line"] <= line <= finding["end_line"] or any(r["line"] == line for r in finding["related"])


def main():
    peer = sys.argv.pop(1)
    dnslint, source_dir, shared = setup("parity needs the peer corpus")
    require_tool(peer)
    accepted = accepted_differences(source_dir, peer)
    origins = peer_origins(shared)
    folder, default_origin = corpus(peer, shared)
    files = [(p, origins.get(os.path.normpath(p)) or guess_origin(p, default_origin)) for p in zone_files(folder)]
    files += [(p, guess_origin(p)) for p in zone_files(os.path.join(source_dir, "tests", "rules"))
              if p.endswith(".zone") and "/include/" not in p and "dnslint-disable" not in open(p).read()]
    checked = 0
    missing = []
    for path, origin in files:
        if os.path.basename(path) in accepted:
            continue
        result = subprocess.run(peer_command(peer, origin, os.path.basename(path)), cwd=os.path.dirname(path),
                                capture_output=True, text=True, errors="replace", timeout=120)
        expected = expected_findings(peer, origin, (result.stdout + result.stderr).splitlines())
        if not expected:
            continue
        report = run_dnslint(dnslint, path, origin)
        for rules, owner, line, text in expected:
            checked += 1
            if not any(matches(f, rules, owner, line) for f in report["findings"]):
                missing.append(f"{path}: {peer} said \"{text.strip()}\" but dnslint has no "
                               f"{' or '.join(sorted(rules))} {'at ' + owner if owner else 'at line ' + str(line)}")
    for problem in missing:
        print(problem)
    print(f"{peer} parity: {checked - len(missing)} passed, {len(missing)} failed")
    if checked == 0:
        print(f"{peer} reported nothing we share: the corpus or the tool is broken")
        return 1
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
