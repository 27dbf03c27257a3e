#!/usr/bin/env python3
"""Train the name-kind model embedded in Marginalia: data/models/kinds.bin.

Usage (plain Python 3.11, no packages; builds the feature printer with cargo):
    python3 scripts/train-kinds.py [--gum ../shared/data/gum] [--out data/models]

What it learns: for each name whose kind the rules only guessed (or decided
from a weak cue), whether it names a person, an organization or a place. The
rules record what decided each kind (the mention's `kind_source`); the model
decides only for the sources the model file lists (chosen here, among those
`may_be_open` in `src/analysis/entities/kinds.rs` allows, by how often the
rules are right for them), and it learns only from mentions of those sources. The rules' kind and its source are
features, so the model learns where the rules' guess holds and where the
words around a name say otherwise. `examples/name-features.rs` prints every
mention's features exactly as `src/analysis/entities/kinds.rs` computes them.

The script also prints how often the rules are right for each source on the
documents it learns from, and which it leaves to the model.

Source: the gold entity mentions of the GUM corpus (Georgetown University
Multilayer corpus, https://github.com/amir-zeldes/gum, commit 72ce5ac1;
annotations CC-BY 4.0), GUM's train split only, and only documents whose text
licence allows commercial use:

    news, interview   CC-BY 2.5     (Wikinews)
    academic, court   CC-BY 4.0
    bio, voyage       CC-BY-SA 3.0  (Wikipedia, Wikivoyage: share-alike)

Every other genre (and the dev split) is only measured on.

A mention's label is the type of the gold proper name it overlaps most
(person, organization or place), except that a country is always a place:
GUM calls a country acting as an agent an organization, Marginalia does not
(the scorer counts either as right for a country).
Mentions that overlap no such gold name are not learned from.

The model is a multi-class averaged perceptron over string features hashed
with 64-bit FNV-1a. Determinism: documents are read in sorted order, examples
are shuffled by a fixed linear congruential generator, the number of passes is
fixed, and the weights are written sorted by hash as little-endian f32.

File format, version 2:
    b"MKND", u32 version, f32 margin, u32 count of the sources the model
    decides for, each a u8 length and its name, u32 feature count,
    then per feature (sorted by hash): u64 hash, f32 x 3 (person,
    organization, place).

The margin is how far the model's best kind must lead the rules' kind to
replace it; it is fixed here (MARGIN) after comparing a few on GUM dev.
"""

import argparse
import hashlib
import json
import os
import struct
import subprocess
import sys
import tempfile

SCRIPT_VERSION = "kinds-2"
SEED = 20261201
PASSES = 10
MARGIN = float(os.environ.get("KINDS_MARGIN", "3.0"))
LABELS = ["person", "organization", "place"]
COMMERCIAL = ("news", "interview", "academic", "court", "bio", "voyage")
# The sources of the rules' kind that may be left to the model (`may_be_open`
# in kinds.rs): guesses and cues that only lean. Of these, the model decides
# for those the rules get right for fewer than OPEN_BELOW of the mentions
# learned from.
MAY_OPEN = ("guess", "coordinated", "name-word", "preposition", "shape", "list", "structure")
OPEN_BELOW = float(os.environ.get("KINDS_OPEN_BELOW", "0.75"))
OPEN = []


def fnv1a(data: bytes) -> int:
    h = 0xCBF29CE484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def genre(doc: str) -> str:
    parts = doc.split("_")
    return parts[1] if len(parts) > 2 else ""


def rows_for(docs, root, tmp, profile, printer):
    """Runs the feature printer over the documents' texts."""
    folder = os.path.join(tmp, "txt")
    os.makedirs(folder, exist_ok=True)
    for d in docs:
        with open(os.path.join(folder, d["doc"] + ".txt"), "w", encoding="utf8") as f:
            f.write(d["text"])
    command = [printer] if printer else [
        "cargo", "run", "--quiet", "--profile", profile, "--example", "name-features", "--"]
    out = subprocess.run(
        command + [folder],
        cwd=root, check=True, capture_output=True, text=True,
    ).stdout
    for name in os.listdir(folder):
        os.remove(os.path.join(folder, name))
    return [json.loads(line) for line in out.splitlines()]


def labelled(docs, rows):
    """(features, label index, rule index, gold type) per mention that
    overlaps a gold proper name of the three types."""
    by_doc = {}
    for r in rows:
        if not r["demonym"]:
            by_doc.setdefault(r["doc"], []).append(r)
    out = []
    for d in docs:
        golds = [m for m in d["mentions"] if m["proper"] and m["type"] in LABELS]
        best = {}
        for r in by_doc.get(d["doc"], []):
            for g in golds:
                overlap = min(r["end"], g["end"]) - max(r["start"], g["start"])
                if overlap > 0 and overlap > best.get(id(r), (0, None))[0]:
                    best[id(r)] = (overlap, g)
        for r in by_doc.get(d["doc"], []):
            if id(r) not in best:
                continue
            g = best[id(r)][1]
            rule = next(f[5:] for f in r["features"] if f.startswith("rule="))
            source = next(f[7:] for f in r["features"] if f.startswith("source="))
            label = g["type"]
            # GUM calls a country acting as an agent an organization; to
            # Marginalia a country is always a place.
            if label == "organization" and is_country(g.get("identity")):
                label = "place"
            out.append((r["features"], LABELS.index(label), LABELS.index(rule), g, source))
    return out


def train(examples):
    weights = {}   # hash -> [w0, w1, w2]
    totals = {}    # hash -> accumulated sums for averaging
    stamps = {}    # hash -> step of last change
    step = 0
    order = list(range(len(examples)))
    state = SEED
    hashed = [[fnv1a(f.encode("utf8")) for f in feats] for feats, *_ in examples]
    for _ in range(PASSES):
        # Fisher-Yates with a fixed LCG.
        for i in range(len(order) - 1, 0, -1):
            state = (state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
            j = (state >> 33) % (i + 1)
            order[i], order[j] = order[j], order[i]
        for i in order:
            step += 1
            feats = hashed[i]
            label = examples[i][1]
            scores = [0.0, 0.0, 0.0]
            for h in feats:
                w = weights.get(h)
                if w:
                    for k in range(3):
                        scores[k] += w[k]
            guess = max(range(3), key=lambda k: (scores[k], -k))
            if guess == label:
                continue
            for h in feats:
                w = weights.setdefault(h, [0.0, 0.0, 0.0])
                t = totals.setdefault(h, [0.0, 0.0, 0.0])
                since = step - stamps.get(h, 0)
                for k in range(3):
                    t[k] += since * w[k]
                stamps[h] = step
                w[label] += 1.0
                w[guess] -= 1.0
    averaged = {}
    for h, w in weights.items():
        t = totals[h]
        since = step - stamps.get(h, 0)
        avg = [(t[k] + since * w[k]) / step for k in range(3)]
        if any(abs(a) > 1e-4 for a in avg):
            averaged[h] = [struct.unpack("<f", struct.pack("<f", a))[0] for a in avg]
    return averaged


def predict(model, feats, rule, margin):
    scores = [0.0, 0.0, 0.0]
    for f in feats:
        w = model.get(fnv1a(f.encode("utf8")))
        if w:
            for k in range(3):
                scores[k] += w[k]
    best = max(range(3), key=lambda k: (scores[k], -k))
    if best != rule and scores[best] - scores[rule] > margin:
        return best
    return rule


def right(pred, label, gold):
    if pred == label:
        return True
    # As the scorer: a country may be read as an organization or a place.
    return LABELS[label] in ("organization", "place") and LABELS[pred] in ("organization", "place") \
        and is_country(gold.get("identity"))


def is_country(identity):
    return identity is not None and SCORER is not None and SCORER.is_country(identity)


SCORER = None


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser()
    ap.add_argument("--gum", default=os.path.join(root, "..", "shared", "data", "gum"))
    ap.add_argument("--out", default=os.path.join(root, "data", "models"))
    ap.add_argument("--cargo-profile", default="release",
                    help="the cargo profile to build the feature printer with (the model is the same)")
    ap.add_argument("--features-bin", default=None,
                    help="a feature printer already built from this tree, instead of building one")
    args = ap.parse_args()
    global SCORER, OPEN
    sys.path.insert(0, os.path.dirname(os.path.abspath(args.gum)))
    try:
        import score_ner
        SCORER = score_ner
    except ImportError:
        print("score_ner.py not found beside the GUM folder: countries are not special", file=sys.stderr)
    docs = [json.loads(l) for l in open(os.path.join(args.gum, "gum-train-dev.jsonl"), encoding="utf8")]
    docs.sort(key=lambda d: d["doc"])
    learn = [d for d in docs if d["split"] == "train" and genre(d["doc"]) in COMMERCIAL]
    train_all = [d for d in docs if d["split"] == "train"]
    with tempfile.TemporaryDirectory() as tmp:
        rows = rows_for(train_all, root, tmp, args.cargo_profile, args.features_bin)
    examples = labelled(learn, rows)
    print("rules' kind by source, on the documents learned from:")
    OPEN = []
    by_source = []
    for source in sorted({e[4] for e in examples}):
        ex = [e for e in examples if e[4] == source]
        ok = sum(right(r, l, g) for f, l, r, g, _ in ex) / len(ex)
        if source in MAY_OPEN and ok < OPEN_BELOW:
            OPEN.append(source)
        mark = "decided by the model" if source in OPEN else ""
        line = f"  {source:14} {ok:.3f} of {len(ex):5} {mark}"
        by_source.append(line)
        print(line)
    examples = [e for e in examples if e[4] in OPEN]
    model = train(examples)
    print(f"learned from {len(learn)} documents, {len(examples)} mentions; {len(model)} features")
    unseen = [d for d in train_all if genre(d["doc"]) not in COMMERCIAL]
    summary = []
    for name, split in (("train, genres not learned from", unseen),):
        ex = labelled(split, rows)
        model_ok = sum(
            right(predict(model, f, r, MARGIN) if s in OPEN else r, l, g) for f, l, r, g, s in ex
        )
        rules = sum(right(r, l, g) for f, l, r, g, _ in ex)
        line = f"- {name}: rules {rules / len(ex):.4f}, with the model {model_ok / len(ex):.4f} ({len(ex)} mentions)"
        summary.append(line)
        print(line)
    blob = bytearray(b"MKND")
    blob += struct.pack("<IfI", 2, MARGIN, len(OPEN))
    for source in OPEN:
        blob += struct.pack("<B", len(source)) + source.encode("ascii")
    blob += struct.pack("<I", len(model))
    for h in sorted(model):
        blob += struct.pack("<Q3f", h, *model[h])
    os.makedirs(args.out, exist_ok=True)
    path = os.path.join(args.out, "kinds.bin")
    with open(path, "wb") as f:
        f.write(blob)
    digest = hashlib.sha256(blob).hexdigest()
    print(f"wrote {path}: {len(blob)} bytes, sha256 {digest}")
    with open(os.path.join(args.out, "kinds-sources.md"), "w", encoding="utf8") as f:
        f.write(SOURCES.format(version=SCRIPT_VERSION, digest=digest, size=len(blob),
                               docs=len(learn), mentions=len(examples), summary="\n".join(summary),
                               below=OPEN_BELOW, by_source="\n".join(by_source)))
    return 0


SOURCES = """# The name-kind model

`kinds.bin` is generated by `scripts/train-kinds.py`; do not edit it by hand.

- script-version: {version}
- sha256: {digest}
- size: {size} bytes
- Regenerate: `python3 scripts/train-kinds.py` (plain Python 3.11; it builds
  `examples/name-features.rs` with cargo; under a minute), with GUM at
  `../shared/data/gum` (or `--gum PATH`). The same script, code and data give
  the same bytes.

## Source

GUM, the Georgetown University Multilayer corpus (Amir Zeldes and
contributors), https://github.com/amir-zeldes/gum, commit 72ce5ac1, its gold
entity mentions. Zeldes, Amir (2017) "The GUM Corpus: Creating Multilayer
Resources in the Classroom". Language Resources and Evaluation 51(3), 581-612.

Learned from: the {docs} documents of GUM's train split whose text licence
allows commercial use (news and interview, CC-BY 2.5; academic and court,
CC-BY 4.0; bio and voyage, CC-BY-SA 3.0), the {mentions} mentions whose kind
the rules guessed or took from a weak cue. The
annotations are CC-BY 4.0; the weights learned from the share-alike texts are
distributed under the same terms, with this attribution. No other genre is
learned from; they are only measured on.

## Which kinds the model decides

The rules record what decided each kind. How often the rules' kind is right,
by that source, on the mentions learned from; the model decides for the
guesses and leaning cues right for fewer than {below} of them:

```
{by_source}
```

## Mention kind accuracy (mentions that overlap a gold name; the model decides only where the rules guessed)

{summary}
"""


if __name__ == "__main__":
    sys.exit(main())
