-- A unit's articles oldest first (undated last) from one index range too: the expression
-- index matches the ORDER BY of that list term for term, so no page sorts the unit's articles.
CREATE INDEX article_localities_oldest
    ON article_localities (locality_id, article_date IS NULL, article_date, article_id);
