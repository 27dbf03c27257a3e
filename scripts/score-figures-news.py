#!/usr/bin/env python3
"""Score the figure reader on the hand-annotated news sentences.

Usage: scripts/score-figures-news.py BINARY [--gold FILE | GOLD] [--errors]

GOLD defaults to tests/gold/news-figures.jsonl (the dev set);
`--gold tests/gold/news-figures-train.jsonl` scores the train set. Each sentence is written as its
own .txt file into a temporary folder and read with
`BINARY check --format json DIR` (exit code 1 means warnings were found; 2 is
an error). The figures of each document are matched one to one with the gold
figures of the sentence: a predicted figure can match a gold figure when their
spans overlap and their values agree (relative tolerance 1e-6), where values
agree when

- the predicted value equals the gold value, or
- the gold figure is a range or a bound and the predicted (low, high) equals
  the gold (low, high), or
- the gold figure is a score ("45-7-2") and the predicted (low, high) equals
  its first two numbers, or
- the gold figure is a fraction ("half" = 0.5) and the predicted figure is the
  same share in percent (50, unit percent).

Printed: value precision, recall and F1 (micro over all figures), recall by
gold kind, and unit accuracy among matched figures whose gold has a unit
(units normalized through figure_scoring.unit_name), plus how many matched
plain counts the reader gave a unit. --errors lists misses and false
positives per sentence.
"""

import collections
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from figure_scoring import close, match, prf, run_reader, unit_name  # noqa: E402


def agrees(g, p):
    if close(g["value"], p["value"]):
        return True
    if g["low"] is not None or g["high"] is not None:
        if g["low"] == p["low"] == None or close(g["low"], p["low"]):  # noqa: E711
            if g["high"] == p["high"] == None or close(g["high"], p["high"]):  # noqa: E711
                return True
    parts = g.get("parts") or []
    if len(parts) >= 2 and close(parts[0], p["low"]) and close(parts[1], p["high"]):
        return True
    if g.get("kind") == "fraction" and p["unit"] == "percent" and p["value"] is not None:
        return close(g["value"] * 100, p["value"])
    return False


def main():
    argv = sys.argv[1:]
    gold_flag = None
    if "--gold" in argv:
        i = argv.index("--gold")
        if i + 1 >= len(argv):
            sys.exit(__doc__)
        gold_flag = argv[i + 1]
        del argv[i:i + 2]
    args = [a for a in argv if not a.startswith("--")]
    errors = "--errors" in argv
    if not args:
        sys.exit(__doc__)
    binary = args[0]
    gold_path = gold_flag or (args[1] if len(args) > 1 else None) or os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "tests", "gold", "news-figures.jsonl")
    rows = [json.loads(l) for l in open(gold_path, encoding="utf-8") if l.strip()]
    preds = run_reader(binary, [r["text"] for r in rows])

    tp = n_gold = n_pred = 0
    unit_ok = unit_n = plain_with_unit = plain_n = 0
    kind_total, kind_found = collections.Counter(), collections.Counter()
    for row, pred in zip(rows, preds):
        gold = row["figures"]
        for g in gold:
            g["unit"] = unit_name(g.get("unit"))
        pairs = match(gold, pred, agrees)
        tp += len(pairs)
        n_gold += len(gold)
        n_pred += len(pred)
        for g in gold:
            kind_total[g.get("kind", "count")] += 1
        bad_units = []
        for i, j in pairs:
            g, p = gold[i], pred[j]
            kind_found[g.get("kind", "count")] += 1
            if g["unit"] is not None:
                unit_n += 1
                if p["unit"] == g["unit"]:
                    unit_ok += 1
                else:
                    bad_units.append((g, p))
            elif g.get("kind") != "score":
                # A score has no unit in the gold; the reader may name it "score".
                plain_n += 1
                if p["unit"] is not None:
                    plain_with_unit += 1
        if errors:
            hit_g = {i for i, _ in pairs}
            hit_p = {j for _, j in pairs}
            miss = [g for i, g in enumerate(gold) if i not in hit_g]
            fps = [p for j, p in enumerate(pred) if j not in hit_p]
            if miss or fps or bad_units:
                print(f"== {row['id']}: {row['text']}")
                for g in miss:
                    print(f"   MISS {g['surface']!r} value={g['value']} low={g['low']} "
                          f"high={g['high']} unit={g['unit']} kind={g.get('kind')}")
                for p in fps:
                    print(f"   FP   {p['text']!r} value={p['value']} low={p['low']} "
                          f"high={p['high']} unit={p['unit']}")
                for g, p in bad_units:
                    print(f"   UNIT {g['surface']!r} gold={g['unit']} read={p['unit']}")
    p, r, f = prf(tp, n_pred, n_gold)
    print(f"sentences {len(rows)}  gold figures {n_gold}  predicted {n_pred}  matched {tp}")
    print(f"value precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
    if unit_n:
        print(f"unit accuracy {unit_ok / unit_n:.3f} ({unit_ok}/{unit_n} matched figures whose gold has a unit)")
    if plain_n:
        print(f"plain counts given a unit {plain_with_unit}/{plain_n}")
    print("recall by kind: " + ", ".join(
        f"{k} {kind_found[k]}/{n}" for k, n in kind_total.most_common()))


if __name__ == "__main__":
    main()
