#!/usr/bin/env python3
"""Runs dnslint and the established zone checkers on identical generated input and prints
markdown tables of the median wall time, CPU time and peak memory of each, with each peer's
ratio to dnslint.

Usage: bench/compare.py DNSLINT [--runs N] [--sizes 10000,200000,2000000] [--dir DIR]
                        [--sections zones,startup,files,pathological] [--peer-timeout S]
                        [--pathological-timeout S] [--baseline OTHER-DNSLINT]

Sections:
  zones         one zone of each size, every tool, all dnslint rules on
  startup       a 50-record zone, many runs: the cost of a pre-commit hook on one file
  files         1000 zone files of 50 records in one dnslint run, against one file holding
                the same 50,000 records; and 2M records against 200k (linear growth)
  pathological  the zones of generate_pathological.py, every tool
  baseline      with --baseline: this build against another (the build of the commit a change
                starts from), alternating runs on the largest zone and every pathological
                zone, medians with their spread: a regression shows before it lands
  terraform     a module of 50,000 DNS resources (generate_terraform.py): the whole dnslint
                run, and reading alone (tests/hcl_dump --time) against HashiCorp's parser
                (the hcl-oracle of tests/terraform/oracle, built from Debian's Go packages)

CPU time and peak RSS come from /usr/bin/time; wall time is measured around it with a
monotonic clock (GNU time prints only hundredths of a second, too coarse for small inputs).
Peers that are not installed are left out (Debian: bind9-utils, knot-dnssecutils, validns,
nsd, ldnsutils)."""
import argparse
import os
import platform
import random
import shutil
import signal
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ORIGIN = "bench.example."
PATHOLOGICAL_ORIGIN = "patho.example."


def tools(dnslint, origin):
    """name -> command for a zone file; dnslint with every rule on."""
    return {
        "dnslint": lambda z: [dnslint, "--fail-on", "never", z],
        "named-checkzone": lambda z: ["named-checkzone", "-q", origin, z],
        "kzonecheck": lambda z: ["kzonecheck", "-o", origin, z],
        "validns": lambda z: ["validns", "-q", "-z", origin, "-p", "all", z],
        "nsd-checkzone": lambda z: ["nsd-checkzone", origin, z],
        "ldns-read-zone": lambda z: ["ldns-read-zone", "-e", "ANY", z],
    }


def installed(dnslint, origin):
    return {name: command for name, command in tools(dnslint, origin).items()
            if name == "dnslint" or shutil.which(command("x")[0])}


def measure(command, timeout=None):
    """(wall seconds, CPU seconds, peak RSS in MB) of one run; None when it timed out."""
    start = time.perf_counter()
    # A session of its own, so that a timeout stops the tool and not only /usr/bin/time.
    process = subprocess.Popen(["/usr/bin/time", "-f", "%U %S %M", *command],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    try:
        _, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return None
    wall = time.perf_counter() - start
    user, system, rss = stderr.strip().splitlines()[-1].split()
    return wall, float(user) + float(system), int(rss) / 1024


def median_of(command, runs, timeout=None):
    samples = []
    for _ in range(runs):
        sample = measure(command, timeout)
        if sample is None:
            return None
        samples.append(sample)
    return tuple(statistics.median(s[i] for s in samples) for i in range(3))


def generate_zone(path, size, origin=ORIGIN):
    if not os.path.exists(path):
        with open(path, "w") as out:
            subprocess.run([sys.executable, os.path.join(HERE, "generate_zone.py"), str(size),
                            origin], stdout=out, check=True)
    return path


def table_header(first):
    print(f"| {first} | tool | wall (s) | CPU (s) | peak RSS (MB) | wall vs dnslint | "
          "RSS vs dnslint |")
    print("|---|---|---:|---:|---:|---:|---:|")


def compare(label, zone, available, runs, timeout):
    # Round-robin over the tools, so that a slow spell of a shared machine hits all of them,
    # in a new order each round (shuffled from a fixed seed, so that a rerun is the same), so
    # that no tool always runs right after the same one: on a virtual machine a fresh page
    # costs more after a tool that has just freed half a gigabyte.
    samples = {name: [] for name in available}
    order = random.Random(label)
    names = list(available)
    for _ in range(runs):
        order.shuffle(names)
        for name in names:
            command = available[name]
            if samples[name] is None:
                continue
            sample = measure(command(zone), timeout)
            samples[name] = None if sample is None else samples[name] + [sample]
    results = {name: None if runs_of is None else
               tuple(statistics.median(s[i] for s in runs_of) for i in range(3))
               for name, runs_of in samples.items()}
    base = results["dnslint"]
    for name, result in results.items():
        if result is None:
            print(f"| {label} | {name} | > {timeout:.0f} (stopped) | | | | |")
            continue
        wall, cpu, rss = result
        print(f"| {label} | {name} | {wall:.3f} | {cpu:.2f} | {rss:.0f} | "
              f"{wall / base[0]:.2f}x | {rss / base[2]:.2f}x |")
    return results


def zones_section(args, available):
    print("\n### One zone, every tool\n")
    table_header("records")
    results = {}
    for size in (int(s) for s in args.sizes.split(",")):
        zone = generate_zone(os.path.join(args.dir, f"{size}.zone"), size)
        results[size] = compare(f"{size:,}", zone, available, args.runs, args.peer_timeout)
    return results


def startup_section(args, available):
    print("\n### A 50-record zone (process start included), median of 30 runs\n")
    table_header("records")
    zone = generate_zone(os.path.join(args.dir, "50.zone"), 50)
    compare("50", zone, available, 30, args.peer_timeout)


def files_section(args, dnslint, zone_results):
    print("\n### Many files, and growth\n")
    directory = os.path.join(args.dir, "files1000")
    if not os.path.isdir(directory):
        os.makedirs(directory)
        for i in range(1, 1001):
            generate_zone(os.path.join(directory, f"z{i}.example.zone"), 50, f"z{i}.example.")
    single = generate_zone(os.path.join(args.dir, "50000.zone"), 50000)
    many = median_of([dnslint, "--fail-on", "never", directory], args.runs)
    one = median_of([dnslint, "--fail-on", "never", single], args.runs)
    print("| input | wall (s) | CPU (s) | peak RSS (MB) |")
    print("|---|---:|---:|---:|")
    print(f"| 1000 files of 50 records | {many[0]:.3f} | {many[1]:.2f} | {many[2]:.0f} |")
    print(f"| 1 file of 50,000 records | {one[0]:.3f} | {one[1]:.2f} | {one[2]:.0f} |")
    print(f"\n1000 files cost {many[0] / one[0]:.2f}x one file of the same records (target: "
          "at most 2x).")
    small, large = zone_results.get(200000), zone_results.get(2000000)
    if small and large:
        ratio = large["dnslint"][0] / small["dnslint"][0]
        print(f"2,000,000 records take {ratio:.2f}x the time of 200,000 (target: at most 11x).")


def pathological_section(args, dnslint):
    print("\n### Pathological zones (no rule may be quadratic)\n")
    directory = os.path.join(args.dir, "pathological")
    if not os.path.isdir(directory):
        subprocess.run([sys.executable, os.path.join(HERE, "generate_pathological.py"),
                        directory], check=True)
    available = installed(dnslint, PATHOLOGICAL_ORIGIN)
    table_header("zone")
    for name in sorted(os.listdir(directory)):
        compare(name, os.path.join(directory, name), available, args.runs,
                args.pathological_timeout)


def baseline_section(args, dnslint):
    """This build against --baseline, alternating (A B B A ...) so that a slow minute of a
    shared machine hits both, with the spread (lowest and highest) beside each median."""
    baseline = os.path.abspath(args.baseline)
    print(f"\n### This build against {args.baseline}, {args.runs} alternating runs each\n")
    print("| input | build | wall (s) | spread | CPU (s) | peak RSS (MB) | wall vs baseline |")
    print("|---|---|---:|---|---:|---:|---:|")
    size = max(int(s) for s in args.sizes.split(","))
    inputs = [(f"{size:,} records", generate_zone(os.path.join(args.dir, f"{size}.zone"), size))]
    directory = os.path.join(args.dir, "pathological")
    if not os.path.isdir(directory):
        subprocess.run([sys.executable, os.path.join(HERE, "generate_pathological.py"),
                        directory], check=True)
    inputs += [(name, os.path.join(directory, name)) for name in sorted(os.listdir(directory))]
    builds = {"this": dnslint, "baseline": baseline}
    for label, zone in inputs:
        samples = {name: [] for name in builds}
        for run in range(args.runs):
            order = ["this", "baseline"] if run % 2 == 0 else ["baseline", "this"]
            for name in order:
                # Standard output to /dev/null through the shell's redirection, never -o: an
                # older build may not write to devices.
                samples[name].append(measure([builds[name], "--fail-on", "never", "-f", "json",
                                              zone]))
        medians = {name: tuple(statistics.median(s[i] for s in runs) for i in range(3))
                   for name, runs in samples.items()}
        for name in ("baseline", "this"):
            wall, cpu, rss = medians[name]
            walls = [s[0] for s in samples[name]]
            print(f"| {label} | {name} | {wall:.3f} | {min(walls):.3f}–{max(walls):.3f} | "
                  f"{cpu:.2f} | {rss:.0f} | {wall / medians['baseline'][0]:.2f}x |")


def build_hcl_oracle(directory):
    """HashiCorp's hclsyntax parser as a command, or None without Go and its HCL package."""
    gopath = "/usr/share/gocode"
    if shutil.which("go") is None or not os.path.isdir(
            os.path.join(gopath, "src/github.com/hashicorp/hcl/v2/hclsyntax")):
        return None
    oracle = os.path.join(directory, "hcl-oracle")
    env = dict(os.environ, GOPATH=gopath, GO111MODULE="off", GOFLAGS="", GOPROXY="off",
               GOCACHE=os.path.join(directory, "go-cache"))
    subprocess.run(["go", "build", "-o", oracle, "."], env=env, check=True,
                   cwd=os.path.join(HERE, "..", "tests", "terraform", "oracle"))
    return oracle


def terraform_section(args, dnslint):
    print("\n### Terraform: a module of 50,000 DNS resources\n")
    module = os.path.join(args.dir, "terraform50k")
    if not os.path.isdir(module):
        subprocess.run([sys.executable, os.path.join(HERE, "generate_terraform.py"), "50000",
                        module], check=True)
    files = sorted(os.path.join(module, name) for name in os.listdir(module))
    wall, cpu, rss = median_of([dnslint, "--fail-on", "never", module], args.runs)
    print("| what | wall (s) | CPU (s) | peak RSS (MB) |")
    print("|---|---:|---:|---:|")
    print(f"| dnslint, read and lint | {wall:.3f} | {cpu:.2f} | {rss:.0f} |")
    print(f"\nThe whole run takes {wall:.3f} s (target: at most 1 s).")
    dump = args.hcl_dump or os.path.join(os.path.dirname(dnslint), "tests", "hcl_dump")
    oracle = build_hcl_oracle(args.dir)
    if not os.path.exists(dump) or oracle is None:
        print("\n(Reading alone is not compared: it needs tests/hcl_dump and Go with "
              "golang-github-hashicorp-hcl-v2-dev.)")
        return
    rounds = str(max(1, args.runs))

    def parse_seconds(command):
        return statistics.median(
            float(subprocess.run(command + ["--time", rounds] + files, capture_output=True,
                                 text=True, check=True).stdout)
            for _ in range(3))

    ours = parse_seconds([dump])
    theirs = parse_seconds([oracle])
    print("\n| parser, 50,000 resources in memory | seconds per pass | vs dnslint |")
    print("|---|---:|---:|")
    print(f"| dnslint | {ours:.3f} | 1.00x |")
    print(f"| hclsyntax (HashiCorp) | {theirs:.3f} | {theirs / ours:.2f}x |")
    print(f"\ndnslint reads in {ours / theirs:.2f}x the time of HashiCorp's parser "
          "(target: at most 0.5x).")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dnslint")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="10000,200000,2000000")
    parser.add_argument("--dir", default="/tmp/dnslint-bench")
    parser.add_argument("--sections", default="zones,startup,files,pathological,terraform")
    parser.add_argument("--hcl-dump", help="tests/hcl_dump of the build (default: beside DNSLINT)")
    parser.add_argument("--peer-timeout", type=float, default=300)
    parser.add_argument("--pathological-timeout", type=float, default=60,
                        help="seconds before a tool is given up on a pathological zone")
    parser.add_argument("--baseline", help="another build of dnslint to compare this one with "
                        "(adds the baseline section)")
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    dnslint = os.path.abspath(args.dnslint)
    sections = args.sections.split(",")
    available = installed(dnslint, ORIGIN)
    model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                  if line.startswith("model name")), platform.processor()) \
        if os.path.exists("/proc/cpuinfo") else platform.processor()
    print(f"Machine: {model} ({platform.machine()}), {os.cpu_count()} cores, "
          f"{platform.system()} {platform.release()}; {args.runs} runs per figure, medians.")
    zone_results = zones_section(args, available) if "zones" in sections else {}
    if "startup" in sections:
        startup_section(args, available)
    if "files" in sections:
        files_section(args, dnslint, zone_results)
    if "pathological" in sections:
        pathological_section(args, dnslint)
    if "terraform" in sections:
        terraform_section(args, dnslint)
    if args.baseline:
        baseline_section(args, dnslint)
    return 0


if __name__ == "__main__":
    sys.exit(main())
