#!/usr/bin/env bash
# The README's first command: install what is missing, build in Release, lint examples/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
echo
echo "$ build/release/dnslint examples/"
status=0
build/release/dnslint examples/ || status=$?
# Exit status 1 means findings, which is what the examples are for.
[ "$status" -le 1 ]
