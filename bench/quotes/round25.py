#!/usr/bin/env python3
"""Tallies of quotes stage 25 (branch quotes25, 2026-12-06): what one more boundary rule could still gain on PolNeAR train.

usage: python3 bench/quotes/round25.py ANALYSIS.json DIR [--tools ../shared/tools] [--lexicons resources/lexicons]

ANALYSIS.json: `sitrep analyze DIR/text --json ANALYSIS.json --stages quotes` (train: ../shared/data/attribution/polnear/data/train).
Pairs gold and predicted contents one to one as score_attribution.py does. Prints three tallies:
1. cuts: for reported (indirect, one-piece) contents whose start is right, the first comma, dash, ";" or "and"/"but"/"or"
   outside a quotation, by separator and the word after it: "gain" = gold ends there (cutting would make it exact),
   "loss" = our content is exact now (cutting would break it);
2. partial quotes paired with a gold content that starts before them (the clause around the quotation is missing):
   by kind, whether the ends agree, what stands before the quotation ("as", "that", other) and whether the
   quotation runs over more than one sentence;
3. "-ing" words after the comma that ends a reported content (the side-phrase stop), split by how often the word heads
   a cue in speech-cues.tsv (speech: at least 5 cues and a share of at least 0.2): "gain" = running on to the
   sentence end would make it exact, "loss" = it is exact now.
Dev is only measured.
"""
import json, os, re, sys, collections
sys.path.insert(0, os.path.dirname(__file__))
from boundaries import load, pairs_of, tstart, tend  # noqa: E402
TOOLS = sys.argv[sys.argv.index("--tools") + 1] if "--tools" in sys.argv else os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "tools")
LEX = sys.argv[sys.argv.index("--lexicons") + 1] if "--lexicons" in sys.argv else os.path.join(os.path.dirname(__file__), "..", "..", "resources", "lexicons")
sys.path.insert(0, TOOLS)
from score_attribution import trim  # noqa: E402

MARK = re.compile(r"\s+(—|–|--|-)\s+|(,)\s+|\s+(and|but|or)\s+|(;)\s+")
NOTP = {"including", "during", "regarding", "concerning", "excluding", "something", "nothing", "anything", "everything"}

def quoted_positions(s):
    depth, out = 0, set()
    for i, c in enumerate(s):
        if c == "“": depth += 1
        if depth: out.add(i)
        if c == "”" and depth: depth -= 1
    return out

def main():
    analysis = json.load(open(sys.argv[1], encoding="utf-8")); root = sys.argv[2]
    cues = {}
    for line in open(os.path.join(LEX, "speech-cues.tsv"), encoding="utf-8"):
        if line.startswith("#") or line.startswith("word\t"): continue
        w, c, s, *_ = line.rstrip("\n").split("\t"); cues[w] = (int(c), int(s))
    side = {l.strip() for l in open(os.path.join(LEX, "speech-side-participles.tsv"), encoding="utf-8") if not l.startswith("#") and l.strip() != "word"}
    cuts = collections.defaultdict(lambda: [0, 0]); partial = collections.Counter(); ing = collections.defaultdict(lambda: [0, 0])
    for art, raw, gold, preds in load(analysis, root):
        pairs, ug, up = pairs_of(raw, gold, preds)
        for gi, pi in pairs:
            g, p = gold[gi], preds[pi]; q = p["q"]; kind = q.get("kind")
            if len(g["content"]) > 1 or q.get("parts"): continue
            ga, gb = g["content"][0]
            gs, ge = tstart(raw, ga, gb), tend(raw, ga, gb)
            ps, pe = tstart(raw, p["b"], p["e"]), tend(raw, p["b"], p["e"])
            exact = trim(raw[ga:gb]) == trim(p["text"])
            if kind in ("partial", "direct") and gs < ps:
                gap = raw[gs:ps]
                before = "as" if re.search(r"\bas\s*[\"“'‘]*$", gap) else "that" if re.search(r"\bthat\b", gap) else "other"
                multi = bool(re.search(r"[.!?][\"”’']?\s+[A-Z“\"]", raw[ps:pe]))
                ends = "ends agree" if ge == pe else ("gold ends later" if ge > pe else "gold ends earlier")
                partial[f"{kind}, {ends}, before the quotation: {before}, over sentences: {multi}"] += 1
            if kind != "indirect" or ps != gs: continue
            s = raw[ps:pe]; qpos = quoted_positions(s)
            for m in MARK.finditer(s):
                if m.start() in qpos or m.start() < 3: continue
                typ = "dash" if m.group(1) else "comma" if m.group(2) else "semicolon" if m.group(4) else m.group(3)
                nxt = re.match(r"[\w’'\-]+", s[m.end():]); nw = nxt.group().lower() if nxt else s[m.end():m.end() + 1]
                if tend(raw, ps, ps + m.start()) == ge: cuts[typ][0] += 1; cuts[typ + " " + nw][0] += 1
                elif exact: cuts[typ][1] += 1; cuts[typ + " " + nw][1] += 1
                break
            m = re.match(r"\s*,\s*([\w’'\-]+)", raw[pe:pe + 40])
            if m and m.group(1).lower().endswith("ing") and m.group(1).lower() not in NOTP | side and not m.group(1)[0].isupper():
                w = m.group(1).lower(); c, n = cues.get(w, (0, 1))
                grp = "speech" if c >= 5 and c / n >= 0.2 else "other"
                mm = re.search(r"[.!?][\"”’']?(\s|$)", raw[pe:]); ne = pe + (mm.start() if mm else len(raw) - pe)
                newexact = tend(raw, ps, ne) == ge
                if newexact and not exact: ing[grp][0] += 1
                elif exact and not newexact: ing[grp][1] += 1
    print("--- 1. first cut point in a reported content (start right): gain / loss")
    for k, (gn, l) in sorted(cuts.items(), key=lambda kv: -(kv[1][0] + kv[1][1]))[:40]:
        print(f"{gn:5d} {l:5d}  {k}")
    print("--- 2. partial and direct quotes paired with a gold content that starts before them")
    for k, v in partial.most_common(): print(f"{v:5d}  {k}")
    print("--- 3. an '-ing' word after the comma that ends a reported content: gain / loss of running on to the sentence end")
    for k, (gn, l) in ing.items(): print(f"{gn:5d} {l:5d}  {k}")

if __name__ == "__main__":
    main()
