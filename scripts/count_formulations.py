#!/usr/bin/env python3
"""Recount data/eval/provincial-formulations.csv against the real documents.

For every row, counts in how many of the 31 `prov2026-*` records of
../shared/data/real/records.jsonl the formulation string occurs (`reports`) and in how
many it occurs inside quotation marks (`quoted_in`), and prints every row whose counts
disagree with the CSV. Exit status 1 on any disagreement (or a malformed row).

Counting rules (plain string search, standard library only):
- the body is searched after removing all whitespace (str.split(), which also removes
  U+3000 and U+00A0); nothing else is normalised; the formulation is searched verbatim;
- `quoted_in`: the formulation occurs (as a substring) inside the content of a quoted span:
  “…” (the text between an opening U+201C and the next U+201D, with no other U+201C between),
  「…」, or ASCII "…" (paired in order of occurrence).

usage: count_formulations.py [--show] [--records PATH] [--csv PATH]
       count_formulations.py --count STRING [STRING ...]   (print counts for ad-hoc strings)
"""
import csv, json, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RECORDS = os.path.join(ROOT, "..", "shared", "data", "real", "records.jsonl")
CSV = os.path.join(ROOT, "data", "eval", "provincial-formulations.csv")
CATEGORIES = {"party_building", "ideology", "economy", "innovation", "opening_up", "reform",
              "livelihood", "ecology", "culture", "governance", "security", "rural",
              "regional", "other"}

QUOTE_RES = [re.compile(r"\u201c([^\u201c\u201d]*)\u201d"),
             re.compile(r"\u300c([^\u300c\u300d]*)\u300d"),
             re.compile(r'"([^"]*)"')]


def load_reports(path):
    docs = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d["id"].startswith("prov2026-"):
                body = "".join(d["body"].split())
                quoted = [m.group(1) for r in QUOTE_RES for m in r.finditer(body)]
                docs[d["id"]] = (body, quoted)
    return docs


def count(docs, s):
    reports = sum(1 for body, _ in docs.values() if s in body)
    quoted = sum(1 for _, qs in docs.values() if any(s in q for q in qs))
    return reports, quoted


def main(argv):
    records, path, show = RECORDS, CSV, False
    if "--records" in argv:
        records = argv[argv.index("--records") + 1]
    if "--csv" in argv:
        path = argv[argv.index("--csv") + 1]
    show = "--show" in argv
    docs = load_reports(records)
    if len(docs) != 31:
        print(f"warning: {len(docs)} prov2026- records, expected 31")
    if "--count" in argv:
        for s in argv[argv.index("--count") + 1:]:
            print(s, *count(docs, s))
        return 0
    bad, seen = 0, set()
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    for n, row in enumerate(rows, 2):
        f = row["formulation"]
        if None in row or any(v is None for v in row.values()):
            print(f"line {n}: wrong number of fields"); bad += 1; continue
        if f in seen:
            print(f"line {n}: duplicate formulation {f}"); bad += 1
        seen.add(f)
        if row["category"] not in CATEGORIES:
            print(f"line {n}: {f}: unknown category {row['category']}"); bad += 1
        r, q = count(docs, f)
        ok = (str(r) == row["reports"] and str(q) == row["quoted_in"])
        if not ok:
            print(f"line {n}: {f}: csv reports={row['reports']} quoted_in={row['quoted_in']}"
                  f" but counted reports={r} quoted_in={q}"); bad += 1
        elif show:
            print(f"{f}\t{r}\t{q}")
        if r < 10 and "below threshold" not in row["note"]:
            print(f"line {n}: {f}: {r} reports < 10 but note lacks 'below threshold'"); bad += 1
    at10 = sum(1 for row in rows if row["reports"].isdigit() and int(row["reports"]) >= 10)
    print(f"{len(rows)} rows, {at10} at >= 10 reports, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
