"""Where story grouping loses recall: each article looked at as it arrives, and the gold pairs left apart.

    python3 bench/stories/misses.py A.json GOLD.json [--sample N] [key=value ...]

With the replica (replica.py, same options): for every article that arrives when a story already holds
one of its gold story (its "mates"), why it did or did not join the story holding most of them: joined;
not a candidate (no look-up term leads to it); outside the date window; joined another story it liked
better; held off by the weekday check (its least alike member names other days of the week); held off
by a member of another gold story (the least alike member is not a mate); else pure and below the
threshold, by how far. Then the gold pairs apart at the end, by term cosine, by how many of the two are
dated, by whether they share an entity in 10 articles or fewer, and by a weekday clash; --sample N
prints N of them with their shared terms to read.
"""
import collections, datetime, json, os, random, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import replica as R


def main():
    args = [a for a in sys.argv[1:] if "=" not in a]
    if len(args) < 2:
        sys.exit(__doc__)
    sample = int(args[args.index("--sample") + 1]) if "--sample" in args else 0
    docs = json.load(open(args[0], encoding="utf-8"))["documents"]
    gold = json.load(open(args[1], encoding="utf-8"))
    opt = R.options([a for a in sys.argv[1:] if "=" in a])
    g = {d["id"]: gold[d["source"]] for d in docs}
    grouper = R.Grouper(opt)
    why = collections.Counter()
    for it in R.vectors(docs, opt):
        mates = collections.Counter(grouper.assign[m] for m in grouper.assign if g[m] == g[it["id"]])
        if mates:
            best = max(mates, key=lambda s: (mates[s], -s))
            S = grouper.stories[best]
            sc = grouper.score(it, S)
            least = min(S["members"][: grouper.k], key=lambda m: grouper.member_likeness(it, m))
            in_window = R.inwin(it["pub"], S["first"], S["last"], grouper.win)
            candidate = best in grouper.candidates(it)
            mate = next(m["id"] for m in S["members"] if g[m["id"]] == g[it["id"]])
            if grouper.add(it) == grouper.assign[mate]:
                k = "joined"
            elif not candidate:
                k = "not a candidate (likeness %s)" % (">= thr" if sc >= grouper.thr else "< thr")
            elif not in_window:
                k = "outside the date window"
            elif sc >= grouper.thr:
                k = "joined another story it liked better"
            elif opt.get("wd", 1) and R.clash(it, least):
                k = "held off by the weekday check"
            elif g[least["id"]] != g[it["id"]]:
                k = "held off by a member of another gold story"
            else:
                k = "pure, below the threshold: %s" % ("0.20-" if sc >= 0.2 else "0.15-0.20" if sc >= 0.15 else "0.10-0.15" if sc >= 0.1 else "under 0.10")
            why[k] += 1
        else:
            grouper.add(it)
    print("%d arrivals with a story holding a mate" % sum(why.values()))
    for k, v in why.most_common():
        print("%5d  %s" % (v, k))
    key = {d["id"]: d["source"] for d in docs}
    print("B-cubed P %.3f R %.3f F1 %.3f" % R.bcubed(grouper.assign, gold, key))

    # The gold pairs apart at the end.
    V = {it["id"]: it for it in R.vectors(docs, opt)}
    edf = collections.Counter()
    ents = {}
    for d in docs:
        ents[d["id"]] = {m["entity"] for m in d.get("mentions") or [] if m.get("entity")}
        edf.update(ents[d["id"]])
    ids = [d["id"] for d in docs]
    pairs = [(a, b) for i, a in enumerate(ids) for b in ids[i + 1:] if g[a] == g[b] and grouper.assign[a] != grouper.assign[b]]
    print("\n%d gold pairs apart" % len(pairs))
    table = collections.Counter()
    for a, b in pairs:
        c = R.dot(V[a]["vec"], V[b]["vec"])
        band = "cos <0.1" if c < 0.1 else "cos 0.1-0.2" if c < 0.2 else "cos 0.2-0.3" if c < 0.3 else "cos >=0.3"
        dated = sum(1 for x in (a, b) if V[x]["pub"])
        table[(band, "dated %d of 2" % dated)] += 1
        table[(band, "rare entity shared" if any(edf[e] <= 10 for e in ents[a] & ents[b]) else "no rare entity")] += 1
        table[(band, "weekday clash" if R.clash(V[a], V[b]) else "no clash")] += 1
    for k in sorted(table):
        print("%5d  %s, %s" % (table[k], *k))
    random.seed(7)
    D = {d["id"]: d for d in docs}
    for a, b in random.sample(pairs, min(sample, len(pairs))):
        shared = sorted(set(V[a]["vec"]) & set(V[b]["vec"]), key=lambda t: -V[a]["vec"][t] * V[b]["vec"][t])[:8]
        print("\n--- cos %.3f  %s / %s  days %s %s  shared %s" % (R.dot(V[a]["vec"], V[b]["vec"]), V[a]["pub"], V[b]["pub"],
                                                                  sorted(V[a]["days"]), sorted(V[b]["days"]), shared))
        for x in (a, b):
            print("  [%s] %s | %s" % (D[x].get("outlet"), D[x].get("title"), (D[x].get("text") or "")[:200].replace("\n", " ")))


if __name__ == "__main__":
    main()
