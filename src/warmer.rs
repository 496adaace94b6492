//! Keeps a dashboard's first screen warm while the server runs: at start, and once writes
//! have settled (the store's generation unchanged for an interval, so that a batch is warmed
//! once, not once per write), on a thread of its own, off the request path.

use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::store::Store;

/// How often the generation is looked at.
pub const INTERVAL: Duration = Duration::from_secs(2);

/// The running warmer: stopped, and waited for, before the store is closed, so that nothing
/// writes to the store after its fingerprint is kept.
pub struct Warmer {
    stop: Option<Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Warmer {
    /// Stops the warmer, letting a warming under way finish.
    pub fn stop(mut self) {
        drop(self.stop.take());
        if let Some(thread) = self.thread.take() {
            thread.join().ok();
        }
    }
}

/// Warms the first screen now and after each settled batch of writes, until stopped. After a
/// start everything is warmed; after writes, what was asked for since.
pub fn start(store: Store) -> Warmer {
    let (stop, stopped) = mpsc::channel::<()>();
    let spawned = std::thread::Builder::new().name("warmer".into()).spawn(move || {
        let (mut warmed, mut seen): (Option<i64>, Option<i64>) = (None, None);
        loop {
            match store.generation() {
                Ok(generation) => {
                    let settled = seen == Some(generation);
                    if warmed != Some(generation) && (warmed.is_none() || settled) {
                        match store.warm_first_screen(warmed.is_some()) {
                            Ok(w) => {
                                log::info!(
                                    "first screen warm: {} cards, {} comparisons in {:.1} s",
                                    w.cards,
                                    w.comparisons,
                                    w.took.as_secs_f64()
                                );
                                warmed = Some(generation);
                            }
                            Err(e) => log::warn!("first screen not warmed: {e}"),
                        }
                    }
                    seen = Some(generation);
                }
                Err(e) => log::debug!("warmer cannot read the generation: {e}"),
            }
            match stopped.recv_timeout(INTERVAL) {
                Err(RecvTimeoutError::Timeout) => continue,
                Ok(()) | Err(RecvTimeoutError::Disconnected) => return,
            }
        }
    });
    let thread = match spawned {
        Ok(thread) => Some(thread),
        Err(e) => {
            log::warn!("no warmer thread, first requests compute their answers: {e}");
            None
        }
    };
    Warmer {
        stop: Some(stop),
        thread,
    }
}
