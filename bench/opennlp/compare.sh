#!/usr/bin/env bash
# Sitrep's NER and Apache OpenNLP's, side by side on the same CoNLL test file, in one run:
# OpenNLP (Debian's package) is trained with TokenNameFinderTrainer.conll03 on the same train file,
# both tag the test file, and both are scored: OpenNLP by its own evaluator, Sitrep by
# ../shared/tools/score_ner.py. Prints F1 and tokens/s for both.
# usage: bench/opennlp/compare.sh [DATA_DIR]   (default ../shared/data/ner/conll2003pp)
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${1:-../shared/data/ner/conll2003pp}
train=$data/conllpp_train.txt
test=$data/conllpp_test.txt
[ -f "$train" ] && [ -f "$test" ] || { echo "no CoNLL files in $data"; exit 2; }

if ! command -v opennlp >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq opennlp >/dev/null
fi
work=$(mktemp -d)
tokens=$(grep -cvE '^(\s*$|-DOCSTART-)' "$test")

echo "== OpenNLP: training on $train"
opennlp TokenNameFinderTrainer.conll03 -lang eng -types per,loc,org,misc -encoding UTF-8 \
  -data "$train" -model "$work/opennlp-ner.bin" > "$work/opennlp-train.log" 2>&1
echo "== OpenNLP: evaluating on $test"
opennlp TokenNameFinderEvaluator.conll03 -lang eng -types per,loc,org,misc -encoding UTF-8 \
  -model "$work/opennlp-ner.bin" -data "$test" > "$work/opennlp-eval.log" 2>&1
# "TOTAL: precision: 87.96%; recall: 78.31%; F1: 82.85%." and "Runtime: 4.19s" (tagging only)
opennlp_f1=$(grep -E 'TOTAL:' "$work/opennlp-eval.log" | grep -oE 'F1: *[0-9.]+' | grep -oE '[0-9.]+$' || true)
opennlp_secs=$(grep -E '^Runtime:' "$work/opennlp-eval.log" | grep -oE '[0-9.]+' || true)
opennlp_rate=$(python3 -c "print(f'{$tokens/float(\"${opennlp_secs:-0}\" or 1e9):,.0f}')")

echo "== Sitrep: tagging $test"
dotnet run -c Release --project src/Sitrep.Cli -- eval ner "$test" --out "$work/sitrep.conll" | tee "$work/sitrep-eval.log"
python3 ../shared/tools/score_ner.py "$work/sitrep.conll" | tee "$work/sitrep-score.log"

echo
echo "OpenNLP 2.1 (Debian): F1 ${opennlp_f1:-?}%, $opennlp_rate tokens/s tagging ($tokens tokens in ${opennlp_secs:-?} s, its evaluator's runtime)"
echo "Sitrep: F1 and tokens/s as printed above by 'sitrep eval ner' and score_ner.py"
echo "logs in $work"
