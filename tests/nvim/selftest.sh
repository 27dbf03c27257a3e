#!/usr/bin/env bash
# Checks the Neovim test itself against tests/nvim/fake_server.py: it must pass
# when the server behaves, and fail, promptly and with a reason, when it
# does not. Needs no Marginalia build.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export MARGINALIA_BIN="$here/fake_server.py"
export MARGINALIA_TEST_TIMEOUT_MS="${MARGINALIA_TEST_TIMEOUT_MS:-3000}"

passed=0
failed=0
check() {
  local mode="$1" expect="$2" status=0 out
  out="$(MARGINALIA_FAKE_MODE="$mode" "$here/run.sh" 2>&1)" || status=$?
  local reason
  reason="$(grep -m1 -E 'FAIL: |PASS: ' <<<"$out" | sed 's/^\[[^]]*\] //' || true)"
  if { [[ $expect == pass && $status -eq 0 ]] || [[ $expect == fail && $status -ne 0 ]]; }; then
    passed=$((passed + 1))
    printf 'ok   fake server %-8s -> %s (%s)\n' "${mode:-normal}" "$expect" "$reason"
  else
    failed=$((failed + 1))
    printf 'FAIL fake server %-8s -> expected %s, exit status %d\n%s\n' \
      "${mode:-normal}" "$expect" "$status" "$out"
  fi
}

check "" pass
check exit fail
check hang fail
check silent fail
check nohover fail
check sticky fail
check noexit fail

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
