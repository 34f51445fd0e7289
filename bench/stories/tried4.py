"""More term-weighting and time leads of issue 18 tried on story grouping (stories11; README "Stories").

    python3 bench/stories/tried4.py VARIANT A.json GOLD.json [key=value ...]

Every variant runs on top of the meet merge the engine has (tried3.py merge, m 0.3), so `base` gives the
engine's 0.811 / 0.811 / 0.848. VARIANT:
  base     the replica with the meet merge
  idfp     each term's IDF raised to the power `p` (rare terms weigh more, p > 1, or less, p < 1)
  tf       term counts: `tf=0` binary (a word once or twice counts the same; the title still `title` times),
           `tf=2` linear (no log)
  capbi    bigrams of capitalised words next to each other ("Camp Taji", "Supreme Court") as extra terms,
           counted `cb` times
  hyph     a hyphenated word also as its joined form ("cease-fire" -> "ceasefire")
  acr      acronyms: an all-capital word of 2-5 letters ("CRT") and the initials of every run of 2-4 content
           words ("critical race theory") as one more term `a:crt`, counted `ac` times
  pubday   a dated article's days of the week: `pd=1` its publication day when it names none, `pd=2` always
           its publication day beside those it names
  sfreq    IDF by story frequency: a term's weight falls with the number of stories holding it (when the
           article arrives), not of articles, so a story's own repeated words keep their weight (`sfm=1`);
           `sfm=1.5` half article and half story frequency
  stem     plural endings: `sm=1` Harman's S rules ("ies" -> "y", "es" -> "e", "s" cut but not after "us", "ss",
           "is") beside the present "ing"/"ed" cut; `sm=2` "es" cut only after s, x, z, ch, sh and "s" not
           after s, u, i ("states" -> "state", not "stat"); `sm=3` Harman's S rules alone
  wdated   no weekday check between two dated articles (their dates already say when)
  num      digits joined across "," and "." ("943,000" one number, not "943" and "000")
  nodig    numbers left out of the terms
  qw0      words inside direct and partial quotes left out (the outlet's own words only); `qw2` counted twice
  rare     a bonus `b` a shared rare signal (in `rmax` earlier articles or fewer) added to the likeness of
           article and member, at most `cap` of them: resolved entities, bigrams of capitalised words, and a
           speaker's quoted words (two or more shared words of one speaker's direct or partial quotes count
           one); `use=ABC` picks them (1 on, 0 off: entities, bigrams, quotes; 111 all)
  consensus  the centroid half of the score read from the story's consensus: `cm=1` only the centroid terms
           two or more members have, `cm=2` those terms counted double (stories of `mn` members or more, 2)
"""
import collections, datetime, json, math, os, re, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import replica as R
import tried3 as T3

RAW = re.compile(r"[A-Za-z0-9]+(?:[-\u2010][A-Za-z0-9]+)*")


def extra_terms(text, variant, opt):
    out = collections.Counter()
    toks = RAW.findall(text or "")
    if variant == "hyph":
        for t in toks:
            if "-" in t or "\u2010" in t:
                j = re.sub(r"[-\u2010]", "", t).lower()
                if j not in R.STOP:
                    out[R.stem(j)] += 1
    elif variant == "capbi":
        # capitalised runs within one sentence piece (no punctuation between): split text on punctuation
        for piece in re.split(r"[^\w\s'\u2019-]+", text or ""):
            ws = piece.split()
            for a, b in zip(ws, ws[1:]):
                if a[:1].isupper() and b[:1].isupper() and a.lower() not in R.STOP and b.lower() not in R.STOP:
                    out["b:" + R.stem(a.lower()) + "_" + R.stem(b.lower())] += opt.get("cb", 1)
    elif variant == "acr":
        for t in toks:
            if 2 <= len(t) <= 5 and t.isalpha() and t.isupper():
                out["a:" + t.lower()] += opt.get("ac", 1)
        content = [w for w, _ in R.words(text or "")]
        # runs of content words that are adjacent in the text (no function word between)
        for piece in re.split(r"[^\w\s]+", text or ""):
            ws = [w.lower() for w in piece.split()]
            run = []
            for w in ws + [None]:
                if w is not None and w.isalpha() and w not in R.STOP and len(w) > 1:
                    run.append(w); continue
                for n in (2, 3, 4):
                    for i in range(len(run) - n + 1):
                        out["a:" + "".join(x[0] for x in run[i:i + n])] += opt.get("ac", 1)
                run = []
    return out


def base_counts(d, o):
    """The replica's terms of one article: title words (weight `title`, 2), body words and entity ids."""
    return R.base_counts(d, dict(o, ent=1))


def make_vectors(variant, opt):
    def vectors(docs, o):
        df, out, n = collections.Counter(), [], 0
        p, tfm = o.get("p", 1.0), int(o.get("tf", 1))
        for d in docs:
            counts = base_counts(d, o)
            for src, mult in ((d.get("title"), o.get("title", 2)), (d.get("text"), 1)):
                for t, c in extra_terms(src, variant, o).items():
                    counts[t] += c * mult
            n += 1
            ws = {}
            for t, c in counts.items():
                idf = math.log((n + o.get("prior", 1000) + 1.0) / (df[t] + 1))
                if idf <= 0:
                    continue
                tf = (1 + math.log(c)) if tfm == 1 else (1.0 if tfm == 0 else c)
                if tfm == 0 and c >= o.get("title", 2) and any(s == t for _, s in R.words(d.get("title") or "")):
                    tf = 1 + math.log(o.get("title", 2))
                w = tf * idf ** (p if variant == "idfp" else 1.0)
                if w > 0:
                    ws[t] = w
            for t in counts:
                df[t] += 1
            days = None
            if variant == "pubday" and (pub := R.day(d.get("published"))):
                wd, days = datetime.date.fromisoformat(pub).isoweekday(), R.weekdays(d, pub)
                if o.get("pd", 1) == 2 or not days:
                    days = days | {wd}
            out.append(R.item(d, n, ws, days))
        return out
    return vectors


def story_freq(opt):
    """sfreq: a Grouper that weighs each arriving article by story frequencies of its terms."""
    mode = opt.get("sfm", 1)

    def raw(docs, o):
        out = []
        for n, d in enumerate(docs, 1):
            counts = base_counts(d, o)
            pub = R.day(d.get("published"))
            out.append(dict(id=d["id"], n=n, pub=pub, doc=d, counts=counts, days=R.weekdays(d, pub)))
        return out

    class G(R.Grouper):
        def __init__(self, *a, **k):
            super().__init__(*a, **k)
            self.sterms, self.df, self.ndoc = collections.defaultdict(set), collections.Counter(), 0

        def add(self, it):
            self.ndoc += 1
            nst, pr, ws = len(self.stories), opt.get("prior", 1000), {}
            for t, c in it["counts"].items():
                sidf = math.log((nst + pr + 1.0) / (len(self.sterms[t]) + 1))
                didf = math.log((self.ndoc + pr + 1.0) / (self.df[t] + 1))
                share = 1.0 if mode == 1 else mode % 1
                w = (1 + math.log(c)) * (share * sidf + (1 - share) * didf)
                if w > 0:
                    ws[t] = w
            self.df.update(it["counts"].keys())
            norm = math.sqrt(sum(v * v for v in ws.values())) or 1
            top = sorted(ws.items(), key=lambda q: (-q[1], q[0]))[:100]
            it["vec"], it["lookup"] = {t: round(w / norm, 6) for t, w in top}, [t for t, _ in top[:12]]
            sid = super().add(it)
            for t in it["counts"]:
                self.sterms[t].add(self.assign[it["id"]])
            return sid

        def merge(self, x, y):
            a, b = super().merge(x, y), max(x, y)
            for ss in self.sterms.values():
                if b in ss:
                    ss.discard(b); ss.add(a)
            return a
    return raw, G


def harman(w):
    if len(w) > 4 and w.endswith("ies") and not w.endswith(("eies", "aies")):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith("es") and not w.endswith(("aes", "ees", "oes")):
        return w[:-1]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("us", "ss", "is")):
        return w[:-1]
    return w


def make_stem(sm):
    def stem(w):
        if sm in (1, 2):
            for s in ("ing", "ed"):
                if len(w) > len(s) + 3 and w.endswith(s):
                    return w[: -len(s)]
        if sm == 2:
            if len(w) > 5 and w.endswith("es") and (w[-3] in "sxz" or w[-4:-2] in ("ch", "sh")):
                return w[:-2]
            return w[:-1] if len(w) > 4 and w.endswith("s") and w[-2] not in "sui" else w
        return harman(w)
    return stem


def rewrite_texts(docs, variant):
    for d in docs:
        if variant == "num":
            for k in ("title", "text"):
                d[k] = re.sub(r"(?<=\d)[,.](?=\d)", "", d.get(k) or "")
        elif variant == "nodig":
            for k in ("title", "text"):
                d[k] = re.sub(r"\b\d+\b", " ", d.get(k) or "")
        elif variant in ("qw0", "qw2"):
            t = d.get("text") or ""
            spans = [(q["start"], q["end"]) for q in d.get("quotes") or [] if q.get("kind") in ("direct", "partial")]
            if variant == "qw0":
                ch = list(t)
                for a, b in spans:
                    for i in range(a, min(b, len(ch))):
                        ch[i] = " "
                d["text"] = "".join(ch)
            else:
                d["text"] = t + " " + " ".join(t[a:b] for a, b in spans)


def rare_signals(d, use):
    out = set()
    if use[0] == "1":
        out |= {"e:" + m["entity"] for m in d.get("mentions") or [] if m.get("entity")}
    if use[1] == "1":
        for src in (d.get("title") or "", d.get("text") or ""):
            for piece in re.split(r"[^\w\s'\u2019-]+", src):
                ws = piece.split()
                for a, c in zip(ws, ws[1:]):
                    if a[:1].isupper() and c[:1].isupper() and a.lower() not in R.STOP and c.lower() not in R.STOP:
                        out.add("b:" + R.stem(a.lower()) + "_" + R.stem(c.lower()))
    if use[2] == "1":
        for q in d.get("quotes") or []:
            sp = (q.get("speaker") or {}).get("entity")
            if sp and q.get("kind") in ("direct", "partial"):
                out |= {"q:%s:%s" % (sp, w) for _, w in R.words(q.get("text") or "")}
    return out


class Consensus(R.Grouper):
    def score(self, it, st):
        vals = [self.member_likeness(it, m) for m in st["members"][: self.k]]
        ms, cent = st["members"], st["cent"]
        if len(ms) >= int(self.opt.get("mn", 2)):
            c = collections.Counter(t for m in ms for t in m["vec"])
            if int(self.opt.get("cm", 1)) == 1:
                cent = {t: w for t, w in st["cent"].items() if c[t] >= 2} or st["cent"]
            else:
                cent = {t: w * (2 if c[t] >= 2 else 1) for t, w in st["cent"].items()}
        return self.cs * R.cos(it["vec"], cent) + (1 - self.cs) * (min(vals) if vals else 0)


def run(variant, docs, gold, opt):
    """Whole / older / newer, each grouped on its own, with the meet merge (m 0.3) after each join."""
    key, res = {d["id"]: d["source"] for d in docs}, []
    b, cap, rmax = opt.get("b", 0.05), opt.get("cap", 2), opt.get("rmax", 10)
    use = str(int(opt.get("use", 111))).zfill(3)
    for subset in (None, *R.halves(gold)):
        ds = [d for d in docs if subset is None or d["source"] in subset]
        extra, G, items = None, Consensus if variant == "consensus" else R.Grouper, None
        if variant == "sfreq":
            raw, G = story_freq(opt)
            items = raw(ds, opt)
        if variant == "rare":
            df, sig = collections.Counter(), {}
            for d in ds:
                s = rare_signals(d, use)
                sig[d["id"]] = {x for x in s if df[x] <= rmax}
                df.update(s)

            def extra(it, m, sig=sig):
                shared = sig[it["id"]] & sig[m["id"]]
                q = collections.Counter(x.split(":")[1] for x in shared if x.startswith("q:"))
                n = sum(1 for x in shared if not x.startswith("q:")) + sum(1 for v in q.values() if v >= 2)
                return b * min(cap, n)
        g = G(opt, extra, T3.merge_after(opt))
        for it in items if items is not None else R.vectors(ds, opt):
            g.add(it)
        res.append(R.bcubed(g.assign, {k: v for k, v in gold.items() if subset is None or k in subset}, key))
    return res


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if "=" not in a]
    if len(args) < 3:
        sys.exit(__doc__)
    variant, opt = args[0], R.options([a for a in sys.argv[1:] if "=" in a])
    opt.setdefault("m", 0.3)
    docs = json.load(open(args[1], encoding="utf-8"))["documents"]
    gold = json.load(open(args[2], encoding="utf-8"))
    if variant == "stem":
        R.stem = make_stem(int(opt.get("sm", 1)))
    if variant == "wdated":
        clash = R.clash
        R.clash = lambda a, b: False if a["pub"] and b["pub"] else clash(a, b)
    rewrite_texts(docs, variant)
    if variant not in ("sfreq",):
        R.vectors = make_vectors(variant, opt)
    print(variant, " ".join(a for a in sys.argv[1:] if "=" in a), R.fmt(run(variant, docs, gold, opt)))
