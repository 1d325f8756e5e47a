#!/usr/bin/env bash
# The release as a user gets it: builds the package and the tarball (scripts/package.sh), runs
# lintian, installs the .deb into a scratch root and lints examples/ with the packaged binary,
# loads the completions in bash, zsh and fish, renders the man page, checks that
# `cmake --install` honours DESTDIR, and runs the GitHub Action's steps with their default inputs
# (tests/action/run_action.py), once with the packaged dnslint on PATH and once configuring and
# building it (over the package's build folder, so that CI compiles the release once).
set -euo pipefail
cd "$(dirname "$0")/../.."
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "check_package: $*" >&2; exit 1; }

scripts/package.sh >"$scratch/package.log" 2>&1 || { cat "$scratch/package.log"; fail "scripts/package.sh failed"; }
version=$(sed -n 's/^project(dnslint VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
arch=$(dpkg --print-architecture)
deb=build/package/dnslint_${version}_${arch}.deb
tarball=build/package/dnslint-${version}-linux-$(uname -m).tar.gz
[ -f "$deb" ] || fail "$deb is missing"
[ -f "$tarball" ] || fail "$tarball is missing"

echo "== documented revisions exist"
if [ -z "$(git tag)" ]; then
  echo "check_package: skipping the revision check: this clone has no tags"
else
  for rev in $(grep -ho 'rev: v[0-9.]*\|dnslint/dnslint@v[0-9.]*' README.md pre-commit-hooks/README.md \
    docs/integrations.md action.yml | sed 's/.* //; s/.*@//' | sort -u); do
    git rev-parse -q --verify "refs/tags/$rev" >/dev/null || fail "the docs name $rev, which is no tag"
  done
fi

echo "== lintian"
lintian --fail-on error,warning "$deb"

echo "== package contents"
dpkg-deb -f "$deb" Depends | grep -q . && fail "the static package has Depends: $(dpkg-deb -f "$deb" Depends)"
root="$scratch/root"
dpkg-deb -x "$deb" "$root"
for path in usr/bin/dnslint usr/share/man/man1/dnslint.1.gz \
  usr/share/bash-completion/completions/dnslint usr/share/zsh/vendor-completions/_dnslint \
  usr/share/fish/vendor_completions.d/dnslint.fish usr/share/doc/dnslint/copyright \
  usr/share/doc/dnslint/changelog.gz usr/share/doc/dnslint/rules/mx-target-cname.md; do
  [ -f "$root/$path" ] || fail "the package lacks /$path"
done
dnslint="$root/usr/bin/dnslint"
"$dnslint" --version | grep -qx "dnslint $version (commit [0-9a-f]*\(-modified\)\?)" ||
  fail "unexpected --version: $("$dnslint" --version)"

echo "== the packaged binary lints examples/"
status=0
"$dnslint" --no-show-source examples/ >"$scratch/examples.txt" || status=$?
[ "$status" -eq 1 ] || fail "dnslint examples/ exited $status, expected 1 (findings)"
grep -q "error: .*\[mx-target-cname\]" "$scratch/examples.txt" || fail "no mx-target-cname finding in examples/"

echo "== man page"
zcat "$root/usr/share/man/man1/dnslint.1.gz" >"$scratch/dnslint.1"
warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$scratch/dnslint.1" 2>&1 >/dev/null)
[ -z "$warnings" ] || fail "man reports: $warnings"
for option in $("$dnslint" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
  grep -qF -- "\\fB$(sed 's/-/\\-/g' <<<"$option")\\fR" "$scratch/dnslint.1" || fail "the man page lacks $option"
done
grep -q '^\.SH EXIT STATUS' "$scratch/dnslint.1" || fail "the man page lacks EXIT STATUS"

echo "== completions load"
words=$(bash --norc -c "source '$root/usr/share/bash-completion/completions/dnslint'
  COMP_WORDS=(dnslint --fail); COMP_CWORD=1; _dnslint; echo \"\${COMPREPLY[*]}\"")
[ "$words" = "--fail-on" ] || fail "bash completes '--fail' as '$words'"
words=$(bash --norc -c "source '$root/usr/share/bash-completion/completions/dnslint'
  COMP_WORDS=(dnslint explain mx-target-c); COMP_CWORD=2; _dnslint; echo \"\${COMPREPLY[*]}\"")
[ "$words" = "mx-target-cname" ] || fail "bash completes 'explain mx-target-c' as '$words'"
if command -v zsh >/dev/null; then
  zsh -f -c "fpath=('$root/usr/share/zsh/vendor-completions' \$fpath); autoload -U compinit;
    compinit -u -d '$scratch/zcompdump'; [[ \${_comps[dnslint]} == _dnslint ]]; autoload +X _dnslint" ||
    fail "zsh does not load _dnslint"
else
  fail "zsh is not installed (scripts/install-deps.sh --test installs it)"
fi
if command -v fish >/dev/null; then
  words=$(HOME="$scratch" fish --no-config -c "source '$root/usr/share/fish/vendor_completions.d/dnslint.fish'; complete -C'dnslint --fail'")
  grep -q -- "^--fail-on" <<<"$words" || fail "fish completes '--fail' as '$words'"
else
  fail "fish is not installed (scripts/install-deps.sh --test installs it)"
fi

echo "== tarball"
tar -xzf "$tarball" -C "$scratch"
unpacked="$scratch/dnslint-$version-linux-$(uname -m)"
for path in dnslint dnslint.1.gz completions/dnslint.bash completions/_dnslint completions/dnslint.fish LICENSE README.md; do
  [ -f "$unpacked/$path" ] || fail "the tarball lacks $path"
done
"$unpacked/dnslint" --version >/dev/null

echo "== cmake --install honours DESTDIR"
DESTDIR="$scratch/destdir" cmake --install build/package-build --prefix /usr >/dev/null
[ -x "$scratch/destdir/usr/bin/dnslint" ] || fail "DESTDIR install has no usr/bin/dnslint"
[ -f "$scratch/destdir/usr/share/man/man1/dnslint.1.gz" ] || fail "DESTDIR install has no man page"

echo "== GitHub Action, dnslint on PATH"
workspace="$scratch/workspace"
cp -r examples "$workspace"
status=0
(cd "$workspace" && PATH="$root/usr/bin:$PATH" python3 "$OLDPWD/tests/action/run_action.py" "$OLDPWD" \
  --outputs "$scratch/outputs.json") >"$scratch/action.txt" 2>&1 || status=$?
[ "$status" -eq 1 ] || { cat "$scratch/action.txt"; fail "the action exited $status on examples/, expected 1"; }
grep -q "^::error file=.*title=mx-target-cname" "$scratch/action.txt" || { cat "$scratch/action.txt"; fail "no annotation"; }
grep -q "Using $root/usr/bin/dnslint" "$scratch/action.txt" || fail "the action did not use the dnslint on PATH"
python3 - "$workspace/dnslint.sarif" "$scratch/outputs.json" <<'PY'
import json, sys
sarif = json.load(open(sys.argv[1]))
assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"], "SARIF without results"
assert json.load(open(sys.argv[2])) == {"sarif-file": "dnslint.sarif"}, "outputs"
PY

echo "== GitHub Action, building dnslint"
clean="$scratch/clean"
mkdir -p "$clean"
printf '$ORIGIN example.com.\n$TTL 3600\n@ SOA ns1 hostmaster 1 7200 3600 1209600 3600\n@ NS ns1\n@ NS ns2.example.net.\nns1 A 192.0.2.1\n' >"$clean/db.example.com"
# Nothing named dnslint on PATH, so the action configures and builds it. Its build folder is
# the package's, as a runner's cache would hold it: the release is compiled once, above, and
# this checks the action's steps over it.
mkdir -p build/action-runner
rm -rf build/action-runner/dnslint-build
ln -s ../package-build build/action-runner/dnslint-build
path_without_dnslint=$(tr ':' '\n' <<<"$PATH" | while read -r dir; do [ -x "$dir/dnslint" ] || printf '%s:' "$dir"; done)
status=0
(cd "$clean" && PATH="${path_without_dnslint%:}" python3 "$OLDPWD/tests/action/run_action.py" "$OLDPWD" \
  --runner-temp "$OLDPWD/build/action-runner" --input format=text) >"$scratch/action-build.txt" 2>&1 || status=$?
[ "$status" -eq 0 ] || { tail -40 "$scratch/action-build.txt"; fail "the building action exited $status on a clean zone"; }
[ -f "$clean/dnslint.sarif" ] || fail "the building action wrote no SARIF"
echo "check_package: all checks passed"
