#!/usr/bin/env python3
"""How often the TBAQ gold marks a word or phrase, per half: every match of REGEX in the gold texts, counted
as marked (a gold expression overlaps it) or unmarked, with -v each match in context. A rule that adds (or
drops) every use of a phrase raises value F1 only when the gold marks it in more than about F1/2 of its uses
(~41% at value F1 0.83), so this says whether a word list is worth its precision.
usage: word_share.py REGEX [GOLD.json] [AQUAINT_DIR] [-v]     (case-insensitive)"""
import json, os, re, sys
from collections import Counter

def main():
    args = [a for a in sys.argv[1:] if a != "-v"]
    if not args: sys.exit(__doc__)
    here = os.path.dirname(os.path.abspath(__file__))
    gold = json.load(open(args[1] if len(args) > 1 else "/tmp/final/tbaq/timex.gold.json", encoding="utf-8"))
    aq_dir = args[2] if len(args) > 2 else os.path.join(here, "../../../shared/data/time/tbaq/AQUAINT")
    aquaint = {f.split(".tml")[0] for f in os.listdir(aq_dir)} if os.path.isdir(aq_dir) else set()
    pat = re.compile(args[0], re.I)
    c = Counter()
    for did, g in gold.items():
        half = "AQUAINT" if did in aquaint else "TimeBank"
        for m in pat.finditer(g["text"]):
            over = [x for x in g["timexes"] if m.start() < x[1] and x[0] < m.end()]
            c[half, bool(over)] += 1
            if "-v" in sys.argv:
                ctx = g["text"][max(0, m.start() - 60):m.end() + 50].replace("\n", " ")
                print(f"{half:8} {'marked' if over else 'unmarked':8} {did}: {[(x[4], x[3]) for x in over]} | …{ctx}…")
    for half in ("TimeBank", "AQUAINT"):
        print(f"{half:8} marked {c[half, True]:4}  unmarked {c[half, False]:4}")
    n = sum(c.values())
    print(f"all      marked {c['TimeBank', True] + c['AQUAINT', True]:4} of {n} ({(c['TimeBank', True] + c['AQUAINT', True]) / n:.0%})" if n else "no match")

if __name__ == "__main__":
    main()
