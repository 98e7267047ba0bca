#!/usr/bin/env python3
"""Check data/eval/real-region-labels.csv against the gazetteer (conf/gazetteer/divisions.csv):
every code exists at the right level, prefecture belongs to province, county to prefecture;
ids are unique and exist in ../shared/data/real/records.jsonl (if present); print counts per level.
Exit status 1 on any error."""
import csv, json, os, re, sys
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LABELS = os.path.join(ROOT, "data", "eval", "real-region-labels.csv")
DIVS = os.path.join(ROOT, "conf", "gazetteer", "divisions.csv")
RECORDS = os.path.join(ROOT, "..", "shared", "data", "real", "records.jsonl")
MUNIS = {"110000", "120000", "310000", "500000"}


def main():
    divs = {}
    for r in csv.DictReader(open(DIVS, encoding="utf-8")):
        divs.setdefault(r["code"], {})[r["level"]] = r
    ids = None
    if os.path.exists(RECORDS):
        ids = {json.loads(l)["id"] for l in open(RECORDS, encoding="utf-8")}
    errs, seen, levels, parts, part_levels = [], set(), Counter(), Counter(), Counter()
    rows = list(csv.DictReader(open(LABELS, encoding="utf-8")))
    for row in rows:
        i, p, f, c = row["id"], row["province_code"], row["prefecture_code"], row["county_code"]
        def err(msg):
            errs.append(f"{i}: {msg}")
        if None in row or any(v is None for v in row.values()):
            err("wrong number of fields (unquoted comma in note?)")
        if i in seen:
            err("duplicate id")
        seen.add(i)
        if ids is not None and i not in ids:
            err("id not in records.jsonl")
        if row["text_names_prefecture"] not in ("0", "1"):
            err("text_names_prefecture must be 0/1")
        if f and not row["text_names_prefecture"]:
            err("missing text_names_prefecture")
        if not f and row["text_names_prefecture"] == "1":
            err("text_names_prefecture=1 without prefecture")
        if (f or c) and not p:
            err("lower level without province")
        if c and not f:
            err("county without prefecture")
        if p and "province" not in divs.get(p, {}):
            err(f"province {p} not a province code")
        if f:
            fr = divs.get(f, {}).get("prefecture") or (divs.get(f, {}).get("province") if f in MUNIS else None)
            if fr is None:
                err(f"prefecture {f} not found")
            elif f in MUNIS:
                if f != p:
                    err(f"municipality prefecture {f} != province {p}")
            elif fr["parent_code"] != p:
                err(f"prefecture {f} {fr['name']} parent {fr['parent_code']} != {p}")
        if p in MUNIS and not f:
            err("municipality subject needs prefecture = own code")
        if c:
            cr = divs.get(c, {}).get("county")
            if cr is None:
                err(f"county {c} not found")
            elif cr["prefecture_code"] != f or cr["province_code"] != p:
                err(f"county {c} {cr['name']} not under {f}/{p}")
        for nc in re.findall(r"\b\d{6}\b", row["note"]):
            if nc not in divs:
                err(f"code {nc} in note not found")
        level = "county" if c else "prefecture" if f else "province" if p else "none"
        levels[level] += 1
        parts[i.split("-")[0]] += 1
        part_levels[(i.split("-")[0], level)] += 1
    print("rows", len(rows), dict(parts))
    print("by level", dict(levels))
    print("by part and level", {f"{a}/{b}": n for (a, b), n in sorted(part_levels.items())})
    print("text_names_prefecture=1", sum(r["text_names_prefecture"] == "1" for r in rows))
    for e in errs:
        print("ERROR", e)
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
