"""Why articles of one roundup stay outside its story (qa-stories3, 2026-12-06; docs/stories-notes.md).

    python3 bench/stories/missed.py A.json GOLD.json ROWS.json

An article is missed when it is not in the story holding most of its roundup (all apart: each against the
first). For each: the term cosine (TF-IDF of the whole set) and title cosine to the nearest mate, shared
resolved entities (rare: in 5 articles or fewer), whether its most-named entity is a mate's, dates, a shared
run of 4 quoted words, length, language; counts printed, rows written to ROWS.json for reading.
"""
import json, sys, collections, math, re, os, random
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import replica as R
a = json.load(open(sys.argv[1])); gold = json.load(open(sys.argv[2]))
docs = a['documents']; byid = {d['id']: d for d in docs}
pred = {}
for s in a['stories']:
    for x in s['documents']: pred[x] = s['id']
for d in docs: pred.setdefault(d['id'], 'solo:' + d['id'])
g = collections.defaultdict(list)
for d in docs:
    if d['source'] in gold: g[gold[d['source']]].append(d['id'])
# whole-set tfidf
opt = {}
cnt = {d['id']: R.base_counts(d, opt) for d in docs}
df = collections.Counter(); [df.update(c.keys()) for c in cnt.values()]
N = len(docs)
def vec(c):
    v = {t: (1 + math.log(n)) * math.log((N + 1) / (df[t])) for t, n in c.items()}
    z = math.sqrt(sum(x * x for x in v.values())) or 1
    return {t: x / z for t, x in v.items()}
V = {i: vec(c) for i, c in cnt.items()}
TV = {d['id']: vec(collections.Counter(s for _, s in R.words(d.get('title') or ''))) for d in docs}
edf = collections.Counter()
ents = {}
for d in docs:
    e = collections.Counter(m['entity'] for m in d.get('mentions') or [] if m.get('entity'))
    ents[d['id']] = e; edf.update(e.keys())
def qgrams(d, n=4):
    out = set()
    for q in d.get('quotes') or []:
        if q.get('kind') in ('direct', 'partial'):
            w = [x.lower() for x in re.findall(r"[A-Za-z0-9']+", q.get('text') or '')]
            out |= {' '.join(w[i:i + n]) for i in range(len(w) - n + 1)}
    return out
Q = {d['id']: qgrams(d) for d in docs}
rows = []
for lab, ids in g.items():
    c = collections.Counter(pred[i] for i in ids)
    top, k = c.most_common(1)[0]
    if k == len(ids): continue
    if k == 1:  # all apart: take each pair
        main = ids[:1]
    else:
        main = [i for i in ids if pred[i] == top]
    for i in ids:
        if i in main: continue
        d = byid[i]
        cos = max(R.cos(V[i], V[j]) for j in main)
        tcos = max(R.cos(TV[i], TV[j]) for j in main)
        se = set(ents[i]) & set().union(*[set(ents[j]) for j in main])
        rare = [e for e in se if edf[e] <= 5]
        topi = ents[i].most_common(1)[0][0] if ents[i] else None
        topm = [ents[j].most_common(1)[0][0] if ents[j] else None for j in main]
        pubs = [byid[j]['published'] for j in main if byid[j]['published'] not in (None, 'None')]
        gap = None
        if d['published'] not in (None, 'None') and pubs:
            import datetime
            gap = min(abs((datetime.date.fromisoformat(d['published'][:10]) - datetime.date.fromisoformat(p[:10])).days) for p in pubs)
        sq = any(Q[i] & Q[j] for j in main)
        nw = len((d.get('text') or '').split())
        rows.append(dict(id=i, lab=lab, cos=cos, tcos=tcos, rare=len(rare), shared=len(se), topsame=topi in topm,
                         gap=gap, dated=d['published'] not in (None, 'None'), sq=sq, nw=nw, lang=d.get('language'),
                         title=d.get('title'), mt=byid[main[0]].get('title')))
print('missed articles', len(rows))
def b(x): return '<0.1' if x < .1 else '0.1-0.2' if x < .2 else '0.2-0.25' if x < .25 else '>=0.25'
print('cos', collections.Counter(b(r['cos']) for r in rows))
print('title cos', collections.Counter(b(r['tcos']) for r in rows))
print('shared rare ent(df<=5)', collections.Counter(min(r['rare'], 2) for r in rows))
print('shared any ent', collections.Counter(min(r['shared'], 3) for r in rows))
print('top entity same', collections.Counter(r['topsame'] for r in rows))
print('dated/gap', collections.Counter((r['dated'], r['gap'] if r['gap'] is None or r['gap'] < 3 else '3+') for r in rows))
print('shared quote 4-gram', collections.Counter(r['sq'] for r in rows))
print('short text (<60 words)', collections.Counter(r['nw'] < 60 for r in rows))
print('lang', collections.Counter(r['lang'] for r in rows))
json.dump(rows, open(sys.argv[3], 'w'), indent=0)
