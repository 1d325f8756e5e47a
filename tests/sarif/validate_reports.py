#!/usr/bin/env python3
"""Every SARIF report dnslint writes must pass the shared SARIF 2.1.0 validator with GitHub code
scanning's and the VS Code viewer's checks, warnings included: the report of examples/ and the
report of every fixture under tests/rules/ (all rules on).

Usage: validate_reports.py DNSLINT SOURCE_DIR"""
import glob
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "parity"))
from peers import shared_dir, skip  # noqa: E402


def main():
    dnslint, source_dir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    shared = shared_dir(source_dir)
    if shared is None:
        skip("../shared is not beside the repository; the SARIF validator lives there")
    validator = os.path.join(shared, "sarif", "validate_sarif.py")
    inputs = [(source_dir, "examples")]
    for fixture in sorted(glob.glob(os.path.join(source_dir, "tests", "rules", "*", "*.zone"))):
        inputs.append((os.path.dirname(fixture), os.path.basename(fixture)))
    with tempfile.TemporaryDirectory() as out:
        reports = []
        for n, (folder, name) in enumerate(inputs):
            report = os.path.join(out, f"{n}-{name}.sarif")
            # Suppressed findings are kept (marked) so that their form is validated too.
            result = subprocess.run([dnslint, "--format", "sarif", "--sarif-suppressed", "--fail-on", "never",
                                     "-o", report, name],
                                    cwd=folder, capture_output=True, text=True)
            if result.returncode != 0:
                print(f"{folder}/{name}: dnslint failed: {result.stderr.strip()}")
                return 1
            reports.append(report)
        result = subprocess.run([sys.executable, validator, "--github", "--vscode", "--strict", *reports],
                                capture_output=True, text=True)
        invalid = [line for line in result.stderr.splitlines() if ": error:" in line]
        for line in invalid:
            print(line)
        if result.returncode == 2:
            print(result.stderr.strip())
            return 1
        failed = len({line.split(":")[0] for line in invalid})
        print(f"sarif reports: {len(reports) - failed} passed, {failed} failed")
        return 1 if failed or result.returncode != 0 else 0


if __name__ == "__main__":
    sys.exit(main())
