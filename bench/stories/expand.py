"""Document expansion (pseudo-relevance feedback) for story grouping (qa-stories3, 2026-12-06; docs/stories-notes.md):
each article's vector gets lam times the likeness-weighted mean of its k most alike earlier articles (likeness `floor`
or more), renormalised; the grouper (replica with the meet merge) then runs at the threshold thr.

    python3 bench/stories/expand.py A.json GOLD.json SEEDS lam,k,floor,thr ...

SEEDS: comma-separated shuffle seeds, 0 for file order.
"""
import json, sys, random, math, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import replica as R, tried3 as T3
docs0 = json.load(open(sys.argv[1]))["documents"]; gold = json.load(open(sys.argv[2]))
base_vectors = R.term_vectors
def make(lam, k, floor):
    def vectors(docs, o):
        items = base_vectors(docs, o)
        if lam == 0: return items
        prev = []
        for it in items:
            v = it["vec"]
            sims = sorted(((R.dot(v, p), p) for p in prev), key=lambda x: -x[0])[:k]
            sims = [(s, p) for s, p in sims if s >= floor]
            orig = dict(v)
            if sims:
                tot = sum(s for s, _ in sims)
                e = dict(v)
                for s, p in sims:
                    for t, w in p.items():
                        e[t] = e.get(t, 0) + lam * s / tot * w
                z = math.sqrt(sum(w * w for w in e.values()))
                it["vec"] = {t: w / z for t, w in e.items()}
            prev.append(orig)
        return items
    return vectors
for seed in [int(x) for x in sys.argv[3].split(",")]:
    docs = list(docs0)
    if seed: random.Random(seed).shuffle(docs)
    for spec in sys.argv[4:]:
        lam, k, floor, thr = [float(x) for x in spec.split(",")]
        R.vectors = make(lam, int(k), floor)
        opt = {"m": 0.3, "thr": thr}
        key, res = {d["id"]: d["source"] for d in docs}, []
        for subset in (None, *R.halves(gold)):
            ds = [d for d in docs if subset is None or d["source"] in subset]
            g = R.Grouper(opt, None, T3.merge_after(opt))
            for it in R.vectors(ds, opt): g.add(it)
            res.append(R.bcubed(g.assign, {kk: v for kk, v in gold.items() if subset is None or kk in subset}, key))
        print("seed", seed, "lam,k,floor", spec, R.fmt(res), flush=True)
