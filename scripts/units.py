#!/usr/bin/env python3
"""Generate data/units/units.tsv: the measurement units the figure reader knows.

Usage: pip install pint==0.25.3 && python3 scripts/units.py > data/units/units.tsv

Source: Pint's unit definitions (default_en.txt, BSD-3-Clause,
https://github.com/hgrecco/pint). Pint defines every unit with its symbol,
aliases and its conversion to base units; this script keeps the units that
news writes (chosen by kind below), derives their written forms (symbol,
aliases, names with prefixes, plurals) and the factor to the base unit of
their kind, and drops surfaces that are ordinary words or clash with other
readings of a number ("s" after decades, "K" and "B" as scale letters, "pm"
as a time).

Columns (tab-separated, one surface a line):
  surface   the unit as written after a number
  symbol    the normalized symbol (one per unit)
  kind      length, mass, area, volume, time, speed, temperature, power,
            energy, frequency, data, data rate, voltage
  factor    the unit in the kind's base unit (m, kg, m2, L, s, m/s, W, J,
            Hz, B, bit/s, V); empty for temperatures, which have an offset
  case      exact: the surface must match with its case ("W", "MB");
            fold: any case ("Kilometres")
  attach    any: glued to the number or after a space; glued: only glued
            ("3m", "5g"), where a spaced letter would be a word or a name
"""

import re
import sys

import pint

UREG = pint.UnitRegistry()

BASE = {
    "length": "meter",
    "mass": "kilogram",
    "area": "meter ** 2",
    "volume": "liter",
    "time": "second",
    "speed": "meter / second",
    "temperature": None,
    "power": "watt",
    "energy": "joule",
    "frequency": "hertz",
    "data": "byte",
    "data rate": "bit / second",
    "voltage": "volt",
}

# (pint unit expression, kind). Prefixed units are written as pint reads them.
UNITS = [
    ("meter", "length"), ("kilometer", "length"), ("centimeter", "length"),
    ("millimeter", "length"), ("micrometer", "length"), ("nanometer", "length"),
    ("mile", "length"), ("foot", "length"), ("inch", "length"), ("yard", "length"),
    ("nautical_mile", "length"),
    ("gram", "mass"), ("kilogram", "mass"), ("milligram", "mass"), ("microgram", "mass"),
    ("metric_ton", "mass"), ("kilotonne", "mass"), ("megatonne", "mass"),
    ("pound", "mass"), ("ounce", "mass"), ("ton", "mass"),
    ("hectare", "area"), ("acre", "area"),
    ("liter", "volume"), ("milliliter", "volume"), ("centiliter", "volume"),
    ("gallon", "volume"), ("barrel", "volume"), ("cubic_centimeter", "volume"),
    ("second", "time"), ("minute", "time"), ("hour", "time"), ("day", "time"),
    ("week", "time"), ("month", "time"), ("year", "time"), ("century", "time"),
    ("millisecond", "time"),
    ("mile_per_hour", "speed"), ("kilometer_per_hour", "speed"), ("knot", "speed"),
    ("meter_per_second", "speed"),
    ("degree_Celsius", "temperature"), ("degree_Fahrenheit", "temperature"),
    ("kelvin", "temperature"),
    ("watt", "power"), ("kilowatt", "power"), ("megawatt", "power"),
    ("gigawatt", "power"), ("terawatt", "power"), ("horsepower", "power"),
    ("joule", "energy"), ("kilojoule", "energy"), ("megajoule", "energy"),
    ("watt_hour", "energy"), ("kilowatt_hour", "energy"), ("megawatt_hour", "energy"),
    ("gigawatt_hour", "energy"), ("terawatt_hour", "energy"), ("calorie", "energy"),
    ("kilocalorie", "energy"), ("electron_volt", "energy"),
    ("hertz", "frequency"), ("kilohertz", "frequency"), ("megahertz", "frequency"),
    ("gigahertz", "frequency"),
    ("bit", "data"), ("byte", "data"), ("kilobyte", "data"), ("megabyte", "data"),
    ("gigabyte", "data"), ("terabyte", "data"), ("petabyte", "data"),
    ("kilobit", "data"), ("megabit", "data"), ("gigabit", "data"),
    ("kilobit / second", "data rate"), ("megabit / second", "data rate"),
    ("gigabit / second", "data rate"),
    ("volt", "voltage"), ("kilovolt", "voltage"),
]

# Symbols chosen where Pint's is not the one news or SI writes.
SYMBOL = {
    "liter": "L", "milliliter": "mL", "centiliter": "cL", "metric_ton": "t",
    "kilotonne": "kt", "megatonne": "Mt",
    "second": "s", "minute": "min", "hour": "h", "day": "day", "week": "week",
    "month": "month", "year": "year", "century": "century",
    "kilometer_per_hour": "km/h", "degree_Celsius": "degC", "degree_Fahrenheit": "degF",
    "kilobit / second": "kbps", "megabit / second": "Mbps", "gigabit / second": "Gbps",
    "barrel": "bbl", "cubic_centimeter": "cc", "ton": "ton",
}

# Written forms news uses that Pint does not list (abbreviations, plurals of
# symbols, "sq" forms). Each maps to a unit above.
EXTRA = {
    "kilometer": ["kms"], "kilogram": ["kgs", "kilo", "kilos"], "pound": ["lbs"],
    "foot": ["feet"], "inch": ["inches"], "century": ["centuries"],
    "metric_ton": ["tonne", "tonnes", "metric tons"],
    "kilotonne": ["kilotonnes", "kilotons"], "megatonne": ["megatonnes", "megatons"],
    "year": ["yrs"], "hour": ["hrs"], "minute": ["mins"], "second": ["secs"],
    "kilometer_per_hour": ["km/h", "kmh", "kmph", "kilometres per hour",
                           "kilometers per hour"],
    "mile_per_hour": ["miles per hour", "miles an hour"],
    "meter_per_second": ["m/s", "metres per second", "meters per second"],
    "horsepower": ["bhp"],
    "degree_Celsius": ["degrees Celsius", "degrees celsius", "C", "ºC"],
    "degree_Fahrenheit": ["degrees Fahrenheit", "degrees fahrenheit", "F", "ºF"],
    "kilobit / second": ["kbps", "kbit/s", "Kbps"],
    "megabit / second": ["Mbps", "Mbit/s", "megabits per second"],
    "gigabit / second": ["Gbps", "Gbit/s", "gigabits per second"],
    "kilowatt_hour": ["kilowatt hours", "kilowatt-hours"],
    "megawatt_hour": ["megawatt hours", "megawatt-hours"],
    "gigawatt_hour": ["gigawatt hours", "gigawatt-hours"],
    "terawatt_hour": ["terawatt hours", "terawatt-hours"],
    "watt_hour": ["watt hours", "watt-hours"],
    "electron_volt": ["electronvolts", "electron volts"],
    "barrel": ["barrels"], "cubic_centimeter": ["cc", "cubic centimetres"],
    "kilobyte": ["KB"], "gigabit": ["Gb"], "megabit": ["Mb"], "kilobit": ["Kb"],
}

# Areas, which Pint writes only as powers: (expression, symbol, surfaces).
AREAS = [
    ("meter ** 2", "m2", ["m2", "m²", "sq m", "sqm", "square metre", "square metres",
                          "square meter", "square meters"]),
    ("kilometer ** 2", "km2", ["km2", "km²", "sq km", "square kilometre", "square kilometres",
                               "square kilometer", "square kilometers"]),
    ("mile ** 2", "mi2", ["mi2", "mi²", "sq mi", "square mile", "square miles"]),
    ("foot ** 2", "ft2", ["ft2", "ft²", "sq ft", "sqft", "square foot", "square feet"]),
]

# Volumes written as cubes: (expression, symbol, surfaces).
CUBES = [
    ("meter ** 3", "m3", ["m3", "m³", "cubic metre", "cubic metres", "cubic meter",
                          "cubic meters"]),
    ("kilometer ** 3", "km3", ["km3", "km³", "cubic kilometre", "cubic kilometres",
                               "cubic kilometer", "cubic kilometers"]),
    ("foot ** 3", "ft3", ["ft3", "ft³", "cubic foot", "cubic feet"]),
]

# Surfaces that read as something else after a number.
DROP = {
    "s", "d", "a", "K", "B", "b", "l", "pm", "am", "kt", "Kt", "P", "degK",
    "degreeK", "°K", "at", "ft_lb", "oil_bbl", "sec", "julian_year", "amp",
    "ℓ", "t", "mo", "shake", "bit", "Mt",
}
# Words in Pint's long names that news does not write.
RARE = {"international", "avdp", "avoirdupois", "thermochemical", "hydraulic", "th",
        "ths", "octet", "octets", "feets", "internationals", "julian"}
RARE_PARTS = ("metric ton", "octet")
# Short lower-case names that match in any case.
SHORT_NAMES = {"day", "ton"}
# Surfaces that stand only glued to the number ("3m", "5g").
GLUED = {"m", "g", "h", "in", "C", "F", "L", "V", "J", "kn", "Hz"}


def forms(expr):
    """Names, symbol and aliases Pint gives a unit expression."""
    out = set()
    if "/" in expr:
        return out
    ((prefix, base, _),) = UREG.parse_unit_name(expr)[:1]
    d = UREG._units[base]
    names = [d.name] + [a for a in d.aliases if re.fullmatch(r"[a-z_]{4,}", a)]
    symbols = [d.symbol] + [a for a in d.aliases if not re.fullmatch(r"[a-z_]{4,}", a)]
    if prefix:
        p = UREG._prefixes[prefix]
        names = [prefix + n for n in names]
        symbols = [p.symbol + s for s in symbols if s]
    for n in names:
        n = n.replace("_", " ")
        out.add(n)
        out.add(plural(n))
    out.update(s for s in symbols if s and "_" not in s)
    return out


def plural(name):
    words = name.split(" ")
    i = 0 if len(words) > 1 and words[1] in ("per", "Celsius", "Fahrenheit") else len(words) - 1
    w = words[i]
    if w.endswith(("hertz", "celsius", "fahrenheit", "horsepower", "s")) or w in ("Celsius", "Fahrenheit"):
        return name
    if w.endswith("y") and not w.endswith("ay"):
        w = w[:-1] + "ies"
    elif w.endswith("inch"):
        w += "es"
    elif w.endswith("foot"):
        w = w[:-4] + "feet"
    else:
        w += "s"
    words[i] = w
    return " ".join(words)


def factor(expr, kind):
    base = BASE[kind]
    if base is None:
        return ""
    q = UREG.Quantity(1, expr).to(base)
    return f"{q.magnitude:.10g}"


def main():
    rows = {}
    for expr, kind in UNITS:
        symbol = SYMBOL.get(expr) or format(UREG.Unit(expr), "~").replace(" ", "")
        surfaces = forms(expr) | set(EXTRA.get(expr, [])) | {symbol}
        f = factor(expr, kind)
        for s in sorted(surfaces):
            if s in DROP or not s or len(s) > 24:
                continue
            words = s.split(" ")
            if any(w in RARE for w in words) or any(
                    p in s and not s.startswith(p) for p in RARE_PARTS):
                continue
            lower = s == s.lower()
            case = "fold" if lower and (len(s) > 3 or s in SHORT_NAMES) else "exact"
            attach = "glued" if s in GLUED else "any"
            if s in rows and rows[s][0] != symbol:
                sys.exit(f"surface {s!r} is both {rows[s][0]} and {symbol}")
            rows[s] = (symbol, kind, f, case, attach)
    for kind, table in (("area", AREAS), ("volume", CUBES)):
        for expr, symbol, surfaces in table:
            f = factor(expr, kind)
            for s in surfaces:
                case = "fold" if len(s) > 3 and s == s.lower() else "exact"
                rows[s] = (symbol, kind, f, case, "any")
    out = sys.stdout
    out.write(f"# Generated by scripts/units.py from Pint {pint.__version__} (BSD-3-Clause).\n")
    out.write("# surface\tsymbol\tkind\tfactor\tcase\tattach\n")
    for s in sorted(rows, key=lambda x: (rows[x][1], rows[x][0], x)):
        out.write("\t".join((s,) + rows[s]) + "\n")


if __name__ == "__main__":
    main()
