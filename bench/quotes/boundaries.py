#!/usr/bin/env python3
"""Where predicted quote contents differ from PolNeAR's at their boundaries, and what simple cuts would gain.

usage: python3 bench/quotes/boundaries.py ANALYSIS.json DIR [--tools ../shared/tools] [--dump FILE]

ANALYSIS.json: `sitrep analyze DIR/text --json ANALYSIS.json --stages quotes` (train: ../shared/data/attribution/polnear/data/train).
Pairs gold and predicted contents one to one as score_attribution.py does (largest overlap first) and compares them
after its trimming; prints the tally (exact, discontinuous, starts early/late, ends late/early, with the words just
outside or inside each boundary) and, for each cut simulated on the predicted contents, how many matched contents it
makes exact and how many exact ones it breaks. The quotes stage 16 rules were chosen from these counts on train
(branch quotes15, 2026-12-05); the dev split was only measured.
"""
import json, os, re, sys, collections
TOOLS = sys.argv[sys.argv.index("--tools") + 1] if "--tools" in sys.argv else os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "tools")
sys.path.insert(0, TOOLS)
from score_attribution import parse_ann, chars, trim, norm

TRIMCH = " \t\n\"'.,;:—–-“”‘’"
def tstart(raw, a, b):
    # move a right past characters the scorer trims, and a leading that/whether
    while a < b and raw[a] in TRIMCH: a += 1
    m = re.match(r"(that|whether)\s+", raw[a:b], re.I)
    if m: a += m.end()
    while a < b and raw[a] in TRIMCH: a += 1
    return a
def tend(raw, a, b):
    while b > a and raw[b-1] in TRIMCH: b -= 1
    return b
WORD = re.compile(r"[\w’'\-]+|[^\w\s]")
def words(s): return WORD.findall(s)

def load(analysis, root):
    by_id = {}
    for d in analysis.get("documents", []):
        for key in (str(d.get("id") or ""), os.path.splitext(os.path.basename(str(d.get("source") or "")))[0]):
            if key: by_id[key] = d
    seen = set(); out = []
    for a in sorted(os.listdir(os.path.join(root, "attributions"))):
        art = a.rsplit("_", 1)[0]
        if art in seen or not os.path.exists(os.path.join(root, "text", art + ".txt")): continue
        seen.add(art)
        raw = open(os.path.join(root, "text", art + ".txt"), encoding="utf-8").read()
        gold = parse_ann(os.path.join(root, "attributions", a))
        d = by_id.get(art)
        preds = []
        if d is not None:
            text = d.get("text") or ""; same = text == raw; segs = d.get("offset_map") or []
            def to_raw(x):
                if same: return x
                for ts, rs, n in segs:
                    if ts <= x <= ts + n: return rs + (x - ts)
                return None
            for q in d.get("quotes") or []:
                b = to_raw(q["start"]) if isinstance(q.get("start"), int) else None
                e = to_raw(q["end"]) if isinstance(q.get("end"), int) else None
                if b is None or e is None or e <= b:
                    t = q.get("text") or ""; i = raw.find(t)
                    if i < 0 or not t: continue
                    b, e = i, i + len(t)
                preds.append({"b": b, "e": e, "text": q.get("text") or "", "q": q})
        yield art, raw, gold, preds

def pairs_of(raw, gold, preds):
    pairs = []
    for gi, g in enumerate(gold):
        gc = chars(g["content"])
        for pi, p in enumerate(preds):
            ov = len(gc & set(range(p["b"], p["e"])))
            if ov: pairs.append((ov, gi, pi))
    pairs.sort(reverse=True)
    ug, up, out = set(), set(), []
    for ov, gi, pi in pairs:
        if gi in ug or pi in up: continue
        ug.add(gi); up.add(pi); out.append((gi, pi))
    return out, ug, up

def main():
    analysis = json.load(open(sys.argv[1], encoding="utf-8")); root = sys.argv[2]
    dump = open(sys.argv[sys.argv.index("--dump")+1], "w") if "--dump" in sys.argv else None
    C = collections.Counter(); starts = collections.Counter(); ends = collections.Counter()
    for art, raw, gold, preds in load(analysis, root):
        pairs, ug, up = pairs_of(raw, gold, preds)
        C["gold"] += len(gold); C["pred"] += len(preds); C["missed"] += len(gold) - len(ug); C["extra"] += len(preds) - len(up)
        for gi, pi in pairs:
            g, p = gold[gi], preds[pi]
            gtext = " ".join(raw[a:b] for a, b in g["content"])
            if trim(gtext) == trim(p["text"]): C["exact"] += 1; continue
            if len(g["content"]) > 1: C["discontinuous"] += 1; continue
            if p["q"].get("parts"): C["pred_in_parts"] += 1
            ga, gb = g["content"][0]
            gs, ge = tstart(raw, ga, gb), tend(raw, ga, gb)
            ps, pe = tstart(raw, p["b"], p["e"]), tend(raw, p["b"], p["e"])
            kind = []
            if ps < gs: kind.append("start_early"); starts["early\t" + " ".join(words(raw[ps:gs])[:3]).lower()] += 1
            elif ps > gs: kind.append("start_late"); starts["late\t" + " ".join(words(raw[gs:ps])[:3]).lower()] += 1
            if pe > ge: kind.append("end_late"); ends["late\t" + " ".join(words(raw[ge:pe])[:2]).lower()] += 1
            elif pe < ge: kind.append("end_early"); ends["early\t" + " ".join(words(raw[pe:ge])[:2]).lower()] += 1
            if not kind: kind.append("same_trimmed_diff")
            C[" & ".join(kind)] += 1
            if dump:
                dump.write(json.dumps({"art": art, "kind": kind, "gold": raw[ga:gb], "pred": raw[p["b"]:p["e"]],
                    "gs": ga, "ge": gb, "ps": p["b"], "pe": p["e"],
                    "excess_end": raw[ge:pe] if pe > ge else "", "missing_end": raw[pe:ge] if pe < ge else "",
                    "excess_start": raw[ps:gs] if ps < gs else "", "missing_start": raw[gs:ps] if ps > gs else "",
                    "after_gold": raw[gb:gb+40], "before_gold": raw[max(0,ga-40):ga]}, ensure_ascii=False) + "\n")
    for k, v in C.most_common(): print(f"{v:6d} {k}")
    print("--- starts"); [print(f"{v:6d} {k}") for k, v in starts.most_common(40)]
    print("--- ends"); [print(f"{v:6d} {k}") for k, v in ends.most_common(60)]


# ---- simulated cuts on the predicted contents -------------------------------------------------------------
def records(analysis, root):
    recs = []
    for art, raw, gold, preds in load(analysis, root):
        pairs, ug, up = pairs_of(raw, gold, preds)
        for gi, pi in pairs:
            q = preds[pi]["q"]
            recs.append(dict(raw=raw, gold=gold[gi]["content"], b=preds[pi]["b"], e=preds[pi]["e"], text=preds[pi]["text"], kind=q.get("kind")))
    return recs
def gtext(r): return " ".join(r["raw"][a:b] for a, b in r["gold"])
def is_exact(r, text): return trim(gtext(r)) == trim(text)
def evaluate(recs, rule, name):
    gain = loss = changed = 0
    for r in recs:
        nb, ne = rule(r)
        if (nb, ne) == (r["b"], r["e"]): continue
        changed += 1
        before, after = is_exact(r, r["text"]), is_exact(r, r["raw"][nb:ne])
        gain += after and not before; loss += before and not after
    print(f"{name:44s} changed {changed:5d} made exact {gain:4d} lost {loss:4d}")
def in_quotation(s):
    depth, ins = 0, []
    for c in s:
        if c == "“": depth += 1
        ins.append(depth > 0)
        if c == "”" and depth > 0: depth -= 1
    return ins
def strip_end(raw, b, e):
    while e > b and raw[e-1] in " \t\n,;:—–-": e -= 1
    return e
def cut_unbalanced_close(r):
    b, e = r["b"], r["e"]; s = r["raw"][b:e].rstrip()
    if s.endswith(")") and s.count("(") < s.count(")"):
        return b, strip_end(r["raw"], b, b + len(s) - 1)
    return b, e
def cut_bracketed_sentence(r):
    b, e = r["b"], r["e"]; s = r["raw"][b:e]
    m = re.search(r'[.!?]["”’\']?\s+[(\[]', s)
    if m and not in_quotation(s)[m.start()]: return b, b + m.start() + 1
    return b, e
def cut_semicolon(r, lists=True):
    b, e = r["b"], r["e"]; s = r["raw"][b:e]
    if r["kind"] != "indirect": return b, e
    ins, par = in_quotation(s), 0
    for i, c in enumerate(s):
        if c in "([": par += 1
        if c in ")]": par -= 1
        if c == ";" and not ins[i] and i > 3 and par <= 0:
            if lists and re.search(r";\s+(and|or)\b", s[i:]): return b, e
            return b, strip_end(r["raw"], b, b + i)
    return b, e
TOK = re.compile(r"[\w’'\-\.]*\w|[^\w\s]")
CLAUSE = {"and","but","or","because","who","which","whom","whose","where","is","are","was","were","be","been","has","have","had",
          "will","would","could","should","can","may","might","must","not","do","does","did","if","whether","than","so","said","says"}
PRON = {"he","she","they","we","i","it","you"}
def cut_lead_that(r):
    if r["kind"] != "indirect": return r["b"], r["e"]
    t = [(m.group(), r["b"] + m.start()) for m in TOK.finditer(r["raw"][r["b"]:r["e"]])]
    if not t or t[0][0].lower() not in {"in","on","when","after","before","from"}: return r["b"], r["e"]
    for i in range(1, min(16, len(t) - 2)):
        w = t[i][0].lower()
        if w in CLAUSE or w in PRON or w == "yet" or t[i][0] in "\"“”'‘’": break
        if w == "that":
            n = t[i+1][0]
            if i > 1 and (n.lower() in PRON | {"there","the"} or n[0].isupper() or n in "\"“"): return t[i][1] + 5, r["e"]
            break
    return r["b"], r["e"]
WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
MON = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
TIME = (r"(?:(?:on\s+)?" + WD + r"(?:\s+(?:night|morning|afternoon|evening))?|(?:last|this|next|early|late)\s+(?:week|weekend|month|year|night|morning|afternoon|evening|"
        + WD + "|" + MON + r"|summer|fall|spring|winter)|yesterday|today|tonight|(?:in|on)\s+" + MON + r"(?:\s+\d{1,2})?|" + MON + r"\s+\d{1,2})")
TIME_TAIL = re.compile(r"[\s,]+(?:" + TIME + r")[\s.,;:]*$")
def cut_time_after_object(r, max_tokens=4):
    if r["kind"] != "indirect": return r["b"], r["e"]
    s = r["raw"][r["b"]:r["e"]]; m = TIME_TAIL.search(s)
    if not m or m.start() < 3: return r["b"], r["e"]
    head = [w.lower() for w in TOK.findall(s[:m.start()])]
    if len(head) > max_tokens or any(w in CLAUSE or w in PRON or w == "that" for w in head) or head[-1] in {"since","until","in","on","at","by","for","from","to","of","with","into"}:
        return r["b"], r["e"]
    return r["b"], r["b"] + m.start()

if __name__ == "__main__":
    main()
    analysis = json.load(open(sys.argv[1], encoding="utf-8")); recs = records(analysis, sys.argv[2])
    print("--- cuts simulated on the predicted contents")
    evaluate(recs, cut_unbalanced_close, "closing bracket with no partner")
    evaluate(recs, cut_bracketed_sentence, "a bracketed sentence after the words")
    evaluate(recs, lambda r: cut_semicolon(r, lists=False), "semicolon")
    evaluate(recs, cut_semicolon, "semicolon, not before '; and' lists")
    evaluate(recs, cut_lead_that, "lead-in before 'that' (in/on/when/after/…)")
    evaluate(recs, cut_time_after_object, "time after <= 4 tokens, no verb")
    evaluate(recs, lambda r: cut_time_after_object(r, 1000), "time after any object, no verb")
