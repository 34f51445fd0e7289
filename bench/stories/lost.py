"""Pairs the revisit (stories8, unk=1) parts and joins against the replica on full texts, 12 of each to read.

    python3 bench/stories/lost.py SLIM.json SRC.jsonl   (fulltext.py slim; merges-10k: 156 CPU-s, 1.1 GB)
"""
import collections, json, random, sys
import os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import replica as R, joinlike as J, fulltext as F
docs, src = F.load(sys.argv[1], sys.argv[2])
opt = R.options("rc=1 rk=1 unk=1 mu=0 lam=0.5 rthr=0.15".split())
g = R.Grouper({})
for it in R.vectors(docs, {}): g.add(it)
base = g.assign
new = J.group("revisit", docs, opt)
def pairs(A):
    grp = collections.defaultdict(list)
    for a, x in A.items(): grp[x].append(a)
    return [(p, q) for m in grp.values() for i, p in enumerate(m) for q in m[i + 1:]]
lost = [(p, q) for p, q in pairs(base) if new[p] != new[q]]
gain = [(p, q) for p, q in pairs(new) if base[p] != base[q]]
print("lost", len(lost), "gained", len(gain))
by = {d["id"]: d for d in docs}
for tag, P in (("LOST", lost), ("GAINED", gain)):
    for p, q in random.Random(9).sample(P, min(12, len(P))):
        print(tag)
        for x in (p, q):
            print("   %s | %s | %s" % ((by[x].get("published") or "")[:10], src.get(by[x]["source"], {}).get("topic"), by[x].get("title")))
