#!/usr/bin/env python3
"""Check the slogan lexicon (conf/slogans.yaml) against the national government work reports.

Reads only the `natgwr-*` (national work reports 1954-2025), `ccdi-*` and `nmg-*` records of
../shared/data/real/records.jsonl; the `prov2026-*` records are the held-out evaluation and are
never read.

    lexicon_years.py                 every entry: its first_year, the first natgwr year any of its
                                     forms occurs in, and how often each form occurs in the
                                     ccdi/nmg notices; flags a first_year later than the reports
    lexicon_years.py --count S ...   natgwr years and ccdi/nmg counts of ad-hoc strings
    lexicon_years.py --context S     every occurrence of S with ten characters either side, to
                                     spot matches inside other words

Matching is plain substring search on the text with whitespace and quotation marks removed, as
the job's matcher reads through both (高效办成“一件事” holds 高效办成一件事); a form holding list
separators (、，, and middle dots) is also searched without them, as the job's matcher does.
Needs PyYAML for the default mode.
"""
import json, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RECORDS = os.path.join(ROOT, "..", "shared", "data", "real", "records.jsonl")
LEXICON = os.path.join(ROOT, "conf", "slogans.yaml")
SEPARATORS = re.compile(r"[\s、，,·・]")
# The quotation marks SloganRules drops from canonical keys.
QUOTE_MARKS = re.compile("[“”‘’「」『』\"']")


def load_records():
    """(natgwr reports as [(year, text)], notices as [text]) from the records file."""
    reports, notices = [], []
    with open(RECORDS, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            rid = r["id"]
            if rid.startswith("natgwr-"):
                reports.append((int(r["published_at"][:4]), squeeze(r["title"] + "\n" + r["body"])))
            elif rid.startswith("ccdi-") or rid.startswith("nmg-"):
                notices.append(squeeze((r.get("title") or "") + "\n" + (r.get("body") or "")))
    return sorted(reports), notices


def squeeze(text):
    """The text without whitespace and quotation marks."""
    return QUOTE_MARKS.sub("", "".join(text.split()))


def variants(form):
    """The strings a form is searched as: without spaces, and without separators too."""
    out = {squeeze(form)}
    out.add(SEPARATORS.sub("", form))
    return out


def occurs(form, text):
    return any(v in text for v in variants(form))


def years(form, reports):
    return sorted({y for y, text in reports if occurs(form, text)})


def show_counts(strings, reports, notices):
    for s in strings:
        ys = years(s, reports)
        print(f"{s}\tnatgwr {ys[0] if ys else '-'} ({len(ys)} reports: {' '.join(map(str, ys))})"
              f"\tccdi/nmg {sum(1 for t in notices if occurs(s, t))} docs")


def show_context(s, reports, notices):
    labelled = [(str(y), t) for y, t in reports] + [("notice", t) for t in notices]
    for label, text in labelled:
        for v in variants(s):
            for m in re.finditer(re.escape(v), text):
                print(f"{label}\t{text[max(0, m.start() - 10):m.end() + 10]}")


def check_lexicon(reports, notices):
    import yaml
    with open(LEXICON, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    for item in doc["slogans"]:
        forms = [item["term"]] + list(item.get("aliases") or [])
        first = min((ys[0] for ys in (years(f, reports) for f in forms) if ys), default=None)
        declared = item.get("first_year")
        flag = "  LATER THAN REPORTS" if first and declared and declared > first else ""
        hits = " ".join(f"{f}:{sum(1 for t in notices if occurs(f, t))}" for f in forms)
        print(f"{item['term']}\tfirst_year {declared}\tnatgwr {first or '-'}\tccdi/nmg {hits}{flag}")


def main(argv):
    reports, notices = load_records()
    if len(argv) >= 2 and argv[0] == "--count":
        show_counts(argv[1:], reports, notices)
    elif len(argv) == 2 and argv[0] == "--context":
        show_context(argv[1], reports, notices)
    elif not argv:
        check_lexicon(reports, notices)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
