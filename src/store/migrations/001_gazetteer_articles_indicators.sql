-- Schema version 1: gazetteer, articles, indicators.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE localities (
    code                TEXT PRIMARY KEY,
    level               TEXT NOT NULL CHECK (level IN ('province', 'district', 'commune')),
    type                TEXT NOT NULL,
    type_vi             TEXT NOT NULL,
    name                TEXT NOT NULL,
    short_name          TEXT NOT NULL,
    parent_code         TEXT REFERENCES localities(code),
    lat                 REAL,
    lon                 REAL,
    successor_2025_code TEXT,
    successor_2025_name TEXT
);
CREATE INDEX localities_parent ON localities(parent_code);
CREATE INDEX localities_level ON localities(level);
CREATE TABLE locality_aliases (
    code       TEXT NOT NULL REFERENCES localities(code),
    name       TEXT NOT NULL,
    valid_from TEXT,
    valid_to   TEXT,
    note       TEXT,
    PRIMARY KEY (code, name)
);
CREATE TABLE articles (
    id                TEXT PRIMARY KEY,
    title             TEXT NOT NULL,
    published_on      TEXT,
    event_date        TEXT,
    byline            TEXT,
    period            TEXT,
    primary_locality  TEXT REFERENCES localities(code),
    body              TEXT NOT NULL,
    captions          TEXT NOT NULL DEFAULT '[]',
    raw_text          TEXT NOT NULL,
    source_file       TEXT UNIQUE,
    source_url        TEXT,
    extractor_version INTEGER NOT NULL,
    created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX articles_newest ON articles(coalesce(published_on, event_date) DESC, id);
CREATE TABLE article_localities (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    code       TEXT NOT NULL REFERENCES localities(code),
    position   INTEGER NOT NULL,
    PRIMARY KEY (article_id, code)
);
CREATE INDEX article_localities_code ON article_localities(code);
CREATE TABLE indicators (
    id             INTEGER PRIMARY KEY,
    article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    metric         TEXT NOT NULL,
    label          TEXT NOT NULL,
    value          REAL NOT NULL,
    unit           TEXT NOT NULL,
    unit_noun      TEXT,
    denominator    REAL,
    qualifier      TEXT,
    direction      TEXT NOT NULL,
    period         TEXT,
    locality_code  TEXT REFERENCES localities(code),
    evidence_text  TEXT NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    UNIQUE (article_id, position)
);
CREATE INDEX indicators_metric ON indicators(metric);
CREATE INDEX indicators_locality ON indicators(locality_code);
