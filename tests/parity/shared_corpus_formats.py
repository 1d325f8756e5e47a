#!/usr/bin/env python3
"""Every Terraform, plan, state and YAML sample under ../shared/corpus reads without a crash and
without a syntax-error (unless it is invalid on purpose), and with exactly the errors and
warnings listed here for it, each explained: none at all for the others.

Usage: shared_corpus_formats.py DNSLINT SOURCE_DIR"""
import json
import os
import subprocess
import sys

from peers import shared_dir, skip

# Samples that are wrong on purpose, and why.
INVALID_ON_PURPOSE = {
    "aws-cloudformation__cfn-lint__test__fixtures__templates__bad__route53.yaml":
        "cfn-lint's fixture of invalid Route 53 records",
    "cloudflare__terraform-provider-cloudflare__internal__services__dns_record__testdata__"
    "record_datasource_config_mx.tf":
        "a Go test template: its %[1]s placeholders make a reference Terraform cannot parse",
    "bashaus__bashkim-com__infrastructure__modules__structure__domain__resource.record_mail.tf":
        "one file of a module, copied without the file that declares its variable domain_name: "
        "in the flat hcl/ folder, read as one module, the reference is undeclared, which "
        "Terraform refuses",
    "Tietokilta+infra":
        "files of several modules, copied without the files that declare their variables "
        "(subdomain, root_zone_name): read as one module, their references are undeclared, which "
        "Terraform refuses",
}
# The errors and warnings each sample shows, exactly: a finding of another rule, or on a sample
# not listed, is a false finding. Samples listed must also read into records.
EXPECTED = {
    # Written to show mistakes.
    "synthetic/mx_multi_provider.tf.json": {
        "mx-target-cname", "mx-duplicate-preference", "duplicate-record", "cname-target-missing",
        "mx-backup-same-host", "mx-missing-backup", "mx-target-no-address"},
    "synthetic/array_forms.tf.json": {
        "mx-target-cname", "mx-duplicate-preference", "duplicate-record", "cname-target-missing",
        "mx-backup-same-host", "mx-missing-backup", "mx-target-no-address"},
    "synthetic/plan_route53_mx.json": {"duplicate-record", "mx-missing-backup",
                                       "mx-target-no-address"},
    "tfplan/snyk__driftctl__pkg__iac__terraform__state__test__aws_route53_record_multiples__"
    "terraform.tfstate": set(),
    # octoDNS's own test zones: NS records given as addresses, data below a delegation, and a
    # DKIM key at a name without _domainkey.
    "octodns/octodns__octodns__tests__config__unit.tests.yaml": {"ns-target-address-literal",
                                                                  "occluded-data",
                                                                  "mail-record-misplaced"},
    "octodns/octodns__octodns__tests__config__split__unit.tests.tst__$unit.tests.yaml":
        {"ns-target-address-literal"},
    "octodns/octodns__octodns__tests__config__split__unit.tests.tst__mx.yaml": set(),
    "external-dns/kubernetes-sigs__external-dns__docs__snippets__tutorials__aws-localstack__"
    "dnsendpoint-multi.yml": set(),
    # Real zones: aliases to aliases, and 1024-bit DKIM keys (RFC 8301 asks for 2048).
    "cloudformation/PRX__Infrastructure__dns__prx.org-hosted_zone.yml": {"cname-chain",
                                                                          "dkim-weak-key"},
    "cloudformation/PRX__Infrastructure__dns__theworld.org-hosted-zone.yml": {"dkim-weak-key"},
    "cloudformation/PRX__Infrastructure__dns__earhustlesq.com-hosted_zone.yml": {"dkim-weak-key"},
    # cfn-lint's fixtures: the bad one on purpose; the good one creates one RRset twice, which
    # Route 53 refuses.
    "cloudformation/aws-cloudformation__cfn-lint__test__fixtures__templates__bad__route53.yaml":
        {"syntax-error", "mx-missing-backup", "mx-preference-out-of-range", "out-of-zone",
         "txt-string-too-long", "caa-invalid"},
    "cloudformation/aws-cloudformation__cfn-lint__test__fixtures__templates__good__resources__"
    "route53__recordset_name.yaml": {"duplicate-record"},
    # Native Terraform, each folder one module of a real repository.
    # A pif.gov name put in presidentialinnovationfellows.gov; 1024-bit DKIM keys.
    # fac.gov's DMARC record is published at dmarc.fac.gov., not _dmarc.fac.gov.
    "hcl/18F+dns": {"out-of-zone", "dkim-weak-key", "mail-record-misplaced"},
    "hcl/b0bcarlson+dns": {"dkim-weak-key"},
    # Google's hosts written with the zone appended (alt1.aspmx.l.google.com.gcdigital.ca.):
    # no longer Google's, so their equal preferences are reported.
    "hcl/cds-snc+dns": {"mx-duplicate-preference", "dkim-weak-key"},
    # The Cloudflare provider's Go test templates ("%[1]s" placeholders, which its tests fill in)
    # share the flat hcl/ folder, read as one module: their records have no name, and no owner
    # is made up for them. The syntax-error: a placeholder where Terraform wants a reference.
    "hcl/cloudflare__terraform-provider-cloudflare__internal__services__dns_record__testdata__"
    "record_datasource_config_mx.tf": {"syntax-error"},
}


def main():
    dnslint, source_dir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    shared = shared_dir(source_dir)
    if shared is None:
        skip("../shared is not beside the repository; this test reads its corpus")
    corpus = os.path.join(shared, "corpus")
    problems = []
    checked = 0
    for folder in sorted(os.listdir(corpus)):
        directory = os.path.join(corpus, folder)
        if folder == "bind" or not os.path.isdir(directory):
            continue  # zone files: shared_corpus_reads.py, against named-checkzone
        for name in sorted(os.listdir(directory)):
            path = os.path.join(directory, name)
            relative = f"{folder}/{name}"
            try:
                run = subprocess.run([dnslint, "--format", "json", "--fail-on", "never", "--allow-empty", path],
                                     capture_output=True, text=True, timeout=60)
            except subprocess.TimeoutExpired:
                problems.append(f"{relative}: no result within 60 s")
                continue
            checked += 1
            if run.returncode != 0:
                problems.append(f"{relative}: exit {run.returncode}: {run.stderr.strip()}")
                continue
            report = json.loads(run.stdout)
            rules = {f["rule"] for f in report["findings"]}
            if "syntax-error" in rules and name not in INVALID_ON_PURPOSE:
                first = next(f for f in report["findings"] if f["rule"] == "syntax-error")
                problems.append(f"{relative}:{first['line']}:{first['column']}: {first['message']}")
            if name in INVALID_ON_PURPOSE and "syntax-error" not in rules:
                problems.append(f"{relative}: {INVALID_ON_PURPOSE[name]}, but nothing was reported")
            serious = {f["rule"] for f in report["findings"] if f["severity"] != "note"}
            expected = EXPECTED.get(relative, set())
            if relative in EXPECTED and report["summary"]["records"] == 0:
                problems.append(f"{relative}: read no records")
            if serious - expected - {"syntax-error"}:
                first = next(f for f in report["findings"] if f["rule"] in serious - expected)
                problems.append(f"{relative}:{first['line']}:{first['column']}: unexpected "
                                f"{first['rule']}: {first['message']}")
            if expected - serious:
                problems.append(f"{relative}: expected {', '.join(sorted(expected - serious))}")
    for problem in problems:
        print(problem)
    print(f"shared corpus formats: {checked} files read, {len(problems)} problem(s)")
    return 1 if problems or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
