#!/usr/bin/env bash
# Command-line tests: exit statuses, standard input, every output format, configuration.
# Usage: cli_test.sh PATH-TO-DNSLINT   (run from tests/cli)
set -u
DNSLINT=$1
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $1"; }

# run NAME EXPECTED-STATUS ARGS...: runs dnslint, keeps stdout/stderr in $out/$err.
run() {
  local name=$1 expected=$2
  shift 2
  "$DNSLINT" "$@" >"$work/out" 2>"$work/err"
  status=$?
  out=$(cat "$work/out")
  err=$(cat "$work/err")
  if [ "$status" -eq "$expected" ]; then pass; else fail "$name: exit $status, expected $expected (stderr: $err)"; fi
}

check() {  # check NAME CONDITION...
  local name=$1
  shift
  if "$@"; then pass; else fail "$name"; fi
}

contains() { [[ "$1" == *"$2"* ]]; }

# Reports show paths relative to the top of the work tree holding the current directory: this
# folder's prefix there ("tests/cli/"), or nothing outside a work tree.
here=""
dir=$PWD
while [ "$dir" != / ]; do
  if [ -e "$dir/.git" ]; then
    [ "$dir" != "$PWD" ] && here="${PWD#"$dir"/}/"
    break
  fi
  dir=$(dirname "$dir")
done

# --- version, help, usage errors
run version 0 --version
check "version text" contains "$out" "dnslint 0.1.0"
run help 0 --help
check "help lists --fail-on" contains "$out" "--fail-on"
run "unknown option" 2 --bogus
check "unknown option: one line" [ "$(echo "$err" | wc -l)" -eq 1 ]
check "unknown option named" contains "$err" "'--bogus'"
run "bad format" 2 --format yaml data/example.com.zone
run "missing path" 2 data/does-not-exist.zone
check "missing path named" contains "$err" "does-not-exist.zone"
run "unknown rule in --enable" 2 --enable no-such-rule data/example.com.zone
check "unknown --enable named" contains "$err" "no-such-rule"
cp data/example.com.zone "$work/input.zone"
run "report over an input refused" 2 -f json -o "$work/input.zone" "$work/input.zone"
check "the input is untouched" cmp -s data/example.com.zone "$work/input.zone"
run "unknown input format" 2 --input-format hcl data/example.com.zone
run "zone file forced to be JSON" 1 --input-format tf-json data/example.com.zone
check "forced JSON fails where the zone file starts" contains "$out" "example.com.zone:1:1: error: invalid JSON"
mkdir -p "$work/tf"
echo '{}' >"$work/tf/main.tf.json"
run "empty Terraform module" 0 "$work/tf/main.tf.json"
printf '{"resource": {"aws_route53_record": {"mx": {\n  "name": "x",\n  "type": MX}}}}\n' >"$work/tf/bad.tf.json"
run "invalid Terraform JSON" 1 "$work/tf/bad.tf.json"
check "invalid JSON at its position" contains "$out" "bad.tf.json:3:11: error: invalid JSON"
# A Terraform module: naming one file reads its siblings for context, reports on the named one.
mkdir -p "$work/module"
printf '{"variable": {"domain": {"default": "example.com"}},\n "resource": {"aws_route53_zone": {"main": {"name": "${var.domain}"}}}}\n' >"$work/module/zones.tf.json"
printf '{"resource": {"aws_route53_record": {\n  "mx": {"zone_id": "${aws_route53_zone.main.zone_id}", "name": "", "type": "MX", "ttl": 300,\n         "records": ["10 mail.example.com"]},\n  "mail": {"zone_id": "${aws_route53_zone.main.zone_id}", "name": "mail", "type": "CNAME", "ttl": 300,\n           "records": ["host.example.net"]}}}}\n' >"$work/module/mail.tf.json"
printf '{"resource": {"aws_route53_record": {"single": {"zone_id": "${aws_route53_zone.main.zone_id}",\n  "name": "other", "type": "MX", "ttl": 300, "records": ["10 mx.example.net"]}}}}\n' >"$work/module/other.tf.json"
run "one file of a module" 1 --disable mx-missing-backup "$work/module/mail.tf.json"
check "the sibling's zone and variable resolve" contains "$out" "mail.tf.json:3:22: error: MX exchange mail.example.com. is an alias"
check "siblings are not reported" bash -c "! grep -q other.tf.json <<<'$out'"
run "a forced format walks its own file names" 0 --input-format tf-json --disable mx-target-cname,mx-missing-backup,cname-target-missing "$work/module"
# Native Terraform: a module of .tf files, variables from --var and --var-file, standard input.
mkdir -p "$work/hcl"
printf 'variable "domain" {}\nvariable "mail" {\n  type = list(string)\n  default = ["10 mx1.example.net"]\n}\nresource "aws_route53_zone" "main" {\n  name = var.domain\n}\nresource "aws_route53_record" "mx" {\n  zone_id = aws_route53_zone.main.zone_id\n  name    = ""\n  type    = "MX"\n  ttl     = 300\n  records = var.mail\n}\n' >"$work/hcl/main.tf"
run "a .tf module" 0 "$work/hcl"
check "an unset variable is a note" contains "$out" "main.tf:10:13: note: zone of aws_route53_record.mx is not known statically (variable \"domain\" has no default and no value"
run "--var sets a root variable" 1 --var domain=example.com "$work/hcl"
check "--var: the record is read" contains "$out" "main.tf:14:13: warning: example.com. has a single mail exchange"
check "--var: the value's origin is related" bash -c "$DNSLINT -f json --var domain=example.com '$work/hcl' | grep -q 'the value is set here'"
printf 'mail = ["10 mx1.example.net", "20 mx2.example.net"]\n' >"$work/mail.tfvars"
run "--var-file sets variables" 0 --var domain=example.com --var-file "$work/mail.tfvars" "$work/hcl"
run "--var without =" 2 --var domain "$work/hcl"
check "--var without = says so" contains "$err" "--var takes NAME=VALUE"
run "--var-file missing" 2 --var-file "$work/absent.tfvars" "$work/hcl"
run "--var-file not tfvars" 2 --var-file data/example.com.zone "$work/hcl"
run "--var with a list value" 0 --var domain=example.com --var 'mail=["10 a.example.net", "20 b.example.net"]' "$work/hcl"
run "Terraform from standard input" 0 --stdin-filename main.tf - <"$work/hcl/main.tf"
check "stdin Terraform named" contains "$out" "main.tf:10:13: note: zone of aws_route53_record.mx"
run "Terraform JSON from standard input" 1 --stdin-filename mx.tf.json - <data/../../rules/mx-priority-in-value/bad-cloudflare-v4/main.tf.json
check "stdin read as its name says" contains "$out" "mx.tf.json:10:19: error: MX value '10 mail.example.com'"
printf 'resource "aws_route53_record" "x" {\n  name = "a", type = "A"\n}\n' >"$work/hcl-bad.tf"
run "malformed HCL" 1 "$work/hcl-bad.tf"
check "HCL syntax error at its position" contains "$out" "hcl-bad.tf:2:13: error: Unexpected comma after argument"
printf 'jobs:\n  build:\n    runs-on: debian\n' >"$work/workflow.yaml"
run "YAML without DNS data: nothing read is exit 2" 2 "$work/workflow.yaml"
check "YAML without DNS data is skipped aloud" contains "$err" "skipped"
check "a run that reads nothing says so" contains "$err" "no input file was read"
run "--allow-empty: nothing read is no failure" 0 --allow-empty "$work/workflow.yaml"
mkdir -p "$work/empty-dir"
run "a folder without DNS files is exit 2" 2 "$work/empty-dir"
run "... or 0 with --allow-empty" 0 --allow-empty "$work/empty-dir"
# --force-exclude: the configuration's excludes apply to named files too (as pre-commit names them)
mkdir -p "$work/fx/generated"
cp data/broken.example.com.zone "$work/fx/generated/broken.example.com.zone"
cp data/example.com.zone "$work/fx/example.com.zone"
printf 'exclude: ["generated/**"]\n' >"$work/fx/.dnslint.yaml"
(cd "$work/fx" && "$DNSLINT" generated/broken.example.com.zone >/dev/null 2>&1; echo "$?" >"$work/status")
check "without --force-exclude a named file is read" [ "$(cat "$work/status")" = 1 ]
(cd "$work/fx" && "$DNSLINT" --force-exclude generated/broken.example.com.zone example.com.zone >"$work/out" 2>"$work/err"; echo "$?" >"$work/status")
check "--force-exclude leaves the excluded named file out" [ "$(cat "$work/status")" = 0 ]
check "--force-exclude reads the others" contains "$(cat "$work/err")" "in 1 file"
(cd "$work/fx" && "$DNSLINT" --force-exclude generated/broken.example.com.zone >/dev/null 2>&1; echo "$?" >"$work/status")
check "--force-exclude of every named file is an empty run" [ "$(cat "$work/status")" = 2 ]
(cd "$work/fx" && "$DNSLINT" --force-exclude --allow-empty generated/broken.example.com.zone >/dev/null 2>&1; echo "$?" >"$work/status")
check "... which --allow-empty accepts" [ "$(cat "$work/status")" = 0 ]
(cd "$work/fx" && "$DNSLINT" . >/dev/null 2>&1; echo "$?" >"$work/status")
check "a walk skips excluded files" [ "$(cat "$work/status")" = 0 ]

# --- exit statuses
run "clean zone" 0 data/example.com.zone
check "clean zone prints nothing" [ -z "$out" ]
check "clean summary" contains "$err" "no findings in 1 file (1 zone, 8 records)"
run "errors" 1 data/broken.example.com.zone
check "text format" grep -Eq "^${here}"'data/broken\.example\.com\.zone:[0-9]+:[0-9]+: (error|warning|note): .+ \[[a-z-]+\]$' "$work/out"
check "cname finding" contains "$out" "data/broken.example.com.zone:5:1: error: MX exchange mail.example.com. is an alias"
check "syntax finding" contains "$out" "data/broken.example.com.zone:8:17: error: bad IPv4 address '192.0.2.300' [syntax-error]"
run "warnings fail by default" 1 data/warnings.example.com.zone
run "--fail-on error ignores warnings" 0 --fail-on error data/warnings.example.com.zone
check "warnings still shown" contains "$out" "[mx-missing-backup]"
run "--fail-on never" 0 --fail-on never data/broken.example.com.zone
run "notes pass by default" 0 data/note.example.com.zone
check "note shown" contains "$out" "note: all 2 mail exchanges"
run "--fail-on note" 1 --fail-on note data/note.example.com.zone
run "--disable" 0 --disable mx-missing-backup data/warnings.example.com.zone
check "--disable removes the finding" [ -z "$out" ]
run "--disable list" 0 --disable=mx-target-cname,syntax-error,mx-missing-backup data/broken.example.com.zone

# --- standard input
run stdin 1 --stdin-filename example.com.zone - <data/broken.example.com.zone
check "stdin named" contains "$out" "example.com.zone:5:1: error: MX exchange mail.example.com."
# Standard input is read as the file its name says, by every reader
run "octoDNS YAML from standard input" 1 --stdin-filename example.com.yaml - <../rules/target-missing-trailing-dot/bad-octodns/example.com.yaml
check "stdin YAML read as octoDNS, no zone-file errors" bash -c "grep -q 'example.com.yaml:7:17: warning: MX target' '$work/out' && ! grep -q syntax-error '$work/out'"
run "DNSEndpoint YAML from standard input" 1 --stdin-filename endpoints.yaml - <../rules/mx-target-cname/bad-dnsendpoint.yaml
check "stdin DNSEndpoint read as such" contains "$out" "endpoints.yaml:11:11: error: MX exchange mail.example.com. is an alias"
run "a plan from standard input" 1 --stdin-filename plan.json - <../rules/mx-target-cname/bad-plan.json
check "stdin plan read as a plan" contains "$out" "[mx-target-cname]"
run "CloudFormation JSON from standard input" 1 --stdin-filename stack.template.json - <../rules/mx-target-cname/bad-cdk-template/stack.template.json
check "stdin CloudFormation read as such" contains "$out" "[mx-target-cname]"
mkdir -p "$work/stdin-include/zones/hosts"
printf 'mail A 192.0.2.25\n' >"$work/stdin-include/zones/hosts/mail.inc"
printf '$ORIGIN example.com.\n$TTL 300\n@ SOA ns1 hostmaster 1 2 3 4 5\n@ NS ns1.example.net.\n@ NS ns2.example.net.\n@ MX 10 mail\n@ MX 20 mx2.example.net.\n$INCLUDE hosts/mail.inc\n' >"$work/stdin-include/zones/example.com.zone"
(cd "$work/stdin-include" && "$DNSLINT" --stdin-filename zones/example.com.zone - <zones/example.com.zone >"$work/out" 2>"$work/err"; echo "$?" >"$work/status")
check "stdin \$INCLUDE resolves from its name's folder" [ "$(cat "$work/status")" = 0 ]
check "... and reads the included file" contains "$(cat "$work/err")" "6 records"
run "--stdin-filename without '-' is a usage error" 2 --stdin-filename x.zone data/example.com.zone
check "... that says why" contains "$err" "'-'"
run "stdin default name" 1 - <data/relative.txt
check "stdin without origin" contains "$out" "<stdin>:2:1: error: no origin is known"
run "stdin with --origin" 0 --origin example.com - <data/relative.txt
run "bad --origin" 2 --origin 'a..b' - <data/relative.txt

# --- JSON report
run json 1 --format json data/broken.example.com.zone data/example.com.zone
cat >"$work/check_json.py" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
assert report["version"] == 1
assert report["tool"] == {"name": "dnslint", "version": "0.1.0"}
keys = {"rule", "severity", "message", "file", "line", "column", "end_line", "end_column",
        "zone", "owner", "type", "related"}
findings = report["findings"]
assert findings, "no findings"
for f in findings:
    assert set(f) == keys, set(f) ^ keys
    assert f["line"] >= 1 and f["column"] >= 1
    assert f["severity"] in ("error", "warning", "note")
    for r in f["related"]:
        assert set(r) == {"file", "line", "column", "message"}
order = [(f["file"], f["line"], f["column"], f["rule"]) for f in findings]
assert order == sorted(order), order
assert set(report["summary"]) == {"files", "zones", "records", "errors", "warnings", "notes"}
assert report["summary"]["files"] == 2
cname = [f for f in findings if f["rule"] == "mx-target-cname"][0]
assert cname["zone"] == "example.com." and cname["owner"] == "example.com." and cname["type"] == "MX"
assert cname["related"][0]["message"] == "CNAME defined here" and cname["related"][0]["line"] == 7
PY
check "json report keys and order" python3 "$work/check_json.py" "$work/out"

# --- CI formats
run github 1 --format github data/broken.example.com.zone
check "github workflow command" contains "$out" "::error file=${here}data/broken.example.com.zone,line=8,col=17,endLine=8,endColumn=28,title=syntax-error::bad IPv4 address '192.0.2.300'"
check "github warning" contains "$out" "::warning file=${here}data/broken.example.com.zone,line=5,"
printf '$ORIGIN example.com.\n$TTL 1\n@ SOA ns1 h 1 2 3 4 5\n@ NS ns1.example.net.\n@ NS ns2.example.net.\n@ MX 10 a\n@ MX 10 b\na A 192.0.2.1\nb A 198.51.100.1\nc A 192.0.2.300\n' >"$work/escape,me:now.zone"
"$DNSLINT" -f github "$work/escape,me:now.zone" >"$work/gh" 2>/dev/null
check "github escapes ':' and ',' in properties" grep -q 'escape%2Cme%3Anow.zone,line=' "$work/gh"
printf '%s\n' '$ORIGIN example.com.' '$TTL 1' '@ SOA ns1 h 1 2 3 4 5' 'x A 10%' >"$work/percent.zone"
"$DNSLINT" -f github "$work/percent.zone" >"$work/gh" 2>/dev/null
check "github escapes '%' in messages" grep -q "bad IPv4 address '10%25'" "$work/gh"
run gitlab 1 --format gitlab data/broken.example.com.zone data/note.example.com.zone
check "gitlab report keys" python3 -c '
import json, sys
issues = json.load(open(sys.argv[1]))
assert issues
for i in issues:
    assert set(i) == {"description", "check_name", "fingerprint", "severity", "location"}, i
    assert i["severity"] in ("info", "minor", "major", "critical", "blocker")
    assert set(i["location"]) == {"path", "lines"} and i["location"]["lines"]["begin"] >= 1
fingerprints = [i["fingerprint"] for i in issues]
assert len(set(fingerprints)) == len(fingerprints), "fingerprints are not unique"
' "$work/out"
# Messages that cite a line ("shared with a.example.com. (line 6)") keep their fingerprint too.
cp "$work/escape,me:now.zone" "$work/moved.zone"
(cd "$work" && "$DNSLINT" -f gitlab moved.zone >"$work/before.json" 2>/dev/null)
{ printf '; a new comment line moves every record down\n\n'; cat "$work/escape,me:now.zone"; } >"$work/moved.zone"
(cd "$work" && "$DNSLINT" -f gitlab moved.zone >"$work/after.json" 2>/dev/null)
check "gitlab fingerprints survive lines moving" python3 -c '
import json, sys
before, after = (json.load(open(p)) for p in sys.argv[1:3])
assert [i["location"]["lines"]["begin"] for i in before] != [i["location"]["lines"]["begin"] for i in after]
assert sorted(i["fingerprint"] for i in before) == sorted(i["fingerprint"] for i in after)
' "$work/before.json" "$work/after.json"

# --- SARIF
run sarif 1 --format sarif data/broken.example.com.zone
cat >"$work/check_sarif.py" <<'PY'
import json, os, sys
here = sys.argv[2]
log = json.load(open(sys.argv[1]))
assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
(run,) = log["runs"]
driver = run["tool"]["driver"]
assert driver["name"] == "dnslint" and driver["semanticVersion"] == "0.1.0" and driver["informationUri"]
ids = [r["id"] for r in driver["rules"]]
assert ids == sorted(ids) and "mx-target-cname" in ids
for rule in driver["rules"]:
    assert rule["help"]["markdown"].startswith("# " + rule["id"]) and rule["helpUri"].endswith(rule["id"] + ".md")
    assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note") and rule["properties"]["tags"]
assert run["invocations"][0]["executionSuccessful"] is True
assert run["columnKind"] and "%SRCROOT%" in run["originalUriBaseIds"]
cname = [r for r in run["results"] if r["ruleId"] == "mx-target-cname"][0]
assert ids[cname["ruleIndex"]] == "mx-target-cname" and cname["level"] == "error"
location = cname["locations"][0]["physicalLocation"]
assert location["artifactLocation"] == {"uri": here + "data/broken.example.com.zone", "uriBaseId": "%SRCROOT%"}
root = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
assert root.startswith("file:///") and root.endswith("/")
assert os.path.samefile(root[len("file://"):] + here + "data", "data")
assert location["region"] == {"startLine": 5, "startColumn": 1, "endLine": 5, "endColumn": 24}
assert cname["relatedLocations"][0]["message"]["text"] == "CNAME defined here"
assert cname["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 7
assert cname["partialFingerprints"]["dnslintFindingHash/v1"]
PY
check "sarif structure" python3 "$work/check_sarif.py" "$work/out" "$here"

# --- per-path configuration
proj="$work/proj"
mkdir -p "$proj/zones/internal" "$proj/zones/legacy" "$proj/zones/reverse"
cp data/warnings.example.com.zone "$proj/zones/example.com.zone"
cp data/warnings.example.com.zone "$proj/zones/internal/example.com.zone"
cp data/broken.example.com.zone "$proj/zones/legacy/example.com.zone"
printf '%s\n' '$TTL 3600' '@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300' '@ IN NS ns1' '@ IN NS ns2' \
  'ns1 IN A 192.0.2.1' 'ns2 IN A 192.0.2.2' 'www IN CNAME missing' >"$proj/zones/reverse/site.zone"
cat >"$proj/.dnslint.yaml" <<'YAML'
exclude: ["zones/legacy/**"]
overrides:
  - paths: ["zones/internal/**"]
    rules:
      mx-missing-backup: {enabled: false}
  - paths: ["zones/*.zone"]
    rules:
      mx-missing-backup: {severity: error}
  - paths: ["zones/reverse/*"]
    origin: example.org
YAML
(cd "$proj" && "$DNSLINT" zones >"$work/out" 2>"$work/err")
check "exclude skips walked files" bash -c "! grep -q legacy '$work/out'"
check "override turns a rule off for its paths" bash -c "! grep -q 'zones/internal' '$work/out'"
check "override raises a severity for its paths" grep -q "zones/example.com.zone:5:1: error: example.com. has a single mail exchange" "$work/out"
check "override gives an origin" grep -q "zones/reverse/site.zone:7:1: warning: CNAME target missing.example.org. does not exist in zone example.org." "$work/out"
(cd "$proj" && "$DNSLINT" zones/legacy/example.com.zone >"$work/out" 2>&1)
check "a file named on the command line is read even when excluded" grep -q "bad IPv4 address" "$work/out"
(cd "$proj" && "$DNSLINT" config >"$work/out" 2>&1)
check "config prints the effective configuration" grep -q '  mx-missing-backup: {enabled: true, severity: warning, minimum: 2, exempt: \["smtp.google.com.", "\*.mail.protection.outlook.com.", "\*.mx.microsoft.", .*"mailserver.purelymail.com."\]}' "$work/out"
check "config prints overrides" grep -q 'origin: "example.org."' "$work/out"
check "config names its source" grep -q "from .dnslint.yaml\|from $proj/.dnslint.yaml" "$work/out"
printf 'overrides:\n  - paths: ["x/*"]\n    rules:\n      mx-missing-backup: {minimum: 3}\n' >"$work/bad-override.yaml"
run "option in an override" 2 --config "$work/bad-override.yaml" config
check "option in an override named" contains "$err" "bad-override.yaml:4:27: an override sets only 'enabled' and 'severity'"
printf 'overrides:\n  - rules: {}\n' >"$work/no-paths.yaml"
run "override without paths" 2 --config "$work/no-paths.yaml" data/example.com.zone
(cd "$proj" && "$DNSLINT" config --format json >"$work/out" 2>&1)
check "config --format json is JSON" python3 -c '
import json, sys
config = json.load(open(sys.argv[1]))
assert config["rules"]["mx-missing-backup"]["minimum"] == 2
assert "smtp.google.com." in config["rules"]["mx-missing-backup"]["exempt"]
assert config["exclude"] == ["zones/legacy/**"]
assert config["overrides"][2]["origin"] == "example.org."
' "$work/out"
printf 'rules:\n  mx-missing-backup: {minimum: 2}\n  mx-missing-backup: {enabled: false}\n' >"$work/dup.yaml"
run "a key given twice in the configuration" 2 --config "$work/dup.yaml" data/example.com.zone
check "... is an error at the second key" contains "$err" "dup.yaml:3:3: key 'mx-missing-backup' is given twice (first at line 2)"
printf 'rules:\n  mx-missing-backup: {minimum: 0}\n' >"$work/range.yaml"
run "an option value out of range" 2 --config "$work/range.yaml" data/example.com.zone
check "... names the range and the position" contains "$err" "range.yaml:2:32: option 'minimum' must be from 1 to 100, not 0"
printf 'rules:\n  mx-missing-backup: {minimun: 3}\n' >"$work/typo.yaml"
run "a misspelt option" 2 --config "$work/typo.yaml" data/example.com.zone
check "... gets a suggestion" contains "$err" "has no option 'minimun' (did you mean 'minimum'?)"
run "an unreadable configuration" 2 --config "$work/none.yaml" data/example.com.zone
check "... names the OS reason" contains "$err" "cannot read the configuration file: No such file or directory"

# --- several reports from one run
run "several reports" 1 --report sarif="$work/r.sarif" --report json="$work/r.json" data/broken.example.com.zone
check "text still on standard output" contains "$out" "[mx-target-cname]"
check "--report files are written" python3 -c '
import json, sys
assert json.load(open(sys.argv[1]))["runs"][0]["results"]
assert json.load(open(sys.argv[2]))["findings"]
' "$work/r.sarif" "$work/r.json"
run "bad --report" 2 --report sarif data/example.com.zone
run "--report into a missing directory" 2 --report json="$work/missing/r.json" data/example.com.zone

# --- suppressed findings in SARIF, on request
printf '%s\n' '$ORIGIN example.com.' '$TTL 1' '@ SOA ns1 h 1 2 3 4 5' '@ NS ns1.example.net.' '@ NS ns2.example.net.' \
  '; dnslint-disable-next-line mx-missing-backup -- anycast provider' '@ MX 10 mx.example.net.' >"$work/sup.zone"
"$DNSLINT" -f sarif "$work/sup.zone" >"$work/plain.sarif" 2>/dev/null
"$DNSLINT" -f sarif --sarif-suppressed "$work/sup.zone" >"$work/sup.sarif" 2>/dev/null
check "suppressed findings only behind --sarif-suppressed" python3 -c '
import json, sys
plain, sup = (json.load(open(p))["runs"][0]["results"] for p in sys.argv[1:3])
assert plain == []
(result,) = sup
assert result["ruleId"] == "mx-missing-backup"
assert result["suppressions"] == [{"kind": "inSource", "justification": "anycast provider"}]
' "$work/plain.sarif" "$work/sup.sarif"

# --- baselines
cp "$work/escape,me:now.zone" "$work/legacy.zone"
(cd "$work" && "$DNSLINT" --write-baseline baseline.json legacy.zone >/dev/null 2>&1)
check "--write-baseline exits 0 and writes the file" python3 -c '
import json, sys
b = json.load(open(sys.argv[1]))
assert b["version"] == 1 and len(b["findings"]) >= 2 and all(f["fingerprint"] for f in b["findings"])
' "$work/baseline.json"
(cd "$work" && "$DNSLINT" --baseline baseline.json legacy.zone >"$work/out" 2>"$work/err")
status=$?
check "baselined findings pass" [ "$status" -eq 0 ]
check "baselined findings are not reported" [ ! -s "$work/out" ]
{ printf '; lines move\n'; cat "$work/escape,me:now.zone"; printf 'new IN MX 10 192.0.2.9\n'; } >"$work/legacy.zone"
(cd "$work" && "$DNSLINT" --baseline baseline.json legacy.zone >"$work/out" 2>"$work/err")
status=$?
check "only new findings fail the run" [ "$status" -eq 1 ]
check "new finding reported" grep -q "legacy.zone:12:1: error: MX exchange '192.0.2.9' is an IP address" "$work/out"
check "old findings stay baselined after lines moved" bash -c "! grep -q 'preference 10 of example.com.' '$work/out'"
echo '{"version": 2}' >"$work/bad-baseline.json"
run "bad baseline" 2 --baseline "$work/bad-baseline.json" data/example.com.zone
check "bad baseline named" contains "$err" "not a dnslint baseline"
run "missing baseline" 2 --baseline "$work/none.json" data/example.com.zone
check "missing baseline: the OS reason" contains "$err" "No such file or directory"
printf 'fingerprint: abc\n' >"$work/yaml-baseline.json"
run "a baseline that is not JSON" 2 --baseline "$work/yaml-baseline.json" data/example.com.zone
check "... says so in words, with the position" contains "$err" "yaml-baseline.json:1:2: not a baseline: the file is not valid JSON"

# --- the CLI of ruff, ESLint and tflint: --select, --ignore, --quiet, --statistics, --exit-zero,
# --list-files, --show-source, did you mean, JUnit and Markdown
run "--select runs only the named rules" 1 --select mx-target-cname data/broken.example.com.zone
check "--select: only mx-target-cname" bash -c "[ \$(grep -c . '$work/out') = 1 ] && grep -q 'mx-target-cname' '$work/out'"
run "--select ALL --ignore ALL reports nothing" 0 --select ALL --ignore ALL data/broken.example.com.zone
run "--ignore ignores" 1 --ignore mx-target-cname,syntax-error data/broken.example.com.zone
check "--ignore: the others stay" bash -c "grep -q mx-missing-backup '$work/out' && ! grep -q mx-target-cname '$work/out'"
run "--select then --enable adds" 1 --select syntax-error --enable mx-missing-backup data/broken.example.com.zone
check "--select then --enable: two rules" bash -c "[ \$(grep -c . '$work/out') = 2 ]"
run "did you mean, for a rule" 2 --ignore mx-target-cnmae data/example.com.zone
check "... the closest rule id" contains "$err" "did you mean 'mx-target-cname'?"
run "did you mean, for an option" 2 --statistic data/example.com.zone
check "... the closest option" contains "$err" "did you mean '--statistics'?"
run "did you mean, for explain" 2 explain mx-circulr
check "... in explain" contains "$err" "did you mean 'mx-circular'?"
run "--quiet prints the findings only" 1 --quiet data/broken.example.com.zone
check "--quiet: no summary" [ -z "$err" ]
check "--quiet: the findings" contains "$out" "[mx-target-cname]"
run "--exit-zero" 0 --exit-zero data/broken.example.com.zone
check "--exit-zero still reports" contains "$out" "[mx-target-cname]"
run "--exit-zero does not hide usage errors" 2 --exit-zero --bogus data/broken.example.com.zone
run "--statistics" 1 --statistics data/broken.example.com.zone
check "--statistics: a count per rule" grep -Eq '^ +1  mx-target-cname +error +MX exchange is an alias' "$work/out"
check "--statistics: no finding lines" bash -c "! grep -q 'broken.example.com.zone:' '$work/out'"
run "--statistics takes no format" 2 --statistics --format json data/broken.example.com.zone
run "--list-files" 0 --list-files data ../rules/mx-target-cname/bad-cdk-template
check "--list-files: each file and its reader" bash -c "grep -qx '${here}data/broken.example.com.zone	zone' '$work/out' && grep -qx '${here%cli/}rules/mx-target-cname/bad-cdk-template/stack.template.json	cloudformation' '$work/out'"
check "--list-files: nothing is linted" [ -z "$err" ]
run "no source lines when piped" 1 data/broken.example.com.zone
check "... by default" bash -c "! grep -q '^ *8 |' '$work/out'"
run "--show-source" 1 --show-source data/broken.example.com.zone
check "--show-source: the line" contains "$out" " 8 | www     IN A    192.0.2.300"
check "--show-source: a caret under the column" contains "$out" "   |                 ^~~~~~~~~~~"
sed 's/192.0.2.300/192.0.2.301/' data/broken.example.com.zone >"$work/buffer.zone"
run "--show-source with standard input shows the buffer, not the file on disk" 1 --show-source --stdin-filename data/broken.example.com.zone - <"$work/buffer.zone"
check "... the buffer's line" contains "$out" " 8 | www     IN A    192.0.2.301"
run "-f junit" 1 -f junit data/broken.example.com.zone data/example.com.zone
check "JUnit XML: a suite per file, a failure per error or warning" python3 -c '
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "testsuites" and root.get("failures") == "3", root.attrib
suites = root.findall("testsuite")
assert len(suites) == 2
broken = [s for s in suites if s.get("name").endswith("broken.example.com.zone")][0]
assert len(broken.findall("testcase/failure")) == 3
clean = [s for s in suites if s.get("name").endswith("/example.com.zone")][0]
assert clean.get("failures") == "0" and len(clean.findall("testcase")) == 1
' "$work/out"
run "-f markdown" 1 -f markdown data/broken.example.com.zone
check "Markdown: counts and a table row per finding" bash -c "grep -q '^\*\*2\*\* errors, \*\*1\*\* warning' '$work/out' && [ \$(grep -c '^| error |' '$work/out') = 2 ] && grep -q 'docs/rules/mx-target-cname.md' '$work/out'"
run "--report junit=FILE" 1 --report "junit=$work/report.xml" data/broken.example.com.zone
check "--report junit writes XML" python3 -c 'import sys, xml.etree.ElementTree as ET; ET.parse(sys.argv[1])' "$work/report.xml"

# --- one option table: --help, docs/usage.md and the shell completions come from it
"$DNSLINT" --help >"$work/help.txt"
check "docs/usage.md shows --help as it is" python3 - "$work/help.txt" ../../docs/usage.md <<'PY'
import sys
help_text = open(sys.argv[1]).read().rstrip("\n")
doc = open(sys.argv[2]).read()
assert "```text\n" + help_text + "\n```" in doc
PY
run "completion bash" 0 completion bash
check "bash completion parses" bash -n "$work/out"
check "bash completion completes options" bash -c "source '$work/out'; COMP_WORDS=(dnslint --sel); COMP_CWORD=1; _dnslint; [ \"\${COMPREPLY[*]}\" = --select ]"
check "bash completion completes formats" bash -c "source '$work/out'; COMP_WORDS=(dnslint -f ju); COMP_CWORD=2; _dnslint; [ \"\${COMPREPLY[*]}\" = junit ]"
check "bash completion completes rule ids" bash -c "source '$work/out'; COMP_WORDS=(dnslint --ignore mx-circ); COMP_CWORD=2; _dnslint; [ \"\${COMPREPLY[*]}\" = mx-circular ]"
check "bash completion completes the rule after a comma" bash -c "source '$work/out'; COMP_WORDS=(dnslint --select mx-target-cname,mx-circ); COMP_CWORD=2; _dnslint; [ \"\${COMPREPLY[*]}\" = mx-target-cname,mx-circular ]"
check "bash completion completes subcommands" bash -c "cd '$work' && source '$work/out'; COMP_WORDS=(dnslint expl); COMP_CWORD=1; _dnslint; [ \"\${COMPREPLY[*]}\" = explain ]"
check "bash completion: no subcommand after the first word" bash -c "cd '$work' && source '$work/out'; COMP_WORDS=(dnslint zones expl); COMP_CWORD=2; _dnslint; [ -z \"\${COMPREPLY[*]}\" ]"
run "completion zsh" 0 completion zsh
if command -v zsh >/dev/null; then check "zsh completion parses" zsh -n "$work/out"; fi
check "zsh completion names every option" bash -c "for o in \$(grep -oE '^ +(-[a-z], )?--[a-z-]+' '$work/help.txt' | grep -oE -- '--[a-z-]+'); do grep -q -- \"'\$o\" '$work/out' || exit 1; done"
run "completion fish" 0 completion fish
if command -v fish >/dev/null; then check "fish completion parses" fish -n "$work/out"; fi
run "completion of an unknown shell" 2 completion tcsh

# --- rules and explain
run rules 0 rules
check "rules lists mx-target-cname" grep -Eq '^mx-target-cname +error ' "$work/out"
run "rules json" 0 rules --format json
check "rules json keys" python3 -c '
import json, sys
rules = json.load(open(sys.argv[1]))["rules"]
assert len(rules) >= 23
for r in rules: assert set(r) == {"id", "severity", "summary", "rfc", "docs"}, r
assert [r["id"] for r in rules] == sorted(r["id"] for r in rules)
' "$work/out"
run "rules markdown" 0 rules --format markdown
check "rules markdown links" contains "$out" "[\`mx-circular\`](docs/rules/mx-circular.md)"
"$DNSLINT" rules --format markdown >"$work/table.md"
(cd ../.. && "$DNSLINT" examples/ >"$work/demo.txt" 2>&1)
check "README shows what the demo prints on the examples" bash -c "while IFS= read -r line; do grep -qxF \"\$line\" ../../README.md || { echo \"missing: \$line\"; exit 1; }; done <'$work/demo.txt'"
check "README lists every rule as 'dnslint rules' prints it" bash -c "while IFS= read -r line; do grep -qxF \"\$line\" ../../README.md || exit 1; done <'$work/table.md'"
run explain 0 explain mx-target-cname
check "explain prints the page" contains "$out" "# mx-target-cname"
run "explain unknown" 2 explain no-such-rule
run "explain nothing" 2 explain

# --- output file, colour, jobs
if [ "$(id -u)" -eq 0 ]; then
  # As root a rename could replace a device with a regular file: -o writes to it instead.
  mknod "$work/null" c 1 3
  run "-o to a device" 1 -f json -o "$work/null" data/broken.example.com.zone
  check "... the device stays a device" [ -c "$work/null" ]
fi
mkfifo "$work/fifo"
cat "$work/fifo" >"$work/from-fifo" &
run "-o to a named pipe" 1 -f json -o "$work/fifo" data/broken.example.com.zone
wait
check "... the pipe stays a pipe" [ -p "$work/fifo" ]
check "... and the report went through it" grep -q '"rule"' "$work/from-fifo"
run "-o into a missing directory" 2 -o "$work/missing/report.json" data/broken.example.com.zone
check "no partial file" [ ! -e "$work/missing" ]
run "-o writes the file" 1 -f json -o "$work/report.json" data/broken.example.com.zone
check "-o leaves stdout empty" [ -z "$out" ]
check "-o file is JSON" python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$work/report.json"
check "no temporary file left" [ "$(ls -A "$work" | grep -c '\.tmp')" -eq 0 ]
run "colour always" 1 --color always data/broken.example.com.zone
check "colour codes" grep -q $'\033\[' "$work/out"
NO_COLOR=1 "$DNSLINT" --color auto data/broken.example.com.zone >"$work/out" 2>/dev/null
check "NO_COLOR honoured" bash -c "! grep -q $'\033' '$work/out'"
"$DNSLINT" -j 1 -f json data >"$work/j1" 2>/dev/null
"$DNSLINT" -j 4 -f json data >"$work/j4" 2>/dev/null
check "-j 4 prints exactly what -j 1 prints" cmp -s "$work/j1" "$work/j4"

# --- directories
run "directory walk" 1 data/walk
check "walk finds *.zone" contains "$out" "data/walk/a.example.zone"
check "walk skips hidden folders" bash -c "! grep -q skipped '$work/out'"
check "walk summary" contains "$err" "in 2 files"

# --- one spelling of every path: reports, fingerprints and baselines do not depend on how a
# path is typed or where the run starts; paths are relative to the work tree's top
repo="$work/repo"
mkdir -p "$repo/.git" "$repo/zones/sub"
cp data/broken.example.com.zone "$repo/zones/broken.example.com.zone"
spellings=("zones" "./zones" "$repo/zones" "zones/" "./zones/../zones")
for i in "${!spellings[@]}"; do
  (cd "$repo" && "$DNSLINT" --format sarif --fail-on never "${spellings[$i]}" >"$work/spelling$i.sarif" 2>/dev/null
   "$DNSLINT" --format text --fail-on never "${spellings[$i]}" >"$work/spelling$i.txt" 2>/dev/null
   "$DNSLINT" --format gitlab --fail-on never "${spellings[$i]}" >"$work/spelling$i.gitlab" 2>/dev/null
   "$DNSLINT" --format github --fail-on never "${spellings[$i]}" >"$work/spelling$i.github" 2>/dev/null)
done
(cd "$repo/zones" && "$DNSLINT" --format sarif --fail-on never . >"$work/spelling-sub.sarif" 2>/dev/null
 "$DNSLINT" --format text --fail-on never broken.example.com.zone >"$work/spelling-sub.txt" 2>/dev/null)
for i in 1 2 3 4; do
  check "spelling '${spellings[$i]}': the same SARIF as 'zones'" cmp -s "$work/spelling0.sarif" "$work/spelling$i.sarif"
  check "spelling '${spellings[$i]}': the same text report" cmp -s "$work/spelling0.txt" "$work/spelling$i.txt"
  check "spelling '${spellings[$i]}': the same GitLab report" cmp -s "$work/spelling0.gitlab" "$work/spelling$i.gitlab"
  check "spelling '${spellings[$i]}': the same GitHub annotations" cmp -s "$work/spelling0.github" "$work/spelling$i.github"
done
check "run from a subfolder: the same SARIF" cmp -s "$work/spelling0.sarif" "$work/spelling-sub.sarif"
check "run from a subfolder: the same text report" cmp -s "$work/spelling0.txt" "$work/spelling-sub.txt"
check "paths are relative to the work tree, without ./" grep -q '^zones/broken.example.com.zone:5:1: error' "$work/spelling1.txt"
check "GitLab paths have no ./" bash -c "grep -q '\"path\": \"zones/broken.example.com.zone\"' '$work/spelling1.gitlab' && ! grep -q '\"\./' '$work/spelling1.gitlab'"
check "GitHub file= has no ./" bash -c "grep -q 'file=zones/broken.example.com.zone,' '$work/spelling1.github' && ! grep -q 'file=\./' '$work/spelling1.github'"
python3 - "$work/spelling2.sarif" "$repo" >"$work/sarif-root.txt" <<'PY'
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
print(run["originalUriBaseIds"]["%SRCROOT%"]["uri"])
print(run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
PY
check "SARIF %SRCROOT% is the work tree's top" grep -qx "file://$repo/" "$work/sarif-root.txt"
check "SARIF uri is relative to it" grep -qx "zones/broken.example.com.zone" "$work/sarif-root.txt"
if [ -f ../../../shared/sarif/validate_sarif.py ]; then
  for i in 0 1 2 3 4; do
    check "SARIF of spelling '${spellings[$i]}' validates for GitHub" python3 ../../../shared/sarif/validate_sarif.py --github "$work/spelling$i.sarif"
  done
fi
(cd "$repo" && "$DNSLINT" --write-baseline "$work/spelling.baseline" zones 2>/dev/null)
(cd "$repo/zones" && "$DNSLINT" --baseline "$work/spelling.baseline" . >"$work/out" 2>"$work/err"; echo "$?" >"$work/status")
check "a baseline written as 'zones' holds every finding of a run from inside it" [ "$(cat "$work/status")" = 0 ]
(cd "$repo" && "$DNSLINT" --baseline "$work/spelling.baseline" "$repo/zones/" >/dev/null 2>&1; echo "$?" >"$work/status")
check "... and of a run with the absolute path" [ "$(cat "$work/status")" = 0 ]
(cd "$repo" && "$DNSLINT" --path-root zones --fail-on never zones >"$work/out" 2>/dev/null)
check "--path-root sets what paths are relative to" grep -q '^broken.example.com.zone:5:1:' "$work/out"
mkdir -p "$work/elsewhere"
cp data/broken.example.com.zone "$work/elsewhere/"
(cd "$repo" && "$DNSLINT" --format sarif --fail-on never "$work/elsewhere" >"$work/out" 2>/dev/null)
check "a file outside the root keeps an absolute file:// URI" grep -q "\"uri\": \"file://$work/elsewhere/broken.example.com.zone\"" "$work/out"
run "--path-root must be a directory" 2 --path-root "$work/nowhere" data/example.com.zone

# --- $INCLUDE resolved against the zone file's folder, or the current directory as named does
mkdir -p "$work/base/zones/hosts" "$work/base/hosts"
printf '$ORIGIN example.com.\n$TTL 3600\n@ SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ NS ns1\n@ NS ns2.example.net.\n$INCLUDE hosts/ns.inc\n' >"$work/base/zones/example.com.zone"
printf 'ns1 A 192.0.2.1\n' >"$work/base/zones/hosts/ns.inc"
printf 'ns1 A 192.0.2.1\nwww CNAME ns1\nwww TXT "beside a CNAME"\n' >"$work/base/hosts/ns.inc"
run "--include-base file (default)" 0 --format json "$work/base/zones/example.com.zone"
check "--include-base file reads beside the zone" contains "$out" '"records": 4'
run "--include-base cwd" 1 --include-base cwd "$work/base/zones/example.com.zone"
check "--include-base cwd: the test directory has no hosts/ns.inc" contains "$out" "[include-error]"
(cd "$work/base" && "$DNSLINT" --include-base cwd zones/example.com.zone >"$work/out" 2>"$work/err")
check "--include-base cwd reads from the current directory" contains "$(cat "$work/err")" "6 records"
check "--include-base cwd shows the path as written" contains "$(cat "$work/out")" "hosts/ns.inc:2:1: error"
run "--include-base takes file or cwd" 2 --include-base elsewhere "$work/base/zones/example.com.zone"

# --- configuration
run "--config disables a rule" 0 --config config/disable-backup.yaml data/warnings.example.com.zone
run "--config severity" 1 --config config/severity.yaml --fail-on error data/warnings.example.com.zone
check "severity raised" contains "$out" "error: example.com. has a single mail exchange"
run "config unknown rule" 2 --config config/unknown-rule.yaml data/example.com.zone
check "config error names file and line" contains "$err" "config/unknown-rule.yaml:4:3: unknown rule 'no-such-rule'"
run "config wrong type" 2 --config config/bad-option.yaml data/example.com.zone
check "config type error" contains "$err" "bad-option.yaml:3:14: option 'minimum' must be an integer"
run "config missing" 2 --config config/none.yaml data/example.com.zone
mkdir -p "$work/project/zones"
cp config/disable-backup.yaml "$work/project/.dnslint.yaml"
cp data/warnings.example.com.zone "$work/project/zones/"
(cd "$work/project/zones" && "$DNSLINT" warnings.example.com.zone >/dev/null 2>&1)
check "nearest .dnslint.yaml upward is used" [ $? -eq 0 ]

# --- the same findings, in the same order, whatever the number of threads: every example, every
# rule fixture, a many-file directory and a generated zone with thousands of findings.
if command -v python3 >/dev/null 2>&1; then
  mkdir -p "$work/jobs/many"
  python3 ../../bench/generate_zone.py 10000 big.example. >"$work/jobs/big.example.zone"
  for i in $(seq 1 40); do
    python3 ../../bench/generate_zone.py 60 "z$i.example." >"$work/jobs/many/z$i.example.zone"
  done
fi

# Organisation policies: RE2 patterns from the configuration, errors at their position.
mkdir -p "$work/policy"
printf 'rules:\n  record-forbidden:\n    records:\n      - {type: TXT, value: "(a+"}\n' >"$work/policy/bad.yaml"
run "a policy pattern that does not compile is a configuration error" 2 --config "$work/policy/bad.yaml" data/broken.example.com.zone
check "... at its position, with RE2's reason" contains "$err" "bad.yaml:4:28: option 'records': '(a+' is not an RE2 pattern: missing ): (a+"
printf 'rules:\n  record-required:\n    records:\n      - {name: _dmarc, type: TXT, wen: MX}\n' >"$work/policy/field.yaml"
run "an unknown field of a policy entry is a configuration error" 2 --config "$work/policy/field.yaml" data/broken.example.com.zone
check "... naming the field" contains "$err" "field.yaml:4:40: option 'records': 'wen' is not a field (name, type, when)"
printf 'rules:\n  ttl-out-of-range:\n    limits: {A: {min: 300}, default: {max: 86400}}\n' >"$work/policy/ttl.yaml"
run "dnslint config shows policy entries" 0 config --config "$work/policy/ttl.yaml"
check "... as the fields written" contains "$out" 'limits: [{min: "300", type: "A"}, {max: "86400", type: "default"}]'
run "... and in JSON" 0 config --config "$work/policy/ttl.yaml" --format json
check "... JSON fields" contains "$out" '"limits": ['

# Mail records: findings point at the term inside the TXT record, in every format.
mkdir -p "$work/mail/octodns" "$work/mail/tf"
cat >"$work/mail/example.com.zone" <<'ZONE'
$ORIGIN example.com.
$TTL 3600
@       IN SOA  ns1 hostmaster 1 7200 3600 1209600 300
@       IN NS   ns1.example.net.
@       IN NS   ns2.example.net.
@       IN TXT  "v=spf1 mx ip4:192.0.2.300 ?all"
_dmarc  IN TXT  ( "v=DMARC1; p=reject;"
                  " pct=150" )
ZONE
run "mail records in a zone file" 1 --no-show-source "$work/mail/example.com.zone"
check "... the bad SPF term's column" contains "$out" "example.com.zone:6:28: error: SPF record of example.com.: ip4:192.0.2.300:"
check "... ?all is one step milder than the rule (a warning)" contains "$out" "example.com.zone:6:44: warning: SPF record of example.com. ends in '?all'"
check "... a DMARC tag on the record's second line" contains "$out" "example.com.zone:8:21: error: DMARC record of example.com.: pct=150"
run "?all under a rule configured as a warning is a note" 1 --no-show-source --fail-on note --select spf-permissive-all --config /dev/null "$work/mail/example.com.zone"
printf 'rules:\n  spf-permissive-all: {severity: warning}\n' >"$work/mail/warning.yaml"
run "... (configured)" 1 --no-show-source --fail-on note --select spf-permissive-all --config "$work/mail/warning.yaml" "$work/mail/example.com.zone"
check "... is a note" contains "$out" "6:44: note: SPF record of example.com. ends in '?all'"
cat >"$work/mail/octodns/example.com.yaml" <<'YAML'
---
'':
  type: TXT
  value: v=spf1 include:_spf.example.net inclde:x.example.net -all
_dmarc:
  type: TXT
  value: v=DMARC1\; p=reject\; adkim=strict
YAML
run "mail records in octoDNS" 1 --no-show-source "$work/mail/octodns/example.com.yaml"
check "... the SPF term's column" contains "$out" "example.com.yaml:4:42: error: SPF record of example.com.: 'inclde:x.example.net'"
check "... octoDNS's escaped semicolons are separators" contains "$out" "example.com.yaml:7:32: error: DMARC record of example.com.: adkim=strict is not r or s"
cat >"$work/mail/tf/main.tf" <<'TF'
resource "aws_route53_zone" "main" {
  name = "example.com"
}

resource "aws_route53_record" "spf" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "example.com"
  type    = "TXT"
  ttl     = 300
  records = ["v=spf1 include:_spf.google.com +all"]
}
TF
run "mail records in Terraform" 1 --no-show-source "$work/mail/tf"
check "... the +all term's column" contains "$out" "main.tf:10:46: error: SPF record of example.com. ends in '+all'"
printf 'rules:\n  spf-lookup-limit:\n    includes: ["_spf.google.com=four"]\n' >"$work/mail/bad-pin.yaml"
run "a pin that is not NAME=COUNT is a configuration error" 2 --config "$work/mail/bad-pin.yaml" "$work/mail/example.com.zone"
check "... at its position" contains "$err" "bad-pin.yaml:3:16: option 'includes': '_spf.google.com=four' is not NAME=COUNT"
printf 'rules:\n  spf-lookup-limit:\n    includes: {_spf.google.com: 40}\n' >"$work/mail/map-pin.yaml"
run "pins as a mapping" 1 --config "$work/mail/map-pin.yaml" --select spf-lookup-limit --no-show-source "$work/mail/tf"
check "... count exactly" contains "$out" "needs 40 DNS lookups"

# --- positions inside record values: across strings, through escapes
mkdir -p "$work/positions"
printf '%s\n' '$ORIGIN example.com.' '@ 3600 IN SOA ns1 h 1 2 3 4 5' '@ NS ns1.example.net.' \
  '@ TXT "v=spf1 mx inclu" "de:ex..ample.com -all"' 'a TXT "v=spf1 ip4:192.0.2.1\009-all"' \
  'b TXT ( "v=spf1 mx "' '   "a:192.0.2.1 -all" )' 'c CAA 0 issue "https://ca.example.net"' >"$work/positions/example.com.zone"
run "positions in a zone file" 1 --no-show-source --select spf-syntax,caa-invalid "$work/positions/example.com.zone"
check "... a term split across strings: where it starts" contains "$out" "example.com.zone:4:18: error: SPF record of example.com.: include:ex..ample.com"
check "... a term with an escaped tab" contains "$out" "example.com.zone:5:15: error: SPF record of a.example.com.: 'ip4:192.0.2.1\t-all' holds a tab"
check "... a term on the record's second line" contains "$out" "example.com.zone:7:5: error: SPF record of b.example.com.: a:192.0.2.1"
check "... a CAA value" contains "$out" "example.com.zone:8:16: error: CAA record of c.example.com.: issue"
cat >"$work/positions/main.tf" <<'TF'
resource "aws_route53_zone" "main" {
  name = "example.com"
}

resource "aws_route53_record" "spf" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "example.com"
  type    = "TXT"
  ttl     = 300
  records = ["v=spf1 ip4:192.0.2.1\t-all"]
}
TF
run "positions in Terraform" 1 --no-show-source --select spf-syntax "$work/positions/main.tf"
check "... through an HCL escape" contains "$out" "main.tf:10:22: error: SPF record of example.com.: 'ip4:192.0.2.1\t-all' holds a tab"

# --- verify: the live checks, replayed (tests/live/verify_live.py runs them against servers)
rrset=../rules/server-rrset-differs
run "verify replayed" 1 verify --replay "$rrset/bad-changed.jsonl" --server provider=192.0.2.53 "$rrset/bad-changed.zone"
check "verify reports the live rule" contains "$out" "[server-rrset-differs]"
check "verify runs no offline rule" bash -c "! grep -q 'ns-single' '$work/out'"
for format in json sarif github gitlab junit markdown; do
  run "verify -f $format" 1 verify -f "$format" --replay "$rrset/bad-changed.jsonl" --server provider=192.0.2.53 "$rrset/bad-changed.zone"
done
run "verify --disable of the live rule" 0 verify --disable server-rrset-differs --replay "$rrset/bad-changed.jsonl" --server provider=192.0.2.53 "$rrset/bad-changed.zone"
run "--server outside verify" 2 --server a=192.0.2.1 "$rrset/bad-changed.zone"
check "... says it is verify's" contains "$err" "is an option of \`dnslint verify\`"
run "--server without a name" 2 verify --server 192.0.2.1 "$rrset/bad-changed.zone"
run "--server with no address" 2 verify --server a=ns1.example.net "$rrset/bad-changed.zone"
run "--resolver with a bad port" 2 verify --resolver 127.0.0.1:99999 "$rrset/bad-changed.zone"
run "--timeout not a number" 2 verify --timeout soon "$rrset/bad-changed.zone"
run "verify --fix" 2 verify --fix "$rrset/bad-changed.zone"
run "verify --replay of a missing file" 2 verify --replay "$work/none.jsonl" "$rrset/bad-changed.zone"
check "... names the file" contains "$err" "none.jsonl: cannot be read"
printf '{"server":"resolver","name":"x.","type":"A","outcome":"answered","rcode":"NOERROR","answer":["x. 1 IN A 1.2.3"]}\n' >"$work/broken.jsonl"
run "verify --replay of a broken recording" 2 verify --replay "$work/broken.jsonl" "$rrset/bad-changed.zone"
check "... names the line" contains "$err" "broken.jsonl:1:"
: >"$work/empty.jsonl"
run "verify with an unanswered question" 1 verify -f json --replay "$work/empty.jsonl" --server provider=192.0.2.53 "$rrset/bad-changed.zone"
check "... reports it with its cause" contains "$out" "no answer in"
run "verify --record and --replay" 2 verify --record "$work/r.jsonl" --resolver 127.0.0.1:1 --timeout 100 --tries 1 "$rrset/bad-changed.zone"
check "... a resolver that does not answer stops the run" contains "$err" "the resolver does not answer"
run "rules marks the live rules" 0 rules
check "... as verify's" bash -c "grep -q '^server-rrset-differs *error *(verify) ' '$work/out'"

# --- records: what the rules see
run "records of a zone file" 0 records data/example.com.zone
check "... the SOA first, names absolute" bash -c "head -3 <<<'$out' | tail -1 | grep -q '^example.com. 3600 IN SOA ns1.example.com. hostmaster.example.com. 2024010101'"
check "... each RRset after where it is written" contains "$out" "; ${here}data/example.com.zone:4, 5"
check "... canonical order: mx1 before www" bash -c "grep -n '^mx1\|^www' <<<'$out' | head -1 | grep -q mx1"
run "records as JSON" 0 records -f json data/example.com.zone
check "... valid JSON with the records" bash -c "python3 -c 'import json,sys; d=json.load(sys.stdin); assert len(d[\"zones\"][0][\"records\"]) == 8' <<<'$out'"
check "... each record with its line" contains "$out" '"line": 7'
run "records takes text or json only" 2 records -f sarif data/example.com.zone
check "... says which" contains "$err" "text"
run "records of a file with an error" 0 records data/broken.example.com.zone
check "... says records were left out" contains "$err" "left records out"
check "... the bad record is not printed" bash -c "! grep -q '192.0.2.300' <<<'$out'"
run "records of nothing" 2 records "$work/empty-dir-does-not-exist"
mkdir -p "$work/records-tf"
cat >"$work/records-tf/main.tf" <<'TF'
variable "backup" {}

resource "aws_route53_zone" "main" {
  name = "example.com"
}

resource "aws_route53_record" "mx" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "example.com"
  type    = "MX"
  ttl     = 300
  records = ["10 mx1.example.com", "20 ${var.backup}"]
}
TF
run "records of Terraform" 0 records "$work/records-tf"
check "... the zone the resource creates" contains "$out" "; zone example.com. (whole)"
check "... the resource named" contains "$out" "aws_route53_record.mx"
check "... the value known" contains "$out" "example.com. 300 IN MX 10 mx1.example.com."
check "... the value not known statically said so" contains "$out" "not known statically"
run "records of Terraform with --var" 0 records --var backup=mx2.example.net. "$work/records-tf"
check "... the variable's value used" contains "$out" "example.com. 300 IN MX 20 mx2.example.net."
run "records of octoDNS" 0 records ../../examples/octodns
check "... the zone the file names" contains "$out" "mail.octo.example. - IN MX 10 mx1.octo.example."
run "records of a DNSEndpoint" 0 records ../rules/mx-target-cname/bad-dnsendpoint.yaml
check "... a zone whose name is not known" contains "$out" "; a zone whose name is not known (only the names these files hold)"
check "... its records" contains "$out" "example.com. - IN MX 20 backup.example.net."
run "records of CloudFormation" 0 records ../rules/mx-target-cname/bad-cdk-template/stack.template.json
check "... the record set named" contains "$out" "IN MX"
run "records to --output" 0 records -o "$work/records.txt" data/example.com.zone
check "... written there" grep -q "IN SOA" "$work/records.txt"

jobs_inputs=(../../examples ../rules "$work/jobs")
"$DNSLINT" -j 1 -f json --fail-on never "${jobs_inputs[@]}" >"$work/jobs-1.json" 2>/dev/null
check "-j 1 finds something" [ "$(grep -c '"rule"' "$work/jobs-1.json")" -gt 1000 ]
for jobs in 2 3 8; do
  "$DNSLINT" -j "$jobs" -f json --fail-on never "${jobs_inputs[@]}" >"$work/jobs-$jobs.json" 2>/dev/null
  check "-j $jobs reports exactly what -j 1 does" cmp -s "$work/jobs-1.json" "$work/jobs-$jobs.json"
done

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
