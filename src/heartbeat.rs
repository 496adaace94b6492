//! The primary's heartbeat under Litestream: the time, written into the store every second,
//! reaches each replica with the data; a replica's lag is the age of the last one it holds.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::store::Store;

/// How often the primary writes the time.
pub const INTERVAL: Duration = Duration::from_secs(1);

/// The time now in Unix milliseconds.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// Writes the heartbeat every [`INTERVAL`] on a thread of its own, for the life of the process.
/// A beat that finds the writer busy is skipped: the next one comes a second later.
pub fn start(store: Store) {
    let spawned = std::thread::Builder::new()
        .name("heartbeat".into())
        .spawn(move || {
            loop {
                if let Err(e) = store.beat(now_ms()) {
                    log::debug!("heartbeat skipped: {e}");
                }
                std::thread::sleep(INTERVAL);
            }
        });
    if let Err(e) = spawned {
        log::warn!("no heartbeat thread, replicas cannot measure their lag: {e}");
    }
}
