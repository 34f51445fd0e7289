"""A bounded revisit after each join, simulated on the replica (docs/stories-notes.md, "Revisiting with every
article in view").

    python3 bench/stories/revisit.py A.json GOLD.json [key=value ...]

The replica groups each article as the engine does; then the story it joined and the candidate stories it
was compared with at `floor` or more (at most `maxs` stories, `maxm` newest members each) are grouped again
from scratch by average linkage over the CSLS likeness (offline.py), with each article's density r read
from every article that arrived before (its mean of the 5 highest likenesses so far: what an engine could
keep), and the region's stories are replaced by that grouping. Per article, in feed order, so analysing in
batches changes nothing; bounded by the candidates, so its cost does not grow with the store.
Options: thr (join, 0.25), rthr (revisit linkage threshold, 0.25), lam (0.5), floor (0.15), maxs (8),
maxm (20), mu (0.3; -1: the mean density of the articles so far, scale-free), mult=1 (the likeness times 1 - lam (mean r of the two / mu - 1): scale-free
with mu=-1), rc=1 (r only from the members the article was compared with, as the
engine reads them: the 5 newest of each candidate story in the window), shuffle=S (shuffle the input, seed S), off=1 (no revisit: the replica).
"""
import collections, heapq, json, os, random, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import replica as R
import offline as O


class Revisit(R.Grouper):
    def __init__(self, opt, S):
        super().__init__(opt)
        self.S = S            # likeness over every pair (offline.likeness), read only for pairs already arrived
        self.top = collections.defaultdict(list)   # article index -> heap of its 5 highest likenesses so far
        self.items = {}
        self.stats = collections.Counter()
        self.rsum = 0.0

    def r(self, i):
        h = self.top[i]
        if self.opt.get("rk"):
            # rank-based: the 5th highest likeness (0 until 5 are known), with mu=0 no offset of the texts' scale
            if len(h) >= 5:
                return h[0]
            # unk=1: a density not known yet counts as dense enough that the pair needs the join threshold
            return (self.opt.get("thr", 0.25) - self.opt.get("rthr", 0.25)) / max(self.opt.get("lam", 0.5), 1e-6) if self.opt.get("unk") else 0.0
        return sum(h) / 5 if h else 0

    def arrive(self, it, compared=None):
        i = it["n"] - 1
        for j, v in self.S[i].items():
            if j in self.items and (compared is None or j in compared):
                for a, b in ((i, j), (j, i)):
                    h = self.top[a]
                    self.rsum -= self.r(a)
                    if len(h) < 5:
                        heapq.heappush(h, v)
                    elif v > h[0]:
                        heapq.heapreplace(h, v)
                    self.rsum += self.r(a)
        self.items[i] = it

    def add(self, it):
        near, compared = [], set()
        for sid in self.candidates(it):
            s = self.stories.get(sid)
            if not s or s["size"] == 0 or not R.inwin(it["pub"], s["first"], s["last"], self.win):
                continue
            near.append((self.score(it, s), sid))
            compared |= {m["n"] - 1 for m in s["members"][: self.k]}
        self.arrive(it, compared if self.opt.get("rc") else None)
        sid = super().add(it)
        if self.opt.get("off"):
            return sid
        floor = self.opt.get("floor", 0.15)
        region = [sid] + [x for v, x in sorted(near, key=lambda p: (-p[0], p[1])) if v >= floor and x != sid and x in self.stories]
        region = list(dict.fromkeys(region))[: int(self.opt.get("maxs", 8))]
        self.regroup(region)
        return self.assign[it["id"]]

    def regroup(self, region):
        maxm = int(self.opt.get("maxm", 20))
        arts = []
        for x in region:
            arts += [m["n"] - 1 for m in self.stories[x]["members"][:maxm]]
        self.stats["regions"] += 1
        self.stats["articles"] += len(arts)
        self.stats["pairs"] += len(arts) * (len(arts) - 1) // 2
        self.stats["largest"] = max(self.stats["largest"], len(arts))
        if len(arts) < 2:
            return
        lam, thr = self.opt.get("lam", 0.5), self.opt.get("rthr", 0.25)
        # mu: 0.3 (the roundups' scale, as ceilings.py) or, with mu=-1, the mean density of the articles so far
        mu = self.opt.get("mu", 0.3)
        if mu < 0:
            mu = self.rsum / len(self.items)
        idx = {a: k for k, a in enumerate(arts)}
        T = [dict() for _ in arts]
        for a in arts:
            for b, v in self.S[a].items():
                if b in idx:
                    if self.opt.get("mult"):
                        # scale-free: the likeness times 1 - lam (relative density - 1)
                        w = v * max(0.0, 1 - lam * (((self.r(a) + self.r(b)) / 2) / max(mu, 1e-6) - 1))
                    else:
                        w = v - lam * ((self.r(a) + self.r(b)) / 2 - mu)
                    if w > 0.02:
                        T[idx[a]][idx[b]] = w
        its = [self.items[a] for a in arts]
        assign = O.agglomerate(its, T, thr, self.opt.get("a", 1.0))
        groups = collections.defaultdict(list)
        for a in arts:
            groups[assign[self.items[a]["id"]]].append(a)
        # members beyond maxm stay in their story; the clusters take the ids of the stories most of them came from
        old = {x: self.stories[x] for x in region}
        rest = {x: [m for m in old[x]["members"][maxm:]] for x in region}
        newsets = sorted(groups.values(), key=lambda g: (-len(g), min(g)))
        taken, plan = set(), []
        for g in newsets:
            votes = collections.Counter(self.assign[self.items[a]["id"]] for a in g)
            sid = next((x for x, _ in sorted(votes.items(), key=lambda p: (-p[1], p[0])) if x not in taken), None)
            if sid is None:
                self.nid += 1; sid = self.nid
            taken.add(sid)
            plan.append((sid, [self.items[a] for a in g]))
        for x in region:
            del self.stories[x]
        for sid, ms in plan:
            ms = ms + rest.get(sid, [])
            self.build(sid, ms)
        for x in region:
            if x not in taken and rest[x]:
                self.build(x, rest[x])

    def build(self, sid, ms):
        ms = sorted(ms, key=lambda m: -m["n"])
        cent = {}
        for m in sorted(ms, key=lambda m: m["n"]):
            for t, w in m["vec"].items():
                cent[t] = cent.get(t, 0) + w
            if len(cent) > 600:
                cent = dict(sorted(cent.items(), key=lambda p: (-p[1], p[0]))[:300])
        pubs = [m["pub"] for m in ms if m["pub"]]
        self.stories[sid] = dict(cent=cent, size=len(ms), first=min(pubs, default=None), last=max(pubs, default=None), members=ms)
        for m in ms:
            self.assign[m["id"]] = sid
            for t in m["lookup"]:
                self.post[t].add(sid)


def run(docs, gold, opt):
    key = {d["id"]: d["source"] for d in docs}
    res = []
    for subset in (None, *R.halves(gold)):
        ds = [d for d in docs if subset is None or d["source"] in subset]
        its = R.vectors(ds, opt)
        S = O.likeness(its, opt)
        g = Revisit(opt, S)
        for it in its:
            g.add(it)
        res.append((R.bcubed(g.assign, {a: b for a, b in gold.items() if subset is None or a in subset}, key), dict(g.assign)))
    return res


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if "=" not in a]
    opt = R.options([a for a in sys.argv[1:] if "=" in a])
    if len(args) < 2:
        sys.exit(__doc__)
    docs = json.load(open(args[0], encoding="utf-8"))["documents"]
    if args[1] == "-":
        # no gold (full texts): story figures, and the pairs together here but not in the replica
        its = R.vectors(docs, opt)
        S = O.likeness(its, opt)
        g = Revisit(opt, S)
        for it in its:
            g.add(it)
        import gap
        print(gap.stories(g.assign), dict(g.stats))
        if opt.get("pairs"):
            b = Revisit(dict(opt, off=1), S)
            for it in its:
                b.add(it)
            by = {d["id"]: d for d in docs}
            grp = collections.defaultdict(list)
            for a, x in g.assign.items():
                grp[x].append(a)
            new = [(p, q) for m in grp.values() for i, p in enumerate(m) for q in m[i + 1:] if b.assign[p] != b.assign[q]]
            bg = collections.defaultdict(list)
            for a, x in b.assign.items():
                bg[x].append(a)
            lost = [(p, q) for m in bg.values() for i, p in enumerate(m) for q in m[i + 1:] if g.assign[p] != g.assign[q]]
            print("pairs together only with the revisit:", len(new), "; only without it:", len(lost))
            for p, q in random.Random(5).sample(lost, min(int(opt["pairs"]), len(lost))):
                print("   lost: %s | %s  //  %s | %s" % ((by[p].get("published") or "")[:10], by[p].get("title"), (by[q].get("published") or "")[:10], by[q].get("title")))
            for p, q in random.Random(5).sample(new, min(int(opt["pairs"]), len(new))):
                for x in (p, q):
                    print("   %s | %s" % ((by[x].get("published") or "")[:10], by[x].get("title")))
                print("  --")
        sys.exit(0)
    gold = json.load(open(args[1], encoding="utf-8"))
    if "shuffle" in opt:
        random.Random(int(opt.pop("shuffle"))).shuffle(docs)
    res = run(docs, gold, opt)
    print(R.fmt([r[0] for r in res]))
