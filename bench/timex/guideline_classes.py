#!/usr/bin/env python3
"""Sorts the lines of `misses.py ANALYSIS.json GOLD.json --list` (saved to a file) into the classes of the TimeML/TIMEX3
and TIDES guidelines (vague references, durations, weeks, quarters, underspecified years, sets and rates, parts of the
day, weekdays off, clock times, datelines, other dates) and counts them per half: spurious / missing / valued otherwise.
usage: misses.py A.json GOLD.json --list > L.txt; guideline_classes.py L.txt (docs/time-notes.md, timex11)."""
import re, sys
from collections import Counter, defaultdict
REF = re.compile(r"^'(now|right now|currently|current|recent|recently|more recently|soon|future|the future|the foreseeable future|the near future|previously|already|the past|once|earlier|yet|at the moment|the time|these days|then current|one day|as soon as possible|from time to time|this crucial moment|today)'", re.I)
c = defaultdict(Counter)
for line in open(sys.argv[1]):
    parts = line.split(" | ")
    if len(parts) < 4: continue
    kind, half, msg = parts[0], parts[1], parts[2]
    m = re.match(r"[^:]+: (.*)", msg); body = m.group(1) if m else msg
    gold = re.search(r"gold (\S+)", body); ours = re.search(r"(?:ours \['([^']*)'|= (\S+))", body)
    g = gold.group(1) if gold else ""; o = (ours.group(1) or ours.group(2)) if ours else ""
    txt = body.split(" [")[0]
    if REF.match(txt) or g.endswith("_REF") or o.endswith("_REF"): k = "vague reference (PRESENT/PAST/FUTURE_REF words)"
    elif "[SET]" in body or kind == "set" or re.search(r"'(annually|quarterly|a year|a month|a night|a week|a day|daily)'", txt) and (kind == "spurious" and re.search(r"SET", body) or "SET" in body): k = "sets and rates"
    elif kind == "part of day" or kind.startswith("part of day"): k = "part of the day (TNI/TMO/TEV vs bare day)"
    elif re.search(r"W\d|WXX", g + o) or kind in ("week granularity",) : k = "weeks (ISO week, WXX, unpadded, P1W, a month or a day)"
    elif kind.startswith("quarter") or re.search(r"Q[\dX]", g + o): k = "quarters and fiscal periods"
    elif kind == "gold underspecified": k = "years/decades written 1949-XX, 198X and other X"
    elif kind.startswith("weekday"): k = "weekday a week or a day off (creation time or gold slips)"
    elif re.search(r"^P", g) or re.search(r"^P", o) or "duration" in kind: k = "durations (vague or numbered; duration vs date)"
    elif re.search(r"T\d\d", g + o) or "(time)" in kind: k = "clock times"
    elif kind == "spurious" and re.search(r"\(Xinhua\)|^'[A-Z][a-z]+ \d+'", line): k = "datelines and other dates the gold leaves unmarked"
    else: k = "other dates (gold slips, unmarked dates, anchors)"
    c[k][("spurious" if kind == "spurious" else "missing" if kind == "missing" else "valued otherwise") + " " + half] += 1
cols = [f"{w} {h}" for w in ("spurious", "missing", "valued otherwise") for h in ("TimeBank", "AQUAINT")]
print(f"{'class':58} " + " ".join(f"{x.split()[0][:5]}-{x.split()[1][0]}" for x in cols) + "  total")
for k, v in sorted(c.items(), key=lambda kv: -sum(kv[1].values())):
    print(f"{k:58} " + " ".join(f"{v[x]:7}" for x in cols) + f"  {sum(v.values()):5}")
tot = Counter(); [tot.update(v) for v in c.values()]
print(f"{'all':58} " + " ".join(f"{tot[x]:7}" for x in cols) + f"  {sum(tot.values()):5}")
