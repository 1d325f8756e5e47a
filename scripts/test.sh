#!/usr/bin/env bash
# The README's second command: install what is missing, build, and run every test with ctest.
#   scripts/test.sh              the dev preset (Debug, warnings are errors)
#   scripts/test.sh asan-ubsan   the same suite under AddressSanitizer and UBSan
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-dev}
scripts/install-deps.sh --test
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
ctest --preset "$preset"
