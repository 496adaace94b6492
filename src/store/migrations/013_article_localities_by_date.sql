-- A unit's articles newest first from one index range: each row of article_localities carries
-- its article's date (publication, else event), kept by triggers on both tables, so a page of
-- a province's articles reads 20 index entries instead of sorting thousands of articles.
ALTER TABLE article_localities ADD COLUMN article_date TEXT;
UPDATE article_localities SET article_date =
    (SELECT coalesce(a.published_on, a.event_date) FROM articles a WHERE a.id = article_localities.article_id);
DROP INDEX article_localities_locality;
CREATE INDEX article_localities_newest ON article_localities (locality_id, article_date DESC, article_id);
CREATE TRIGGER article_localities_dated AFTER INSERT ON article_localities
BEGIN
    UPDATE article_localities SET article_date =
        (SELECT coalesce(a.published_on, a.event_date) FROM articles a WHERE a.id = NEW.article_id)
    WHERE article_id = NEW.article_id AND locality_id = NEW.locality_id;
END;
CREATE TRIGGER articles_redated AFTER UPDATE OF published_on, event_date ON articles
BEGIN
    UPDATE article_localities SET article_date = coalesce(NEW.published_on, NEW.event_date)
    WHERE article_id = NEW.id;
END;
