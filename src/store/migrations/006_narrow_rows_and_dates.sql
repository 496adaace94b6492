-- Schema version 6: narrow article rows (texts in a side table, an explicit integer key that VACUUM keeps,
-- the search index without a copy of the text) and each indicator's article date, so that
-- lists in date order walk an index instead of joining and sorting every match.

CREATE TABLE articles_v6 (
    seq                INTEGER PRIMARY KEY,
    id                 TEXT NOT NULL UNIQUE,
    title              TEXT NOT NULL,
    published_on       TEXT,
    event_date         TEXT,
    byline             TEXT,
    period             TEXT,
    primary_locality   TEXT REFERENCES localities(code),
    source_file        TEXT UNIQUE,
    source_url         TEXT,
    extractor_version  INTEGER NOT NULL,
    created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    published_on_given TEXT
);
INSERT INTO articles_v6 (seq, id, title, published_on, event_date, byline, period, primary_locality,
        source_file, source_url, extractor_version, created_at, published_on_given)
    SELECT rowid, id, title, published_on, event_date, byline, period, primary_locality,
        source_file, source_url, extractor_version, created_at, published_on_given FROM articles;
CREATE TABLE article_texts (
    seq      INTEGER PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
    body     TEXT NOT NULL,
    captions TEXT NOT NULL DEFAULT '[]',
    raw_text TEXT NOT NULL
);
INSERT INTO article_texts (seq, body, captions, raw_text) SELECT rowid, body, captions, raw_text FROM articles;
DROP TABLE articles;
ALTER TABLE articles_v6 RENAME TO articles;
CREATE INDEX articles_newest ON articles(coalesce(published_on, event_date) DESC, id);
DROP TABLE article_search;
CREATE VIRTUAL TABLE article_search USING fts5(title, body, content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO article_search (rowid, title, body)
    SELECT a.seq, chiso_fold(a.title), chiso_fold(t.body) FROM articles a JOIN article_texts t USING (seq);
ALTER TABLE indicators ADD COLUMN newest TEXT;
UPDATE indicators SET newest =
    (SELECT coalesce(published_on, event_date) FROM articles a WHERE a.id = indicators.article_id);
DROP INDEX indicators_metric;
DROP INDEX indicators_locality;
DROP INDEX indicators_period;
DROP INDEX indicators_metric_locality;
DROP INDEX indicators_province;
DROP INDEX indicators_district;
DROP INDEX indicators_locality_metric;
CREATE INDEX indicators_newest ON indicators(newest DESC, article_id, position);
CREATE INDEX indicators_metric_newest ON indicators(metric, newest DESC, article_id, position);
CREATE INDEX indicators_province_newest ON indicators(province_code, metric, newest DESC, article_id, position);
CREATE INDEX indicators_district_newest ON indicators(district_code, metric, newest DESC, article_id, position);
CREATE INDEX indicators_locality_newest ON indicators(locality_code, metric, newest DESC, article_id, position);
