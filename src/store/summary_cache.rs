//! Computed summaries and metric counts, kept until the store's next write.
//!
//! Every write transaction bumps a generation number in `meta` (so writes from another
//! process, `chiso ingest`, count too); a summary computed under an older generation is
//! computed again. A summary reads a few thousand rows; a dashboard reads it again and again.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use rusqlite::{Connection, OptionalExtension};

use crate::domain::{LocalitySummary, MetricCount, Total};

/// Summaries kept at most (a large province's summary is a few hundred KB).
const CAPACITY: usize = 256;

/// Other answers kept at most: a province's series with every unit on its ground is about a
/// megabyte in memory at 100k articles; the answers as sent are kept apart, as bytes.
const ANSWERS: usize = 64;

/// Their weight kept at most, each weighed by its JSON length (a million articles make a
/// province's series with every unit on its ground ten times heavier than 100k do).
const ANSWER_BYTES: usize = 32 << 20;

/// Lists' totals kept at most (a key is the count's SQL and parameters, a few hundred bytes).
const TOTALS: usize = 4096;

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
    answers: Mutex<HashMap<String, (i64, Answer, usize)>>,
    /// Lists' totals by their count's SQL and parameters: every page and order of a filter
    /// shares one.
    totals: Mutex<HashMap<String, (i64, Total)>>,
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
        let (g, answer, _) = answers.get(key)?;
        (*g == generation)
            .then(|| answer.clone().downcast::<T>().ok())
            .flatten()
    }

    /// Keeps `answer` unless it alone outweighs the bound; older generations go first, then
    /// everything, when the count or the weight would pass theirs.
    pub fn put_answer<T: Send + Sync + 'static>(
        &self,
        key: String,
        generation: i64,
        answer: Arc<T>,
        weight: usize,
    ) {
        if weight > ANSWER_BYTES / 4 {
            return;
        }
        if let Ok(mut answers) = self.answers.lock() {
            let full = |a: &HashMap<_, (i64, Answer, usize)>| {
                a.len() >= ANSWERS || a.values().map(|(_, _, w)| w).sum::<usize>() + weight > ANSWER_BYTES
            };
            if full(&answers) {
                answers.retain(|_, (g, _, _)| *g == generation);
                if full(&answers) {
                    answers.clear();
                }
            }
            answers.insert(key, (generation, answer, weight));
        }
    }

    pub fn total(&self, key: &str, generation: i64) -> Option<Total> {
        let totals = self.totals.lock().ok()?;
        totals.get(key).filter(|(g, _)| *g == generation).map(|(_, t)| *t)
    }

    pub fn put_total(&self, key: String, generation: i64, total: Total) {
        if let Ok(mut totals) = self.totals.lock() {
            if totals.len() >= TOTALS {
                totals.retain(|_, (g, _)| *g == generation);
                if totals.len() >= TOTALS {
                    totals.clear();
                }
            }
            totals.insert(key, (generation, total));
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

    /// The value kept under `key` (`get`), else `compute`d once and kept (`put`): concurrent
    /// askers of the same key wait for the first and share its answer. Every kept answer of
    /// the store (cards, answers, the catalog's counts) goes through here.
    pub fn kept_or<T: Clone, E>(
        &self,
        key: &str,
        get: impl Fn() -> Option<T>,
        compute: impl FnOnce() -> Result<T, E>,
        put: impl FnOnce(T),
    ) -> Result<T, E> {
        if let Some(kept) = get() {
            return Ok(kept);
        }
        let _turn = self.turn(key, false);
        if let Some(kept) = get() {
            return Ok(kept);
        }
        let value = compute()?;
        put(value.clone());
        Ok(value)
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

/// The length of `value` as JSON, without writing it anywhere.
pub fn json_weight<T: serde::Serialize>(value: &T) -> usize {
    struct Count(usize);
    impl std::io::Write for Count {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0 += buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut count = Count(0);
    match serde_json::to_writer(&mut count, value) {
        Ok(()) => count.0,
        Err(_) => usize::MAX,
    }
}

/// The store's write generation.
pub fn generation(conn: &Connection) -> rusqlite::Result<i64> {
    let value: Option<String> = conn
        .prepare_cached("SELECT value FROM meta WHERE key = 'generation'")?
        .query_row([], |r| r.get(0))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_answers_never_outweigh_their_bound_and_a_heavy_one_is_not_kept() {
        let cache = SummaryCache::default();
        cache.put_answer("heavy".into(), 1, Arc::new(0u8), ANSWER_BYTES / 4 + 1);
        assert!(cache.answer::<u8>("heavy", 1).is_none());
        for i in 0..40 {
            cache.put_answer(format!("a{i}"), 1, Arc::new(i), ANSWER_BYTES / 8);
            let kept = cache.answers.lock().unwrap();
            let weight: usize = kept.values().map(|(_, _, w)| w).sum();
            assert!(weight <= ANSWER_BYTES, "{weight} after {i}");
        }
        assert_eq!(cache.answer::<i32>("a39", 1).as_deref(), Some(&39));
    }

    #[test]
    fn a_total_is_kept_for_its_generation_only() {
        let cache = SummaryCache::default();
        cache.put_total("SELECT 1 FROM indicators i".into(), 7, Total::from(12));
        assert_eq!(
            cache.total("SELECT 1 FROM indicators i", 7),
            Some(Total::from(12))
        );
        assert_eq!(cache.total("SELECT 1 FROM indicators i", 8), None);
    }
}
