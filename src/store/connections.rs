//! The store's connections, kept apart so that no client holds what others need: a pool of
//! readers whose statements stop past a time budget, one writer (WAL lets it write while the
//! readers read), and a connection of its own for each streamed export, within a cap, so that
//! a slow download never holds a pooled connection.

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use r2d2::{Pool, PooledConnection};
use r2d2_sqlite::SqliteConnectionManager;
use rusqlite::{Connection, OpenFlags};

use super::{SERVING_CACHE_KIB, StoreError, register_functions, schema, verified};

/// Reading connections: readers run in parallel under WAL.
const READERS: u32 = 8;

/// Prepared statements each connection keeps: a list's page and count, a card's and a
/// series' statements, the lookups of a single item.
const STATEMENTS: usize = 64;

/// How long a request waits for a connection before it is told to come back.
const CHECKOUT_WAIT: Duration = Duration::from_secs(3);

/// How long a writer waits for SQLite's write lock (held by another process, `chiso ingest`).
const WRITE_LOCK_WAIT: Duration = Duration::from_secs(5);

/// The longest a reading statement may run: a heavier query is stopped and answered 503.
pub const QUERY_BUDGET: Duration = Duration::from_secs(5);

/// Statements SQLite runs between two looks at the clock.
const BUDGET_CHECK_OPS: i32 = 1_000;

/// Exports streamed at once; past it, 429.
pub const EXPORTS: usize = 4;

/// The longest an export may hold its snapshot of the store (a snapshot keeps the WAL from
/// being checkpointed past it).
pub const EXPORT_BUDGET: Duration = Duration::from_secs(30 * 60);

/// A pooled connection.
pub struct Conn(PooledConnection<SqliteConnectionManager>);

impl Deref for Conn {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        &self.0
    }
}

impl DerefMut for Conn {
    fn deref_mut(&mut self) -> &mut Connection {
        &mut self.0
    }
}

/// A slot among the concurrent exports; released when dropped.
pub struct ExportPermit(Arc<AtomicUsize>);

impl Drop for ExportPermit {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// A read-only connection of an export's own, with its slot.
pub struct ExportConn {
    pub conn: Connection,
    _permit: ExportPermit,
}

/// Who else works on the store's file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sharing {
    /// Nobody: chiso checkpoints the write-ahead log itself.
    #[default]
    Alone,
    /// Litestream replicates the file and checkpoints it (it must see every WAL frame before
    /// it goes into the file): chiso never checkpoints, not even when it stops.
    Litestream,
    /// A replica: a copy read through Litestream's VFS (or a local copy), opened read-only,
    /// never checked through, migrated, seeded or checkpointed.
    Replica,
}

pub struct Connections {
    path: PathBuf,
    sharing: Sharing,
    readers: Pool<SqliteConnectionManager>,
    writer: Pool<SqliteConnectionManager>,
    exports: Arc<AtomicUsize>,
}

/// What every connection sets on opening; `checkpoint_pages` 0 leaves checkpoints to another
/// process.
fn configure(c: &Connection, cache_kib: u32, checkpoint_pages: u32) -> rusqlite::Result<()> {
    c.busy_timeout(WRITE_LOCK_WAIT)?;
    c.set_prepared_statement_cache_capacity(STATEMENTS);
    register_functions(c)?;
    c.execute_batch(&format!(
        "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY;
         PRAGMA cache_size = -{cache_kib}; PRAGMA mmap_size = 0;
         PRAGMA wal_autocheckpoint = {checkpoint_pages};"
    ))
}

/// A replica's connection: read-only, its own page cache, no checkpoints.
fn configure_replica(c: &Connection, cache_kib: u32) -> rusqlite::Result<()> {
    c.busy_timeout(WRITE_LOCK_WAIT)?;
    c.set_prepared_statement_cache_capacity(STATEMENTS);
    register_functions(c)?;
    c.execute_batch(&format!(
        "PRAGMA query_only = ON; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -{cache_kib}; PRAGMA mmap_size = 0;"
    ))
}

/// A path inside a `file:` URI: `?` and `#` would end it, `%` would start an escape.
fn uri_path(path: &Path) -> String {
    path.to_string_lossy()
        .replace('%', "%25")
        .replace('?', "%3f")
        .replace('#', "%23")
}

/// A store that cannot be used, said in one line.
fn unusable(why: impl std::fmt::Display) -> StoreError {
    let why = why.to_string();
    StoreError::Unusable(why.split_whitespace().collect::<Vec<_>>().join(" "))
}

impl Connections {
    /// Opens the file once, checks it (a folder, an unwritable file, a file that is not SQLite
    /// or is damaged fail here, before anything is written; a file as chiso closed it is not
    /// read through again), migrates it, then sets up the pools.
    pub fn open(path: &Path, cache_kib: u32, sharing: Sharing) -> Result<Connections, StoreError> {
        if sharing == Sharing::Replica {
            return Connections::open_replica(path, cache_kib, None);
        }
        if path.is_dir() {
            return Err(unusable("it is a folder"));
        }
        let existing = path.metadata().map(|m| m.len() > 0).unwrap_or(false);
        if existing && path.metadata().is_ok_and(|m| m.permissions().readonly()) {
            return Err(unusable("it is read-only"));
        }
        // Checkpoint after about as many WAL pages as the cache holds: a batch's pages then go
        // to the database file once per checkpoint, not once per commit.
        let checkpoint_pages = match sharing {
            Sharing::Alone => (cache_kib / 4 / 4).max(1000),
            Sharing::Litestream | Sharing::Replica => 0,
        };
        let mut first = Connection::open(path).map_err(unusable)?;
        first.busy_timeout(WRITE_LOCK_WAIT).map_err(unusable)?;
        if existing && verified::unchanged(path) {
            log::debug!("the store is as chiso closed it: its pages are not read through again");
        } else if existing {
            log::debug!("checking every page of the store (changed since chiso last closed it)");
            let verdict: String = first
                .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
                .map_err(unusable)?;
            if verdict != "ok" {
                return Err(unusable(format!("it is damaged ({verdict})")));
            }
        }
        configure(&first, cache_kib, checkpoint_pages).map_err(unusable)?;
        first
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(unusable)?;
        schema::migrate(&mut first)?;
        drop(first);
        let manager = |cache: u32| {
            SqliteConnectionManager::file(path).with_init(move |c| configure(c, cache, checkpoint_pages))
        };
        let pool = |size: u32, cache: u32| {
            Pool::builder()
                .max_size(size)
                .min_idle(Some(0))
                .connection_timeout(CHECKOUT_WAIT)
                // A connection to a file does not go stale: no test query on each checkout.
                .test_on_check_out(false)
                .error_handler(Box::new(r2d2::NopErrorHandler))
                .build_unchecked(manager(cache))
        };
        Ok(Connections {
            path: path.to_path_buf(),
            sharing,
            readers: pool(READERS, SERVING_CACHE_KIB.min(cache_kib)),
            writer: pool(1, cache_kib),
            exports: Arc::new(AtomicUsize::new(0)),
        })
    }

    /// A replica's store, read-only: through Litestream's VFS when its extension is given (the
    /// VFS reads the replica named by `LITESTREAM_REPLICA_URL` and follows it), else a local
    /// file that must exist. Nothing is written to it.
    pub fn open_replica(path: &Path, cache_kib: u32, vfs: Option<&Path>) -> Result<Connections, StoreError> {
        let flags =
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        let target = match vfs {
            Some(extension) => {
                super::vfs::register(extension)?;
                format!("file:{}?vfs={}", uri_path(path), super::vfs::NAME)
            }
            None if !path.is_file() => {
                return Err(unusable("a replica's local copy must exist (restore it first)"));
            }
            None => format!("file:{}?mode=ro", uri_path(path)),
        };
        let first = Connection::open_with_flags(&target, flags).map_err(unusable)?;
        configure_replica(&first, cache_kib).map_err(unusable)?;
        schema::check_current(&first)?;
        drop(first);
        let pool = |size: u32| {
            let manager = SqliteConnectionManager::file(&target)
                .with_flags(flags)
                .with_init(move |c| configure_replica(c, SERVING_CACHE_KIB.min(cache_kib)));
            Pool::builder()
                .max_size(size)
                .min_idle(Some(0))
                .connection_timeout(CHECKOUT_WAIT)
                // A connection to a file does not go stale: no test query on each checkout.
                .test_on_check_out(false)
                .error_handler(Box::new(r2d2::NopErrorHandler))
                .build_unchecked(manager)
        };
        Ok(Connections {
            path: path.to_path_buf(),
            sharing: Sharing::Replica,
            readers: pool(READERS),
            writer: pool(1),
            exports: Arc::new(AtomicUsize::new(0)),
        })
    }

    pub fn sharing(&self) -> Sharing {
        self.sharing
    }

    pub fn reader(&self, budget: Duration) -> Result<Conn, StoreError> {
        let conn = self
            .readers
            .get()
            .map_err(|e| StoreError::Busy(format!("no reading connection free: {e}")))?;
        let deadline = Instant::now() + budget;
        conn.progress_handler(BUDGET_CHECK_OPS, Some(move || Instant::now() > deadline))?;
        Ok(Conn(conn))
    }

    pub fn writer(&self) -> Result<Conn, StoreError> {
        let conn = self
            .writer
            .get()
            .map_err(|e| StoreError::Busy(format!("the writer is in use: {e}")))?;
        conn.progress_handler(BUDGET_CHECK_OPS, None::<fn() -> bool>)?;
        Ok(Conn(conn))
    }

    pub fn export(&self) -> Result<Option<ExportConn>, StoreError> {
        if self.exports.fetch_add(1, Ordering::AcqRel) >= EXPORTS {
            self.exports.fetch_sub(1, Ordering::AcqRel);
            return Ok(None);
        }
        let permit = ExportPermit(self.exports.clone());
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&self.path, flags)?;
        conn.busy_timeout(WRITE_LOCK_WAIT)?;
        register_functions(&conn)?;
        conn.execute_batch("PRAGMA temp_store = MEMORY; PRAGMA cache_size = -4000;")?;
        let deadline = Instant::now() + EXPORT_BUDGET;
        conn.progress_handler(BUDGET_CHECK_OPS, Some(move || Instant::now() > deadline))?;
        Ok(Some(ExportConn {
            conn,
            _permit: permit,
        }))
    }

    /// Empties the write-ahead log into the file and keeps the file's fingerprint, so that
    /// the next start on it need not read every page to check it.
    /// Under Litestream, or on a replica, the log is left to Litestream.
    pub fn close(&self) -> Result<(), StoreError> {
        if self.sharing != Sharing::Alone {
            return Ok(());
        }
        let conn = self.writer()?;
        let busy: i64 = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
        if busy == 0 {
            verified::record(&self.path);
        }
        Ok(())
    }
}
