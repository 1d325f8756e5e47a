#!/usr/bin/env python3
"""`dnslint verify` against real servers on loopback: two NSD "providers" of one zone (one
serving it as the source holds it, one an older serial with a record changed, a TTL changed and
a record the source lacks), a third server that never answers, an rbldnsd serving address and
domain blocklists (one that refuses every question), and Unbound as the resolver in front of
them; then --smtp against aiosmtpd servers with certificates of a test CA, and an MTA-STS
policy over HTTPS. No packet leaves 127.0.0.1.

Checks the findings of every live rule, that a recording replays to the same report, that a
dead server costs one timeout, and that a resolver that does not answer is exit status 2.

Usage: verify_live.py DNSLINT   (DNSLINT_KEEP_LIVE_TEST=1 keeps the servers' folder and logs)"""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import time

NEEDED = ("nsd", "unbound", "rbldnsd", "openssl")
# aiosmtpd is Debian's, for Debian's Python.
SYSTEM_PYTHON = "/usr/bin/python3"

SOURCE = """\
$ORIGIN example.com.
$TTL 3600
@       SOA  ns1.example.com. hostmaster.example.com. 2024010102 3600 900 604800 300
@       NS   ns1.example.com.
@       NS   ns2.example.com.
@       MX   10 mail.example.com.
@       MX   20 backup.example.com.
@       MX   30 gone.example.com.
@       MX   40 listed.example.com.
@       TXT  "v=spf1 mx -all"
ns1     A    127.0.0.1
ns2     A    127.0.0.1
mail    A    192.0.2.10
backup  A    192.0.2.20
listed  A    192.0.2.30
www     A    192.0.2.80
"""

# Provider B: an older serial, www changed, mail's TTL changed, a record the source lacks.
PROVIDER_B = (SOURCE.replace("2024010102", "2024010101")
              .replace("www     A    192.0.2.80", "www     A    192.0.2.81")
              .replace("mail    A    192.0.2.10", "mail 300 A    192.0.2.10")
              + 'old     TXT  "left over"\n')

REVERSE = """\
$ORIGIN 2.0.192.in-addr.arpa.
$TTL 3600
@   SOA ns1.example.com. hostmaster.example.com. 1 3600 900 604800 300
@   NS  ns1.example.com.
10  PTR mail.example.com.
20  PTR host.example.net.
"""

MAIL_ORG = """\
$ORIGIN mail.example.org.
$TTL 3600
@   SOA ns1.example.com. hostmaster.example.com. 1 3600 900 604800 300
@   NS  ns1.example.com.
@   MX  10 mx1.mail.example.org.
@   MX  20 mx2.mail.example.org.
@   MX  30 mx3.mail.example.org.
@   MX  40 mx4.mail.example.org.
mx1 A   127.0.0.11
mx2 A   127.0.0.12
mx3 A   127.0.0.13
mx4 A   127.0.0.14
_mta-sts TXT "v=STSv1; id=20240101"
mta-sts A 127.0.0.15
"""

# The policy leaves out mx4.
POLICY = "version: STSv1\nmode: enforce\nmx: mx1.mail.example.org\nmx: mx2.mail.example.org\n" \
         "mx: mx3.mail.example.org\nmax_age: 86400\n"

EXAMPLE_NET = """\
$ORIGIN example.net.
$TTL 3600
@   SOA ns1.example.com. hostmaster.example.com. 1 3600 900 604800 300
@   NS  ns1.example.com.
"""


def free_port(kind=socket.SOCK_DGRAM):
    with socket.socket(socket.AF_INET, kind) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def nsd_config(folder, name, port, zones):
    conf = textwrap.dedent(f"""\
        server:
          ip-address: 127.0.0.1@{port}
          port: {port}
          do-ip6: no
          zonesdir: "{folder}"
          database: ""
          pidfile: "{folder}/{name}.pid"
          username: ""
          chroot: ""
          xfrdfile: "{folder}/{name}.xfrd"
          zonelistfile: "{folder}/{name}.zonelist"
          logfile: "{folder}/{name}.log"
          server-count: 1
          verbosity: 1
        remote-control:
          control-enable: no
        """)
    for zone, file in zones:
        conf += f"zone:\n  name: {zone}\n  zonefile: \"{file}\"\n  provide-xfr: 127.0.0.1 NOKEY\n"
    path = os.path.join(folder, f"{name}.conf")
    with open(path, "w") as out:
        out.write(conf)
    return path


def wait_for(port, name, query="example.com", timeout=10.0):
    """Waits until a DNS server answers on 127.0.0.1:port."""
    packet = (b"\x12\x34\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00" +
              b"".join(bytes([len(label)]) + label.encode() for label in query.split(".")) +
              b"\x00\x00\x06\x00\x01")
    deadline = time.time() + timeout
    while time.time() < deadline:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.settimeout(0.2)
            s.sendto(packet, ("127.0.0.1", port))
            try:
                s.recvfrom(4096)
                return
            except OSError:
                pass
        time.sleep(0.1)
    raise SystemExit(f"{name} does not answer on 127.0.0.1:{port}")


def make_certificates(folder):
    """A test CA, a certificate for mx1.mail.example.org and one for another name."""
    def openssl(*args):
        subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True)
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
            "-subj", "/CN=dnslint test CA", "-days", "2")
    for name, host in (("mx1", "mx1.mail.example.org"), ("mx2", "other.example.net"),
                       ("policy", "mta-sts.mail.example.org")):
        with open(os.path.join(folder, f"{name}.ext"), "w") as out:
            out.write(f"subjectAltName=DNS:{host}\n")
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{name}.key", "-out",
                f"{name}.csr", "-subj", f"/CN={host}")
        openssl("x509", "-req", "-in", f"{name}.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                "-CAcreateserial", "-out", f"{name}.pem", "-days", "2", "-extfile", f"{name}.ext")


def check_smtp(dnslint, folder, repo, port_resolver, processes):
    """--smtp against aiosmtpd on 127.0.0.11-14: a good certificate, a certificate for another
    name, nothing listening, no STARTTLS; the MTA-STS policy over HTTPS on 127.0.0.15."""
    problems = []
    make_certificates(folder)
    with open(os.path.join(folder, "policy.txt"), "w") as out:
        out.write(POLICY)
    port = free_port(socket.SOCK_STREAM)
    https_port = free_port(socket.SOCK_STREAM)
    servers = subprocess.Popen(
        [SYSTEM_PYTHON, os.path.join(os.path.dirname(os.path.abspath(__file__)), "smtp_servers.py"),
         f"127.0.0.11:{port}=smtp-tls:{folder}/mx1.pem:{folder}/mx1.key",
         f"127.0.0.12:{port}=smtp-tls:{folder}/mx2.pem:{folder}/mx2.key",
         f"127.0.0.14:{port}=smtp-plain",
         f"127.0.0.15:{https_port}=https:{folder}/policy.pem:{folder}/policy.key:{folder}/policy.txt"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    processes.append(servers)
    if servers.stdout.readline().strip() != "ready":
        return ["the SMTP servers did not start"]
    base = [dnslint, "verify", "-f", "json", "--resolver", f"127.0.0.1:{port_resolver}", "--smtp",
            "--smtp-port", str(port), "--https-port", str(https_port), "--timeout", "2000",
            "--select", "mx-smtp-unreachable,mx-starttls,mx-tls-certificate,mta-sts-policy"]

    def findings(extra):
        run = subprocess.run(base + extra + ["mail.example.org.zone"], cwd=repo,
                             capture_output=True, text=True)
        if run.returncode not in (0, 1):
            problems.append(f"--smtp: exit {run.returncode}: {run.stderr}")
            return []
        found = [(f["rule"], f["message"]) for f in json.loads(run.stdout)["findings"]]
        for finding in found:
            print("found:", *finding)
        return found

    def expect(found, expected):
        rest = list(found)
        for rule, text in expected:
            match = next((f for f in rest if f[0] == rule and text in f[1]), None)
            if match is None:
                problems.append(f"--smtp: no {rule} finding with '{text}'")
            else:
                rest.remove(match)
        problems.extend(f"--smtp: unexpected finding {f}" for f in rest)

    expect(findings(["--ca-file", os.path.join(folder, "ca.pem")]), [
        ("mx-tls-certificate", "mx2.mail.example.org. (127.0.0.12 port"),
        ("mx-smtp-unreachable", "mx3.mail.example.org. (127.0.0.13 port"),
        ("mx-starttls", "mx4.mail.example.org. (127.0.0.14 port"),
        ("mta-sts-policy", "the exchange mx4.mail.example.org. matches none of the mx patterns"),
    ])
    # Without the test CA neither certificate is trusted.
    expect(findings([]), [
        ("mx-tls-certificate", "the certificate of mx1.mail.example.org. (127.0.0.11 port"),
        ("mx-tls-certificate", "the certificate of mx2.mail.example.org. (127.0.0.12 port"),
        ("mx-tls-certificate", "names other.example.net, not the exchange"),
        ("mx-smtp-unreachable", "connection refused"),
        ("mx-starttls", "does not offer STARTTLS"),
        ("mta-sts-policy", "is not trusted for mta-sts.mail.example.org"),
    ])
    return problems


def main():
    dnslint = os.path.abspath(sys.argv[1])
    missing = [tool for tool in NEEDED if shutil.which(tool) is None and
               not os.path.exists(f"/usr/sbin/{tool}")]
    if subprocess.run([SYSTEM_PYTHON, "-c", "import aiosmtpd"], capture_output=True).returncode:
        missing.append("python3-aiosmtpd")
    if missing:
        print(f"SKIP: {', '.join(missing)} not installed (scripts/install-deps.sh --test)")
        return 77
    folder = tempfile.mkdtemp(prefix="dnslint-verify-")
    # rbldnsd started as root reads its data as the user rbldns.
    os.chmod(folder, 0o755)
    processes = []
    try:
        files = {"a/example.com.zone": SOURCE, "b/example.com.zone": PROVIDER_B,
                 "a/2.0.192.in-addr.arpa.zone": REVERSE, "a/example.net.zone": EXAMPLE_NET,
                 "repo/example.com.zone": SOURCE, "a/mail.example.org.zone": MAIL_ORG,
                 "repo/mail.example.org.zone": MAIL_ORG}
        for name, text in files.items():
            os.makedirs(os.path.join(folder, os.path.dirname(name)), exist_ok=True)
            with open(os.path.join(folder, name), "w") as out:
                out.write(text)
        port_a, port_b, port_rbl, port_resolver = (free_port() for _ in range(4))
        # A server that never answers: a bound UDP socket nobody reads.
        dead = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        dead.bind(("127.0.0.1", 0))
        port_dead = dead.getsockname()[1]

        sbin = lambda tool: shutil.which(tool) or f"/usr/sbin/{tool}"
        conf_a = nsd_config(folder, "nsd-a", port_a, [
            ("example.com", "a/example.com.zone"), ("2.0.192.in-addr.arpa", "a/2.0.192.in-addr.arpa.zone"),
            ("example.net", "a/example.net.zone"), ("mail.example.org", "a/mail.example.org.zone")])
        conf_b = nsd_config(folder, "nsd-b", port_b, [("example.com", "b/example.com.zone")])
        for conf in (conf_a, conf_b):
            processes.append(subprocess.Popen([sbin("nsd"), "-d", "-c", conf],
                                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        # A list needs its SOA and NS for a resolver to use it.
        head = "$SOA 3600 ns1.example.com. hostmaster.example.com. 1 3600 900 604800 300\n" \
               "$NS 3600 ns1.example.com.\n"
        with open(os.path.join(folder, "bl.txt"), "w") as out:
            out.write(head + ":127.0.0.2:Listed for spam, see https://bl.example/$\n127.0.0.2\n192.0.2.30\n")
        with open(os.path.join(folder, "dbl.txt"), "w") as out:
            out.write(head + ":127.0.1.2:Domain listed\ntest\nlisted.example.com\n")
        with open(os.path.join(folder, "refuse.txt"), "w") as out:
            out.write(head + ":127.255.255.254:Queries through public resolvers are refused\n127.0.0.0/8\n192.0.2.0/24\n")
        processes.append(subprocess.Popen(
            [sbin("rbldnsd"), "-n", "-q", "-e", "-b", f"127.0.0.1/{port_rbl}", "-w", folder,
             "bl.example:ip4set:bl.txt", "dbl.example:dnset:dbl.txt",
             "refuse.example:ip4set:refuse.txt"],
            stdout=subprocess.DEVNULL, stderr=open(os.path.join(folder, "rbldnsd.log"), "w")))
        # The zones the resolver asks the local servers for, as stub zones.
        local = ""
        delegations = ""
        for zone, port in (("example.com", port_a), ("example.net", port_a),
                           ("mail.example.org", port_a),
                           ("2.0.192.in-addr.arpa", port_a), ("bl.example", port_rbl),
                           ("dbl.example", port_rbl), ("refuse.example", port_rbl)):
            local += f"  local-zone: \"{zone}.\" transparent\n"
            delegations += f"stub-zone:\n  name: \"{zone}.\"\n  stub-addr: 127.0.0.1@{port}\n"
        unbound_conf = os.path.join(folder, "unbound.conf")
        # Everything else is answered NXDOMAIN by the resolver itself: nothing is asked outside.
        with open(unbound_conf, "w") as out:
            out.write(textwrap.dedent(f"""\
                server:
                  interface: 127.0.0.1
                  port: {port_resolver}
                  do-ip6: no
                  do-not-query-localhost: no
                  username: ""
                  chroot: ""
                  directory: "{folder}"
                  pidfile: "{folder}/unbound.pid"
                  use-syslog: no
                  logfile: "{folder}/unbound.log"
                  module-config: "iterator"
                  verbosity: 1
                  qname-minimisation: no
                  auto-trust-anchor-file: ""
                  local-zone: "." static
                """) + local + delegations)
        processes.append(subprocess.Popen([sbin("unbound"), "-d", "-c", unbound_conf],
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        wait_for(port_a, "nsd a")
        wait_for(port_b, "nsd b")
        wait_for(port_rbl, "rbldnsd", "2.0.0.127.bl.example")
        wait_for(port_resolver, "unbound")

        repo = os.path.join(folder, "repo")
        with open(os.path.join(repo, ".dnslint.yaml"), "w") as out:
            out.write("rules:\n  mx-blocklisted:\n    lists: [bl.example, refuse.example]\n"
                      "    domain-lists: [dbl.example]\n")
        recording = os.path.join(folder, "answers.jsonl")
        base = [dnslint, "verify", "-f", "json", "--resolver", f"127.0.0.1:{port_resolver}",
                "--server", f"provider-a=127.0.0.1:{port_a}",
                "--server", f"provider-b=127.0.0.1:{port_b}",
                "--server", f"dead=127.0.0.1:{port_dead}",
                "--timeout", "500", "--tries", "1"]
        started = time.time()
        live = subprocess.run(base + ["--record", recording, "example.com.zone"], cwd=repo,
                              capture_output=True, text=True)
        seconds = time.time() - started
        problems = []
        if live.returncode != 1:
            problems.append(f"exit status {live.returncode}, not 1: {live.stderr}")
        report = json.loads(live.stdout)
        found = [(f["rule"], f["line"], f["message"]) for f in report["findings"]]
        for finding in found:
            print("found:", *finding)
        expected = [
            ("server-unreachable", "dead (127.0.0.1:"),
            ("server-serial-behind", "provider-b (127.0.0.1:"),
            ("server-rrset-differs", "www.example.com. A as 192.0.2.81 where the source has 192.0.2.80"),
            ("server-ttl-differs", "mail.example.com. A with TTL 300; the source has 3600"),
            ("server-axfr-open", "provider-a"),
            ("server-axfr-open", "provider-b"),
            ("server-record-extra", "old.example.com. TXT"),
            ("mx-unresolvable", "gone.example.com."),
            ("mx-reverse-dns", "names host.example.net., which does not resolve back to 192.0.2.20"),
            ("mx-reverse-dns", "192.0.2.30 (an address of listed.example.com.) has no PTR"),
            ("mx-blocklisted", "192.0.2.30 (an address of listed.example.com.) is listed on bl.example."),
            ("mx-blocklisted", "the mail exchange listed.example.com. is listed on dbl.example."),
            ("blocklist-unusable", "refuse.example. cannot be used: 127.255.255.254"),
        ]
        unmatched = list(found)
        for rule, text in expected:
            match = next((f for f in unmatched if f[0] == rule and text in f[2]), None)
            if match is None:
                problems.append(f"no {rule} finding with '{text}'")
            else:
                unmatched.remove(match)
        for finding in unmatched:
            problems.append(f"unexpected finding {finding}")
        # One timeout for the dead server, not one per question (it would be asked some 13
        # questions at 500 ms each).
        if seconds > 5:
            problems.append(f"the run took {seconds:.1f} s: the dead server cost more than its timeout")

        replay = subprocess.run([dnslint, "verify", "-f", "json", "--replay", recording,
                                 "--server", f"provider-a=127.0.0.1:{port_a}",
                                 "--server", f"provider-b=127.0.0.1:{port_b}",
                                 "--server", f"dead=127.0.0.1:{port_dead}", "example.com.zone"],
                                cwd=repo, capture_output=True, text=True)
        if replay.stdout != live.stdout:
            problems.append("the replay of the recording reports otherwise than the live run:\n"
                            + replay.stdout + replay.stderr)

        silent = subprocess.run([dnslint, "verify", "--resolver", f"127.0.0.1:{port_dead}",
                                 "--timeout", "200", "--tries", "1", "example.com.zone"],
                                cwd=repo, capture_output=True, text=True)
        if silent.returncode != 2 or "the resolver does not answer" not in silent.stderr:
            problems.append(f"a resolver that does not answer: exit {silent.returncode}, "
                            f"{silent.stderr.strip()}")
        problems += check_smtp(dnslint, folder, repo, port_resolver, processes)
        dead.close()
        for problem in problems:
            print("FAIL:", problem)
        print(f"verify_live: {len(found)} findings, {seconds:.2f} s, {len(problems)} problem(s)")
        return 1 if problems else 0
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
        if not os.environ.get("DNSLINT_KEEP_LIVE_TEST"):
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
