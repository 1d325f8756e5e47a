#!/usr/bin/env bash
# Finds HashiCorp's HCL specification suite and runs hcl_spec_suite over it. Debian's
# golang-github-hashicorp-hcl-v2-dev ships it; where that package is not installed, it is
# downloaded (apt-get download, no root needed) and unpacked into the build tree.
# Usage: spec_suite.sh HCL_SPEC_SUITE BUILD_DIR       exit 77 when the suite cannot be had
set -euo pipefail
runner=$1
build=$2
relative=usr/share/gocode/src/github.com/hashicorp/hcl/v2/specsuite/tests
suite=/$relative
if [ ! -d "$suite" ]; then
  cache="$build/hcl-spec"
  suite="$cache/$relative"
  if [ ! -d "$suite" ]; then
    mkdir -p "$cache"
    if ! (cd "$cache" && apt-get download golang-github-hashicorp-hcl-v2-dev >/dev/null 2>&1 &&
          dpkg -x golang-github-hashicorp-hcl-v2-dev_*.deb .); then
      echo "SKIP: HashiCorp's HCL spec suite is not installed and cannot be downloaded"
      exit 77
    fi
  fi
fi
exec "$runner" "$suite"
