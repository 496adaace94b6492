//! Computed summaries and metric counts, kept until the store's next write.
//!
//! Every write transaction bumps a generation number in `meta` (so writes from another
//! process, `chiso ingest`, count too); a summary computed under an older generation is
//! computed again. A summary reads a few thousand rows; a dashboard reads it again and again.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use rusqlite::{Connection, OptionalExtension};

use crate::domain::{LocalitySummary, MetricCount};

/// Summaries kept at most (a large province's summary is a few hundred KB).
const CAPACITY: usize = 256;

/// Other answers kept at most: a province's series with every unit on its ground is about a
/// megabyte in memory at 100k articles; the answers as sent are kept apart, as bytes.
const ANSWERS: usize = 64;

type Key = (String, bool);

/// Locks that let one request compute a missing summary while others asking for the same
/// one wait for it, instead of computing it 32 times at once; striped by key.
const TURNS: usize = 16;

#[derive(Default)]
pub struct SummaryCache {
    entries: Mutex<HashMap<Key, (i64, Arc<LocalitySummary>)>>,
    turns: [Mutex<()>; TURNS],
    /// The metric catalog's counts (a pass over every indicator).
    metric_counts: Mutex<Option<(i64, Arc<Vec<MetricCount>>)>>,
    /// Other answers that read many rows (comparisons, series, facets), by their query.
    answers: Mutex<HashMap<String, (i64, Answer)>>,
    /// Summaries asked for since the last warm-up took them.
    asked: Mutex<HashSet<Key>>,
}

/// A kept answer of any type.
type Answer = Arc<dyn std::any::Any + Send + Sync>;

impl SummaryCache {
    pub fn metric_counts(&self, generation: i64) -> Option<Arc<Vec<MetricCount>>> {
        let kept = self.metric_counts.lock().ok()?;
        kept.as_ref()
            .filter(|(g, _)| *g == generation)
            .map(|(_, c)| c.clone())
    }

    pub fn put_metric_counts(&self, generation: i64, counts: Arc<Vec<MetricCount>>) {
        if let Ok(mut kept) = self.metric_counts.lock() {
            *kept = Some((generation, counts));
        }
    }

    /// The answer kept for `key` under `generation`, if it is a `T`.
    pub fn answer<T: Send + Sync + 'static>(&self, key: &str, generation: i64) -> Option<Arc<T>> {
        let answers = self.answers.lock().ok()?;
        let (g, answer) = answers.get(key)?;
        (*g == generation)
            .then(|| answer.clone().downcast::<T>().ok())
            .flatten()
    }

    pub fn put_answer<T: Send + Sync + 'static>(&self, key: String, generation: i64, answer: Arc<T>) {
        if let Ok(mut answers) = self.answers.lock() {
            if answers.len() >= ANSWERS {
                answers.retain(|_, (g, _)| *g == generation);
                if answers.len() >= ANSWERS {
                    answers.clear();
                }
            }
            answers.insert(key, (generation, answer));
        }
    }

    /// Notes that a request asked for the summary of `code`.
    pub fn mark_asked(&self, code: &str, rollup: bool) {
        if let Ok(mut asked) = self.asked.lock() {
            if asked.len() < CAPACITY {
                asked.insert((code.to_owned(), rollup));
            }
        }
    }

    /// The summaries asked for since the last call.
    pub fn take_asked(&self) -> HashSet<Key> {
        self.asked
            .lock()
            .map(|mut a| std::mem::take(&mut *a))
            .unwrap_or_default()
    }

    /// Held while computing the summary of `code`; check the cache again once it is held.
    pub fn turn(&self, code: &str, rollup: bool) -> std::sync::MutexGuard<'_, ()> {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (code, rollup).hash(&mut h);
        let lock = &self.turns[h.finish() as usize % TURNS];
        lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn get(&self, code: &str, rollup: bool, generation: i64) -> Option<Arc<LocalitySummary>> {
        let entries = self.entries.lock().ok()?;
        entries
            .get(&(code.to_owned(), rollup))
            .filter(|(g, _)| *g == generation)
            .map(|(_, s)| s.clone())
    }

    pub fn put(&self, code: &str, rollup: bool, generation: i64, summary: Arc<LocalitySummary>) {
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= CAPACITY {
                entries.retain(|_, (g, _)| *g == generation);
                if entries.len() >= CAPACITY {
                    entries.clear();
                }
            }
            entries.insert((code.to_owned(), rollup), (generation, summary));
        }
    }
}

/// The store's write generation.
pub fn generation(conn: &Connection) -> rusqlite::Result<i64> {
    let value: Option<String> = conn
        .query_row("SELECT value FROM meta WHERE key = 'generation'", [], |r| {
            r.get(0)
        })
        .optional()?;
    Ok(value.and_then(|v| v.parse().ok()).unwrap_or(0))
}

/// Moves the generation on; call inside every write transaction.
pub fn bump_generation(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('generation', '1')
         ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",
        [],
    )?;
    Ok(())
}
