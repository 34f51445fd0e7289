"""Join-time density by rank, scale-free (stories8 study).

    python3 bench/stories/gap.py A.json GOLD.json [key=value ...]
    python3 bench/stories/gap.py A.json - [key=value ...]      (no gold: story figures only)

The replica, with each article's k-th highest likeness so far (sigma, as in local scaling, Zelnik-Manor
and Perona 2004), kept from the likenesses the grouper computes anyway (the article against the newest
members of each candidate story; the member gets the article's likeness too). A story whose score is
under `thr` but at least `floor` is joined when the score is at least `rho` times the larger sigma of
the article and of the story's compared members ("its story stands out of its own neighbourhood").
Options beside replica's: floor (0.18), rho (2), kk (5: sigma is the kk-th highest), prec=1 (also
refuse a join at thr or more whose score is under rho_p times sigma), rho_p (1.0), off=1.
"""
import collections, heapq, json, os, random, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import replica as R


class Gap(R.Grouper):
    def __init__(self, opt):
        super().__init__(opt)
        self.top = collections.defaultdict(list)
        self.kk = int(opt.get("kk", 5))
        self.stats = collections.Counter()
        self.log = []

    def push(self, i, v, j=0):
        h = self.top[i]
        cap = self.kk + int(self.opt.get("extra", 0))
        if len(h) < cap:
            heapq.heappush(h, (v, j))
        elif (v, j) > h[0]:
            heapq.heapreplace(h, (v, j))

    def sigma(self, i, skip=()):
        vals = sorted((v for v, j in self.top[i] if j not in skip), reverse=True)
        if len(vals) >= self.kk:
            return vals[self.kk - 1]
        return 0.0 if not self.opt.get("need") else 9.0

    def add(self, it):
        o = self.opt
        if o.get("off"):
            return super().add(it)
        scored, seen = [], {}
        for sid in self.candidates(it):
            s = self.stories.get(sid)
            if not s or s["size"] == 0 or not R.inwin(it["pub"], s["first"], s["last"], self.win):
                continue
            for m in s["members"][: self.k]:
                seen[m["n"]] = self.member_likeness(it, m)
            scored.append((self.score(it, s), sid))
        scored.sort(key=lambda p: (-p[0], p[1]))
        # densities as of before this article (its own from what it was compared with)
        for n, v in seen.items():
            self.push(it["n"], v, n)
        thr, floor, rho = self.thr, o.get("floor", 0.18), o.get("rho", 2.0)
        pick = None
        for sc, sid in scored:
            s = self.stories[sid]
            ms = [m["n"] for m in s["members"][: self.k]]
            skip = set(ms) if o.get("extra") else ()
            sa = self.sigma(it["n"], skip)
            sm = max([self.sigma(n, set(ms)) for n in ms] + [0.0]) if o.get("extra") else max([self.sigma(n) for n in ms] + [0.0])
            sg = max(sa, sm)
            if sc >= thr:
                if o.get("prec") and sc < o.get("rho_p", 1.0) * sg:
                    self.stats["refused"] += 1
                    continue
                pick = sid; break
            if sc >= floor and sc >= rho * sg:
                pick = sid; self.stats["relaxed"] += 1
                if o.get("log"):
                    self.log.append((it, [m for m in s["members"][: self.k]], sc, sg))
                break
            break
        if not o.get("fix"):
            for n, v in seen.items():
                self.push(n, v, it["n"])
        # reuse the replica's join by forcing the threshold for this article
        save = self.thr
        if pick is None:
            self.thr = 9.0
        else:
            self.thr = min(save, dict((b, a) for a, b in scored)[pick] - 1e-9)
        try:
            sid = super().add(it)
        finally:
            self.thr = save
        return sid


def stories(assign):
    c = collections.Counter(assign.values())
    sizes = sorted(c.values(), reverse=True)
    return dict(stories=len(c), in2=sum(s for s in sizes if s >= 2), largest=sizes[0] if sizes else 0)


def main():
    args = [a for a in sys.argv[1:] if "=" not in a]
    opt = R.options([a for a in sys.argv[1:] if "=" in a])
    docs = json.load(open(args[0], encoding="utf-8"))["documents"]
    if "shuffle" in opt:
        random.Random(int(opt.pop("shuffle"))).shuffle(docs)
    if "jitter" in opt:
        # a local shuffle: each article moved by up to `jitter` places (feeds interleaved), seed 1
        rnd = random.Random(int(opt.pop("seed", 1))); w = opt.pop("jitter")
        docs = [d for _, d in sorted(((i + rnd.uniform(0, w), d) for i, d in enumerate(docs)), key=lambda p: p[0])]
    if args[1] == "-":
        its = R.vectors(docs, opt)
        g = Gap(opt)
        for it in its:
            g.add(it)
        print(stories(g.assign), dict(g.stats))
        if opt.get("log"):
            rnd = random.Random(5)
            for it, ms, sc, sg in rnd.sample(g.log, min(int(opt["log"]), len(g.log))):
                print("== %.3f (sigma %.3f)  %s | %s | %s" % (sc, sg, it["pub"], it["doc"].get("source_name") or "", it["doc"].get("title")))
                for m in ms:
                    print("   -> %s | %s" % (m["pub"], m["doc"].get("title")))
        if "dump" in opt:
            json.dump(g.assign, open("/tmp/stories8/assign-%s.json" % os.getpid(), "w"))
        return
    gold = json.load(open(args[1], encoding="utf-8"))
    key = {d["id"]: d["source"] for d in docs}
    res = []
    for subset in (None, *R.halves(gold)):
        ds = [d for d in docs if subset is None or d["source"] in subset]
        g = Gap(opt)
        for it in R.vectors(ds, opt):
            g.add(it)
        res.append(R.bcubed(g.assign, {k: v for k, v in gold.items() if subset is None or k in subset}, key))
    print(R.fmt(res), dict(g.stats) if False else "")


if __name__ == "__main__":
    main()
