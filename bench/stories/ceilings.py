"""How far new information could take story grouping (docs/stories-notes.md, "Ceilings of dates and density").

    python3 bench/stories/ceilings.py A.json GOLD.json ROUNDUPS.jsonl [NAME ...] [k=5]

A.json is `sitrep analyze` of the roundups, GOLD.json its gold, ROUNDUPS.jsonl the AllSides source file the
set was made from (its `date` of each roundup is the oracle day; Sitrep never sees it). NAME picks parts
(default: all but "attime", which takes minutes):
  oracle   every undated article given its roundup's day, at join thresholds 0.25 / 0.2 / 0.15 / 0.1
  textdate undated articles that name a month and day: the oracle day for them only (the most a date read
           from the text could give), and the latest day they name (year of the store) as their date
  pairs    how well pairs of one roundup rank (nearest neighbour of the same roundup; average precision
           over all pairs) by term cosine and by cosine less the density of the two articles' neighbourhoods
           (CSLS: 2 cos - r(a) - r(b), r the mean of the k highest cosines to other articles), r read from
           every article (not incremental) or from those before the later of the two
  both     density (as below) with the oracle day for every undated article: what the two together reach
  attime   the same with r as of the later article's arrival, in file order and shuffled (seed 1): the
           file holds each roundup's articles next to each other, so what depends on arrival order learns
           the gold from it
  density  grouping with that density taken off the likeness (r from every article, so an upper bound for
           an engine that would revise stories as neighbourhoods fill), file order and shuffled
"""
import collections, datetime, heapq, json, os, random, re, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import replica as R


def oracle_days(path, gold):
    rd = {}
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        rd[str(r["id"])] = r["date"][:10]
    return {k: rd[v] for k, v in gold.items()}


def with_days(docs, days):
    out = []
    for d in docs:
        d = dict(d)
        if d["source"] in days and not d.get("published"):
            d["published"] = days[d["source"]]
        out.append(d)
    return out


def named_days(d, year):
    out = []
    for t in d.get("times") or []:
        m = re.match(r"(XXXX|\d{4})-(\d\d)-(\d\d)$", t.get("value") or "")
        if m and t["type"] == "DATE":
            try:
                out.append(datetime.date(year if m.group(1) == "XXXX" else int(m.group(1)), int(m.group(2)), int(m.group(3))))
            except ValueError:
                pass
    return out


def similarities(its):
    post = collections.defaultdict(list)
    for i, it in enumerate(its):
        for t, w in it["vec"].items():
            post[t].append((i, w))
    S = []
    for i, it in enumerate(its):
        acc = collections.defaultdict(float)
        for t, w in it["vec"].items():
            for j, w2 in post[t]:
                if j != i:
                    acc[j] += w * w2
        S.append(acc)
    return S


def rank_quality(S, g, score):
    """(share of articles whose best-scoring other article is of its roundup, average precision of all pairs)."""
    n = len(S)
    pairs, best = [], {}
    for a in range(n):
        for b, v in S[a].items():
            if b < a:
                s = score(a, b, v)
                pairs.append((s, g[a] == g[b]))
                for x, y in ((a, b), (b, a)):
                    if x not in best or s > best[x][0]:
                        best[x] = (s, g[x] == g[y])
    total = sum(1 for a in range(n) for b in range(a + 1, n) if g[a] == g[b])
    pairs.sort(key=lambda p: -p[0])
    hit = ap = 0
    for i, (_, y) in enumerate(pairs, 1):
        if y:
            hit += 1
            ap += hit / i
    return sum(v[1] for v in best.values()) / n, ap / total


def top_mean(values, k):
    top = heapq.nlargest(k, values)
    return sum(top) / k


def pairs(docs, gold, k=5, attime=False):
    its = R.vectors(docs, {})
    g = [gold[it["doc"]["source"]] for it in its]
    S = similarities(its)
    rall = [top_mean(S[i].values(), k) for i in range(len(its))]
    rbefore = [top_mean([v for j, v in S[i].items() if j < i], k) for i in range(len(its))]
    out = {"cosine": rank_quality(S, g, lambda a, b, v: v),
           "CSLS, r from every article": rank_quality(S, g, lambda a, b, v: 2 * v - rall[a] - rall[b]),
           "CSLS, r of each from those before it": rank_quality(S, g, lambda a, b, v: 2 * v - rbefore[a] - rbefore[b])}
    if attime:
        nb = [sorted(S[i].items()) for i in range(len(its))]

        def r_at(b, t):
            return top_mean([v for j, v in nb[b] if j < t], k)
        out["CSLS, r as of the later article's arrival"] = rank_quality(S, g, lambda a, b, v: 2 * v - rbefore[a] - r_at(b, a))
    return out


class Dense(R.Grouper):
    """The replica with lam * (mean density of the two - mu) taken off each likeness (density from every article)."""

    def member_likeness(self, it, m):
        v = super().member_likeness(it, m)
        return v - self.opt["lam"] * ((it["r"] + m["r"]) / 2 - self.opt["mu"])

    def score(self, it, s):
        vals = [self.member_likeness(it, m) for m in s["members"][: self.k]]
        c = R.cos(it["vec"], s["cent"]) - self.opt["lam"] * (it["r"] - self.opt["mu"])
        return self.cs * c + (1 - self.cs) * (min(vals) if vals else 0)


def dense_run(docs, gold, opt, k=5):
    key = {d["id"]: d["source"] for d in docs}
    res = []
    for subset in (None, *R.halves(gold)):
        ds = [d for d in docs if subset is None or d["source"] in subset]
        its = R.vectors(ds, opt)
        S = similarities(its)
        for i, it in enumerate(its):
            it["r"] = top_mean(S[i].values(), k)
        grouper = Dense(opt)
        for it in its:
            grouper.add(it)
        res.append(R.bcubed(grouper.assign, {a: b for a, b in gold.items() if subset is None or a in subset}, key))
    return res


def main():
    k = int(next((a[2:] for a in sys.argv[1:] if a.startswith("k=")), 5))
    args = [a for a in sys.argv[1:] if not a.startswith("k=")]
    if len(args) < 3:
        sys.exit(__doc__)
    docs = json.load(open(args[0], encoding="utf-8"))["documents"]
    gold = json.load(open(args[1], encoding="utf-8"))
    days = oracle_days(args[2], gold)
    names = args[3:] or ["oracle", "textdate", "pairs", "density", "both"]
    shuffled = list(docs)
    random.Random(1).shuffle(shuffled)
    if "oracle" in names:
        od = with_days(docs, days)
        for thr in (0.25, 0.2, 0.15, 0.1):
            print(f"oracle day for every undated article, threshold {thr}: {R.fmt(R.run(od, gold, dict(thr=thr)))}")
    if "textdate" in names:
        year = collections.Counter(d["published"][:4] for d in docs if d.get("published")).most_common(1)[0][0]
        latest, near = {}, collections.Counter()
        for d in docs:
            if d.get("published"):
                continue
            named = named_days(d, int(year))
            if named:
                latest[d["source"]] = max(named).isoformat()
                gap = abs((max(named) - datetime.date.fromisoformat(days[d["source"]])).days)
                near["within 2 days" if gap <= 2 else "within 7" if gap <= 7 else "further"] += 1
        print(f"undated articles naming a month and day: {len(latest)}; the latest named against the roundup's day: {dict(near)}")
        print("  the oracle day for those only:", R.fmt(R.run(with_days(docs, {s: days[s] for s in latest}), gold, {})))
        print("  the latest day named as their date:", R.fmt(R.run(with_days(docs, latest), gold, {})))
    if "pairs" in names or "attime" in names:
        for label, ds in (("file order", docs), ("shuffled", shuffled)) if "attime" in names else (("file order", docs),):
            for name, (nn, ap) in pairs(ds, gold, k, attime="attime" in names).items():
                print(f"{label}: {name}: nearest of the same roundup {nn:.3f}, pair average precision {ap:.3f}")
    if "density" in names:
        for label, ds in (("file order", docs), ("shuffled", shuffled)):
            for lam, mu in ((0, 0), (1, 0.3), (1, 0.25)):
                print(f"{label}, density off the likeness lam={lam} mu={mu}: {R.fmt(dense_run(ds, gold, dict(lam=lam, mu=mu), k))}")
    if "both" in names:
        od = with_days(docs, days)
        for lam, mu, thr in ((1, 0.3, 0.25), (1, 0.3, 0.2)):
            print(f"oracle day and density lam={lam} mu={mu}, threshold {thr}: {R.fmt(dense_run(od, gold, dict(lam=lam, mu=mu, thr=thr), k))}")


if __name__ == "__main__":
    main()
