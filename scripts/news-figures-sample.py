#!/usr/bin/env python3
"""Choose 300 news sentences for the figure gold set (tests/gold/news-figures.jsonl).

Source: the 42 cluster folders of ../shared/data/newsdesk/clusters (ECB+,
Cybulska and Vossen, LREC 2014, CC BY 3.0), one sentence per line.

The rule, fixed before any sentence was annotated or shown to the reader:

1. Walk the clusters in sorted folder order, the .txt files of each folder in
   sorted name order, and the lines of each file in order (line numbers start
   at 1). Strip surrounding whitespace; skip empty lines.
2. Keep a line when it contains an ASCII digit or an English number word as a
   whole word, case-insensitive: one..nineteen, twenty..ninety, hundred(s),
   thousand(s), million(s), billion(s), trillion(s), dozen(s), half, halves,
   quarter(s), third(s), fourth(s), fifth(s), tenth(s).
3. Drop a line whose exact text was already kept earlier in the walk (exact
   duplicates, e.g. the same wire copy in two articles).
4. Of the N lines left, take the ones at positions floor(i * N / 300) for
   i = 0..299 (0-based): evenly spaced, exactly 300, no randomness.

The sentences are written with an empty "figures" list; the figures are added
by hand. Running the script again on a file that already has annotations keeps
them (matched by id) so that it can be used to check that the sample is
unchanged.

Usage: scripts/news-figures-sample.py [CLUSTERS_DIR] [OUT]
"""

import json
import os
import re
import sys

SIZE = 300

WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty "
    "fifty sixty seventy eighty ninety hundreds? thousands? millions? billions? "
    "trillions? dozens? half halves quarters? thirds? fourths? fifths? tenths?"
).split()
CANDIDATE = re.compile(r"[0-9]|\b(?:" + "|".join(WORDS) + r")\b", re.IGNORECASE)


def candidates(root):
    seen = set()
    for cluster in sorted(os.listdir(root)):
        folder = os.path.join(root, cluster)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".txt"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                for number, line in enumerate(f, 1):
                    text = line.strip()
                    if not text or not CANDIDATE.search(text) or text in seen:
                        continue
                    seen.add(text)
                    yield cluster, name, number, text


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data", "newsdesk", "clusters")
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "tests", "gold", "news-figures.jsonl")
    pool = list(candidates(root))
    n = len(pool)
    if n < SIZE:
        sys.exit(f"only {n} candidate lines")
    old = {}
    if os.path.exists(out):
        with open(out, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    d = json.loads(line)
                    old[d["id"]] = d
    with open(out, "w", encoding="utf-8") as f:
        for i in range(SIZE):
            cluster, name, number, text = pool[i * n // SIZE]
            ident = f"{cluster}/{name}:{number}"
            figures = old.get(ident, {}).get("figures", [])
            if ident in old and old[ident]["text"] != text:
                sys.exit(f"{ident}: text changed")
            row = {"id": ident, "cluster": cluster, "file": name, "line": number,
                   "text": text, "figures": figures}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{n} candidate lines, {SIZE} written to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
