#!/usr/bin/env python3
"""Writes a deterministic, realistic zone for benchmarks: hosts with A and AAAA, CNAMEs,
TXT, SRV, MX sets with relative and absolute names, and a sprinkling of MX faults (an
exchange that is an alias, one without an address, a shared preference).

Usage: generate_zone.py RECORDS [ORIGIN] > zone"""
import random
import sys


def main():
    records = int(sys.argv[1])
    origin = sys.argv[2] if len(sys.argv) > 2 else "bench.example."
    rng = random.Random(20240601)
    out = sys.stdout
    out.write(f"$ORIGIN {origin}\n$TTL 3600\n")
    out.write("@ IN SOA ns1 hostmaster 2024060101 7200 3600 1209600 300\n")
    out.write("@ IN NS ns1\n@ IN NS ns2\nns1 IN A 192.0.2.1\nns2 IN A 198.51.100.1\n")
    written = 6
    host = 0
    while written < records:
        host += 1
        name = f"h{host}"
        kind = rng.random()
        lines = [f"{name} IN A 10.{host >> 16 & 255}.{host >> 8 & 255}.{host & 255}"]
        if kind < 0.5:
            lines.append(f"{name} 300 IN AAAA 2001:db8:{host >> 16 & 0xffff:x}:{host & 0xffff:x}::1")
        elif kind < 0.65:
            lines.append(f"www.{name} IN CNAME {name}")
        elif kind < 0.75:
            lines.append(f'{name} IN TXT "v=spf1 ip4:10.0.0.0/8 -all " "id={host}"')
        elif kind < 0.8:
            lines.append(f"_sip._tcp.{name} IN SRV 10 5 5060 {name}")
        elif kind < 0.95:
            lines.append(f"{name} IN MX 10 {name}")
            lines.append(f"{name} IN MX 20 h{max(1, host - 1)}.{origin}")
        else:
            fault = rng.randrange(3)
            if fault == 0:
                lines.append(f"{name} IN MX 10 www.{name}\nwww.{name} IN CNAME {name}")  # an alias
            elif fault == 1:
                lines.append(f"{name} IN MX 10 gone{host}")               # no address
            else:
                lines.append(f"{name} IN MX 10 {name}\n{name} IN MX 10 h{max(1, host - 1)}")
        for line in lines:
            out.write(line + "\n")
            written += line.count("\n") + 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
