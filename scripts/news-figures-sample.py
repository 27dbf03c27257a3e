#!/usr/bin/env python3
"""Choose news sentences for the figure gold sets: 300 for the dev set
(tests/gold/news-figures.jsonl) and 150 for the train set
(tests/gold/news-figures-train.jsonl).

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

The train set (--split train), fixed before any of its sentences was
annotated or shown to the reader: take the same N candidate lines (steps 1 to
3), drop the 300 dev lines and every line whose text equals a dev line's, and
draw 150 of the rest with random.Random(TRAIN_SEED).sample (TRAIN_SEED = 20261201),
written in walk order. The dev set measures; only the train set may be looked
at while the reader is tuned.

The train set grew once, by a second draw appended after the first 150
lines, fixed before any of its sentences was annotated or shown to the
reader: take the same N candidate lines, drop the dev lines, the first 150
train lines and every line whose text equals one of theirs, keep only lines
of articles (.txt files) that hold no dev line, and draw 150 of those with
random.Random(TRAIN_SEED_2).sample (TRAIN_SEED_2 = 20261202), written in
walk order. Every cluster holds dev lines (the dev rule spreads them evenly
over the whole walk), so it is the articles, not the clusters, that are kept
apart from the dev set.

The sentences are written with an empty "figures" list; the figures are added
by hand. Running the script again on a file that already has annotations keeps
them (matched by id) so that it can be used to check that the sample is
unchanged.

Usage: scripts/news-figures-sample.py [--split dev|train] [CLUSTERS_DIR] [OUT]
"""

import json
import os
import random
import re
import sys

SIZE = 300
TRAIN_SIZE = 150
TRAIN_SEED = 20261201
TRAIN_SEED_2 = 20261202

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


def read_rows(path):
    rows = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    d = json.loads(line)
                    rows[d["id"]] = d
    return rows


def dev_sample(pool):
    n = len(pool)
    return [pool[i * n // SIZE] for i in range(SIZE)]


def train_sample(pool):
    dev = dev_sample(pool)
    dev_ids = {(c, f, l) for c, f, l, _ in dev}
    dev_texts = {t for _, _, _, t in dev}
    rest = [p for p in pool if p[:3] not in dev_ids and p[3] not in dev_texts]
    picked = sorted(random.Random(TRAIN_SEED).sample(range(len(rest)), TRAIN_SIZE))
    first = [rest[i] for i in picked]
    taken = dev_ids | {p[:3] for p in first}
    texts = dev_texts | {p[3] for p in first}
    dev_files = {(c, f) for c, f, _, _ in dev}
    more = [p for p in pool
            if p[:3] not in taken and p[3] not in texts and p[:2] not in dev_files]
    picked = sorted(random.Random(TRAIN_SEED_2).sample(range(len(more)), TRAIN_SIZE))
    return first + [more[i] for i in picked]


def main():
    argv = sys.argv[1:]
    split = "dev"
    if "--split" in argv:
        i = argv.index("--split")
        split = argv[i + 1] if i + 1 < len(argv) else ""
        del argv[i:i + 2]
    if split not in ("dev", "train"):
        sys.exit("--split must be dev or train")
    here = os.path.dirname(os.path.abspath(__file__))
    root = argv[0] if argv else os.path.join(here, "..", "..", "shared", "data", "newsdesk", "clusters")
    name = "news-figures.jsonl" if split == "dev" else "news-figures-train.jsonl"
    out = argv[1] if len(argv) > 1 else os.path.join(here, "..", "tests", "gold", name)
    pool = list(candidates(root))
    n = len(pool)
    if n < SIZE + TRAIN_SIZE:
        sys.exit(f"only {n} candidate lines")
    sample = dev_sample(pool) if split == "dev" else train_sample(pool)
    old = read_rows(out)
    with open(out, "w", encoding="utf-8") as f:
        for cluster, name, number, text in sample:
            ident = f"{cluster}/{name}:{number}"
            figures = old.get(ident, {}).get("figures", [])
            if ident in old and old[ident]["text"] != text:
                sys.exit(f"{ident}: text changed")
            row = {"id": ident, "cluster": cluster, "file": name, "line": number,
                   "text": text, "figures": figures}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{n} candidate lines, {len(sample)} written to {out} ({split})", file=sys.stderr)


if __name__ == "__main__":
    main()
