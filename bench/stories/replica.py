"""A Python replica of story grouping (src/Sitrep/Stories/StoryGrouper.cs), to try ideas in seconds.

    python3 bench/stories/replica.py A.json GOLD.json [key=value ...]

A.json is the analysis JSON of `sitrep analyze` over a story set (its documents in feed order, with
their mentions and times), GOLD.json the set's gold grouping (source -> story). Prints B-cubed P/R/F1
for the whole set and for its two halves (gold stories split at the median story id, older / newer),
each grouped on its own as if analysed into its own fresh store. With the defaults it gives the engine's
figures to the third decimal (roundups, main e04c237: 0.808 / 0.809 / 0.849, whole P 0.878 R 0.748).

Options (key=value): thr (join threshold, 0.25), cs (centroid share, 0.5), k (members compared, 5),
win (window days, 2), merge (centroid merge, 0.85), rejoin (1), wd (weekday check, 1), title (2),
ent (entity weight, 1), prior (IDF prior, 1000). Other scripts import it and pass `extra`
(a likeness added to an article's likeness to a member) or `after` (called after each join).
Not the engine: no deletions, no split, no caches; the term splitter and stemmer follow StoryTerms.cs.
"""
import collections, datetime, json, math, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
STOP = set()
for line in open(os.path.join(HERE, "..", "..", "resources", "lexicons", "story-stopwords.tsv"), encoding="utf-8"):
    if line.strip() and not line.startswith("#"):
        STOP.add(line.split("\t")[0].strip())


def stem(w):
    for s in ("ing", "ed", "es", "s"):
        if len(w) > len(s) + 3 and w.endswith(s):
            return w[: -len(s)]
    return w


def words(text):
    """(word, term) pairs as StoryTerms.Count splits them."""
    out, cur, i, n = [], [], 0, len(text or "")
    while i <= n:
        c = text[i] if i < n else " "
        if c.isalnum():
            cur.append(c.lower()); i += 1; continue
        if c in "'\u2019" and i + 1 < n and text[i + 1] in "sS" and (i + 2 >= n or not text[i + 2].isalnum()):
            i += 1
        if 1 < len(cur) <= 48:
            w = "".join(cur)
            if w not in STOP:
                s = stem(w)
                if len(s) >= 2:
                    out.append((w, s))
        cur = []; i += 1
    return out


def day(p):
    return p[:10] if p and re.match(r"\d{4}-\d\d-\d\d", p) else None


def weekdays(d, pub):
    days = set()
    pd = datetime.date.fromisoformat(pub) if pub else None
    for t in d.get("times") or []:
        if t["type"] not in ("DATE", "TIME"):
            continue
        v = t.get("value") or ""
        if v.startswith("XXXX-WXX-") and len(v) >= 10 and v[9] in "1234567":
            days.add(int(v[9]))
        elif pd and re.match(r"\d{4}-\d\d-\d\d$", v[:10]) and (len(v) == 10 or v[10] == "T"):
            try:
                dd = datetime.date.fromisoformat(v[:10])
            except ValueError:
                continue
            if abs((dd - pd).days) <= 6:
                days.add(dd.isoweekday())
    return days


def base_counts(d, opt, df=None):
    """One article's term counts as the engine makes them: title words (`title` times), body words, and
    each resolved mention's entity (`ent` times). `df` (the frequencies so far) is for variants that weigh by it."""
    counts = collections.defaultdict(float)
    for _, s in words(d.get("title") or ""):
        counts[s] += opt.get("title", 2)
    for _, s in words(d.get("text") or ""):
        counts[s] += 1
    if opt.get("ent", 1) > 0:
        for m in d.get("mentions") or []:
            if m.get("entity"):
                counts["e:" + m["entity"]] += opt.get("ent", 1)
    return counts


def log_tf_idf(c, df_t, n, opt):
    return (1 + math.log(c)) * math.log((n + opt.get("prior", 1000) + 1.0) / (df_t + 1))


def item(d, n, ws, days=None):
    """The grouper's view of one article from its term weights: the 100 strongest, unit length, and the 12
    strongest as look-up terms."""
    norm = math.sqrt(sum(v * v for v in ws.values())) or 1
    top = sorted(ws.items(), key=lambda p: (-p[1], p[0]))[:100]
    pub = day(d.get("published"))
    return dict(id=d["id"], n=n, pub=pub, doc=d, vec={t: round(w / norm, 6) for t, w in top},
                lookup=[t for t, _ in top[:12]], days=weekdays(d, pub) if days is None else days)


def term_vectors(docs, opt, counts_of=base_counts, weight=log_tf_idf):
    """Each document's vector as the engine makes it when the document arrives (frequencies so far).
    Variants pass their own `counts_of(d, opt, df)` or `weight(c, df_t, n, opt)`."""
    df = collections.Counter(); out = []; n = 0
    for d in docs:
        counts = counts_of(d, opt, df)
        n += 1
        ws = {}
        for t, c in counts.items():
            w = weight(c, df[t], n, opt)
            if w > 0:
                ws[t] = w
        for t in counts:
            df[t] += 1
        out.append(item(d, n, ws, None if opt.get("wd", 1) else set()))
    return out


# The grouper reads `vectors`; variants replace it and build theirs on `term_vectors`.
vectors = term_vectors


def dot(a, b):
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0) for t, w in a.items())


def cos(a, b):
    na = math.sqrt(sum(v * v for v in a.values())); nb = math.sqrt(sum(v * v for v in b.values()))
    return dot(a, b) / (na * nb) if na > 0 and nb > 0 else 0


def inwin(d, f, l, w):
    if d is None or f is None or l is None:
        return True
    d, f, l = (datetime.date.fromisoformat(x) for x in (d, f, l))
    gap = (f - d).days if d < f else (d - l).days if d > l else 0
    return gap <= w


def clash(a, b):
    return bool(a["days"] and b["days"] and not a["days"] & b["days"])


class Grouper:
    """Stories as dicts: cent (centroid), size, first, last, members (newest first)."""

    def __init__(self, opt, extra=None, after=None):
        self.opt, self.extra, self.after = opt, extra, after
        self.stories, self.post, self.assign, self.nid = {}, collections.defaultdict(set), {}, 0
        self.thr, self.cs, self.k, self.win = opt.get("thr", 0.25), opt.get("cs", 0.5), opt.get("k", 5), opt.get("win", 2)

    def member_likeness(self, it, m):
        if self.opt.get("wd", 1) and clash(it, m):
            return 0.0
        v = dot(it["vec"], m["vec"])
        return min(1.0, v + self.extra(it, m)) if self.extra else v

    def score(self, it, s):
        vals = [self.member_likeness(it, m) for m in s["members"][: self.k]]
        return self.cs * cos(it["vec"], s["cent"]) + (1 - self.cs) * (min(vals) if vals else 0)

    def candidates(self, it):
        cands = set()
        for t in it["lookup"]:
            cands |= set(sorted(self.post[t], reverse=True)[:60])
        return sorted(cands)

    def add(self, it):
        scored = []
        for sid in self.candidates(it):
            s = self.stories.get(sid)
            if not s or s["size"] == 0 or not inwin(it["pub"], s["first"], s["last"], self.win):
                continue
            sc = self.score(it, s)
            if sc >= self.thr:
                scored.append((sc, sid))
        scored.sort(key=lambda p: (-p[0], p[1]))
        if not scored:
            self.nid += 1; sid = self.nid
            self.stories[sid] = dict(cent={}, size=0, first=None, last=None, members=[])
        else:
            sid = scored[0][1]
        s = self.stories[sid]
        for t, w in it["vec"].items():
            s["cent"][t] = s["cent"].get(t, 0) + w
        if len(s["cent"]) > 600:
            s["cent"] = dict(sorted(s["cent"].items(), key=lambda p: (-p[1], p[0]))[:300])
        s["size"] += 1
        if it["pub"]:
            s["first"] = min(s["first"] or it["pub"], it["pub"]); s["last"] = max(s["last"] or it["pub"], it["pub"])
        s["members"].insert(0, it)
        self.assign[it["id"]] = sid
        for t in it["lookup"]:
            self.post[t].add(sid)
        for _, o in scored[1:]:
            if o == sid or o not in self.stories:
                continue
            S, T = self.stories[sid], self.stories[o]
            rejoin = (self.opt.get("rejoin", 1) and T["size"] == 1 and inwin(T["members"][0]["pub"], S["first"], S["last"], self.win)
                      and self.score(T["members"][0], S) >= self.thr)
            if rejoin or cos(S["cent"], T["cent"]) >= self.opt.get("merge", 0.85):
                sid = self.merge(sid, o)
        if self.after:
            self.after(self, it, sid, scored)
        return sid

    def merge(self, x, y):
        a, b = min(x, y), max(x, y)
        A, B = self.stories[a], self.stories[b]
        for t, w in B["cent"].items():
            A["cent"][t] = A["cent"].get(t, 0) + w
        A["size"] += B["size"]
        A["first"] = min(filter(None, [A["first"], B["first"]]), default=None)
        A["last"] = max(filter(None, [A["last"], B["last"]]), default=None)
        A["members"] = sorted(A["members"] + B["members"], key=lambda m: -m["n"])
        for k, v in list(self.assign.items()):
            if v == b:
                self.assign[k] = a
        for t in list(self.post):
            if b in self.post[t]:
                self.post[t].discard(b); self.post[t].add(a)
        del self.stories[b]
        return a


def bcubed(assign, gold, key):
    pred = {key[d]: s for d, s in assign.items() if key[d] in gold}
    for k in gold:
        pred.setdefault(k, "single:" + k)
    bp, bg = collections.defaultdict(set), collections.defaultdict(set)
    for k in gold:
        bp[pred[k]].add(k); bg[gold[k]].add(k)
    P = sum(len(bp[pred[k]] & bg[gold[k]]) / len(bp[pred[k]]) for k in gold) / len(gold)
    R = sum(len(bp[pred[k]] & bg[gold[k]]) / len(bg[gold[k]]) for k in gold) / len(gold)
    return P, R, 2 * P * R / (P + R)


def halves(gold):
    ids = sorted(set(gold.values()), key=lambda s: (len(s), s))
    older = set(ids[: len(ids) // 2])
    return {k for k, v in gold.items() if v in older}, {k for k, v in gold.items() if v not in older}


def run(docs, gold, opt, extra=None, after=None):
    """B-cubed (P, R, F1) on the whole set and on each half, each grouped on its own."""
    key = {d["id"]: d["source"] for d in docs}
    res = []
    for subset in (None, *halves(gold)):
        ds = [d for d in docs if subset is None or d["source"] in subset]
        g = Grouper(opt, extra, after)
        for it in vectors(ds, opt):
            g.add(it)
        res.append(bcubed(g.assign, {k: v for k, v in gold.items() if subset is None or k in subset}, key))
    return res


def fmt(res):
    return " / ".join(f"{r[2]:.3f}" for r in res) + "   (whole P %.3f R %.3f)" % (res[0][0], res[0][1])


def options(args):
    return {k: float(v) for k, v in (a.split("=", 1) for a in args)}


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    docs = json.load(open(sys.argv[1], encoding="utf-8"))["documents"]
    gold = json.load(open(sys.argv[2], encoding="utf-8"))
    print(fmt(run(docs, gold, options(sys.argv[3:]))))
