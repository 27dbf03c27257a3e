#!/usr/bin/env python3
"""Scores the figure and spelling warnings of marginalia on the newsdesk clusters.

Usage:
  scripts/score-newsdesk.py BINARY [--half tune|check|all] [--details]
                            [--gold FILE]... [--near FILE]... [--clusters DIR]

For every cluster of the chosen half the script runs
`BINARY check --format json CLUSTERDIR` (exit status 1 only means the report
has warnings) and prints, per rule (figure-conflict, figure-drift,
arithmetic, spelling-variant):

- findings, and how many were judged TRUE, FALSE, UNCLEAR or not at all.
  A finding is matched to a verdict by cluster, file, rule and its span text
  (the text of the file between the finding's start and end). Verdicts come
  from /work/shared/data/newsdesk/judged-findings.jsonl and from the
  project's own tests/gold/newsdesk-judged-extra.jsonl; a verdict of the
  project's is used only for the finding it judged (same related spans),
  and comes before the shared one;
- precision = TRUE / (TRUE + FALSE + unjudged): a finding nobody judged
  counts as wrong, UNCLEAR ones are left out;
- false warnings (FALSE + unjudged) per 1,000 words (words from
  MANIFEST.tsv, summed over the clusters scored).

Recall is measured against known-conflicts.jsonl and every --gold file
(default: tests/gold/newsdesk-conflicts.jsonl as well). A known conflict is
found when a figure-conflict or figure-drift finding sits on one of its two
figures (the finding's span overlaps that value's text inside its sentence)
and lists the other figure as a related location. Near misses
(tests/gold/newsdesk-agreements.jsonl and every --near file) are pairs that
must stay quiet; the script counts those that a finding pairs the same way.

Halves (fixed before tuning): topics whose number is 1 modulo 4 (t01, t05,
t09, ..., t45, both _ecb and _ecbplus) are the TUNE half; topics whose
number is 3 modulo 4 are the CHECK half. Tune only on the TUNE half.

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
ROOT = os.path.join(HERE, "..")
DATA = "/work/shared/data/newsdesk"
RULES = ("figure-conflict", "figure-drift", "arithmetic", "spelling-variant")
FIGURE_RULES = ("figure-conflict", "figure-drift", "arithmetic")
PAIR_RULES = ("figure-conflict", "figure-drift")


def half_of(cluster):
    """'tune' for topics 1 mod 4, 'check' for topics 3 mod 4."""
    topic = int(re.match(r"t(\d+)_", cluster).group(1))
    return "tune" if topic % 4 == 1 else "check"


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def occurrences(haystack, needle):
    """Start offsets of every occurrence of `needle` in `haystack`."""
    out = []
    start = haystack.find(needle)
    while start >= 0:
        out.append(start)
        start = haystack.find(needle, start + 1)
    return out


class Desk:
    """One cluster: its files (as bytes) and the checker's findings."""

    def __init__(self, binary, clusters_dir, name):
        self.name = name
        self.dir = os.path.join(clusters_dir, name)
        self.files = {}
        for file in sorted(os.listdir(self.dir)):
            with open(os.path.join(self.dir, file), "rb") as f:
                self.files[file] = f.read()
        run = subprocess.run(
            [binary, "check", "--format", "json", self.dir],
            capture_output=True,
            check=False,
        )
        if run.returncode not in (0, 1):
            sys.exit(f"{binary} failed on {name}: {run.stderr.decode()}")
        report = json.loads(run.stdout)
        self.findings = []
        for doc in report["documents"]:
            file = os.path.basename(doc["path"])
            for finding in doc["findings"]:
                if finding["rule"] not in RULES:
                    continue
                related = [
                    (os.path.basename(r["path"]), r["start"], r["end"])
                    for r in finding.get("related", [])
                ]
                self.findings.append(
                    {
                        "file": file,
                        "rule": finding["rule"],
                        "start": finding["start"],
                        "end": finding["end"],
                        "span": self.text(file, finding["start"], finding["end"]),
                        "message": finding["message"],
                        "severity": finding.get("severity"),
                        "related": related,
                    }
                )

    def text(self, file, start, end):
        return self.files[file][start:end].decode("utf-8", "replace")

    def sentence_of(self, file, start):
        data = self.files[file]
        left = data.rfind(b"\n", 0, start) + 1
        right = data.find(b"\n", start)
        if right < 0:
            right = len(data)
        return data[left:right].decode("utf-8", "replace")

    def value_spans(self, file, sentence, value):
        """Byte ranges of `value` inside every copy of `sentence` in `file`."""
        data = self.files.get(file)
        if data is None:
            return []
        sent = sentence.encode("utf-8")
        val = value.encode("utf-8")
        spans = []
        for s in occurrences(data, sent):
            for v in occurrences(sent, val):
                spans.append((s + v, s + v + len(val)))
        return spans


def overlaps(a_start, a_end, spans):
    return any(a_start < e and s < a_end for s, e in spans)


def pair_found(desk, record):
    """The finding that reports this pair of figures, if any."""
    sides = []
    for i in range(2):
        sides.append(
            (
                record["files"][i],
                desk.value_spans(record["files"][i], record["sentences"][i], record["values"][i]),
            )
        )
    for finding in desk.findings:
        if finding["rule"] not in PAIR_RULES:
            continue
        for here, there in ((0, 1), (1, 0)):
            file, spans = sides[here]
            if finding["file"] != file or not overlaps(finding["start"], finding["end"], spans):
                continue
            other_file, other_spans = sides[there]
            for rfile, rstart, rend in finding["related"]:
                if rfile == other_file and overlaps(rstart, rend, other_spans):
                    return finding
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("binary")
    parser.add_argument("--half", choices=("tune", "check", "all"), default="tune")
    parser.add_argument("--details", action="store_true")
    parser.add_argument("--gold", action="append", default=[])
    parser.add_argument("--near", action="append", default=[])
    parser.add_argument("--clusters", default=os.path.join(DATA, "clusters"))
    parser.add_argument(
        "--unjudged",
        help="write the findings nobody judged to this JSONL file, in the "
        "format of tests/gold/newsdesk-judged-extra.jsonl with an empty "
        "verdict, for a reader to judge",
    )
    args = parser.parse_args()

    judged = collections.defaultdict(list)
    extra_path = os.path.join(ROOT, "tests", "gold", "newsdesk-judged-extra.jsonl")
    sources = [os.path.join(DATA, "judged-findings.jsonl")]
    if os.path.exists(extra_path):
        sources.append(extra_path)
    for path in sources:
        for r in read_jsonl(path):
            judged[(r["cluster"], r["file"], r["rule"], r["span"])].append(r)

    gold = read_jsonl(os.path.join(DATA, "known-conflicts.jsonl"))
    for path in [os.path.join(ROOT, "tests", "gold", "newsdesk-conflicts.jsonl")] + args.gold:
        gold += read_jsonl(path)
    near = []
    for path in [os.path.join(ROOT, "tests", "gold", "newsdesk-agreements.jsonl")] + args.near:
        near += read_jsonl(path)

    words = collections.Counter()
    with open(os.path.join(DATA, "MANIFEST.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            cluster, _file, count = line.split("\t")[:3]
            words[cluster] += int(count)

    clusters = sorted(
        c
        for c in os.listdir(args.clusters)
        if os.path.isdir(os.path.join(args.clusters, c))
        and (args.half == "all" or half_of(c) == args.half)
    )
    counts = {rule: collections.Counter() for rule in RULES}
    found = missed = 0
    quiet_broken = quiet_total = 0
    total_words = 0
    lines = []
    unjudged = []
    for name in clusters:
        desk = Desk(args.binary, args.clusters, name)
        total_words += words[name]
        for finding in desk.findings:
            key = (name, finding["file"], finding["rule"], finding["span"])
            # The project's own verdict on this very finding (same related
            # spans) comes first; else any verdict on the span.
            related = sorted(desk.text(f, s, e) for f, s, e in finding["related"])
            own = [r for r in judged.get(key, []) if r.get("judged_by") == "project"
                   and sorted(r.get("related", [])) == related]
            verdicts = own or [r for r in judged.get(key, []) if r.get("judged_by") != "project"]
            verdict = verdicts[0]["verdict"] if verdicts else "unjudged"
            reason = verdicts[0].get("reason", "") if verdicts else ""
            counts[finding["rule"]][verdict] += 1
            counts[finding["rule"]]["findings"] += 1
            if verdict == "unjudged":
                unjudged.append({
                    "cluster": name,
                    "file": finding["file"],
                    "rule": finding["rule"],
                    "span": finding["span"],
                    "related": [desk.text(f, s, e) for f, s, e in finding["related"]],
                    "related_files": [f for f, _, _ in finding["related"]],
                    "sentence": desk.sentence_of(finding["file"], finding["start"]),
                    "message": finding["message"],
                    "severity": finding.get("severity", ""),
                    "verdict": "",
                    "reason": "",
                    "judged_by": "project",
                })
            if args.details:
                lines.append(
                    f"[{verdict}] {name}/{finding['file']} {finding['rule']} "
                    f"«{finding['span']}» {finding['message']}\n"
                    f"    in: {desk.sentence_of(finding['file'], finding['start'])}\n"
                    + "".join(
                        f"    vs {rf}: {desk.sentence_of(rf, rs)}\n"
                        for rf, rs, _ in finding["related"][:3]
                    )
                    + (f"    why: {reason}\n" if reason else "")
                )
        for record in gold:
            if record["cluster"] != name:
                continue
            hit = pair_found(desk, record)
            if hit:
                found += 1
            else:
                missed += 1
            if args.details:
                mark = "FOUND" if hit else "MISSED"
                lines.append(
                    f"[{mark}] {name} {record['kind']}: {record['values'][0]} "
                    f"({record['files'][0]}) vs {record['values'][1]} "
                    f"({record['files'][1]}): {record['quantity']}\n"
                )
        for record in near:
            if record["cluster"] != name:
                continue
            quiet_total += 1
            hit = pair_found(desk, record)
            if hit:
                quiet_broken += 1
                if args.details:
                    lines.append(
                        f"[NEAR-MISS RAISED] {name}: {record['values'][0]} vs "
                        f"{record['values'][1]}: {record['quantity']}\n"
                    )

    if args.details:
        print("".join(lines))
    if args.unjudged:
        with open(args.unjudged, "w", encoding="utf-8") as out:
            for record in unjudged:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"half: {args.half} ({len(clusters)} clusters, {total_words} words)")
    print(f"{'rule':18} {'found':>5} {'TRUE':>5} {'FALSE':>5} {'UNCL':>5} {'unjdg':>5} {'prec':>6} {'false/1kw':>9}")
    fig = collections.Counter()
    for rule in RULES:
        c = counts[rule]
        if rule in FIGURE_RULES:
            fig.update(c)
        print(row(rule, c, total_words))
    print(row("figure rules", fig, total_words))
    total = found + missed
    share = f"{100 * found / total:.0f}%" if total else "-"
    print(f"recall: {found} of {total} known conflicts found ({share})")
    print(f"near misses raised: {quiet_broken} of {quiet_total}")


def row(label, c, total_words):
    wrong = c["FALSE"] + c["unjudged"]
    denom = c["TRUE"] + wrong
    prec = f"{100 * c['TRUE'] / denom:.0f}%" if denom else "-"
    rate = 1000 * wrong / total_words if total_words else 0.0
    return (
        f"{label:18} {c['findings']:5} {c['TRUE']:5} {c['FALSE']:5} {c['UNCLEAR']:5} "
        f"{c['unjudged']:5} {prec:>6} {rate:9.3f}"
    )


if __name__ == "__main__":
    main()
