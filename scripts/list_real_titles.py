#!/usr/bin/env python3
"""Print ids/titles (and optionally a body excerpt) of ../shared/data/real records to the TERMINAL
for hand labelling, and look up region codes by name. Never writes document text into repo files.

usage: list_real_titles.py [prefix] [--body N]     e.g.  nmg- --body 300
       list_real_titles.py --lookup NAME [NAME ...]
"""
import csv, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
RECORDS = os.path.join(ROOT, "..", "shared", "data", "real", "records.jsonl")
DIVS = os.path.join(ROOT, "..", "main", "conf", "gazetteer", "divisions.csv")
if not os.path.exists(DIVS):
    DIVS = os.path.join(ROOT, "conf", "gazetteer", "divisions.csv")


def lookup(names):
    rows = list(csv.DictReader(open(DIVS, encoding="utf-8")))
    byc = {r["code"]: r for r in rows}
    for n in names:
        for r in rows:
            if n in r["name"] or n == r["short_name"]:
                par = byc.get(r["parent_code"], {}).get("name", "")
                prov = byc.get(r["province_code"], {}).get("name", "")
                print(n, "->", r["code"], r["name"], r["level"], "parent", r["parent_code"], par, prov)


def main(argv):
    if argv and argv[0] == "--lookup":
        return lookup(argv[1:])
    prefix = argv[0] if argv and not argv[0].startswith("--") else ""
    nbody = int(argv[argv.index("--body") + 1]) if "--body" in argv else 0
    for line in open(RECORDS, encoding="utf-8"):
        r = json.loads(line)
        if not r["id"].startswith(prefix):
            continue
        meta = "/".join(x or "" for x in (r.get("province"), r.get("city"), r.get("county")))
        print(r["id"], "|", r["title"], "|", meta)
        if nbody:
            b = " ".join(r["body"].split())
            print("    ", b[:nbody])


if __name__ == "__main__":
    main(sys.argv[1:])
