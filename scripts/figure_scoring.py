"""Shared pieces of the figure scorers (score-figures-news.py, score-quantulum.py).

Runs `BINARY check --format json DIR` on one .txt file per sentence, reads the
figures of each document, and matches predicted to gold figures one to one.
"""

import json
import math
import os
import subprocess
import sys
import tempfile

TOL = 1e-6

# Unit spellings, lower-cased, to one normalized name. Both the reader's units
# and the gold units go through this table, so a reader that writes "km",
# "kilometre" or {"code": "km"} agrees with a gold "km". Anything not listed is
# compared lower-cased as written.
_UNIT_NAMES = {
    None: ["", "count", "counts", "number", "dimensionless", "none", "null"],
    "USD": ["usd", "$", "us$", "dollar", "dollars", "us dollar", "us dollars"],
    "EUR": ["eur", "€", "euro", "euros"],
    "GBP": ["gbp", "£", "pound sterling", "pounds sterling", "sterling"],
    "JPY": ["jpy", "¥", "yen"],
    "TWD": ["twd", "nt$", "nt $", "new taiwan dollar", "new taiwan dollars"],
    "percent": ["percent", "%", "per cent", "percentage", "pct", "percentage point",
                "percentage points"],
    "m": ["m", "metre", "metres", "meter", "meters"],
    "km": ["km", "kilometre", "kilometres", "kilometer", "kilometers"],
    "cm": ["cm", "centimetre", "centimetres", "centimeter", "centimeters"],
    "mm": ["mm", "millimetre", "millimetres", "millimeter", "millimeters"],
    "nm": ["nm", "nanometre", "nanometres", "nanometer", "nanometers"],
    "pm": ["pm", "picometre", "picometer"],
    "am": ["attometre", "attometer"],
    "mi": ["mi", "mile", "miles"],
    "ft": ["ft", "foot", "feet"],
    "in": ["in", "inch", "inches"],
    "yd": ["yd", "yard", "yards"],
    "km2": ["km2", "km^2", "km²", "square kilometre", "square kilometres",
            "square kilometer", "square kilometers", "sq km"],
    "mi2": ["mi2", "mi^2", "mi²", "square mile", "square miles", "sq mi"],
    "km3": ["km3", "km^3", "km³", "cubic kilometre", "cubic kilometres",
            "cubic kilometer", "cubic kilometers"],
    "kg": ["kg", "kilogram", "kilograms", "kilo", "kilos"],
    "g": ["g", "gram", "grams"],
    "mg": ["mg", "milligram", "milligrams"],
    "t": ["t", "tonne", "tonnes", "metric ton", "metric tons"],
    "lb": ["lb", "lbs", "pound-mass", "pound mass"],
    "L": ["l", "litre", "litres", "liter", "liters"],
    "cL": ["cl", "centilitre", "centiliter"],
    "mL": ["ml", "millilitre", "milliliter", "cubic centimetre", "cubic centimeter", "cc"],
    "gal": ["gal", "gallon", "gallons"],
    "gal/min": ["gal/min", "gallon per minute", "gallons per minute"],
    "km/h": ["km/h", "kph", "kmh", "kilometre per hour", "kilometres per hour",
             "kilometer per hour", "kilometers per hour"],
    "mph": ["mph", "mile per hour", "miles per hour"],
    "degC": ["degc", "°c", "c", "celsius", "degree celsius", "degrees celsius"],
    "degF": ["degf", "°f", "f", "fahrenheit", "degree fahrenheit", "degrees fahrenheit"],
    "K": ["k", "kelvin"],
    "W": ["w", "watt", "watts"],
    "Wh": ["wh", "watt hour", "watt hours", "watt-hour"],
    "MWh": ["mwh", "megawatt hour", "megawatt hours"],
    "hp": ["hp", "horsepower"],
    "Hz": ["hz", "hertz"],
    "GHz": ["ghz", "gigahertz"],
    "MB": ["mb", "megabyte", "megabytes"],
    "eV": ["ev", "electronvolt", "electronvolts"],
    "TeV": ["tev", "teraelectronvolt"],
    "magnitude": ["magnitude", "richter"],
    "second": ["second", "seconds", "s", "sec", "secs"],
    "minute": ["minute", "minutes", "min", "mins"],
    "hour": ["hour", "hours", "h", "hr", "hrs"],
    "day": ["day", "days"],
    "week": ["week", "weeks"],
    "month": ["month", "months"],
    "year": ["year", "years", "yr", "yrs"],
}
_UNIT = {alias: name for name, aliases in _UNIT_NAMES.items() for alias in aliases}


def unit_name(u):
    """Normalize a unit as the reader or a gold file writes it: None, a string,
    or an object (its code/symbol/name/id field, first found)."""
    if isinstance(u, dict):
        for key in ("code", "symbol", "name", "id", "unit", "value"):
            if isinstance(u.get(key), str):
                u = u[key]
                break
        else:
            return None
    if u is None:
        return None
    if not isinstance(u, str):
        u = str(u)
    key = u.strip().lower()
    return _UNIT.get(key, key)


def num(x):
    if isinstance(x, bool) or x is None:
        return None
    if isinstance(x, (int, float)):
        return float(x) if math.isfinite(x) else None
    if isinstance(x, str):
        try:
            return float(x)
        except ValueError:
            return None
    if isinstance(x, dict):
        return num(x.get("value"))
    return None


def close(a, b):
    if a is None or b is None:
        return False
    return abs(a - b) <= TOL * max(abs(a), abs(b)) or a == b


def run_reader(binary, texts):
    """texts: list of str. Returns a list (same order) of lists of predicted
    figures {start, end (character offsets), value, low, high, unit, text, raw}."""
    with tempfile.TemporaryDirectory(prefix="figscore-") as tmp:
        names = []
        for i, text in enumerate(texts):
            name = f"s{i:04d}.txt"
            with open(os.path.join(tmp, name), "w", encoding="utf-8") as f:
                f.write(text + "\n")
            names.append(name)
        proc = subprocess.run([binary, "check", "--format", "json", tmp],
                              capture_output=True)
        if proc.returncode not in (0, 1):
            sys.exit(f"{binary} exited with {proc.returncode}: "
                     f"{proc.stderr.decode(errors='replace')[:2000]}")
        report = json.loads(proc.stdout)
    by_name = {os.path.basename(d.get("path", "")): d for d in report.get("documents", [])}
    out = []
    for name, text in zip(names, texts):
        doc = by_name.get(name)
        figs = []
        raw = (text + "\n").encode("utf-8")
        for f in (doc or {}).get("figures", []) or []:
            if not isinstance(f, dict):
                continue
            bs, be = f.get("start"), f.get("end")
            if not isinstance(bs, int) or not isinstance(be, int):
                continue
            s = len(raw[:bs].decode("utf-8", errors="ignore"))
            e = len(raw[:be].decode("utf-8", errors="ignore"))
            figs.append({"start": s, "end": e, "value": num(f.get("value")),
                         "low": num(f.get("low")), "high": num(f.get("high")),
                         "unit": unit_name(f.get("unit")),
                         "text": f.get("surface") or f.get("text") or text[s:e],
                         "raw": f})
        out.append(figs)
    return out


def overlap(a, b):
    return a["start"] < b["end"] and b["start"] < a["end"]


def match(gold, pred, agrees):
    """Maximum one-to-one matching between gold and predicted figures of one
    sentence, where a pair may match when the spans overlap and agrees(g, p).
    Returns a list of (gold index, predicted index)."""
    edges = [[j for j, p in enumerate(pred) if overlap(g, p) and agrees(g, p)]
             for g in gold]
    owner = {}

    def augment(i, seen):
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def prf(tp, n_pred, n_gold):
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f
