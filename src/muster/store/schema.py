"""Schema migrations, applied in order; PRAGMA user_version holds the schema version."""
from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: documents, failures, events, mentions
    """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        url TEXT, outlet TEXT, title TEXT, published TEXT, language TEXT, path TEXT,
        raw TEXT NOT NULL, clean TEXT NOT NULL,
        removed TEXT NOT NULL DEFAULT '[]', warnings TEXT NOT NULL DEFAULT '[]',
        ingested_at TEXT NOT NULL, coder_version TEXT
    );
    CREATE INDEX documents_published ON documents(published);
    CREATE TABLE failures (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id TEXT NOT NULL, path TEXT NOT NULL, item TEXT, code TEXT NOT NULL, reason TEXT NOT NULL,
        at TEXT NOT NULL
    );
    CREATE TABLE mentions (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        layer TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, data TEXT NOT NULL,
        PRIMARY KEY (doc_id, layer, start, "end")
    );
    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL,  -- a stored document, or an import's source id (provenance says which)
        event_type TEXT NOT NULL, mode TEXT, cameo TEXT, goldstein REAL, quad INTEGER,
        actor_country TEXT, actor_code TEXT, recipient_country TEXT, recipient_code TEXT,
        date_start TEXT, date_end TEXT, date_value TEXT,
        location_name TEXT, location_country TEXT, lat REAL, lon REAL,
        negated INTEGER NOT NULL DEFAULT 0, hypothetical INTEGER NOT NULL DEFAULT 0,
        outlet TEXT, language TEXT, published TEXT, evidence TEXT,
        data TEXT NOT NULL,
        provenance TEXT NOT NULL DEFAULT 'muster',
        incident_id TEXT
    );
    CREATE INDEX events_incident ON events(incident_id);
    CREATE VIRTUAL TABLE events_fts USING fts5(evidence, content='events', content_rowid='rowid');
    CREATE TRIGGER events_ai AFTER INSERT ON events BEGIN
        INSERT INTO events_fts(rowid, evidence) VALUES (new.rowid, new.evidence);
    END;
    CREATE TRIGGER events_ad AFTER DELETE ON events BEGIN
        INSERT INTO events_fts(events_fts, rowid, evidence) VALUES ('delete', old.rowid, old.evidence);
    END;
    CREATE TABLE incidents (
        id TEXT PRIMARY KEY,
        event_type TEXT NOT NULL, mode TEXT, cameo TEXT, goldstein REAL, quad INTEGER,
        actor_country TEXT, actor_code TEXT, recipient_country TEXT, recipient_code TEXT,
        date_start TEXT, date_end TEXT, date_value TEXT,
        location_name TEXT, location_country TEXT, lat REAL, lon REAL,
        n_sources INTEGER NOT NULL, languages TEXT, outlets TEXT,
        data TEXT NOT NULL,      -- the incident in EVENT_FORMAT, sources listing every report
        explain TEXT NOT NULL    -- why its events were merged
    );
    CREATE INDEX incidents_dyad_date ON incidents(actor_country, recipient_country, date_start);
    CREATE INDEX incidents_type_date ON incidents(event_type, date_start);
    CREATE INDEX events_doc ON events(doc_id);
    CREATE INDEX events_dyad_date ON events(actor_country, recipient_country, date_start);
    CREATE INDEX events_type ON events(event_type);
    """,
    # 2: resolution blocks (event type + recipient), so an ingest re-resolves only what it touched
    """
    CREATE INDEX events_block ON events(event_type, coalesce(recipient_country, recipient_code));
    CREATE INDEX incidents_block ON incidents(event_type, coalesce(recipient_country, recipient_code));
    """,
    # 3: a durable queue of resolution blocks whose incidents are out of date. A document's events
    # and its blocks' entries are written in one transaction; each block is re-resolved and taken
    # off the queue in one transaction, so a crash at any point leaves the queue describing exactly
    # what is left to do. Stores written before this migration get their unlinked events queued.
    """
    CREATE TABLE dirty_blocks (
        event_type TEXT NOT NULL, recipient TEXT NOT NULL DEFAULT '',  -- '' for no recipient
        PRIMARY KEY (event_type, recipient)
    ) WITHOUT ROWID;
    INSERT OR IGNORE INTO dirty_blocks SELECT DISTINCT event_type, coalesce(recipient_country, recipient_code, '')
        FROM events WHERE incident_id IS NULL AND negated=0 AND hypothetical=0;
    """,
    # 4: mentions without a rowid (the primary key is the table: no second copy of the keys in an index)
    """
    CREATE TABLE mentions_new (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        layer TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, data TEXT NOT NULL,
        PRIMARY KEY (doc_id, layer, start, "end")
    ) WITHOUT ROWID;
    INSERT INTO mentions_new SELECT doc_id, layer, start, "end", data FROM mentions;
    DROP TABLE mentions;
    ALTER TABLE mentions_new RENAME TO mentions;
    """,
    # 5: a smaller store. A document's annotation layers are one packed row (store/packing.py) instead
    # of one JSON row per span (the mentions rows of older stores are still read); event and incident
    # records are packed where they are written; events_block serves what events_type did (its first
    # column is the event type).
    """
    CREATE TABLE layers (
        doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        data BLOB NOT NULL
    ) WITHOUT ROWID;
    DROP INDEX events_type;
    """,
]

VERSION = len(MIGRATIONS)
