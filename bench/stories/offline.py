"""Offline groupings of the roundups, every article visible at once (docs/stories-notes.md, "Revisiting with
every article in view").

    python3 bench/stories/offline.py A.json GOLD.json [METHOD ...] [key=value ...]

The likeness is the replica's (replica.py): the cosine of two articles' term vectors, 0 when they name
different days of the week (the weekday check), and no link when both are dated more than `win` days
apart. What differs is that every article is seen at once, so a grouping can use neighbours that an
incremental grouper has not met yet. METHOD (default: all):
  avg      agglomerative, average linkage (UPGMA over the pairs; pairs not linked count 0), stop at thr
  mix      agglomerative, linkage = a * average + (1 - a) * least alike pair (complete), stop at thr
  hdb      HDBSCAN*-like flat cut: single linkage over the mutual reachability likeness
           min(like, core(a), core(b)), core = the k-th highest likeness of an article, cut at thr
  mknn     components of the mutual k-nearest-neighbour graph with likeness >= thr
  lp       label propagation (weighted, deterministic sweep by article key) over links >= thr
  csls     average linkage over the CSLS likeness 2 like - r(a) - r(b) (r the mean of the 5 highest)
Vectors: `final=1` weighs terms by the document frequencies of the whole (sub)set, as a revisit at the
end would (order-free); `final=0` as each article had them when it arrived (the engine's).
Each configuration prints whole / older / newer B-cubed F1 (replica.halves), and the sweeps pick the
threshold on one half and report it on the other. `shuffle=S` shuffles the input first (seed S).
"""
import collections, datetime, heapq, itertools, json, math, os, random, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import replica as R


def vectors_final(docs, opt):
    """Vectors with the document frequencies of every article of the set (not as of arrival)."""
    counts_all = []
    df = collections.Counter()
    for d in docs:
        counts = R.base_counts(d, opt)
        counts_all.append(counts)
        for t in counts:
            df[t] += 1
    n = len(docs)
    out = []
    for i, (d, counts) in enumerate(zip(docs, counts_all)):
        ws = {}
        for t, c in counts.items():
            w = R.log_tf_idf(c, df[t], n, opt)
            if w > 0:
                ws[t] = w
        out.append(R.item(d, i + 1, ws))
    return out


def gap(a, b):
    if a is None or b is None:
        return 0
    return abs((datetime.date.fromisoformat(a) - datetime.date.fromisoformat(b)).days)


def likeness(its, opt):
    """Sparse symmetric likeness {i: {j: v}} over pairs with a shared term, weekday check and window applied."""
    post = collections.defaultdict(list)
    for i, it in enumerate(its):
        for t, w in it["vec"].items():
            post[t].append((i, w))
    S = [dict() for _ in its]
    win = opt.get("win", 2)
    for i, it in enumerate(its):
        acc = collections.defaultdict(float)
        for t, w in it["vec"].items():
            for j, w2 in post[t]:
                if j > i:
                    acc[j] += w * w2
        for j, v in acc.items():
            if gap(it["pub"], its[j]["pub"]) > win:
                continue
            if opt.get("wd", 1) and R.clash(it, its[j]):
                v = 0.0
            if v > 0.02:
                S[i][j] = v
                S[j][i] = v
    return S


def top_mean(vals, k):
    top = heapq.nlargest(k, vals)
    return sum(top) / k if top else 0


def agglomerate(its, S, thr, a=1.0, span=None):
    """Greedy agglomeration; linkage a * average + (1 - a) * least pair (pairs without a link count 0).
    Ties broken by the smaller keys (article source), so the result does not depend on input order.
    span: a cluster's dated members may lie at most this many days apart."""
    n = len(its)
    key = [it["doc"]["source"] for it in its]
    members = {i: [i] for i in range(n)}
    first = {i: its[i]["pub"] for i in range(n)}
    last = dict(first)
    tot = {i: dict() for i in range(n)}   # sum of likeness over pairs
    cnt = {i: dict() for i in range(n)}   # pairs linked
    mn = {i: dict() for i in range(n)}    # least linked pair
    for i in range(n):
        for j, v in S[i].items():
            tot[i][j] = v; cnt[i][j] = 1; mn[i][j] = v
    ver = [0] * n
    ck = {i: key[i] for i in range(n)}  # a cluster's smallest key

    def link(x, y):
        na, nb = len(members[x]), len(members[y])
        pairs = na * nb
        avg = tot[x][y] / pairs
        least = mn[x][y] if cnt[x][y] == pairs else 0.0
        return a * avg + (1 - a) * least

    heap = []

    def push(x, y):
        if x > y:
            x, y = y, x
        v = link(x, y)
        if v >= thr:
            heapq.heappush(heap, (-v, min(ck[x], ck[y]), max(ck[x], ck[y]), x, y, ver[x], ver[y]))

    for i in range(n):
        for j in S[i]:
            if i < j:
                push(i, j)
    while heap:
        v, _, _, x, y, vx, vy = heapq.heappop(heap)
        if x not in members or y not in members or ver[x] != vx or ver[y] != vy:
            continue
        if span is not None:
            f = min(filter(None, [first[x], first[y]]), default=None)
            l = max(filter(None, [last[x], last[y]]), default=None)
            if f and l and gap(f, l) > span:
                continue
        # merge y into x
        members[x] += members.pop(y)
        first[x] = min(filter(None, [first[x], first[y]]), default=None)
        last[x] = max(filter(None, [last[x], last[y]]), default=None)
        ck[x] = min(ck[x], ck[y])
        for z in list(tot[y]):
            if z == x:
                continue
            tot[x][z] = tot[x].get(z, 0) + tot[y][z]
            c = cnt[x].get(z, 0) + cnt[y][z]
            m = min(mn[x].get(z, 9), mn[y][z])
            cnt[x][z] = c; mn[x][z] = m
            tot[z][x] = tot[x][z]; cnt[z][x] = c; mn[z][x] = m
            del tot[z][y], cnt[z][y], mn[z][y]
        tot[x].pop(y, None); cnt[x].pop(y, None); mn[x].pop(y, None)
        del tot[y], cnt[y], mn[y]
        ver[x] += 1
        for z in tot[x]:
            push(x, z)
    out = {}
    for c, ms in members.items():
        for i in ms:
            out[its[i]["id"]] = c
    return out


class UF:
    def __init__(self, n):
        self.p = list(range(n))

    def find(self, x):
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a, b):
        a, b = self.find(a), self.find(b)
        if a != b:
            self.p[max(a, b)] = min(a, b)


def hdb(its, S, thr, k=3):
    core = [sorted(S[i].values(), reverse=True)[k - 1] if len(S[i]) >= k else 0 for i in range(len(its))]
    uf = UF(len(its))
    for i in range(len(its)):
        for j, v in S[i].items():
            if min(v, core[i], core[j]) >= thr:
                uf.union(i, j)
    return {its[i]["id"]: uf.find(i) for i in range(len(its))}


def mknn(its, S, thr, k=2):
    key = [it["doc"]["source"] for it in its]
    nn = [set(j for j, _ in sorted(S[i].items(), key=lambda p: (-p[1], key[p[0]]))[:k]) for i in range(len(its))]
    uf = UF(len(its))
    for i in range(len(its)):
        for j in nn[i]:
            if i in nn[j] and S[i][j] >= thr:
                uf.union(i, j)
    return {its[i]["id"]: uf.find(i) for i in range(len(its))}


def lp(its, S, thr, rounds=20):
    key = [it["doc"]["source"] for it in its]
    order = sorted(range(len(its)), key=lambda i: key[i])
    lab = {i: key[i] for i in range(len(its))}
    for _ in range(rounds):
        changed = 0
        for i in order:
            w = collections.defaultdict(float)
            for j, v in S[i].items():
                if v >= thr:
                    w[lab[j]] += v
            if not w:
                continue
            best = max(w.items(), key=lambda p: (p[1], p[0]))[0]
            if best != lab[i]:
                lab[i] = best; changed += 1
        if not changed:
            break
    return {its[i]["id"]: lab[i] for i in range(len(its))}


def csls(its, S, k=5, lam=1.0):
    r = [top_mean(S[i].values(), k) for i in range(len(its))]
    T = [dict() for _ in its]
    for i in range(len(its)):
        for j, v in S[i].items():
            w = v - lam * ((r[i] + r[j]) / 2 - 0.3)
            if w > 0.02:
                T[i][j] = w
    return T


def evaluate(docs, gold, method, opt, cache):
    key = {d["id"]: d["source"] for d in docs}
    res = []
    for name, subset in zip(("whole", "older", "newer"), (None, *R.halves(gold))):
        ck = (name, opt.get("final", 1), opt.get("wd", 1), opt.get("win", 2))
        if ck not in cache:
            ds = [d for d in docs if subset is None or d["source"] in subset]
            its = vectors_final(ds, opt) if opt.get("final", 1) else R.vectors(ds, opt)
            cache[ck] = (its, likeness(its, opt))
        its, S = cache[ck]
        thr = opt["thr"]
        if method == "avg":
            assign = agglomerate(its, S, thr, 1.0, opt.get("span"))
        elif method == "mix":
            assign = agglomerate(its, S, thr, opt.get("a", 0.5), opt.get("span"))
        elif method == "hdb":
            assign = hdb(its, S, thr, int(opt.get("k", 3)))
        elif method == "mknn":
            assign = mknn(its, S, thr, int(opt.get("k", 2)))
        elif method == "lp":
            assign = lp(its, S, thr)
        elif method == "csls":
            assign = agglomerate(its, csls(its, S, 5, opt.get("lam", 1.0)), thr, opt.get("a", 1.0), opt.get("span"))
        res.append((R.bcubed(assign, {a: b for a, b in gold.items() if subset is None or a in subset}, key), assign))
    return res


GRID = {
    "avg": [dict(thr=t) for t in (0.08, 0.1, 0.12, 0.14, 0.16, 0.18, 0.2, 0.22, 0.25)],
    "mix": [dict(thr=t, a=a) for a in (0.5, 0.75) for t in (0.1, 0.12, 0.15, 0.18, 0.2, 0.25)],
    "hdb": [dict(thr=t, k=k) for k in (1, 2, 3) for t in (0.2, 0.25, 0.3, 0.35, 0.4)],
    "mknn": [dict(thr=t, k=k) for k in (1, 2, 3) for t in (0.1, 0.15, 0.2, 0.25)],
    "lp": [dict(thr=t) for t in (0.15, 0.2, 0.25, 0.3, 0.35)],
    "csls": [dict(thr=t, lam=l) for l in (0.5, 1.0) for t in (0.05, 0.08, 0.1, 0.12, 0.15, 0.18, 0.2)],
}


def main():
    args = [a for a in sys.argv[1:] if "=" not in a]
    base = R.options([a for a in sys.argv[1:] if "=" in a])
    if len(args) < 2:
        sys.exit(__doc__)
    docs = json.load(open(args[0], encoding="utf-8"))["documents"]
    gold = json.load(open(args[1], encoding="utf-8"))
    if "shuffle" in base:
        random.Random(int(base.pop("shuffle"))).shuffle(docs)
    methods = args[2:] or list(GRID)
    cache = {}
    for method in methods:
        rows = []
        grid = [dict(base)] if "thr" in base else [dict(base, **g) for g in GRID[method]]
        for opt in grid:
            res = evaluate(docs, gold, method, opt, cache)
            f = [r[0][2] for r in res]
            rows.append((opt, f))
            shown = {k: v for k, v in opt.items() if k not in base or k == "thr"}
            print(f"{method} {shown}: {f[0]:.3f} / {f[1]:.3f} / {f[2]:.3f}   (whole P {res[0][0][0]:.3f} R {res[0][0][1]:.3f})", flush=True)
        if len(rows) > 1:
            po = max(rows, key=lambda r: r[1][1]); pn = max(rows, key=lambda r: r[1][2])
            print(f"  {method}: picked on older {po[0]} -> newer {po[1][2]:.3f} (whole {po[1][0]:.3f}); "
                  f"picked on newer {pn[0]} -> older {pn[1][1]:.3f} (whole {pn[1][0]:.3f})", flush=True)


if __name__ == "__main__":
    main()
