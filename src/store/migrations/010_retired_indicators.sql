-- Ids of indicators that re-extraction or a deletion removed: never given again, answered
-- with 410 and the article they came from.
CREATE TABLE retired_indicators (
    id         INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL
);
