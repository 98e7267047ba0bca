"""Quote scanning, slogan canonical form and duplicate normalization for the sample.

Shared by make_sample.py (which derives the labels from the clean text it composed) and
check_sample.py (which re-reads the written files).
"""
import re

import sample_script

OPEN_CLOSE = {"“": "”", "‘": "’", "「": "」", "『": "』"}
CLOSERS = set(OPEN_CLOSE.values())
QUOTE_CHARS = set(OPEN_CLOSE) | CLOSERS | {'"'}
SEPARATORS = set("、，,·")
SENTENCE_END = set("。！？!?；;…")
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"


def quoted_spans(text):
    """Inner texts of balanced quotations, outer before inner, in order of their opening."""
    stack, spans = [], []
    for i, ch in enumerate(text):
        if ch == '"':
            if stack and stack[-1][0] == '"':
                spans.append((stack.pop()[1], i))
            else:
                stack.append((ch, i))
        elif ch in OPEN_CLOSE:
            stack.append((ch, i))
        elif ch in CLOSERS and stack and OPEN_CLOSE.get(stack[-1][0]) == ch:
            spans.append((stack.pop()[1], i))
    return [text[a + 1:b] for a, b in sorted(spans)]


def canonical(span):
    return "".join(ch for ch in span
                   if not ch.isspace() and ch not in SEPARATORS and ch not in INVISIBLE)


def is_slogan(span):
    c = canonical(span)
    return (2 <= len(c) <= 24
            and not any(ch in SENTENCE_END for ch in span)
            and sum(span.count(ch) for ch in "，,") <= 1
            and not any(ch in QUOTE_CHARS for ch in span))


def slogan_labels(*texts):
    """(slogans, non_slogans): distinct canonical forms in order of first appearance."""
    slogans, others = [], []
    for text in texts:
        for span in quoted_spans(text or ""):
            target = slogans if is_slogan(span) else others
            c = canonical(span)
            if c not in target:
                target.append(c)
    return slogans, others


PINYIN_RE = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüａ-ｚ]{1,8}[)）]")

NOISE_LINE_RE = re.compile(
    r"^(来源：|原标题：|发布时间：|字号：|责任编辑：|编辑：|想爆料|广告合作：|扫码下载|分享到："
    r"|本文转自|【免责声明】|.{2,12}讯$)")

_QUOTE_FOLD = str.maketrans({"“": '"', "”": '"', "「": '"', "」": '"', "‘": "'", "’": "'",
                             "『": "'", "』": "'", "，": ",", "：": ":", "；": ";", "（": "(",
                             "）": ")", "！": "!", "？": "?"})


def strip_pinyin(text):
    return PINYIN_RE.sub("", text)


def dedup_key(title, body):
    """What two copies of one article share: no chrome, no pinyin, Simplified, no spaces."""
    def clean(s):
        s = "".join(ch for ch in s or "" if ch not in INVISIBLE)
        return sample_script.to_simplified(strip_pinyin(s))
    text, t = clean(body), clean(title)
    kept = []
    for line in text.split("\n"):
        line = line.strip()
        if not line or NOISE_LINE_RE.match(line) or line == t.strip():
            continue
        kept.append(line)
    joined = "".join(kept).translate(_QUOTE_FOLD)
    return "".join(ch for ch in joined if not ch.isspace())


def similarity(a, b, n=4):
    """Jaccard similarity of character n-gram sets."""
    sa = {a[i:i + n] for i in range(len(a) - n + 1)}
    sb = {b[i:i + n] for i in range(len(b) - n + 1)}
    return len(sa & sb) / max(1, len(sa | sb))
