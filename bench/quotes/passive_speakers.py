#!/usr/bin/env python3
"""Passive cues whose subject the finder took as the speaker, against PolNeAR's sources, by participle.

usage: python3 bench/quotes/passive_speakers.py ANALYSIS.json DIR [--tools ../shared/tools]

ANALYSIS.json: `sitrep analyze DIR/text --json ANALYSIS.json --stages quotes` (train: ../shared/data/attribution/polnear/data/train).
A predicted quote counts when its speaker ends before its cue, the word before the cue (past adverbs in -ly and "also", "not",
"widely", "first", "never", "often", "long") is a form of "be" and the cue's first word is a past participle. Pairs gold and
predicted contents as score_attribution.py does and says, per participle, how often the speaker overlaps gold's source
("ok"), does not ("bad": gold has another source or none) or the content has no gold match. Written for branch qa-quotes54
(2026-12-07): on train 255 bad against 57 ok, the ok ones nearly all participles of feeling or stance
(resources/lexicons/speech-holder-passives.tsv); dev is only measured.
"""
import json, os, re, sys, collections
sys.path.insert(0, os.path.dirname(__file__))
from boundaries import load, pairs_of  # noqa: E402
TOOLS = sys.argv[sys.argv.index("--tools") + 1] if "--tools" in sys.argv else os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "tools")
sys.path.insert(0, TOOLS)
from score_attribution import chars  # noqa: E402

W = re.compile(r"[\w’'\-]+|[^\w\s]")
BE = {"is", "are", "was", "were", "be", "been", "being", "'s", "’s"}
SKIP = {"also", "not", "widely", "first", "never", "often", "long"}
IRREGULAR = {"seen", "known", "told", "said", "thought", "held", "found", "shown", "heard", "taken", "given", "made"}

def main():
    analysis = json.load(open(sys.argv[1], encoding="utf-8")); root = sys.argv[2]
    table = collections.defaultdict(collections.Counter)
    for art, raw, gold, preds in load(analysis, root):
        pairs, _, _ = pairs_of(raw, gold, preds)
        matched = {pi: gi for gi, pi in pairs}
        for pi, p in enumerate(preds):
            q = p["q"]; sp = q.get("speaker") or {}
            if not q.get("cue") or not sp.get("text") or sp.get("start") is None:
                continue
            shift = p["b"] - q["start"]
            cs, ce = q["cue"]["start"] + shift, q["cue"]["end"] + shift
            ss, se = sp["start"] + shift, sp["end"] + shift
            if raw[cs:ce] != q["cue"]["text"] or se > cs:
                continue
            before = W.findall(raw[max(0, cs - 40):cs].lower())
            while before and (before[-1].endswith("ly") or before[-1] in SKIP):
                before.pop()
            word = q["cue"]["text"].split()[0].lower()
            if not before or before[-1] not in BE or not (word.endswith("ed") or word in IRREGULAR):
                continue
            if pi not in matched:
                table[word]["unmatched"] += 1
                continue
            g = gold[matched[pi]]
            ok = bool(g["source"]) and bool(chars(g["source"]) & set(range(ss, se)))
            table[word]["ok" if ok else "bad"] += 1
    total = collections.Counter()
    for c in table.values():
        total.update(c)
    print("all", dict(total))
    for word, c in sorted(table.items(), key=lambda x: -sum(x[1].values())):
        print(f"{word}\t{c['ok']}\t{c['bad']}\t{c['unmatched']}")

if __name__ == "__main__":
    main()
