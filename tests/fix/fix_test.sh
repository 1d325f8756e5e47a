#!/usr/bin/env bash
# --fix and --diff: each fixture here becomes its .fixed twin, a second --fix changes nothing,
# --diff shows the same change without writing; and every bad-* fixture of every rule, fixed,
# reads with no new syntax-error and needs no second fix.
#   fix_test.sh DNSLINT
set -uo pipefail
DNSLINT=$(realpath "$1")
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
check() {
  local name=$1
  shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $name"; fi
}

for fixture in trailing-dot.zone null-mx.zone duplicate.zone octodns/example.com.yaml mx-priority/main.tf dmarc-case.zone; do
  mkdir -p "$work/one/$(dirname "$fixture")"
  cp "$fixture" "$work/one/$fixture"
  chmod 640 "$work/one/$fixture"
  (cd "$work/one" && "$DNSLINT" --diff --path-root . "$fixture" >"$work/diff" 2>/dev/null)
  check "$fixture: --diff exits 1 when there is something to fix" [ $? -eq 1 ]
  check "$fixture: --diff writes nothing" cmp -s "$fixture" "$work/one/$fixture"
  (cd "$work/one" && patch -s -p1 --dry-run <"$work/diff" >/dev/null)
  check "$fixture: the diff applies with patch -p1" [ $? -eq 0 ]
  (cd "$work/one" && "$DNSLINT" --fix --fail-on never --path-root . "$fixture" >/dev/null 2>"$work/err")
  check "$fixture: --fix gives the .fixed text" cmp -s "$work/one/$fixture" "$fixture.fixed"
  check "$fixture: --fix says what it did" grep -qE "^dnslint: fixed [1-9][0-9]* findings? in 1 file$" "$work/err"
  check "$fixture: the file keeps its mode" [ "$(stat -c %a "$work/one/$fixture")" = 640 ]
  (cd "$work/one" && "$DNSLINT" --diff --path-root . "$fixture" >"$work/diff2" 2>/dev/null)
  check "$fixture: a second run finds nothing to fix" [ $? -eq 0 ] && [ ! -s "$work/diff2" ]
  rm -rf "$work/one"
done

"$DNSLINT" --fix - <trailing-dot.zone >/dev/null 2>"$work/err"
check "--fix on standard input is a usage error" [ $? -eq 2 ]
"$DNSLINT" --fix --diff trailing-dot.zone >/dev/null 2>&1
check "--fix with --diff is a usage error" [ $? -eq 2 ]

# Every rule fixture, fixed as a whole folder (zones that name each other are fixed together).
for folder in ../rules/*/; do
  rule=$(basename "$folder")
  rm -rf "$work/all" && mkdir -p "$work/all" && cp -r "$folder" "$work/all/$rule"
  (cd "$work/all" && "$DNSLINT" -f json --fail-on never --allow-empty "$rule" >"$work/before.json" 2>/dev/null)
  (cd "$work/all" && "$DNSLINT" --fix --fail-on never --allow-empty -f json "$rule" >"$work/after.json" 2>/dev/null)
  (cd "$work/all" && "$DNSLINT" --diff --allow-empty "$rule" >"$work/again" 2>/dev/null)
  check "$rule: a second --fix changes nothing" [ ! -s "$work/again" ]
  syntax_before=$(grep -c '"rule": "syntax-error"' "$work/before.json")
  syntax_after=$(grep -c '"rule": "syntax-error"' "$work/after.json")
  check "$rule: the fixed files read as well as before ($syntax_before -> $syntax_after syntax errors)" \
    [ "$syntax_after" -le "$syntax_before" ]
done

echo "fix: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
