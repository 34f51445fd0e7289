#!/usr/bin/env python3
"""Which adverbs in "-ly" does PolNeAR mark as an attribution cue on their own ("The FBI is reportedly making
arrangements …", "Reportedly, he made …": the adverb is the whole cue, with no source), and how often?

For every word ending in "ly" in the texts of a PolNeAR split that no verb of saying follows (the next word is no word of
resources/lexicons/speech-cues.tsv heading an attribution in at least 20% of its uses: "reportedly said" is read by
"said"), counts its uses and those whose token is the whole of a gold Cue span. Writes the adverbs whose share of such uses is at least --min-share with at least --min-uses uses
(default 0.5 and 5) as resources/lexicons/speech-evidential-adverbs.tsv, read by the quote finder's evidential-adverb
rule (FinderRun.Evidential.cs).

    python3 bench/quotes/evidential_adverbs.py [--data ../shared/data/attribution/polnear/data/train]
        [--out resources/lexicons/speech-evidential-adverbs.tsv] [--all]
"""
import argparse, collections, os, re

TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*")

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(here, "..", "..", "..", "shared", "data", "attribution", "polnear", "data", "train"))
    ap.add_argument("--out", default=os.path.join(here, "..", "..", "resources", "lexicons", "speech-evidential-adverbs.tsv"))
    ap.add_argument("--min-share", type=float, default=0.5)
    ap.add_argument("--min-uses", type=int, default=5)
    ap.add_argument("--all", action="store_true")
    a = ap.parse_args()
    speech = set()
    for line in open(os.path.join(here, "..", "..", "resources", "lexicons", "speech-cues.tsv"), encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if line.startswith("#") or f[0] == "word" or len(f) < 3: continue
        if int(f[1]) >= 0.2 * max(1, int(f[2])): speech.add(f[0])
    uses, marked = collections.Counter(), collections.Counter()
    seen = set()
    for f in sorted(os.listdir(os.path.join(a.data, "attributions"))):
        if not f.endswith(".ann"): continue
        stem = f[:-4].rsplit("_", 1)[0]
        path = os.path.join(a.data, "text", stem + ".txt")
        if stem in seen or not os.path.exists(path): continue
        seen.add(stem)
        text = open(path, encoding="utf-8").read()
        cues = set()
        for line in open(os.path.join(a.data, "attributions", f), encoding="utf-8"):
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[0].startswith("T") and parts[1].startswith("Cue "):
                ranges = parts[1][4:].split(";")
                if len(ranges) == 1:
                    s, e = map(int, ranges[0].split())
                    cues.add((s, e))
        toks = list(TOKEN.finditer(text))
        for i, m in enumerate(toks):
            w = m.group(0).lower()
            if not w.endswith("ly"): continue
            if i + 1 < len(toks) and toks[i + 1].group(0).lower() in speech: continue
            uses[w] += 1
            if (m.start(), m.end()) in cues: marked[w] += 1
    kept = sorted((w for w in uses if uses[w] >= a.min_uses and marked[w] / uses[w] >= a.min_share), key=lambda w: (-marked[w], w))
    if a.all:
        for w in sorted(uses, key=lambda w: -marked[w])[:40]:
            print(f"{w}\t{marked[w]}/{uses[w]}\t{marked[w] / uses[w]:.2f}" + ("  KEEP" if w in kept else ""))
    with open(a.out, "w", encoding="utf-8") as h:
        h.write(f"# Adverbs in \"-ly\" that PolNeAR marks as the whole attribution cue (no source: \"The FBI is reportedly making arrangements …\") in at least {a.min_share:.0%} of their uses (at least {a.min_uses} uses). Counted by bench/quotes/evidential_adverbs.py on PolNeAR v1.0.0's train split (networkdynamics/PolNeAR @ c3eee833; research use, the texts are not in this repository); columns: marked uses, all uses. Made by the Sitrep authors; public domain (CC0).\n")
        h.write("word\tmarked\tuses\n")
        for w in kept: h.write(f"{w}\t{marked[w]}\t{uses[w]}\n")
    print(f"kept {len(kept)}: " + ", ".join(f"{w} {marked[w]}/{uses[w]}" for w in kept))

if __name__ == "__main__":
    main()
