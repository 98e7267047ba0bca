#!/usr/bin/env python3
"""Check data/sample against its labels and print the summary that README.md carries.

Reads the written files back (it does not trust the generator) and verifies: one label per
non-blank record in listing order; each quarantine reason by an independent validator; region
codes, names, levels and parent chains against regions.csv; that every expected duplicate
matches its kept original after simple normalization and is dated later; that no two accepted
records are near-copies; slogan labels against a fresh quote scan; text_names_city; body
lengths; coverage of months, provinces, prefectures, counties and sources. The Traditional
records are also converted back with OpenCC's dictionary when the opencc4j jar is in the
local Maven repository.

Usage: python3 scripts/check_sample.py [--sample DIR] [--regions PATH]
"""
import argparse
import collections
import csv
import datetime as dt
import gzip
import json
import re
import sys
import zipfile
from pathlib import Path

import sample_labels as L
import sample_regions as R
import sample_script as S

ROOT = Path(__file__).resolve().parent.parent
OPENCC_JAR = Path.home() / ".m2/repository/com/github/houbb/opencc4j/1.14.0/opencc4j-1.14.0.jar"
NEAR_THRESHOLD = 0.8
# Characters that Taiwan usage keeps although OpenCC prefers a variant.
TAIWAN_FORMS = set("群床秘峰")
LABEL_KEYS = ["file", "line", "id", "expect", "duplicate_of", "reason", "region_code",
              "region_level", "text_names_city", "hard_case", "slogans", "non_slogans"]
REASONS = ["malformed_json", "not_object", "missing_body", "empty_body", "bad_type:body",
           "bad_type:title", "bad_type:published_at", "missing_date", "bad_date"]

_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?"
DATE_FORMS = [
    (re.compile(r"^(\d{4})$"), "year"),
    (re.compile(r"^(\d{4})-(\d{1,2})$"), "month"),
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})" + _TIME + "$"), "day"),
    (re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})" + _TIME + "$"), "day"),
    (re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日" + _TIME + "$"), "day"),
]


def parse_date(value):
    """(date, precision) or None: the date forms of the input contract."""
    for pattern, precision in DATE_FORMS:
        m = pattern.match(value.strip())
        if not m:
            continue
        parts = [int(g) for g in m.groups()] + [1, 1]
        try:
            return dt.date(parts[0], parts[1], parts[2]), precision
        except ValueError:
            return None
    return None


def validate(raw):
    """(object, None) or (None, reason), the reasons checked in contract order."""
    try:
        obj = json.loads(raw) if isinstance(raw, str) else raw
    except json.JSONDecodeError:
        return None, "malformed_json"
    if not isinstance(obj, dict):
        return None, "not_object"
    if "body" not in obj:
        return None, "missing_body"
    if not isinstance(obj["body"], str):
        return None, "bad_type:body"
    if not obj["body"].strip():
        return None, "empty_body"
    if "title" in obj and not isinstance(obj["title"], str):
        return None, "bad_type:title"
    if "published_at" not in obj:
        return None, "missing_date"
    if not isinstance(obj["published_at"], str):
        return None, "bad_type:published_at"
    if parse_date(obj["published_at"]) is None:
        return None, "bad_date"
    return obj, None


def read_records(sample):
    """[(file, line, raw)] in listing order; raw is a line of text or a parsed element."""
    out = []
    for path in sorted((sample / "input").iterdir()):
        rel = "input/" + path.name
        if path.name.endswith(".json"):
            for i, element in enumerate(json.loads(path.read_text(encoding="utf-8"))):
                out.append((rel, i, element))
            continue
        data = path.read_bytes()
        if path.name.endswith(".gz"):
            data = gzip.decompress(data)
        text = data.decode("utf-8")
        if text.startswith("\ufeff"):
            text = text[1:]
        for n, line in enumerate(text.split("\n"), start=1):
            if line.strip():
                out.append((rel, n, line))
    return out


def load_regions(path):
    rows = {}
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            rows.setdefault(row["code"], row)
            if row["level"] == "prefecture":
                rows[row["code"]] = row
    return rows


def opencc_t2s():
    """OpenCC's Traditional -> Simplified converter, or None without the jar."""
    if not OPENCC_JAR.exists():
        return None
    with zipfile.ZipFile(OPENCC_JAR) as z:
        def table(name):
            pairs = {}
            for line in z.read(name).decode("utf-8").splitlines():
                if "\t" in line:
                    a, b = line.split("\t")
                    pairs[a] = b.split(" ")[0]
            return pairs
        phrases = table("data/dictionary/TSPhrases.txt")
        chars = table("data/dictionary/TSCharacters.txt")
    longest = max(len(p) for p in phrases)

    def convert(text):
        return S.convert(text, phrases, chars, longest)
    return convert


def normalized_text(obj):
    """Title and body as the labels see them: Simplified, no pinyin, no invisible chars."""
    def clean(s):
        s = "".join(ch for ch in s or "" if ch not in L.INVISIBLE)
        return S.to_simplified(L.strip_pinyin(s))
    return clean(obj.get("title")), clean(obj.get("body"))


def fold(items):
    table = str.maketrans({"：": ":", "（": "(", "）": ")", "；": ";", "？": "?", "！": "!",
                           "「": "“", "」": "”", "『": "‘", "』": "’", '"': "“"})
    return sorted(x.translate(table) for x in items)


def city_names(code, regions):
    """Names that count as naming the subject: county, prefecture, short and old forms."""
    row = regions[code]
    names = []
    if row["level"] == "county":
        names.append(row["name"])
        names += [old for old, new_code, _ in R.RENAMED if new_code == code]
        row = regions[row["parent_code"]]
    if row["level"] == "prefecture":
        city = R.CITY_BY_CODE.get(row["code"])
        names += [city["name"], city["short"]] if city else [row["name"]]
    return [n for n in names if n]


def check(sample, regions_path):
    sample = Path(sample)
    regions = load_regions(regions_path)
    problems = []
    labels = [json.loads(line) for line in (sample / "labels.jsonl").read_text("utf-8").splitlines()]
    records = read_records(sample)
    if [(f, n) for f, n, _ in records] != [(lab["file"], lab["line"]) for lab in labels]:
        problems.append("labels do not list the records one to one in listing order")
    parsed, by_id = [], {}
    for (file, line, raw), lab in zip(records, labels):
        if list(lab) != LABEL_KEYS:
            problems.append(f"{file}:{line} label keys {list(lab)}")
        obj, reason = validate(raw)
        if reason != lab["reason"] or (reason is None) != (lab["expect"] != "quarantined"):
            problems.append(f"{file}:{line} validator says {reason}, label {lab['reason']}")
        if obj is not None and isinstance(obj.get("id"), str):
            if obj["id"] != lab["id"]:
                problems.append(f"{file}:{line} id {obj.get('id')} vs label {lab['id']}")
            if obj["id"] in by_id:
                problems.append(f"{file}:{line} id {obj['id']} not unique")
            by_id[obj["id"]] = (obj, lab)
        parsed.append((obj, lab))

    accepted = [(o, lab) for o, lab in parsed if lab["expect"] == "accepted"]
    dups = [(o, lab) for o, lab in parsed if lab["expect"] == "duplicate"]
    quarantined = [lab for _, lab in parsed if lab["expect"] == "quarantined"]

    # Regions.
    for obj, lab in parsed:
        code = lab["region_code"]
        if code is None:
            if lab["region_level"] is not None:
                problems.append(f"{lab['file']}:{lab['line']} level without code")
            continue
        row = regions.get(code)
        if row is None:
            problems.append(f"{lab['file']}:{lab['line']} unknown code {code}")
            continue
        if row["level"] != lab["region_level"] and not (code == "441900"):
            problems.append(f"{lab['file']}:{lab['line']} {code} is {row['level']}")
        chain = [row]
        while chain[-1]["parent_code"]:
            chain.append(regions[chain[-1]["parent_code"]])
        levels = [r["level"] for r in chain]
        expected = {"county": ["county", "prefecture", "province"],
                    "prefecture": ["prefecture", "province"], "province": ["province"]}
        if levels != expected[row["level"]] or chain[-1]["code"] != row["province_code"]:
            problems.append(f"{lab['file']}:{lab['line']} bad parent chain for {code}")
        if lab["expect"] == "accepted":
            title, body = normalized_text(obj)
            named = row["level"] != "province" and any(
                n in title + body for n in city_names(code, regions))
            if named != lab["text_names_city"]:
                problems.append(f"{lab['file']}:{lab['line']} text_names_city should be {named}")

    # Duplicates: the kept original is accepted, dated earlier, and the same article.
    near_sims = []
    for obj, lab in dups:
        orig = by_id.get(lab["duplicate_of"])
        if orig is None or orig[1]["expect"] != "accepted":
            problems.append(f"{lab['file']}:{lab['line']} duplicate_of {lab['duplicate_of']} "
                            "is not an accepted record")
            continue
        o = orig[0]
        if parse_date(o["published_at"])[0] > parse_date(obj["published_at"])[0]:
            problems.append(f"{lab['file']}:{lab['line']} copy is older than its original")
        a = L.dedup_key(o.get("title"), o["body"])
        b = L.dedup_key(obj.get("title"), obj["body"])
        if lab["hard_case"] == "near_duplicate":
            near_sims.append(L.similarity(a, b))
            if near_sims[-1] < NEAR_THRESHOLD:
                problems.append(f"{lab['file']}:{lab['line']} near copy too different")
        elif a != b or (o.get("title") or "") != (obj.get("title") or "") and \
                "exact_copy" in (lab["hard_case"] or ""):
            problems.append(f"{lab['file']}:{lab['line']} copy differs from its original")
    keys = collections.Counter(L.dedup_key(o.get("title"), o["body"]) for o, _ in accepted)
    if any(n > 1 for n in keys.values()):
        problems.append("two accepted records share a duplicate key")
    grams = [(lab, {k[i:i + 4] for i in range(len(k) - 3)})
             for o, lab in accepted for k in [L.dedup_key(o.get("title"), o["body"])]]
    max_sim, max_pair = 0.0, None
    for i in range(len(grams)):
        for j in range(i + 1, len(grams)):
            a, b = grams[i][1], grams[j][1]
            s = len(a & b) / len(a | b)
            if s > max_sim:
                max_sim, max_pair = s, (grams[i][0], grams[j][0])
    if max_sim >= NEAR_THRESHOLD:
        problems.append(f"accepted records too similar: {max_sim:.2f} {max_pair}")

    # Slogans, body lengths, dates.
    labelled = 0
    months = collections.Counter()
    for obj, lab in accepted:
        if not 150 <= len(obj["body"]) <= 1500:
            problems.append(f"{lab['file']}:{lab['line']} body length {len(obj['body'])}")
        date, precision = parse_date(obj["published_at"])
        if precision != "year":
            months[date.strftime("%Y-%m")] += 1
        if lab["slogans"] is None:
            if lab["non_slogans"] is not None:
                problems.append(f"{lab['file']}:{lab['line']} non_slogans without slogans")
            continue
        labelled += 1
        slogans, others = L.slogan_labels(*normalized_text(obj))
        if sorted(slogans) != sorted(lab["slogans"]) or fold(others) != fold(lab["non_slogans"]):
            problems.append(f"{lab['file']}:{lab['line']} slogans {slogans} / {others} vs "
                            f"{lab['slogans']} / {lab['non_slogans']}")

    # Traditional text against OpenCC.
    t2s = opencc_t2s()
    trad = [(o, lab) for o, lab in parsed if o and "traditional" in (lab["hard_case"] or "")]
    opencc_note = "OpenCC jar not found; Traditional text checked with the sample's own table"
    if t2s:
        bad = 0
        for o, lab in trad:
            for s in (o.get("title") or "", o["body"]):
                s = L.strip_pinyin(s)
                if t2s(s) != S.to_simplified(s):
                    bad += 1
                    problems.append(f"{lab['file']}:{lab['line']} OpenCC disagrees")
        opencc_note = (f"{len(trad)} Traditional records converted back with OpenCC's "
                       f"dictionary: {len(trad) - bad} agree with the sample's own table")
        left = set()
        for o, _ in trad:
            text = (o.get("title") or "") + o["body"]
            for kept in S.PHRASES.values():
                text = text.replace(kept, "")
            left.update(ch for ch in text if ch in S.S2T and ch not in TAIWAN_FORMS)
        if left:
            problems.append("Simplified characters left in Traditional records: " + "".join(left))

    # Coverage.
    hard = collections.Counter()
    for _, lab in parsed:
        if lab["hard_case"]:
            hard.update(lab["hard_case"].split(";"))
    provinces, prefectures, counties = set(), set(), set()
    county_items = 0
    for _, lab in accepted:
        code = lab["region_code"]
        if not code:
            continue
        row = regions[code]
        provinces.add(row["province_code"])
        if row["level"] == "county":
            county_items += 1
            counties.add(code)
            prefectures.add(row["parent_code"])
        elif row["level"] == "prefecture":
            prefectures.add(code)
    prefectures.discard("110100")
    sources = collections.Counter(o.get("source") for o, _ in accepted + dups)
    no_region = sum(1 for o, _ in parsed if o is None or not any(
        k in o for k in ("region_code", "province", "city", "county")))
    reasons = collections.Counter(lab["reason"] for lab in quarantined)
    files = collections.Counter(lab["file"] for lab in labels)
    n_exact = sum(1 for _, lab in dups if "exact_copy" in (lab["hard_case"] or ""))
    n_near = hard["near_duplicate"]

    requirements = [
        (len(records) >= 420, "at least 420 records"),
        (len(months) == 24 and min(months.values()) >= 3, "24 months, each >= 3 records"),
        (len(provinces) >= 12, "12 provinces"), (len(prefectures) >= 40, "40 prefectures"),
        (county_items >= 25, "25 county-level items"),
        (len([s for s in sources if s]) >= 8, "8 sources"),
        (hard["traditional"] >= 25, "25 Traditional records"),
        (no_region / len(parsed) >= 0.6, "60% without region fields"),
        (n_exact >= 15, "15 exact copies"), (n_near >= 10, "10 near copies"),
        (all(reasons[r] >= 2 for r in REASONS), "2 records per quarantine reason"),
        (labelled >= 80, "80 records labelled for slogans"),
        (all(hard[t] >= 3 for t in ["two_cities", "ambiguous_district", "county_level_city",
                                    "renamed_division", "destination_city", "national"]),
         "each region hard case at least 3 times"),
    ]
    for ok, what in requirements:
        if not ok:
            problems.append("requirement not met: " + what)

    lines = [
        f"records: {len(records)} in {len(files)} files "
        f"({', '.join(f'{f.split(chr(47))[1]} {n}' for f, n in sorted(files.items()))})",
        f"expected: accepted {len(accepted)}, duplicate {len(dups)} "
        f"(exact copies {n_exact}, near copies {n_near}, script variants "
        f"{hard['script_variant']}, pinyin variants {hard['pinyin_variant']}), "
        f"quarantined {len(quarantined)}",
        "quarantine reasons: " + ", ".join(f"{r} {reasons[r]}" for r in REASONS),
        f"accepted with a region: {sum(1 for _, lab in accepted if lab['region_code'])} "
        f"(province {sum(1 for _, lab in accepted if lab['region_level'] == 'province')}, "
        f"prefecture {sum(1 for _, lab in accepted if lab['region_level'] == 'prefecture')}, "
        f"county {county_items}); without: "
        f"{sum(1 for _, lab in accepted if not lab['region_code'])}",
        f"coverage: {len(provinces)} provinces, {len(prefectures)} prefectures, "
        f"{len(counties)} distinct county-level units, {len(months)} months "
        f"({min(months)}..{max(months)}, {min(months.values())}-{max(months.values())} "
        f"accepted records a month), {len([s for s in sources if s])} sources",
        f"records without any region field: {no_region} of {len(parsed)} "
        f"({100 * no_region / len(parsed):.0f}%)",
        f"accepted records labelled for slogans: {labelled}; distinct slogans "
        f"{len({s for _, lab in accepted for s in lab['slogans'] or []})}; "
        f"text_names_city true {sum(1 for _, lab in accepted if lab['text_names_city'])}",
        "hard cases: " + ", ".join(f"{k} {v}" for k, v in sorted(hard.items())),
        f"max similarity between two accepted records: {max_sim:.2f} "
        f"(near copies must reach {NEAR_THRESHOLD}; the least similar near copy: "
        f"{min(near_sims, default=1.0):.2f})",
        opencc_note,
        f"problems: {len(problems)}",
    ]
    return "\n".join(lines) + "\n", problems


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=Path, default=ROOT / "data" / "sample")
    ap.add_argument("--regions", type=Path,
                    default=ROOT.parent / "shared" / "data" / "regions" / "regions.csv")
    args = ap.parse_args(argv)
    summary, problems = check(args.sample, args.regions)
    print(summary)
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
