# Counts the WAL's frames per b-tree (pages mapped with dbstat on the final database) and the pages a
# checkpoint every N frames would copy. Usage: walstat.py DBCOPY (with DBCOPY-wal beside it)
import sqlite3, sys, struct, collections, shutil, os
db = sys.argv[1]
wal = db + '-wal'
window = int(sys.argv[2]) if len(sys.argv) > 2 else 16384
size = os.path.getsize(wal)
frames = []  # (pgno, commit)
commits = 0
with open(wal, 'rb') as f:
    hdr = f.read(32)
    pgsz = struct.unpack('>I', hdr[8:12])[0]
    salt = hdr[16:24]
    while True:
        fh = f.read(24)
        if len(fh) < 24: break
        if fh[8:16] != salt: break
        pg, commit = struct.unpack('>II', fh[:8])
        f.seek(pgsz, 1)
        frames.append(pg)
        if commit: commits += 1
print('page size', pgsz, 'frames', len(frames), 'commits', commits, 'wal bytes', size)
# map pages: open the copy (replays the WAL)
c = sqlite3.connect(db)
owner = {}
for name, pageno in c.execute('SELECT name, pageno FROM dbstat'):
    owner[pageno] = name
total_pages = c.execute('PRAGMA page_count').fetchone()[0]
c.close()
count = collections.Counter(owner.get(p, '(free)') for p in frames)
# checkpoint copies: distinct pages per window
ck = collections.Counter()
for i in range(0, len(frames), window):
    for p in set(frames[i:i+window]):
        ck[owner.get(p, '(free)')] += 1
final = collections.Counter(owner.values())
print('final pages', total_pages, 'frames/final %.2f' % (len(frames)/total_pages), 'checkpoint copies', sum(ck.values()))
print('%-36s %9s %6s %9s %9s %6s' % ('btree', 'frames', '%', 'ckpt', 'final', 'x'))
for name, n in count.most_common(40):
    print('%-36s %9d %5.1f%% %9d %9d %6.1f' % (name, n, 100*n/len(frames), ck[name], final[name], n/max(final[name],1)))
