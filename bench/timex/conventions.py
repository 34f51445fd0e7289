#!/usr/bin/env python3
"""For each class of expression (a pattern over the text, so every use counts, marked or not), counts per half of TBAQ
(TimeBank, AQUAINT) how the gold reads it: unmarked, marked with the value we write, or marked otherwise (by value
shape), and what we write. A convention is taken only when it holds in both halves (docs/time-notes.md, timex12).
usage: conventions.py ANALYSIS.json GOLD.json [AQUAINT_DIR] [--uses CLASS]   (--uses lists every use of one class)"""
import json, os, re, sys
from collections import Counter, defaultdict
from tbaq_io import aquaint_ids, documents_by_id, predicted, to_raw, value_of

CLASSES = [  # name, pattern (case-insensitive unless it starts with (?-i)), optional filter on the text around
    ("now (bare)", r"\bnow\b(?! that)"),
    ("now that", r"\bnow that\b"),
    ("currently", r"\bcurrently\b"),
    ("current (adjective)", r"\bcurrent\b"),
    ("recently", r"\brecently\b"),
    ("recent (adjective)", r"\brecent\b(?! (years|months|weeks|days|decades|quarters))"),
    ("soon", r"\bsoon\b(?! after)"),
    ("previously", r"\bpreviously\b"),
    ("already", r"\balready\b"),
    ("future (adjective)", r"(?<!the )(?<!foreseeable )\bfuture\b"),
    ("the (near|foreseeable) future", r"\bthe (near |foreseeable |distant )?future\b"),
    ("recent/past/last years (months, ...), no number", r"\b(recent|past|last|coming)( few| several)? (years|months|weeks|days|decades|quarters)\b"),
    ("the past/last N years (months, ...)", r"\b(past|last|next) (\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|twenty)( \w+)? (years|months|weeks|days|decades|quarters)\b"),
    ("for/over years (decades, months, ...)", r"\b(for|over|in) (the )?(years|decades|months|weeks|days)\b"),
    ("the days (weeks) before/after an event", r"\b(the )?(first |final |last )?(days|weeks|months) (before|after|following)\b"),
    ("years in other uses (over the years, the early years, years-old)", r"\b(over|in) the (early |following |intervening )?years\b|\byears-old\b|\bthe years that\b"),
    ("the quarter (of a results report)", r"\b(the|that|this|latest|current) (fiscal )?quarter\b"),
    ("ages N-year-old", r"\b[\w]+-(year|month|week|day)s?-old\b|\b\d+ years? old\b"),
    ("rate after an amount (a year, annually, a day ...)", r"(\$[\d.,]+( (million|billion))?|\d[\d,.]*%?( \w+)?) (a|per|an) (year|month|week|day|night)\b(?! (ago|earlier|later|before|after))|\bannually\b"),
    ("this year", r"\bthis year\b"),
    ("last year", r"\blast year\b"),
    ("a year ago/earlier (results)", r"\ba year (ago|earlier)\b|\byear-(ago|earlier)\b"),
    ("last/this/next week", r"\b(last|this|next) week\b"),
    ("the weekend", r"\b(the|this|last) weekend\b"),
    ("weekday + part of day", r"\b(mon|tues|wednes|thurs|fri|satur|sun)day (morning|afternoon|evening|night)\b"),
    ("tonight/last night/this morning", r"\b(tonight|last night|this (morning|afternoon|evening))\b"),
    ("bare year 19NN", r"(?<![\w,.$-])(19\d\d)(?![\w-])"),
    ("decade (the 1980s)", r"\b(19)?[1-9]0'?s\b"),
    ("N days (weeks) later/earlier", r"\b(a|one|two|three|four|five|six|seven|\d+|a few|several) (days?|weeks?|months?) (later|earlier)\b"),
    ("dateline date (Xinhua/AP)", r"^[A-Z][A-Z .,]+, \w+ \d+ \("),
    ("clock time in brackets (GMT/EST)", r"\(\d{3,4} (GMT|EST|EDT)\)"),
]

def shape(v):
    if v is None: return "unmarked"
    if v.endswith("_REF"): return v
    if v.startswith("P"): return "duration " + re.sub(r"\d+", "N", v)
    if "X" in v: return "underspecified " + re.sub(r"\d", "9", v)
    return "date " + re.sub(r"\d", "9", v)

def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    show = sys.argv[sys.argv.index("--uses") + 1] if "--uses" in sys.argv else None
    if show: args.remove(show)
    a = json.load(open(args[0], encoding="utf-8")); gold = json.load(open(args[1], encoding="utf-8"))
    aq = aquaint_ids(args)
    docs = documents_by_id(a)
    table = defaultdict(lambda: defaultdict(Counter)); uses = []; anchors = Counter()
    for did, g in gold.items():
        t = g["text"]; d = docs.get(did) or {}; half = "AQUAINT" if did in aq else "TimeBank"
        raw = to_raw(d, t)
        preds = [(b, e, v) for b, e, v, _text, _type in predicted(d, t)]
        for p in d.get("times") or []:
            b, e = raw(p["start"]), raw(p["end"]); v = value_of(p)
            if b is None or e is None: continue
            ov = [x[3] for x in g["timexes"] if x[0] < e and b < x[1]]
            anchors[(half, p.get("anchor") or "none", "right" if v in ov else "valued otherwise" if ov else "not in the gold")] += 1
        for name, _pat in CLASSES:
            pat = _pat
            for m in re.finditer(pat, t, re.I | re.M):
                b, e = m.start(), m.end()
                gv = [x[3] for x in g["timexes"] if x[0] < e and b < x[1]]
                ov = [p[2] for p in preds if p[0] < e and b < p[1]]
                gval, oval = (gv[0] if gv else None), (ov[0] if ov else None)
                if gval is not None and oval is not None and gval in ov: reading = "marked as we write it"
                elif gval is None: reading = "unmarked"
                elif oval is not None and shape(gval) == shape(oval): reading = "same shape, other value"
                else: reading = "marked " + shape(gval)
                table[name][half][reading] += 1
                table[name][half]["uses"] += 1
                table[name][half]["ours " + ("unmarked" if oval is None else shape(oval))] += 1
                if show and show.lower() in name.lower():
                    uses.append(f"{half[:2]} {did} gold={gval} ours={oval} | {t[max(0, b - 80):e + 50]!r}")
    for name, _ in CLASSES:
        if name not in table: continue
        print(f"== {name}")
        for half in ("TimeBank", "AQUAINT"):
            c = table[name][half]
            if not c: print(f"   {half:9} no uses"); continue
            gold_r = ", ".join(f"{k} {v}" for k, v in c.most_common() if k != "uses" and not k.startswith("ours "))
            ours_r = ", ".join(f"{k[5:]} {v}" for k, v in c.most_common() if k.startswith("ours "))
            print(f"   {half:9} uses {c['uses']:3}; gold: {gold_r}; ours: {ours_r}")
    print("== our times by anchor (relative to the publication date, to a date of the text, or none)")
    for half in ("TimeBank", "AQUAINT"):
        for an in ("published", "text", "none"):
            print(f"   {half:9} {an:9} " + ", ".join(f"{r} {anchors[(half, an, r)]}" for r in ("right", "valued otherwise", "not in the gold")))
    if uses: print("\n".join(uses))

if __name__ == "__main__":
    main()
