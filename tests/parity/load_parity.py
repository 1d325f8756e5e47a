#!/usr/bin/env python3
"""Load parity: what the name servers refuse to load, dnslint must call an error, and what they
all load must have no dnslint error.

For every zone of the shared peer corpus and of the shared corpus's BIND-format zones:
- when named-checkzone, kzonecheck or nsd-checkzone refuses it (a parse error, or for Knot a
  "serious" semantic error, the kind knotd refuses too), dnslint must report an error;
- when all three load it, dnslint must report no error (the mail-policy rules, which judge what
  receivers do with what a server serves, are left out).
Zones where we differ on purpose are rows of the "Loading" table in ACCEPTED.md, with the
reason; a row that no longer describes a difference is reported too, so that the table stays
true.

Usage: load_parity.py DNSLINT SOURCE_DIR"""
import fnmatch
import json
import os
import re
import subprocess
import sys

from peers import guess_origin, peer_origins, require_tool, setup, zone_files

SERVERS = ("named-checkzone", "kzonecheck", "nsd-checkzone")


def run(command, folder):
    try:
        result = subprocess.run(command, cwd=folder, capture_output=True, text=True, errors="replace",
                                timeout=120)
    except subprocess.TimeoutExpired:
        return 1, "timed out"
    return result.returncode, result.stdout + result.stderr


def refuses(server, origin, path):
    """The server's reason for refusing the zone, or None when it loads it."""
    folder, name = os.path.dirname(path), os.path.basename(path)
    if server == "named-checkzone":
        status, output = run(["named-checkzone", origin, name], folder)
    elif server == "kzonecheck":
        status, output = run(["kzonecheck", "-v", "-o", origin, name], folder)
        # kzonecheck also fails on DNSSEC validation, which knotd does not require to load a
        # zone: only a load error or a serious semantic error stops knotd.
        if "failed to load zone" not in output and "Serious semantic error" not in output:
            return None
    else:
        status, output = run(["nsd-checkzone", origin, name], folder)
    if status == 0:
        return None
    lines = [line for line in output.splitlines() if line.strip()]
    return lines[0][:160] if lines else f"exit status {status}"


# Rules about what mail receivers do with the records a server serves: a server loads the zone
# whatever they find, so they are no part of load parity.
MAIL_POLICY_RULES = ",".join([
    "spf-syntax", "spf-lookup-limit", "spf-include-missing", "spf-multiple", "spf-permissive-all",
    "dmarc-syntax", "dmarc-multiple", "dkim-syntax", "mta-sts-syntax", "tlsrpt-syntax",
    "mail-record-misplaced", "null-mx-spf"])


def dnslint_errors(dnslint, origin, path):
    result = subprocess.run(
        [dnslint, "--format", "json", "--fail-on", "never", "--input-format", "zone", "--origin", origin,
         "--ignore", MAIL_POLICY_RULES, os.path.basename(path)],
        cwd=os.path.dirname(path), capture_output=True, text=True, timeout=120)
    # Status 2 with a report: a file that is not text (read-error), as BIND's raw zones are.
    if result.returncode != 0 and not (result.returncode == 2 and result.stdout.startswith("{")):
        raise RuntimeError(f"dnslint failed on {path}: {result.stderr.strip()}")
    return [f for f in json.loads(result.stdout)["findings"] if f["severity"] == "error"]


def accepted_load_differences(source_dir):
    """File names (shell patterns) of the rows of ACCEPTED.md's "Loading" table."""
    names = set()
    in_table = False
    with open(os.path.join(source_dir, "tests", "parity", "ACCEPTED.md"), encoding="utf-8") as table:
        for line in table:
            if line.startswith("## "):
                in_table = line.strip() == "## Loading"
            elif in_table and (match := re.match(r"\| `([^`]+)` \|", line)):
                names.add(match.group(1))
    return names


def main():
    dnslint, source_dir, shared = setup("load parity needs the peer corpus")
    for server in SERVERS:
        require_tool(server)
    accepted = accepted_load_differences(source_dir)
    origins = peer_origins(shared)
    paths = list(zone_files(os.path.join(shared, "peer-corpus")))
    paths += list(zone_files(os.path.join(shared, "corpus", "bind")))
    problems = []
    differences = set()
    refused_count = 0
    for path in paths:
        origin = origins.get(os.path.normpath(path)) or guess_origin(path)
        reasons = {server: reason for server in SERVERS if (reason := refuses(server, origin, path))}
        errors = dnslint_errors(dnslint, origin, path)
        name = os.path.basename(path)
        refused_count += bool(reasons)
        row = next((pattern for pattern in accepted if fnmatch.fnmatchcase(name, pattern)), None)
        if reasons and not errors:
            differences.add(row)
            if row is None:
                said = "; ".join(f"{server}: {reason}" for server, reason in sorted(reasons.items()))
                problems.append(f"{path}: refused ({said}) but dnslint reports no error")
        elif not reasons and errors:
            differences.add(row)
            if row is None:
                found = "; ".join(f"{e['rule']} at line {e['line']}: {e['message']}" for e in errors[:3])
                problems.append(f"{path}: every server loads it but dnslint reports {found}")
    for pattern in sorted(accepted - differences):
        problems.append(f"ACCEPTED.md lists {pattern} under Loading, but it is no longer a difference")
    for problem in problems:
        print(problem)
    print(f"load parity: {len(paths)} zones, {refused_count} refused by a server, "
          f"{len(differences - {None})} differences accepted, {len(problems)} problems")
    if refused_count == 0:
        print("no server refused any zone: the corpus or the tools are broken")
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
