#!/usr/bin/env python3
"""Does the CONTEXT of a word the TBAQ gold marks only sometimes ("now", "current(ly)", "recently", "recent", "soon",
"previously", "already", attributive "daily", ...) or of a duration we write tell the marked uses from the unmarked?
For every use (a pattern over the gold text, so marked and unmarked uses count alike; durations: every duration we
write) it computes a few general context features (the words beside it, a preposition before it, its slot in the
sentence, whether it stands inside a quotation, the tense of the nearest verb, the noun after an adjective), counts per
half of TBAQ (TimeBank, AQUAINT) how the gold reads the uses of each feature value, and simulates the rule "drop the
uses with this feature" (for a word we write) or "write the uses with this feature" (for a word we leave) by editing our
predictions and rescoring value F1 exactly as score_timex.py does, per half. A rule is worth taking only if it gains in
BOTH halves (TBAQ is also the acceptance set: a rule chosen on it and measured on it proves little by itself).
usage: context_rules.py ANALYSIS.json GOLD.json [AQUAINT_DIR] [--min N] [--class NAME] [--uses FEATURE=VALUE]
  --min N     list only feature values with at least N uses (default 3)
  --class     only the classes whose name contains NAME
  --uses      print every use of the classes shown that has this feature value (e.g. --uses prev1=until)
  --all       list every feature value, not only those that gain in a half
  --learn     also train a tiny naive-Bayes classifier on one half and test it on the other (both directions)
  --crosscheck  also take every feature value that gains on one half and apply them together to the other half,
                and print the ceiling (every use of the word classes read as the gold reads it)"""
import json, math, os, re, sys
from collections import Counter, defaultdict
from tbaq_io import aquaint_ids, documents_by_id, predicted

# name, pattern, the value a use would be written with if we added it (None: we already write it; durations: ours)
CLASSES = [
    ("now", r"\bnow\b", "PRESENT_REF"),
    ("currently", r"\bcurrently\b", "PRESENT_REF"),
    ("current", r"\bcurrent\b", "PRESENT_REF"),
    ("recently", r"\brecently\b", "PAST_REF"),
    ("recent", r"\brecent\b(?! (years|months|weeks|days|decades|quarters|times)\b)", "PAST_REF"),
    ("soon", r"\bsoon\b(?! after\b)", "FUTURE_REF"),
    ("previously", r"\bpreviously\b", "PAST_REF"),
    ("already", r"\balready\b", "PRESENT_REF"),
    ("formerly", r"\bformerly\b", "PAST_REF"),
    ("future", r"(?<!the )(?<!foreseeable )(?<!near )\bfuture\b", "FUTURE_REF"),
    ("daily", r"\bdaily\b", "P1D"),
    ("weekly", r"\bweekly\b", "P1W"),
    ("monthly", r"\bmonthly\b", "P1M"),
    ("quarterly", r"\bquarterly\b", "P3M"),
    ("annual", r"\b(annual|yearly)\b", "P1Y"),
]
PREPS = {"until", "till", "by", "for", "from", "since", "between", "right", "just", "even", "as", "of", "in", "at", "to",
         "over", "during", "within", "after", "before", "than", "about", "nearly", "almost", "only", "more", "and", "but",
         "the", "a", "its", "his", "her", "their", "our", "most", "very", "so", "too", "as", "how", "that", "which", "who"}
MODAL = {"will", "would", "'ll", "could", "can", "may", "might", "should", "must", "shall", "wo", "ca"}
PERFECT = {"has", "have", "had", "'ve", "'d"}
PRESENT = {"is", "are", "am", "'s", "'re", "does", "do", "seems", "appears"}
PAST = {"was", "were", "did"}
NOT_VERB_ED = {"need", "speed", "seed", "feed", "bed", "red", "shed", "proceed", "united", "limited", "indeed", "hundred",
               "based", "related", "expected", "so-called", "estimated", "reported", "ed"}
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|\d[\d,.]*|``|''|[\"“”.,;:!?()]")

def tense_near(words, i, span=6):
    """The tense of the nearest verb-like word within `span` words of words[i] (same clause: stops at ; : and quotes)."""
    best = None
    for d in range(1, span + 1):
        for j in (i - d, i + d):
            if j < 0 or j >= len(words): continue
            w = words[j].lower()
            between = words[min(i, j):max(i, j) + 1]
            if any(x in (";", ":", '"', "``", "''", "“", "”", ".") for x in between): continue
            t = ("modal" if w in MODAL else "perfect" if w in PERFECT else "be-present" if w in PRESENT
                 else "past" if w in PAST or (w.endswith("ed") and w not in NOT_VERB_ED and len(w) > 4)
                 else "present-s" if j > 0 and w.endswith("s") and not w.endswith("ss") and words[j - 1].lower() in ("it", "he", "she", "company", "which", "who", "that") else None)
            if t: return t
    return "none"

def in_quote(text, b):
    """Is offset b inside a quotation of its paragraph (an odd number of quote marks before it)?"""
    para = text.rfind("\n\n", 0, b); para = 0 if para < 0 else para
    s = text[para:b]
    n = s.count('"') + s.count("``") + s.count("''") + s.count("“") + s.count("”")
    return n % 2 == 1

def features(text, b, e, preds=()):
    before = WORD.findall(text[max(0, b - 200):b]); after = WORD.findall(text[e:e + 200])
    words = before + [text[b:e]] + after; i = len(before)
    prev1 = before[-1].lower() if before else "^"; prev2 = before[-2].lower() if len(before) > 1 else "^"
    next1 = after[0].lower() if after else "$"; next2 = after[1].lower() if len(after) > 1 else "$"
    # sentence start: nothing but opening quotes/space since a sentence end or paragraph
    k = b - 1
    while k >= 0 and text[k] in " \t`\"“'(": k -= 1
    start = k < 0 or text[k] in ".!?\n" or (text[k] in "\"”'" and k > 0 and text[k - 1] in ".!?")
    f = {"prev1": prev1 if prev1 in PREPS or not prev1.isalpha() else ("cap" if before[-1][0].isupper() else "word"),
         "prev1w": prev1, "next1w": next1, "prev2w": prev2 + " " + prev1, "next2w": next1 + " " + next2,
         "slot": "sentence-initial" + (",+" if next1 == "," else "") if start else ("before-comma" if next1 == "," else
                 "sentence-final" if next1 in (".", "!", "?", "''", '"', "”") else "inside"),
         "quote": "in-quote" if in_quote(text, b) else "narration",
         "tense": tense_near(words, i),
         "next-kind": "noun/adj" if next1.isalpha() and next1 not in MODAL | PERFECT | PRESENT | PAST and not next1.endswith("ly")
                      and not next1.endswith("ed") and next1 not in PREPS else ("punct" if not next1.isalpha() else "function/verb"),
         "prev-kind": "be/aux" if prev1 in MODAL | PERFECT | PRESENT | PAST | {"been", "be"} else ("punct/start" if not prev1.isalpha() or start else
                      "determiner" if prev1 in ("the", "a", "an", "its", "his", "her", "their", "our", "this", "that") else "other")}
    f["tense+slot"] = f["tense"] + "/" + f["slot"]
    # another time we write in the same sentence ("now" beside "in 1988", "for years" beside "last week")
    s0 = max(text.rfind(". ", 0, b), text.rfind("\n", 0, b)); s1 = min([x for x in (text.find(". ", e), text.find("\n", e)) if x >= 0] or [len(text)])
    f["other-time"] = "yes" if any(s0 < p[0] < s1 and not (p[0] < e and b < p[1]) for p in preds) else "no"
    # the fixed phrases the guidelines single out ("until now", "by now", "for now", "right now", "now that", ...)
    f["phrase"] = (prev1 + " _" if prev1 in ("until", "till", "by", "for", "from", "since", "between", "right", "just", "even", "only", "then")
                   else "_ " + next1 if next1 in ("that", "on") else "none")
    return f

def load(args):
    a = json.load(open(args[0], encoding="utf-8")); gold = json.load(open(args[1], encoding="utf-8"))
    aq = aquaint_ids(args); docs = documents_by_id(a)
    out = {}
    for did, g in gold.items():
        preds = [(b, e, v) for b, e, v, _text, _type in predicted(docs.get(did) or {}, g["text"])]
        out[did] = ("AQUAINT" if did in aq else "TimeBank", g["text"], g["timexes"], preds)
    return out

def score(data, drop=frozenset(), add=()):
    """Value F1 per half after dropping predictions (did, b, e) and adding (did, b, e, v)."""
    t = defaultdict(Counter); adds = defaultdict(list)
    for did, b, e, v in add: adds[did].append((b, e, v))
    for did, (h, text, gx, preds) in data.items():
        ps = [p for p in preds if (did, p[0], p[1]) not in drop] + adds[did]
        t[h]["g"] += len(gx); t[h]["p"] += len(ps)
        for b, e, typ, val, txt in gx: t[h]["tg"] += any(p[2] == val and p[0] < e and b < p[1] for p in ps)
        for p in ps: t[h]["tp"] += any(x[3] == p[2] and p[0] < x[1] and x[0] < p[1] for x in gx)
    res = {}
    for h in ("TimeBank", "AQUAINT"):
        c = t[h]; P = c["tp"] / c["p"]; R = c["tg"] / c["g"]; res[h] = 2 * P * R / (P + R)
    c = sum(t.values(), Counter()); P = c["tp"] / c["p"]; R = c["tg"] / c["g"]; res["all"] = 2 * P * R / (P + R)
    return res

def uses_of(data):
    """Every use: (class, did, half, b, e, gold value or None, our value or None, our spans, value we would add)."""
    uses = []
    for did, (h, text, gx, preds) in data.items():
        for name, pat, addv in CLASSES:
            for m in re.finditer(pat, text, re.I):
                b, e = m.start(), m.end()
                gv = [x[3] for x in gx if x[0] < e and b < x[1]]
                ov = [p for p in preds if p[0] < e and b < p[1]]
                uses.append((name, did, h, b, e, gv[0] if gv else None, ov[0][2] if ov else None, ov, addv))
        for p in preds:  # durations we write
            if p[2] and p[2].startswith("P") and not any(p[0] < u[4] and u[3] < p[1] for u in uses if u[1] == did):
                gv = [x[3] for x in gx if x[0] < p[1] and p[0] < x[1]]
                cls = "duration (vague)" if "X" in p[2] else "duration (counted)"
                uses.append((cls, did, h, p[0], p[1], gv[0] if gv else None, p[2], [p], None))
    return uses

def main():
    argv = sys.argv[1:]
    opt = lambda k, d=None: argv[argv.index(k) + 1] if k in argv else d
    args = [a for i, a in enumerate(argv) if not a.startswith("--") and (i == 0 or argv[i - 1] not in ("--min", "--class", "--uses"))]
    mn = int(opt("--min", 3)); only = opt("--class"); show = opt("--uses")
    if len(args) < 2: sys.exit(__doc__)
    data = load(args); base = score(data)
    print(f"base value F1: all {base['all']:.4f}, TimeBank {base['TimeBank']:.4f}, AQUAINT {base['AQUAINT']:.4f}")
    uses = uses_of(data)
    byclass = defaultdict(list)
    for u in uses: byclass[u[0]].append(u)
    gains = []
    for cls, us in byclass.items():
        if only and only not in cls: continue
        ours = sum(1 for u in us if u[6] is not None)
        write = ours * 2 > len(us)  # we write this class: the rule would drop; else add
        def status(u):
            if u[5] is None: return "unmarked"
            if write: return "right" if u[6] == u[5] else "other"
            return "right" if u[8] == u[5] else "other"
        tot = {h: Counter(status(u) for u in us if u[2] == h) for h in ("TimeBank", "AQUAINT")}
        print(f"\n== {cls} ({'we write it: rules drop' if write else 'we leave it: rules add'}); "
              + "; ".join(f"{h} {sum(c.values())} uses: right {c['right']}, unmarked {c['unmarked']}, other {c['other']}" for h, c in tot.items()))
        feats = [(u, features(data[u[1]][1], u[3], u[4], data[u[1]][3])) for u in us]
        for fname in ("phrase", "prev1", "prev1w", "next1w", "prev2w", "next2w", "slot", "quote", "tense", "tense+slot", "next-kind", "prev-kind", "other-time"):
            vals = defaultdict(list)
            for u, f in feats: vals[f[fname]].append(u)
            for v, vs in sorted(vals.items(), key=lambda kv: -len(kv[1])):
                if len(vs) < mn or len(vs) == len(us): continue
                c = {h: Counter(status(u) for u in vs if u[2] == h) for h in ("TimeBank", "AQUAINT")}
                if write:
                    sel = [u for u in vs if u[6] is not None]
                    r = score(data, drop=frozenset((u[1], p[0], p[1]) for u in sel for p in u[7]))
                else:
                    sel = [u for u in vs if u[6] is None]
                    r = score(data, add=[(u[1], u[3], u[4], u[8]) for u in sel])
                d = {h: r[h] - base[h] for h in r}
                both = d["TimeBank"] > 1e-9 and d["AQUAINT"] > 1e-9
                line = (f"  {fname}={v!s:24} " + " | ".join(f"{h[:2]} n{sum(c[h].values()):3} right {c[h]['right']:2} unm {c[h]['unmarked']:2} oth {c[h]['other']:2}" for h in c)
                        + f" | {'drop' if write else 'add '} dF1 TB {d['TimeBank']:+.4f} AQ {d['AQUAINT']:+.4f} all {d['all']:+.4f}" + ("  <== both" if both else ""))
                if d["TimeBank"] > 1e-9 or d["AQUAINT"] > 1e-9 or "--all" in argv: print(line)
                if both: gains.append((d["all"], cls, fname, v, d))
                if show and show == f"{fname}={v}":
                    for u in vs:
                        t = data[u[1]][1]
                        print(f"      {u[2][:2]} {u[1]} gold={u[5]} ours={u[6]} | {t[max(0, u[3] - 90):u[4] + 60]!r}")
    print("\n== feature values that gain in both halves (each alone)")
    for g, cls, fname, v, d in sorted(gains, reverse=True):
        print(f"  {cls:20} {fname}={v!s:24} TB {d['TimeBank']:+.4f} AQ {d['AQUAINT']:+.4f} all {d['all']:+.4f}")
    if "--learn" in argv: learn(data, uses)
    if "--crosscheck" in argv: crosscheck(data, uses)

FEATS = ("phrase", "prev1", "next1w", "slot", "quote", "tense", "tense+slot", "next-kind", "prev-kind", "other-time")

def crosscheck(data, uses):
    """Hand rules chosen the honest way: every feature value of a class that gains on one half (with at least N uses
    there) is taken, and all of them together are applied to the other half. Also the ceiling: every use of the word
    classes read as the gold reads it (a perfect context classifier)."""
    base = score(data); byc = defaultdict(list)
    for u in uses: byc[u[0]].append((u, features(data[u[1]][1], u[3], u[4], data[u[1]][3])))
    def edits(sel, write):
        if write: return dict(drop=frozenset((u[1], p[0], p[1]) for u in sel if u[6] is not None for p in u[7]))
        return dict(add=[(u[1], u[3], u[4], u[8]) for u in sel if u[6] is None])
    print("\n== feature values chosen on one half (gain there), applied together to the other")
    for train, test in (("TimeBank", "AQUAINT"), ("AQUAINT", "TimeBank")):
        for mn in (2, 3, 5):
            drop, add, n = set(), set(), 0
            for cls, us in byc.items():
                write = sum(1 for u, _ in us if u[6] is not None) * 2 > len(us)
                for fn in FEATS:
                    for v in sorted({f[fn] for _, f in us}):
                        sel = [u for u, f in us if f[fn] == v]; tr = [u for u in sel if u[2] == train]
                        if len(tr) < mn or score(data, **edits(tr, write))[train] <= base[train] + 1e-9: continue
                        n += 1; e = edits([u for u in sel if u[2] == test], write)
                        drop |= set(e.get("drop", ())); add |= set(e.get("add", ()))
            r = score(data, drop=frozenset(drop), add=list(add))
            print(f"  chosen on {train:8} (>= {mn} uses): {n:3} feature values; on {test:8} dropped {len(drop):3}, added {len(add):2}: {base[test]:.4f} -> {r[test]:.4f} ({r[test] - base[test]:+.4f})")
    drop, add = set(), []
    for u in uses:
        if u[0].startswith("duration"): continue
        if u[6] is not None and u[6] != u[5]: drop.update((u[1], p[0], p[1]) for p in u[7])
        if u[6] is None and u[5] is not None and u[5] == u[8]: add.append((u[1], u[3], u[4], u[8]))
    r = score(data, drop=frozenset(drop), add=add)
    print(f"  ceiling (every word use read as the gold reads it; {len(drop)} dropped, {len(add)} added): all {base['all']:.4f} -> {r['all']:.4f}, "
          f"TimeBank {base['TimeBank']:.4f} -> {r['TimeBank']:.4f}, AQUAINT {base['AQUAINT']:.4f} -> {r['AQUAINT']:.4f}")

def learn(data, uses):
    """Naive Bayes over the context features, per class, trained on one half and applied to the other: a use is
    written when P(marked with the value we write | features) > 0.42 (the share above which a use pays)."""
    print("\n== naive Bayes, trained on one half, applied to the other (drop below LO, add above HI)")
    for (lo, hi) in ((0.42, 0.42), (0.3, 0.6), (0.2, 0.75), (0.1, 0.9)):
      for train, test in (("TimeBank", "AQUAINT"), ("AQUAINT", "TimeBank")):
        drop, add = set(), []
        for cls in sorted({u[0] for u in uses}):
            us = [u for u in uses if u[0] == cls]
            write = sum(1 for u in us if u[6] is not None) * 2 > len(us)
            good = lambda u: (u[6] == u[5]) if write else (u[8] == u[5])
            tr = [(features(data[u[1]][1], u[3], u[4], data[u[1]][3]), good(u)) for u in us if u[2] == train]
            if len(tr) < 5: continue
            prior = Counter(y for _, y in tr); fc = defaultdict(Counter)
            for f, y in tr:
                for k in FEATS: fc[(k, f[k])][y] += 1
            for u in us:
                if u[2] != test: continue
                f = features(data[u[1]][1], u[3], u[4], data[u[1]][3])
                lp = {y: math.log((prior[y] + 1) / (len(tr) + 2)) for y in (True, False)}
                for k in FEATS:
                    for y in (True, False): lp[y] += math.log((fc[(k, f[k])][y] + 0.5) / (prior[y] + 1))
                p = 1 / (1 + math.exp(lp[False] - lp[True]))
                if write and u[6] is not None and p < lo: drop.update((u[1], q[0], q[1]) for q in u[7])
                if not write and u[6] is None and p > hi: add.append((u[1], u[3], u[4], u[8]))
        r = score(data, drop=frozenset(drop), add=add); b = score(data)
        print(f"  LO {lo} HI {hi}: train {train:8} -> test {test:8}: dropped {len(drop)}, added {len(add)}; {test} value F1 {b[test]:.4f} -> {r[test]:.4f} ({r[test] - b[test]:+.4f})")

if __name__ == "__main__":
    main()
