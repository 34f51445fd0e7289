"""Three more leads of issue 18 tried on story grouping (stories10; docs/stories-notes.md).

    python3 bench/stories/tried3.py VARIANT A.json GOLD.json [key=value ...]
    python3 bench/stories/tried3.py VARIANT A.json SRC.jsonl [key=value ...]   (full texts: fulltext.py figures,
                                                                                 the largest story sizes)

VARIANT (each a change to the replica, replica.py):
  base     the replica as it is
  merge    (a) after each join, the joined story looks up other stories by its centroid's `lt` strongest
           terms (60 stories a term, as the join does) and merges each whose centroid cosine is `m` or more
           and whose dates meet: both stories dated and their day ranges within `mw` days of each other
           (`und=1`: a story without dates meets any; `und=2`: a story without dates meets one whose days it
           shares a day of the week with: the days its members name, or the weekdays of a dated story's range; `wd=1` in the merge: the days of the week the 5 newest members of
           one name are not all other than those of the other's, `mwd=1`)
  rareent  (b) a resolved entity's count times `ew` when it was in `rmax` earlier articles or fewer (rare),
           times `fw` otherwise (frequent)
  entonly  (b) the words of a resolved mention are counted as its entity only (not also as plain words):
           a name weighs once, as the entity, and a rare entity through its own frequency
"""
import collections, datetime, json, math, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import replica as R
import fulltext as F


def ent_vectors(docs, opt, mode):
    ew, fw, rmax = opt.get("ew", 2.0), opt.get("fw", 1.0), opt.get("rmax", 5)

    def counts_of(d, o, df):
        counts = collections.defaultdict(float)
        for _, s in R.words(d.get("title") or ""):
            counts[s] += o.get("title", 2)
        text = d.get("text") or ""
        ments = [m for m in d.get("mentions") or [] if m.get("entity")]
        if mode == "entonly":
            chars = list(text)
            for m in ments:
                if m.get("start") is not None and m.get("end") is not None:
                    for i in range(m["start"], min(m["end"], len(chars))):
                        chars[i] = " "
            text = "".join(chars)
        for _, s in R.words(text):
            counts[s] += 1
        for m in ments:
            t = "e:" + m["entity"]
            counts[t] += 1 if mode == "entonly" else (ew if df[t] <= rmax else fw)
        return counts

    def weight(c, df_t, n, o):
        # A count under one (a frequent entity weighed `fw` < 1) scales the IDF instead of a negative log.
        idf = math.log((n + o.get("prior", 1000) + 1.0) / (df_t + 1))
        return (1 + math.log(c)) * idf if c >= 1 else c * idf
    return R.term_vectors(docs, opt, counts_of, weight)


def story_days(S, k=5):
    return set().union(*[m["days"] for m in S["members"][:k]]) if S["members"] else set()


def range_weekdays(S, mw):
    f, l = (datetime.date.fromisoformat(x) for x in (S["first"], S["last"]))
    return {(f + datetime.timedelta(days=i)).isoweekday() for i in range(-int(mw), (l - f).days + int(mw) + 1)}


def days_meet(S, T, mw, und):
    if not (S["first"] and T["first"]):
        if und == 2:
            a, b = story_days(S), story_days(T)
            if S["first"]:
                a = range_weekdays(S, mw)
            if T["first"]:
                b = range_weekdays(T, mw)
            return bool(a & b)
        return bool(und)
    return R.inwin(S["first"], T["first"], T["last"], mw) or R.inwin(S["last"], T["first"], T["last"], mw) \
        or R.inwin(T["first"], S["first"], S["last"], mw)


def weekdays_meet(S, T):
    a, b = story_days(S), story_days(T)
    return not (a and b and not a & b)


MERGES = collections.Counter()


def merge_after(opt):
    m, mw, und, lt, mwd = opt.get("m", 0.5), opt.get("mw", 0), opt.get("und", 0), int(opt.get("lt", 12)), opt.get("mwd", 1)

    def after(g, it, sid, scored):
        while True:
            S = g.stories[sid]
            top = sorted(S["cent"].items(), key=lambda p: (-p[1], p[0]))[:lt]
            cands = set()
            for t, _ in top:
                cands |= set(sorted(g.post[t], reverse=True)[:60])
            best = None
            for o in sorted(cands):
                if o == sid or o not in g.stories:
                    continue
                T = g.stories[o]
                if not days_meet(S, T, mw, und) or (mwd and not weekdays_meet(S, T)):
                    continue
                c = R.cos(S["cent"], T["cent"])
                if c >= m and (best is None or c > best[0]):
                    best = (c, o)
            if best is None:
                return
            MERGES[1] += 1
            sid = g.merge(sid, best[1])
    return after


def setup(variant, opt):
    if variant in ("rareent", "entonly"):
        R.vectors = lambda docs, o: ent_vectors(docs, o, variant)
    return merge_after(opt) if variant == "merge" else None


def sizes(assign):
    c = collections.Counter(assign.values())
    return sorted(c.values(), reverse=True)[:8]


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if "=" not in a]
    if len(args) < 3:
        sys.exit(__doc__)
    opt = R.options([a for a in sys.argv[1:] if "=" in a])
    after = setup(args[0], opt)
    if args[2].endswith(".jsonl"):
        docs, src = F.load(args[1], args[2])
        g = R.Grouper(opt, after=after)
        for it in R.vectors(docs, opt):
            g.add(it)
        print(F.check(docs, src, g.assign), "largest", sizes(g.assign), "merges", MERGES[1])
    else:
        docs = json.load(open(args[1], encoding="utf-8"))["documents"]
        print(R.fmt(R.run(docs, json.load(open(args[2], encoding="utf-8")), opt, after=after)), "merges", MERGES[1])
