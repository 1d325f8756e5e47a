#!/usr/bin/env bash
# scripts/new-rule.sh in a scratch copy of the sources: the new rule compiles, and the registry,
# the docs page, the fixtures and the README's table all have it, in sorted order.
# Usage: new_rule_test.sh SOURCE_DIR
set -u
source_dir=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
check() {  # check NAME CONDITION...
  local name=$1
  shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $name"; fi
}
copy=$work/src
mkdir -p "$copy/docs" "$copy/tests"
cp -r "$source_dir/scripts" "$source_dir/rules" "$source_dir/model" "$copy/"
cp -r "$source_dir/docs/rules" "$copy/docs/"
cp -r "$source_dir/tests/rules" "$copy/tests/"
cp "$source_dir/README.md" "$copy/"

"$copy/scripts/new-rule.sh" mx-example-check warning "an example check" "RFC 5321 §5.1" >"$work/out" 2>&1
check "new-rule.sh succeeds" [ $? -eq 0 ]
check "the rule file" grep -q 'return {"mx-example-check", "an example check", Severity::warning, "RFC 5321 §5.1", {}, check};' "$copy/rules/mx_example_check.cpp"
check "the rule compiles with the registry" c++ -std=c++20 -fsyntax-only -I"$copy" -I/usr/include \
  "$copy/rules/mx_example_check.cpp" "$copy/rules/registry.cpp"
check "the registry declares and lists it, sorted" python3 - "$copy/rules/registry.cpp" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
declared = re.findall(r"^Rule (\w+)_rule\(\);$", text, re.M)
listed = re.findall(r"^      (\w+)_rule\(\),$", text, re.M)
assert "mx_example_check" in declared and declared == listed, (declared, listed)
ids = [d.replace("_", "-") for d in declared]
assert ids == sorted(ids), ids
PY
check "the docs page states the severity" grep -q '^Default severity: \*\*warning\*\*\.$' "$copy/docs/rules/mx-example-check.md"
check "a bad and a good fixture" bash -c "[ -f '$copy/tests/rules/mx-example-check/bad-example.zone' ] && [ -f '$copy/tests/rules/mx-example-check/good-example.zone' ]"
check "the README table has the row, sorted by id" python3 - "$copy/README.md" <<'PY'
import sys
rows = [line for line in open(sys.argv[1]) if line.startswith("| [`")]
ids = [row.split("`")[1] for row in rows]
assert "mx-example-check" in ids and ids == sorted(ids), ids
PY
"$copy/scripts/new-rule.sh" mx-example-check warning "again" >/dev/null 2>&1
check "an existing rule is refused" [ $? -eq 2 ]
"$copy/scripts/new-rule.sh" Not_Kebab warning "x" >/dev/null 2>&1
check "a rule id that is not kebab-case is refused" [ $? -eq 2 ]
"$copy/scripts/new-rule.sh" fine-id severe "x" >/dev/null 2>&1
check "an unknown severity is refused" [ $? -eq 2 ]

echo "new-rule: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
