#!/usr/bin/env bash
# Builds every fuzz target and runs each for a short, bounded time over its
# seed corpus. Fails on any crash, panic, leak or timeout a target reports.
#
#   bash .ci/fuzz-smoke.sh            # 2,000 runs or 20 s per target
#   FUZZ_RUNS=20000 FUZZ_SECONDS=60 bash .ci/fuzz-smoke.sh
#
# cargo-fuzz needs nightly-only compiler flags; RUSTC_BOOTSTRAP=1 lets the
# stable toolchain accept them.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

runs="${FUZZ_RUNS:-2000}"
seconds="${FUZZ_SECONDS:-20}"
export RUSTC_BOOTSTRAP=1
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-2}"

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz-smoke: installing cargo-fuzz"
    cargo install cargo-fuzz --locked
fi

targets=$(cargo fuzz list)
echo "fuzz-smoke: targets: $(echo $targets)"

nice -n 10 cargo fuzz build

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for target in $targets; do
    mkdir -p "$work/$target"
    seeds=()
    if [ -d "fuzz/corpus/$target" ]; then
        seeds+=("fuzz/corpus/$target")
    fi
    extra=()
    if [ -f "fuzz/dict/$target.dict" ]; then
        extra+=("-dict=fuzz/dict/$target.dict")
    fi
    echo "fuzz-smoke: $target ($runs runs, at most ${seconds}s)"
    # New inputs go to the scratch folder, never into the committed seeds.
    nice -n 10 cargo fuzz run "$target" "$work/$target" "${seeds[@]}" -- \
        -runs="$runs" -max_total_time="$seconds" -max_len=8192 \
        -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "${extra[@]}" 2>"$work/$target.log" || {
        tail -n 60 "$work/$target.log"
        echo "fuzz-smoke: $target FAILED; the input is under fuzz/artifacts/$target/"
        exit 1
    }
    grep -E '^stat::number_of_executed_units|^Done' "$work/$target.log" || true
done
echo "fuzz-smoke: all targets passed"
