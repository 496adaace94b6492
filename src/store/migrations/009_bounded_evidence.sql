-- Schema version 9: evidence in proportion to the figure: a bounded window of its sentence, and the
-- sentence's offsets in the title or body it stands in (the whole sentence on request).

ALTER TABLE indicators ADD COLUMN evidence_field TEXT NOT NULL DEFAULT 'body'
    CHECK (evidence_field IN ('title', 'body'));
ALTER TABLE indicators ADD COLUMN sentence_start INTEGER;
ALTER TABLE indicators ADD COLUMN sentence_end INTEGER;
