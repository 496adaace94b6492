//! Extraction is CPU work: it runs on the blocking pool, never on the async workers, as many
//! at once as the machine has cores, and each within a time budget, so that a heavy text
//! delays only its own request.

use std::sync::Arc;
use std::time::Duration;

use actix_web::web;
use tokio::sync::Semaphore;
use tokio::time::timeout;

use crate::error::ApiError;

/// The limits on the work a write may cost.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// How long a request body may take to arrive.
    pub body_read: Duration,
    /// How long a write waits for an extraction slot.
    pub extraction_wait: Duration,
    /// How long one extraction may take before its request is answered 503.
    pub extraction_budget: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            body_read: Duration::from_secs(30),
            extraction_wait: Duration::from_secs(5),
            extraction_budget: Duration::from_secs(20),
        }
    }
}

/// The extraction slots of one server.
#[derive(Clone)]
pub struct Extractions {
    slots: Arc<Semaphore>,
    limits: Limits,
}

impl Extractions {
    /// One slot per core.
    pub fn new(limits: Limits) -> Extractions {
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        Extractions {
            slots: Arc::new(Semaphore::new(cores)),
            limits,
        }
    }

    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// Runs `work` in a slot on the blocking pool: 503 with `Retry-After` when no slot frees
    /// in time or the work runs past its budget (its result is then dropped, its slot kept
    /// until it ends).
    pub async fn run<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        F: FnOnce() -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        let slot = timeout(self.limits.extraction_wait, self.slots.clone().acquire_owned())
            .await
            .map_err(|_| ApiError::busy("the server is reading as many texts as it can; try again shortly"))?
            .map_err(ApiError::internal)?;
        let job = web::block(move || {
            let _slot = slot;
            work()
        });
        match timeout(self.limits.extraction_budget, job).await {
            Ok(done) => done.map_err(ApiError::internal)?,
            Err(_) => Err(ApiError::busy(format!(
                "reading this text took longer than the {} s this server allows; try again later",
                self.limits.extraction_budget.as_secs()
            ))),
        }
    }
}
