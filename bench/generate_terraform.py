#!/usr/bin/env python3
"""Writes a deterministic Terraform module of N DNS resources into DIRECTORY: files of 1000
resources each (Route 53 A, MX, CNAME and TXT records and Cloudflare MX records in turn), with
the variables, locals, references and templates real configurations use.

Usage: bench/generate_terraform.py [RESOURCES] DIRECTORY"""
import os
import sys

PER_FILE = 1000

HEADER = '''variable "domain" {
  default = "bench.example"
}

variable "mail_hosts" {
  type    = list(string)
  default = ["mx1", "mx2"]
}

locals {
  ttl       = 60 * 5
  mail_zone = "mail.${var.domain}"
}

resource "aws_route53_zone" "main" {
  name = var.domain
}

resource "cloudflare_zone" "mail" {
  zone = local.mail_zone
}
'''


def resource(i):
    kind = i % 5
    if kind == 0:
        return f'''
resource "aws_route53_record" "a{i}" {{
  zone_id = aws_route53_zone.main.zone_id
  name    = "host{i}"
  type    = "A"
  ttl     = local.ttl
  records = ["192.0.{i % 250}.{i % 200 + 1}"]
}}
'''
    if kind == 1:
        return f'''
resource "aws_route53_record" "mx{i}" {{
  zone_id = aws_route53_zone.main.zone_id
  name    = "mx-owner{i}"
  type    = "MX"
  ttl     = local.ttl
  records = [for index, host in var.mail_hosts : "${{(index + 1) * 10}} ${{host}}.${{var.domain}}"]
}}
'''
    if kind == 2:
        return f'''
resource "aws_route53_record" "cname{i}" {{
  zone_id = aws_route53_zone.main.zone_id
  name    = "alias{i}"
  type    = "CNAME"
  ttl     = 300
  records = ["host{i - 2}.${{var.domain}}"]
}}
'''
    if kind == 3:
        return f'''
resource "aws_route53_record" "txt{i}" {{
  zone_id = aws_route53_zone.main.zone_id
  name    = "txt{i}"
  type    = "TXT"
  ttl     = 300
  records = [
    "v=spf1 include:_spf{i}.example.net -all", # the sender's SPF
  ]
}}
'''
    return f'''
resource "cloudflare_record" "cf{i}" {{
  zone_id  = cloudflare_zone.mail.id
  name     = "list{i}"
  type     = "MX"
  content  = "mx{i % 7}.example.net"
  priority = {10 + i % 3 * 10}
}}
'''


def main():
    args = sys.argv[1:]
    count = int(args[0]) if len(args) == 2 else 50000
    directory = args[-1]
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, "main.tf"), "w") as out:
        out.write(HEADER)
    for start in range(0, count, PER_FILE):
        with open(os.path.join(directory, f"records{start // PER_FILE:03d}.tf"), "w") as out:
            for i in range(start, min(count, start + PER_FILE)):
                out.write(resource(i))
    return 0


if __name__ == "__main__":
    sys.exit(main())
