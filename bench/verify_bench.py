#!/usr/bin/env python3
"""How fast `dnslint verify` asks: a zone of N RRsets served by four NSD servers on loopback,
every RRset asked of every server (plus the SOA and the zone transfers), timed with the default
rate limit (1000 questions a second per server) and without one. Prints a Markdown table for
docs/benchmark.md. Nothing leaves 127.0.0.1.

Usage: verify_bench.py DNSLINT [N...]      (default N: 1000 10000)"""
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time

SERVERS = 4
RUNS = 3


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def zone_text(rrsets):
    lines = ["$ORIGIN bench.example.", "$TTL 3600",
             "@ SOA ns1.bench.example. hostmaster.bench.example. 1 3600 900 604800 300",
             "@ NS ns1.bench.example."]
    lines += [f"host{i} A 192.0.2.{i % 250 + 1}" for i in range(rrsets - 1)]
    return "\n".join(lines) + "\n"


def start_nsd(folder, index, port):
    conf = os.path.join(folder, f"nsd{index}.conf")
    with open(conf, "w") as out:
        out.write(textwrap.dedent(f"""\
            server:
              ip-address: 127.0.0.1@{port}
              port: {port}
              do-ip6: no
              zonesdir: "{folder}"
              database: ""
              pidfile: "{folder}/nsd{index}.pid"
              username: ""
              chroot: ""
              xfrdfile: "{folder}/nsd{index}.xfrd"
              zonelistfile: "{folder}/nsd{index}.zonelist"
              logfile: "{folder}/nsd{index}.log"
              server-count: 1
            remote-control:
              control-enable: no
            zone:
              name: bench.example
              zonefile: "bench.example.zone"
            """))
    return subprocess.Popen([shutil.which("nsd") or "/usr/sbin/nsd", "-d", "-c", conf], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def wait_for(port):
    query = (b"\x00\x01\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x05bench\x07example\x00"
             b"\x00\x06\x00\x01")
    for _ in range(100):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.settimeout(0.1)
            s.sendto(query, ("127.0.0.1", port))
            try:
                s.recvfrom(512)
                return
            except OSError:
                time.sleep(0.05)
    raise SystemExit(f"nsd on port {port} does not answer")


def main():
    dnslint = os.path.abspath(sys.argv[1])
    sizes = [int(n) for n in sys.argv[2:]] or [1000, 10000]
    if shutil.which("nsd") is None and not os.path.exists("/usr/sbin/nsd"):
        print("SKIP: nsd is not installed")
        return 77
    print(f"| RRsets | servers | rate limit | questions | wall (median of {RUNS}) | questions/s |")
    print("|---:|---:|---|---:|---:|---:|")
    for size in sizes:
        folder = tempfile.mkdtemp(prefix="dnslint-verify-bench-")
        processes = []
        try:
            with open(os.path.join(folder, "bench.example.zone"), "w") as out:
                out.write(zone_text(size))
            ports = [free_port() for _ in range(SERVERS)]
            processes = [start_nsd(folder, i, port) for i, port in enumerate(ports)]
            for port in ports:
                wait_for(port)
            servers = []
            for i, port in enumerate(ports):
                servers += ["--server", f"ns{i}=127.0.0.1:{port}"]
            # The SOA and every RRset of every server; the transfers count one each.
            questions = SERVERS * (1 + size) + SERVERS
            for label, extra in (("default (1000/s a server)", []), ("none (--rate 0)", ["--rate", "0"])):
                times = []
                for _ in range(RUNS):
                    started = time.perf_counter()
                    run = subprocess.run([dnslint, "verify", "-f", "json", *servers, *extra,
                                          "--disable", "server-axfr-open",
                                          os.path.join(folder, "bench.example.zone")],
                                         capture_output=True, text=True)
                    times.append(time.perf_counter() - started)
                    if run.returncode not in (0, 1):
                        raise SystemExit(run.stderr)
                wall = statistics.median(times)
                print(f"| {size} | {SERVERS} | {label} | {questions} | {wall:.2f} s | {questions / wall:,.0f} |")
        finally:
            for process in processes:
                process.send_signal(signal.SIGTERM)
            for process in processes:
                process.wait(timeout=5)
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
