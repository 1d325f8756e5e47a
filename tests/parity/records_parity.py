#!/usr/bin/env python3
"""`dnslint records` against BIND: for every zone file BIND loads, the records dnslint prints
are the records BIND reads. Both sides go through named-compilezone, so formatting is BIND's
on both: dnslint's output (a zone file itself) must compile to exactly what the original does.

Runs on dnslint's rule fixtures and, when present, the peer corpus's zones.

Usage: records_parity.py DNSLINT SOURCE_DIR"""
import os
import subprocess
import sys
import tempfile

from peers import accepted_differences, guess_origin, peer_origins, require_tool, shared_dir, zone_files


# Types whose data holds domain names: names compare without regard to case (RFC 4343), and
# `records` prints them in canonical form, lowercase (RFC 4034 §6.2).
NAME_TYPES = {"NS", "CNAME", "DNAME", "MX", "PTR", "SOA", "SRV", "NAPTR", "KX", "AFSDB", "RT", "RP",
              "MINFO", "MB", "MD", "MF", "MG", "MR", "PX", "NSEC", "RRSIG", "SIG", "NXT", "HIP",
              "LP", "TALINK", "SVCB", "HTTPS", "A6", "AMTRELAY", "IPSECKEY"}


def comparable(line):
    """A dumped record with its names in lowercase."""
    fields = line.split(None, 4)
    if len(fields) < 5:
        return line
    owner, ttl, rclass, rtype, data = fields
    if rtype.upper() in NAME_TYPES:
        data = data.lower()
    return f"{owner.lower()} {ttl} {rclass} {rtype} {data}"


def compiled(path, origin):
    """BIND's canonical dump of a zone file (sorted lines), or None when BIND refuses it."""
    result = subprocess.run(
        ["named-compilezone", "-q", "-i", "none", "-k", "ignore", "-n", "ignore", "-D", "-o", "-",
         origin, os.path.basename(path)],
        cwd=os.path.dirname(path), capture_output=True, text=True, errors="replace", timeout=120)
    if result.returncode != 0:
        return None
    return sorted(comparable(line) for line in result.stdout.splitlines()
                  if line and not line.startswith(";"))


def printed_records(dnslint, path, origin):
    """dnslint's `records` output for one file, or None when dnslint left records out."""
    result = subprocess.run(
        [dnslint, "records", "--input-format", "zone", "--origin", origin, os.path.basename(path)],
        cwd=os.path.dirname(path), capture_output=True, text=True, errors="replace", timeout=120)
    if result.returncode != 0:
        raise RuntimeError(f"dnslint records failed on {path}: {result.stderr.strip()}")
    if "left records out" in result.stderr:
        return None
    return result.stdout


def main():
    dnslint, source_dir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    require_tool("named-compilezone")
    files = [(path, guess_origin(path)) for path in zone_files(os.path.join(source_dir, "tests", "rules"))
             if path.endswith(".zone")]
    shared = shared_dir(source_dir)
    if shared is None:
        print("records parity: ../shared is not beside the repository; the rule fixtures only")
    else:
        origins = peer_origins(shared)
        files += [(path, origins.get(os.path.normpath(path), guess_origin(path)))
                  for path in zone_files(os.path.join(shared, "peer-corpus"))]
    accepted = accepted_differences(source_dir, "named-compilezone")
    compared = differences = 0
    with tempfile.TemporaryDirectory() as work:
        for path, origin in files:
            if os.path.basename(path) in accepted:
                continue
            expected = compiled(path, origin)
            if expected is None:
                continue  # BIND refuses it: load_parity.py holds dnslint to an error there
            printed = printed_records(dnslint, path, origin)
            if printed is None:
                continue
            copy = os.path.join(work, "records.zone")
            with open(copy, "w", encoding="utf-8", errors="surrogateescape") as out:
                out.write(printed)
            actual = compiled(copy, origin)
            compared += 1
            if actual == expected:
                continue
            differences += 1
            missing = sorted(set(expected) - set(actual or []))
            extra = sorted(set(actual or []) - set(expected))
            print(f"DIFFERENT: {os.path.relpath(path, source_dir)} (origin {origin})"
                  + ("; BIND refuses dnslint's output" if actual is None else ""))
            for line in missing[:5]:
                print(f"  BIND reads, dnslint does not print: {line}")
            for line in extra[:5]:
                print(f"  dnslint prints, BIND does not read: {line}")
    print(f"records parity: {compared} zone files, {differences} different")
    return 1 if differences or compared == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
