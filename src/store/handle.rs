//! The store itself: its failures, its connections and the answers it keeps. Every query
//! module adds methods to [`Store`].

use std::path::Path;
use std::sync::Arc;

use super::connections::{self, Conn, ExportConn, Sharing};
use super::{sql, summary_cache};

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
    /// Every connection is in use, or the write lock is held, for longer than a request may
    /// wait: try again shortly.
    #[error("the store is busy: {0}")]
    Busy(String),
    /// A query ran past its time budget and was stopped.
    #[error("a query ran longer than {0:?} and was stopped")]
    TooSlow(std::time::Duration),
    /// The file is not a store chiso can open: not SQLite, damaged, a folder, not writable.
    #[error("{0}")]
    Unusable(String),
}

impl StoreError {
    /// Whether the failure is passing (a busy store, a stopped query): the client may retry.
    pub fn is_transient(&self) -> bool {
        match self {
            StoreError::Busy(_) | StoreError::TooSlow(_) | StoreError::Pool(_) => true,
            StoreError::Sqlite(e) => matches!(
                e.sqlite_error_code(),
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
            ),
            _ => false,
        }
    }
}

/// One SQLite file: a pool of reading connections, one writing connection, and connections
/// of their own for exports.
#[derive(Clone)]
pub struct Store {
    pub(super) connections: Arc<connections::Connections>,
    pub(super) summaries: Arc<summary_cache::SummaryCache>,
    /// Lists are counted exactly up to this many items.
    pub(super) count_cap: u64,
    /// The longest a reading statement may run.
    pub(super) query_budget: std::time::Duration,
}

/// Page cache per reading connection while serving: small, since the OS caches the file for
/// all of them.
pub(super) const SERVING_CACHE_KIB: u32 = 8_000;

/// Page cache of the connection that loads articles in bulk.
const LOADING_CACHE_KIB: u32 = 256_000;

impl Store {
    /// Opens (creating if needed) the store at `path`, checks it, and brings its schema up to
    /// date. A file that is not a usable store fails at once with one error.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_with_cache(path, SERVING_CACHE_KIB, Sharing::Alone)
    }

    /// A read replica's store: through Litestream's VFS when its extension is given, else a
    /// local copy opened read-only.
    pub fn open_replica(path: &Path, vfs_extension: Option<&Path>) -> Result<Store, StoreError> {
        Ok(Store {
            connections: Arc::new(connections::Connections::open_replica(
                path,
                SERVING_CACHE_KIB,
                vfs_extension,
            )?),
            summaries: Default::default(),
            count_cap: sql::COUNT_CAP,
            query_budget: connections::QUERY_BUDGET,
        })
    }

    /// [`Store::open`] for a file shared with Litestream, or a replica's copy of one.
    pub fn open_shared(path: &Path, sharing: Sharing) -> Result<Store, StoreError> {
        Store::open_with_cache(path, SERVING_CACHE_KIB, sharing)
    }

    /// [`Store::open`] for loading many articles: a page cache large enough to hold the
    /// indexes' hot pages, which random inserts would otherwise read and write again and again.
    pub fn open_for_loading(path: &Path, sharing: Sharing) -> Result<Store, StoreError> {
        Store::open_with_cache(path, LOADING_CACHE_KIB, sharing)
    }

    fn open_with_cache(path: &Path, cache_kib: u32, sharing: Sharing) -> Result<Store, StoreError> {
        Ok(Store {
            connections: Arc::new(connections::Connections::open(path, cache_kib, sharing)?),
            summaries: Default::default(),
            count_cap: sql::COUNT_CAP,
            query_budget: connections::QUERY_BUDGET,
        })
    }

    /// The same store with lists counted exactly up to `cap` items instead of [`sql::COUNT_CAP`].
    pub fn with_count_cap(mut self, cap: u64) -> Store {
        self.count_cap = cap;
        self
    }

    /// Ends a run on the store cleanly: the write-ahead log emptied into the file, whose
    /// fingerprint is kept so that the next start need not check every page.
    pub fn close(&self) -> Result<(), StoreError> {
        self.connections.close()
    }

    /// Who else works on the store's file.
    pub fn sharing(&self) -> Sharing {
        self.connections.sharing()
    }

    /// A reading connection, its statements stopped past the query budget.
    pub fn conn(&self) -> Result<Conn, StoreError> {
        self.connections.reader(self.query_budget)
    }

    /// `compute`'s answer, kept under `key` until the next write.
    pub(super) fn kept<T: serde::Serialize + Send + Sync + 'static>(
        &self,
        conn: &rusqlite::Connection,
        key: String,
        compute: impl FnOnce(&rusqlite::Connection) -> Result<T, StoreError>,
    ) -> Result<Arc<T>, StoreError> {
        let generation = summary_cache::generation(conn)?;
        self.summaries.kept_or(
            &key,
            || self.summaries.answer::<T>(&key, generation),
            || compute(conn).map(Arc::new),
            |answer| {
                let weight = summary_cache::json_weight(&*answer);
                self.summaries.put_answer(key.clone(), generation, answer, weight);
            },
        )
    }

    /// The same store with reading statements stopped after `budget` instead of
    /// [`QUERY_BUDGET`](connections::QUERY_BUDGET).
    pub fn with_query_budget(mut self, budget: std::time::Duration) -> Store {
        self.query_budget = budget;
        self
    }

    /// The writing connection: one at a time, so that writers queue here rather than on
    /// SQLite's lock.
    pub fn writer(&self) -> Result<Conn, StoreError> {
        self.connections.writer()
    }

    /// A connection of its own for a streamed export, within the cap on concurrent exports;
    /// `None` when the cap is reached.
    pub fn export_conn(&self) -> Result<Option<ExportConn>, StoreError> {
        self.connections.export()
    }
}

/// `chiso_fold(text)`: the accent-, case- and đ-folded text that search indexes hold.
pub(super) fn register_functions(c: &rusqlite::Connection) -> rusqlite::Result<()> {
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
pub(super) fn date_column(row: &rusqlite::Row<'_>, idx: &str) -> rusqlite::Result<Option<chrono::NaiveDate>> {
    row.get(idx)
}
