# Sourced by the editor tests (tests/nvim, tests/emacs, tests/vscode-e2e):
# sets MARGINALIA_BIN to an absolute path of an executable server, building a
# debug one when it is unset. Needs `repo` (the repository root) and `say`.
if [[ -z "${MARGINALIA_BIN:-}" ]]; then
  say "building the server (cargo build --bin marginalia)"
  (cd "$repo" && cargo build --quiet --bin marginalia)
  MARGINALIA_BIN="$repo/target/debug/marginalia"
fi
MARGINALIA_BIN="$(readlink -f "$MARGINALIA_BIN")"
[[ -x "$MARGINALIA_BIN" ]] || { say "no executable server at $MARGINALIA_BIN"; exit 1; }
export MARGINALIA_BIN
