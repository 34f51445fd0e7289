#!/usr/bin/env python3
"""The PolNeAR gold attributions no predicted content pairs with, sorted into cue classes, with counts.

usage: python3 bench/quotes/miss_classes.py ANALYSIS.json DIR [--tools ../shared/tools] [--dump FILE] [--examples N]

ANALYSIS.json: `sitrep analyze DIR/text --json ANALYSIS.json --stages quotes` (train: ../shared/data/attribution/polnear/data/train).
Pairs gold and predicted contents one to one as score_attribution.py does (largest overlap first). Each unpaired gold
attribution gets the first class that fits, in this order: in the first line (headline); overlapped by a prediction
another gold attribution took (nested or shared); no cue; "according to"; evidence (a poll, survey, study, data, report,
figures as source, or "show", "found", "suggest" as cue); a question (content ends in "?"); a relative clause (source or
the word before the cue "who", "which", "that"); a passive ("was/were/been VERB-ed" + "by"); thought and belief
(believe, think, expect, want, hope, fear, know, ...); attitude (support, oppose, endorse, back, like, ...); a nominal cue
("the claim", "criticism of", "his view"); cue + preposition ("praised ... for", "railed against"); a verb of saying
(the cue's head has "said" among PolNeAR's top 40 speech cues); any other cue. For each class it prints the count, how
many of the cue heads are in resources/lexicons/speech-cues.tsv, and the commonest cue heads. Written for branch
quotes21 (2026-12-06); dev is only measured.
"""
import json, os, re, sys, collections
sys.path.insert(0, os.path.dirname(__file__))
from misses import unpaired  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
LEX = {}
for line in open(os.path.join(HERE, "..", "..", "resources", "lexicons", "speech-cues.tsv"), encoding="utf-8"):
    if line.startswith("#") or line.startswith("word\t"): continue
    f = line.rstrip("\n").split("\t")
    if len(f) >= 3: LEX[f[0]] = (int(f[1]), int(f[2]))
SPEECH = set(sorted(LEX, key=lambda w: -LEX[w][0])[:40])
REL = {"who", "which", "that", "whom"}
EVID_SRC = re.compile(r"\b(polls?|surveys?|study|studies|data|report|reports|figures|numbers|research|analysis|statistics|results|records|documents?|estimates?)\b", re.I)
EVID_CUE = {"show", "shows", "showed", "shown", "found", "find", "finds", "suggest", "suggests", "suggested", "indicate", "indicates",
            "indicated", "reveal", "reveals", "revealed", "according"}
THOUGHT = {"believe", "believes", "believed", "think", "thinks", "thought", "expect", "expects", "expected", "know", "knows", "knew",
           "known", "feel", "feels", "felt", "hope", "hopes", "hoped", "want", "wants", "wanted", "consider", "considers", "considered",
           "worry", "worries", "worried", "fear", "fears", "feared", "doubt", "doubts", "understand", "understands", "realize",
           "realized", "seem", "seems", "seemed", "appear", "appears", "appeared", "assume", "assumed", "suspect", "suspects",
           "convinced", "sure", "aware", "confident", "concerned", "wonder", "wondered", "wish", "imagine", "see", "sees", "saw",
           "view", "views", "viewed", "regard", "regards", "clear", "likely", "reportedly", "apparently"}
ATTITUDE = {"support", "supports", "supported", "supporting", "oppose", "opposes", "opposed", "opposing", "endorse", "endorses",
            "endorsed", "endorsing", "back", "backs", "backed", "backing", "like", "likes", "liked", "love", "loves", "hate", "favor",
            "favors", "favored", "prefer", "prefers", "preferred", "reject", "rejects", "rejected", "approve", "approves",
            "approved", "disapprove", "trust", "trusts", "blame", "blames", "blamed", "praise", "praised", "praises"}
NOUNS = re.compile(r"^(claims?|statements?|arguments?|views?|beliefs?|assertions?|warnings?|promises?|pledges?|charges?|allegations?|"
                   r"calls?|reports?|suggestions?|notion|idea|criticism|comments?|remarks?|accusations?|message|position|plans?|"
                   r"proposals?|vows?|announcement|insistence|contention|case|words?|opinion|concerns?|questions?|answers?|response|"
                   r"interview|speech|letter|memo|email|tweets?|post|testimony|account|version|argument|demands?|request|support|"
                   r"opposition|endorsement|praise|attacks?|defense|rhetoric|stance|agenda|platform|policy|message|pitch|appeal|"
                   r"explanation|description|characterization|assessment|analysis|prediction|forecast|estimate|theory|sense|fears?|"
                   r"hopes?|doubts?|skepticism|belief|confidence|opinions?|thoughts?|feelings?|attitudes?|perception)$", re.I)
PREPS = {"of", "about", "on", "over", "with", "for", "against", "to", "at", "in", "by", "from", "as", "into", "toward", "towards"}

def head(cue_words):
    ws = [w for w in cue_words if w not in PREPS and w not in {"the", "a", "an", "his", "her", "their", "its", "to", "be", "is",
                                                                "was", "were", "has", "have", "had", "been", "not", "also"}]
    return ws[-1] if ws else (cue_words[-1] if cue_words else "(none)")

def classify(raw, g, ca, cb, first_nl, overlapped):
    cue = " ".join(raw[a:b] for a, b in g["cue"]).lower().replace("\n", " ")
    cw = re.findall(r"[\w’'\-]+|[:?]", cue)
    src = " ".join(raw[a:b] for a, b in g["source"])
    ctext = " ".join(raw[a:b] for a, b in g["content"]).strip()
    cue_a = g["cue"][0][0] if g["cue"] else None
    before = raw[max(0, (cue_a or ca) - 30):(cue_a or ca)].lower().split()
    h = head(cw)
    if cb <= first_nl: return "headline (first line)", h
    if overlapped: return "overlapped by another's reading", h
    if not cw: return "no cue", h
    if "according" in cw: return "according to", h
    if EVID_SRC.search(src) or any(w in EVID_CUE for w in cw): return "evidence (poll, survey, data, shows)", h
    if ctext.rstrip("”\"’' ").endswith("?"): return "question", h
    if src.lower().strip() in REL or (before and before[-1] in REL): return "relative clause", h
    if re.search(r"\b(is|was|were|been|be|being|are)\s+\w+ed\b", cue) or (re.search(r"\w+ed$", cue) and raw[g["cue"][-1][1]:g["cue"][-1][1] + 4].strip().lower().startswith("by")):
        return "passive", h
    if any(w in THOUGHT for w in cw): return "thought, belief, stance adverb", h
    if any(w in ATTITUDE for w in cw): return "attitude (support, oppose, endorse)", h
    if any(NOUNS.match(w) for w in cw) and not any(w in SPEECH for w in cw): return "nominal cue", h
    if cw[-1] in PREPS: return "cue + preposition", h
    if any(w in SPEECH for w in cw): return "verb of saying", h
    return "other cue", h

def main():
    analysis = json.load(open(sys.argv[1], encoding="utf-8")); root = sys.argv[2]
    nex = int(sys.argv[sys.argv.index("--examples") + 1]) if "--examples" in sys.argv else 0
    dump = open(sys.argv[sys.argv.index("--dump") + 1], "w") if "--dump" in sys.argv else None
    C = collections.Counter(); heads = collections.defaultdict(collections.Counter); inlex = collections.Counter()
    ex = collections.defaultdict(list); totals = collections.Counter()
    for art, raw, g, first_nl, preds in unpaired(analysis, root, totals):
        ca, cb = g["content"][0][0], g["content"][-1][1]
        gc = set(i for a, b in g["content"] for i in range(a, b))
        overlapped = any(gc & set(range(p["b"], p["e"])) for p in preds)
        cls, h = classify(raw, g, ca, cb, first_nl, overlapped)
        C[cls] += 1; heads[cls][h] += 1
        if h in LEX: inlex[cls] += 1
        lo = min([ca] + [a for a, b in g["cue"]] + [a for a, b in g["source"]])
        item = {"art": art, "class": cls, "head": h, "cue": " ".join(raw[a:b] for a, b in g["cue"]),
                "src": " ".join(raw[a:b] for a, b in g["source"]), "content": " ".join(raw[a:b] for a, b in g["content"])[:200],
                "ctx": raw[max(0, lo - 60):min(len(raw), cb + 20)].replace("\n", " ")}
        if len(ex[cls]) < nex: ex[cls].append(item)
        if dump: dump.write(json.dumps(item, ensure_ascii=False) + "\n")
    total, n_gold = sum(C.values()), totals["gold"]
    print(f"gold {n_gold}, unpaired {total} ({total / max(1, n_gold):.1%})")
    for cls, n in C.most_common():
        print(f"{n:6d}  {cls}  (cue head in speech-cues.tsv: {inlex[cls]}): " + ", ".join(f"{w} {k}" for w, k in heads[cls].most_common(12)))
        for it in ex[cls]: print(f"        [{it['head']}] {it['ctx']}")

if __name__ == "__main__":
    main()
