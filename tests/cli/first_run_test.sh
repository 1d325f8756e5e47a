#!/usr/bin/env bash
# A new user's first run on a repository nobody here wrote: dnslint reads only DNS data, reads
# it whole, and never loses or garbles a file. Each case builds the pattern it tests in a
# scratch repository.
# Usage: first_run_test.sh PATH-TO-DNSLINT
set -u
DNSLINT=$1
work=$(mktemp -d)
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $1"; }
check() {  # check NAME CONDITION...
  local name=$1
  shift
  if "$@"; then pass; else fail "$name"; fi
}
contains() { [[ "$1" == *"$2"* ]]; }
# run NAME EXPECTED-STATUS DIR ARGS...: runs dnslint in DIR, keeps stdout/stderr in $out/$err.
run() {
  local name=$1 expected=$2 dir=$3
  shift 3
  (cd "$dir" && "$DNSLINT" "$@") >"$work/out" 2>"$work/err"
  status=$?
  out=$(cat "$work/out")
  err=$(cat "$work/err")
  if [ "$status" -eq "$expected" ]; then pass; else fail "$name: exit $status, expected $expected (stderr: $err)"; fi
}
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.com
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.com

zone() {  # zone ORIGIN [RECORD...]: a whole zone that lints clean, with more records
  local origin=$1
  shift
  printf '%s\n' "\$ORIGIN $origin." '$TTL 3600' '@ SOA ns1.provider.test. hostmaster 1 7200 3600 1209600 300' \
    '@ NS ns1.provider.test.' '@ NS ns2.provider.test.' "$@"
}

# --- read only DNS data: a repository with other YAML, templates, a database and a fragment
repo="$work/repo"
mkdir -p "$repo/zones" "$repo/grafana/provisioning/datasources" "$repo/recyclarr" "$repo/talos" \
  "$repo/templates" "$repo/app"
git -C "$repo" init -q
zone example.com '@ MX 10 mx1.provider.test.' '@ MX 20 mx2.backup.test.' >"$repo/zones/example.com.zone"
printf 'apiVersion: 1\ndatasources:\n  - name: Prometheus\n    type: prometheus\n    url: http://prometheus:9090\n' \
  >"$repo/grafana/provisioning/datasources/datasources.yaml"
printf 'datasources:\n  - name: Loki\n    type: loki\n    url: http://loki:3100\n' >"$repo/grafana/loki.example.com.yaml"
printf 'sonarr:\n  series:\n    - type: custom-formats\n      trash_ids: [abc]\n' >"$repo/recyclarr/recyclarr.yml"
printf 'machine:\n  network:\n    hostname: {{ hostname }}\n{%% if vip %%}\n    vip: {{ vip }}\n{%% endif %%}\n' \
  >"$repo/talos/machineconfig.yaml.j2"
printf '$ORIGIN {{ zone }}.\n@ SOA ns1 hostmaster {serial} 1 2 3 4\n' >"$repo/templates/db.example.tmpl"
printf 'SQLite format 3\0\0\0\0binary tables' >"$repo/app/app.db"
run "a mixed repository reads only its DNS data" 0 "$repo"
check "... and reports nothing there" [ -z "$out" ]
check "... and says how many files it skipped" contains "$err" "6 files skipped (--verbose says why)"
run "--list-files names what is read and what is skipped, with the reason" 0 "$repo" --list-files
check "--list-files: the zone is read" contains "$out" "zones/example.com.zone	zone"
check "--list-files: Grafana's datasources are no octoDNS zone" \
  contains "$out" "grafana/provisioning/datasources/datasources.yaml	skipped: YAML that is no octoDNS zone"
check "--list-files: a Grafana file named like a domain is no octoDNS zone either" \
  contains "$out" "grafana/loki.example.com.yaml	skipped: YAML that is no octoDNS zone"
check "--list-files: recyclarr's settings are skipped" contains "$out" "recyclarr/recyclarr.yml	skipped"
check "--list-files: a Jinja template is skipped" contains "$out" "talos/machineconfig.yaml.j2	skipped: a template (.j2"
check "--list-files: a zone template is skipped" contains "$out" "templates/db.example.tmpl	skipped: a template (.tmpl"
check "--list-files: an SQLite file is not text" contains "$out" "app/app.db	skipped: not text"
run "--verbose says why each file was skipped" 0 "$repo" --verbose
check "--verbose names the configuration" contains "$err" "dnslint: configuration: defaults"
check "--verbose names the path root" contains "$err" "dnslint: paths relative to $repo"
check "--verbose lists the template" contains "$err" "skipped 'talos/machineconfig.yaml.j2': a template"
run "a named template is read only with --input-format" 2 "$repo" templates/db.example.tmpl
check "a named template says how to read it" contains "$err" "name it with --input-format"
run "--input-format reads a named template" 1 "$repo" --input-format zone templates/db.example.tmpl
check "... as the format named" contains "$out" "templates/db.example.tmpl:2:"
run "a named binary file is one read-error" 2 "$repo" app/app.db
check "a named binary file: one line, at the first NUL byte" \
  [ "$out" = "app/app.db:1:16: error: 'app/app.db' is not text (it holds NUL bytes): a binary file, or text in UTF-16; dnslint reads zone files, Terraform and DNS YAML (--input-format reads it anyway) [read-error]" ]
run "empty standard input says so" 2 "$repo" -
check "empty standard input: the message" contains "$err" "standard input is empty"

# --- read it whole: $INCLUDE ../ within the repository, fragments read as part of their zone
inc="$work/include-repo"
mkdir -p "$inc/etc/zones"
git -C "$inc" init -q
printf '%s\n' 'www A 192.0.2.80' 'mail A 192.0.2.25' >"$inc/etc/db.common"
zone example.com '$INCLUDE ../db.common' '@ MX 10 mail' '@ MX 20 mx2.backup.test.' >"$inc/etc/zones/db.example.com"
zone example.org '$INCLUDE ../db.common' '@ MX 10 mail' '@ MX 20 mx2.backup.test.' >"$inc/etc/zones/db.example.org"
run "\$INCLUDE ../ reaches a fragment in the repository" 0 "$inc"
check "... with no soa-missing for the fragment" bash -c "! grep -q soa-missing <<<'$out'"
check "... read once per zone that includes it, not on its own" contains "$err" "in 3 files (2 zones,"
run "the same from inside the zones' folder" 0 "$inc/etc/zones" .
printf '%s\n' "\$INCLUDE $work/outside.inc" >"$inc/etc/zones/db.escape"
printf 'x A 192.0.2.1\n' >"$work/outside.inc"
zone escape.example '$INCLUDE ../../../outside.inc' >"$inc/etc/zones/db.escape.example"
run "\$INCLUDE outside the repository stays refused" 1 "$inc" etc/zones/db.escape.example
check "... and names the repository" contains "$out" "lies outside the repository $inc"
run "--include-root allows a tree outside it" 0 "$inc" --include-root "$work" etc/zones/db.escape.example
rm "$inc/etc/zones/db.escape" "$inc/etc/zones/db.escape.example"

# --- configuration and path root come from the linted paths, not the working directory
printf 'rules:\n  mx-missing-backup: {enabled: false}\n' >"$inc/.dnslint.yaml"
zone single.example '@ MX 10 mx1.provider.test.' >"$inc/etc/zones/db.single.example"
run "from elsewhere: the repository's configuration applies" 0 "$work" "$inc"
check "from elsewhere: paths relative to the repository" contains "$err" "in 4 files"
run "from elsewhere, --verbose: the repository's configuration" 0 "$work" --verbose "$inc/etc/zones"
check "from elsewhere: the configuration found" contains "$err" "configuration: $inc/.dnslint.yaml"
check "from elsewhere: the path root found" contains "$err" "paths relative to $inc"
rm "$inc/.dnslint.yaml"
run "without the configuration the single MX is reported, with a repository path" 1 "$work" "$inc"
check "... the path is the repository's" contains "$out" "etc/zones/db.single.example:6:1: warning: single.example. has a single mail exchange"

# --- a dynamic zone: ACME challenge CNAMEs into a zone filled at run time
dyn="$work/dynamic"
mkdir -p "$dyn"
zone example.com '_acme-challenge.www CNAME www.acme.example.com.' >"$dyn/db.example.com"
zone acme.example.com >"$dyn/db.acme.example.com"
run "a CNAME into a zone declared nowhere dynamic is a warning" 1 "$dyn"
check "... cname-target-missing" contains "$out" "warning: CNAME target www.acme.example.com. does not exist"
printf 'zones:\n  acme.example.com:\n    dynamic: true\n' >"$dyn/.dnslint.yaml"
run "in a zone declared dynamic it is a note" 0 "$dyn"
check "... which says why" contains "$out" "note: CNAME target www.acme.example.com. is not defined in these files; zone acme.example.com. is dynamic"
printf 'zones:\n  acme.example.com:\n    dynamc: true\n' >"$dyn/.dnslint.yaml"
run "an unknown key of a zone is a configuration error" 2 "$dyn"
check "... with a suggestion" contains "$err" "unknown key 'dynamc' of zone 'acme.example.com' (did you mean 'dynamic'?)"
printf 'zones:\n  acme.example.com:\n    partial: true\n' >"$dyn/.dnslint.yaml"
run "dnslint config shows the zones" 0 "$dyn" config
check "... dynamic and partial" contains "$out" '"acme.example.com.": {dynamic: false, partial: true}'

# --- nothing read, nothing readable
ex="$work/excluded"
mkdir -p "$ex"
zone example.com >"$ex/example.com.zone"
printf 'exclude: ["**"]\n' >"$ex/.dnslint.yaml"
run "an exclude that removes every file is an empty run" 2 "$ex"
check "... which says the configuration excluded them" contains "$err" "but the 1 file the configuration excludes"
locked="$work/locked"
mkdir -p "$locked/private" "$locked/open"
chmod 755 "$locked" "$locked/open"
zone example.com >"$locked/open/example.com.zone"
zone example.org >"$locked/private/example.org.zone"
chmod 755 "$locked/open/example.com.zone" "$locked/private/example.org.zone"
ln -s missing.zone "$locked/open/broken.zone"
ln -s missing-target "$locked/open/result"
chmod 000 "$locked/private"
# As root every folder is readable: the check runs as nobody where it can.
as_user=()
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
(cd "$locked" && "${as_user[@]}" "$DNSLINT" .) >"$work/out" 2>"$work/err"
status=$?
out=$(cat "$work/out")
if [ "$(id -u)" -ne 0 ] || [ ${#as_user[@]} -gt 0 ]; then
  check "an unreadable folder is exit 2" [ "$status" -eq 2 ]
  check "... a read-error with the OS's reason" contains "$out" "private:1:1: error: cannot read 'private': Permission denied [read-error]"
else
  echo "SKIPPED (unreadable folder): running as root without setpriv"
fi
check "a broken link named like a zone file is a read-error" contains "$out" "open/broken.zone:1:1: error: cannot read 'open/broken.zone': No such file or directory [read-error]"
check "a broken link of another name is none of dnslint's business" bash -c "! grep -q result <<<'$out'"
chmod 755 "$locked/private"

# --- --fix keeps files what they were: links, modes, owners, hard links
fix="$work/fix"
mkdir -p "$fix/real"
zone example.com '@ MX 10 mx1.example.net' '@ MX 20 mx2.backup.test.' >"$fix/real/example.com.zone"
ln -s real/example.com.zone "$fix/linked.example.com.zone"
chmod 640 "$fix/real/example.com.zone"
run "--fix through a symbolic link" 0 "$fix" --fix linked.example.com.zone
check "... the link is still a link" [ -L "$fix/linked.example.com.zone" ]
check "... its target is fixed" grep -q '^@ MX 10 mx1.example.net.$' "$fix/real/example.com.zone"
check "... and keeps its mode" [ "$(stat -c %a "$fix/real/example.com.zone")" = 640 ]
zone example.org '@ MX 10 mx1.example.net' '@ MX 20 mx2.backup.test.' >"$fix/example.org.zone"
ln "$fix/example.org.zone" "$fix/hardlink.zone"
run "--fix of a file with a second hard link" 0 "$fix" --fix example.org.zone
check "... rewrites it in place: both names see the fix" grep -q '^@ MX 10 mx1.example.net.$' "$fix/hardlink.zone"
check "... and they stay one file" [ "$(stat -c %h "$fix/example.org.zone")" = 2 ]
check "... leaving no temporary copy" bash -c "[ -z \"\$(ls -A '$fix' | grep tmp)\" ]"
if [ "$(id -u)" -eq 0 ]; then
  zone example.net '@ MX 10 mx1.example.org' '@ MX 20 mx2.backup.test.' >"$fix/example.net.zone"
  chown 65534:65534 "$fix/example.net.zone"
  run "--fix of a file someone else owns" 0 "$fix" --fix example.net.zone
  check "... keeps its owner and group" [ "$(stat -c %u:%g "$fix/example.net.zone")" = 65534:65534 ]
fi
zone example.com 'shop A 192.0.2.80' '@ MX 10 mx.shop' '@ MX 20 mx2.backup.test.' >"$fix/shop.example.com.zone"
zone example.com 'shop A 192.0.2.80' '@ MX 10 mx.shop' '@ MX 20 mx2.backup.test.' >"$work/shop.expected"
run "a trailing dot that may not be meant is no certain fix" 1 "$fix" --fix --select target-missing-trailing-dot shop.example.com.zone
check "... --fix leaves the file as it was" cmp -s "$fix/shop.example.com.zone" "$work/shop.expected"
check "... and the finding says the relative name may be meant" contains "$out" "shop.example.com. exists, so the relative name may be meant too"
run "... SARIF still offers the dot" 1 "$fix" -f sarif --select target-missing-trailing-dot shop.example.com.zone
check "... as a fix in SARIF" python3 -c '
import json, sys
result = json.load(sys.stdin)["runs"][0]["results"][0]
assert result["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "."
' <<<"$out"

# --- every report format escapes what it must
esc="$work/escape"
mkdir -p "$esc"
printf '$ORIGIN example.com.\n$TTL 300\n@ SOA ns1 h 1 7200 900 1209600 300\n@ NS ns1.example.net.\n@ NS ns2.example.org.\n@ TXT "v=spf1 \351\001 include:bad\377 -all"\n' >"$esc/escape.zone"
printf 'resource "aws_route53_record" "mx" {\n  zone_id = "Z1"\n  name    = "example.org"\n  type    = "MX"\n  ttl     = 300\n  records = [<<EOT\n10 mail\n.example.org\nEOT\n  ]\n}\n' >"$esc/main.tf"
for format in text github json sarif gitlab junit markdown; do
  run "report format $format" 1 "$esc" -f "$format" --fail-on warning .
  check "$format: valid UTF-8 without control characters but line ends" python3 -c '
import sys
data = open(sys.argv[1], "rb").read()
text = data.decode("utf-8")
assert not any(ord(c) < 32 and c not in "\n" for c in text), [c for c in text if ord(c) < 32 and c != "\n"]
' "$work/out"
  case $format in
    text | github)
      check "$format: one line per finding" [ "$(grep -c 'escape.zone\|main.tf' "$work/out")" = "$(wc -l <"$work/out")" ]
      ;;
    json | sarif | gitlab) check "$format: valid JSON" python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$work/out" ;;
    junit) check "junit: valid XML" python3 -c 'import sys, xml.etree.ElementTree as ET; ET.parse(sys.argv[1])' "$work/out" ;;
    markdown) check "markdown: one table row per finding" [ "$(grep -cE '^\| (error|warning|note) \|' "$work/out")" = 3 ] ;;
  esac
done
run "text: invalid UTF-8 and control characters are escaped" 1 "$esc" escape.zone
check "text: \\xE9 and \\x01" contains "$out" "'\\xE9\\x01' holds the byte 0xE9"
run "text: a value with a newline stays on one line" 1 "$esc" main.tf
check "text: \\n" contains "$out" "'10 mail\\n.example.org\\n'"

echo "first run: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
