//! Litestream's VFS, loaded into the bundled SQLite once per process: a replica's connections
//! read the replica storage named by `LITESTREAM_REPLICA_URL` through it, each transaction a
//! consistent snapshot, new transactions seeing what the primary shipped since.

use std::path::Path;
use std::sync::OnceLock;

use rusqlite::Connection;

use super::StoreError;

/// The name the extension registers its VFS under.
pub const NAME: &str = "litestream";

const ENTRY_POINT: &str = "sqlite3_litestreamvfs_init";

/// Loads the extension at `extension` (once; later calls return the first outcome).
pub fn register(extension: &Path) -> Result<(), StoreError> {
    static LOADED: OnceLock<Result<(), String>> = OnceLock::new();
    LOADED
        .get_or_init(|| load(extension).map_err(|e| e.to_string()))
        .clone()
        .map_err(|why| {
            StoreError::Unusable(format!(
                "cannot load Litestream's VFS from {}: {why}",
                extension.display()
            ))
        })
}

fn load(extension: &Path) -> rusqlite::Result<()> {
    let conn = Connection::open_in_memory()?;
    // SAFETY: the library is the one the operator configured (CHISO_LITESTREAM_VFS); loading
    // is enabled only for this call on a connection of its own, closed right after.
    unsafe {
        let _guard = rusqlite::LoadExtensionGuard::new(&conn)?;
        conn.load_extension(extension, Some(ENTRY_POINT))
    }
}
