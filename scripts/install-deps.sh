#!/usr/bin/env bash
# Installs the Debian packages that dnslint needs and are missing; installs nothing when all
# are there. As root it runs apt-get directly, otherwise through sudo.
#   scripts/install-deps.sh          build dependencies
#   scripts/install-deps.sh --test   build and test dependencies (peers for parity tests)
set -euo pipefail

packages=(cmake ninja-build g++ make pkg-config libldns-dev libssl-dev libyaml-cpp-dev rapidjson-dev libfmt-dev doctest-dev publicsuffix libre2-dev libutf8proc-dev libc-ares-dev)
if [ "${1:-}" = "--test" ]; then
  packages+=(python3 python3-jsonschema git pre-commit bind9-utils knot-dnssecutils validns nsd ldnsutils valgrind)
  # HashiCorp's HCL parser and spec suite, the reference the Terraform reader is tested against.
  packages+=(golang-go golang-github-hashicorp-hcl-v2-dev)
  # The shells whose completion scripts dnslint writes; what checks the package, its man page
  # and the GitHub Action (tests/package/check_package.sh).
  packages+=(zsh fish lintian man-db python3-yaml)
  # The editor whose built-in LSP client tests `dnslint lsp`.
  packages+=(neovim)
  # The SPF implementation and the openspf RFC 7208 suite the mail rules are tested against.
  packages+=(python3-spf)
  # What `dnslint verify` is tested against on loopback: a resolver, a DNS blocklist server, SMTP
  # servers with STARTTLS and a test CA.
  packages+=(unbound rbldnsd python3-aiosmtpd openssl)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "dnslint: these packages are missing and neither root nor sudo is available: ${missing[*]}" >&2
  exit 1
fi
echo "dnslint: installing ${missing[*]}"
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
