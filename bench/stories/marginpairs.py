"""Pairs at the margin (term cosine 0.1-0.25, not dated more than 2 days apart): how many are of one roundup
and how many not, with each pair signal (qa-stories3, 2026-12-06; docs/stories-notes.md).

    python3 bench/stories/marginpairs.py A.json GOLD.json
"""
import json, sys, collections, math, re, datetime, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import replica as R
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'missed.py')).read().split("rows = []")[0].replace("a = json.load(open(sys.argv[1])); gold = json.load(open(sys.argv[2]))", "a = json.load(open(sys.argv[1])); gold = json.load(open(sys.argv[2]))"))
lab = {d['id']: gold.get(d['source']) for d in docs}
pub = {d['id']: (datetime.date.fromisoformat(d['published'][:10]) if d['published'] not in (None, 'None') else None) for d in docs}
topent = {i: (e.most_common(1)[0][0] if e else None) for i, e in ents.items()}
ids = [d['id'] for d in docs]
inv = collections.defaultdict(set)
for i in ids:
    for t in V[i]: inv[t].add(i)
stat = collections.defaultdict(lambda: [0, 0])
for x, i in enumerate(ids):
    cands = set()
    for t in V[i]:
        if df[t] <= 300: cands |= inv[t]
    for j in cands:
        if j <= i: continue
        if pub[i] and pub[j] and abs((pub[i] - pub[j]).days) > 2: continue
        c = R.cos(V[i], V[j])
        if not (0.1 <= c < 0.25): continue
        same = lab[i] == lab[j]
        band = 'c.10-.15' if c < .15 else 'c.15-.20' if c < .2 else 'c.20-.25'
        tc = R.cos(TV[i], TV[j])
        se = set(ents[i]) & set(ents[j])
        ridf = max([math.log(N / edf[e]) for e in se], default=0)
        feats = {'all': True, 'tcos>=.25': tc >= .25, 'tcos>=.4': tc >= .4, 'rareent<=5': any(edf[e] <= 5 for e in se),
                 'rareent<=2': any(edf[e] <= 2 for e in se), 'sumidf>=8': sum(math.log(N / edf[e]) for e in se) >= 8,
                 'topent same': topent[i] is not None and topent[i] == topent[j],
                 'both dated gap<=1': bool(pub[i] and pub[j] and abs((pub[i] - pub[j]).days) <= 1),
                 'quote4gram': bool(Q[i] & Q[j]), 'tcos>=.25&rare': tc >= .25 and any(edf[e] <= 5 for e in se),
                 'tcos>=.25&dated': tc >= .25 and bool(pub[i] and pub[j])}
        for f, v in feats.items():
            if v:
                stat[(band, f)][0 if same else 1] += 1
                stat[('any', f)][0 if same else 1] += 1
for k in sorted(stat):
    s, o = stat[k]
    print('%-10s %-20s same %5d other %6d  ratio %.3f' % (k[0], k[1], s, o, s / max(1, s + o)))
