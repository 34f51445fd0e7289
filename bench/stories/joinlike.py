"""The regroup after each join scored the way the join scores (stories9; the lead stories8 left: docs/stories-notes.md
"Stories", "Join-like regroups").

    python3 bench/stories/joinlike.py VARIANT A.json GOLD.json [key=value ...]
    python3 bench/stories/joinlike.py VARIANT A.json SRC.jsonl [key=value ...]   (full texts: fulltext.py figures)

Built on revisit.py (same region: the joined story and the candidates scored `floor` or more, at most
`maxs` stories of `maxm` newest members; same density r, rank-based with rk=1: the 5th-highest likeness
so far, unk=1 an unknown one taken as needing the join threshold; rc=1 read from the members compared).
VARIANT:
  merge    the region's stories are never split, only merged, greedily, when their linkage reaches rthr:
           link=0 the average over cross pairs of like - lam r, link=1 as the join scores, cs x (centroid
           cosine - lam mean r) + (1 - cs) x the least cross pair of the newest k (corrected)
  replay   the region's articles filed again in arrival order by the join's own score (centroid share
           and least alike of the newest k, weekday check, window) less lam x the mean r of the article
           and those members, at rthr
  mustlink revisit.py's average-linkage regroup, but two articles of one story whose raw likeness is
           `ml` or more (no weekday clash) are not parted
Options as revisit.py (rthr, lam, mu, rk, unk, rc, floor, maxs, maxm, shuffle=S).
"""
import collections, json, os, random, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import replica as R
import offline as O
import revisit as V
import fulltext as F


class Merge(V.Revisit):
    def regroup(self, region):
        self.stats["regions"] += 1
        lam, thr, k = self.opt.get("lam", 0.5), self.opt.get("rthr", 0.25), self.k

        def corr(a, b):
            return self.S[a].get(b, 0.0) - lam * ((self.r(a) + self.r(b)) / 2)

        def link(x, y):
            X, Y = self.stories[x], self.stories[y]
            for d in (X["first"], X["last"]):
                if d and not R.inwin(d, Y["first"], Y["last"], self.win):
                    return -1
            xa = [m["n"] - 1 for m in X["members"][:k]]
            ya = [m["n"] - 1 for m in Y["members"][:k]]
            vals = [corr(a, b) for a in xa for b in ya]
            if not self.opt.get("link", 0):
                return sum(vals) / len(vals)
            d = lam * sum(self.r(a) for a in xa + ya) / len(xa + ya)
            return self.cs * (R.cos(X["cent"], Y["cent"]) - d) + (1 - self.cs) * min(vals)

        region = [x for x in region if x in self.stories]
        while len(region) > 1:
            best = None
            for i, x in enumerate(region):
                for y in region[i + 1:]:
                    v = link(x, y)
                    if v >= thr and (best is None or v > best[0]):
                        best = (v, x, y)
            if not best:
                break
            self.merge(best[1], best[2])
            region = [z for z in region if z in self.stories]


class Replay(V.Revisit):
    def regroup(self, region):
        maxm = int(self.opt.get("maxm", 20))
        arts = sorted(m["n"] - 1 for x in region for m in self.stories[x]["members"][:maxm])
        if len(arts) < 2:
            return
        lam, thr = self.opt.get("lam", 0.5), self.opt.get("rthr", 0.25)
        cl, assign = [], {}
        for a in arts:
            it, best = self.items[a], None
            for ci, c in enumerate(cl):
                if not R.inwin(it["pub"], c["first"], c["last"], self.win):
                    continue
                ms = c["members"][: self.k]
                vals = [0.0 if self.opt.get("wd", 1) and R.clash(it, self.items[m]) else self.S[a].get(m, 0.0) for m in ms]
                sc = self.cs * R.cos(it["vec"], c["cent"]) + (1 - self.cs) * min(vals)
                sc -= lam * (self.r(a) + sum(self.r(m) for m in ms) / len(ms)) / 2
                if sc >= thr and (best is None or sc > best[0]):
                    best = (sc, ci)
            if best is None:
                cl.append(dict(cent={}, members=[], first=None, last=None))
                ci = len(cl) - 1
            else:
                ci = best[1]
            c = cl[ci]
            for t, w in it["vec"].items():
                c["cent"][t] = c["cent"].get(t, 0) + w
            c["members"].insert(0, a)
            if it["pub"]:
                c["first"] = min(c["first"] or it["pub"], it["pub"])
                c["last"] = max(c["last"] or it["pub"], it["pub"])
            assign[a] = ci
        groups = collections.defaultdict(list)
        for a in arts:
            groups[assign[a]].append(a)
        self.replace(region, list(groups.values()), maxm)

    def replace(self, region, groups, maxm):
        """The region's stories replaced by `groups` (article indexes), ids as revisit.py gives them."""
        rest = {x: self.stories[x]["members"][maxm:] for x in region}
        taken, plan = set(), []
        for g in sorted(groups, key=lambda g: (-len(g), min(g))):
            votes = collections.Counter(self.assign[self.items[a]["id"]] for a in g)
            sid = next((x for x, _ in sorted(votes.items(), key=lambda p: (-p[1], p[0])) if x not in taken), None)
            if sid is None:
                self.nid += 1
                sid = self.nid
            taken.add(sid)
            plan.append((sid, [self.items[a] for a in g]))
        for x in region:
            del self.stories[x]
        for sid, ms in plan:
            self.build(sid, ms + rest.get(sid, []))
        for x in region:
            if x not in taken and rest[x]:
                self.build(x, rest[x])


class MustLink(V.Revisit):
    def regroup(self, region):
        ml = self.opt.get("ml", 0.25)
        orig = O.agglomerate

        def agg(its, T, thr, a=1.0, span=None):
            for x, p in enumerate(its):
                for y, q in enumerate(its):
                    if x != y and self.assign[p["id"]] == self.assign[q["id"]] and self.S[p["n"] - 1].get(q["n"] - 1, 0.0) >= ml \
                            and not (self.opt.get("wd", 1) and R.clash(p, q)):
                        T[x][y] = 100.0   # merged first; once inside one cluster it no longer counts in a linkage
            return orig(its, T, thr, a, span)

        O.agglomerate = agg
        try:
            super().regroup(region)
        finally:
            O.agglomerate = orig


KINDS = dict(merge=Merge, replay=Replay, mustlink=MustLink, revisit=V.Revisit)


def group(kind, docs, opt):
    its = R.vectors(docs, opt)
    g = KINDS[kind](opt, O.likeness(its, opt))
    for it in its:
        g.add(it)
    return g.assign


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if "=" not in a]
    if len(args) < 3 or args[0] not in KINDS:
        sys.exit(__doc__)
    opt = R.options([a for a in sys.argv[1:] if "=" in a])
    if args[2].endswith(".jsonl"):
        docs, src = F.load(args[1], args[2])
        print(F.check(docs, src, group(args[0], docs, opt)))
        sys.exit(0)
    docs = json.load(open(args[1], encoding="utf-8"))["documents"]
    gold = json.load(open(args[2], encoding="utf-8"))
    if "shuffle" in opt:
        random.Random(int(opt.pop("shuffle"))).shuffle(docs)
    key = {d["id"]: d["source"] for d in docs}
    res = []
    for subset in (None, *R.halves(gold)):
        ds = [d for d in docs if subset is None or d["source"] in subset]
        res.append(R.bcubed(group(args[0], ds, opt), {a: b for a, b in gold.items() if subset is None or a in subset}, key))
    print(R.fmt(res))
