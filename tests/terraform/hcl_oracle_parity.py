#!/usr/bin/env python3
"""dnslint's HCL reader against HashiCorp's own parser (hclsyntax, as Debian packages it): on
every HCL file of the repository's tests and fuzz seeds, of ../shared/corpus and of HashiCorp's
spec suite, both must agree whether the file is valid and, where it is, on its blocks (types,
labels, lines and byte offsets), its attributes (names, the byte offsets of name and value) and
every value that needs no variables or functions.

Usage: hcl_oracle_parity.py HCL_DUMP SOURCE_DIR BUILD_DIR
Exit 77 (skipped) without Go and golang-github-hashicorp-hcl-v2-dev."""
import glob
import json
import math
import os
import shutil
import subprocess
import sys

GOPATH = "/usr/share/gocode"
HCL_PACKAGE = os.path.join(GOPATH, "src/github.com/hashicorp/hcl/v2/hclsyntax")
SPEC_SUITE = os.path.join(GOPATH, "src/github.com/hashicorp/hcl/v2/specsuite/tests")
# Differences known and accepted, by file name and attribute, with the reason.
ACCEPTED = {
    ("primitive_literals.hcl", "string_unicode_nonnorm"):
        "hclsyntax normalises string literals to Unicode NFC; dnslint keeps the text as written "
        "(DNS data is compared byte for byte, and no DNS name or record is written decomposed)",
}


def skip(why):
    print(f"SKIP: {why}")
    sys.exit(77)


def build_oracle(source_dir, build_dir):
    if shutil.which("go") is None or not os.path.isdir(HCL_PACKAGE):
        skip("HashiCorp's parser is not installed (golang-go and golang-github-hashicorp-hcl-v2-dev;"
             " scripts/install-deps.sh --test installs them)")
    oracle = os.path.join(build_dir, "hcl-oracle")
    env = dict(os.environ, GOPATH=GOPATH, GO111MODULE="off", GOFLAGS="", GOPROXY="off",
               GOCACHE=os.path.join(build_dir, "go-cache"))
    subprocess.run(["go", "build", "-o", oracle, "."], env=env, check=True,
                   cwd=os.path.join(source_dir, "tests/terraform/oracle"))
    return oracle


def hcl_files(source_dir):
    patterns = [os.path.join(source_dir, "tests/**/*.tf"), os.path.join(source_dir, "tests/**/*.tfvars"),
                os.path.join(source_dir, "fuzz/corpus/terraform_hcl/*"), os.path.join(source_dir, "examples/**/*.tf")]
    shared = os.path.join(os.path.dirname(os.path.abspath(source_dir)), "shared", "corpus")
    if os.path.isdir(shared):
        patterns += [os.path.join(shared, "**/*.tf"), os.path.join(shared, "**/*.tfvars")]
    else:
        print("note: ../shared is not beside the repository; its corpus is not compared")
    if os.path.isdir(SPEC_SUITE):
        patterns += [os.path.join(SPEC_SUITE, "**/*.hcl"), os.path.join(SPEC_SUITE, "**/*.hcldec"),
                     os.path.join(SPEC_SUITE, "**/*.t")]
    files = set()
    for pattern in patterns:
        files.update(path for path in glob.glob(pattern, recursive=True) if os.path.isfile(path))
    return sorted(files)


def read(tool_command, files):
    results = {}
    for start in range(0, len(files), 200):
        run = subprocess.run(tool_command + files[start:start + 200], capture_output=True, text=True,
                             check=True)
        for line in run.stdout.splitlines():
            entry = json.loads(line)
            results[entry["path"]] = entry
    return results


def same_value(a, b):
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool) \
            and not isinstance(b, bool):
        return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-300)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_value(a[k], b[k]) for k in a)
    return a == b


def compare_bodies(ours, theirs, where, problems):
    our_attributes = sorted(ours["attributes"], key=lambda a: a["name"])
    their_attributes = sorted(theirs["attributes"], key=lambda a: a["name"])
    if [a["name"] for a in our_attributes] != [a["name"] for a in their_attributes]:
        problems.append(f"{where}: attributes {[a['name'] for a in our_attributes]} "
                        f"!= {[a['name'] for a in their_attributes]}")
        return
    for a, b in zip(our_attributes, their_attributes):
        for field in ("name_line", "name_byte", "value_byte", "value_end"):
            if a[field] != b[field]:
                problems.append(f"{where}: attribute {a['name']}: {field} {a[field]} != {b[field]}")
        if not same_value(a["value"], b["value"]) and \
                (os.path.basename(where.split(" > ")[0]), a["name"]) not in ACCEPTED:
            problems.append(f"{where}: attribute {a['name']}: value {a['value']!r} != {b['value']!r}")
    if len(ours["blocks"]) != len(theirs["blocks"]):
        problems.append(f"{where}: {len(ours['blocks'])} blocks != {len(theirs['blocks'])}")
        return
    for a, b in zip(ours["blocks"], theirs["blocks"]):
        for field in ("type", "labels", "type_line", "type_byte"):
            if a[field] != b[field]:
                problems.append(f"{where}: block {a['type']}: {field} {a[field]!r} != {b[field]!r}")
        compare_bodies(a["body"], b["body"], f"{where} > {a['type']} {' '.join(a['labels'])}",
                       problems)


def main():
    dump, source_dir, build_dir = (os.path.abspath(arg) for arg in sys.argv[1:4])
    oracle = build_oracle(source_dir, build_dir)
    files = hcl_files(source_dir)
    ours = read([dump], files)
    theirs = read([oracle], files)
    problems = []
    valid = 0
    for path in files:
        a, b = ours[path], theirs[path]
        shown = os.path.relpath(path, source_dir)
        if (a["errors"] == 0) != (b["errors"] == 0):
            problems.append(f"{shown}: dnslint finds {a['errors']} error(s), hclsyntax {b['errors']}")
            continue
        if a["errors"] == 0:
            valid += 1
            compare_bodies(a["body"], b["body"], shown, problems)
    for problem in problems:
        print(problem)
    print(f"hcl oracle parity: {len(files)} files ({valid} valid), {len(problems)} difference(s)")
    return 1 if problems or not files else 0


if __name__ == "__main__":
    sys.exit(main())
