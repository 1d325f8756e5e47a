#!/usr/bin/env python3
"""Parity with named-checkzone's MX checks (`-i local`): every "is a CNAME", "is an address"
and "has no address records" it reports for an MX must be reported by dnslint at the same
owner (or, for "is an address", which BIND reports by line, at the same line).

Runs on BIND's own test zones in the shared peer corpus and on dnslint's rule fixtures.
Usage: named_checkzone_parity.py DNSLINT SOURCE_DIR"""
import os
import re
import sys

from peers import setup, canonical, guess_origin, peer_origins, run_dnslint, \
    run_named_checkzone, zone_files

# BIND's messages and the dnslint rule that must match each.
MX_OWNER = re.compile(r"zone \S+: (\S+)/MX '([^']+)' (is a CNAME|has no address records)")
MX_LINE = re.compile(r"^[^:]+:(\d+): warning: '([^']+)': MX is an address")
RULES = {"is a CNAME": "mx-target-cname", "has no address records": "mx-target-no-address",
         "MX is an address": "mx-target-address-literal"}


def files_to_check(source_dir, shared):
    origins = peer_origins(shared)
    for path in zone_files(os.path.join(shared, "peer-corpus", "bind")):
        yield path, origins.get(os.path.normpath(path), "example")
    for path in zone_files(os.path.join(source_dir, "tests", "rules")):
        if path.endswith(".zone") and "/include/" not in path:
            yield path, guess_origin(path)


def main():
    dnslint, source_dir, shared = setup("parity needs the peer corpus")
    checked = 0
    missing = []
    for path, origin in files_to_check(source_dir, shared):
        _, lines = run_named_checkzone(path, origin)
        expected = []  # (rule, owner or None, line or None, text)
        for line in lines:
            if match := MX_OWNER.search(line):
                expected.append((RULES[match.group(3)], canonical(match.group(1)), None, line))
            elif match := MX_LINE.search(line):
                expected.append((RULES["MX is an address"], None, int(match.group(1)), line))
        if not expected:
            continue
        report = run_dnslint(dnslint, path, origin)
        for rule, owner, line_number, text in expected:
            checked += 1
            found = any(f["rule"] == rule and (owner is None or f["owner"] == owner)
                        and (line_number is None or f["line"] == line_number)
                        for f in report["findings"])
            if not found:
                missing.append(f"{path}: named-checkzone said \"{text.strip()}\" but dnslint has no {rule}")
    for problem in missing:
        print(problem)
    print(f"named-checkzone parity: {checked - len(missing)} passed, {len(missing)} failed")
    if checked == 0:
        print("no MX finding from named-checkzone at all: the peer corpus or the tool is broken")
        return 1
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
