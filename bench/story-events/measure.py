"""Story-event merging on an analysed story set (the analysis JSON of `sitrep analyze`).

    python3 bench/story-events/measure.py A.json                 counts
    python3 bench/story-events/measure.py A.json --sample N      and N events in 2+ articles and N duplicate candidates to read
    python3 bench/story-events/measure.py A.json --actors        and every event whose reports name two actors or more
    python3 bench/story-events/measure.py A.json --diff B.json   events of A that B does not have and back (same inputs)

Counts, over the stories of two articles or more: story events, those listing reports from two
articles or more, events whose reports name two different actors or more, and duplicate candidates:
pairs of one story's events of one type, on overlapping days, sharing a participant and listing
different articles (either one event told twice, or two similar events: read them to tell).
"""
import json, random, sys

def load(path):
    a = json.load(open(path, encoding="utf-8"))
    docs = {d["id"]: d for d in a["documents"]}
    names = {e["id"]: e["name"] for e in a["entities"]}
    return a, docs, names

def interval(e):
    d = e.get("date")
    if isinstance(d, dict): return d["from"], d["to"]
    if isinstance(d, str) and len(d) >= 10: return d[:10], d[:10]
    return None

def main():
    args = sys.argv[1:]
    if not args: sys.exit(__doc__)
    a, docs, names = load(args[0])
    def report(r):
        d = docs[r["document"]]
        return d, next(x for x in d["events"] if x["id"] == r["event"])
    def show(e):
        print(f"  {e['type']} {e.get('date')} {[names.get(p, p) for p in e['participants']][:5]}")
        for r in e["reports"]:
            d, ev = report(r)
            print(f"     {r['document'][:14]} {ev['cue']['text']!r} {ev.get('date')} actor={names.get(ev.get('actor'))} "
                  f"target={names.get(ev.get('target'))} | {d['text'][ev['start']:ev['end']][:200]!r}")
    stories = [s for s in a["stories"] if len(s["documents"]) >= 2]
    events = [(s, e) for s in stories for e in s["events"]]
    multi = [(s, e) for s, e in events if len({r["document"] for r in e["reports"]}) >= 2]
    actors = [(s, e) for s, e in events if len({report(r)[1].get("actor") for r in e["reports"]} - {None}) >= 2]
    cand = []
    for s in stories:
        evs = s["events"]
        for i in range(len(evs)):
            for j in range(i + 1, len(evs)):
                x, y = evs[i], evs[j]
                p, q = interval(x), interval(y)
                if x["type"] != y["type"] or not set(x["participants"]) & set(y["participants"]) or not p or not q:
                    continue
                if p[0] <= q[1] and q[0] <= p[1] and {r["document"] for r in x["reports"]} != {r["document"] for r in y["reports"]}:
                    cand.append((x, y))
    print(f"stories (2+ articles) {len(stories)}  story events {len(events)} ({len(events) / max(1, len(stories)):.2f} per story)  "
          f"in 2+ articles {len(multi)}  naming 2+ actors {len(actors)}  duplicate candidates {len(cand)}")
    if "--sample" in args:
        n = int(args[args.index("--sample") + 1])
        rnd = random.Random(7)
        print("=== events in 2+ articles")
        for s, e in rnd.sample(multi, min(n, len(multi))): show(e)
        print("=== duplicate candidates")
        for x, y in rnd.sample(cand, min(n, len(cand))): print("--"); show(x); show(y)
    if "--actors" in args:
        print("=== events whose reports name 2+ actors")
        for s, e in actors: print("--"); show(e)
    if "--diff" in args:
        b, _, _ = load(args[args.index("--diff") + 1])
        def keys(x):
            return {(e["type"], str(e.get("date")), tuple(sorted((r["document"], r["event"]) for r in e["reports"]))): e
                    for s in x["stories"] for e in s["events"]}
        ka, kb = keys(a), keys(b)
        print(f"=== only in {args[0]}: {len(ka.keys() - kb.keys())}")
        for k in sorted(ka.keys() - kb.keys()): show(ka[k])
        print(f"=== only in the other: {len(kb.keys() - ka.keys())} (shown with this file's texts)")
        for k in sorted(kb.keys() - ka.keys()):
            if all(r["document"] in docs for r in kb[k]["reports"]): show(kb[k])

if __name__ == "__main__":
    main()
