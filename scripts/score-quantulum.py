#!/usr/bin/env python3
"""Score the figure reader on quantulum3's English test sentences.

Usage: scripts/score-quantulum.py BINARY [QUANTITIES_JSON] [--errors]

QUANTITIES_JSON defaults to ../shared/data/quantulum3/quantities.json
(quantulum3 0.10.0, MIT): a list of {req: sentence, res: [{value, unit,
surface, ...}]}. Each sentence is written to its own .txt file and read with
`BINARY check --format json DIR`, as in score-figures-news.py. A gold quantity
is placed at its `surface`, looked up in the sentence after the previous one
(exact, then ignoring case; a surface that cannot be found stands for the
whole sentence, so it matches on value alone). A predicted figure matches a
gold quantity one to one when the spans overlap and

- the values agree (relative tolerance 1e-6), or
- quantulum wrote a range as its midpoint ("8- to 16-meter" = 12) and the
  predicted (low + high) / 2 agrees, or
- the predicted low equals the first number of a gold range.

Units. quantulum's unit names go through the same table as the reader's
(figure_scoring.unit_name): "metre" -> m, "kilometre" -> km, "mile" -> mi,
"inch" -> in, "square kilometre" -> km2, "cubic kilometre" -> km3, "gallon" ->
gal, "litre" -> L, "centilitre" -> cL, "cubic centimetre" -> mL, "kilogram"
-> kg, "milligram" -> mg, "tonne" -> t, "pound-mass" -> lb, "dollar" -> USD,
"euro" -> EUR, "pound sterling" -> GBP, "percentage" -> percent, "degree
Celsius" -> degC, "degree fahrenheit" -> degF, "kelvin" -> K, "kilometre per
hour" -> km/h, "watt hour" -> Wh, "megawatt hour" -> MWh, "gigahertz" -> GHz,
"megabyte" -> MB, "electronvolt" -> eV, "teraelectronvolt" -> TeV, "day",
"week", "month", "year", "hour" unchanged, "dimensionless" -> no unit. Counting
units become plain counts with their value applied: "dozen" x12, "baker's
dozen" x13, "gross" x144. Any other name (penny, dime, cent, gigayear,
inverse femtobarn, ...) is compared lower-cased as written, which the reader
will rarely match. Unit agreement is counted over matched quantities whose
gold has a unit.

Two scores are printed: over all gold quantities, and without the ones a news
reader should skip by this project's rules: calendar years, a dimensionless
four-digit integer from 1000 to 2100 ("1979", "2013"). A predicted figure that
overlaps a skipped quantity is then not counted either.
"""

import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from figure_scoring import close, match, prf, run_reader, unit_name  # noqa: E402

COUNTING = {"dozen": 12, "baker's dozen": 13, "gross": 144}
RANGE = re.compile(r"\bto\b|\bbetween\b|–|\d\s*-\s*-?\d", re.IGNORECASE)
NUMBER = re.compile(r"(?<!\d)-?\d+(?:\.\d+)?")


def gold_of(item):
    text, pos, out = item["req"], 0, []
    for r in item["res"]:
        surface = r.get("surface") or ""
        at = text.find(surface, pos) if surface else -1
        if at < 0 and surface:
            at = text.lower().find(surface.lower(), pos)
        if at < 0:
            start, end, placed = 0, len(text), False
        else:
            start, end, placed = at, at + len(surface), True
            pos = end
        unit = r.get("unit")
        value = float(r["value"])
        if isinstance(unit, str) and unit.lower() in COUNTING:
            value *= COUNTING[unit.lower()]
            unit = None
        unit = unit_name(unit)
        nums = [float(x) for x in NUMBER.findall(surface.replace(",", ""))]
        is_range = bool(RANGE.search(surface)) and len(nums) >= 2
        year = (unit is None and re.fullmatch(r"\d{4}", surface.strip() or "x")
                and 1000 <= value <= 2100)
        out.append({"surface": surface, "start": start, "end": end, "placed": placed,
                    "value": value, "unit": unit, "range": is_range,
                    "first": nums[0] if nums else None, "year": bool(year)})
    return out


def agrees(g, p):
    if close(g["value"], p["value"]):
        return True
    if g["range"]:
        if p["low"] is not None and p["high"] is not None and close(
                g["value"], (p["low"] + p["high"]) / 2):
            return True
        if close(g["first"], p["low"]) or close(g["first"], p["value"]):
            return True
    return False


def score(items, preds, skip_years, errors):
    tp = n_gold = n_pred = unit_ok = unit_n = 0
    for item, pred in zip(items, preds):
        gold = gold_of(item)
        if skip_years:
            skipped = [g for g in gold if g["year"]]
            gold = [g for g in gold if not g["year"]]
            pred = [p for p in pred
                    if not any(p["start"] < s["end"] and s["start"] < p["end"] for s in skipped)]
        pairs = match(gold, pred, agrees)
        tp += len(pairs)
        n_gold += len(gold)
        n_pred += len(pred)
        bad_units = []
        for i, j in pairs:
            if gold[i]["unit"] is not None:
                unit_n += 1
                if pred[j]["unit"] == gold[i]["unit"]:
                    unit_ok += 1
                else:
                    bad_units.append((gold[i], pred[j]))
        if errors:
            hit_g = {i for i, _ in pairs}
            hit_p = {j for _, j in pairs}
            miss = [g for i, g in enumerate(gold) if i not in hit_g]
            fps = [p for j, p in enumerate(pred) if j not in hit_p]
            if miss or fps or bad_units:
                print(f"== {item['req']}")
                for g in miss:
                    where = "" if g["placed"] else " (surface not found)"
                    print(f"   MISS {g['surface']!r} value={g['value']} unit={g['unit']}{where}")
                for p in fps:
                    print(f"   FP   {p['text']!r} value={p['value']} low={p['low']} "
                          f"high={p['high']} unit={p['unit']}")
                for g, p in bad_units:
                    print(f"   UNIT {g['surface']!r} gold={g['unit']} read={p['unit']}")
    return tp, n_gold, n_pred, unit_ok, unit_n


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    errors = "--errors" in sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    binary = args[0]
    path = args[1] if len(args) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data", "quantulum3", "quantities.json")
    with open(path, encoding="utf-8-sig") as f:
        items = json.load(f)
    preds = run_reader(binary, [it["req"] for it in items])
    for label, skip in (("all quantities", False), ("without calendar years", True)):
        tp, n_gold, n_pred, unit_ok, unit_n = score(items, preds, skip, errors and not skip)
        p, r, f1 = prf(tp, n_pred, n_gold)
        print(f"{label}: sentences {len(items)}  gold {n_gold}  predicted {n_pred}  matched {tp}")
        print(f"  value precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}")
        if unit_n:
            print(f"  unit agreement {unit_ok / unit_n:.3f} ({unit_ok}/{unit_n} matched with a gold unit)")


if __name__ == "__main__":
    main()
