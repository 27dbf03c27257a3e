#!/usr/bin/env bash
# Editor clients: build and package the VS Code extension, then run Marginalia
# in headless Neovim. Safe to run again; it rebuilds from the lock files.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

echo "== VS Code extension: npm ci, compile, test, package"
(
  cd editors/vscode
  npm ci --no-audit --no-fund
  npm run compile
  npm test
  npx --no-install vsce package --out /tmp/marginalia.vsix
)
ls -l /tmp/marginalia.vsix

echo "== Neovim test harness against a stand-in server"
tests/nvim/selftest.sh

echo "== Neovim with the Marginalia server"
tests/nvim/run.sh
