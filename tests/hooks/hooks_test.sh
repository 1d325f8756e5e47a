#!/usr/bin/env bash
# The git hooks and editor integrations, run for real: the pre-commit framework's
# `try-repo` against this repository, the plain git hook in a scratch repository, and the
# problem matcher of integrations/ on dnslint's text output.
# Usage: hooks_test.sh PATH-TO-DNSLINT SOURCE_DIR
set -u
DNSLINT=$1
SOURCE=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
check() {
  local name=$1
  shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $name"; fi
}
export PATH="$(dirname "$DNSLINT"):$PATH"
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.com
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.com

bad_zone() {
  printf '%s\n' '$ORIGIN example.com.' '$TTL 3600' '@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300' \
    '@ IN NS ns1.example.net.' '@ IN NS ns2.example.net.' '@ IN MX 10 mail' 'mail IN CNAME web.example.net.'
}
good_zone() {
  printf '%s\n' '$ORIGIN example.com.' '$TTL 3600' '@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300' \
    '@ IN NS ns1.example.net.' '@ IN NS ns2.example.net.' '@ IN MX 10 mx1.example.net.' \
    '@ IN MX 20 mx2.example.org.'
}
new_repo() {
  rm -rf "$work/repo" && mkdir "$work/repo" && git -C "$work/repo" init -q
}

# --- the plain git hook
new_repo
cp "$SOURCE/pre-commit-hooks/pre-commit" "$work/repo/.git/hooks/pre-commit"
mkdir -p "$work/repo/zones"
bad_zone >"$work/repo/zones/example.com.zone"
git -C "$work/repo" add zones
git -C "$work/repo" commit -q -m bad >"$work/out" 2>&1
status=$?
check "git hook refuses a zone with an error" [ "$status" -ne 0 ]
check "git hook shows the finding" grep -q "zones/example.com.zone:6:1: error: MX exchange mail.example.com. is an alias" "$work/out"
good_zone >"$work/repo/zones/example.com.zone"
git -C "$work/repo" add zones
git -C "$work/repo" commit -q -m good >"$work/out" 2>&1
status=$?
check "git hook lets a clean zone through" [ "$status" -eq 0 ]
# The hook reads what is staged, not the working tree.
bad_zone >"$work/repo/zones/example.com.zone"
echo "; changed" >>"$work/repo/README"
git -C "$work/repo" add README
git -C "$work/repo" commit -q -m readme >"$work/out" 2>&1
status=$?
check "git hook ignores unstaged zone edits" [ "$status" -eq 0 ]

# Terraform: a staged .tf file is read as part of its module (its staged siblings give the
# zone), and its findings name it.
mkdir -p "$work/repo/dns"
printf '%s\n' 'resource "aws_route53_zone" "main" {' '  name = "example.com"' '}' >"$work/repo/dns/zone.tf"
printf '%s\n' 'resource "aws_route53_record" "mx" {' '  zone_id = aws_route53_zone.main.zone_id' \
  '  name    = ""' '  type    = "MX"' '  ttl     = 300' \
  '  records = ["10 mail.example.com", "20 mx2.example.net"]' '}' \
  'resource "aws_route53_record" "mail" {' '  zone_id = aws_route53_zone.main.zone_id' \
  '  name    = "mail"' '  type    = "CNAME"' '  ttl     = 300' '  records = ["relay.example.net"]' \
  '}' >"$work/repo/dns/mail.tf"
git -C "$work/repo" add dns/zone.tf
git -C "$work/repo" commit -q -m zone >"$work/out" 2>&1
git -C "$work/repo" add dns/mail.tf
git -C "$work/repo" commit -q -m terraform >"$work/out" 2>&1
status=$?
check "git hook refuses Terraform with an error" [ "$status" -ne 0 ]
check "git hook shows the Terraform finding" grep -q "dns/mail.tf:6:14: error: MX exchange mail.example.com. is an alias" "$work/out"

# What a commit breaks elsewhere: a commit to example.net.zone that makes the exchange of an MX in
# example.org.zone (untouched) a CNAME is refused; a finding that was there before is no reason.
org_zone() {
  printf '%s\n' '$ORIGIN example.org.' '$TTL 300' '@ SOA ns1.example.net. hostmaster 1 7200 900 1209600 300' \
    '@ NS ns1.example.net.' '@ NS ns2.example.net.' '@ MX 10 mx3.example.net.' '@ MX 20 mx4.example.net.'
}
net_zone() {  # net_zone MX3-LINE
  printf '%s\n' '$ORIGIN example.net.' '$TTL 300' '@ SOA ns1 hostmaster 1 7200 900 1209600 300' \
    '@ NS ns1' '@ NS ns2' 'ns1 A 192.0.2.1' 'ns2 A 198.51.100.2' "$1" 'mx4 A 198.51.100.4' \
    'relay A 203.0.113.9'
}
new_repo
cp "$SOURCE/pre-commit-hooks/pre-commit" "$work/repo/.git/hooks/pre-commit"
org_zone >"$work/repo/example.org.zone"
net_zone 'mx3 A 192.0.2.3' >"$work/repo/example.net.zone"
git -C "$work/repo" add . && git -C "$work/repo" commit -q -m zones >"$work/out" 2>&1
check "git hook: clean zones pass" [ "$?" -eq 0 ]
net_zone 'mx3 CNAME relay' >"$work/repo/example.net.zone"
git -C "$work/repo" add example.net.zone
git -C "$work/repo" commit -q -m "mx3 becomes an alias" >"$work/out" 2>&1
check "git hook refuses a change that breaks another zone" [ "$?" -ne 0 ]
check "git hook names the finding in the untouched zone" \
  grep -q "example.org.zone:6:1: error: MX exchange mx3.example.net. is an alias" "$work/out"
git -C "$work/repo" commit -q --no-verify -m "committed anyway" >/dev/null 2>&1
net_zone 'mx3 CNAME relay' >"$work/repo/example.net.zone"
printf 'www A 203.0.113.80\n' >>"$work/repo/example.net.zone"
git -C "$work/repo" add example.net.zone
git -C "$work/repo" commit -q -m "a record beside it" >"$work/out" 2>&1
check "git hook: a finding elsewhere that was there before does not stop a commit" [ "$?" -eq 0 ]
check "git hook says what it left out" grep -q "1 finding elsewhere, there before the change, not shown" "$work/out"

# --- the pre-commit framework
if ! command -v pre-commit >/dev/null 2>&1; then
  echo "SKIPPED (pre-commit framework): pre-commit is not installed (Debian package pre-commit)"
elif ! git -C "$SOURCE" rev-parse --git-dir >/dev/null 2>&1; then
  echo "SKIPPED (pre-commit framework): $SOURCE is not a git checkout, try-repo needs one"
else
  export PRE_COMMIT_HOME="$work/pre-commit-home"
  new_repo
  bad_zone >"$work/repo/example.com.zone"
  git -C "$work/repo" add example.com.zone
  (cd "$work/repo" && pre-commit try-repo "$SOURCE" dnslint --files example.com.zone) >"$work/out" 2>&1
  status=$?
  check "pre-commit hook fails on an error" [ "$status" -ne 0 ]
  check "pre-commit hook shows the finding" grep -q "example.com.zone:6:1: error: MX exchange mail.example.com. is an alias" "$work/out"
  good_zone >"$work/repo/example.com.zone"
  git -C "$work/repo" add example.com.zone
  (cd "$work/repo" && pre-commit try-repo "$SOURCE" dnslint --files example.com.zone) >"$work/out" 2>&1
  status=$?
  check "pre-commit hook passes a clean zone" [ "$status" -eq 0 ]
  # The cross-zone case, through the framework's own run.
  git -C "$work/repo" commit -q -m clean >/dev/null 2>&1
  org_zone >"$work/repo/example.org.zone"
  net_zone 'mx3 A 192.0.2.3' >"$work/repo/example.net.zone"
  git -C "$work/repo" add . && git -C "$work/repo" commit -q -m zones >/dev/null 2>&1
  net_zone 'mx3 CNAME relay' >"$work/repo/example.net.zone"
  git -C "$work/repo" add example.net.zone
  (cd "$work/repo" && pre-commit try-repo "$SOURCE" dnslint --files example.net.zone) >"$work/out" 2>&1
  status=$?
  check "pre-commit hook fails on what a change breaks in another zone" [ "$status" -ne 0 ]
  check "pre-commit hook names the other zone" \
    grep -q "example.org.zone:6:1: error: MX exchange mx3.example.net. is an alias" "$work/out"
fi

# --- the problem matcher reads every line of the text format, notes too, each exactly once
bad_zone >"$work/m.zone"
printf 'x IN A 192.0.2.300\n' >>"$work/m.zone"
printf '$ORIGIN example.org.\n$TTL 300\n@ SOA ns1 hostmaster 1 2 3 4 5\n@ NS ns1.example.net.\n@ NS ns2.example.net.\n@ MX 10 ${MAIL_HOST}.\n' >"$work/n.zone"
printf -- '---\nkind: DNSEndpoint\napiVersion: externaldns.k8s.io/v1alpha1\nmetadata: {name: x}\nspec:\n  endpoints:\n    - {dnsName: a.example.com, recordType: A, targets: ["${IP}"]}\n' >"$work/n.yaml"
(cd "$work" && "$DNSLINT" --color never --fail-on never m.zone n.yaml >"$work/text" 2>/dev/null)
check "problem matcher matches every finding line, with its severity" python3 -c '
import json, re, sys
matchers = json.load(open(sys.argv[1]))["problemMatcher"]
lines = open(sys.argv[2]).read().splitlines()
severities = set()
for line in lines:
    found = [(m, re.match(m["pattern"][0]["regexp"], line)) for m in matchers]
    found = [(m, match) for m, match in found if match]
    assert len(found) == 1, line
    matcher, match = found[0]
    pattern = matcher["pattern"][0]
    assert match.group(pattern["file"]) in ("m.zone", "n.yaml") and int(match.group(pattern["line"])) >= 1
    assert match.group(pattern["code"]) and match.group(pattern["message"])
    assert matcher["severity"] == {"error": "error", "warning": "warning", "note": "notice"}[line.split(": ")[1]]
    severities.add(matcher["severity"])
assert severities == {"error", "warning", "notice"}, severities
' "$SOURCE/integrations/github/dnslint-problem-matcher.json" "$work/text"

echo "hooks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
