-- Schema version 15: an article read from a page's HTML or from trafilatura's JSON keeps the
-- headline and author its markup states (they survive re-extraction, as a given date does), and
-- every article says how its text was obtained: text, html or trafilatura.

ALTER TABLE articles ADD COLUMN title_given TEXT;
ALTER TABLE articles ADD COLUMN byline_given TEXT;
ALTER TABLE articles ADD COLUMN content_source TEXT NOT NULL DEFAULT 'text';
