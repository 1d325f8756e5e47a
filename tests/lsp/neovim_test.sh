#!/usr/bin/env bash
# dnslint lsp in a real client: Neovim's built-in LSP client (Debian's 0.7) runs headless with
# the configuration shipped in integrations/neovim/, opens a zone file, and the test reads what
# vim.diagnostic.get() holds.
#   neovim_test.sh DNSLINT
set -euo pipefail
dnslint=$(realpath "$1")
config=$(realpath "$(dirname "$0")/../../integrations/neovim/dnslint.lua")
if ! command -v nvim >/dev/null; then
  echo "skipped: nvim is not installed (scripts/install-deps.sh --test installs it)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/example.com.zone" <<'ZONE'
$ORIGIN example.com.
$TTL 3600
@    IN SOA  ns1 hostmaster 1 7200 3600 1209600 300
@    IN NS   ns1.example.net.
@    IN NS   ns2.example.net.
@    IN TXT  "v=spf1 ip4:192.0.2.300 -all"
ZONE
cat >"$work/check.lua" <<LUA
local ok = vim.wait(10000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local out = io.open("$work/result.txt", "w")
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or "?"
  out:write(string.format("%d:%d %d %s %s\n", d.lnum, d.col, d.severity, code, d.message))
end
out:write(ok and "done\n" or "timeout\n")
out:close()
for _, client in pairs(vim.lsp.get_active_clients()) do client.stop() end
vim.cmd("qall!")
LUA
(cd "$work" && PATH="$(dirname "$dnslint"):$PATH" HOME="$work" timeout 60 \
  nvim --headless -u NONE -i NONE -c "luafile $config" -c "edit example.com.zone" \
  -c "luafile check.lua" >/dev/null 2>&1) || true
cat "$work/result.txt" 2>/dev/null || { echo "FAIL: Neovim wrote no result"; exit 1; }
grep -q "^5:21 1 spf-syntax SPF record of example.com.: ip4:192.0.2.300" "$work/result.txt" ||
  { echo "FAIL: Neovim did not show the spf-syntax diagnostic at 5:21"; exit 1; }
grep -qx "done" "$work/result.txt" || { echo "FAIL: no diagnostics within 10 s"; exit 1; }
echo "neovim: the diagnostics arrived"
