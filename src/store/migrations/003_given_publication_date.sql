-- Schema version 3: a publication date given by the client overrides the extracted one, and survives
-- re-extraction.

ALTER TABLE articles ADD COLUMN published_on_given TEXT;
