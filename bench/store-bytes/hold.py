# Holds a read transaction (read-lock 0) on a WAL database so no checkpoint can run: the WAL keeps every frame written.
import sqlite3, sys, os, time
db, flag = sys.argv[1], sys.argv[2]
c = sqlite3.connect(db, isolation_level=None)
c.execute('PRAGMA journal_mode=WAL')
c.execute('BEGIN')
c.execute('SELECT count(*) FROM sqlite_schema').fetchall()
open(flag, 'w').write('held')
while os.path.exists(flag):
    time.sleep(0.5)
os._exit(0)
