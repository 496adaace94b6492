//! The answers a dashboard's first screen asks for — the summaries of the provinces on both
//! maps (each a province card), the metric catalog and the provinces' comparisons of the most
//! reported metrics — computed ahead of the first request: after a start, after a batch of
//! writes, at the end of `chiso ingest`. The cards are kept in the store with the generation
//! they were computed under, so that a restart on an unchanged store serves them at once.
//! After a write only what was asked for since the last warm-up is computed again: a kept
//! answer nobody reads is left stale.

use std::time::{Duration, Instant};

use rusqlite::{OptionalExtension, params};

use super::{Sharing, Store, StoreError, summary_cache};
use crate::domain::{
    ComparisonQuery, ComparisonSort, Level, LocalitySummary, MetricKey, PeriodChoice, PlaceId, Scheme,
    UnitOrder,
};

/// The longest one answer of the warm-up may take: it runs off the request path.
const WARM_BUDGET: Duration = Duration::from_secs(120);

/// Metrics whose province comparisons are computed ahead, the most reported first.
const COMPARED_METRICS: usize = 3;

/// What a warm-up did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Warmed {
    /// Cards computed, or read back from the store.
    pub cards: usize,
    pub comparisons: usize,
    pub took: Duration,
}

impl Store {
    /// The store's write generation: it moves on with every write of data.
    pub fn generation(&self) -> Result<i64, StoreError> {
        let conn = self.conn()?;
        Ok(summary_cache::generation(&conn)?)
    }

    /// Computes the first screen's answers that are missing or stale; with `asked_only`, only
    /// the cards asked for since the last warm-up. Persists the cards it computed unless the
    /// store is a read-only replica.
    pub fn warm_first_screen(&self, asked_only: bool) -> Result<Warmed, StoreError> {
        let started = Instant::now();
        let mut warmed = Warmed {
            cards: self.warm_cards(asked_only)?,
            ..Warmed::default()
        };
        let store = self.clone().with_query_budget(WARM_BUDGET);
        if !asked_only {
            let counts = store.metric_counts()?;
            let mut most: Vec<_> = counts.iter().filter(|m| m.indicator_count > 0).collect();
            most.sort_by_key(|m| std::cmp::Reverse(m.indicator_count));
            for metric in most
                .iter()
                .filter_map(|m| MetricKey::parse(&m.key))
                .take(COMPARED_METRICS)
            {
                for scheme in [Scheme::Y2025, Scheme::Y2024] {
                    store.compare_metric(&province_comparison(metric, scheme))?;
                    warmed.comparisons += 1;
                }
            }
        }
        warmed.took = started.elapsed();
        Ok(warmed)
    }

    /// Computes, or reads back, the province cards of both maps that are missing or stale
    /// (with `asked_only`, of those asked for since the last warm-up), keeping in the store
    /// those it computed; how many.
    pub fn warm_cards(&self, asked_only: bool) -> Result<usize, StoreError> {
        let store = self.clone().with_query_budget(WARM_BUDGET);
        let asked = self.summaries.take_asked();
        let mut cards = 0;
        for scheme in [Scheme::Y2025, Scheme::Y2024] {
            let (ids, _) =
                store.units_with_articles(scheme, Level::Province, UnitOrder::Code, u32::MAX, 0)?;
            for id in ids {
                if asked_only && !asked.contains(&(id.to_string(), true)) {
                    continue;
                }
                let conn = store.conn()?;
                let generation = summary_cache::generation(&conn)?;
                let was_kept = Store::has_kept_card(&conn, &id, generation);
                let in_memory = self.summaries.get(&id.to_string(), true, generation).is_some();
                if in_memory && was_kept {
                    continue;
                }
                // A card a request computed is in memory only: keep it in the store too.
                let card = store.card_on(&conn, &id, true)?;
                drop(conn);
                if !was_kept {
                    store.persist(&id, &card, generation);
                }
                cards += 1;
            }
        }
        Ok(cards)
    }

    /// The card of `id` kept in the store under `generation`, if any.
    pub(super) fn kept_card(
        conn: &rusqlite::Connection,
        id: &PlaceId,
        rollup: bool,
        generation: i64,
    ) -> Option<LocalitySummary> {
        let body: Option<String> = conn
            .query_row(
                "SELECT body FROM kept_summaries WHERE locality_id = ?1 AND rollup = ?2 AND generation = ?3",
                params![id.to_string(), rollup, generation],
                |r| r.get(0),
            )
            .optional()
            .unwrap_or_else(|e| {
                log::warn!("kept card of {id} unreadable: {e}");
                None
            });
        body.and_then(|b| {
            serde_json::from_str(&b)
                .map_err(|e| log::warn!("kept card of {id} does not read back: {e}"))
                .ok()
        })
    }

    /// Whether the store keeps the card of `id` under `generation`.
    fn has_kept_card(conn: &rusqlite::Connection, id: &PlaceId, generation: i64) -> bool {
        conn.query_row(
            "SELECT 1 FROM kept_summaries WHERE locality_id = ?1 AND rollup = 1 AND generation = ?2",
            params![id.to_string(), generation],
            |_| Ok(()),
        )
        .is_ok()
    }

    /// Keeps a card in the store; a busy writer or a replica's read-only file skips it.
    fn persist(&self, id: &PlaceId, card: &LocalitySummary, generation: i64) {
        if self.sharing() == Sharing::Replica {
            return;
        }
        let written = serde_json::to_string(card)
            .map_err(|e| e.to_string())
            .and_then(|body| {
                let writer = self.writer().map_err(|e| e.to_string())?;
                writer
                    .execute(
                        "INSERT INTO kept_summaries (locality_id, rollup, generation, body) VALUES (?1, 1, ?2, ?3)
                         ON CONFLICT (locality_id, rollup) DO UPDATE
                         SET generation = excluded.generation, body = excluded.body",
                        params![id.to_string(), generation, body],
                    )
                    .map_err(|e| e.to_string())
            });
        if let Err(e) = written {
            log::debug!("card of {id} not kept in the store: {e}");
        }
    }
}

/// The provinces' comparison of `metric` on `scheme` as `/metrics/{metric}/localities` asks
/// for it without parameters.
fn province_comparison(metric: MetricKey, scheme: Scheme) -> ComparisonQuery {
    ComparisonQuery {
        metric,
        scheme,
        level: Level::Province,
        parent: None,
        periods: PeriodChoice::default(),
        period_kind: None,
        unit: None,
        direction: None,
        sort: ComparisonSort::default(),
    }
}
