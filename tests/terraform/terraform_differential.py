#!/usr/bin/env python3
"""Terraform itself as the oracle for evaluation: each AWS fixture below is planned by
`terraform plan` (with the AWS provider from a filesystem mirror, credentials mocked, nothing
refreshed), and what dnslint reads of the plan (`terraform show -json`) must be what it reads
of the HCL it evaluated itself: the same records (`dnslint records`: owner, type, TTL, data),
and the same findings (rule, zone, owner and type, as many times). What for_each, locals,
functions and modules give is then what Terraform gives.

Usage: terraform_differential.py DNSLINT SOURCE_DIR
Exit 77 (skipped) without a `terraform` binary (HashiCorp does not publish it to Debian) or
without the AWS provider reachable offline: the CLI configuration's own
`provider_installation` (TF_CLI_CONFIG_FILE, ~/.terraformrc), else the first filesystem mirror
found where Terraform and its users keep them (TF_PLUGIN_MIRROR, ~/.terraform.d/plugins,
$XDG_DATA_HOME/terraform/plugins, /usr/local/share/terraform/plugins,
/usr/share/terraform/plugins, /opt/tf-plugins), which the test then names in a CLI
configuration of its own."""
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile

# Fixtures whose values Terraform can plan with no AWS account: no data sources, nothing
# known only after apply.
FIXTURES = [
    "providers/aws",
    "language/variables-and-tfvars",
    "language/count",
    "language/for-each-map",
    "language/functions",
    "language/expressions",
    "language/templates",
    "language/local-module",
    "language/module-for-each",
    "language/functions-encoding",
    "assembly/public-and-private-zones",
]

PROVIDER = '''
terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}
provider "aws" {
  region                      = "us-east-1"
  access_key                  = "mock"
  secret_key                  = "mock"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
}
'''


def skip(why):
    print(f"SKIP: {why}")
    sys.exit(77)


def findings(dnslint, path):
    run = subprocess.run([dnslint, "--format", "json", "--fail-on", "never",
                          "--disable", "unresolved-value", path],
                         capture_output=True, text=True, check=True)
    report = json.loads(run.stdout)
    return collections.Counter((f["rule"], f.get("zone"), f.get("owner"), f.get("type"))
                               for f in report["findings"])


# Where provider mirrors are kept: Terraform's implied local mirror directories
# (https://developer.hashicorp.com/terraform/cli/config/config-file#implied-local-mirror-directories)
# and the folder build machines put one in.
MIRROR_CANDIDATES = [
    os.environ.get("TF_PLUGIN_MIRROR", ""),
    os.path.expanduser("~/.terraform.d/plugins"),
    os.path.join(os.environ.get("XDG_DATA_HOME", os.path.expanduser("~/.local/share")),
                 "terraform/plugins"),
    "/usr/local/share/terraform/plugins",
    "/usr/share/terraform/plugins",
    "/opt/tf-plugins",
]

ENVIRONMENT = dict(os.environ)


def configure_mirror(work):
    """Points Terraform at a mirror holding the AWS provider when the CLI configuration names
    none; returns where the provider comes from, for the log."""
    configured = ENVIRONMENT.get("TF_CLI_CONFIG_FILE", os.path.expanduser("~/.terraformrc"))
    if os.path.isfile(configured):
        with open(configured, encoding="utf-8") as config:
            if "provider_installation" in config.read():
                return configured
    for mirror in MIRROR_CANDIDATES:
        if mirror and os.path.isdir(os.path.join(mirror, "registry.terraform.io", "hashicorp", "aws")):
            config = os.path.join(work, "terraformrc")
            with open(config, "w", encoding="utf-8") as out:
                out.write('provider_installation {\n'
                          f'  filesystem_mirror {{\n    path = "{mirror}"\n'
                          '    include = ["registry.terraform.io/*/*"]\n  }\n'
                          '  direct {\n    exclude = ["registry.terraform.io/*/*"]\n  }\n}\n')
            ENVIRONMENT["TF_CLI_CONFIG_FILE"] = config
            return mirror
    return None


def records(dnslint, path):
    """The records `dnslint records` shows of a module or plan: (owner, type, TTL, data)."""
    run = subprocess.run([dnslint, "records", "--format", "json", path],
                         capture_output=True, text=True, check=True)
    return collections.Counter((r["owner"], r["type"], r.get("ttl"), r.get("data"))
                               for zone in json.loads(run.stdout)["zones"]
                               for r in zone["records"])


def terraform(args, cwd):
    return subprocess.run(["terraform", *args], cwd=cwd, capture_output=True, text=True,
                          env={**ENVIRONMENT, "TF_IN_AUTOMATION": "1", "NO_COLOR": "1",
                               "CHECKPOINT_DISABLE": "1"})


def main():
    dnslint, source_dir = (os.path.abspath(arg) for arg in sys.argv[1:3])
    if shutil.which("terraform") is None:
        skip("terraform is not installed (HashiCorp does not publish it to Debian)")
    problems = []
    scratch = tempfile.mkdtemp()
    source = configure_mirror(scratch)
    if source is None:
        skip("no provider mirror with the AWS provider (see this script's docstring)")
    print(f"terraform differential: providers from {source}")
    for fixture in FIXTURES:
        with tempfile.TemporaryDirectory() as work:
            module = os.path.join(work, "module")
            shutil.copytree(os.path.join(source_dir, "tests/terraform", fixture), module)
            with open(os.path.join(module, "zz_provider.tf"), "w") as out:
                out.write(PROVIDER)
            init = terraform(["init", "-backend=false", "-input=false"], module)
            if init.returncode != 0:
                skip("the AWS provider is not reachable offline (configure a filesystem_mirror in "
                     "TF_CLI_CONFIG_FILE): " + init.stderr.strip().splitlines()[-1])
            plan = terraform(["plan", "-refresh=false", "-input=false", "-no-color", "-out=plan.out"],
                             module)
            if plan.returncode != 0:
                problems.append(f"{fixture}: terraform plan failed: {plan.stderr.strip()[-300:]}")
                continue
            show = terraform(["show", "-json", "plan.out"], module)
            plan_json = os.path.join(work, "plan.json")
            with open(plan_json, "w") as out:
                out.write(show.stdout)
            os.remove(os.path.join(module, "zz_provider.tf"))
            ours, theirs = findings(dnslint, module), findings(dnslint, plan_json)
            if ours != theirs:
                problems.append(f"{fixture}: from the HCL {sorted(ours.elements())}, "
                                f"from Terraform's plan {sorted(theirs.elements())}")
            # The records themselves: what dnslint evaluated is what Terraform will publish.
            ours, theirs = records(dnslint, module), records(dnslint, plan_json)
            if ours != theirs:
                problems.append(f"{fixture}: records only in the HCL's evaluation "
                                f"{sorted((ours - theirs).elements(), key=str)}, only in "
                                f"Terraform's plan {sorted((theirs - ours).elements(), key=str)}")
    shutil.rmtree(scratch, ignore_errors=True)
    for problem in problems:
        print(problem)
    print(f"terraform differential: {len(FIXTURES)} fixtures, {len(problems)} difference(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
