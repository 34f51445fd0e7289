#!/usr/bin/env python3
"""Which verbs in passive-with-"by" form ("was rejected by voters", "were reported by the Post")
does PolNeAR mark as attribution cues, and how often?

For every "BE [adverbs] VERB by" and "as VERB by" in the texts of a PolNeAR split (BE: is/are/was/were/be/been/being),
counts the uses of VERB and those whose token lies inside a gold Cue span. Writes the verbs whose share
of marked uses is at least --min-share with at least --min-uses uses (default 0.7 and 2), as the table
resources/lexicons/speech-passive-cues.tsv read by the quote finder's passive rule (FinderRun.Passive.cs).

    python3 bench/quotes/passive_cues.py [--data ../shared/data/attribution/polnear/data/train]
        [--out resources/lexicons/speech-passive-cues.tsv] [--all]   (--all: print every verb's counts)
"""
import argparse, collections, os, re, sys

BE = {"is", "are", "was", "were", "be", "been", "being", "'s"}
TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def load(data):
    texts = {f[:-4]: os.path.join(data, "text", f) for f in os.listdir(os.path.join(data, "text")) if f.endswith(".txt")}
    for f in sorted(os.listdir(os.path.join(data, "attributions"))):
        if not f.endswith(".ann"):
            continue
        stem = f[:-4].rsplit("_", 1)[0]
        if stem not in texts:
            continue
        cues = []
        with open(os.path.join(data, "attributions", f), encoding="utf-8") as h:
            for line in h:
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 2 or not parts[0].startswith("T"):
                    continue
                kind, *spans = parts[1].replace(";", " ").split(" ")
                if kind != "Cue":
                    continue
                nums = list(map(int, spans))
                cues.extend(zip(nums[0::2], nums[1::2]))
        with open(texts[stem], encoding="utf-8") as h:
            yield h.read(), cues


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data/attribution/polnear/data/train")
    ap.add_argument("--out", default="resources/lexicons/speech-passive-cues.tsv")
    ap.add_argument("--min-share", type=float, default=0.7)
    ap.add_argument("--min-uses", type=int, default=2)
    ap.add_argument("--all", action="store_true")
    a = ap.parse_args()
    uses, marked = collections.Counter(), collections.Counter()
    for text, cues in load(a.data):
        toks = [(m.group(0).lower().replace("’", "'"), m.start(), m.end()) for m in TOKEN.finditer(text)]
        for i in range(1, len(toks) - 1):
            w, s, e = toks[i]
            if toks[i + 1][0] != "by" or not (w.endswith("ed") or w.endswith("en") or w in {"told", "said", "made", "held", "led", "set", "put", "cut", "hit", "paid", "sent", "brought", "thought", "taught", "sought", "heard", "read", "run", "won", "left", "kept", "found", "met", "spent", "built", "sold", "shot", "struck", "won"}):
                continue
            j = i - 1
            while j > 0 and (toks[j][0].endswith("ly") or toks[j][0] in {"not", "also", "widely", "never", "even", "still", "already", "first"}):
                j -= 1
            # "was rejected by", or "…, as reported by" (the other form the passive rule reads)
            if toks[j][0] not in BE and not (j == i - 1 and toks[j][0] == "as"):
                continue
            # the words between must be adjacent tokens (no punctuation between the auxiliary and the verb)
            if re.search(r"[,;:.!?()\"“”]", text[toks[j][2]:s]):
                continue
            uses[w] += 1
            if any(cs <= s and e <= ce for cs, ce in cues):
                marked[w] += 1
    keep = sorted((w for w in uses if uses[w] >= a.min_uses and marked[w] / uses[w] >= a.min_share),
                  key=lambda w: (-marked[w], w))
    if a.all:
        for w, n in uses.most_common():
            print(f"{w}\t{marked[w]}/{n}\t{marked[w] / n:.2f}{'  KEEP' if w in keep else ''}", file=sys.stderr)
    total_u, total_m = sum(uses.values()), sum(marked.values())
    kept_u, kept_m = sum(uses[w] for w in keep), sum(marked[w] for w in keep)
    print(f"passive-with-by uses {total_u}, marked {total_m}; kept verbs {len(keep)}: uses {kept_u}, marked {kept_m}", file=sys.stderr)
    with open(a.out, "w", encoding="utf-8") as h:
        h.write(f"# Verbs whose passive with \"by\" (\"was rejected by voters\", \"as reported by the Post\") PolNeAR marks as an attribution cue in at least {a.min_share:.0%} of its uses (at least {a.min_uses} uses): the passive-with-agent reading is kept only for them. Counted by bench/quotes/passive_cues.py on PolNeAR v1.0.0's train split (networkdynamics/PolNeAR @ c3eee833; research use, the texts are not in this repository); columns: marked uses, all uses. Made by the Sitrep authors; public domain (CC0).\n")
        h.write("word\tmarked\tuses\n")
        for w in keep:
            h.write(f"{w}\t{marked[w]}\t{uses[w]}\n")


if __name__ == "__main__":
    main()
