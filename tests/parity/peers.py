"""Shared helpers for the parity tests: where the peer corpus is, which origin each zone uses,
and how to run dnslint and the peer tools on one file."""
import json
import os
import re
import shutil
import subprocess
import sys

SKIP = 77  # ctest SKIP_RETURN_CODE


def shared_dir(source_dir):
    """The shared corpus beside the repository, or None (the tests then skip)."""
    candidates = [os.environ.get("DNSLINT_SHARED", ""), os.path.join(source_dir, "..", "shared")]
    for candidate in candidates:
        if candidate and os.path.isdir(os.path.join(candidate, "peer-corpus")):
            return os.path.abspath(candidate)
    return None


def skip(message):
    print(f"SKIPPED: {message}")
    sys.exit(SKIP)


def peer_origins(shared):
    """Maps each peer-corpus file to the origin its own tool tests it with."""
    origins = {}
    prefixes = {"bind9:": "bind/", "knot:": "knot/", "validns:": "validns/"}
    with open(os.path.join(shared, "peer-corpus", "peer-results.tsv"), encoding="utf-8") as table:
        next(table)
        for line in table:
            tool, name = line.split("\t")[:2]
            for prefix, folder in prefixes.items():
                if name.startswith(prefix):
                    path = os.path.join(shared, "peer-corpus", folder + name[len(prefix):])
                    origins[os.path.normpath(path)] = tool.split()[-1]
    return origins


def guess_origin(path, default="example"):
    """The first $ORIGIN, else the owner of an absolute SOA, else `default`."""
    with open(path, encoding="utf-8", errors="replace") as zone:
        for line in zone:
            match = re.match(r"\$ORIGIN\s+(\S+)", line, re.IGNORECASE)
            if match:
                return match.group(1)
            match = re.match(r"(\S+\.)\s+(?:\d+\s+)?(?:IN\s+)?(?:\d+\s+)?SOA\s", line, re.IGNORECASE)
            if match:
                return match.group(1)
    return default


def zone_files(root):
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            if name.endswith((".py", ".sh", ".tsv", ".md")):
                continue
            yield os.path.join(folder, name)


def run_named_checkzone(path, origin, integrity="local"):
    """(exit status, output lines) of named-checkzone run from the file's own folder."""
    result = subprocess.run(
        ["named-checkzone", "-i", integrity, origin, os.path.basename(path)],
        cwd=os.path.dirname(path), capture_output=True, text=True, errors="replace", timeout=120)
    return result.returncode, (result.stdout + result.stderr).splitlines()


def run_dnslint(dnslint, path, origin, extra=()):
    """The JSON report of dnslint on one file, run from the file's own folder."""
    result = subprocess.run(
        [dnslint, "--format", "json", "--fail-on", "never", "--input-format", "zone", "--origin", origin, *extra,
         os.path.basename(path)],
        cwd=os.path.dirname(path), capture_output=True, text=True, timeout=120)
    # Status 2 with a report: a file that is not text (read-error), as BIND's raw zones are.
    if result.returncode != 0 and not (result.returncode == 2 and result.stdout.startswith("{")):
        raise RuntimeError(f"dnslint failed on {path}: {result.stderr.strip()}")
    return json.loads(result.stdout)


def setup(description):
    """(dnslint, source dir, shared dir) from the command line; skips without the corpus or the
    peer tool."""
    dnslint, source_dir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    shared = shared_dir(source_dir)
    if shared is None:
        skip(f"../shared is not beside the repository; {description}")
    require_tool("named-checkzone")
    return dnslint, source_dir, shared


PACKAGES = {"named-checkzone": "bind9-utils", "kzonecheck": "knot-dnssecutils", "validns": "validns",
            "nsd-checkzone": "nsd"}


def require_tool(name):
    if shutil.which(name) is None:
        skip(f"{name} is not installed (Debian package {PACKAGES.get(name, name)}); this test needs it")


def canonical(name):
    name = name.lower()
    return name if name.endswith(".") else name + "."


def accepted_differences(source_dir, peer):
    """File names that tests/parity/ACCEPTED.md lists for `peer`."""
    names = set()
    with open(os.path.join(source_dir, "tests", "parity", "ACCEPTED.md"), encoding="utf-8") as table:
        for line in table:
            match = re.match(r"\| `([^`]+)` \| `([^`]+)` \|", line)
            if match and match.group(2) == peer:
                names.add(match.group(1))
    return names
