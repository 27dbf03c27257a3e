#!/usr/bin/env python3
"""Merge the hand annotations of tests/gold/news-figures.ann into
tests/gold/news-figures.jsonl (the figures field of each sentence); with
`--split train`, news-figures-train.ann into news-figures-train.jsonl.

The .ann file has one block per sentence: a line "@N" (N the 0-based position
of the sentence in the .jsonl file), then one line per figure in the order the
figures appear in the sentence:

    surface | value | unit | kind | low | high

unit, low and high may be left out or written "-" (null). value, low and high
are Python number expressions (2.5e6, 60e6). A sentence without a block, or
with an empty block, has no figures. Each surface is looked up in the text
after the end of the previous figure, at a word boundary, and its character
offsets are stored as start/end (Python str indices; byte offsets are
computed by the scorer). For kind "score" the numbers of the surface are
stored as "parts" (e.g. "45-7-2" -> [45, 7, 2]).
"""

import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD_DIR = os.path.join(HERE, "..", "tests", "gold")
STEMS = {"dev": "news-figures", "train": "news-figures-train"}


def number(s):
    s = s.strip()
    if s in ("", "-"):
        return None
    return float(eval(s, {"__builtins__": {}}))  # numeric literals only


def find(text, surface, pos):
    while True:
        i = text.find(surface, pos)
        if i < 0:
            return -1
        before = text[i - 1] if i > 0 else " "
        after = text[i + len(surface)] if i + len(surface) < len(text) else " "
        if not (surface[0].isalnum() and before.isalnum()) and not (
                surface[-1].isalnum() and after.isalnum()):
            return i
        pos = i + 1


def parse(path):
    blocks, cur = {}, None
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if line.startswith("@"):
                cur = int(line[1:].split()[0])
                if cur in blocks:
                    sys.exit(f"{path}:{n}: block @{cur} twice")
                blocks[cur] = []
                continue
            parts = [p.strip() for p in line.split(" | ")]
            if cur is None or len(parts) < 2:
                sys.exit(f"{path}:{n}: bad line {line!r}")
            parts += ["-"] * (6 - len(parts))
            blocks[cur].append((n, parts))
    return blocks


def main():
    split = "dev"
    if "--split" in sys.argv[1:]:
        i = sys.argv.index("--split")
        split = sys.argv[i + 1] if i + 1 < len(sys.argv) else ""
    if split not in STEMS:
        sys.exit("--split must be dev or train")
    ANN = os.path.join(GOLD_DIR, STEMS[split] + ".ann")
    GOLD = os.path.join(GOLD_DIR, STEMS[split] + ".jsonl")
    blocks = parse(ANN)
    rows = [json.loads(l) for l in open(GOLD, encoding="utf-8") if l.strip()]
    bad = False
    for i, row in enumerate(rows):
        text, pos, figures = row["text"], 0, []
        for n, (surface, value, unit, kind, low, high) in blocks.get(i, []):
            at = find(text, surface, pos)
            if at < 0:
                print(f"ann:{n}: @{i}: {surface!r} not found after {pos} in {text!r}")
                bad = True
                continue
            fig = {"surface": surface, "start": at, "end": at + len(surface),
                   "value": number(value), "low": number(low), "high": number(high),
                   "unit": None if unit in ("", "-") else unit,
                   "kind": kind if kind not in ("", "-") else "count"}
            if fig["kind"] == "score":
                fig["parts"] = [float(x) for x in re.findall(r"\d+", surface)]
            figures.append(fig)
            pos = at + len(surface)
        row["figures"] = figures
    if bad:
        sys.exit(1)
    with open(GOLD, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    done = sorted(blocks)
    print(f"{len(done)} annotated blocks, {sum(len(r['figures']) for r in rows)} figures",
          file=sys.stderr)


if __name__ == "__main__":
    main()
