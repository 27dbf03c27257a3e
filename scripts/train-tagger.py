#!/usr/bin/env python3
"""Train the part-of-speech tagger embedded in Marginalia: data/models/tagger.bin.

Usage (plain Python 3.11, no packages):
    python3 scripts/train-tagger.py [--gum ../shared/data/gum] [--out data/models]

Source: the GUM corpus (Georgetown University Multilayer corpus,
https://github.com/amir-zeldes/gum, commit 72ce5ac1), as Universal Dependencies
.conllu files. Only documents whose text licence allows commercial use are
learned from, and only those of GUM's train split:

    news, interview   CC-BY 2.5     (Wikinews)
    academic, court   CC-BY 4.0
    bio, voyage       CC-BY-SA 3.0  (Wikipedia, Wikivoyage: share-alike)

Conversation, speech, textbook and vlog documents carry no licence in their
`# meta::` lines, so they are treated as non-commercial, like fiction, whow,
essay, letter and podcast: they are only measured on. Annotations are CC-BY 4.0.

The model is an averaged perceptron (greedy, left to right) over a combined
label "XPOS|UPOS" (Penn tag and Universal tag, e.g. "NNP|PROPN", "VBZ|AUX"),
so both come from one decision. Features are hashed with 64-bit FNV-1a over a
template byte and the feature's parts, exactly as `src/analysis/syntax/`
computes them; words that are frequent and nearly always carry one label are
tagged from a dictionary instead.

Determinism: documents and sentences are read in sorted order, shuffled by a
fixed linear congruential generator, trained for a fixed number of passes, and
the averaged weights are computed and quantised with integer arithmetic only;
the feature table is written sorted by hash. The same script and data give
the same bytes.

File format (little-endian), version FORMAT_VERSION:
    b"MTAG"  u32 format version
    u32 label count, then each label: u8 length, UTF-8 bytes
    u32 dictionary size, then each entry (sorted by bytes): u8 length, bytes, u8 label
    u32 feature count, then each feature (sorted by hash):
        u64 hash, u8 weight count, then per weight: u8 label, i16 weight

It also prints dev accuracy (by the quantised model, decoded as the Rust code
decodes it) and writes data/models/SOURCES.md with the file's SHA-256.
"""

import argparse
import glob
import hashlib
import json
import os
import struct
import sys
import time

# Bump when features, training or the file format change; SOURCES.md records
# it and a test checks that the embedded file matches it.
SCRIPT_VERSION = "tagger-1"
FORMAT_VERSION = 1

SEED = 20240611
PASSES = 8
SCALE = 16          # quantisation: weight units per perceptron update
DICT_MIN_COUNT = 20
DICT_MIN_SHARE = 0.97

COMMERCIAL_GENRES = {
    "news": "CC-BY 2.5",
    "interview": "CC-BY 2.5",
    "academic": "CC-BY 4.0",
    "court": "CC-BY 4.0",
    "bio": "CC-BY-SA 3.0",
    "voyage": "CC-BY-SA 3.0",
}

# Feature templates: the byte that starts each feature's hash. Keep in step
# with `src/analysis/syntax/features.rs`.
T_BIAS = 0
T_WORD = 1          # normalised word
T_FORM = 2          # word as written
T_SUF3 = 3
T_SUF2 = 4
T_SUF1 = 5
T_PRE2 = 6
T_SHAPE = 7
T_PREV_TAG = 8
T_PREV2_TAGS = 9    # tag i-2, tag i-1
T_PREV_TAG_WORD = 10
T_PREV_WORD = 11
T_PREV_SUF3 = 12
T_PREV2_WORD = 13
T_NEXT_WORD = 14
T_NEXT_SUF3 = 15
T_NEXT2_WORD = 16
T_NEXT_SHAPE = 17
T_FIRST_SHAPE = 18  # first in the sentence, with its shape

SEP = b"\x1f"
START = ["-START-", "-START2-"]
END = ["-END-", "-END2-"]


def fnv1a(parts, template):
    h = 0xCBF29CE484222325
    data = bytes([template]) + SEP.join(p.encode("utf-8") for p in parts)
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h or 1


def normalise(word):
    """Lower case, with every ASCII digit written as 0."""
    out = []
    for ch in word.lower():
        out.append("0" if "0" <= ch <= "9" else ch)
    return "".join(out)


def char_class(ch):
    if ch.isalpha():
        return "X" if ch.isupper() else "x"
    if "0" <= ch <= "9":
        return "d"
    return ch


def shape(word):
    """Letters as X or x, ASCII digits as d, anything else as itself; runs collapsed."""
    out = []
    for ch in word:
        c = char_class(ch)
        if not out or out[-1] != c:
            out.append(c)
        if len(out) >= 8:
            break
    return "".join(out)


def suffix(word, n):
    return word[-n:] if len(word) >= n else word


def prefix(word, n):
    return word[:n] if len(word) >= n else word


class Context:
    """The per-sentence strings the features read, padded at both ends."""

    def __init__(self, words):
        self.forms = START + list(words) + END
        self.norms = START + [normalise(w) for w in words] + END
        self.shapes = START + [shape(w) for w in words] + END


def features(ctx, i, prev, prev2):
    """Hashes of the features of token i (0-based, unpadded)."""
    j = i + 2
    w = ctx.norms[j]
    f = [
        fnv1a([], T_BIAS),
        fnv1a([w], T_WORD),
        fnv1a([ctx.forms[j]], T_FORM),
        fnv1a([suffix(w, 3)], T_SUF3),
        fnv1a([suffix(w, 2)], T_SUF2),
        fnv1a([suffix(w, 1)], T_SUF1),
        fnv1a([prefix(w, 2)], T_PRE2),
        fnv1a([ctx.shapes[j]], T_SHAPE),
        fnv1a([prev], T_PREV_TAG),
        fnv1a([prev2, prev], T_PREV2_TAGS),
        fnv1a([prev, w], T_PREV_TAG_WORD),
        fnv1a([ctx.norms[j - 1]], T_PREV_WORD),
        fnv1a([suffix(ctx.norms[j - 1], 3)], T_PREV_SUF3),
        fnv1a([ctx.norms[j - 2]], T_PREV2_WORD),
        fnv1a([ctx.norms[j + 1]], T_NEXT_WORD),
        fnv1a([suffix(ctx.norms[j + 1], 3)], T_NEXT_SUF3),
        fnv1a([ctx.norms[j + 2]], T_NEXT2_WORD),
        fnv1a([ctx.shapes[j + 1]], T_NEXT_SHAPE),
    ]
    if i == 0:
        f.append(fnv1a([ctx.shapes[j]], T_FIRST_SHAPE))
    return f


# ---------------------------------------------------------------- data


def read_conllu(path):
    """Sentences of (form, upos, xpos), skipping multiword ranges and empty nodes."""
    sentences, current = [], []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                if current:
                    sentences.append(current)
                current = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 5 or not cols[0].isdigit():
                continue
            current.append((cols[1], cols[3], cols[4]))
    if current:
        sentences.append(current)
    return sentences


def load(gum):
    splits = {}
    with open(os.path.join(gum, "gum-train-dev.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            splits[d["doc"]] = d["split"]
    docs = []
    for path in sorted(glob.glob(os.path.join(gum, "conllu", "*.conllu"))):
        name = os.path.basename(path)[: -len(".conllu")]
        genre = name.split("_")[1]
        docs.append((name, genre, splits.get(name), read_conllu(path)))
    return docs


def label(upos, xpos):
    return xpos + "|" + upos


# ---------------------------------------------------------------- training


class Lcg:
    """A fixed generator, so the shuffle does not depend on Python's `random`."""

    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFFFFFFFFFF

    def next(self, bound):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        return (self.state >> 33) % bound

    def shuffle(self, items):
        for i in range(len(items) - 1, 0, -1):
            j = self.next(i + 1)
            items[i], items[j] = items[j], items[i]


def build_dictionary(sentences):
    counts = {}
    for sent in sentences:
        for form, upos, xpos in sent:
            counts.setdefault(form, {}).setdefault(label(upos, xpos), 0)
            counts[form][label(upos, xpos)] += 1
    table = {}
    for form in sorted(counts):
        by_label = counts[form]
        total = sum(by_label.values())
        best = min(by_label, key=lambda lab: (-by_label[lab], lab))
        if total >= DICT_MIN_COUNT and by_label[best] >= DICT_MIN_SHARE * total:
            table[form] = best
    return table


class Perceptron:
    def __init__(self, n_labels):
        self.n = n_labels
        self.weights = {}   # feature -> list of current weights
        self.totals = {}    # feature -> list of accumulated weight * time
        self.stamps = {}    # feature -> list of the time each weight last changed
        self.time = 0

    def predict(self, feats):
        scores = [0] * self.n
        for f in feats:
            w = self.weights.get(f)
            if w is not None:
                for k in range(self.n):
                    scores[k] += w[k]
        best = 0
        for k in range(1, self.n):
            if scores[k] > scores[best]:
                best = k
        return best

    def update(self, truth, guess, feats):
        self.time += 1
        if truth == guess:
            return
        for f in feats:
            w = self.weights.get(f)
            if w is None:
                w = self.weights[f] = [0] * self.n
                self.totals[f] = [0] * self.n
                self.stamps[f] = [0] * self.n
            for k, delta in ((truth, 1), (guess, -1)):
                self.totals[f][k] += (self.time - self.stamps[f][k]) * w[k]
                self.stamps[f][k] = self.time
                w[k] += delta

    def averaged(self):
        """Averaged weights, quantised: round(SCALE * total / time), in integers only."""
        out = {}
        t = max(self.time, 1)
        for f in sorted(self.weights):
            w, tot, st = self.weights[f], self.totals[f], self.stamps[f]
            row = []
            for k in range(self.n):
                total = tot[k] + (self.time - st[k]) * w[k]
                num = total * SCALE
                # round half away from zero, integers only
                q = (abs(num) * 2 + t) // (2 * t)
                q = q if num >= 0 else -q
                q = max(-32768, min(32767, q))
                if q:
                    row.append((k, q))
            if row:
                out[f] = row
        return out


def train(sentences, labels, dictionary):
    index = {lab: k for k, lab in enumerate(labels)}
    model = Perceptron(len(labels))
    order = list(range(len(sentences)))
    rng = Lcg(SEED)
    contexts = [Context([t[0] for t in s]) for s in sentences]
    for p in range(PASSES):
        rng.shuffle(order)
        correct = total = 0
        for si in order:
            sent, ctx = sentences[si], contexts[si]
            prev, prev2 = START[0], START[1]
            for i, (form, upos, xpos) in enumerate(sent):
                truth = index[label(upos, xpos)]
                fixed = dictionary.get(form)
                if fixed is not None:
                    guess = index[fixed]
                else:
                    feats = features(ctx, i, prev, prev2)
                    guess = model.predict(feats)
                    model.update(truth, guess, feats)
                correct += guess == truth
                total += 1
                prev2, prev = prev, labels[guess]
        print(f"  pass {p + 1}: {correct / total:.4f} on train", file=sys.stderr)
    return model.averaged()


# ---------------------------------------------------------------- decoding


def tag(sentence_forms, labels, dictionary, table):
    """Greedy decoding with the quantised table, as the Rust code does it."""
    index = {lab: k for k, lab in enumerate(labels)}
    ctx = Context(sentence_forms)
    prev, prev2 = START[0], START[1]
    out = []
    for i, form in enumerate(sentence_forms):
        fixed = dictionary.get(form)
        if fixed is not None:
            best = index[fixed]
        else:
            scores = [0] * len(labels)
            for f in features(ctx, i, prev, prev2):
                for k, q in table.get(f, ()):
                    scores[k] += q
            best = 0
            for k in range(1, len(labels)):
                if scores[k] > scores[best]:
                    best = k
        out.append(labels[best])
        prev2, prev = prev, labels[best]
    return out


def evaluate(docs, labels, dictionary, table):
    """Token accuracy (UPOS, XPOS) on the dev split, per group of genres."""
    groups = {"all": [0, 0, 0], "commercial": [0, 0, 0], "news": [0, 0, 0]}
    for name, genre, split, sentences in docs:
        if split != "dev":
            continue
        keys = ["all"]
        if genre in COMMERCIAL_GENRES:
            keys.append("commercial")
        if genre == "news":
            keys.append("news")
        for sent in sentences:
            predicted = tag([t[0] for t in sent], labels, dictionary, table)
            for (form, upos, xpos), lab in zip(sent, predicted):
                pxpos, pupos = lab.split("|")
                for key in keys:
                    g = groups[key]
                    g[0] += 1
                    g[1] += pupos == upos
                    g[2] += pxpos == xpos
    return groups


# ---------------------------------------------------------------- output


def serialise(labels, dictionary, table):
    out = bytearray(b"MTAG")
    out += struct.pack("<I", FORMAT_VERSION)
    out += struct.pack("<I", len(labels))
    for lab in labels:
        b = lab.encode("utf-8")
        out += struct.pack("<B", len(b)) + b
    index = {lab: k for k, lab in enumerate(labels)}
    entries = sorted((form.encode("utf-8"), index[lab]) for form, lab in dictionary.items())
    entries = [(b, k) for b, k in entries if len(b) < 256]
    out += struct.pack("<I", len(entries))
    for b, k in entries:
        out += struct.pack("<B", len(b)) + b + struct.pack("<B", k)
    out += struct.pack("<I", len(table))
    for f in sorted(table):
        row = table[f]
        out += struct.pack("<QB", f, len(row))
        for k, q in row:
            out += struct.pack("<Bh", k, q)
    return bytes(out)


def write_sources(path, digest, size, n_train_docs, n_train_tokens, accuracy):
    def pct(g):
        return f"UPOS {100 * g[1] / g[0]:.2f}%, XPOS {100 * g[2] / g[0]:.2f}% ({g[0]} tokens)"

    text = f"""# Models

`tagger.bin` is generated by `scripts/train-tagger.py`; do not edit it by hand.

- script-version: {SCRIPT_VERSION}
- sha256: {digest}
- size: {size} bytes
- Regenerate: `python3 scripts/train-tagger.py` (plain Python 3.11, no
  packages; a few minutes on one core), with GUM at `../shared/data/gum`
  (or `--gum PATH`). The same script and data give the same bytes.

## Source

GUM, the Georgetown University Multilayer corpus (Amir Zeldes and
contributors), https://github.com/amir-zeldes/gum, commit 72ce5ac1, its
Universal Dependencies files (`conllu/`). Zeldes, Amir (2017) "The GUM
Corpus: Creating Multilayer Resources in the Classroom". Language Resources
and Evaluation 51(3), 581-612.

Learned from: the {n_train_docs} documents of GUM's train split whose text licence
allows commercial use ({n_train_tokens} tokens):

| genre | text licence |
| --- | --- |
| news, interview (Wikinews) | CC-BY 2.5 |
| academic, court | CC-BY 4.0 |
| bio (Wikipedia), voyage (Wikivoyage) | CC-BY-SA 3.0 |

GUM's annotations are CC-BY 4.0. The bio and voyage texts are share-alike
(CC-BY-SA 3.0): the weights learned from them are distributed under the same
terms, with this attribution. Fiction, whow, essay, letter and podcast texts are
non-commercial (CC-BY-NC-SA), and conversation, speech, textbook and vlog
documents state no licence in their metadata: none of them is learned from;
they are only measured on.

## Dev accuracy (GUM dev split, gold tokens)

- all genres: {pct(accuracy["all"])}
- commercial genres: {pct(accuracy["commercial"])}
- news: {pct(accuracy["news"])}
"""
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gum", default=os.path.join(repo, "..", "shared", "data", "gum"))
    ap.add_argument("--out", default=os.path.join(repo, "data", "models"))
    args = ap.parse_args()

    started = time.time()
    docs = load(args.gum)
    train_docs = [d for d in docs if d[2] == "train" and d[1] in COMMERCIAL_GENRES]
    sentences = [s for d in train_docs for s in d[3]]
    n_tokens = sum(len(s) for s in sentences)
    print(f"training on {len(train_docs)} documents, {len(sentences)} sentences, {n_tokens} tokens", file=sys.stderr)

    labels = sorted({label(u, x) for s in sentences for (_, u, x) in s})
    if len(labels) > 255:
        sys.exit("too many labels")
    dictionary = build_dictionary(sentences)
    table = train(sentences, labels, dictionary)
    blob = serialise(labels, dictionary, table)
    seconds = time.time() - started

    accuracy = evaluate(docs, labels, dictionary, table)
    for key, g in accuracy.items():
        print(f"dev {key}: UPOS {g[1] / g[0]:.4f} XPOS {g[2] / g[0]:.4f} ({g[0]} tokens)", file=sys.stderr)

    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "tagger.bin"), "wb") as fh:
        fh.write(blob)
    digest = hashlib.sha256(blob).hexdigest()
    write_sources(os.path.join(args.out, "SOURCES.md"), digest, len(blob), len(train_docs), n_tokens, accuracy)
    print(f"wrote tagger.bin: {len(blob)} bytes, {len(table)} features, sha256 {digest}, trained in {seconds:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
