# The full-text index's cost of a batch of new documents: added by the insert trigger of schema v7-v14 (one
# trigger program a document), one statement a document, or one statement a batch (schema v15), into a fresh
# store of the same documents and fts5 table, batches of 256 in one transaction each. Usage:
#   python3 fts_insert.py STORE.db [DOCUMENTS]   (STORE.db: any Sitrep store to take titles and texts from)
import sqlite3, time, sys, os, tempfile
src = sqlite3.connect(f'file:{sys.argv[1]}?mode=ro', uri=True)
limit = int(sys.argv[2]) if len(sys.argv) > 2 else 2048
rows = src.execute("select title, text from documents order by seq limit ?", (limit,)).fetchall()
path = os.path.join(tempfile.mkdtemp(), 'fts.db')
def setup(trigger):
    for s in ('', '-wal', '-shm'):
        if os.path.exists(path + s): os.remove(path + s)
    c = sqlite3.connect(path, isolation_level=None)
    c.execute("pragma journal_mode=wal"); c.execute("pragma temp_store=memory")
    c.executescript("""
    create table documents (id text primary key, seq integer not null unique, source text not null unique, title text, text text not null);
    CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content = 'documents', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2');""")
    if trigger:
        c.executescript("""CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
                INSERT INTO documents_fts (rowid, title, text) VALUES (new.seq, new.title, new.text); END;""")
    return c
res = {}
for rep in range(3):
    for mode in ('trigger', 'per-document', 'per-batch'):
        c = setup(mode == 'trigger')
        t = time.process_time()
        for b in range(0, len(rows), 256):
            c.execute('begin')
            for i, (title, text) in enumerate(rows[b:b + 256], start=b + 1):
                c.execute("insert into documents (id, seq, source, title, text) values (?, (select coalesce(max(seq), 0) + 1 from documents), ?, ?, ?)", (str(i), str(i), title, text))
                if mode == 'per-document':
                    c.execute("insert into documents_fts (rowid, title, text) values (?, ?, ?)", (i, title, text))
            if mode == 'per-batch':
                c.execute("insert into documents_fts (rowid, title, text) select seq, title, text from documents where seq > ? order by seq", (b,))
            c.execute('commit')
        res.setdefault(mode, []).append(round(time.process_time() - t, 2))
        c.close()
print(f'{len(rows)} documents, SQLite {sqlite3.sqlite_version}, CPU-s of inserting them:', res)
