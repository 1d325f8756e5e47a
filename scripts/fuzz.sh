#!/bin/bash
# Builds the libFuzzer targets (CMake preset "fuzz": clang with ASan+UBSan) and runs each of
# them for SECONDS (default 600), as many at a time as there are cores. Seeds: fuzz/corpus/<target>,
# the test fixtures, examples/ and, when present, ../shared/corpus. New coverage goes to
# build/fuzz-corpus/<target>; inputs that crash, leak or time out go to fuzz/findings/ (add each
# one to fuzz/corpus/<target> with the fix, so that it replays as a test from then on).
#   scripts/fuzz.sh [SECONDS] [TARGET...]    targets: zone_reader terraform_hcl terraform_json terraform_plan yaml config lsp
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(zone_reader terraform_hcl terraform_json terraform_plan yaml config lsp)

scripts/install-deps.sh
need=()
command -v clang++-14 >/dev/null || need+=(clang-14)
dpkg -s libclang-rt-14-dev >/dev/null 2>&1 || need+=(libclang-rt-14-dev)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y "${need[@]}"; else sudo apt-get install -y "${need[@]}"; fi
fi
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

seeds=(tests/rules tests/corpus examples)
[ -d ../shared/corpus ] && seeds+=(../shared/corpus)
mkdir -p fuzz/findings
# Records keep their rdata pointers at 4-byte offsets (model/record.hpp): scan for pointers at
# any alignment, or memory they alone hold would look leaked.
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:use_unaligned=1"
# libldns is built without frame pointers: unwind slowly so that leak suppressions see it.
export ASAN_OPTIONS="detect_leaks=1:fast_unwind_on_malloc=0"
status=0
run() {
  local target=$1
  mkdir -p "build/fuzz-corpus/$target" "fuzz/corpus/$target"
  # Seeds may be large (a 700 KB zone); new inputs stay small, where most bugs are found fast.
  if build/fuzz/"fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=16384 \
      -print_final_stats=1 -artifact_prefix="fuzz/findings/$target-" \
      "build/fuzz-corpus/$target" "fuzz/corpus/$target" "${seeds[@]}" \
      >"build/fuzz-$target.log" 2>&1; then
    echo "$target: $(grep -E '^stat::number_of_executed_units' "build/fuzz-$target.log" |
      awk '{print $2}') runs in ${seconds} s, no crash, leak or timeout"
  else
    echo "$target: FAILED, see build/fuzz-$target.log and fuzz/findings/"
    return 1
  fi
}
# In batches of one target per core.
jobs=$(nproc)
for ((first = 0; first < ${#targets[@]}; first += jobs)); do
  pids=()
  for target in "${targets[@]:first:jobs}"; do
    run "$target" &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || status=1; done
done
exit "$status"
