#!/usr/bin/env python3
"""Writes a deterministic `terraform show -json` plan with N aws_route53_record resources
(A, MX, CNAME and TXT in turn) to standard output; 32,000 records make about 50 MB.

Usage: bench/generate_plan.py [RECORDS]
Then:  /usr/bin/time -f '%e s %M KB' build/release/dnslint --fail-on never plan.json"""
import json
import sys


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 32000
    resources = [{"address": "aws_route53_zone.main", "mode": "managed",
                  "type": "aws_route53_zone", "name": "main",
                  "values": {"name": "example.com", "zone_id": "Z1"}}]
    changes = []
    for i in range(count):
        kind = ["A", "MX", "CNAME", "TXT"][i % 4]
        records = {"A": [f"192.0.2.{i % 250}"],
                   "MX": [f"10 mx{i}.example.net.", f"20 mx{i}.example.org."],
                   "CNAME": [f"host{i}.example.net."],
                   "TXT": [f'"v=spf1 include:_spf{i}.example.net -all"']}[kind]
        address = f"aws_route53_record.r{i}"
        values = {"alias": [], "allow_overwrite": None, "name": f"n{i}.example.com",
                  "records": records, "set_identifier": None, "ttl": 300, "type": kind,
                  "zone_id": "Z1", "weighted_routing_policy": [], "health_check_id": None}
        resources.append({"address": address, "mode": "managed", "type": "aws_route53_record",
                          "name": f"r{i}", "provider_name": "registry.terraform.io/hashicorp/aws",
                          "schema_version": 2, "values": values,
                          "sensitive_values": {"records": [False] * len(records)}})
        changes.append({"address": address, "mode": "managed", "type": "aws_route53_record",
                        "name": f"r{i}", "change": {
                            "actions": ["create"], "before": None, "after": values,
                            "after_unknown": {"fqdn": True, "id": True,
                                              "records": [False] * len(records)}}})
    plan = {"format_version": "1.2", "terraform_version": "1.9.5",
            "planned_values": {"root_module": {"resources": resources}},
            "resource_changes": changes}
    json.dump(plan, sys.stdout, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
