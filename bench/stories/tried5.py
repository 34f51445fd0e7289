"""Pair signals beside the term likeness, each as a bonus to the likeness of article and member, read only from
earlier articles (qa-stories3, 2026-12-06; docs/stories-notes.md).

    python3 bench/stories/tried5.py VARIANT A.json GOLD.json [key=value ...]

On top of the meet merge (tried3.py merge, m 0.3), so `base` gives the engine's figures. VARIANT:
  base      the replica with the meet merge
  entidf    shared resolved entities weighted by their rarity: b times the sum over entities both name, in
            `rmax` earlier articles or fewer, of idf / log(n + prior) (capped at `cap`)
  titlecos  b times the cosine of the two titles (title terms only, IDF from earlier articles) when it is
            `tmin` or more
  dateday   b when both articles are dated within `gd` days of each other (a gate read as a bonus)
  conj      b only when two signals agree: `cj=1` a rare shared entity and a title cosine of `tmin` or more;
            `cj=2` both dated within `gd` days and a title cosine of `tmin` or more; `cj=3` a rare entity and
            both dated within `gd` days
  quote     b when the two share a run of `qn` words inside direct or partial quotes (any speaker)
"""
import collections, datetime, json, math, os, re, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import replica as R
import tried3 as T3


def signals(ds, o):
    """Per article, from earlier articles only: rare entities with their idf, title vector, quote runs."""
    edf, tdf, out, n = collections.Counter(), collections.Counter(), {}, 0
    pr, qn = o.get("prior", 1000), int(o.get("qn", 5))
    for d in ds:
        n += 1
        ents = {m["entity"] for m in d.get("mentions") or [] if m.get("entity")}
        ent = {e: math.log((n + pr + 1.0) / (edf[e] + 1)) / math.log(n + pr + 1.0)
               for e in ents if edf[e] <= o.get("rmax", 5)}
        tc = collections.Counter(s for _, s in R.words(d.get("title") or ""))
        tv = {t: (1 + math.log(c)) * math.log((n + pr + 1.0) / (tdf[t] + 1)) for t, c in tc.items()}
        z = math.sqrt(sum(v * v for v in tv.values())) or 1
        q = set()
        for x in d.get("quotes") or []:
            if x.get("kind") in ("direct", "partial"):
                w = [y.lower() for y in re.findall(r"[A-Za-z0-9']+", x.get("text") or "")]
                q |= {" ".join(w[i:i + qn]) for i in range(len(w) - qn + 1)}
        edf.update(ents); tdf.update(tc.keys())
        pub = R.day(d.get("published"))
        out[d["id"]] = dict(ent=ent, tv={t: v / z for t, v in tv.items()}, q=q,
                            pub=datetime.date.fromisoformat(pub) if pub else None)
    return out


def make_extra(variant, sig, o):
    b, tmin, gd, cj = o.get("b", 0.05), o.get("tmin", 0.25), o.get("gd", 1), int(o.get("cj", 1))

    def rare(x, y):
        return set(x["ent"]) & set(y["ent"])

    def near(x, y):
        return bool(x["pub"] and y["pub"] and abs((x["pub"] - y["pub"]).days) <= gd)

    def extra(it, m):
        x, y = sig[it["id"]], sig[m["id"]]
        if variant == "entidf":
            return b * min(o.get("cap", 2), sum(max(x["ent"][e], y["ent"][e]) for e in rare(x, y)))
        if variant == "titlecos":
            c = R.cos(x["tv"], y["tv"])
            return b * c if c >= tmin else 0
        if variant == "dateday":
            return b if near(x, y) else 0
        if variant == "conj":
            t = R.cos(x["tv"], y["tv"]) >= tmin
            ok = (rare(x, y) and t) if cj == 1 else (near(x, y) and t) if cj == 2 else (rare(x, y) and near(x, y))
            return b if ok else 0
        if variant == "quote":
            return b if x["q"] & y["q"] else 0
        return 0
    return None if variant == "base" else extra


def run(variant, docs, gold, opt):
    key, res = {d["id"]: d["source"] for d in docs}, []
    for subset in (None, *R.halves(gold)):
        ds = [d for d in docs if subset is None or d["source"] in subset]
        g = R.Grouper(opt, make_extra(variant, signals(ds, opt), opt), T3.merge_after(opt))
        for it in R.vectors(ds, opt):
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
    print(variant, " ".join(a for a in sys.argv[1:] if "=" in a), R.fmt(run(variant, docs, gold, opt)))
