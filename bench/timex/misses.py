#!/usr/bin/env python3
"""Lists every value miss of a Sitrep analysis against a TBAQ gold file (make_timex_set.py), by kind,
scored exactly as score_timex.py scores (value F1: a gold expression counts when a prediction that
overlaps it has the same value string; a prediction counts when a gold expression it overlaps has its
value; type, mod and anchor are not compared; a {"from","to"} value counts as its "value").
Prints the figures overall and per half (TimeBank = wsj_/ea/ed/..., AQUAINT = APW/NYT/XIE ids from the
data's AQUAINT folder), a count per kind and half, and with --list every miss.
usage: misses.py ANALYSIS.json GOLD.json [AQUAINT_DIR] [--list] [--kind KIND]"""
import json, os, re, sys
from collections import Counter, defaultdict
from tbaq_io import aquaint_ids, documents_by_id, predicted

WEEKDAY = re.compile(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day", re.I)
POD = re.compile(r"T(MO|AF|EV|NI|DT)$")

def shape(v):
    if v is None: return "none"
    if v.startswith("P"): return "duration"
    if v.endswith("_REF"): return "ref"
    if re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d(:\d\d)*", v): return "time"
    if POD.search(v): return "pod"
    if re.fullmatch(r"\d{4}-\d\d-\d\d", v): return "day"
    if re.fullmatch(r"\d{4}-W\d+(-WE)?", v): return "week"
    if re.fullmatch(r"\d{4}-\d\d", v): return "month"
    if re.fullmatch(r"\d{4}-Q\d", v): return "quarter"
    if re.fullmatch(r"\d{4}-(H\d|SU|WI|FA|SP)", v): return "halfseason"
    if re.fullmatch(r"\d{4}", v): return "year"
    if re.fullmatch(r"\d{2,3}", v): return "decade"
    if "X" in v: return "underspecified"
    return "other"

def kind(g, p, txt, gtype):
    """g gold value, p our value (the first overlapping), txt the gold text."""
    sg, sp = shape(g), shape(p)
    if gtype == "SET" or (p and p.startswith("XXXX-WXX")): return "set"
    if sg == "duration" and sp != "duration": return "gold duration, ours date/ref"
    if sp == "duration" and sg != "duration": return "gold date/ref, ours duration"
    if sg == "duration": return "duration length/unit"
    if sg == "ref" or sp == "ref": return "ref (PRESENT/PAST/FUTURE_REF)"
    if "X" in g and "X" not in (p or ""): return "gold underspecified"
    if "X" in (p or "") and "X" not in g: return "ours underspecified"
    if sg == "pod" or sp == "pod":
        if g[:10] == (p or "")[:10]: return "part of day"
        return "part of day + wrong day"
    if sg == "day" and sp == "day" and WEEKDAY.search(txt):
        from datetime import date
        d = (date.fromisoformat(g) - date.fromisoformat(p)).days
        return "weekday a week off" if abs(d) == 7 else "weekday other day"
    if sg != sp:
        if (sg, sp) in (("week", "month"), ("month", "week"), ("week", "day"), ("day", "week")): return "week granularity"
        if "quarter" in (sg, sp): return "quarter granularity"
        if "decade" in (sg, sp): return "decade"
        return "granularity"
    if sg == "quarter": return "quarter anchor"
    if sg == "year" and g[:3] == p[:3]: return "year anchor"
    return "wrong anchor (" + sg + ")"

def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    only = None
    if "--kind" in sys.argv: only = sys.argv[sys.argv.index("--kind") + 1]; args = [a for a in args if a != only]
    if len(args) < 2: sys.exit(__doc__)
    a = json.load(open(args[0], encoding="utf-8")); gold = json.load(open(args[1], encoding="utf-8"))
    aquaint = aquaint_ids(args)
    half = lambda did: "AQUAINT" if did in aquaint else "TimeBank"
    docs = documents_by_id(a)
    tallies = defaultdict(Counter); misses = []
    for did, g in gold.items():
        d = docs.get(did) or {}; h = half(did); t = tallies[h]
        preds = predicted(d, g["text"])
        gx = g["timexes"]; t["gold"] += len(gx); t["pred"] += len(preds)
        for b, e, typ, val, txt in gx:
            ov = [p for p in preds if p[0] < e and b < p[1]]
            t["strict"] += any(p[0] == b and p[1] == e for p in preds); t["rel_g"] += bool(ov)
            ok = any(p[2] == val for p in ov); t["val_g"] += ok
            if not ok:
                k = "missing" if not ov else kind(val, ov[0][2], txt, typ)
                misses.append((h, k, did, f"{txt!r} [{typ}] gold {val}, ours {[p[2] for p in ov] or '-'}" + (f" {ov[0][3]!r}" if ov and ov[0][3] != txt else ""), b, g["text"]))
        for p in preds:
            ov = [x for x in gx if p[0] < x[1] and x[0] < p[1]]
            t["rel_p"] += bool(ov); ok = any(x[3] == p[2] for x in ov); t["val_p"] += ok
            if not ov: misses.append((h, "spurious", did, f"{p[3]!r} [{p[4]}] = {p[2]}", p[0], g["text"]))
            elif not ok and len(ov) == 1 and any(q is not p and q[0] < ov[0][1] and ov[0][0] < q[1] and q[2] == ov[0][3] for q in preds):
                misses.append((h, "split (a second prediction on a found gold)", did, f"{p[3]!r} = {p[2]} beside gold {ov[0][4]!r} {ov[0][3]}", p[0], g["text"]))
    f1 = lambda P, R: 2 * P * R / (P + R) if P + R else 0.0
    def fig(t):
        s = lambda tp_p, tp_g: f1(tp_p / t["pred"] if t["pred"] else 0, tp_g / t["gold"] if t["gold"] else 0)
        return f"strict {s(t['strict'], t['strict']):.3f} relaxed {s(t['rel_p'], t['rel_g']):.3f} value {s(t['val_p'], t['val_g']):.3f} (P {t['val_p'] / max(t['pred'], 1):.3f} R {t['val_g'] / max(t['gold'], 1):.3f}; gold {t['gold']}, ours {t['pred']})"
    allt = sum(tallies.values(), Counter())
    print("all      ", fig(allt))
    for h in ("TimeBank", "AQUAINT"): print(f"{h:9}", fig(tallies[h]))
    kc = defaultdict(Counter)
    for h, k, *_ in misses: kc[k][h] += 1
    print(f"\n{'kind':48} {'TimeBank':>8} {'AQUAINT':>8}")
    for k, c in sorted(kc.items(), key=lambda kv: -sum(kv[1].values())): print(f"{k:48} {c['TimeBank']:8} {c['AQUAINT']:8}")
    if "--list" in sys.argv or only:
        for h, k, did, msg, off, text in sorted(misses, key=lambda m: (m[1], m[0], m[2], m[4])):
            if only and k != only: continue
            ctx = text[max(0, off - 70):off + 60].replace("\n", " ")
            print(f"{k} | {h} | {did}: {msg} | …{ctx}…")

if __name__ == "__main__":
    main()
