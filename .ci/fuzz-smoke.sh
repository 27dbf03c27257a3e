#!/usr/bin/env bash
# Builds every fuzz target and runs each for a short, bounded time over its
# seed corpus. Fails on any crash, panic, leak or timeout a target reports.
#
#   bash .ci/fuzz-smoke.sh            # 2,000 runs or 20 s per target
#   FUZZ_RUNS=20000 FUZZ_SECONDS=60 bash .ci/fuzz-smoke.sh
#
# It drives cargo and libFuzzer itself rather than through cargo-fuzz, so
# that CI needs nothing beyond the toolchain (installing cargo-fuzz is a
# compile from source on every fresh machine). The instrumentation is the one
# `cargo fuzz build` (cargo-fuzz 0.13) gives: AddressSanitizer, libFuzzer's
# coverage counters, comparison tracing and `--cfg fuzzing`, for the fuzz
# crate and every dependency, built for the host triple named explicitly so
# that build scripts and proc macros are left uninstrumented. The code is
# built with the `fuzz-smoke` profile of fuzz/Cargo.toml (optimised less than
# `cargo fuzz`'s release build with one codegen unit: much quicker to compile,
# and fast enough for a smoke run). For long runs use `cargo fuzz run` as
# fuzz/README.md describes.
#
# The sanitizer flag is nightly-only; RUSTC_BOOTSTRAP=1 lets the stable
# toolchain accept it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

runs="${FUZZ_RUNS:-2000}"
seconds="${FUZZ_SECONDS:-20}"
profile=fuzz-smoke
export RUSTC_BOOTSTRAP=1
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-2}"
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_odr_violation=0"

triple="$(rustc -vV | sed -n 's/^host: //p')"
manifest=fuzz/Cargo.toml

# The fuzz crate's binaries are its targets (what `cargo fuzz list` lists).
targets=$(cargo metadata --no-deps --format-version 1 --manifest-path "$manifest" |
    python3 -c 'import json, sys
for package in json.load(sys.stdin)["packages"]:
    for target in package["targets"]:
        if "bin" in target["kind"]:
            print(target["name"])')
[ -n "$targets" ] || { echo "fuzz-smoke: no fuzz targets in $manifest"; exit 1; }
echo "fuzz-smoke: targets: $(echo $targets)"

flags=(
    -Cpasses=sancov-module
    -Cllvm-args=-sanitizer-coverage-level=4
    -Cllvm-args=-sanitizer-coverage-inline-8bit-counters
    -Cllvm-args=-sanitizer-coverage-pc-table
    -Cllvm-args=-sanitizer-coverage-trace-compares
    -Cllvm-args=-sanitizer-coverage-stack-depth
    -Cllvm-args=-simplifycfg-branch-fold-threshold=0
    --cfg fuzzing
    -Zsanitizer=address
)
# Not --locked: as with `cargo fuzz build`, cargo brings fuzz/Cargo.lock up to
# date with the main crate's dependencies when they have changed.
RUSTFLAGS="${flags[*]}${RUSTFLAGS:+ $RUSTFLAGS}" nice -n 10 \
    cargo build --manifest-path "$manifest" --target "$triple" --profile "$profile" --bins
bin_dir="fuzz/target/$triple/$profile"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for target in $targets; do
    mkdir -p "$work/$target" "fuzz/artifacts/$target"
    seeds=()
    if [ -d "fuzz/corpus/$target" ]; then
        seeds+=("fuzz/corpus/$target")
    fi
    extra=()
    if [ -f "fuzz/dict/$target.dict" ]; then
        extra+=("-dict=fuzz/dict/$target.dict")
    fi
    echo "fuzz-smoke: $target ($runs runs, at most ${seconds}s)"
    # New inputs go to the scratch folder, never into the committed seeds; a
    # failing input is kept where `cargo fuzz` keeps it.
    nice -n 10 "$bin_dir/$target" -artifact_prefix="fuzz/artifacts/$target/" \
        -runs="$runs" -max_total_time="$seconds" -max_len=8192 \
        -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "${extra[@]}" \
        "$work/$target" "${seeds[@]}" 2>"$work/$target.log" || {
        tail -n 60 "$work/$target.log"
        echo "fuzz-smoke: $target FAILED; the input is under fuzz/artifacts/$target/"
        exit 1
    }
    grep -E '^stat::number_of_executed_units|^Done|INITED' "$work/$target.log" || true
done
echo "fuzz-smoke: all targets passed"
