#!/usr/bin/env python3
"""A learned decision for where a reported content ends (quotes stage 25, branch quotes26, 2026-12-06).

usage: python3 bench/quotes/learned_ends.py TRAIN.json TRAINDIR [--dev DEV.json DEVDIR] [--out-train F] [--out-dev F]
       [--threshold P] [--rich] [--neg-early] [--dump-weights F] [--tools ../shared/tools]
       python3 bench/quotes/learned_ends.py TRAIN.json TRAINDIR --rich --threshold 0.4 --apply OTHER.json   (the cuts on any analysis)
       python3 bench/quotes/learned_ends.py TRAIN.json TRAINDIR --starts   (the same for where the words start, CV only)

TRAIN.json / DEV.json: `sitrep analyze DIR/text --json F --stages quotes` on PolNeAR train / dev.
Candidates are the cut points inside a reported content read after its cue (kind indirect, cue before the words, one
piece): a comma, dash, "and"/"but"/"or", a preposition, a relative or subordinating word, an opening quote mark, each
outside a quotation and at least two words in. Features are words and word classes around the cut (the separator,
one and two words on each side, whether a subject and a finite verb follow, whether the words so far hold a finite
verb, distance from the start and to the end, whether the words close their sentence, whether a quotation came before,
the cue word). Label: PolNeAR's content ends there (after the scorer's trimming), only for contents whose start is
right (candidates up to the gold end). Model: logistic regression, plain SGD in a fixed order (deterministic).
At reading time the words are cut at the first candidate whose probability is above the threshold.

Prints: 5-fold cross-validation on train by article (articles in name order, fold = index mod 5): for each threshold,
contents made exact / broken, and the train file rescored with the held-out cuts (`--out-train` writes it); then, with
`--dev`, the model trained on all of train applied to dev once (`--out-dev` writes it; dev only measured).
`--rich` adds conjoined features (a finite verb after the cut and before it, the words on both sides together, the
length, a second comma or dash of a pair and whether a finite verb follows it); `--neg-early` also trains on contents
whose start is wrong, a cut before the gold words being a negative. `--dump-weights F` writes the model trained on all
of train (byte-identical on re-run); `--guard` adds grammar guards (no cut inside a comma or dash pair, …). No POS tags: the analysis JSON holds none, so word classes are closed lists.
Result (not taken): see docs/quotes-notes.md, 2026-12-06, branch quotes26.
"""
import json, math, os, re, sys, collections, copy, subprocess
sys.path.insert(0, os.path.dirname(__file__))
from boundaries import load, pairs_of, tstart, tend  # noqa: E402
TOOLS = sys.argv[sys.argv.index("--tools") + 1] if "--tools" in sys.argv else os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "tools")
sys.path.insert(0, TOOLS)
from score_attribution import trim  # noqa: E402

TOK = re.compile(r"[\w’'\-\.]*\w|[^\w\s]")
PREPS = {"about", "of", "on", "for", "with", "against", "over", "in", "at", "by", "from", "into", "to", "as", "upon",
         "toward", "towards", "behind", "regarding", "between", "among", "after", "before", "during", "under", "through",
         "across", "amid", "despite", "without", "within", "since", "until", "including"}
RELS = {"who", "whom", "whose", "which", "where", "when", "that", "because", "while", "although", "though", "if",
        "unless", "whereas"}
COORD = {"and", "but", "or"}
PRON = {"he", "she", "they", "we", "i", "it", "you", "there"}
DETS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "some", "any",
        "no", "every", "each", "all"}
AUX = {"is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might",
       "must", "does", "did", "do", "'s", "’s", "wo", "shall"}
DASHES = {"—", "–", "--", "-"}
QOPEN = {"“", "\""}
QCLOSE = {"”"}

def finite(w):
    lw = w.lower()
    return lw in AUX or (len(lw) > 4 and lw.endswith("ed") and w[0].islower()) or lw in {"said", "says", "says", "told", "made", "went", "took", "got", "gave", "became", "came", "knew", "thought", "wants", "needs", "seems"}

def bucket(n):
    for b in (1, 2, 3, 5, 8, 12, 20):
        if n <= b: return str(b)
    return "more"

def candidates(raw, b, e):
    """Token list of raw[b:e] and the indices of candidate cut points (cut before that token)."""
    s = raw[b:e]
    toks = [(m.start() + b, m.end() + b, m.group()) for m in TOK.finditer(s)]
    out = []; depth = 0
    for i, (ts, te, w) in enumerate(toks):
        lw = w.lower()
        if w == "“" or (w == "\"" and depth == 0): 
            if i >= 2: out.append(i)
            depth += 1; continue
        if w == "”" or (w == "\"" and depth > 0):
            depth = max(0, depth - 1); continue
        if depth or i < 2: continue
        if w == "," or w in DASHES or lw in COORD or lw in PREPS or lw in RELS or w == ";" or w == ":" or w == "(":
            out.append(i)
    return toks, out

def features(toks, i, cue, closes, quoted_before):
    w = lambda j: toks[j][2].lower() if 0 <= j < len(toks) else ("<s>" if j < 0 else "</s>")
    sep = w(i)
    cls = lambda x: ("P" if x in PRON else "D" if x in DETS else "A" if x in AUX else "R" if x in RELS else "C" if x in COORD
                     else "N" if x in PREPS else "," if x == "," else "-" if x in DASHES else "q" if x in QOPEN or x in QCLOSE else
                     "#" if x[:1].isdigit() else "W")
    nxt = i + 1
    if sep == "," and w(i + 1) in COORD: nxt = i + 2
    cap = lambda j: 0 <= j < len(toks) and toks[j][2][:1].isupper()
    subj_verb = False
    for j in range(nxt, min(nxt + 5, len(toks))):
        if finite(toks[j][2]) and j > nxt: subj_verb = True; break
        if toks[j][2] in {",", ";", ":"}: break
    verb_before = any(finite(toks[j][2]) for j in range(0, i))
    f = ["b", "s=" + sep, "s=" + sep + "|n=" + w(nxt), "p=" + w(i - 1) + "|s=" + sep, "s=" + sep + "|n2=" + w(nxt) + "_" + w(nxt + 1),
         "s=" + sep + "|nc=" + cls(w(nxt)) + ("U" if cap(nxt) else ""), "s=" + sep + "|pc=" + cls(w(i - 1)),
         "s=" + sep + "|sv=" + str(subj_verb), "s=" + sep + "|vb=" + str(verb_before), "sv=" + str(subj_verb) + "|vb=" + str(verb_before),
         "s=" + sep + "|d=" + bucket(i), "s=" + sep + "|r=" + bucket(len(toks) - i), "s=" + sep + "|end=" + str(closes),
         "s=" + sep + "|qb=" + str(quoted_before), "s=" + sep + "|cue=" + cue, "d=" + bucket(i), "r=" + bucket(len(toks) - i)]
    if sep == "," and nxt == i + 2: f.append("s=,c|n=" + w(i + 2))
    if RICH:
        verb_after = any(finite(toks[j][2]) for j in range(i + 1, len(toks)))
        f += ["s=" + sep + "|va=" + str(verb_after) + "|vb=" + str(verb_before), "s=" + sep + "|p=" + w(i - 1) + "|n=" + w(nxt),
              "s=" + sep + "|len=" + bucket(len(toks)), "s=" + sep + "|sv=" + str(subj_verb) + "|nc=" + cls(w(nxt)),
              "s=" + sep + "|pc=" + cls(w(i - 1)) + "|nc=" + cls(w(nxt)) + "|vb=" + str(verb_before)]
        # a second comma or dash of a pair ("X, Mark Hurd, deserved …", "the terrorists–armed with …–were able")
        pair = next((j for j in range(i + 1, len(toks)) if toks[j][2] == sep), None) if sep == "," or sep in DASHES else None
        if pair is not None:
            f += ["s=" + sep + "|pair|fin=" + str(pair + 1 < len(toks) and finite(toks[pair + 1][2])) + "|vb=" + str(verb_before),
                  "s=" + sep + "|pairgap=" + bucket(pair - i)]
    return f

def cut_candidates(q, text, b, e):
    """A reported content read after its cue, as the model sees it: (tokens, candidate cuts, features per cut), or None."""
    if q.get("kind") != "indirect" or q.get("parts") or not q.get("cue") or q["cue"].get("start") is None: return None
    if q["cue"]["start"] >= q["start"]: return None
    toks, cands = candidates(text, b, e)
    if not cands: return None
    closes = bool(re.match(r"[\"”’']?\s*[.!?]", text[e:e + 3]))
    cue = (q["cue"].get("text") or "").lower().split(" ")[-1]
    qb = []; seen = False
    for i, (ts, te, w) in enumerate(toks):
        qb.append(seen)
        if w in QOPEN: seen = True
    return toks, cands, [features(toks, i, cue, closes, qb[i]) for i in cands]

def single_gold(raw, gold, gi, p):
    """The gold content paired with reading p when it is one span: its token start and end and whether p's
    text equals it; None when p is unpaired or the gold content is split (no single cut can match it)."""
    if gi is None or len(gold[gi]["content"]) != 1: return None
    ga, gb = gold[gi]["content"][0]
    return tstart(raw, ga, gb), tend(raw, ga, gb), trim(raw[ga:gb]) == trim(p["text"])

def examples(analysis, root, with_labels=True):
    """Yields (article, quote, raw, b, e, toks, cands, feats per cand, label index or None, start_right, exact now, gold end)."""
    for art, raw, gold, preds in load(analysis, root):
        pairs, ug, up = pairs_of(raw, gold, preds)
        paired = {pi: gi for gi, pi in pairs}
        for pi, p in enumerate(preds):
            q = p["q"]
            b, e = p["b"], p["e"]
            seen_here = cut_candidates(q, raw, b, e)
            if seen_here is None: continue
            toks, cands, feats = seen_here
            g = single_gold(raw, gold, paired.get(pi), p); label = None; start_right = False; exact = False; ge = None; lose = []
            if g is not None:
                gs, ge, exact = g
                start_right = tstart(raw, b, e) == gs
                for ci, i in enumerate(cands):
                    if tend(raw, b, toks[i][0]) == ge: label = ci; break
                # a cut before the gold words start would lose the pair: a negative even when our start is wrong
                lose = [ci for ci, i in enumerate(cands) if ge is not None and toks[i][0] <= gs]
            yield dict(art=art, q=q, raw=raw, b=b, e=e, toks=toks, cands=cands, feats=feats, label=label,
                       start_right=start_right, exact=exact, ge=ge, lose=lose)

RICH = "--rich" in sys.argv
NEG = "--neg-early" in sys.argv
def train(exs, epochs=6, lr=0.1, l2=1e-5):
    data = []
    for x in exs:
        if not x["start_right"]:
            if NEG: data.extend((x["feats"][ci], 0.0) for ci in x["lose"])
            continue
        last = x["label"] if x["label"] is not None else len(x["cands"]) - 1
        for ci in range(0, last + 1):
            data.append((x["feats"][ci], 1.0 if ci == x["label"] else 0.0))
    wts = collections.defaultdict(float)
    for ep in range(epochs):
        rate = lr / (1 + ep)
        for f, y in data:
            z = sum(wts[k] for k in f); p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            g = y - p
            for k in f: wts[k] += rate * (g - l2 * wts[k])
    return {k: round(v, 4) for k, v in wts.items() if abs(v) >= 0.01}

def prob(wts, f): 
    z = sum(wts.get(k, 0.0) for k in f); return 1 / (1 + math.exp(-max(-30, min(30, z))))

GUARD = "--guard" in sys.argv
def guarded(x, ci):
    """Grammar guards (no learning): not at the first comma or dash of a pair that a finite verb follows ("she, too,
    will fight", "Hillary Clinton — whose office declined comment — will campaign"), not after "not … ," of a "not X
    but Y", and not when what is kept holds no noun or verb (at most two words, or only adverbs)."""
    toks = x["toks"]; i = x["cands"][ci]; sep = toks[i][2].lower()
    if sep == "," or sep in DASHES:
        for j in range(i + 1, len(toks) - 1):
            if toks[j][2] == toks[i][2]:
                if finite(toks[j + 1][2]) or toks[j + 1][2].lower() in PREPS and False: return False
                break
    kept = [t[2].lower() for t in toks[:i]]
    if "not" in kept and sep in {",", "but"}: return False
    if len([w for w in kept if w[0].isalnum()]) <= 2: return False
    if all(w.endswith("ly") or w in {"no", "doubt", "too", "also", "even", "still"} or not w[0].isalnum() for w in kept): return False
    return True

def decide(wts, x, thr):
    for ci, f in enumerate(x["feats"]):
        if prob(wts, f) > thr and (not GUARD or guarded(x, ci)): return ci
    return None

def apply(analysis, cuts):
    """cuts: {(article, quote start): raw cut offset}; returns a copy of the analysis with those quotes shortened."""
    out = copy.deepcopy(analysis)
    for d in out["documents"]:
        key = os.path.splitext(os.path.basename(str(d.get("source") or "")))[0]
        for q in d.get("quotes") or []:
            c = cuts.get((key, q["start"]))
            if c is None: continue
            n = c[1]
            t = q["text"][:n].rstrip(" ,;:—–-")
            q["text"] = t; q["end"] = q["start"] + len(t)
    return out

def score(path, root):
    r = subprocess.run([sys.executable, os.path.join(TOOLS, "score_attribution.py"), path, root, "--json"], capture_output=True, text=True)
    try: j = json.loads(r.stdout)
    except Exception: return r.stdout.strip()[:400]
    return j

def tally(exs, choose):
    made = broken = changed = 0; cuts = {}
    for x in exs:
        ci = choose(x)
        if ci is None: continue
        i = x["cands"][ci]; cut = x["toks"][i][0]
        changed += 1
        cuts[(x["art"], x["q"]["start"])] = (cut, cut - x["b"])
        if x["ge"] is None: continue
        newexact = x["start_right"] and tend(x["raw"], x["b"], cut) == x["ge"]
        if newexact and not x["exact"]: made += 1
        if x["exact"] and not newexact: broken += 1
    return made, broken, changed, cuts

# ---- starts: where the words begin inside what we read (contents whose end is right) ----------------------
SKIP = PREPS | {"that", "whether", ",", ":", "—", "–", "--", "to", "of"}
def start_examples(analysis, root):
    for art, raw, gold, preds in load(analysis, root):
        pairs, ug, up = pairs_of(raw, gold, preds)
        paired = {pi: gi for gi, pi in pairs}
        for pi, p in enumerate(preds):
            q = p["q"]
            if q.get("kind") != "indirect" or q.get("parts") or not q.get("cue") or q["cue"].get("start") is None: continue
            if q["cue"]["start"] >= q["start"]: continue
            b, e = p["b"], p["e"]
            toks = [(m.start() + b, m.end() + b, m.group()) for m in TOK.finditer(raw[b:e])]
            cands = [i + 1 for i in range(0, min(8, len(toks) - 2)) if toks[i][2].lower() in SKIP]
            if not cands: continue
            cue = (q["cue"].get("text") or "").lower().split(" ")[-1]
            w = lambda j: toks[j][2].lower() if 0 <= j < len(toks) else "</s>"
            feats = []
            for c in cands:
                sep = w(c - 1); vb = any(finite(toks[j][2]) for j in range(0, c - 1)); va = any(finite(toks[j][2]) for j in range(c, min(len(toks), c + 8)))
                feats.append(["b", "s=" + sep, "s=" + sep + "|cue=" + cue, "s=" + sep + "|n=" + w(c), "s=" + sep + "|p=" + w(c - 2),
                              "s=" + sep + "|f=" + w(0), "s=" + sep + "|i=" + bucket(c), "s=" + sep + "|vb=" + str(vb) + "|va=" + str(va),
                              "cue=" + cue + "|f=" + w(0), "s=" + sep + "|p=" + w(c - 2) + "|cue=" + cue])
            g = single_gold(raw, gold, paired.get(pi), p); label = None; right = False; exact = False; gs = None
            if g is not None:
                gs, ge, exact = g
                right = tend(raw, b, e) == ge
                for ci, c in enumerate(cands):
                    if tstart(raw, toks[c][0], e) == gs: label = ci; break
            yield dict(art=art, q=q, raw=raw, b=b, e=e, toks=toks, cands=cands, feats=feats, label=label, start_right=right,
                       exact=exact, gs=gs, lose=[])

def start_main(an, root):
    exs = list(start_examples(an, root))
    arts = sorted({x["art"] for x in exs}); fold = {a: i % 5 for i, a in enumerate(arts)}
    print(f"starts: {len(exs)} contents with candidates, {sum(1 for x in exs if x['start_right'])} end right, "
          f"{sum(1 for x in exs if x['start_right'] and x['label'] is not None)} start at a candidate")
    models = [train([x for x in exs if fold[x["art"]] != k]) for k in range(5)]
    for thr in (0.3, 0.4, 0.5, 0.6, 0.7):
        made = broken = n = 0
        for x in exs:
            ci = decide(models[fold[x["art"]]], x, thr)
            if ci is None or x["gs"] is None: n += ci is not None; continue
            n += 1
            newexact = x["start_right"] and tstart(x["raw"], x["toks"][x["cands"][ci]][0], x["e"]) == x["gs"]
            made += newexact and not x["exact"]; broken += x["exact"] and not newexact
        print(f"starts CV threshold {thr}: {n} moved, made exact {made}, broken {broken}, net {made - broken}")

def apply_to(wts, analysis, thr):
    """Yields (document id, old words, new words) for every reported content the model cuts (no gold needed)."""
    for d in analysis.get("documents", []):
        text = d.get("text") or ""
        for q in d.get("quotes") or []:
            b, e = q.get("start"), q.get("end")
            seen_here = cut_candidates(q, text, b, e) if isinstance(b, int) and isinstance(e, int) else None
            if seen_here is None: continue
            toks, cands, feats = seen_here
            x = dict(feats=feats)
            ci = decide(wts, x, thr)
            if ci is not None:
                yield d.get("id"), text[b:e], text[b:toks[cands[ci]][0]].rstrip(" ,;:—–-")

def main():
    args = [a for a in sys.argv[1:]]
    if "--apply" in args:
        exs = list(examples(json.load(open(args[0], encoding="utf-8")), args[1]))
        thr = float(args[args.index("--threshold") + 1]) if "--threshold" in args else 0.4
        wts = train(exs); n = 0
        for doc, old, new in apply_to(wts, json.load(open(args[args.index("--apply") + 1], encoding="utf-8")), thr):
            n += 1; print(f"{doc}\n  OLD: {old}\n  NEW: {new}")
        print(n, "cut"); return
    if "--starts" in args:
        return start_main(json.load(open(args[0], encoding="utf-8")), args[1])
    an = json.load(open(args[0], encoding="utf-8")); root = args[1]
    exs = list(examples(an, root))
    arts = sorted({x["art"] for x in exs}); fold = {a: i % 5 for i, a in enumerate(arts)}
    n_sr = sum(1 for x in exs if x["start_right"])
    print(f"train: {len(exs)} reported contents with candidates, {n_sr} start right, {sum(1 for x in exs if x['start_right'] and x['label'] is not None)} end at a candidate, "
          f"{sum(len(x['cands']) for x in exs)} candidates")
    models = [train([x for x in exs if fold[x["art"]] != k]) for k in range(5)]
    thrs = [float(t) for t in sys.argv[sys.argv.index("--threshold") + 1].split(",")] if "--threshold" in sys.argv else [0.5, 0.6, 0.7, 0.8, 0.9]
    best = None
    for thr in thrs:
        made, broken, changed, cuts = tally(exs, lambda x: decide(models[fold[x["art"]]], x, thr))
        print(f"CV threshold {thr}: {changed} cut, made exact {made}, broken {broken}, net {made - broken}")
        if best is None or made - broken > best[0]: best = (made - broken, thr, cuts)
    thr = best[1]
    if "--out-train" in args:
        p = args[args.index("--out-train") + 1]
        json.dump(apply(an, best[2]), open(p, "w", encoding="utf-8"), ensure_ascii=False)
        print(f"CV train rescored at {thr}:", score(p, root))
    full = train(exs)
    if "--dump-weights" in args:
        with open(args[args.index("--dump-weights") + 1], "w") as fh:
            for k in sorted(full): fh.write(f"{k}\t{full[k]}\n")
    if "--dev" in args:
        dan = json.load(open(args[args.index("--dev") + 1], encoding="utf-8")); droot = args[args.index("--dev") + 2]
        dexs = list(examples(dan, droot))
        made, broken, changed, cuts = tally(dexs, lambda x: decide(full, x, thr))
        print(f"dev at {thr}: {changed} cut, made exact {made}, broken {broken}")
        if "--out-dev" in args:
            p = args[args.index("--out-dev") + 1]
            json.dump(apply(dan, cuts), open(p, "w", encoding="utf-8"), ensure_ascii=False)
            print("dev rescored:", score(p, droot))

if __name__ == "__main__":
    main()
