#!/usr/bin/env python3
"""Counts split, merged, wrong-kind and junk entities on five newsdesk clusters.

Usage:
  scripts/score-names-newsdesk.py BINARY [GOLD] [--details] [--clusters DIR]

BINARY is a marginalia executable; GOLD defaults to
tests/gold/newsdesk-names.jsonl; DIR defaults to
../shared/data/newsdesk/clusters. For every cluster named in GOLD the
script runs `BINARY check --format json DIR/CLUSTER` (exit status 1 only
means the report has warnings), maps each predicted mention to a gold entity
and counts, desk by desk, the errors defined in tests/gold/NAMES.md.

Texts: ECB+ (Cybulska and Vossen, LREC 2014, CC BY 3.0).
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_GOLD = os.path.join(HERE, "..", "tests", "gold", "newsdesk-names.jsonl")
DEFAULT_CLUSTERS = os.path.join(HERE, "..", "..", "shared", "data", "newsdesk", "clusters")
NAME_KINDS = ("person", "organization", "place")

# Words that may stand before or after a name inside a predicted mention
# without making the mention wrong: titles, offices and articles.
TITLE_WORDS = {
    "the", "mr", "mrs", "ms", "dr", "sgt", "officer", "councilman",
    "councilwoman", "council", "member", "city", "police", "commissioner",
    "president", "mayor", "public", "advocate", "rev", "general", "manager",
    "chief", "director", "spokesman", "spokeswoman", "sen", "rep", "gov",
    "jr", "sr", "st",
}
CALENDAR_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "january",
    "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}
WORD = re.compile(r"[\w][\w'’.&/-]*")


def strip_possessive(text):
    """The name without a trailing possessive or surrounding punctuation."""
    text = text.strip(" \t\"'‘’“”()[],:;")
    for tail in ("'s", "’s", "'S", "’S"):
        if text.endswith(tail) and len(text) > len(tail):
            return text[: -len(tail)]
    if text.endswith(("s'", "s’")):
        return text[:-1]
    return text


def whole_word_find(haystack, needle):
    """Start offsets of `needle` in `haystack` not inside a longer word."""
    out = []
    for m in re.finditer(re.escape(needle), haystack):
        before = haystack[m.start() - 1] if m.start() > 0 else " "
        after = haystack[m.end()] if m.end() < len(haystack) else " "
        if before.isalnum() or after.isalnum():
            continue
        out.append(m.start())
    return out


def words(text):
    return [w.strip(".'’").lower() for w in WORD.findall(text)]


class Cluster:
    """Gold entities of one cluster and where their forms occur."""

    def __init__(self, name, entities, clusters_dir):
        self.name = name
        self.entities = entities
        self.form_index = collections.defaultdict(list)
        self.lower_index = collections.defaultdict(list)
        self.demonyms = {d: i for i, e in enumerate(entities) for d in e.get("demonyms", [])}
        for i, e in enumerate(entities):
            for f in e["forms"]:
                if i not in self.form_index[f]:
                    self.form_index[f].append(i)
                if i not in self.lower_index[f.lower()]:
                    self.lower_index[f.lower()].append(i)
        self.texts = {}
        self.occurrences = {}
        folder = os.path.join(clusters_dir, name)
        for fname in sorted(os.listdir(folder)):
            with open(os.path.join(folder, fname), encoding="utf-8") as fh:
                text = fh.read()
            self.texts[fname] = text
            self.occurrences[fname] = self._occurrences(text)
        self.frequency = collections.Counter(
            i for occ in self.occurrences.values() for (_s, _e, i, _f) in occ
        )

    def _occurrences(self, text):
        """Gold form occurrences in a text as (start, end, entity, form),
        byte offsets, longer forms first where they overlap."""
        found = []
        for form, ids in self.form_index.items():
            for start in whole_word_find(text, form):
                for i in ids:
                    found.append((start, start + len(form), i, form))
        found.sort(key=lambda o: (-(o[1] - o[0]), o[0]))
        kept, taken = [], []
        for o in found:
            if any(o[0] < e and s < o[1] for s, e in taken if (s, e) != (o[0], o[1])):
                continue
            kept.append(o)
            taken.append((o[0], o[1]))
        # Character offsets to UTF-8 byte offsets, as the report gives them.
        out = []
        for s, e, i, f in kept:
            bs = len(text[:s].encode("utf-8"))
            be = bs + len(text[s:e].encode("utf-8"))
            out.append((bs, be, i, f))
        return out

    def choose(self, candidates, fname, start, end):
        """One entity among candidates: the one with an occurrence at the
        mention, else the nearest earlier one in the same article, else the
        nearest later one, else the most frequent in the cluster."""
        if len(candidates) == 1:
            return candidates[0]
        occ = [o for o in self.occurrences.get(fname, []) if o[2] in candidates]
        at = [o for o in occ if o[0] < end and start < o[1]]
        if at:
            return max(at, key=lambda o: o[1] - o[0])[2]
        # Occurrences of a form that only one candidate has say more than
        # the shared surname itself.
        unique = [o for o in occ if len(self.form_index[o[3]]) == 1]
        before = [o for o in unique if o[1] <= start]
        if before:
            return max(before, key=lambda o: o[0])[2]
        after = [o for o in unique if o[0] >= end]
        if after:
            return min(after, key=lambda o: o[0])[2]
        return max(candidates, key=lambda i: (self.frequency[i], -i))

    def match(self, mention, fname):
        """(entity index or None, how) for one predicted mention."""
        raw = mention["text"]
        text = strip_possessive(raw)
        start, end = mention["start"], mention["end"]
        for t in (raw, text):
            if t in self.form_index:
                return self.choose(self.form_index[t], fname, start, end), "exact"
        for t in (raw, text):
            if t.lower() in self.lower_index:
                return self.choose(self.lower_index[t.lower()], fname, start, end), "case"
        occ = self.occurrences.get(fname, [])
        # The mention contains gold forms: the longest one inside it.
        inside = [o for o in occ if start <= o[0] and o[1] <= end]
        if inside:
            return max(inside, key=lambda o: o[1] - o[0])[2], "contains"
        # A gold form occurrence at this place contains the mention. The
        # fragment counts only if it belongs to the forms of one entity:
        # "St." or "Route" alone, shared by several streets, names none.
        around = [o for o in occ if o[0] <= start and end <= o[1]]
        if around and any(c.isupper() for c in text):
            owners = {i for f in self.form_index if whole_word_find(f, text)
                      for i in self.form_index[f]}
            best = max(around, key=lambda o: o[1] - o[0])[2]
            if owners == {best}:
                return best, "inside"
            return None, "fragment"
        # Offsets did not help: the forms the mention contains, by text alone.
        contained = [f for f in self.form_index if whole_word_find(text, f)]
        if contained:
            best = max(contained, key=len)
            return self.choose(self.form_index[best], fname, start, end), "contains"
        # A mention that only overlaps a name ("St. Saturday" over the end
        # of "E. 52nd St.") names nothing.
        return None, None

    def glued(self, mention, fname, entity):
        """Words of a mention outside the gold form it was matched to that
        are neither titles nor other gold names: a sign that the span runs
        on into ordinary text ("Gray on Saturday", "Sixteen-year-old Gray")."""
        text = strip_possessive(mention["text"])
        rest = text
        for f in sorted(self.entities[entity]["forms"], key=len, reverse=True):
            if f in rest:
                rest = rest.replace(f, " ", 1)
                break
        else:
            return []
        for e in self.entities:
            for f in sorted(e["forms"] + e.get("demonyms", []), key=len, reverse=True):
                for s in whole_word_find(rest, f):
                    rest = rest[:s] + " " * len(f) + rest[s + len(f):]
        extra = []
        for w in WORD.findall(rest):
            key = w.strip(".'’").lower()
            if key in TITLE_WORDS and key not in CALENDAR_WORDS:
                continue
            if w[0].islower() or key in CALENDAR_WORDS or any(c.isdigit() for c in w) \
                    or "-" in w or w[0].isupper():
                extra.append(w)
        return extra


def load_gold(path):
    by_cluster = collections.OrderedDict()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                e = json.loads(line)
                by_cluster.setdefault(e["cluster"], []).append(e)
    return by_cluster


def run_check(binary, folder):
    proc = subprocess.run([binary, "check", "--format", "json", folder],
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"{binary} check failed on {folder} ({proc.returncode}): {proc.stderr.strip()}")
    return json.loads(proc.stdout)


def kind_ok(pred_kind, gold):
    if gold["kind"] == "other":
        return pred_kind != "person"
    return pred_kind == gold["kind"] or pred_kind in gold.get("also", [])


def score_cluster(cluster, report):
    """Counts and details for one desk."""
    ids = collections.OrderedDict()  # id -> list of (mention, fname, entity, how)
    demonym_names = []  # demonyms the engine gave as names
    for doc in report["documents"]:
        fname = os.path.basename(doc["path"])
        for m in doc["entities"]:
            if m.get("demonym"):
                continue
            if strip_possessive(m["text"]) in cluster.demonyms:
                demonym_names.append((m["id"], m["kind"], m["text"]))
                continue
            entity, how = cluster.match(m, fname)
            ids.setdefault(m["id"], []).append((m, fname, entity, how))

    gold = cluster.entities
    gold_ids = collections.defaultdict(collections.OrderedDict)  # entity -> id -> texts
    for pid, ms in ids.items():
        for m, _f, e, _h in ms:
            if e is not None:
                gold_ids[e].setdefault(pid, []).append(m["text"])

    def texts_of(pid):
        c = collections.Counter(m["text"] for m, _f, _e, _h in ids[pid])
        return ", ".join(f"{t!r}x{n}" if n > 1 else repr(t) for t, n in c.most_common())

    def pred_kind(pid):
        return collections.Counter(m["kind"] for m, _f, _e, _h in ids[pid]).most_common(1)[0][0]

    named = [e for e in gold if e["forms"]]
    res = collections.OrderedDict(
        gold=sum(1 for e in named if e["kind"] in NAME_KINDS),
        gold_other=sum(1 for e in named if e["kind"] not in NAME_KINDS),
        predicted=len(ids), split=0, merged=0, wrong_kind=0, junk=0,
        glued=0, glued_ids=0, missed=0, other_as_org_place=0,
        demonym_as_name=len({pid for pid, _k, _t in demonym_names}))
    det = collections.defaultdict(list)
    for pid, k, t in demonym_names:
        det["demonym as name"].append(f"{pid} {k}: {t!r}")

    for e, per_id in gold_ids.items():
        if gold[e]["kind"] in NAME_KINDS and len(per_id) > 1:
            res["split"] += len(per_id) - 1
            parts = "; ".join(f"{pid}: {texts_of(pid)}" for pid in per_id)
            det["split"].append(f"{gold[e]['entity']} ({gold[e]['kind']}) in {len(per_id)} ids: {parts}")
    for e, g in enumerate(gold):
        if g["forms"] and g["kind"] in NAME_KINDS and e not in gold_ids:
            res["missed"] += 1
            det["missed"].append(f"{g['entity']} ({g['kind']})")

    for pid, ms in ids.items():
        ents = collections.Counter(e for _m, _f, e, _h in ms if e is not None)
        if not ents:
            res["junk"] += 1
            det["junk"].append(f"{pid} {pred_kind(pid)}: {texts_of(pid)}")
            continue
        if len(ents) > 1:
            res["merged"] += len(ents) - 1
            names = ", ".join(f"{gold[e]['entity']} x{n}" for e, n in ents.most_common())
            det["merged"].append(f"{pid} {pred_kind(pid)}: {names} <- {texts_of(pid)}")
        major = ents.most_common(1)[0][0]
        k = pred_kind(pid)
        if not kind_ok(k, gold[major]):
            res["wrong_kind"] += 1
            det["wrong kind"].append(
                f"{pid} {k}: {gold[major]['entity']} is {gold[major]['kind']} <- {texts_of(pid)}")
        elif gold[major]["kind"] == "other":
            res["other_as_org_place"] += 1
            det["other as organization/place"].append(
                f"{pid} {k}: {gold[major]['entity']} <- {texts_of(pid)}")
        glued_here = 0
        for m, f, e, how in ms:
            if e is None or how != "contains":
                continue
            extra = cluster.glued(m, f, e)
            if extra:
                res["glued"] += 1
                glued_here += 1
                det["glued"].append(
                    f"{pid} {f}: {m['text']!r} -> {gold[e]['entity']} (extra: {' '.join(extra)})")
        if glued_here and glued_here == sum(ents.values()):
            res["glued_ids"] += 1
    return res, det


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("binary")
    ap.add_argument("gold", nargs="?", default=DEFAULT_GOLD)
    ap.add_argument("--details", action="store_true", help="list every counted item")
    ap.add_argument("--clusters", default=DEFAULT_CLUSTERS, help="folder of the cluster folders")
    args = ap.parse_args()

    gold = load_gold(args.gold)
    totals = collections.Counter()
    columns = ["gold", "gold_other", "predicted", "split", "merged", "wrong_kind",
               "junk", "glued", "glued_ids", "missed", "other_as_org_place",
               "demonym_as_name"]
    rows = []
    for name, entities in gold.items():
        cluster = Cluster(name, entities, args.clusters)
        report = run_check(args.binary, os.path.join(args.clusters, name))
        res, det = score_cluster(cluster, report)
        totals.update(res)
        rows.append((name, res))
        if args.details:
            print(f"== {name}")
            for section in ("split", "merged", "wrong kind", "junk", "glued",
                            "other as organization/place", "demonym as name", "missed"):
                for item in det.get(section, []):
                    print(f"  {section}: {item}")
    head = "cluster".ljust(14) + "".join(c.rjust(max(len(c), 5) + 1) for c in columns)
    print(head)
    for name, res in rows + [("total", totals)]:
        print(name.ljust(14) + "".join(str(res[c]).rjust(max(len(c), 5) + 1) for c in columns))


if __name__ == "__main__":
    main()
