namespace Sitrep.Storage;

/// <summary>
/// The schema as an ordered list of migrations. The version lives in <c>PRAGMA user_version</c>,
/// so it is read without knowing any table; the application id marks the file as a Sitrep store,
/// so another program's SQLite database is refused instead of being migrated.
/// </summary>
internal static class StoreSchema
{
    /// <summary>"SRep" in ASCII.</summary>
    public const int ApplicationId = 0x53526570;

    /// <summary>Append only: a released migration is never edited, a change is a new version.</summary>
    public static readonly IReadOnlyList<Migration> Migrations =
    [
        new(1, """
            CREATE TABLE documents (
                id TEXT NOT NULL PRIMARY KEY,
                -- Store order: a new document gets the next number; an update keeps its row's number,
                -- so duplicate_of always points at a lower seq and never forms a cycle.
                seq INTEGER NOT NULL UNIQUE,
                source TEXT NOT NULL,
                format TEXT NOT NULL,
                raw_text TEXT NOT NULL,
                text TEXT NOT NULL,
                -- JSON [[bodyStart, rawStart, length], ...]
                offset_map TEXT NOT NULL,
                title TEXT,
                byline TEXT,
                outlet TEXT,
                original_publisher TEXT,
                published TEXT,
                published_inferred INTEGER NOT NULL,
                genre TEXT,
                language TEXT,
                url TEXT,
                -- JSON {"title", "byline", "outlet", "published", "url"}, nulls left out
                stated TEXT NOT NULL,
                -- JSON [{"text", "reason" (contract name), "start", "end"}, ...]
                removed TEXT NOT NULL,
                -- JSON [{"text", "start", "end"}, ...]
                captions TEXT NOT NULL,
                -- JSON ["...", ...]
                notes TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                text_hash TEXT NOT NULL,
                duplicate_of TEXT,
                pipeline_version TEXT NOT NULL,
                stored_at TEXT NOT NULL
            );
            -- One row per source: a re-ingested source with new content replaces its row.
            CREATE UNIQUE INDEX documents_source ON documents (source);
            -- seq in the key so "earliest with this body" is read off the index.
            CREATE INDEX documents_text_hash ON documents (text_hash, seq);
            CREATE INDEX documents_content_hash ON documents (content_hash);
            """),
        new(2, """
            -- What a feed's server said last time, so polling again asks only for what changed.
            CREATE TABLE feeds (
                url TEXT NOT NULL PRIMARY KEY,
                etag TEXT,
                last_modified TEXT,
                polled_at TEXT NOT NULL
            );
            """),
        new(3, """
            -- JSON [[start, end, type], ...]: names in the body, when the pipeline found them.
            ALTER TABLE documents ADD COLUMN mentions TEXT NOT NULL DEFAULT '[]';
            """),
        new(4, """
            -- JSON [{"name", "type", "country", "aliases": [...], "roles": [...]}, ...]: the things the
            -- document's mentions name (a mention's 4th element indexes this list).
            ALTER TABLE documents ADD COLUMN entities TEXT NOT NULL DEFAULT '[]';
            -- One row per real-world referent across all documents. Ids are never reused or renumbered;
            -- a merged entity keeps its row and points at the one that absorbed it.
            CREATE TABLE entities (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                type TEXT NOT NULL,
                documents INTEGER NOT NULL DEFAULT 0,
                merged_into INTEGER REFERENCES entities (id)
            );
            -- The name keys an entity is found by (EntityResolver): look-ups, never scans.
            CREATE TABLE entity_keys (
                key TEXT NOT NULL,
                entity INTEGER NOT NULL,
                PRIMARY KEY (key, entity)
            ) WITHOUT ROWID;
            CREATE INDEX entity_keys_entity ON entity_keys (entity);
            -- Which entity each of a document's own entities is.
            CREATE TABLE entity_links (
                document TEXT NOT NULL,
                local INTEGER NOT NULL,
                entity INTEGER NOT NULL,
                PRIMARY KEY (document, local)
            ) WITHOUT ROWID;
            CREATE INDEX entity_links_entity ON entity_links (entity, document);
            -- Keys the user said do not name an entity (sitrep entities split).
            CREATE TABLE entity_blocks (
                key TEXT NOT NULL,
                entity INTEGER NOT NULL,
                PRIMARY KEY (key, entity)
            ) WITHOUT ROWID;
            -- The user's corrections, in order, as they were made.
            CREATE TABLE entity_corrections (
                seq INTEGER PRIMARY KEY,
                kind TEXT NOT NULL,
                entity INTEGER NOT NULL,
                other INTEGER,
                detail TEXT,
                made_at TEXT NOT NULL
            );
            -- Stored documents whose entities are not resolved yet.
            CREATE TABLE entity_pending (document TEXT NOT NULL PRIMARY KEY);
            -- Documents stored before this version are resolved when next analysed.
            """),
        new(5, """
            -- The type each document gave the entity it links to; links made before this version count
            -- as votes for the type their entity has, so a migrated entity is not retyped by one new article.
            ALTER TABLE entity_links ADD COLUMN type TEXT;
            UPDATE entity_links SET type = (SELECT e.type FROM entities e WHERE e.id = entity_links.entity);
            -- Votes for an entity's type: how many linked document entities gave it each type. The
            -- entity's type is the one most of them give (a tie keeps the type it has).
            CREATE TABLE entity_types (
                entity INTEGER NOT NULL,
                type TEXT NOT NULL,
                votes INTEGER NOT NULL,
                PRIMARY KEY (entity, type)
            ) WITHOUT ROWID;
            INSERT INTO entity_types (entity, type, votes)
                SELECT entity, type, COUNT(*) FROM entity_links WHERE type IS NOT NULL GROUP BY entity, type;
            """),
        new(6, """
            -- Layers plug in whole: a feature's layer is a row here, written and read by the feature's
            -- codec, so the documents table knows no feature. The mentions and entities columns move here
            -- for the documents that ran the entity stages (their pipeline version names them).
            CREATE TABLE document_layers (
                document TEXT NOT NULL,
                layer TEXT NOT NULL,
                data TEXT NOT NULL,
                PRIMARY KEY (document, layer)
            ) WITHOUT ROWID;
            INSERT INTO document_layers (document, layer, data)
                SELECT id, 'mentions', mentions FROM documents WHERE pipeline_version LIKE '%+entities+%';
            INSERT INTO document_layers (document, layer, data)
                SELECT id, 'document-entities', entities FROM documents WHERE pipeline_version LIKE '%+entities+%';
            ALTER TABLE documents DROP COLUMN mentions;
            ALTER TABLE documents DROP COLUMN entities;
            -- JSON {"stage": "version", ...}: which stages analysed the document, each at which version.
            -- Documents from before this version record none, so every stage counts as behind for them.
            ALTER TABLE documents ADD COLUMN stages TEXT NOT NULL DEFAULT '{}';
            -- Notes of the input (decoding) apart from the stages' notes, which each analysis makes anew.
            ALTER TABLE documents ADD COLUMN input_notes TEXT NOT NULL DEFAULT '[]';
            UPDATE documents SET input_notes = notes, notes = '[]';
            -- The change feed: every store, update, reanalysis and deletion of a document, in order, and
            -- each cross-document stage's position in it.
            CREATE TABLE changes (
                position INTEGER PRIMARY KEY AUTOINCREMENT,
                document TEXT NOT NULL,
                kind TEXT NOT NULL,
                by TEXT,
                -- JSON ["layer", ...] of the layers made again; NULL: every layer
                layers TEXT
            );
            CREATE TABLE feed_positions (
                consumer TEXT NOT NULL PRIMARY KEY,
                position INTEGER NOT NULL
            );
            -- Every stored document is in the feed, so a stage added later starts from all of them; entity
            -- resolution has read up to the last resolved one, and the documents it had pending follow.
            INSERT INTO changes (document, kind)
                SELECT id, 'Stored' FROM documents WHERE id NOT IN (SELECT document FROM entity_pending) ORDER BY seq;
            INSERT INTO feed_positions (consumer, position)
                SELECT 'entity-resolution', COALESCE(MAX(position), 0) FROM changes;
            INSERT INTO changes (document, kind)
                SELECT id, 'Stored' FROM documents WHERE id IN (SELECT document FROM entity_pending) ORDER BY seq;
            DROP TABLE entity_pending;
            """),
        new(7, """
            -- Full-text search over titles and text (sitrep search): an FTS5 index whose content is the
            -- documents table itself (nothing stored twice), keyed by seq, kept in step by triggers so
            -- every store, update, reanalysis and deletion updates it in the same transaction.
            -- unicode61 with diacritics removed: "Kolvar" finds "Kolvár".
            CREATE VIRTUAL TABLE documents_fts USING fts5(
                title, text, content = 'documents', content_rowid = 'seq',
                tokenize = 'unicode61 remove_diacritics 2');
            -- A word in the title weighs four times one in the text.
            INSERT INTO documents_fts (documents_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0)');
            CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
                INSERT INTO documents_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
            END;
            CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
                INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
            END;
            CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents
            WHEN old.title IS NOT new.title OR old.text IS NOT new.text BEGIN
                INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
                INSERT INTO documents_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
            END;
            -- The documents stored before this version.
            INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');
            -- sitrep documents list: newest first, and by outlet, without reading every row.
            CREATE INDEX documents_published ON documents (published);
            CREATE INDEX documents_outlet ON documents (outlet COLLATE NOCASE, published);
            """),
        new(8, """
            -- What kind of actor each document says an entity is and whose: its sector (government, military,
            -- militia, media, ...) and country (ISO 3166 alpha-3), kept with the link like its type vote.
            ALTER TABLE entity_links ADD COLUMN sector TEXT;
            ALTER TABLE entity_links ADD COLUMN country TEXT;
            -- Votes for an entity's sector and country: the value most of its documents give it is the entity's.
            CREATE TABLE entity_attributes (
                entity INTEGER NOT NULL,
                kind TEXT NOT NULL,
                value TEXT NOT NULL,
                votes INTEGER NOT NULL,
                PRIMARY KEY (entity, kind, value)
            ) WITHOUT ROWID;
            -- A name or type the user gave (sitrep entities rename/retype): votes and merges do not change it.
            ALTER TABLE entities ADD COLUMN name_by_user INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE entities ADD COLUMN type_by_user INTEGER NOT NULL DEFAULT 0;
            """),
        new(9, """
            -- Stories (cross-document stage "stories"): articles about one developing situation. Ids are never
            -- reused; a merged story keeps its row and points at the one that absorbed it. centroid: the sum of
            -- its members' term vectors ("term weight" lines, the strongest terms kept).
            CREATE TABLE stories (
                id INTEGER PRIMARY KEY,
                title TEXT,
                size INTEGER NOT NULL DEFAULT 0,
                first TEXT,
                last TEXT,
                centroid TEXT NOT NULL DEFAULT '',
                merged_into INTEGER REFERENCES stories (id)
            );
            -- Which story each article is in, its day, its term vector and every term it counted.
            CREATE TABLE story_members (
                document TEXT NOT NULL PRIMARY KEY,
                story INTEGER NOT NULL,
                published TEXT,
                vector TEXT NOT NULL,
                terms TEXT NOT NULL,
                seq INTEGER NOT NULL
            );
            CREATE INDEX story_members_story ON story_members (story, seq);
            -- The inverted index: the stories each strong term of their articles finds (look-ups, never scans).
            CREATE TABLE story_terms (
                term TEXT NOT NULL,
                story INTEGER NOT NULL,
                PRIMARY KEY (term, story)
            ) WITHOUT ROWID;
            -- How many grouped articles use each term (TF-IDF's document frequency, growing with the store).
            CREATE TABLE story_frequencies (
                term TEXT NOT NULL PRIMARY KEY,
                documents INTEGER NOT NULL
            ) WITHOUT ROWID;
            -- Documents stored before this version are grouped from the start of the change feed.
            """),
        new(10, """
            -- Look-ups story grouping makes for every article or merge, which scanned the whole table and so
            -- grew with the store: the newest member's number (a new member is numbered after it) and
            -- the stories that point at one being absorbed.
            CREATE INDEX story_members_seq ON story_members (seq);
            CREATE INDEX stories_merged_into ON stories (merged_into) WHERE merged_into IS NOT NULL;
            """),
        new(11, """
            -- Framing (cross-document stage "story-framing", after stories): what each grouped article gives its
            -- story's framing (JSON: its outlet, day, genre, actors with their names and the words beside them, the
            -- words beside names, its quotes' speakers; words inside quotation marks left out), with the story it
            -- was summed into, so a story is summed again without reading its articles.
            CREATE TABLE framing_documents (
                document TEXT NOT NULL PRIMARY KEY,
                story INTEGER NOT NULL,
                tally TEXT NOT NULL
            ) WITHOUT ROWID;
            -- How each outlet frames each story: its articles by genre, and as JSON the recurring actors it names
            -- with what it calls them, its distinctive words beside names, and its quotes by the speakers' sector
            -- and country (docs/analysis-json-extensions.md, story "framing").
            CREATE TABLE story_framing (
                story INTEGER NOT NULL,
                outlet TEXT NOT NULL,
                articles INTEGER NOT NULL,
                news INTEGER NOT NULL,
                opinion INTEGER NOT NULL,
                analysis INTEGER NOT NULL,
                unknown INTEGER NOT NULL,
                actors TEXT NOT NULL,
                terms TEXT NOT NULL,
                voices TEXT NOT NULL,
                PRIMARY KEY (story, outlet)
            ) WITHOUT ROWID;
            -- Documents stored before this version are tallied from the start of the change feed.
            """),
        new(12, """
            -- Look-ups every merge makes, which scanned a whole table and so cost more the larger the store:
            -- the entities that point at one being absorbed, and the postings of a story being absorbed.
            CREATE INDEX entities_merged_into ON entities (merged_into) WHERE merged_into IS NOT NULL;
            CREATE INDEX story_terms_story ON story_terms (story);
            """),
        new(13, """
            -- The articles tallied into a story, read when an article leaves it (the story may have split, and
            -- those of its articles now in another story are summed there).
            CREATE INDEX framing_documents_story ON framing_documents (story);
            """),
        new(14, """
            -- Fewer bytes written per stored document. The layers and the framing tallies were tables keyed by the
            -- document's id (a hash, so every new row landed somewhere random) without a rowid, which keeps whole
            -- rows in the key's b-tree: rows of 1-5 KB overflowed pages meant for keys, the pages were half empty,
            -- and each batch's commit wrote again most of the pages it touched. Now their rows are appended in
            -- the order they are stored and only a narrow index of keys is written at random (first 10,000
            -- allsides articles: those two tables made 34% of what the log wrote).
            CREATE TABLE document_layers_v14 (
                document TEXT NOT NULL,
                layer TEXT NOT NULL,
                data TEXT NOT NULL
            );
            INSERT INTO document_layers_v14 (document, layer, data)
                SELECT l.document, l.layer, l.data FROM document_layers l LEFT JOIN documents d ON d.id = l.document
                ORDER BY d.seq, l.layer;
            DROP TABLE document_layers;
            ALTER TABLE document_layers_v14 RENAME TO document_layers;
            CREATE UNIQUE INDEX document_layers_key ON document_layers (document, layer);
            CREATE TABLE framing_documents_v14 (
                document TEXT NOT NULL,
                story INTEGER NOT NULL,
                tally TEXT NOT NULL
            );
            INSERT INTO framing_documents_v14 (document, story, tally)
                SELECT f.document, f.story, f.tally FROM framing_documents f LEFT JOIN documents d ON d.id = f.document
                ORDER BY d.seq, f.document;
            DROP TABLE framing_documents;
            ALTER TABLE framing_documents_v14 RENAME TO framing_documents;
            CREATE UNIQUE INDEX framing_documents_key ON framing_documents (document);
            -- A story's tallied articles in document order, read off the index as before.
            CREATE INDEX framing_documents_story ON framing_documents (story, document);
            -- No query looks a document up by its content hash alone (a re-read source is found by its source,
            -- whose unique index also serves "source and content hash"), so the index was only written.
            DROP INDEX documents_content_hash;
            """),
        new(15, """
            -- The store adds a batch's new documents to the full-text index in one statement at the end of the batch
            -- (SqliteDocumentStore.IndexNewText): the insert trigger ran as a sub-program of each document's insert and
            -- cost about 40% more of the index's work. Updates and deletions keep their triggers. The index holds the
            -- same rows either way.
            DROP TRIGGER documents_fts_insert;
            """),
        new(16, """
            -- How much the link's type vote weighs (EntityResolver.TypeVotes: more where the article gives evidence for the
            -- type), so that unlinking takes back what linking gave. Links stored before weighed one.
            ALTER TABLE entity_links ADD COLUMN votes INTEGER NOT NULL DEFAULT 1;
            """),
        new(17, """
            -- Framing's voices count words said or written only (a quote whose attribution is a thought, an evidential
            -- or a deed gives no voice). The tallies are per article and made when the article changes, so those
            -- stored before this version are made again: the stage "story-framing" reads the change feed from its
            -- start, as when it was added (version 11), and sums every story anew.
            DELETE FROM framing_documents;
            DELETE FROM story_framing;
            DELETE FROM feed_positions WHERE consumer = 'story-framing';
            """),
        new(18, """
            -- The items of the layers whose codec names them (ILayerCodec.Items; events: PLOVER type, status, day and the
            -- document's entities they involve), written with the layers, so that a listing over a whole store finds its
            -- items by index and decodes only the articles it shows: "sitrep events --type ASSAULT" decoded three layers of
            -- every article (all 37,554 allsides articles: 16 CPU-s). Keyed by the document's seq, so a new document's rows
            -- are appended. The layers stored before this version are indexed when the store is next opened with their
            -- codec; layer_items_done names the layers whose every stored document is indexed.
            CREATE TABLE layer_items (
                doc INTEGER NOT NULL,
                layer TEXT NOT NULL,
                item INTEGER NOT NULL,
                position INTEGER NOT NULL,
                kind TEXT COLLATE NOCASE,
                status TEXT,
                day TEXT,
                PRIMARY KEY (doc, layer, item)
            ) WITHOUT ROWID;
            CREATE INDEX layer_items_kind ON layer_items (layer, kind, day);
            CREATE INDEX layer_items_day ON layer_items (layer, day);
            -- Which of the document's own entities (its index in the document's entity list) each item involves; with
            -- entity_links, the items of a stored entity.
            CREATE TABLE layer_item_entities (
                doc INTEGER NOT NULL,
                local INTEGER NOT NULL,
                layer TEXT NOT NULL,
                item INTEGER NOT NULL,
                PRIMARY KEY (doc, local, layer, item)
            ) WITHOUT ROWID;
            CREATE TABLE layer_items_done (layer TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID;
            """),
        new(19, """
            -- An item's parts in their roles (an event's actor and target, a quote's speaker and cited source) with the
            -- names the article gives them, so that the quotes' listings (by speaker or source, by name or id) and the
            -- count of who cites whom read the index instead of every article: "sitrep quotes --cited Tasnim" and
            -- "sitrep citations" decoded three layers of every article (the whole allsides store: 11-17 CPU-s).
            -- search is the names in upper case (ordinal, invariant: what a comparison ignoring case compares), for
            -- a listing by a part of a name. The layers are indexed again on the next open with their codec.
            DROP TABLE layer_item_entities;
            -- Keyed so that an entity's links find their items in the key alone (local -1: no entity of the document).
            CREATE TABLE layer_item_parts (
                doc INTEGER NOT NULL,
                local INTEGER NOT NULL,
                layer TEXT NOT NULL,
                item INTEGER NOT NULL,
                role TEXT NOT NULL,
                name TEXT,
                search TEXT,
                PRIMARY KEY (doc, local, layer, item, role)
            ) WITHOUT ROWID;
            -- The named parts (a listing by a part of a name reads only this index; who cites whom reads its cited parts).
            CREATE INDEX layer_item_parts_named ON layer_item_parts (layer, role, search) WHERE search IS NOT NULL;
            DELETE FROM layer_items;
            DELETE FROM layer_items_done;
            """)
        {
            Notice = "its events and quotes are indexed once (about a minute for 30,000 articles)",
        },
    ];

    public static int LatestVersion => Migrations[^1].Version;
}
