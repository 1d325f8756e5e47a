#!/usr/bin/env bash
# Builds dnslint in Release (static; the `package` preset, without the tests) and writes, in
# build/package/:
#   dnslint_<version>_<arch>.deb              the Debian package (cpack -G DEB)
#   dnslint-<version>-linux-<arch>.tar.gz     the binary, man page, completions, LICENSE, README
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset package >/dev/null
cmake --build --preset package

out=build/package
mkdir -p "$out"
(cd build/package-build && cpack -G DEB -B "$PWD/../package" >/dev/null)
rm -rf "$out/_CPack_Packages"

version=$(build/package-build/dnslint --version | awk '{print $2}')
arch=$(uname -m)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
root="$stage/dnslint-$version-linux-$arch"
DESTDIR="$stage/install" cmake --install build/package-build --prefix /usr --strip >/dev/null
mkdir -p "$root/completions"
cp "$stage/install/usr/bin/dnslint" "$root/"
cp "$stage/install/usr/share/man/man1/dnslint.1.gz" "$root/"
cp "$stage/install/usr/share/bash-completion/completions/dnslint" "$root/completions/dnslint.bash"
cp "$stage/install/usr/share/zsh/vendor-completions/_dnslint" "$root/completions/_dnslint"
cp "$stage/install/usr/share/fish/vendor_completions.d/dnslint.fish" "$root/completions/"
cp LICENSE README.md CHANGELOG.md "$root/"
# Sorted names, fixed owner and time: the same sources give the same tarball.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$stage" \
  -czf "$out/dnslint-$version-linux-$arch.tar.gz" "dnslint-$version-linux-$arch"
ls -1 "$out"/*.deb "$out"/*.tar.gz
