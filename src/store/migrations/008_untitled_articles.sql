-- Schema version 8: a page without a headline is an article with no title.

CREATE TABLE articles_v8 (
    seq                INTEGER PRIMARY KEY,
    id                 TEXT NOT NULL UNIQUE,
    title              TEXT,
    published_on       TEXT,
    event_date         TEXT,
    byline             TEXT,
    period             TEXT,
    primary_locality   TEXT REFERENCES localities(id),
    source_file        TEXT UNIQUE,
    source_url         TEXT,
    extractor_version  INTEGER NOT NULL,
    created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    published_on_given TEXT
);
INSERT INTO articles_v8 SELECT seq, id, title, published_on, event_date, byline, period,
    primary_locality, source_file, source_url, extractor_version, created_at, published_on_given
    FROM articles;
DROP TABLE articles;
ALTER TABLE articles_v8 RENAME TO articles;
CREATE INDEX articles_newest ON articles(coalesce(published_on, event_date) DESC, id);
