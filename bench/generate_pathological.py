#!/usr/bin/env python3
"""Writes the zones that would expose a quadratic rule: every rule must stay linear in them.

  mx-one-owner.zone        one owner with 100,000 MX records, each exchange a host
  mx-same-preference.zone  one owner with 100,000 MX records at one preference, each
                           exchange the start of a CNAME chain that ends at a host
  cname-chain.zone         a 100,000-long chain of CNAMEs
  wide-parent.zone         1,000,000 names under one parent

Usage: generate_pathological.py DIRECTORY [SCALE]   (SCALE divides every count; default 1)"""
import os
import sys

ORIGIN = "patho.example."
HEAD = (f"$ORIGIN {ORIGIN}\n$TTL 3600\n@ SOA ns1 hostmaster 1 7200 3600 1209600 300\n"
        "@ NS ns1\n@ NS ns2\nns1 A 192.0.2.1\nns2 A 198.51.100.1\n")


def address(i):
    return f"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}"


def zones(scale):
    n = 100_000 // scale
    wide = 1_000_000 // scale
    yield "mx-one-owner.zone", ([f"@ MX {i % 65536} mx{i}" for i in range(n)] +
                                [f"mx{i} A {address(i)}" for i in range(n)])
    yield "mx-same-preference.zone", ([f"@ MX 10 mx{i}" for i in range(n)] +
                                      [f"mx{i} CNAME mx{i + 1}" for i in range(n)] +
                                      [f"mx{n} A 192.0.2.7"])
    yield "cname-chain.zone", [f"c{i} CNAME c{i + 1}" for i in range(n)] + [f"c{n} A 192.0.2.9"]
    yield "wide-parent.zone", [f"n{i}.wide A {address(i)}" for i in range(wide)]


def main():
    directory = sys.argv[1]
    scale = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    os.makedirs(directory, exist_ok=True)
    for name, lines in zones(scale):
        with open(os.path.join(directory, name), "w") as out:
            out.write(HEAD)
            out.write("\n".join(lines))
            out.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
