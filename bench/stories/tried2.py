"""More signals tried on story grouping and not taken (stories9; docs/stories-notes.md, "Join-like regroups").

    python3 bench/stories/tried2.py VARIANT A.json GOLD.json [key=value ...]
    python3 bench/stories/tried2.py VARIANT A.json SRC.jsonl [key=value ...]   (full texts: fulltext.py figures)

VARIANT (each a change to the replica, replica.py):
  burst    term weights times min(cap, max(flo, (b / mid) ** p)), b a term's dated articles per ISO week
           it was seen in (over the whole set, as an upper bound), for terms in minn dated articles or more
  adjday   the weekday check also lets a member in that names a day next to one the article names
  lead     words among the first `lead` words of the text count `lw` (the others 1)
  base     the replica as it is
"""
import collections, datetime, json, math, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import replica as R
import fulltext as F

plain_vectors = R.vectors


def burst(its, opt):
    weeks, ndated = collections.defaultdict(set), collections.Counter()
    for it in its:
        if it["pub"]:
            wk = datetime.date.fromisoformat(it["pub"]).isocalendar()[:2]
            for t in it["vec"]:
                weeks[t].add(wk)
                ndated[t] += 1
    for it in its:
        v = {}
        for t, w in it["vec"].items():
            f = 1.0
            if ndated[t] >= opt.get("minn", 3):
                b = ndated[t] / len(weeks[t])
                f = min(opt.get("cap", 2.0), max(opt.get("flo", 0.5), (b / opt.get("mid", 2.0)) ** opt.get("p", 0.5)))
            v[t] = w * f
        n = math.sqrt(sum(x * x for x in v.values())) or 1
        it["vec"] = {t: x / n for t, x in v.items()}
    return its


def lead_vectors(docs, opt):
    lead, lw = int(opt.get("lead", 40)), opt.get("lw", 2.0)

    def counts_of(d, o, df):
        counts = collections.defaultdict(float)
        for _, s in R.words(d.get("title") or ""):
            counts[s] += o.get("title", 2)
        for i, (_, s) in enumerate(R.words(d.get("text") or "")):
            counts[s] += lw if i < lead else 1
        for m in d.get("mentions") or []:
            if m.get("entity"):
                counts["e:" + m["entity"]] += 1
        return counts
    return R.term_vectors(docs, opt, counts_of)


def adjacent_clash(a, b):
    if not (a["days"] and b["days"]):
        return False
    return all(min((x - y) % 7, (y - x) % 7) > 1 for x in a["days"] for y in b["days"])


def setup(variant):
    if variant == "burst":
        R.vectors = lambda docs, opt: burst(plain_vectors(docs, opt), opt)
    elif variant == "lead":
        R.vectors = lead_vectors
    elif variant == "adjday":
        R.clash = adjacent_clash


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if "=" not in a]
    if len(args) < 3:
        sys.exit(__doc__)
    opt = R.options([a for a in sys.argv[1:] if "=" in a])
    setup(args[0])
    if args[2].endswith(".jsonl"):
        docs, src = F.load(args[1], args[2])
        g = R.Grouper(opt)
        for it in R.vectors(docs, opt):
            g.add(it)
        print(F.check(docs, src, g.assign))
    else:
        docs = json.load(open(args[1], encoding="utf-8"))["documents"]
        print(R.fmt(R.run(docs, json.load(open(args[2], encoding="utf-8")), opt)))
