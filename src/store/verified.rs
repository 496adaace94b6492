//! What chiso last knew of its store file, kept beside it (`<store>-checked`), so that a
//! start on a file nobody has touched since chiso closed it cleanly need not read every page
//! again: `PRAGMA quick_check` reads the whole file, 3 s for the 1.6 GB of 100,000 articles.
//! A file changed behind chiso's back (copied in, truncated, overwritten, or left with a
//! write-ahead log by a crash) no longer matches and is checked in full.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// How far the clock must be past the file's last change before its fingerprint is kept:
/// file times come from a coarse clock, and a change within the same tick would otherwise
/// leave the time as it was.
const CLOCK_TICK: Duration = Duration::from_millis(50);

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// The file's size and last change, or `None` while its write-ahead log holds anything
/// (the store is then more than the file).
fn fingerprint(path: &Path) -> Option<(String, SystemTime)> {
    let wal = fs::metadata(with_suffix(path, "-wal"))
        .map(|m| m.len())
        .unwrap_or(0);
    if wal > 0 {
        return None;
    }
    let meta = fs::metadata(path).ok()?;
    let modified = meta.modified().ok()?;
    let nanos = modified.duration_since(UNIX_EPOCH).ok()?.as_nanos();
    Some((format!("{} bytes, modified {nanos} ns\n", meta.len()), modified))
}

/// True when the file is as chiso left it at its last clean close.
pub(super) fn unchanged(path: &Path) -> bool {
    let recorded = fs::read_to_string(with_suffix(path, "-checked")).ok();
    fingerprint(path).is_some_and(|(now, _)| recorded.as_deref() == Some(now.as_str()))
}

/// Keeps the fingerprint of a file whose log has just been emptied into it. Failing to keep
/// it costs the next start a full check, nothing more.
pub(super) fn record(path: &Path) {
    let Some((print, modified)) = fingerprint(path) else {
        return;
    };
    if let Ok(wait) = (modified + CLOCK_TICK).duration_since(SystemTime::now()) {
        std::thread::sleep(wait);
        if fingerprint(path).is_none_or(|(again, _)| again != print) {
            return;
        }
    }
    let marker = with_suffix(path, "-checked");
    let partial = with_suffix(path, "-checked.partial");
    if let Err(e) = fs::write(&partial, print).and_then(|()| fs::rename(&partial, &marker)) {
        log::debug!("the store's fingerprint was not kept ({e}); the next start checks it in full");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recorded_file_is_unchanged_until_written_or_given_a_log() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("s.sqlite3");
        fs::write(&db, vec![7u8; 4096]).unwrap();
        assert!(!unchanged(&db), "nothing recorded yet");
        record(&db);
        assert!(unchanged(&db));
        fs::write(with_suffix(&db, "-wal"), b"frame").unwrap();
        assert!(!unchanged(&db), "a log with frames");
        fs::write(with_suffix(&db, "-wal"), b"").unwrap();
        assert!(unchanged(&db), "an empty log");
        let mut bytes = fs::read(&db).unwrap();
        bytes[2048] = 8;
        fs::write(&db, bytes).unwrap();
        assert!(!unchanged(&db), "the same size, written since");
    }
}
