#!/usr/bin/env python3
"""Every Terraform, plan, state and YAML sample under ../shared/corpus reads without a crash and
without a syntax-error (unless it is invalid on purpose), the DNS ones into records, and the
samples written to show a mistake show it.

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
}
# Samples that must read into records, with findings they must show.
EXPECTED = {
    "synthetic/mx_multi_provider.tf.json": {"mx-target-cname", "mx-duplicate-preference",
                                            "duplicate-record"},
    "synthetic/plan_route53_mx.json": {"duplicate-record"},
    "synthetic/array_forms.tf.json": set(),
    "tfplan/snyk__driftctl__pkg__iac__terraform__state__test__aws_route53_record_multiples__"
    "terraform.tfstate": set(),
    "octodns/octodns__octodns__tests__config__unit.tests.yaml": set(),
    "octodns/octodns__octodns__tests__config__split__unit.tests.tst__mx.yaml": set(),
    "external-dns/kubernetes-sigs__external-dns__docs__snippets__tutorials__aws-localstack__"
    "dnsendpoint-multi.yml": set(),
    "cloudformation/PRX__Infrastructure__dns__prx.org-hosted_zone.yml": {"mx-missing-backup"},
    "cloudformation/PRX__Infrastructure__dns__theworld.org-hosted-zone.yml":
        {"mx-duplicate-preference"},
    # Native Terraform, each folder one module of a real repository.
    "hcl/18F+dns": {"out-of-zone"},  # a pif.gov name put in presidentialinnovationfellows.gov
    "hcl/b0bcarlson+dns": set(),
    "hcl/cds-snc+dns": set(),
    "hcl/Tietokilta+infra": set(),
    "hcl/alangley345__email-service__mx_record_aaronlangley.net.tf": {"mx-missing-backup"},
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
                run = subprocess.run([dnslint, "--format", "json", "--fail-on", "never", path],
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
            if relative in EXPECTED:
                if report["summary"]["records"] == 0:
                    problems.append(f"{relative}: read no records")
                missing = EXPECTED[relative] - rules
                if missing:
                    problems.append(f"{relative}: expected {', '.join(sorted(missing))}")
    for problem in problems:
        print(problem)
    print(f"shared corpus formats: {checked} files read, {len(problems)} problem(s)")
    return 1 if problems or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
