# Compares every table of two stores row for row (ordered by all columns), ignoring stored_at.
import sqlite3, sys, hashlib
a, b = sys.argv[1], sys.argv[2]
ca = sqlite3.connect(f'file:{a}?mode=ro', uri=True); cb = sqlite3.connect(f'file:{b}?mode=ro', uri=True)
def tables(c):
    return sorted(r[0] for r in c.execute("select name from sqlite_schema where type='table' and name not like 'sqlite_%' and name not like 'documents_fts_%'"))
ta, tb = tables(ca), tables(cb)
print('tables differ' if ta != tb else f'{len(ta)} tables', set(ta) ^ set(tb))
bad = 0; total = 0
for t in ta:
    if t not in tb: continue
    cols = [r[1] for r in ca.execute(f'pragma table_info("{t}")') if r[1] != 'stored_at']
    colsb = [r[1] for r in cb.execute(f'pragma table_info("{t}")') if r[1] != 'stored_at']
    if cols != colsb: print(t, 'columns differ', cols, colsb); bad += 1; continue
    sel = ', '.join(f'"{c}"' for c in cols)
    def digest(c):
        h = hashlib.sha256(); n = 0
        for r in c.execute(f'select {sel} from "{t}" order by {sel}'):
            h.update(repr(r).encode()); n += 1
        return n, h.hexdigest()
    na, ha = digest(ca); nb, hb = digest(cb)
    total += na
    if (na, ha) != (nb, hb): print(t, 'DIFFERS', na, nb); bad += 1
print('identical' if bad == 0 else f'{bad} tables differ', total, 'rows')
# search works
for c, name in ((ca, a), (cb, b)):
    print(name, c.execute("select count(*) from documents_fts where documents_fts match 'border wall'").fetchone())
