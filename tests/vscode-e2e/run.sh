#!/usr/bin/env bash
# The Marginalia extension in a real VS Code: code-server (VS Code served to a
# browser) from npm, driven by Debian's chromium in headless mode through
# puppeteer-core. See drive.js for what is checked.
#
#   tests/vscode-e2e/run.sh                # builds the server and the .vsix if needed
#   MARGINALIA_BIN=target/release/marginalia VSIX=/tmp/marginalia.vsix tests/vscode-e2e/run.sh
#
# It installs what it needs, once: Debian's chromium, ripgrep and the tools to
# build code-server's native modules (apt-get), then code-server and
# puppeteer-core from package-lock.json into node_modules here. The install
# and the run are timed separately. E2E_SCREENSHOT names the screenshot
# (default /tmp/marginalia-vscode-e2e.png); KEEP_E2E_DIR=1 keeps the scratch
# folder with code-server's log.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
say() { printf '[vscode-e2e] %4ds %s\n' "$SECONDS" "$*" >&2; }
fail() { say "FAIL: $*"; exit 1; }

install_started=$SECONDS

# 1. Debian packages: the browser, ripgrep for code-server's search (its npm
# package would download its own), and a C++ tool chain with Kerberos headers
# for the native modules.
debs=(chromium ripgrep libkrb5-dev g++ make python3)
if ! dpkg -s "${debs[@]}" >/dev/null 2>&1; then
  command -v apt-get >/dev/null 2>&1 || fail "no apt-get to install ${debs[*]}"
  say "apt-get install ${debs[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${debs[@]}" >/dev/null
fi
chromium="${E2E_CHROMIUM:-/usr/bin/chromium}"
[[ -x "$chromium" ]] || fail "no browser at $chromium"

# 2. code-server and puppeteer-core. code-server's own install script would
# fetch VS Code's dependencies with their install scripts, one of which
# downloads ripgrep; so every script is skipped, the native modules are built
# here with node-gyp, and Debian's rg stands in for the download.
cs="$here/node_modules/code-server"
vscode="$cs/lib/vscode"
stamp="$here/node_modules/.marginalia-e2e-installed"
want="$(cat "$here/package-lock.json" "$0" | sha256sum | cut -d' ' -f1)"
if [[ "$(cat "$stamp" 2>/dev/null)" != "$want" ]]; then
  [[ "$(node -p 'process.versions.node.split(".")[0]')" == 20 ]] ||
    fail "code-server 4.100 needs Node 20; this is $(node --version)"
  # node-gyp builds against these headers instead of downloading them.
  export npm_config_nodedir="${npm_config_nodedir:-/usr}"
  [[ -f "$npm_config_nodedir/include/node/node.h" ]] ||
    fail "no Node headers under $npm_config_nodedir/include/node (set npm_config_nodedir)"
  export npm_config_unsafe_perm=true
  say "npm ci (code-server, puppeteer-core), scripts skipped"
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  say "VS Code's dependencies (lib/vscode), scripts skipped"
  (cd "$vscode" && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error)
  gyp="$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js"
  [[ -f "$gyp" ]] || fail "no node-gyp beside npm ($gyp)"
  # Built side by side: @vscode/spdlog alone takes most of the time.
  builds=()
  for module in @vscode/spdlog kerberos native-watchdog node-pty @vscode/deviceid; do
    (cd "$vscode/node_modules/$module" &&
      node "$gyp" rebuild --nodedir="$npm_config_nodedir" --jobs=max --loglevel=error \
        >"$here/node_modules/.build-${module//\//-}.log" 2>&1) &
    builds+=("$!:$module")
  done
  # argon2 (code-server's password hashing) is loaded at start even with
  # --auth none; its script builds from source when asked to.
  (cd "$here" && npm_config_build_from_source=true npm rebuild argon2 --loglevel=error \
    >"$here/node_modules/.build-argon2.log" 2>&1) &
  builds+=("$!:argon2")
  say "building ${#builds[@]} native modules"
  for build in "${builds[@]}"; do
    module="${build#*:}"
    if ! wait "${build%%:*}"; then
      tail -n 30 "$here/node_modules/.build-${module//\//-}.log" >&2
      fail "could not build $module"
    fi
  done
  # What code-server's postinstall.sh does besides installing.
  mkdir -p "$vscode/node_modules/@vscode/ripgrep/bin"
  ln -sfn "$(command -v rg)" "$vscode/node_modules/@vscode/ripgrep/bin/rg"
  ln -sfn node_modules "$vscode/node_modules.asar"
  ln -sfn code-linux.sh "$vscode/bin/remote-cli/code-server"
  ln -sfn browser-linux.sh "$vscode/bin/helpers/browser.sh"
  # lib/vscode/extensions would get TypeScript for the TypeScript extension
  # only; Markdown does not need it.
  printf '%s\n' "$want" >"$stamp"
fi
install_seconds=$((SECONDS - install_started))
say "install: ${install_seconds} s"

run_started=$SECONDS

# 3. The server and the extension.
# shellcheck source=../server-bin.sh
source "$repo/tests/server-bin.sh"
if [[ -z "${VSIX:-}" ]]; then
  say "packaging the extension"
  (cd "$repo/editors/vscode" && npm ci --no-audit --no-fund --loglevel=error &&
    npx --no-install vsce package --out /tmp/marginalia-e2e.vsix >/dev/null)
  VSIX=/tmp/marginalia-e2e.vsix
fi
[[ -f "$VSIX" ]] || fail "no extension package at $VSIX"
say "server: $MARGINALIA_BIN; extension: $VSIX"

# 4. A scratch home whose only marginalia is in ~/.cargo/bin, with a PATH
# that lacks it: the extension must find it there, as after `cargo install`.
work="$(mktemp -d "${TMPDIR:-/tmp}/marginalia-vscode-e2e.XXXXXX")"
cs_pid=""
cleanup() {
  if [[ -n "$cs_pid" ]]; then
    # code-server and everything it started share its process group.
    kill -TERM -- "-$cs_pid" 2>/dev/null || true
    wait "$cs_pid" 2>/dev/null || true
  fi
  if [[ -n "${KEEP_E2E_DIR:-}" ]]; then say "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
home="$work/home"
mkdir -p "$home/.cargo/bin" "$work/user-data/User" "$work/extensions" "$work/articles"
ln -s "$MARGINALIA_BIN" "$home/.cargo/bin/marginalia"
run_path="$(dirname "$(readlink -f "$(command -v node)")"):/usr/bin:/bin"
if PATH="$run_path" command -v marginalia >/dev/null 2>&1; then
  fail "a marginalia on $run_path would hide the ~/.cargo/bin lookup"
fi
# The articles: a plain folder, no marginalia.toml, no version control.
cp "$repo/tests/emacs/fixture/"*.md "$work/articles/"
cat >"$work/user-data/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoUpdate": false,
  "extensions.autoCheckUpdates": false
}
JSON

code_server=(env -u CARGO_HOME HOME="$home" PATH="$run_path" "$here/node_modules/.bin/code-server"
  --user-data-dir "$work/user-data" --extensions-dir "$work/extensions")
"${code_server[@]}" --install-extension "$VSIX" >"$work/install-extension.log" 2>&1 ||
  { cat "$work/install-extension.log" >&2; fail "code-server could not install $VSIX"; }

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
setsid "${code_server[@]}" --auth none --bind-addr "127.0.0.1:$port" \
  --disable-telemetry --disable-update-check --disable-workspace-trust \
  "$work/articles" >"$work/code-server.log" 2>&1 </dev/null &
cs_pid=$!
for _ in $(seq 1 100); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && break
  kill -0 "$cs_pid" 2>/dev/null || { cat "$work/code-server.log" >&2; fail "code-server exited"; }
  sleep 0.2
done
curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" ||
  { cat "$work/code-server.log" >&2; fail "code-server did not answer on port $port within 20 s"; }
say "code-server $(node -p "require('$cs/package.json').version") on port $port"

status=0
E2E_URL="http://127.0.0.1:$port/?folder=$work/articles" \
  E2E_CHROMIUM="$chromium" \
  E2E_SCREENSHOT="${E2E_SCREENSHOT:-/tmp/marginalia-vscode-e2e.png}" \
  NODE_PATH="$here/node_modules" \
  timeout 150 node "$here/drive.js" || status=$?
run_seconds=$((SECONDS - run_started))
if [[ $status != 0 ]]; then
  say "code-server's log:"
  tail -n 40 "$work/code-server.log" >&2
  for log in "$work"/user-data/logs/*/exthost*/*/*Marginalia*.log; do
    [[ -f "$log" ]] && { say "$log:"; tail -n 40 "$log" >&2; }
  done
  fail "the VS Code end-to-end test failed (install ${install_seconds} s, run ${run_seconds} s)"
fi
say "passed: install ${install_seconds} s, run ${run_seconds} s"
