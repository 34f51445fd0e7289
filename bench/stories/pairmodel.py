"""How far the signals story grouping could use go when combined: a pairwise model learned on one half.

    python3 bench/stories/pairmodel.py A.json GOLD.json

For every pair of articles of one half (gold stories split at the median id, as replica.py does) that
share a word and may be one story by their dates (dated both: 2 days apart or less), 16 features: the
term likeness the engine uses, weekday clash and shared day, whether dated and how far apart, title
cosine, the title read as a query against the other's words (IDF-weighted share of each title's terms
found in the other article, averaged), entity cosine, shared terms in 5 articles or fewer and in 6-30,
the rarest shared term, cosine of title and first 30 words, a shared event (PLOVER type and participant)
and a shared quote speaker. A logistic regression is learned on each half and read on the other: the
nearest neighbour being of one gold story, and the average precision of the pairs, against the term
likeness with the weekday check; then the replica groups each half with the model's probability as the
likeness to a member (the centroid part unchanged) at thresholds 0.2 / 0.25 / 0.3.
Frequencies are those of the whole set (a little more than the engine knows when an article arrives).
"""
import collections, datetime, json, math, os, random, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import replica as R


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    docs = json.load(open(sys.argv[1], encoding="utf-8"))["documents"]
    gold = json.load(open(sys.argv[2], encoding="utf-8"))
    N = len(docs)
    g = [gold[d["source"]] for d in docs]
    its = R.vectors(docs, {})
    pub = [it["pub"] for it in its]; days = [it["days"] for it in its]; V = [it["vec"] for it in its]
    T = [[s for _, s in R.words(d.get("title") or "")] for d in docs]
    B = [[s for _, s in R.words(d.get("text") or "")] for d in docs]
    E = [["e:" + m["entity"] for m in d.get("mentions") or [] if m.get("entity")] for d in docs]
    df = collections.Counter()
    for i in range(N):
        df.update(set(T[i]) | set(B[i]) | set(E[i]))

    def idf(t):
        return math.log((N + 1) / (df[t] + 0.5))

    def tfidf(terms):
        v = {t: (1 + math.log(c)) * idf(t) for t, c in collections.Counter(terms).items()}
        n = math.sqrt(sum(x * x for x in v.values())) or 1
        return {t: x / n for t, x in v.items()}

    tv = [tfidf(T[i]) for i in range(N)]; ev = [tfidf(E[i]) for i in range(N)]; lv = [tfidf(T[i] + B[i][:30]) for i in range(N)]
    ts = [set(T[i]) for i in range(N)]; al = [set(T[i]) | set(B[i]) for i in range(N)]
    events = [{(e["type"], e[r]) for e in d.get("events") or [] for r in ("actor", "target") if e.get(r)} for d in docs]
    speakers = [{q["speaker"]["entity"] for q in d.get("quotes") or [] if (q.get("speaker") or {}).get("entity")} for d in docs]

    def query(i, j):
        return sum(idf(t) for t in ts[i] if t in al[j]) / (sum(idf(t) for t in ts[i]) or 1)

    def features(i, j):
        c = R.dot(V[i], V[j])
        clash = 1 if days[i] and days[j] and not days[i] & days[j] else 0
        both = 1 if pub[i] and pub[j] else 0
        gap = abs((datetime.date.fromisoformat(pub[i]) - datetime.date.fromisoformat(pub[j])).days) if both else 0
        shared = al[i] & al[j]
        rare = sum(1 for t in shared if df[t] <= 5); mid = sum(1 for t in shared if 5 < df[t] <= 30)
        return [1, c, c * clash, clash, 1 if days[i] & days[j] else 0, both, both * (gap == 0), both * (gap >= 1),
                R.dot(tv[i], tv[j]), (query(i, j) + query(j, i)) / 2, R.dot(ev[i], ev[j]), min(rare, 4) / 4, min(mid, 6) / 6,
                max((idf(t) for t in shared), default=0) / 8, R.dot(lv[i], lv[j]), 1 if events[i] & events[j] else 0,
                1 if speakers[i] & speakers[j] else 0]

    def possible(i, j):
        return not (pub[i] and pub[j]) or abs((datetime.date.fromisoformat(pub[i]) - datetime.date.fromisoformat(pub[j])).days) <= 2

    older, newer = R.halves(gold)
    half = ["o" if d["source"] in older else "n" for d in docs]
    data = {"o": [], "n": []}
    for i in range(N):
        for j in range(i + 1, N):
            if half[i] == half[j] and possible(i, j) and al[i] & al[j]:
                data[half[i]].append(((i, j), features(i, j), 1 if g[i] == g[j] else 0))

    def train(rows, epochs=30, rate=0.1, l2=1e-4):
        w = [0.0] * len(rows[0][1]); rows = list(rows)
        for epoch in range(epochs):
            random.seed(epoch); random.shuffle(rows)
            for _, x, y in rows:
                p = 1 / (1 + math.exp(-max(-30, min(30, sum(a * b for a, b in zip(w, x))))))
                for k in range(len(w)):
                    w[k] -= rate * ((p - y) * x[k] + l2 * w[k])
        return w

    def report(name, rows, score):
        best = {}
        for (i, j), x, y in rows:
            s = score(x)
            for a, b in ((i, j), (j, i)):
                if a not in best or s > best[a][0]:
                    best[a] = (s, b)
        members = [i for i in range(N) if half[i] == half[rows[0][0][0]]]
        nn = sum(1 for i, (s, j) in best.items() if g[i] == g[j]) / len(members)
        ranked = sorted(((score(x), y) for _, x, y in rows), reverse=True)
        tp = ap = 0
        for k, (_, y) in enumerate(ranked, 1):
            if y:
                tp += 1; ap += tp / k
        print("  %-34s nearest neighbour of one story %.3f, average precision %.3f" % (name, nn, ap / tp))

    weights = {h: train(data[h]) for h in ("o", "n")}
    for h, other in (("o", "n"), ("n", "o")):
        print("%s half (model learned on the %s half: %s)" % ({"o": "older", "n": "newer"}[h], {"o": "older", "n": "newer"}[other],
                                                                " ".join("%.2f" % x for x in weights[other])))
        report("term likeness, weekday check", data[h], lambda x: 0 if x[3] else x[1])
        report("learned", data[h], lambda x, w=weights[other]: sum(a * b for a, b in zip(w, x)))

    index = {d["id"]: i for i, d in enumerate(docs)}
    key = {d["id"]: d["source"] for d in docs}
    for thr in (0.2, 0.25, 0.3):
        out = []
        for subset, w in ((older, weights["n"]), (newer, weights["o"])):
            def extra(it, m, w=w):
                i, j = sorted((index[it["id"]], index[m["id"]]))
                p = 1 / (1 + math.exp(-sum(a * b for a, b in zip(w, features(i, j)))))
                return p - R.dot(it["vec"], m["vec"])
            grouper = R.Grouper({"thr": thr, "wd": 0}, extra)
            for it in R.vectors([d for d in docs if d["source"] in subset], {"wd": 0}):
                grouper.add(it)
            out.append(R.bcubed(grouper.assign, {k: v for k, v in gold.items() if k in subset}, key))
        print("grouped with the learned likeness, threshold %.2f: older %.3f (P %.3f R %.3f), newer %.3f (P %.3f R %.3f)"
              % (thr, out[0][2], out[0][0], out[0][1], out[1][2], out[1][0], out[1][1]))


if __name__ == "__main__":
    main()
