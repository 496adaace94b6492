//! The binary as operators run it: configuration it refuses, stores it refuses in one line
//! before writing to them, and a clean stop that spares the next start a full check.

use std::process::{Command, Stdio};
use std::time::Duration;

#[test]
fn the_binary_refuses_an_unparsable_bind_address_with_one_clear_message() {
    let out = Command::new(env!("CARGO_BIN_EXE_chiso"))
        .args(["--bind", "not-an-address"])
        .output()
        .expect("binary runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--bind"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

/// Starts the server binary with this seed folder and store; returns its exit code and stderr,
/// or `None` and what it said if it was still running after twenty seconds (it started).
fn serve_with(seed: &std::path::Path, db: &std::path::Path) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_chiso"))
        .env("CHISO_SEED_DIR", seed)
        .env("CHISO_DB", db)
        .env("CHISO_BIND", "127.0.0.1:0")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    let started = std::time::Instant::now();
    while child.try_wait().expect("binary runs").is_none() && started.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let out = child.wait_with_output().expect("binary runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_binary_refuses_a_missing_seed_folder_without_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = serve_with(&dir.path().join("missing"), &dir.path().join("db.sqlite3"));
    assert_eq!(code, Some(1));
    assert!(err.contains("seed folder") && !err.contains("panicked"), "{err}");
}

#[test]
fn the_binary_refuses_an_unwritable_store_path() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "not a folder").unwrap();
    let (code, err) = serve_with(&crate::support::seed_dir(), &blocker.join("db.sqlite3"));
    assert_eq!(code, Some(1));
    assert!(err.starts_with("error: ") && !err.contains("panicked"), "{err}");
}

#[test]
fn help_documents_every_environment_variable() {
    let out = Command::new(env!("CARGO_BIN_EXE_chiso"))
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    for var in [
        "CHISO_BIND",
        "CHISO_DB",
        "CHISO_SEED_DIR",
        "CHISO_API_TOKEN",
        "CHISO_MAX_BODY_BYTES",
    ] {
        assert!(help.contains(var), "{var} missing from --help");
    }
}

/// A store closed cleanly (its fingerprint kept), then spoiled by `damage`, started on: one
/// line of error, in well under the ten seconds a pool's retries took, and not a byte written.
fn refuses_in_one_line(name: &str, damage: impl FnOnce(&std::path::Path)) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("chiso.sqlite3");
    let good = chiso::store::Store::open(&db).unwrap();
    chiso::seed::seed(&good, &crate::support::seed_dir()).unwrap();
    good.close().unwrap();
    drop(good);
    assert!(
        dir.path().join("chiso.sqlite3-checked").exists(),
        "{name}: no fingerprint kept"
    );
    damage(&db);
    let before = std::fs::read(&db).ok();
    // No bound on the time it takes: a start on a busy machine with a cold page cache may
    // take seconds; that it exits at all (`serve_with` waits twenty seconds) and leaves the
    // file as it was is what says the check comes before any work on the store.
    let (code, err) = serve_with(&crate::support::seed_dir(), &db);
    assert_eq!(code, Some(1), "{name}: {err}");
    assert_eq!(err.lines().count(), 1, "{name}: one line, not {err}");
    assert!(
        err.starts_with("error: ") && err.contains("chiso.sqlite3"),
        "{name}: {err}"
    );
    assert_eq!(std::fs::read(&db).ok(), before, "{name}: the file was written");
}

#[test]
fn the_binary_refuses_a_truncated_store_in_one_line() {
    refuses_in_one_line("truncated", |db| {
        let bytes = std::fs::read(db).unwrap();
        std::fs::write(db, &bytes[..bytes.len() / 3]).unwrap();
    });
}

#[test]
fn the_binary_refuses_a_file_that_is_not_a_store_in_one_line() {
    refuses_in_one_line("garbage", |db| {
        let garbage: Vec<u8> = (0..100_000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        std::fs::write(db, garbage).unwrap();
    });
}

#[test]
fn the_binary_refuses_a_store_damaged_in_the_middle_in_one_line() {
    refuses_in_one_line("damaged", |db| {
        let mut bytes = std::fs::read(db).unwrap();
        let middle = bytes.len() / 2;
        bytes[middle..middle + 200_000].fill(0xA5);
        std::fs::write(db, bytes).unwrap();
    });
}

#[test]
fn the_binary_refuses_a_read_only_store_in_one_line() {
    refuses_in_one_line("read-only", |db| {
        let mut permissions = std::fs::metadata(db).unwrap().permissions();
        permissions.set_readonly(true);
        std::fs::set_permissions(db, permissions).unwrap();
    });
}

#[test]
fn the_binary_refuses_a_folder_as_its_store_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = serve_with(&crate::support::seed_dir(), dir.path());
    assert_eq!(code, Some(1));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("folder"), "{err}");
}

/// Starts the binary on `db`, waits until it is ready, stops it as an orchestrator does
/// (SIGTERM) and returns its log lines and whether it exited cleanly.
fn start_and_stop(db: &std::path::Path) -> (Vec<String>, bool) {
    let (mut child, addr, mut lines, rest) = crate::support::start_binary(db, "chiso=debug");
    while !answers_ready(&addr.to_string()) {
        std::thread::sleep(Duration::from_millis(20));
    }
    let stopped = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(stopped.success());
    let status = child.wait().unwrap();
    lines.extend(rest.try_iter());
    (lines, status.success())
}

/// Whether `GET /ready` at `addr` answers 200: the server then runs, its signal handlers set.
fn answers_ready(addr: &str) -> bool {
    use std::io::{Read, Write};
    let Ok(mut stream) = std::net::TcpStream::connect(addr) else {
        return false;
    };
    let request = "GET /ready HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    let mut answer = String::new();
    stream.write_all(request.as_bytes()).is_ok()
        && stream.read_to_string(&mut answer).is_ok()
        && answer.starts_with("HTTP/1.1 200")
}

#[test]
fn a_store_stopped_cleanly_is_not_read_through_at_its_next_start_but_one_changed_since_is() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("chiso.sqlite3");
    let skipped = |lines: &[String]| lines.iter().any(|l| l.contains("as chiso closed it"));
    let checked = |lines: &[String]| lines.iter().any(|l| l.contains("checking every page"));

    let (lines, clean) = start_and_stop(&db);
    assert!(
        clean && !skipped(&lines) && !checked(&lines),
        "a new store: {lines:?}"
    );
    assert!(dir.path().join("chiso.sqlite3-checked").exists());

    let (lines, clean) = start_and_stop(&db);
    assert!(
        clean && skipped(&lines) && !checked(&lines),
        "as it was left: {lines:?}"
    );

    let other = rusqlite::Connection::open(&db).unwrap();
    other
        .execute_batch("CREATE TABLE written_by_another_program (x)")
        .unwrap();
    drop(other);
    let (lines, clean) = start_and_stop(&db);
    assert!(
        clean && checked(&lines) && !skipped(&lines),
        "written since: {lines:?}"
    );
}

#[test]
fn extract_reads_a_file_as_the_server_reads_a_text_posted_today() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.txt");
    // A year long after today is no period a figure reports on, for the server and for
    // `extract` alike; a year before today is.
    std::fs::write(
        &file,
        "Năm 2090, xã A có 12 mô hình. Năm 2020, xã A có 7 mô hình.\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_chiso"))
        .env("CHISO_SEED_DIR", crate::support::seed_dir())
        .args(["extract", file.to_str().unwrap()])
        .output()
        .expect("binary runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let read: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let periods: Vec<(f64, serde_json::Value)> = read[0]["article"]["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["value"].as_f64().unwrap(), i["period"].clone()))
        .collect();
    assert!(
        periods.iter().all(|(_, p)| p.as_str() != Some("2090")),
        "{periods:?}"
    );
    assert!(periods.contains(&(7.0, serde_json::json!("2020"))), "{periods:?}");
}

#[test]
fn extract_reads_a_page_and_a_crawl_as_ingest_does() {
    let pages = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages");
    let out = Command::new(env!("CARGO_BIN_EXE_chiso"))
        .env("CHISO_SEED_DIR", crate::support::seed_dir())
        .arg("extract")
        .args(["portal-005.html", "crawl.warc.gz"].map(|f| pages.join(f)))
        .output()
        .expect("binary runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let read: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let read = read.as_array().unwrap();
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(pages.join("portal-005.expected.json")).unwrap())
            .unwrap();
    let page = read
        .iter()
        .find(|e| e["file"].as_str().unwrap().ends_with("portal-005.html"))
        .unwrap();
    assert_eq!(page["article"]["title"], expected["title"], "{page}");
    let crawled: Vec<&str> = read
        .iter()
        .filter_map(|e| e["file"].as_str())
        .filter(|f| f.starts_with("http"))
        .collect();
    assert_eq!(
        crawled.len(),
        6,
        "the crawl's six pages, by the address they were fetched from: {crawled:?}"
    );
}
