#!/usr/bin/env bash
# Scores name recognition and clustering on GUM train and dev separately,
# all genres (split field of gum-train-dev.jsonl).
# usage: scripts/score-gum-splits.sh [BINARY] [DATA_DIR]
#   BINARY defaults to target/release/marginalia (built first); DATA_DIR to
#   shared/data beside or inside the repository. KEEP_DIR=dir keeps the
#   gold files, texts and reports there.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-}"
data="${2:-}"
if [ -z "$data" ]; then
  for d in "$root/../shared/data" "$root/shared/data" /work/shared/data; do
    if [ -f "$d/gum/gum-train-dev.jsonl" ]; then data="$d"; break; fi
  done
fi
all="$data/gum/gum-train-dev.jsonl"
[ -f "$all" ] || { echo "GUM gold not found (give the data folder as second argument)" >&2; exit 2; }
if [ -z "$bin" ]; then
  cargo build --release --quiet --manifest-path "$root/Cargo.toml"
  bin="$root/target/release/marginalia"
fi
if [ -n "${KEEP_DIR:-}" ]; then tmp="$KEEP_DIR"; mkdir -p "$tmp"; else
  tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT; fi
python3 - "$all" "$tmp" <<'PY'
import json, os, sys
src, out = sys.argv[1], sys.argv[2]
gold = {}
for line in open(src, encoding="utf8"):
    d = json.loads(line)
    s = d["split"]
    os.makedirs("%s/%s-txt" % (out, s), exist_ok=True)
    with open("%s/%s-txt/%s.txt" % (out, s, d["doc"]), "w", encoding="utf8") as f:
        f.write(d["text"])
    gold.setdefault(s, []).append(line if line.endswith("\n") else line + "\n")
for s, lines in gold.items():
    with open("%s/%s.jsonl" % (out, s), "w", encoding="utf8") as f:
        f.writelines(lines)
PY
for split in train dev; do
  status=0
  "$bin" check --format json "$tmp/$split-txt" > "$tmp/$split-report.json" || status=$?
  if [ "$status" -ge 2 ]; then echo "marginalia check failed ($status)" >&2; exit "$status"; fi
  printf '%s\t' "$split"
  python3 "$data/score_ner.py" "$tmp/$split.jsonl" "$tmp/$split-report.json"
done
