#!/usr/bin/env python3
"""Why matched quote contents are not exact: each boundary difference sorted into a class, counted.

usage: python3 bench/quotes/exact_classes.py ANALYSIS.json DIR [--tools ../shared/tools] [--dump FILE] [--examples N]

ANALYSIS.json: `sitrep analyze DIR/text --json ANALYSIS.json --stages quotes` (train: ../shared/data/attribution/polnear/data/train).
Pairs gold and predicted contents one to one as score_attribution.py does (largest overlap first). For every pair that
overlaps but is not exact after the scorer's trimming, each side (start, end) that differs is given one class by the
words between the two boundaries: at the start a "that"/"whether" after other words, a leading conjunction, the cue
(gold's or ours), an opening quote mark, "to" before a verb, a preposition, an addressee before "that", the speaker;
at the end trailing punctuation, a closing quote mark and what follows it, a trailing attribution ("…, he said"),
a following sentence, a parenthetical, a relative or appositive after a comma, a coordinated clause, a dash, a
trailing prepositional phrase. "early"/"late" say which side our boundary is on (start early: we include words gold
leaves out). Discontinuous gold contents (two pieces) are counted apart: a one-span quote can never equal them, nor
can a quote in parts, whose `text` must equal its offsets and so holds the attribution between the pieces.
Written for branch quotes20 (2026-12-05); dev is only measured.
"""
import json, os, re, sys, collections
sys.path.insert(0, os.path.dirname(__file__))
from boundaries import load, pairs_of, tstart, tend  # noqa: E402
from misses import parse_full  # noqa: E402
TOOLS = sys.argv[sys.argv.index("--tools") + 1] if "--tools" in sys.argv else os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "tools")
sys.path.insert(0, TOOLS)
from score_attribution import trim  # noqa: E402

QOPEN = "\"“‘'«„"
QCLOSE = "\"”’'»"
CONJ = r"(?:and|but|or|so|yet|because|while|although|though|as|since|if|when|then|also|still|even|plus)"
PREP = r"(?:about|of|on|for|with|against|over|in|at|by|from|into|to|as|upon|toward|towards|behind|regarding|between|among|after|before|during|under|through|across)"
SAY = (r"(?:said|says|say|saying|told|tells|tell|added|adds|noted|notes|wrote|writes|argued|argues|explained|explains|asked|asks|"
       r"continued|insisted|claimed|stated|declared|warned|tweeted|according|acknowledged|recalled|predicted|suggested|believes|thinks)")
PRON = r"(?:he|she|they|we|i|it|you|who)"
REL = r"(?:who|whom|whose|which|where|when|that)"

def start_class(diff, side, cue_words):
    """diff: the words between the two start boundaries; side: 'early' (ours before gold's) or 'late'."""
    d = diff.strip(); low = d.lower()
    if not d: return "whitespace/punct"
    if all(c in QOPEN + " \t\n" for c in d): return "opening quote mark"
    if re.fullmatch(r"[\"“‘'«„\s,:;—–-]+", d): return "punctuation"
    if d[0] in QOPEN and len(d) > 1: lowq = low[1:].lstrip()
    else: lowq = low
    toks = re.findall(r"[\w’'\-]+|[^\w\s]", low)
    if re.search(r"(^|\s)(that|whether|if)[\s,“\"]*$", low) and len(toks) > 1:
        if len(toks) <= 4: return "short words + that/whether (addressee, adverb, time)"
        return "long words + that/whether"
    if re.fullmatch(r"(that|whether|if)\b.*", low) and len(toks) <= 2: return "that/whether"
    if re.match(r"to\b", low) and len(toks) <= 2: return "to (infinitive/preposition)"
    if re.fullmatch(PREP + r"\b[\s\w’'\-]{0,30}", low) and len(toks) <= 4 and not re.search(r"\bthat\b", low): return "preposition (+few words)"
    if re.match(CONJ + r"\b", low) and len(toks) <= 2: return "leading conjunction"
    if cue_words and any(w in cue_words for w in toks): return "our cue inside the difference"
    if re.search(r"\b" + SAY + r"\b", low): return "a saying verb inside the difference"
    if re.search(r"[.!?][\"”’']?\s+\S", d): return "another sentence"
    if d.endswith(","): return "lead-in phrase ending in a comma"
    if len(toks) <= 3: return "1-3 other words"
    return "other (4+ words)"

def end_class(diff, side):
    d = diff; s = d.strip(); low = s.lower()
    if not s: return "whitespace"
    if re.fullmatch(r"[\s.,;:!?\"“”‘’'»)\]—–-]+", s): return "trailing punctuation/quote marks"
    if s[0] in QCLOSE or s.startswith("''") or re.match(r"[.,;:!?]\s*[\"”’']", s):
        rest = re.sub(r"^[.,;:!?\s]*(''|[\"”’'»])", "", s).strip()
        if re.match(r"[,\s]*(" + PRON + r"|[A-Z][\w.]*|the \w+)[^.]{0,40}?\b" + SAY + r"\b", rest, re.I): return "closing quote + trailing attribution"
        return "closing quote + more words"
    if re.match(r"[,\s]*(" + PRON + r"|(?:[A-Z][\w.’'\-]*\s?){1,4}|the \w+( \w+)?)\s+" + SAY + r"\b", s): return "trailing attribution (he said)"
    if re.match(r"[,\s]*" + SAY + r"\s+(" + PRON + r"|[A-Z]|the\b)", s): return "trailing attribution (said X)"
    if re.match(r"[.!?][\"”’']?\s+\S", s) or re.search(r"[.!?][\"”’']?\s+[A-Z“\"]", s[:3]): return "following sentence"
    if re.match(r"[.!?]", s): return "following sentence"
    if s.startswith("(") or s.startswith("["): return "parenthetical"
    if re.match(r",\s*" + REL + r"\b", low): return "comma + relative clause"
    if re.match(r",\s*(a|an|the|his|her|their|its)\b", low): return "comma + appositive/noun phrase"
    if re.match(r"[,;]?\s*(and|but|or|nor|yet)\b", low): return "coordination (and/but/or)"
    if re.match(r",\s*(even|while|though|although|despite|as|because|since|if|unless|when|after|before|compared|leaving|including|with|which)\b", low):
        return "comma + subordinate/adverbial phrase"
    if re.match(r"[—–]|-{1,2}\s", s): return "dash phrase"
    if re.match(r";", s): return "semicolon clause"
    if re.match(PREP + r"\b", low): return "trailing prepositional phrase"
    if re.match(r",", s): return "comma + other"
    if re.match(r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|last|this|next|on)\b", low): return "trailing time"
    return "other"

def main():
    analysis = json.load(open(sys.argv[1], encoding="utf-8")); root = sys.argv[2]
    nex = int(sys.argv[sys.argv.index("--examples") + 1]) if "--examples" in sys.argv else 0
    dump = open(sys.argv[sys.argv.index("--dump") + 1], "w", encoding="utf-8") if "--dump" in sys.argv else None
    C = collections.Counter(); S = collections.Counter(); E = collections.Counter(); T = collections.Counter(); K = collections.Counter()
    EX = collections.defaultdict(list)
    for art, raw, gold, preds in load(analysis, root):
        ann = sorted(a for a in os.listdir(os.path.join(root, "attributions")) if a.rsplit("_", 1)[0] == art)[0]
        full = parse_full(os.path.join(root, "attributions", ann))
        pairs, ug, up = pairs_of(raw, gold, preds)
        for gi, pi in pairs:
            g, p = gold[gi], preds[pi]
            gtext = " ".join(raw[a:b] for a, b in g["content"])
            C["matched"] += 1
            if trim(gtext) == trim(p["text"]): C["exact"] += 1; continue
            if len(g["content"]) > 1:
                C["discontinuous gold"] += 1
                # our quote in parts: its text runs over the attribution between the pieces (the offsets must hold it)
                if p["q"].get("parts"): C["discontinuous gold, our quote in parts"] += 1
                continue
            q = p["q"]; kind = q.get("kind") or "?"
            gcue = full[gi]["cue"] if gi < len(full) else []
            ours = q.get("cue") if isinstance(q.get("cue"), dict) else {}
            cue_words = {w.lower() for w in re.findall(r"[\w’'\-]+", ours.get("text") or "")}
            cue_words -= {"that", "to", "the", "a", "of", "on", "about", "for", "in"}
            ga, gb = g["content"][0]
            gs, ge = tstart(raw, ga, gb), tend(raw, ga, gb)
            ps, pe = tstart(raw, p["b"], p["e"]), tend(raw, p["b"], p["e"])
            cls = []
            if ps != gs:
                side = "early" if ps < gs else "late"
                lo, hi = min(ps, gs), max(ps, gs)
                if side == "early" and gcue and any(a < ps < b or (a <= ps and b > ps) for a, b in gcue) :
                    c = f"start {side}: the rest of gold's cue phrase in our words"
                    T[" ".join(re.findall(r"[\w’'\-]+", raw[ps:max(b for a, b in gcue)].lower()))] += 1
                elif gcue and any(lo <= a < hi for a, b in gcue): c = f"start {side}: gold's cue inside the difference"
                else: c = f"start {side}: " + start_class(raw[lo:hi], side, cue_words)
                S[c] += 1; K[kind + " " + c] += 1; cls.append(c)
            if pe != ge:
                side = "late" if pe > ge else "early"
                c = f"end {side}: " + end_class(raw[min(pe, ge):max(pe, ge)], side)
                E[c] += 1; K[kind + " " + c] += 1; cls.append(c)
            if not cls: cls.append("same after trimming, differs inside"); C["differs inside"] += 1
            C["not exact, one piece"] += 1
            for c in cls:
                if len(EX[c]) < nex: EX[c].append((raw[max(0, min(ps, gs) - 30):max(pe, ge) + 30].replace("\n", " "), raw[ga:gb].replace("\n", " ")[:200], p["text"].replace("\n", " ")[:200]))
            if dump:
                dump.write(json.dumps({"art": art, "kind": kind, "classes": cls, "gold": raw[ga:gb], "pred": p["text"], "cue": ours.get("text"),
                                       "gcue": " ".join(raw[a:b] for a, b in gcue),
                                       "ctx": raw[max(0, min(ps, gs) - 60):max(pe, ge) + 60]}, ensure_ascii=False) + "\n")
    for k, v in C.most_common(): print(f"{v:6d} {k}")
    print("--- starts"); [print(f"{v:6d} {k}") for k, v in S.most_common()]
    print("--- ends"); [print(f"{v:6d} {k}") for k, v in E.most_common()]
    print("--- words of gold's cue phrase in our words (top 40)"); [print(f"{v:6d} {k}") for k, v in T.most_common(40)]
    print("--- by kind (top 30)"); [print(f"{v:6d} {k}") for k, v in K.most_common(30)]
    for c, xs in EX.items():
        print("=== " + c)
        for ctx, gt, pt in xs: print("  CTX ", ctx[:260], "\n  GOLD", gt, "\n  PRED", pt)

if __name__ == "__main__":
    main()
