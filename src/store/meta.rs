//! Service bookkeeping: key/value facts about the store and what readiness depends on.

use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError};

const HEARTBEAT: &str = "heartbeat_ms";

/// What `/ready` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Readiness {
    pub seeded: bool,
    pub localities: i64,
    pub articles: i64,
    /// The primary's last heartbeat this copy holds (Unix milliseconds), under Litestream.
    pub last_beat_ms: Option<i64>,
}

impl Store {
    pub fn meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        let conn = self.conn()?;
        let value = conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?;
        Ok(value)
    }

    pub fn set_meta(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.writer()?.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    /// Writes the time now (Unix milliseconds): a replica's lag is how old the last one it
    /// holds is. Not a write of data: the summaries' generation stays.
    pub fn beat(&self, now_ms: i64) -> Result<(), StoreError> {
        self.set_meta(HEARTBEAT, &now_ms.to_string())
    }

    pub fn readiness(&self) -> Result<Readiness, StoreError> {
        let conn = self.conn()?;
        let (localities, articles, seeded, beat): (i64, i64, i64, Option<String>) = conn.query_row(
            "SELECT (SELECT count(*) FROM localities),
                    (SELECT count(*) FROM articles),
                    (SELECT count(*) FROM meta WHERE key = 'seeded_at'),
                    (SELECT value FROM meta WHERE key = ?1)",
            [HEARTBEAT],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
        Ok(Readiness {
            seeded: seeded > 0 && localities > 0,
            localities,
            articles,
            last_beat_ms: beat.and_then(|v| v.parse().ok()),
        })
    }
}
