-- Province cards of a dashboard's first screen, kept across restarts: valid while the store's
-- write generation is the one they were computed under (a later write leaves them stale).
CREATE TABLE kept_summaries (
    locality_id TEXT NOT NULL,
    rollup INTEGER NOT NULL,
    generation INTEGER NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (locality_id, rollup)
) WITHOUT ROWID;
