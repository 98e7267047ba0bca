#!/usr/bin/env python3
"""Builds conf/gazetteer/divisions.csv and changes.csv from the shared region data.

Inputs: the china-division 2.7.0 table (regions.csv), the gb2260 0.6.0 history
(regions_gb2260_history.csv) and the hand-kept lists conf/gazetteer/aliases-extra.csv and
changes-extra.csv. The choices encoded here are explained in conf/gazetteer/README.md.

Usage (from the repository root):
  python3 scripts/build_gazetteer.py [--regions PATH] [--history PATH] [--out DIR]
"""
import argparse
import csv
import os
from collections import defaultdict

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Pseudo-prefectures of the statistical table; their counties are re-parented (see README).
PLACEHOLDER_NAMES = {"市辖区", "县", "市", "省直辖县级行政区划", "自治区直辖县级行政区划"}
MUNICIPALITIES = {"110000", "120000", "310000", "500000"}

# Province-level units missing from regions.csv (GB/T 2260 lists them).
EXTRA_PROVINCES = [
    ("710000", "台湾省", "台湾"),
    ("810000", "香港特别行政区", "香港"),
    ("820000", "澳门特别行政区", "澳门"),
]

# The 55 minority nationalities as they appear inside autonomous-area names; longest first so
# that 蒙古 does not cut 东乡 etc. The trailing 族 is optional in official names (蒙古自治州).
ETHNIC = sorted("""蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲
高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒
乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺""".split(), key=len,
                reverse=True)

PREFECTURE_SUFFIXES = ["自治州", "地区", "盟", "市"]
COUNTY_SUFFIXES = ["自治县", "自治旗", "联合旗", "特区", "林区", "新区", "矿区", "区", "县", "市", "旗"]


def strip_ethnic(stem):
    """Removes trailing nationality names (黔东南苗族侗族 -> 黔东南); keeps the stem if nothing is left."""
    changed = True
    s = stem
    while changed:
        changed = False
        for e in ETHNIC:
            for form in (e + "族", e):
                if s.endswith(form) and len(s) > len(form):
                    s = s[: -len(form)]
                    changed = True
                    break
            if changed:
                break
    return s


def stem_of(name, level):
    """The name without its administrative suffix; prefers a stem of at least two characters
    (清新区 -> 清新 rather than 清 through the suffix 新区)."""
    suffixes = PREFECTURE_SUFFIXES if level == "prefecture" else COUNTY_SUFFIXES
    fallback = (None, None)
    for suf in suffixes:
        if name.endswith(suf) and len(name) > len(suf):
            s = name[: -len(suf)]
            if suf.startswith("自治"):
                s = strip_ethnic(s)
            if len(s) >= 2:
                return s, suf
            if fallback[0] is None:
                fallback = (s, suf)
    return fallback


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(f)]


def load_divisions(regions_path):
    rows = read_csv(regions_path)
    placeholders = {r["code"]: r for r in rows if r["level"] == "prefecture" and r["name"] in PLACEHOLDER_NAMES}
    seen = set()
    divisions = {}
    for r in rows:
        code, level = r["code"], r["level"]
        if code in placeholders:
            continue
        if (code, level) in seen or code in divisions:
            # 东莞/中山/儋州 repeat at county level under their own code: keep the prefecture row.
            continue
        seen.add((code, level))
        divisions[code] = {
            "code": code,
            "name": r["name"],
            "level": level,
            "parent_code": r["parent_code"],
            "province_code": r["province_code"] or code,
            "short_name": r["short_name"],
            "source_aliases": [a for a in r["aliases"].split("|") if a],
            "in_mca_2021": r["in_mca_2021"] or "0",
            "functional_zone": "1" if level == "county" and code[4] == "7" else "0",
        }
    for d in divisions.values():
        if d["level"] == "province":
            d["parent_code"] = ""
            d["prefecture_code"] = d["code"] if d["code"] in MUNICIPALITIES else ""
        elif d["level"] == "prefecture":
            d["prefecture_code"] = d["code"]
        else:
            parent = d["parent_code"]
            if parent in placeholders:
                if d["province_code"] in MUNICIPALITIES:
                    # A district of Beijing rolls up to 北京市 at prefecture level.
                    d["parent_code"] = d["province_code"]
                    d["prefecture_code"] = d["province_code"]
                else:
                    # County-level units directly under a province (济源, 仙桃, 石河子 ...) are their own
                    # prefecture-level roll-up unit.
                    d["parent_code"] = d["province_code"]
                    d["prefecture_code"] = d["code"]
            else:
                d["prefecture_code"] = parent
    for code, name, short in EXTRA_PROVINCES:
        divisions[code] = {
            "code": code, "name": name, "level": "province", "parent_code": "", "province_code": code,
            "prefecture_code": "", "short_name": short, "source_aliases": [], "in_mca_2021": "0",
            "functional_zone": "0",
        }
    return divisions, placeholders


def build_aliases(divisions, extra):
    """Returns {code: [aliases]}, {code: set(weak aliases)} and the set of ambiguous full names."""
    words = {e["alias"] for e in extra if e["kind"] == "word"}
    aliases = defaultdict(list)
    for d in divisions.values():
        cands = []
        if d["level"] == "province":
            cands += [d["short_name"]] + d["source_aliases"]
        elif d["functional_zone"] == "0":
            stem, suf = stem_of(d["name"], d["level"])
            if stem and len(stem) >= 2:
                cands.append(stem)
                if suf == "自治州":
                    cands.append(stem + "州")
            if d["level"] == "prefecture" and d["name"].endswith("地区") and stem:
                cands.append(stem)
        for a in cands:
            if a and a != d["name"] and a not in aliases[d["code"]]:
                aliases[d["code"]].append(a)
    for e in extra:
        if e["kind"] == "alias" and e["code"] in divisions and e["alias"] not in aliases[e["code"]]:
            aliases[e["code"]].append(e["alias"])

    rank = {"province": 0, "prefecture": 1, "county": 2}
    holders = defaultdict(list)  # surface form -> [(rank, code)]
    for d in divisions.values():
        holders[d["name"]].append((rank[d["level"]], d["code"]))
        for a in aliases[d["code"]]:
            holders[a].append((rank[d["level"]], d["code"]))

    weak = defaultdict(set)
    for form, hs in holders.items():
        hs.sort()
        for r, code in hs:
            d = divisions[code]
            if form == d["name"]:
                continue
            shared_same_or_higher = any(o != code and ro <= r for ro, o in hs)
            is_word = form in words
            # Two-character stems of county-level units collide with ordinary words and person names
            # (永福, 清水, 同心, 金山, 周永康): they only refine a place already named.
            short_county_stem = d["level"] == "county" and len(form) == 2 \
                and form not in {e["alias"] for e in extra if e["kind"] == "alias"}
            if shared_same_or_higher or is_word or short_county_stem:
                weak[code].add(form)
    ambiguous_names = {form for form, hs in holders.items()
                       if form in words or sum(1 for _, c in hs if divisions[c]["name"] == form) > 1}
    return aliases, weak, ambiguous_names


def revision_year_after(last, revisions):
    later = [r for r in revisions if r > last]
    return later[0][:4] if later else ""


def build_changes(divisions, placeholders, folded, history_path, extra_changes):
    hist = read_csv(history_path)
    revisions = sorted({h["first_revision"] for h in hist} | {h["last_revision"] for h in hist})
    by_name_prov = defaultdict(list)
    by_stem_prov = defaultdict(list)
    for d in divisions.values():
        by_name_prov[(d["name"], d["province_code"])].append(d)
        if d["level"] != "province":
            s, _ = stem_of(d["name"], d["level"])
            if s:
                by_stem_prov[(s, d["province_code"])].append(d)

    changes = {}
    for code, p in placeholders.items():
        target = divisions[p["province_code"]]
        changes[(code, p["name"])] = (target["code"], target["name"], "placeholder", "",
                                      "statistical pseudo-prefecture; its counties sit directly under the province")
    for code, d in folded:
        changes[(code, d["name"])] = d["target"]

    for h in hist:
        code, name, level = h["code"], h["name"], h["level"]
        if name in PLACEHOLDER_NAMES or h["same_code_name_in_regions_csv"] == "1":
            continue
        if code in divisions and divisions[code]["name"] == name:
            continue
        year = revision_year_after(h["last_revision"], revisions)
        prov = code[:2] + "0000"
        same_name = [d for d in by_name_prov[(name, prov)] if d["code"] != code]
        stem, _ = stem_of(name, level) if level != "province" else (None, None)
        same_stem = [d for d in by_stem_prov[(stem, prov)] if d["level"] == level] if stem else []
        if not same_stem and level == "county":
            # One-character stems (沙县 -> 沙县区) only match a successor that keeps the whole old name.
            same_stem = [d for d in divisions.values()
                         if d["code"][:4] == code[:4] and d["name"].startswith(name) and d["code"] != code]
        if code in divisions and divisions[code]["level"] == level:
            t = divisions[code]
            changes[(code, name)] = (t["code"], t["name"], "renamed", year, "same code, new name")
        elif len(same_name) == 1:
            t = same_name[0]
            changes[(code, name)] = (t["code"], t["name"], "recoded", year, "same name, new code")
        elif len(same_stem) == 1:
            t = same_stem[0]
            kind = "county-to-district" if t["name"].endswith("区") else \
                "county-to-city" if t["name"].endswith("市") else "renamed-recoded"
            changes[(code, name)] = (t["code"], t["name"], kind, year, "same stem, new suffix and code")
        else:
            parent = code[:4] + "00" if level == "county" else prov
            t = resolve_parent(parent, divisions, changes)
            if t is None:
                continue
            changes[(code, name)] = (t["code"], t["name"], "abolished", year,
                                     "merged or renamed without a traceable successor; mapped to the parent")
    for e in extra_changes:
        changes[(e["old_code"], e["old_name"])] = (e["new_code"], e["new_name"], e["change"], e["year"], e["note"])
    # A hand entry for a code replaces any derived entry for the same code under another name.
    hand_codes = {e["old_code"] for e in extra_changes if e["old_code"]}
    for key in [k for k in changes if k[0] in hand_codes]:
        if key not in {(e["old_code"], e["old_name"]) for e in extra_changes}:
            del changes[key]
    for (old_code, old_name), (new_code, new_name, *_rest) in changes.items():
        if new_code not in divisions or divisions[new_code]["name"] != new_name:
            raise SystemExit(f"change {old_code} {old_name} points to unknown {new_code} {new_name}")
    for key, (new_code, new_name, kind, year, note) in changes.items():
        if not year and kind not in ("placeholder", "statistical"):
            changes[key] = (new_code, new_name, kind, year, (note + "; " if note else "")
                            + "changed between the 2016-07 revision and the 2023-06 cut-off")
    return changes


def fold_statistical_duplicates(divisions):
    """Statistics-only duplicates of a prefecture (嘉峪关市 620201) are folded into the prefecture."""
    out = []
    for d in list(divisions.values()):
        if d["level"] == "county" and d["in_mca_2021"] == "0" and d["functional_zone"] == "0":
            parent = divisions.get(d["parent_code"])
            if parent and parent["name"] == d["name"]:
                out.append((d["code"], {"name": d["name"], "target": (
                    parent["code"], parent["name"], "statistical", "",
                    "statistics-only county-level row repeating its prefecture")}))
                del divisions[d["code"]]
    return out


def resolve_parent(code, divisions, changes):
    if code in divisions:
        return divisions[code]
    for (old_code, _), (new_code, *_rest) in changes.items():
        if old_code == code:
            return divisions.get(new_code)
    prov = code[:2] + "0000"
    return divisions.get(prov)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    shared = os.path.join(REPO, "..", "shared", "data", "regions")
    ap.add_argument("--regions", default=os.path.join(shared, "regions.csv"))
    ap.add_argument("--history", default=os.path.join(shared, "regions_gb2260_history.csv"))
    ap.add_argument("--out", default=os.path.join(REPO, "conf", "gazetteer"))
    args = ap.parse_args()

    divisions, placeholders = load_divisions(args.regions)
    extra = read_csv(os.path.join(args.out, "aliases-extra.csv"))
    extra_changes = read_csv(os.path.join(args.out, "changes-extra.csv"))
    folded = fold_statistical_duplicates(divisions)
    changes = build_changes(divisions, placeholders, folded, args.history, extra_changes)
    aliases, weak, ambiguous_names = build_aliases(divisions, extra)

    cols = ["code", "name", "level", "parent_code", "province_code", "prefecture_code", "short_name",
            "aliases", "ambiguous", "in_mca_2021", "functional_zone", "ambiguous_aliases"]
    order = {"province": 0, "prefecture": 1, "county": 2}
    with open(os.path.join(args.out, "divisions.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(cols)
        for d in sorted(divisions.values(), key=lambda d: (d["code"], order[d["level"]])):
            al = aliases[d["code"]]
            short = d["short_name"] or (al[0] if al else "")
            w.writerow([d["code"], d["name"], d["level"], d["parent_code"], d["province_code"],
                        d["prefecture_code"], short, "|".join(al),
                        "1" if d["name"] in ambiguous_names else "0", d["in_mca_2021"], d["functional_zone"],
                        "|".join(a for a in al if a in weak[d["code"]])])
    with open(os.path.join(args.out, "changes.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["old_code", "old_name", "new_code", "new_name", "change", "year", "note"])
        for (old_code, old_name), t in sorted(changes.items()):
            w.writerow([old_code, old_name, *t])
    print(f"divisions: {len(divisions)}, changes: {len(changes)}")


if __name__ == "__main__":
    main()
