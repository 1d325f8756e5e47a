#!/usr/bin/env python3
"""Runs dnslint and the established zone checkers on the same generated zones and prints the
median wall time, CPU time and peak memory of each, with each peer's ratio to dnslint.

Usage: bench/compare.py DNSLINT [--runs N] [--sizes 10000,200000,2000000] [--dir DIR]
Peers that are not installed are left out (Debian: bind9-utils, knot-dnssecutils, validns,
nsd, ldnsutils)."""
import argparse
import os
import shutil
import statistics
import subprocess
import sys

ORIGIN = "bench.example."
HERE = os.path.dirname(os.path.abspath(__file__))


def tools(dnslint):
    """name -> command for a zone file; dnslint with every rule on."""
    return {
        "dnslint": lambda z: [dnslint, "--fail-on", "never", z],
        "named-checkzone": lambda z: ["named-checkzone", "-q", ORIGIN, z],
        "kzonecheck": lambda z: ["kzonecheck", "-o", ORIGIN, z],
        "validns": lambda z: ["validns", "-q", "-z", ORIGIN, "-p", "all", z],
        "nsd-checkzone": lambda z: ["nsd-checkzone", ORIGIN, z],
        "ldns-read-zone": lambda z: ["ldns-read-zone", "-e", "ANY", z],
    }


def measure(command):
    """(wall seconds, cpu seconds, peak RSS in MB) of one run, from GNU time."""
    result = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", *command],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall, user, system, rss = result.stderr.strip().splitlines()[-1].split()
    return float(wall), float(user) + float(system), int(rss) / 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dnslint")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="10000,200000,2000000")
    parser.add_argument("--dir", default="/tmp/dnslint-bench")
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    available = {name: cmd for name, cmd in tools(os.path.abspath(args.dnslint)).items()
                 if name == "dnslint" or shutil.which(cmd("x")[0])}
    print("| records | tool | wall (s) | CPU (s) | peak RSS (MB) | wall vs dnslint | RSS vs dnslint |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    for size in (int(s) for s in args.sizes.split(",")):
        zone = os.path.join(args.dir, f"{size}.zone")
        if not os.path.exists(zone):
            with open(zone, "w") as out:
                subprocess.run([sys.executable, os.path.join(HERE, "generate_zone.py"), str(size), ORIGIN],
                               stdout=out, check=True)
        results = {}
        for name, command in available.items():
            runs = [measure(command(zone)) for _ in range(args.runs)]
            results[name] = tuple(statistics.median(r[i] for r in runs) for i in range(3))
        base = results["dnslint"]
        for name, (wall, cpu, rss) in results.items():
            print(f"| {size:,} | {name} | {wall:.2f} | {cpu:.2f} | {rss:.0f} | "
                  f"{wall / max(base[0], 0.005):.2f}x | {rss / base[2]:.2f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
