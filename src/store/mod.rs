//! SQLite persistence: schema, migrations and queries. Returns domain types; knows nothing of HTTP.
//!
//! Calls block: the API runs them on actix's blocking pool, never on the async workers.

mod article_detail;
mod article_reads;
mod articles;
mod gazetteer;
mod indicators;
mod localities;
mod meta;
mod schema;
mod sql;
mod summaries;
mod summary_cache;
mod summary_series;

use std::path::Path;
use std::time::Duration;

use r2d2::{Pool, PooledConnection};
use r2d2_sqlite::SqliteConnectionManager;

pub use articles::{Origin, SaveOutcome, StoredSource};
pub use meta::Readiness;

/// A failure of the store; never shown to clients as is.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("connection pool: {0}")]
    Pool(#[from] r2d2::Error),
    #[error("store schema version {found} is newer than this release understands ({supported})")]
    TooNew { found: i64, supported: i64 },
    #[error("corrupt row: {0}")]
    Corrupt(String),
}

pub type Conn = PooledConnection<SqliteConnectionManager>;

/// A pool of connections to one SQLite file.
#[derive(Clone)]
pub struct Store {
    pool: Pool<SqliteConnectionManager>,
    summaries: std::sync::Arc<summary_cache::SummaryCache>,
    /// Lists are counted exactly up to this many items.
    count_cap: u64,
}

/// How many connections a store keeps: readers run in parallel under WAL.
const POOL_SIZE: u32 = 8;

/// Page cache per connection while serving: small, since the OS caches the file for all of
/// them and the pool holds eight.
const SERVING_CACHE_KIB: u32 = 8_000;

/// Page cache of the connection that loads articles in bulk.
const LOADING_CACHE_KIB: u32 = 256_000;

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_with_cache(path, SERVING_CACHE_KIB)
    }

    /// [`Store::open`] for loading many articles: a page cache large enough to hold the
    /// indexes' hot pages, which random inserts would otherwise read and write again and again.
    pub fn open_for_loading(path: &Path) -> Result<Store, StoreError> {
        Store::open_with_cache(path, LOADING_CACHE_KIB)
    }

    fn open_with_cache(path: &Path, cache_kib: u32) -> Result<Store, StoreError> {
        // Checkpoint after about as many WAL pages as the cache holds: a batch's pages then go
        // to the database file once per checkpoint, not once per commit.
        let checkpoint_pages = (cache_kib / 4 / 4).max(1000);
        let manager = SqliteConnectionManager::file(path).with_init(move |c| {
            c.busy_timeout(Duration::from_secs(5))?;
            register_functions(c)?;
            c.execute_batch(&format!(
                "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY;
                 PRAGMA cache_size = -{cache_kib}; PRAGMA mmap_size = 0;
                 PRAGMA wal_autocheckpoint = {checkpoint_pages};"
            ))
        });
        let pool = Pool::builder()
            .max_size(POOL_SIZE)
            .connection_timeout(Duration::from_secs(10))
            .build(manager)?;
        let store = Store {
            pool,
            summaries: Default::default(),
            count_cap: sql::COUNT_CAP,
        };
        let mut conn = store.conn()?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        schema::migrate(&mut conn)?;
        Ok(store)
    }

    /// The same store with lists counted exactly up to `cap` items instead of [`sql::COUNT_CAP`].
    pub fn with_count_cap(mut self, cap: u64) -> Store {
        self.count_cap = cap;
        self
    }

    pub fn conn(&self) -> Result<Conn, StoreError> {
        Ok(self.pool.get()?)
    }
}

/// `chiso_fold(text)`: the accent-, case- and đ-folded text that search indexes hold.
fn register_functions(c: &rusqlite::Connection) -> rusqlite::Result<()> {
    use rusqlite::functions::FunctionFlags;
    c.create_scalar_function(
        "chiso_fold",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            Ok(ctx
                .get::<Option<String>>(0)?
                .map(|s| crate::domain::text::fold(&s)))
        },
    )
}

/// Reads an optional ISO date column.
fn date_column(row: &rusqlite::Row<'_>, idx: &str) -> rusqlite::Result<Option<chrono::NaiveDate>> {
    let text: Option<String> = row.get(idx)?;
    Ok(text.and_then(|t| chrono::NaiveDate::parse_from_str(&t, "%Y-%m-%d").ok()))
}
