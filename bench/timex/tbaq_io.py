"""What the TBAQ bench scripts (misses.py, conventions.py, context_rules.py) read the same way: the analysis's
documents by every id the gold may use, the AQUAINT half's document ids, and a document's times in the gold's raw
offsets (through the document's offset map)."""
import os

DEFAULT_AQUAINT = os.path.join(os.path.dirname(__file__), "../../../shared/data/time/tbaq/AQUAINT")

def documents_by_id(analysis):
    """Each analysed document under its id, its file name, the part of its source after '#', and its URL."""
    docs = {}
    for d in analysis.get("documents") or []:
        for k in (str(d.get("id") or ""), os.path.basename(str(d.get("source") or "")).split(".")[0],
                  str(d.get("source") or "").rsplit("#", 1)[-1], str(d.get("url") or "")):
            if k: docs.setdefault(k, d)
    return docs

def aquaint_ids(args):
    """The AQUAINT half's document ids, from the folder given third on the command line (or the shared data's)."""
    aq_dir = args[2] if len(args) > 2 else DEFAULT_AQUAINT
    return {f.split(".tml")[0] for f in os.listdir(aq_dir)} if os.path.isdir(aq_dir) else set()

def to_raw(d, gold_text):
    """A function from an offset in the document's text to the gold text's, or None where the offset map has none."""
    segs = d.get("offset_map") or []; same = (d.get("text") or "") == gold_text
    def raw(x):
        if same or not segs: return x
        for ts, rs, n in segs:
            if ts <= x <= ts + n: return rs + (x - ts)
        return None
    return raw

def value_of(t):
    """A time's value as the gold writes it (the contract's value object or a bare string)."""
    v = t.get("value")
    return v.get("value") if isinstance(v, dict) else v

def predicted(d, gold_text):
    """The document's times as (start, end, value, text, type) in the gold's offsets; a time the map cannot place is left out."""
    raw = to_raw(d, gold_text); out = []
    for t in d.get("times") or []:
        b, e = raw(t.get("start", -1)), raw(t.get("end", -1))
        if b is None or e is None: continue
        out.append((b, e, value_of(t), t.get("text"), t.get("type")))
    return out
