#!/usr/bin/env python3
"""PolNeAR train misses in three groups, each sorted into classes with counts and examples.

usage: python3 bench/quotes/train_classes.py ANALYSIS.json DIR [--tools ../shared/tools] [--examples N] [--dump FILE]

ANALYSIS.json: `sitrep analyze DIR/text --json ANALYSIS.json --stages quotes` (train: ../shared/data/attribution/polnear/data/train).
Pairs gold and predicted contents one to one as score_attribution.py does (largest overlap first), then:
 (a) unfound: gold contents no predicted content overlaps at all, by the shape of gold's cue: headline (first line), no cue,
     "according to", a prepositional occasion cue ("in an interview", "in a statement"), a nominal cue (the cue's last word
     after a determiner or possessive: "the decision to", "his claim that"), a content opening with "whether", a thought,
     evidential or action verb (speech-cue-classes.tsv), a verb of saying the model tries (speech-cues.tsv, cue >= 2, share
     >= 0.01), or a cue word the model never tries; each also split by whether the model tries the cue's head word;
 (b) extra: predicted contents no gold content overlaps at all, by kind (direct, partial `within`, indirect …), cue class and
     the predicted cue word;
 (c) boundaries: matched pairs whose gold content is one piece and whose prediction is one piece (the interrupted
     "A," she said. "B." left out), inexact after the scorer's trim, per side (start/end, early = ours outside gold's) with
     the class of the first word between the boundaries (preposition, conjunction or relative, determiner or possessive,
     pronoun, that/whether, to, auxiliary, a cue word, capitalised, -ed/-ing, punctuation, other).
Written for branch qa-quotes51 (2026-12-07; quotes stage 50 took the fix for the largest class it could: two attributions side by
side inside one prediction, docs/quotes-notes.md); dev is only measured.
"""
import json, os, re, sys, collections
sys.path.insert(0, os.path.dirname(__file__))
from boundaries import load, pairs_of, tstart, tend  # noqa: E402
from misses import parse_full  # noqa: E402
TOOLS = sys.argv[sys.argv.index("--tools") + 1] if "--tools" in sys.argv else os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "tools")
sys.path.insert(0, TOOLS)
from score_attribution import trim, chars  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
LEX = os.path.join(HERE, "..", "..", "resources", "lexicons")
def tsv(name):
    for line in open(os.path.join(LEX, name), encoding="utf-8"):
        if line.startswith("#") or not line.strip(): continue
        yield line.rstrip("\n").split("\t")
TRIED = {f[0] for f in tsv("speech-cues.tsv") if f[0] != "word" and int(f[1]) >= 2 and int(f[1]) / max(1, int(f[2])) >= 0.01}
CLASS = {f[0]: f[1] for f in tsv("speech-cue-classes.tsv") if len(f) >= 2}
DET = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these", "those", "whose"}
PREP = {"about", "of", "on", "for", "with", "against", "over", "in", "at", "by", "from", "into", "to", "as", "upon", "toward",
        "towards", "regarding", "between", "among", "after", "before", "during", "under", "through", "across", "since", "until"}
CONJ = {"and", "but", "or", "so", "yet", "because", "while", "although", "though", "if", "when", "then", "also", "even", "plus",
        "since", "unless", "where", "which", "who", "whom", "whose"}
PRON = {"he", "she", "they", "we", "i", "it", "you", "him", "her", "them", "us", "me", "there"}
AUX = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "could", "should", "can", "may",
       "might", "must", "do", "does", "did", "not", "to"}
OCCASION = re.compile(r"^(in|during|at|on|via|through)\b.*\b(interview|statement|speech|op-?ed|tweet|post|letter|email|memo|"
                      r"press release|release|conference|briefing|appearance|debate|rally|town hall|remarks|address|"
                      r"column|editorial|essay|book|video|ad|advertisement|report|filing|testimony|hearing|call|message)s?\b", re.I)
TOK = re.compile(r"[\w’'\-]+|[^\w\s]")

def word_class(w):
    lw = w.lower()
    if not re.match(r"\w", w): return "punctuation/quote mark"
    if lw in ("that", "whether"): return "that/whether"
    if lw == "to": return "to"
    if lw in PREP: return "preposition"
    if lw in CONJ: return "conjunction/relative"
    if lw in DET: return "determiner/possessive"
    if lw in PRON: return "pronoun"
    if lw in AUX: return "auxiliary"
    if lw in TRIED: return "cue word"
    if w[:1].isupper(): return "capitalised"
    if lw.endswith(("ed", "ing")): return "-ed/-ing"
    return "other"

def cue_class(raw, g, ca):
    """The shape of gold's cue for an unfound attribution."""
    if not g["cue"]: return "no cue", ""
    cue = " ".join(raw[a:b] for a, b in g["cue"]).replace("\n", " ").strip()
    cw = [w.lower() for w in TOK.findall(cue) if re.match(r"\w", w)]
    if not cw: return "punctuation cue (colon, dash)", cue
    head = next((w for w in cw if w not in AUX and CLASS.get(w) != "auxiliary"), cw[-1])
    content = " ".join(raw[a:b] for a, b in g["content"]).lstrip(" \"“")
    before = raw[max(0, g["cue"][0][0] - 30):g["cue"][0][0]].lower().split()
    if "according" in cw: return "according to", head
    if OCCASION.match(cue): return "occasion phrase cue (in an interview, in a statement)", head
    if cw[0] in PREP and len(cw) > 1: return "other prepositional cue (in a poll, for X)", head
    if content.lower().startswith("whether"): return "content opens with whether", head
    if (cw[0] in DET and len(cw) > 1) or (before and before[-1] in DET and len(cw) <= 2): return "nominal cue (the decision to, his claim)", head
    c = CLASS.get(head) or CLASS.get(" ".join(cw[:2]))
    if c in ("thought", "evidential", "action"): return c + " verb or adjective", head
    return ("cue the model tries (speech)" if head in TRIED else "cue word the model never tries"), head

def main():
    analysis = json.load(open(sys.argv[1], encoding="utf-8")); root = sys.argv[2]
    nex = int(sys.argv[sys.argv.index("--examples") + 1]) if "--examples" in sys.argv else 3
    dump = open(sys.argv[sys.argv.index("--dump") + 1], "w", encoding="utf-8") if "--dump" in sys.argv else None
    anns = {a.rsplit("_", 1)[0]: a for a in sorted(os.listdir(os.path.join(root, "attributions")), reverse=True)}
    A, B, Cb = collections.Counter(), collections.Counter(), collections.Counter()
    heads = collections.defaultdict(collections.Counter); ex = collections.defaultdict(list)
    tot = collections.Counter()
    def note(group, key, text, rec):
        if len(ex[(group, key)]) < nex: ex[(group, key)].append(text)
        if dump: dump.write(json.dumps(dict(group=group, cls=key, **rec), ensure_ascii=False) + "\n")
    for art, raw, gold, preds in load(analysis, root):
        full = parse_full(os.path.join(root, "attributions", anns[art]))
        pairs, ug, up = pairs_of(raw, gold, preds)
        first_nl = raw.find("\n") if "\n" in raw else len(raw)
        pchars = set()
        for p in preds: pchars.update(range(p["b"], p["e"]))
        gchars = set()
        for g in gold: gchars.update(chars(g["content"]))
        tot["gold"] += len(gold); tot["pred"] += len(preds); tot["paired"] += len(pairs)
        # (a)
        for gi, g in enumerate(full):
            if gi in ug: continue
            if chars(g["content"]) & pchars: tot["unpaired but overlapped"] += 1; continue
            ca, cb = g["content"][0][0], g["content"][-1][1]
            if cb <= first_nl: cls, head = "headline (first line)", ""
            else: cls, head = cue_class(raw, g, ca)
            tried = "tried" if head in TRIED else "not tried"
            A[cls] += 1; A[cls + " | head " + tried] += 1; heads[cls][head] += 1
            cue = " ".join(raw[a:b] for a, b in g["cue"])
            ctx = raw[max(0, min([ca] + [a for a, _ in g["cue"]]) - 60):cb + 20].replace("\n", " ")
            note("a", cls, f"[{cue}] {ctx}", dict(art=art, cue=cue, content=raw[ca:cb], ctx=ctx))
        # (b)
        for pi, p in enumerate(preds):
            if pi in up: continue
            if set(range(p["b"], p["e"])) & gchars: tot["extra but overlapping gold"] += 1; continue
            q = p["q"]; cue = ((q.get("cue") or {}).get("text") or "").lower()
            kind = q.get("kind") or "?"
            if q.get("within") is not None: kind += " within"
            cls = f"{kind} / {q.get('attribution')}"
            B[cls] += 1; heads["b:" + cls][cue or "(no cue)"] += 1
            ctx = raw[max(0, p["b"] - 60):p["e"] + 20].replace("\n", " ")
            note("b", cls, f"[{cue}] {ctx}", dict(art=art, cue=cue, content=raw[p["b"]:p["e"]], ctx=ctx))
        # (c)
        for gi, pi in pairs:
            g, p = gold[gi], preds[pi]
            if len(g["content"]) > 1 or p["q"].get("parts"): continue
            gtext = raw[g["content"][0][0]:g["content"][0][1]]
            tot["one-piece pairs"] += 1
            if trim(gtext) == trim(p["text"]): tot["one-piece exact"] += 1; continue
            ga, gb = g["content"][0]
            gs, ge = tstart(raw, ga, gb), tend(raw, ga, gb)
            ps, pe = tstart(raw, p["b"], p["e"]), tend(raw, p["b"], p["e"])
            sides = []
            if ps != gs:
                d = raw[min(ps, gs):max(ps, gs)]; w = TOK.findall(d)
                sides.append(("start " + ("early" if ps < gs else "late"), w[0] if w else "", d))
            if pe != ge:
                d = raw[min(pe, ge):max(pe, ge)]; w = TOK.findall(d)
                sides.append(("end " + ("late" if pe > ge else "early"), w[0] if w else "", d))
            for side, w, d in sides:
                key = f"{side}: {word_class(w)}"
                Cb[key] += 1; heads["c:" + key][w.lower()] += 1
                note("c", key, f"«{d[:70]}» in {raw[min(gs, ps):max(ge, pe)][:160]}".replace("\n", " "),
                     dict(art=art, diff=d, gold=gtext, pred=p["text"]))
    print(f"gold {tot['gold']}, predicted {tot['pred']}, paired {tot['paired']}")
    print(f"\n(a) gold contents no prediction overlaps: {sum(v for k, v in A.items() if '|' not in k)} "
          f"(+{tot['unpaired but overlapped']} overlapped by a prediction paired with another gold)")
    for k, v in A.most_common():
        if "|" in k: continue
        print(f"{v:6d} {k}   [tried {A[k + ' | head tried']}]  heads: " + ", ".join(f"{h} {n}" for h, n in heads[k].most_common(12)))
        for e in ex[("a", k)]: print("         ", e[:220])
    print(f"\n(b) predictions no gold overlaps: {sum(B.values())} (+{tot['extra but overlapping gold']} overlapping a gold paired elsewhere)")
    for k, v in B.most_common():
        print(f"{v:6d} {k}  cues: " + ", ".join(f"{h} {n}" for h, n in heads['b:' + k].most_common(12)))
        for e in ex[("b", k)]: print("         ", e[:220])
    print(f"\n(c) one-piece pairs {tot['one-piece pairs']}, exact {tot['one-piece exact']}; inexact sides:")
    for k, v in Cb.most_common(40):
        print(f"{v:6d} {k}  words: " + ", ".join(f"{h} {n}" for h, n in heads['c:' + k].most_common(10)))
        for e in ex[("c", k)]: print("         ", e[:220])

if __name__ == "__main__":
    main()
