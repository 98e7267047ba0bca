#!/usr/bin/env python3
"""Write the bundled sample of Tifa: data/sample/input/*, labels.jsonl and README.md.

The articles are composed from the hand-written material in sample_text.py and the local
facts in sample_regions.py with a fixed seed, so a run always writes the same bytes. Labels
are derived from the clean Simplified text before any noise (Traditional script, pinyin,
publisher chrome, invisible characters) is added; the noise is recorded in `hard_case`.
After writing, check_sample.py re-reads the files, verifies every label and renders the
summary that README.md carries.

Usage: python3 scripts/make_sample.py [--regions PATH] [--out DIR]
"""
import argparse
import datetime as dt
import gzip
import io
import json
import random
import re
import sys
from pathlib import Path

import check_sample
import sample_labels as L
import sample_regions as R
import sample_script as S
import sample_text as T

SEED = 20240319
ROOT = Path(__file__).resolve().parent.parent

FILE_PORTAL = "input/cppcc_portal.json"
FILE_LIAOCHENG = "input/liaocheng_rongmei.jsonl"
FILE_MIRROR = "input/mirror_traditional.jsonl"
FILE_2023 = "input/news_2023.jsonl"
FILE_2024 = "input/news_2024.jsonl"
FILE_SYND = "input/syndicated.jsonl.gz"

SPEECH_KIND = {"investment": "business", "rural": "villager", "culture_tourism": "tourist",
               "ecology": "eco", "education": "parent", "elderly_care": "resident",
               "digital_gov": "digital"}
CITY_GENRES = ["cppcc_session", "cppcc_inspection", "cppcc_consult", "party_meeting",
               "gov_meeting", "campaign", "work_report", "investment", "rural",
               "culture_tourism", "ecology", "education", "elderly_care", "safety",
               "digital_gov", "clean_gov"]
COUNTY_GENRES = ["cppcc_inspection", "cppcc_consult", "campaign", "investment", "rural",
                 "culture_tourism", "ecology", "education", "elderly_care", "safety",
                 "clean_gov", "cppcc_session"]
PROVINCE_GENRES = ["cppcc_session", "party_meeting", "gov_meeting", "work_report",
                   "digital_gov", "ecology"]
TRADITIONAL_GENRES = ["cppcc_session", "cppcc_inspection", "cppcc_consult",
                      "culture_tourism", "rural", "investment", "elderly_care"]
CPPCC_GENRES = {"cppcc_session", "cppcc_inspection", "cppcc_consult"}
ANON_GENRES = ["cppcc_session", "party_meeting", "gov_meeting", "cppcc_inspection",
               "digital_gov"]
LIAOCHENG_ONLY = "攻坚突破年"

HOSTS = {"大众日报": "paper.dzrb.example", "齐鲁网": "news.iqilu.example",
         "聊城日报": "epaper.lcrb.example", "聊城市融媒体中心": "www.lcrmt.example",
         "人民政协网": "www.rmzxw.example", "浙江日报": "zjrb.zjol.example",
         "四川在线": "sichuan.scol.example", "新华网": "www.news.example"}
NEUTRAL_FACTS = {"code": None, "name": "", "short": "", "province": None, "counties": [],
                 "ind": ["商贸物流", "食品加工"], "land": ["城市公园"], "eco": "城区河道",
                 "slog": ["有事好商量"], "weight": 0}


class Subject:
    """Who the article is about, how the text names it, and what the label says."""

    def __init__(self, level, code, city, place, lw, pl, scope, subs, names, prov_code,
                 tags=(), short=None):
        self.level, self.code, self.city = level, code, city
        self.place, self.lw, self.pl, self.scope, self.subs = place, lw, pl, scope, subs
        self.names, self.prov_code, self.tags = names, prov_code, list(tags)
        self.short = short if short is not None else pl
        self.county_name = None


def prefecture(c, tags=()):
    return Subject("prefecture", c["code"], c, c["name"], "市", c["short"], "全市",
                   "各县（市、区）", [c["name"], c["short"]], c["province"], tags, c["short"])


def county(c, name, code, with_city=False, written=None, tags=()):
    written = written or name
    lw = written[-1]
    place = c["name"] + written if with_city else written
    names = [name, written, c["name"], c["short"]]
    short = name[:-1] if len(name) > 2 else name
    s = Subject("county", code, c, place, lw, written, "全" + lw, "各镇（街道）", names,
                c["province"], tags, short)
    s.county_name = name
    if name.endswith("市") and "county_level_city" not in s.tags:
        s.tags.append("county_level_city")
    return s


def province(code):
    name, short, _ = R.PROVINCES[code]
    cities = [c for c in R.CITIES if c["province"] == code and c["code"] != "110100"]
    facts = dict(NEUTRAL_FACTS)
    facts["ind"] = sorted({i for c in cities for i in c["ind"]})
    facts["land"] = sorted({x for c in cities for x in c["land"]})
    facts["eco"] = cities[0]["eco"]
    facts["slog"] = [T.PROVINCE_SLOGANS.get(code, short + "有约")]
    facts["short"] = short
    return Subject("province", code, facts, name, "省", short, "全省", "各市", [], code,
                   ["province_level"], short)


def national():
    return Subject(None, None, dict(NEUTRAL_FACTS), "", "", "", "全国", "各地", [], None,
                   ["national"], "")


def person(rng):
    return rng.choice(T.SURNAMES) + rng.choice(T.GIVEN)


def speech_for(rng, genre, is_liaocheng):
    pool = [s for s in T.SPEECHES[SPEECH_KIND.get(genre, "official")]
            if is_liaocheng or LIAOCHENG_ONLY not in s]
    return rng.choice(pool)


def slots_for(rng, subj, genre, date, date_known):
    c = subj.city
    ind = rng.sample(c["ind"], 2) if len(c["ind"]) > 1 else c["ind"] * 2
    liaocheng = c.get("code") == "371500"
    camps = [x for x in T.CAMPAIGNS if liaocheng or LIAOCHENG_ONLY not in x]
    if liaocheng and rng.random() < 0.5:
        camps = [x for x in T.CAMPAIGNS if LIAOCHENG_ONLY in x or "十二项" in x]
    names = [person(rng) for _ in range(3)]
    town = rng.choice(T.TOWNS)
    crop = rng.choice(T.CROPS)
    stem = subj.short or c["short"] or ""
    return {
        "place": subj.place, "lw": subj.lw, "pl": subj.pl, "scope": subj.scope,
        "subs": subj.subs, "pl_short": stem,
        "date": f"{date.month}月{date.day}日" if date_known else "近日",
        "year": date.year, "year2": date.year + 2, "month": date.month,
        "term": rng.choice(["十四", "十五"]),
        "ses": rng.choice(["二", "三", "四", "五", "六", "七", "八", "九", "十", "十一"]),
        "ind": ind[0], "ind2": ind[1], "land": rng.choice(c["land"]), "eco": c["eco"],
        "lslog": rng.choice(c["slog"]), "camp": rng.choice(camps),
        "nat": rng.choice(T.NATIONAL), "nat_topic": rng.choice(T.NATIONAL_TOPICS),
        "name": names[0], "name2": names[1], "name3": names[2],
        "n1": rng.randint(3, 30), "n2": rng.randint(10, 150), "n3": rng.randint(2, 15),
        "n4": rng.randint(1000, 9999),
        "amt": round(rng.uniform(5, 380), 1), "amt2": round(rng.uniform(100, 900), 1),
        "pct": round(rng.uniform(3.1, 9.8), 1), "pct2": round(rng.uniform(4.0, 7.5), 1),
        "pct3": rng.randint(60, 92),
        "crop": crop, "village": rng.choice(T.VILLAGES), "town": town,
        "topic": rng.choice(T.TOPICS), "dept": rng.choice(T.DEPTS),
        "proj1": f"{stem}{ind[0]}产业园", "proj2": f"{town}镇{crop}种植基地",
        "speech": speech_for(rng, genre, liaocheng), "longq": rng.choice(T.LONG_QUOTES),
        "partner": "", "partner_short": "",
    }


class Composer:
    """Composes articles that do not read alike: a new article is redrawn while it shares
    too many character 4-grams with an earlier one of the same genre."""

    MAX_SIMILARITY = 0.5

    def __init__(self, rng):
        self.rng = rng
        self.grams = {}

    def compose(self, subj, genre, date, date_known, variant=None, partner=None):
        best = None
        for _ in range(40):
            title, text, slots = self._draw(subj, genre, date, date_known, variant, partner)
            key = "".join(text)
            grams = {key[i:i + 4] for i in range(len(key) - 3)}
            sim = max((len(grams & g) / len(grams | g) for g in self.grams.get(genre, [])),
                      default=0.0)
            if best is None or sim < best[0]:
                best = (sim, grams, (title, text, slots))
            if sim < self.MAX_SIMILARITY:
                break
        self.grams.setdefault(genre, []).append(best[1])
        return best[2]

    def _draw(self, subj, genre, date, date_known, variant, partner):
        rng = self.rng
        g = T.GENRES[genre]
        slots = slots_for(rng, subj, genre, date, date_known)
        if partner:
            slots["partner"] = partner["name"]
            slots["partner_short"] = partner["short"]
        if variant == "anon":
            leads = T.ANON_LEADS
            bodies = [b for b in g["body"] if "{place}" not in b and "{pl" not in b]
            titles = T.ANON_TITLES
        else:
            leads, bodies, titles = g["lead"], g["body"], g["title"]
        lead = rng.choice(leads)
        picked = rng.sample(bodies, min(len(bodies), rng.randint(2, 4)))
        paras = [lead] + picked
        title = rng.choice(titles)
        if variant == "two_cities":
            title = rng.choice(T.TWO_CITIES_TITLES)
            paras = T.TWO_CITIES + picked[:2]
        elif variant == "destination":
            if rng.random() < 0.5:
                paras = [T.DESTINATION[0], T.DESTINATION[1]] + picked[:2]
            else:
                paras = [lead] + picked[:2] + [T.DESTINATION[rng.choice([1, 2])]]
        if variant != "anon" and g.get("close") and rng.random() < 0.55:
            paras.append(rng.choice(g["close"]))
        text = [p.format(**slots) for p in paras]
        # Grow short articles with further paragraphs of the genre.
        spare = [b for b in bodies if b not in paras]
        while sum(len(p) for p in text) < 190 and spare:
            text.insert(-1 if len(text) > 1 else 1, spare.pop().format(**slots))
        return title.format(**slots), text, slots


# Dates -----------------------------------------------------------------------------------

def format_date(rng, when, kind):
    d = when
    if kind == "iso":
        return d.strftime("%Y-%m-%d")
    if kind == "space":
        return d.strftime("%Y-%m-%d %H:%M:%S")
    if kind == "t":
        return d.strftime("%Y-%m-%dT%H:%M:%S")
    if kind == "offset":
        return d.strftime("%Y-%m-%dT%H:%M:%S") + "+08:00"
    if kind == "slash":
        return f"{d.year}/{d.month}/{d.day}"
    if kind == "slash_time":
        return d.strftime("%Y/%m/%d %H:%M")
    if kind == "cn":
        return f"{d.year}年{d.month}月{d.day}日"
    if kind == "cn_time":
        return f"{d.year}年{d.month}月{d.day}日 {d.strftime('%H:%M')}"
    if kind == "month":
        return d.strftime("%Y-%m")
    if kind == "year":
        return str(d.year)
    raise ValueError(kind)


DATE_TAGS = {"slash": "date_slash", "slash_time": "date_slash", "cn": "date_cn",
             "cn_time": "date_cn", "offset": "date_offset", "month": "date_month_only",
             "year": "date_year_only"}
DATE_KINDS = (["iso"] * 30 + ["space"] * 28 + ["t"] * 6 + ["offset"] * 10 + ["slash"] * 9
              + ["slash_time"] * 3 + ["cn"] * 10 + ["cn_time"] * 4)


# Noise -----------------------------------------------------------------------------------

def add_noise(rng, rec, tags, kinds):
    """Apply publisher chrome and character noise to rec['title'] / rec['body'] in place."""
    paras = rec["paras"]
    slots = rec["slots"]
    fill = {"source": rec.get("source") or "本网", "title": rec.get("title") or "",
            "stamp": rec["stamp"], "name": person(rng), "name2": person(rng),
            "n4": rng.randint(1000, 9999)}
    if "header_lines" in kinds:
        head = []
        if rec.get("title"):
            head.append(rec["title"])
        head += [h.format(**fill) for h in rng.sample(T.HEADERS[:3], rng.randint(1, 2))]
        if rng.random() < 0.3 and rec.get("title"):
            head.append(rec["title"])  # the header repeated, as scraped pages often show it
        paras = head + paras
        tags.append("header_lines")
    if "footer_noise" in kinds:
        paras = paras + [f.format(**fill) for f in rng.sample(T.FOOTERS, rng.randint(1, 3))]
        tags.append("footer_noise")
    if "u3000_indent" in kinds:
        paras = ["\u3000\u3000" + p for p in paras]
        tags.append("u3000_indent")
    sep = "\n\n" if rng.random() < 0.3 else "\n"
    body = sep.join(paras)
    title = rec.get("title")
    if "mixed_punctuation" in kinds:
        table = {"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "？": "?", "！": "!"}
        body = "".join(table[ch] if ch in table and rng.random() < 0.6 else ch for ch in body)
        tags.append("mixed_punctuation")
    if "straight_quotes" in kinds:
        body = re.sub(r"“([^“”‘’]{2,24})”", r'"\1"', body)
        if title:
            title = re.sub(r"“([^“”‘’]{2,24})”", r'"\1"', title)
        tags.append("straight_quotes")
    if "traditional" in kinds:
        body = S.to_traditional(body)
        title = S.to_traditional(title) if title else title
        tags.append("traditional")
    if "corner_quotes" in kinds:
        corner = str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"})
        body = body.translate(corner)
        title = title.translate(corner) if title else title
        tags.append("corner_quotes")
    if "pinyin" in kinds:
        body, n = S.annotate_pinyin(body, rng, limit=rng.randint(2, 5))
        if n:
            tags.append("pinyin")
    if "zero_width" in kinds:
        chars = list(body)
        for _ in range(rng.randint(2, 6)):
            chars.insert(rng.randrange(1, len(chars)), "\u200b")
        body = "".join(chars)
        if title and rng.random() < 0.5:
            title = title[:2] + "\u200b" + title[2:]
        tags.append("zero_width")
    if "inline_bom" in kinds:
        body = "\ufeff" + body
        tags.append("bom")
    if "nbsp" in kinds:
        body = body.replace("  ", "\u00a0\u00a0").replace(" ", "\u00a0", 2)
        tags.append("nbsp")
    if "trailing_space" in kinds:
        body = "  " + body + " \n"
    rec["title"], rec["body"] = title, body


# Plan -------------------------------------------------------------------------------------

def build_plan(rng):
    """The list of accepted originals: subject, genre and variant of each."""
    plan = []
    lc = R.CITY_BY_CODE["371500"]

    def add(subj, genres, n=1, variant=None, partner=None):
        for _ in range(n):
            plan.append({"subj": subj, "genre": rng.choice(genres), "variant": variant,
                         "partner": partner})

    add(prefecture(lc), CITY_GENRES, 38)
    add(prefecture(lc), ["cppcc_session", "cppcc_inspection"], 2, "anon")
    for name, code in lc["counties"]:
        if name == "茌平区":
            add(county(lc, name, code, written="茌平县", tags=["renamed_division"]),
                COUNTY_GENRES, 2)
            add(county(lc, name, code, with_city=True), COUNTY_GENRES, 2)
        elif name == "临清市":
            add(county(lc, name, code), COUNTY_GENRES, 3)
            add(county(lc, name, code, with_city=True), COUNTY_GENRES, 1)
        else:
            add(county(lc, name, code, with_city=rng.random() < 0.5), COUNTY_GENRES, 2)
            add(county(lc, name, code, with_city=rng.random() < 0.5), COUNTY_GENRES, 1)
    add(prefecture(lc, ["destination_city"]), ["cppcc_inspection"], 4, "destination")
    # Renamed or merged divisions outside 聊城.
    jn = R.CITY_BY_CODE["370100"]
    add(county(jn, "莱芜区", "370116", written="莱芜市", tags=["renamed_division"]),
        COUNTY_GENRES, 2)
    add(county(jn, "莱芜区", "370116", with_city=True), COUNTY_GENRES, 1)
    add(county(jn, "章丘区", "370114", written="章丘市", tags=["renamed_division"]),
        COUNTY_GENRES, 1)
    # Subject + partner city.
    for a, b in [("371500", "330500"), ("371400", "330400"), ("511100", "440300"),
                 ("610600", "610100")]:
        add(prefecture(R.CITY_BY_CODE[a], ["two_cities"]), ["investment"], 1, "two_cities",
            R.CITY_BY_CODE[b])
    # Other prefectures, by weight, and one item for each of their listed counties.
    others = [c for c in R.CITIES if c["code"] not in ("371500", "110100")]
    total_w = sum(c["weight"] for c in others)
    for c in others:
        add(prefecture(c), CITY_GENRES, max(2, round(228 * c["weight"] / total_w)))
        for name, code in c["counties"]:
            if name in R.AMBIGUOUS_DISTRICTS or (c["code"] == "370100" and name != "历下区"):
                continue
            add(county(c, name, code, with_city=rng.random() < 0.4), COUNTY_GENRES, 1)
    # Ambiguous district names: resolvable with the city in the text or in a field.
    for name, codes in R.AMBIGUOUS_DISTRICTS.items():
        for i, code in enumerate(codes):
            c = R.CITY_BY_CODE[code[:4] + "00"]
            subj = county(c, name, code, with_city=(i % 2 == 0), tags=["ambiguous_district"])
            plan.append({"subj": subj, "genre": rng.choice(COUNTY_GENRES),
                         "variant": None if i % 2 == 0 else "needs_field", "partner": None})
    for name in ("市中区", "鼓楼区"):
        subj = Subject(None, None, dict(NEUTRAL_FACTS), name, "区", name, "全区",
                       "各街道", [], None, ["ambiguous_district", "unresolvable"], name[:-1])
        add(subj, ["cppcc_consult", "education", "elderly_care"], 1)
    for code, n in [("370000", 4), ("330000", 2), ("320000", 2), ("510000", 2),
                    ("410000", 1), ("440000", 1)]:
        add(province(code), PROVINCE_GENRES, n)
    add(national(), ["national"], 10)
    return plan


def pick_source(rng, subj, genre):
    if subj.level is None and "national" in subj.tags:
        return rng.choice(["人民政协网", "人民政协网", "新华网"])
    if genre in CPPCC_GENRES and rng.random() < 0.3:
        return "人民政协网"
    city = subj.city
    if city.get("code") == "371500":
        options = ["聊城日报", "聊城市融媒体中心", "齐鲁网", "大众日报", "聊城日报"]
        if subj.level == "county":
            options.append(f"{subj.county_name}融媒体中心")
        return rng.choice(options)
    prov = subj.prov_code
    if prov is None:
        return rng.choice(["新华网", "齐鲁网"])
    paper = R.PROVINCES[prov][2]
    options = [paper, paper]
    if prov == "370000":
        options.append("齐鲁网")
    if subj.level in ("prefecture", "county") and city.get("short"):
        options.append(f"{city['short']}日报")
        if subj.level == "county" and rng.random() < 0.5:
            options.append(f"{subj.county_name}融媒体中心")
    return rng.choice(options)


# Records ----------------------------------------------------------------------------------

class Builder:
    def __init__(self, rng):
        self.rng = rng
        self.composer = Composer(rng)
        self.ids = set()
        self.counter = 0

    def new_id(self, source, when):
        self.counter += 1
        prefix = {"人民政协网": "rmzx", "聊城日报": "lcrb", "聊城市融媒体中心": "lcrm",
                  "齐鲁网": "iqilu", "大众日报": "dzrb"}.get(source, "art")
        style = self.counter % 3
        if style == 0:
            rid = f"{prefix}-{when:%Y%m%d}-{self.counter:04d}"
        elif style == 1:
            rid = f"{prefix}_{100000 + self.counter * 37}"
        else:
            rid = str(8800000 + self.counter * 113)
        assert rid not in self.ids
        self.ids.add(rid)
        return rid

    def original(self, item, when, date_kind, traditional=False):
        rng = self.rng
        subj, genre = item["subj"], item["genre"]
        tags = list(subj.tags)
        date_known = date_kind not in ("month", "year")
        title, paras, slots = self.composer.compose(subj, genre, when, date_known,
                                                    item["variant"], item["partner"])
        source = pick_source(rng, subj, genre)
        if rng.random() < 0.15 and date_known:
            who = f"(记者 {person(rng)} 通讯员 {person(rng)})"
            if source == "齐鲁网" and rng.random() < 0.6:
                paras[0] = f"齐鲁网·闪电新闻{when.month}月{when.day}日讯 " + paras[0] + "(@齐鲁网)"
            else:
                paras[0] = f"本报讯{who} " + paras[0]
        clean_title, clean_body = title, "\n".join(paras)
        slogans, non_slogans = L.slogan_labels(clean_title, clean_body)
        check_quotes(clean_title + "\n" + clean_body)
        if re.search(r"\((记者|CPPCC|\d{4}\))|@齐鲁网", clean_body):
            tags.append("real_parentheses")
        text = clean_title + clean_body
        names_city = bool(subj.names) and any(n and n in text for n in subj.names)
        rec = {"paras": paras, "slots": slots, "title": title, "source": source,
               "stamp": f"{when:%Y-%m-%d %H:%M}", "genre": genre}
        kinds = set()
        if traditional:
            kinds.add("traditional")
            if rng.random() < 0.6:
                kinds.add("corner_quotes")
            if rng.random() < 0.45:
                kinds.add("pinyin")
        else:
            if rng.random() < 0.04:
                kinds.add("corner_quotes")
            if rng.random() < 0.06 and "‘" not in clean_body:
                kinds.add("straight_quotes")
        for kind, p in [("u3000_indent", 0.33), ("footer_noise", 0.2), ("header_lines", 0.12),
                        ("mixed_punctuation", 0.1), ("zero_width", 0.06), ("nbsp", 0.04),
                        ("trailing_space", 0.05)]:
            if rng.random() < p:
                kinds.add(kind)
        add_noise(rng, rec, tags, kinds)
        date_tag = DATE_TAGS.get(date_kind)
        if date_tag:
            tags.append(date_tag)
        obj = {"id": self.new_id(source, when), "title": rec["title"], "body": rec["body"],
               "published_at": format_date(rng, when, date_kind), "source": source}
        host = HOSTS.get(source, "news.local.example")
        if rng.random() < 0.8:
            obj["url"] = f"https://{host}/{when:%Y%m}/{when:%d}/{obj['id']}.html"
        return {
            "obj": obj, "tags": tags, "subj": subj, "when": when, "genre": genre,
            "clean": (clean_title, clean_body), "slogans": slogans, "non_slogans": non_slogans,
            "names_city": names_city, "variant": item["variant"], "kinds": kinds,
        }


def check_quotes(text):
    """Every non-slogan quotation must be one of the written remarks or long quotations."""
    allowed = set()
    for pool in T.SPEECHES.values():
        allowed.update(L.canonical(s) for s in pool)
    allowed.update(L.canonical(q) for q in T.LONG_QUOTES + T.SHORT_NON_SLOGANS)
    for span in L.quoted_spans(text):
        c = L.canonical(span)
        if L.is_slogan(span):
            assert c not in allowed, f"remark classified as slogan: {span}"
        else:
            assert c in allowed, f"unexpected non-slogan quotation: {span!r}"


MONTHS = [(2023 + i // 12, i % 12 + 1) for i in range(24)]
TRAD_PROVINCES = {"350000", "440000", "330000", "320000"}
NEAR_PREFIXES = ["【政协动态】", "【聚焦】", "转载｜"]
NEAR_EDITS = [("会议强调", "会上强调"), ("近年来", "这几年"), ("据介绍", "据了解"),
              ("下一步", "接下来"), ("据统计", "统计显示"), ("会议指出", "会议认为")]
EXTRA_TAGS = ["政协", "履职", "项目建设", "民生", "乡村振兴", "文旅", "营商环境", "生态"]


def pick_traditional(rng, plan):
    """28 items rendered in Traditional script: 聊城, four southern provinces, national."""
    def ok(item):
        return item["variant"] is None and "unresolvable" not in item["subj"].tags \
            and "ambiguous_district" not in item["subj"].tags
    lc = [i for i, it in enumerate(plan) if ok(it) and it["subj"].city.get("code") == "371500"]
    south = [i for i, it in enumerate(plan) if ok(it) and it["subj"].prov_code in TRAD_PROVINCES
             and it["subj"].level in ("prefecture", "county")]
    nat = [i for i, it in enumerate(plan) if "national" in it["subj"].tags]
    chosen = rng.sample(lc, 11) + rng.sample(south, 14) + rng.sample(nat, 3)
    for i in chosen:
        if plan[i]["genre"] not in TRADITIONAL_GENRES + ["national"]:
            plan[i]["genre"] = rng.choice(TRADITIONAL_GENRES)
    return set(chosen)


def region_fields(rng, rec, mode):
    subj = rec["subj"]
    c = subj.city
    prov = R.PROVINCES[subj.prov_code][0] if subj.prov_code else None
    if mode == "code":
        rec["tags"].append("given_region_code")
        return {"region_code": subj.code}
    if mode == "names":
        rec["tags"].append("given_region_names")
        fields = {"province": prov}
        if subj.level in ("prefecture", "county") and c["code"] != "110100":
            fields["city"] = c["name"]
        if subj.level == "county":
            fields["county"] = subj.county_name
        return fields
    if mode == "short":
        rec["tags"].append("given_short_name")
        fields = {"city": c["short"]}
        if rng.random() < 0.5:
            fields["province"] = R.PROVINCES[subj.prov_code][1]
        return fields
    if mode == "county_only":
        rec["tags"].append("given_region_names")
        return {"county": subj.county_name}
    if mode == "traditional":
        rec["tags"].append("given_traditional_name")
        if subj.level == "county" and subj.county_name in R.TRADITIONAL_NAMES:
            return {"county": R.TRADITIONAL_NAMES[subj.county_name]}
        return {"province": S.to_traditional(prov), "city": S.to_traditional(c["name"])}
    if mode == "unknown":
        rec["tags"].append("given_unknown_name")
        return {"province": prov, "city": R.UNKNOWN_CITY_NAMES.pop(0)}
    raise ValueError(mode)


def choose_region_mode(rng, rec, trad):
    subj, variant = rec["subj"], rec["variant"]
    if variant == "anon":
        return rng.choice(["code", "names"])
    if variant == "needs_field":
        return "code" if subj.code == "370402" else "names"
    if subj.level is None:
        return None
    if trad and subj.level in ("prefecture", "county") and rng.random() < 0.35:
        return "traditional"
    r = rng.random()
    if r < 0.08:
        return "code"
    if r < 0.14:
        return "names"
    if r < 0.17 and subj.level == "prefecture":
        return "short"
    if r < 0.19 and subj.level == "county":
        return "county_only"
    return None


def add_extras(rng, rec, trad):
    obj = rec["obj"]
    if rng.random() < 0.3:
        obj["author"] = f"记者 {person(rng)}"
    if rng.random() < 0.2:
        obj["tags"] = rng.sample(EXTRA_TAGS, rng.randint(1, 3))
    if rng.random() < 0.1:
        obj["views"] = rng.randint(80, 50000)
    if rng.random() < 0.08:
        obj["channel"] = rng.choice(["时政", "县域", "政协", "要闻"])
    if trad:
        obj["lang"] = "zh-Hant"


def route(rec, trad):
    obj, src = rec["obj"], rec["obj"].get("source")
    if trad:
        return FILE_MIRROR
    if src == "人民政协网":
        return FILE_PORTAL
    if rec["subj"].city.get("code") == "371500" and src and (
            src.startswith("聊城") or src.endswith("融媒体中心")):
        return FILE_LIAOCHENG
    if rec["date_kind"] in ("month", "year") or rec["rnd"] < 0.07:
        return FILE_SYND
    return FILE_2023 if rec["when"].year == 2023 else FILE_2024


def generate(rng):
    plan = build_plan(rng)
    rng.shuffle(plan)
    trad = pick_traditional(rng, plan)
    coarse = [i for i in range(len(plan)) if i not in trad and plan[i]["variant"] is None]
    coarse = rng.sample(coarse, 10)
    builder = Builder(rng)
    records = []
    for i, item in enumerate(plan):
        y, m = MONTHS[i % 24]
        when = dt.datetime(y, m, rng.randint(1, 28), rng.randint(7, 21), rng.randint(0, 59),
                           rng.randint(0, 59))
        if i in coarse:
            kind = "year" if coarse.index(i) < 4 else "month"
        else:
            kind = rng.choice(DATE_KINDS)
        rec = builder.original(item, when, kind, traditional=i in trad)
        rec["date_kind"], rec["rnd"], rec["trad"] = kind, rng.random(), i in trad
        mode = choose_region_mode(rng, rec, i in trad)
        if mode == "unknown" or (mode is None and rec["subj"].level == "prefecture"
                                 and rec["names_city"] and R.UNKNOWN_CITY_NAMES
                                 and rng.random() < 0.03):
            mode = "unknown"
        if mode:
            rec["obj"].update(region_fields(rng, rec, mode))
        add_extras(rng, rec, i in trad)
        rec["expect"], rec["reason"], rec["duplicate_of"] = "accepted", None, None
        rec["file"] = route(rec, i in trad)
        records.append(rec)
    # Originals without id or title (allowed by the contract).
    plain = [r for r in records if not r["trad"] and r["date_kind"] not in ("month", "year")]
    for r in rng.sample(plain, 14):
        del r["obj"]["id"]
        r["tags"].append("missing_id")
    untitled = [r for r in plain if "id" in r["obj"] and "header_lines" not in r["tags"]]
    for k, r in enumerate(rng.sample(untitled, 3)):
        if k < 2:
            del r["obj"]["title"]
            r["tags"].append("missing_title")
        else:
            r["obj"]["title"] = ""
            r["tags"].append("empty_title")
        r["slogans"], r["non_slogans"] = L.slogan_labels(r["clean"][1])
        r["names_city"] = any(n and n in r["clean"][1] for n in r["subj"].names)
    records += make_duplicates(rng, builder, records)
    records += make_quarantined(rng, builder)
    return records


def later(rng, when):
    return when + dt.timedelta(days=rng.randint(1, 20), hours=rng.randint(0, 9))


def copy_record(rec, obj, tags, expect_file):
    return {"obj": obj, "tags": tags, "subj": rec["subj"], "when": None, "genre": rec["genre"],
            "slogans": None, "non_slogans": None, "names_city": rec["names_city"],
            "expect": "duplicate", "reason": None, "duplicate_of": rec["obj"]["id"],
            "file": expect_file, "original": rec}


def make_duplicates(rng, builder, records):
    pool = [r for r in records if "id" in r["obj"] and r["obj"].get("title")
            and r["date_kind"] not in ("month", "year")
            and r["when"] < dt.datetime(2024, 12, 5)]
    simplified = [r for r in pool if not r["trad"]]
    rng.shuffle(simplified)
    out = []
    sources = ["人民政协网", "齐鲁网", "新华网", "大众日报", None]

    def base_copy(orig, keep_region=False):
        when = later(rng, orig["when"])
        obj = {"title": orig["obj"]["title"], "body": orig["obj"]["body"],
               "published_at": format_date(rng, when, rng.choice(["iso", "space", "offset"]))}
        src = rng.choice([s for s in sources if s != orig["obj"].get("source")])
        if src:
            obj["source"] = src
        if rng.random() < 0.75:
            obj = {"id": builder.new_id(src or "", when), **obj}
        for key in ("region_code", "province", "city", "county"):
            if keep_region and key in orig["obj"]:
                obj[key] = orig["obj"][key]
        return obj, when

    # Exact copies: same title and body.
    exact_files = [FILE_SYND] * 10 + [None] * 4 + [FILE_PORTAL] * 2 + [FILE_LIAOCHENG] * 2
    lc_first = sorted(simplified, key=lambda r: r["file"] != FILE_LIAOCHENG)
    used = set()
    for target in exact_files:
        cands = [r for r in (lc_first if target == FILE_LIAOCHENG else simplified)
                 if id(r) not in used]
        orig = cands[0]
        used.add(id(orig))
        obj, when = base_copy(orig, keep_region=rng.random() < 0.3)
        if target is None:
            target = FILE_2023 if when.year == 2023 else FILE_2024
        out.append(copy_record(orig, obj, ["exact_copy"], target))
    trad_orig = [r for r in pool if r["trad"]][0]
    obj, _ = base_copy(trad_orig)
    out.append(copy_record(trad_orig, obj, ["exact_copy", "traditional"], FILE_SYND))
    # Syndicated near-copies: another header, footer or one edited sentence.
    rest = [r for r in simplified if id(r) not in used]
    for k in range(12):
        orig = rest[k]
        used.add(id(orig))
        obj, when = base_copy(orig)
        body, title = obj["body"], obj["title"]
        how = k % 4
        if how == 0:
            body = f"来源：{orig['obj'].get('source') or '本网'}\n原标题：{title}\n" + body
        elif how == 1:
            body = body.rstrip() + "\n责任编辑：" + person(rng) + "\n分享到：微信 微博 QQ空间"
        elif how == 2:
            for a, b in NEAR_EDITS:
                if a in body:
                    body = body.replace(a, b, 1)
                    break
            else:
                body = body.replace("。", "，特此报道。", 1)
        else:
            title = rng.choice(NEAR_PREFIXES) + title
            body = body.rstrip() + "\n（来源：" + (orig["obj"].get("source") or "本网") + "）"
        assert body != orig["obj"]["body"] or title != orig["obj"]["title"]
        obj["body"], obj["title"] = body, title
        target = FILE_SYND if k % 3 else (FILE_2023 if when.year == 2023 else FILE_2024)
        out.append(copy_record(orig, obj, ["near_duplicate"], target))
    # Copies that differ only in script or in pinyin annotations.
    rest = [r for r in simplified if id(r) not in used]
    for k in range(4):
        orig = rest[k]
        used.add(id(orig))
        obj, _ = base_copy(orig)
        obj["title"] = S.to_traditional(obj["title"])
        obj["body"] = S.to_traditional(obj["body"])
        obj["lang"] = "zh-Hant"
        out.append(copy_record(orig, obj, ["script_variant", "traditional"], FILE_MIRROR))
    annotatable = [r for r in rest[4:] if sum(r["obj"]["body"].count(c) for c in S.PINYIN) >= 3]
    for orig in annotatable[:3]:
        obj, _ = base_copy(orig)
        obj["body"], n = S.annotate_pinyin(obj["body"], rng, limit=5)
        assert n
        out.append(copy_record(orig, obj, ["pinyin_variant", "pinyin"], FILE_SYND))
    return out


def broken_article(rng, builder):
    """A fresh, valid article to break in exactly one way."""
    c = rng.choice([c for c in R.CITIES if c["code"] != "110100"])
    subj = prefecture(c)
    genre = rng.choice(CITY_GENRES)
    when = dt.datetime(rng.choice([2023, 2024]), rng.randint(1, 12), rng.randint(1, 28),
                       rng.randint(7, 21), rng.randint(0, 59))
    title, paras, _ = builder.composer.compose(subj, genre, when, True)
    source = pick_source(rng, subj, genre)
    return {"id": builder.new_id(source, when), "title": title, "body": "\n".join(paras),
            "published_at": format_date(rng, when, "space"), "source": source}


QUARANTINE = [
    # (reason, file, how)
    ("malformed_json", FILE_2023, "truncated"), ("malformed_json", FILE_2024, "garbage"),
    ("malformed_json", FILE_SYND, "single_quotes"),
    ("not_object", FILE_LIAOCHENG, "array"), ("not_object", FILE_2024, "number"),
    ("not_object", FILE_SYND, "string"),
    ("missing_body", FILE_PORTAL, None), ("missing_body", FILE_2023, None),
    ("missing_body", FILE_SYND, None),
    ("empty_body", FILE_PORTAL, ""), ("empty_body", FILE_2023, "   \n  "),
    ("empty_body", FILE_SYND, "\u3000\u3000\n"),
    ("bad_type:body", FILE_LIAOCHENG, 12345), ("bad_type:body", FILE_2024, {"text": "正文见附件"}),
    ("bad_type:body", FILE_SYND, ["第一段", "第二段"]),
    ("bad_type:title", FILE_PORTAL, 2024), ("bad_type:title", FILE_2024, ["要闻", "政协"]),
    ("bad_type:title", FILE_SYND, {"zh": "标题"}),
    ("bad_type:published_at", FILE_2023, 20240319),
    ("bad_type:published_at", FILE_SYND, {"$date": "2024-03-19T07:49:03Z"}),
    ("bad_type:published_at", FILE_2024, True),
    ("missing_date", FILE_PORTAL, None), ("missing_date", FILE_2024, None),
    ("missing_date", FILE_SYND, None),
    ("bad_date", FILE_LIAOCHENG, "上周三"), ("bad_date", FILE_2023, "2024-13-45"),
    ("bad_date", FILE_2024, "2023-02-29"), ("bad_date", FILE_SYND, "明天上午"),
]


def make_quarantined(rng, builder):
    out = []
    for reason, target, how in QUARANTINE:
        obj = broken_article(rng, builder)
        raw = None
        if reason == "malformed_json":
            text = json.dumps(obj, ensure_ascii=False)
            raw = {"truncated": text[:int(len(text) * 0.6)],
                   "garbage": text + " <!-- end of item -->",
                   "single_quotes": repr(obj)}[how]
        elif reason == "not_object":
            raw = {"array": json.dumps([obj["title"], obj["published_at"]], ensure_ascii=False),
                   "number": "20240319",
                   "string": json.dumps(obj["title"], ensure_ascii=False)}[how]
        elif reason == "missing_body":
            del obj["body"]
        elif reason == "empty_body":
            obj["body"] = how
        elif reason == "bad_type:body":
            obj["body"] = how
        elif reason == "bad_type:title":
            obj["title"] = how
        elif reason == "bad_type:published_at":
            obj["published_at"] = how
        elif reason == "missing_date":
            del obj["published_at"]
        elif reason == "bad_date":
            obj["published_at"] = how
        out.append({"obj": obj, "raw": raw, "tags": [], "subj": None, "expect": "quarantined",
                    "reason": reason, "duplicate_of": None, "file": target,
                    "slogans": None, "non_slogans": None, "names_city": False,
                    "when": None})
    return out


# Writing ---------------------------------------------------------------------------------

def serialize(rng, obj):
    keys = list(obj)
    if rng.random() < 0.2:
        rng.shuffle(keys)
    obj = {k: obj[k] for k in keys}
    if rng.random() < 0.1:
        return json.dumps(obj, ensure_ascii=True)
    if rng.random() < 0.1:
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(obj, ensure_ascii=False)


def label_of(rec, file, line):
    subj = rec["subj"]
    accepted_or_dup = rec["expect"] != "quarantined"
    code = subj.code if accepted_or_dup and subj is not None and subj.level else None
    tags = rec["tags"]
    hard = "near_duplicate" if "near_duplicate" in tags else (";".join(dict.fromkeys(tags)) or None)
    obj = rec["obj"]
    rid = obj.get("id") if isinstance(obj, dict) and rec.get("raw") is None else None
    if rec.get("raw") is not None:
        rid = None
    return {"file": file, "line": line, "id": rid if isinstance(rid, str) else None,
            "expect": rec["expect"], "duplicate_of": rec["duplicate_of"], "reason": rec["reason"],
            "region_code": code, "region_level": subj.level if code else None,
            "text_names_city": bool(rec["names_city"]) if accepted_or_dup else False,
            "hard_case": hard, "slogans": rec["slogans"], "non_slogans": rec["non_slogans"]}


def write_all(records, out):
    rng = random.Random(SEED + 1)
    inp = out / "input"
    inp.mkdir(parents=True, exist_ok=True)
    for old in inp.iterdir():
        old.unlink()
    by_file = {}
    for rec in records:
        by_file.setdefault(rec["file"], []).append(rec)
    labels = []
    for file in sorted(by_file):
        recs = by_file[file]
        recs.sort(key=lambda r: (r["when"] or dt.datetime(2024, 1, 1)).isoformat())
        for _ in range(len(recs) // 4):  # feeds are roughly, not strictly, in date order
            i = rng.randrange(len(recs) - 1)
            recs[i], recs[i + 1] = recs[i + 1], recs[i]
        for rec in [r for r in recs if r["expect"] != "accepted"]:
            recs.remove(rec)
            recs.insert(rng.randrange(len(recs) + 1), rec)
        if file.endswith(".json"):
            elements = []
            for rec in recs:
                labels.append(label_of(rec, file, len(elements)))
                elements.append(rec["obj"])
            text = json.dumps(elements, ensure_ascii=False, indent=2) + "\n"
            (out / file).write_text(text, encoding="utf-8")
            continue
        lines = []
        for rec in recs:
            if lines and rng.random() < 0.03:
                lines.append(rng.choice(["", "   "]))
            labels.append(label_of(rec, file, len(lines) + 1))
            lines.append(rec["raw"] if rec.get("raw") is not None else serialize(rng, rec["obj"]))
        text = "\n".join(lines) + ("" if file == FILE_2023 else "\n")
        if file == FILE_LIAOCHENG:
            text = "\ufeff" + text
            labels[-len(recs)]["hard_case"] = ";".join(
                filter(None, ["bom", labels[-len(recs)]["hard_case"]]))
        data = text.encode("utf-8")
        if file.endswith(".gz"):
            buf = io.BytesIO()
            with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0) as gz:
                gz.write(data)
            data = buf.getvalue()
        (out / file).write_bytes(data)
    with open(out / "labels.jsonl", "w", encoding="utf-8") as f:
        for lab in labels:
            f.write(json.dumps(lab, ensure_ascii=False) + "\n")


def write_readme(out, summary):
    template = (Path(__file__).with_name("sample_readme.md")).read_text(encoding="utf-8")
    (out / "README.md").write_text(template.replace("{{SUMMARY}}", summary.rstrip()),
                                   encoding="utf-8")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--regions", type=Path,
                    default=ROOT.parent / "shared" / "data" / "regions" / "regions.csv")
    ap.add_argument("--out", type=Path, default=ROOT / "data" / "sample")
    args = ap.parse_args(argv)
    rng = random.Random(SEED)
    records = generate(rng)
    write_all(records, args.out)
    summary, problems = check_sample.check(args.out, args.regions)
    write_readme(args.out, summary)
    print(summary)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
