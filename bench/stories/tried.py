"""The general signals tried on story grouping and not taken (docs/stories-notes.md, "Recall misses and more general signals").

    python3 bench/stories/tried.py A.json GOLD.json [NAME ...]

Each variant of the replica (replica.py) is grouped on the whole set and on both halves and printed as
whole / older / newer B-cubed F1. NAME picks variants (default: all): base, porter, estrip, query,
merge-average, merge-complete, central, second.
"""
import collections, json, math, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import replica as R


def porter(w):
    """Porter's (1980) stemmer, every step."""
    def cons(s, i):
        return s[i] not in "aeiou" and (s[i] != "y" or i == 0 or not cons(s, i - 1))

    def m(s):
        n, i, L = 0, 0, len(s)
        while i < L and cons(s, i): i += 1
        while i < L:
            while i < L and not cons(s, i): i += 1
            if i >= L: break
            n += 1
            while i < L and cons(s, i): i += 1
        return n

    def vowel(s): return any(not cons(s, i) for i in range(len(s)))
    def double(s): return len(s) >= 2 and s[-1] == s[-2] and cons(s, len(s) - 1)
    def cvc(s): return len(s) >= 3 and cons(s, len(s) - 3) and not cons(s, len(s) - 2) and cons(s, len(s) - 1) and s[-1] not in "wxy"

    if len(w) <= 2:
        return w
    if w.endswith("sses") or w.endswith("ies"): w = w[:-2]
    elif not w.endswith("ss") and w.endswith("s"): w = w[:-1]
    cut = False
    if w.endswith("eed"):
        if m(w[:-3]) > 0: w = w[:-1]
    elif w.endswith("ed") and vowel(w[:-2]): w, cut = w[:-2], True
    elif w.endswith("ing") and vowel(w[:-3]): w, cut = w[:-3], True
    if cut:
        if w.endswith(("at", "bl", "iz")): w += "e"
        elif double(w) and w[-1] not in "lsz": w = w[:-1]
        elif m(w) == 1 and cvc(w): w += "e"
    if w.endswith("y") and vowel(w[:-1]): w = w[:-1] + "i"
    for rules in ((("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("abli", "able"),
                   ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"), ("ator", "ate"),
                   ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble")),
                  (("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""))):
        for a, b in rules:
            if w.endswith(a):
                if m(w[: -len(a)]) > 0: w = w[: -len(a)] + b
                break
    for a in ("al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize"):
        if w.endswith(a):
            s = w[: -len(a)]
            if m(s) > 1 and (a != "ion" or (s and s[-1] in "st")): w = s
            break
    if w.endswith("e") and (m(w[:-1]) > 1 or (m(w[:-1]) == 1 and not cvc(w[:-1]))): w = w[:-1]
    if m(w) > 1 and double(w) and w.endswith("l"): w = w[:-1]
    return w


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    docs = json.load(open(args[0], encoding="utf-8"))["documents"]
    gold = json.load(open(args[1], encoding="utf-8"))
    names = args[2:] or ["base", "porter", "estrip", "query", "merge-average", "merge-complete", "central", "second"]
    stem = R.stem

    def show(name, opt=None, extra=None, after=None, grouper=None):
        saved = R.Grouper
        if grouper:
            R.Grouper = grouper
        try:
            print("%-34s %s" % (name, R.fmt(R.run(docs, gold, opt or {}, extra, after))), flush=True)
        finally:
            R.Grouper = saved

    if "base" in names:
        show("base")
    if "porter" in names:
        R.stem = porter
        show("Porter stemmer")
        R.stem = stem
    if "estrip" in names:
        R.stem = lambda w: (lambda s: s[:-1] if len(s) > 4 and s.endswith("e") else s)(stem(w))
        show("stemmer, and a final e cut")
        R.stem = stem
    if "query" in names:
        # Each title read as a query against the other article: the IDF-weighted share of its terms found there.
        titles = {d["id"]: {s for _, s in R.words(d.get("title") or "")} for d in docs}
        every = {d["id"]: titles[d["id"]] | {s for _, s in R.words(d.get("text") or "")} for d in docs}
        df = collections.Counter(t for d in docs for t in every[d["id"]])
        idf = {t: math.log((len(docs) + 1001) / (c + 1)) for t, c in df.items()}

        def query(a, b):
            return sum(idf[t] for t in titles[a] if t in every[b]) / (sum(idf[t] for t in titles[a]) or 1)
        for share, floor in ((0.2, 0.3), (0.4, 0.3), (0.2, 0.5), (0.4, 0.5)):
            show("title as query %.1f above %.1f" % (share, floor),
                 extra=lambda it, m, share=share, floor=floor: share * max(0, (query(it["id"], m["id"]) + query(m["id"], it["id"])) / 2 - floor))
    for linkage in ("average", "complete"):
        if "merge-" + linkage not in names:
            continue
        for threshold in ((0.25, 0.3, 0.35, 0.4) if linkage == "average" else (0.2, 0.25, 0.3, 0.35)):
            def after(g, it, sid, scored, threshold=threshold, linkage=linkage):
                # A merge pass after each join, bounded by the index: the story's strongest centroid terms find the others.
                S = g.stories[sid]
                found = set()
                for t, _ in sorted(S["cent"].items(), key=lambda p: (-p[1], p[0]))[:12]:
                    found |= set(sorted(g.post[t], reverse=True)[:60])
                for o in sorted(found):
                    if o == sid or o not in g.stories:
                        continue
                    S, T = g.stories[sid], g.stories[o]
                    if S["first"] and T["first"] and not (R.inwin(T["first"], S["first"], S["last"], g.win) and R.inwin(T["last"], S["first"], S["last"], g.win)):
                        continue
                    vals = [0 if R.clash(x, y) else R.dot(x["vec"], y["vec"]) for x in S["members"][:g.k] for y in T["members"][:g.k]]
                    link = min(vals) if linkage == "complete" else sum(vals) / len(vals)
                    if 0.5 * R.cos(S["cent"], T["cent"]) + 0.5 * link >= threshold:
                        sid = g.merge(sid, o)
            show("merge pass, %s linkage %.2f" % (linkage, threshold), after=after)

    class Central(R.Grouper):
        def score(self, it, s):
            near = sorted(s["members"][:20], key=lambda m: -R.cos(m["vec"], s["cent"]))[: self.k]
            return self.cs * R.cos(it["vec"], s["cent"]) + (1 - self.cs) * min((self.member_likeness(it, m) for m in near), default=0)

    class Second(R.Grouper):
        def score(self, it, s):
            vals = sorted(self.member_likeness(it, m) for m in s["members"][: self.k])
            v = vals[1] if len(vals) >= 3 else vals[0] if vals else 0
            return self.cs * R.cos(it["vec"], s["cent"]) + (1 - self.cs) * v

    if "central" in names:
        show("linkage over the 5 most central", grouper=Central)
    if "second" in names:
        show("linkage by the second least alike", grouper=Second)


if __name__ == "__main__":
    main()
