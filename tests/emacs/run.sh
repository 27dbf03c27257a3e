#!/usr/bin/env bash
# Marginalia in Emacs (Eglot, batch mode): see tests/emacs/test.el for what is
# checked. Runs without markdown-mode, and with it when it is installed.
#
#   tests/emacs/run.sh                      # builds target/debug/marginalia
#   MARGINALIA_BIN=/path/to/marginalia tests/emacs/run.sh
#
# Needs Emacs 28+ with Eglot: apt-get install emacs-nox elpa-eglot
# (elpa-markdown-mode for the second run).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
say() { printf '[emacs-test] %s\n' "$*" >&2; }

emacs="${EMACS:-emacs}"
command -v "$emacs" >/dev/null || { say "no $emacs: apt-get install emacs-nox elpa-eglot"; exit 1; }

# shellcheck source=../server-bin.sh
source "$repo/tests/server-bin.sh"
say "server: $MARGINALIA_BIN"

work="$(mktemp -d "${TMPDIR:-/tmp}/marginalia-emacs.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# The snippet starts `marginalia` from exec-path; this folder holds only it.
mkdir -p "$work/bin"
ln -s "$MARGINALIA_BIN" "$work/bin/marginalia"

# markdown-mode is there if Debian's package (or any package.el copy) is.
variants=(0)
if "$emacs" --batch -q --eval '(progn (package-initialize) (kill-emacs (if (fboundp (quote markdown-mode)) 0 1)))' 2>/dev/null; then
  variants+=(1)
else
  say "markdown-mode is not installed; testing without it only"
fi

for markdown in "${variants[@]}"; do
  # A fresh plain folder (no marginalia.toml above it, no version control)
  # and a fresh home, so that no user configuration is read.
  rm -rf "$work/articles" "$work/home"
  mkdir -p "$work/articles" "$work/home"
  cp -R "$here/fixture/." "$work/articles/"
  # Under 60 s in all; a hang is cut off with a message.
  if ! HOME="$work/home" \
    MARGINALIA_TEST_DIR="$work/articles" \
    MARGINALIA_TEST_BIN="$work/bin" \
    MARGINALIA_TEST_MARKDOWN="$markdown" \
    MARGINALIA_TEST_SNIPPET="$repo/editors/emacs/marginalia.el" \
    timeout 28 "$emacs" --batch -q -l "$here/test.el" </dev/null; then
    say "FAIL: the Emacs test $([[ $markdown == 1 ]] && echo with || echo without) markdown-mode failed or took over 28 s"
    exit 1
  fi
done
say "passed"
