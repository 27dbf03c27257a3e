#!/usr/bin/env bash
# Scores name recognition and clustering against the GUM gold mentions.
# usage: scripts/score-gum.sh [DATA_DIR]   (default: shared/data beside or inside the repository)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="${1:-}"
if [ -z "$data" ]; then
  for d in "$root/../shared/data" "$root/shared/data"; do
    if [ -f "$d/gum/gum-news-interview-train-dev.jsonl" ]; then data="$d"; break; fi
  done
fi
gold="$data/gum/gum-news-interview-train-dev.jsonl"
[ -f "$gold" ] || { echo "GUM gold not found (give the data folder as argument)" >&2; exit 2; }
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/gum-txt"
python3 - "$gold" "$tmp/gum-txt" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf8"):
    d = json.loads(line)
    with open("%s/%s.txt" % (sys.argv[2], d["doc"]), "w", encoding="utf8") as f:
        f.write(d["text"])
PY
status=0
"$root/target/release/marginalia" check --format json "$tmp/gum-txt" > "$tmp/report.json" || status=$?
if [ "$status" -ge 2 ]; then echo "marginalia check failed ($status)" >&2; exit "$status"; fi
python3 "$data/score_ner.py" "$gold" "$tmp/report.json"
if [ -n "${KEEP_REPORT:-}" ]; then cp "$tmp/report.json" "$KEEP_REPORT"; fi
