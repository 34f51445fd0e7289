#!/usr/bin/env python3
"""Tally of the PolNeAR gold attributions the quotes stage misses, by construction.

usage: python3 bench/quotes/misses.py ANALYSIS.json DIR [--tools ../shared/tools] [--dump FILE] [--top N]

ANALYSIS.json: `sitrep analyze DIR/text --json ANALYSIS.json --stages quotes` (train: ../shared/data/attribution/polnear/data/train).
Pairs gold and predicted contents as score_attribution.py does (largest overlap first). For each gold attribution with no
predicted content it prints counts by the gold cue's words, the cue's position against the content (before, after, inside,
none), whether the content is in quote marks, the kind of source (pronoun, name, nominal, none), the sentence shape (nominal
cue, "according to", adjectival cue, epistemic verb, multi-sentence content) and whether the gold content lies in the
article's first line (the headline the cleaner removes). Written for branch quotes18 (2026-12-05); dev is only measured.
"""
import json, os, re, sys, collections
sys.path.insert(0, os.path.dirname(__file__))
from boundaries import load, pairs_of  # noqa: E402

def parse_full(path):
    spans, events = {}, []
    for line in open(path, encoding="utf-8"):
        if line.startswith("T") and "\t" in line:
            tid, info, *rest = line.rstrip("\n").split("\t")
            kind, ranges = info.split(" ", 1)
            spans[tid] = (kind, [tuple(map(int, r.split())) for r in ranges.split(";")])
        elif line.startswith("E") and "\t" in line:
            events.append(dict(p.split(":") for p in line.split("\t")[1].split()))
    out = []
    for e in events:
        content = [r for k in ("Content", "Content2") if k in e for r in spans[e[k]][1]]
        if not content: continue
        out.append({"content": content, "source": spans[e["Source"]][1] if "Source" in e else [],
                    "cue": spans[e["Cue"]][1] if "Cue" in e else []})
    return out

PRON = {"he", "she", "they", "we", "i", "it", "you", "his", "her", "their", "our", "my", "its", "your", "him", "them", "us", "me",
        "who", "which", "that", "one", "some", "many", "others", "most", "both", "everyone", "nobody", "someone", "this"}
NOMCUE = re.compile(r"^(claim|claims|statement|statements|argument|view|views|belief|assertion|warning|promise|pledge|charge|charges|"
                    r"allegation|allegations|call|calls|report|reports|suggestion|notion|idea|criticism|comments?|remarks?|accusations?|"
                    r"message|position|plan|proposal|vow|announcement|insistence|contention|argue|case|poll|polls|survey|data|study|words?)$", re.I)
EPI = {"believe", "believes", "believed", "think", "thinks", "thought", "expect", "expects", "expected", "know", "knows", "knew",
       "feel", "feels", "felt", "hope", "hopes", "hoped", "want", "wants", "wanted", "see", "sees", "saw", "consider", "considers",
       "worry", "worries", "worried", "fear", "fears", "feared", "agree", "agrees", "agreed", "like", "likes", "support", "supports",
       "oppose", "opposes", "opposed", "doubt", "doubts", "view", "views", "understand", "understands", "realize", "realized", "seem", "seems"}
QMARK = "\"“”"

def unpaired(analysis, root, totals):
    """Each PolNeAR gold attribution (with its discontinuous parts, parse_full) that no predicted content pairs with, as
    score_attribution.py pairs them: (article, raw text, attribution, end of the first line, the article's predictions);
    `totals["gold"]` counts every gold attribution read."""
    anns = {a.rsplit("_", 1)[0]: a for a in sorted(os.listdir(os.path.join(root, "attributions")), reverse=True)}
    for art, raw, gold, preds in load(analysis, root):
        full = parse_full(os.path.join(root, "attributions", anns[art]))
        _, paired, _ = pairs_of(raw, gold, preds)
        first_nl = raw.find("\n") if "\n" in raw else len(raw)
        totals["gold"] += len(gold)
        for gi, g in enumerate(full):
            if gi not in paired:
                yield art, raw, g, first_nl, preds

def main():
    analysis = json.load(open(sys.argv[1], encoding="utf-8")); root = sys.argv[2]
    top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 40
    dump = open(sys.argv[sys.argv.index("--dump") + 1], "w") if "--dump" in sys.argv else None
    T = collections.defaultdict(collections.Counter); totals = collections.Counter(); n_miss = 0
    for art, raw, g, first_nl, _ in unpaired(analysis, root, totals):
        n_miss += 1
        ca, cb = g["content"][0][0], g["content"][-1][1]
        ctext = " ".join(raw[a:b] for a, b in g["content"])
        cue = " ".join(raw[a:b] for a, b in g["cue"]).lower().replace("\n", " ")
        cue_a = g["cue"][0][0] if g["cue"] else None
        src = " ".join(raw[a:b] for a, b in g["source"])
        if cb <= first_nl: T["where"]["headline (first line)"] += 1; T["cue_headline"][cue] += 1; continue
        T["where"]["body"] += 1
        T["cue"][cue] += 1
        T["cue_lemma_last"][cue.split()[-1] if cue else "(none)"] += 1
        pos = "none" if cue_a is None else "before" if cue_a < ca else "after" if cue_a >= cb else "inside"
        T["cue_pos"][pos] += 1
        inq = raw[max(0, ca - 1):ca + 1].strip()[:1] in QMARK or ctext.strip()[:1] in QMARK
        T["quoted"]["quote marks" if inq else "no marks"] += 1
        sw = src.lower().split()
        sk = ("none" if not sw else "pronoun" if len(sw) == 1 and sw[0] in PRON else
              "name" if src[:1].isupper() and not src.lower().startswith(("the ", "a ", "an ")) else "nominal")
        T["source"][sk] += 1
        shape = []
        cw = cue.split()
        if "according" in cw: shape.append("according to")
        if cw and NOMCUE.match(cw[-1]): shape.append("nominal cue")
        if any(w in EPI for w in cw): shape.append("epistemic/attitude")
        if re.search(r"[.!?][\"”’]?\s+[A-Z“\"]", raw[ca:cb]): shape.append("multi-sentence")
        if cw and cw[-1] in {"of", "about", "on", "over", "with", "for", "against"} and len(cw) <= 3: shape.append("cue+prep")
        if not shape: shape.append("other")
        for s in shape: T["shape"][s] += 1
        T["len"]["<=5 words" if len(ctext.split()) <= 5 else "6-15" if len(ctext.split()) <= 15 else ">15"] += 1
        if dump:
            dump.write(json.dumps({"art": art, "cue": cue, "pos": pos, "src": src, "content": ctext, "shape": shape,
                                   "ctx": raw[max(0, min(ca, cue_a if cue_a is not None else ca) - 80):cb + 40]}, ensure_ascii=False) + "\n")
    n_gold = totals["gold"]
    print(f"gold {n_gold}, missed {n_miss} ({n_miss / max(1, n_gold):.1%})")
    for key in ("where", "cue_pos", "quoted", "source", "shape", "len", "cue_lemma_last", "cue", "cue_headline"):
        print(f"--- {key}")
        for k, v in T[key].most_common(top if key.startswith("cue") else 20): print(f"{v:6d} {k}")

if __name__ == "__main__":
    main()
