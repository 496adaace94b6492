-- Schema version 2: search. Text is folded by chiso_fold() (accents, case, đ → d) before FTS5 sees it,
-- so "dang" finds "Đảng" and typed accents fold the same way.

CREATE VIRTUAL TABLE article_search USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO article_search (rowid, title, body) SELECT rowid, chiso_fold(title), chiso_fold(body) FROM articles;
ALTER TABLE indicators ADD COLUMN label_search TEXT NOT NULL DEFAULT '';
UPDATE indicators SET label_search = chiso_fold(label);
ALTER TABLE localities ADD COLUMN name_search TEXT NOT NULL DEFAULT '';
UPDATE localities SET name_search = chiso_fold(name);
CREATE INDEX indicators_value ON indicators(value);
CREATE INDEX indicators_period ON indicators(period);
CREATE INDEX article_localities_article ON article_localities(article_id, position);
