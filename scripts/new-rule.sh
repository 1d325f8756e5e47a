#!/usr/bin/env bash
# Adds a rule the way every rule is added: the rule's file with its metadata and an empty
# check, its entry in the registry's sorted list, its docs page, a bad and a good fixture, and
# its row in the README's rule table. Then write the check, the page and the fixtures, and run
# scripts/test.sh.
# Usage: scripts/new-rule.sh RULE-ID error|warning|note "one-line summary" ["RFC reference"]
set -euo pipefail
if [ $# -lt 3 ]; then
  echo "usage: $0 RULE-ID error|warning|note \"summary\" [\"RFC reference\"]" >&2
  exit 2
fi
id=$1 severity=$2 summary=$3 rfc=${4:-"RFC 1035"}
cd "$(dirname "$0")/.."
if ! [[ "$id" =~ ^[a-z][a-z0-9]*(-[a-z0-9]+)*$ ]]; then
  echo "$0: '$id' is not a kebab-case rule id" >&2
  exit 2
fi
case "$severity" in error | warning | note) ;; *)
  echo "$0: the severity is error, warning or note, not '$severity'" >&2
  exit 2
  ;;
esac
symbol=${id//-/_}
if [ -e "rules/$symbol.cpp" ] || [ -e "docs/rules/$id.md" ] || [ -e "tests/rules/$id" ]; then
  echo "$0: the rule '$id' exists already" >&2
  exit 2
fi
Severity=${severity}

cat >"rules/$symbol.cpp" <<CPP
// $id: $summary.
// TODO: say why it matters, and cite the RFC section the check follows.
#include <fmt/format.h>

#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  (void)model;
  (void)reporter;
}

}  // namespace

Rule ${symbol}_rule() {
  return {"$id", "$summary", Severity::$Severity, "$rfc", {}, check};
}

}  // namespace dnslint
CPP

# The registry: one declaration and one entry, each in sorted order.
python3 - "$id" "$symbol" <<'PY'
import re, sys
rule_id, symbol = sys.argv[1], sys.argv[2]
path = "rules/registry.cpp"
text = open(path).read()
key = lambda name: name.replace("_", "-")
declarations = re.findall(r"^Rule (\w+)_rule\(\);$", text, re.M) + [symbol]
declarations.sort(key=key)
text = re.sub(r"(^Rule \w+_rule\(\);\n)+", "".join(f"Rule {d}_rule();\n" for d in declarations),
              text, count=1, flags=re.M)
text = re.sub(r"(^      \w+_rule\(\),\n)+", "".join(f"      {d}_rule(),\n" for d in declarations),
              text, count=1, flags=re.M)
open(path, "w").write(text)
PY

cat >"docs/rules/$id.md" <<MD
# $id

${summary^}.

Default severity: **$severity**.

## Why

TODO: what goes wrong for whom when this is in a zone, and what the RFC says.

## Bad

\`\`\`dns
TODO
\`\`\`

## Good

\`\`\`dns
TODO
\`\`\`

## Options

None.

## References

- $rfc
MD

mkdir -p "tests/rules/$id"
head='$ORIGIN example.com.
$TTL 3600
@       IN SOA  ns1.example.com. hostmaster.example.com. 1 7200 3600 1209600 300
@       IN NS   ns1
@       IN NS   ns2
ns1     IN A    192.0.2.1
ns2     IN A    198.51.100.1'
printf '%s\n; TODO: a record the rule reports, with ; expect: %s "what the message says"\n' "$head" "$id" \
  >"tests/rules/$id/bad-example.zone"
printf '%s\n; expect-none\n; TODO: the closest correct form, which the rule must not report\n' "$head" \
  >"tests/rules/$id/good-example.zone"

# The README's rule table, in sorted order.
python3 - "$id" "$severity" "$summary" "$rfc" <<'PY'
import sys
rule_id, severity, summary, rfc = sys.argv[1:5]
path = "README.md"
lines = open(path).read().split("\n")
rows = [i for i, line in enumerate(lines) if line.startswith("| [`")]
row = f"| [`{rule_id}`](docs/rules/{rule_id}.md) | {severity} | {summary} | {rfc} |"
id_of = lambda line: line.split("`")[1]
at = next((i for i in rows if id_of(lines[i]) > rule_id), rows[-1] + 1)
lines.insert(at, row)
open(path, "w").write("\n".join(lines))
PY

echo "added $id: rules/$symbol.cpp, docs/rules/$id.md, tests/rules/$id/, the registry and the README"
echo "next: write the check, the page and the fixtures (the TODOs), then scripts/test.sh"
