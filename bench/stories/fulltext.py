"""A rough second check of story grouping on allsides full texts, which have no story gold (stories9).

    python3 bench/stories/fulltext.py slim A.json OUT.json            (keep what grouping reads: ids, text,
                                                                         entities, times, stories; a 740 MB
                                                                         analysis JSON of 10,000 articles
                                                                         becomes 83 MB)
    python3 bench/stories/fulltext.py engine A.json SRC.jsonl         (the engine's stories in A.json)
    python3 bench/stories/fulltext.py replica A.json SRC.jsonl [key=value ...]

SRC.jsonl is the allsides input (its `topic`, `date`, `source`, `bias` per article; an analysed document's
source is its url + "#" + ID). Figures: stories of 2+ articles, articles in them, the largest; grouped
pairs and the share of them of one AllSides topic (a precision proxy: the topics are coarse and overlap,
"elections", "politics", "white_house", so it is far from 1 even for right pairs); and the proxy pairs, two
articles of one topic dated within 1 day by outlets of different bias (as AllSides sets a story's left,
centre and right reports side by side; many are not one story), with how many of them are grouped (a
recall proxy). Use both only to compare two groupings of the same file.
"""
import collections, datetime, json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import replica as R


def load(path, srcpath):
    docs = json.load(open(path, encoding="utf-8"))["documents"]
    src = {}
    for line in open(srcpath, encoding="utf-8"):
        r = json.loads(line)
        src[r["url"]] = r
        src[r["url"] + "#" + r.get("ID", "")] = r
    return docs, src


def day(v):
    try:
        return datetime.date.fromisoformat((v or "")[:10])
    except ValueError:
        return None


def proxy_pairs(docs, src):
    meta = {d["id"]: src.get(d["source"], {}) for d in docs}
    by = collections.defaultdict(list)
    for d in docs:
        if day(meta[d["id"]].get("date")):
            by[meta[d["id"]].get("topic")].append(d["id"])
    out = []
    for ids in by.values():
        ids.sort(key=lambda x: day(meta[x]["date"]))
        for i, p in enumerate(ids):
            for q in ids[i + 1:]:
                if (day(meta[q]["date"]) - day(meta[p]["date"])).days > 1:
                    break
                if meta[p].get("source") != meta[q].get("source") and meta[p].get("bias") != meta[q].get("bias"):
                    out.append((p, q))
    return out


def check(docs, src, assign):
    meta = {d["id"]: src.get(d["source"], {}) for d in docs}
    grp = collections.defaultdict(list)
    for a, x in assign.items():
        grp[x].append(a)
    multi = [m for m in grp.values() if len(m) > 1]
    pairs = [(p, q) for m in multi for i, p in enumerate(m) for q in m[i + 1:]]
    same = sum(meta[p].get("topic") == meta[q].get("topic") for p, q in pairs)
    prox = proxy_pairs(docs, src)
    got = sum(assign.get(p) is not None and assign.get(p) == assign.get(q) for p, q in prox)
    return dict(stories2=len(multi), in2=sum(map(len, multi)), largest=max(map(len, multi), default=0),
                pairs=len(pairs), topic_share=round(same / max(1, len(pairs)), 3), proxy_pairs=len(prox), proxy_grouped=got)


def slim(path, out):
    a = json.load(open(path, encoding="utf-8"))
    keep = [dict(id=d["id"], source=d["source"], title=d.get("title"), text=d.get("text"), published=d.get("published"),
                 mentions=[dict(entity=m.get("entity"), start=m.get("start"), end=m.get("end"), type=m.get("type")) for m in d.get("mentions") or [] if m.get("entity")],
                 times=[dict(type=t["type"], value=t.get("value")) for t in d.get("times") or []]) for d in a["documents"]]
    st = [dict(id=s["id"], documents=s["documents"]) for s in a.get("stories") or []]
    json.dump(dict(documents=keep, stories=st), open(out, "w", encoding="utf-8"))


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    mode, a, b = sys.argv[1:4]
    if mode == "slim":
        slim(a, b)
    elif mode == "engine":
        docs, src = load(a, b)
        st = json.load(open(a, encoding="utf-8")).get("stories") or []
        print(check(docs, src, {d: s["id"] for s in st for d in s["documents"]}))
    else:
        docs, src = load(a, b)
        opt = R.options(sys.argv[4:])
        g = R.Grouper(opt)
        for it in R.vectors(docs, opt):
            g.add(it)
        print(check(docs, src, g.assign))
