#!/usr/bin/env python3
"""Page metadata on WCXB dev against its gold (issue 21's definition):
title equal after case and whitespace folding; author when every gold author's surname is in the
byline and the byline holds nothing else; date when the day is the same (the first ten characters).
Titles fold curly quotes and dashes to ASCII; gold authors are split at commas, "and", "&" and "|";
"--half even|odd" keeps pages whose numeric id is even or odd (even: tuned on, odd: held out, 2026-12-06).
usage: python3 bench/score_metadata.py ANALYSIS.json ../shared/data/extraction/wcxb-dev/articles-gt.json
       [--half even|odd|all] [--explain title|author|date] [--json OUT]"""
import json, re, sys, unicodedata

QUOTES = str.maketrans({'\u2018': "'", '\u2019': "'", '\u201c': '"', '\u201d': '"', '\u2013': '-', '\u2014': '-', '\u00a0': ' '})

def fold(s):
    return re.sub(r'\s+', ' ', unicodedata.normalize('NFKC', s or '').translate(QUOTES)).strip().casefold()

def words(s):
    return re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", unicodedata.normalize('NFKC', s or '').casefold())

def authors(gold):
    parts = re.split(r'\s*(?:,|;|&|\band\b|\|)\s*', gold)
    return [p for p in (x.strip() for x in parts) if p]

def author_ok(pred, gold):
    if not pred:
        return False
    pw = set(words(pred))
    gw = set(words(gold)) | {'and'}
    for a in authors(gold):
        w = words(a)
        if w and w[-1] not in pw:
            return False
    return pw <= gw

def title_ok(pred, gold):
    return bool(pred) and fold(pred) == fold(gold)

def date_ok(pred, gold):
    return bool(pred) and pred[:10] == gold[:10]

def main():
    args = sys.argv[1:]
    half = 'all'; explain = None; out = None
    if '--half' in args:
        i = args.index('--half'); half = args[i + 1]; del args[i:i + 2]
    if '--explain' in args:
        i = args.index('--explain'); explain = args[i + 1]; del args[i:i + 2]
    if '--json' in args:
        i = args.index('--json'); out = args[i + 1]; del args[i:i + 2]
    pred_path, gt_path = args
    a = json.load(open(pred_path))
    docs = {d['id']: d for d in a['documents']}
    for d in a['documents']:
        m = re.search(r'(\d{4})\.html', d.get('source') or '')
        if m:
            docs[m.group(1)] = d
    gt = json.load(open(gt_path))
    keep = lambda k: half == 'all' or (int(k) % 2 == 0) == (half == 'even')
    res = {}
    for field, gkey, pkey, ok in (('title', 'title', 'title', title_ok), ('author', 'author', 'byline', author_ok), ('date', 'published', 'published', date_ok)):
        n = hit = 0
        misses = []
        for k, g in sorted(gt.items()):
            if not keep(k) or not g.get(gkey):
                continue
            n += 1
            p = (docs.get(k) or {}).get(pkey)
            if ok(p, g[gkey]):
                hit += 1
            else:
                misses.append((k, g[gkey], p, (docs.get(k) or {}).get('published_inferred')))
        res[field] = (hit / n if n else 0, hit, n)
        if explain == field:
            for k, gv, pv, inf in misses:
                print(f'{k}\tgold={gv!r}\tsitrep={pv!r}' + ('\tinferred' if inf and field == 'date' else ''))
    print(f"half={half} " + '  '.join(f"{f} {v[0]:.3f} ({v[1]}/{v[2]})" for f, v in res.items()))
    if out:
        json.dump(res, open(out, 'w'))

main()
