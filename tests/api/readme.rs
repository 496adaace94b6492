//! The README's examples, run: every `curl` line of its read-API block must answer 200 with a
//! body on the seeded store, so that the examples cannot drift from the API.

use actix_web::test as atest;

use crate::support::*;

/// The path and query of a README `curl` line: its quoted `localhost:8080` URL, with the
/// `--data-urlencode 'k=v'` pairs of a `-G` line encoded into the query.
fn request_of(line: &str) -> Option<String> {
    let quoted: Vec<&str> = line.split('\'').skip(1).step_by(2).collect();
    let url = quoted.first()?.strip_prefix("localhost:8080")?;
    let mut pairs: Vec<(String, String)> = Vec::new();
    for arg in line.split("--data-urlencode '").skip(1) {
        let (k, v) = arg.split('\'').next()?.split_once('=')?;
        pairs.push((k.to_owned(), v.to_owned()));
    }
    Some(match pairs.is_empty() {
        true => url.to_owned(),
        false => format!("{url}?{}", serde_urlencoded::to_string(&pairs).ok()?),
    })
}

#[actix_web::test]
async fn every_read_example_of_the_readme_answers_on_the_seeded_store() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let block = readme
        .split("run by a test against the seeded store")
        .nth(1)
        .and_then(|rest| rest.split("```sh\n").nth(1))
        .and_then(|rest| rest.split("```").next())
        .expect("the README's tested block");
    let (_db, app) = seeded_app().await;
    let mut run = 0;
    for line in block.lines().filter(|l| l.starts_with("curl")) {
        let uri = request_of(line).unwrap_or_else(|| panic!("cannot read {line}"));
        let res = atest::call_service(&app, atest::TestRequest::get().uri(&uri).to_request()).await;
        assert_eq!(res.status(), 200, "{line}");
        let body = atest::read_body(res).await;
        assert!(!body.is_empty(), "{line}");
        if line.contains("jq '.meta.total'") {
            let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
            let said = line.split('#').nth(1).and_then(|c| {
                c.split_whitespace()
                    .take(3)
                    .find_map(|w| w.trim_end_matches(':').parse::<u64>().ok())
            });
            if let Some(n) = said {
                assert_eq!(v["meta"]["total"], n, "{line}");
            }
        }
        run += 1;
    }
    assert!(run >= 15, "only {run} examples found");
}

/// The shell commands of a fenced `sh` block: continuation lines joined, comments and blank
/// lines dropped, and commands that start the server left out.
fn commands(block: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut pending = String::new();
    for line in block.lines() {
        let line = line.trim_end();
        if pending.is_empty() && (line.trim_start().starts_with('#') || line.trim().is_empty()) {
            continue;
        }
        match line.strip_suffix('\\') {
            Some(part) => pending.push_str(part),
            None => {
                pending.push_str(line);
                out.push(std::mem::take(&mut pending));
            }
        }
    }
    out
}

/// A server stopped when the test ends, passed or failed.
struct KillOnDrop(std::process::Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        self.0.kill().ok();
        self.0.wait().ok();
    }
}

/// The README's fenced `sh` block that follows `marker`.
fn block_after<'a>(readme: &'a str, marker: &str) -> &'a str {
    readme
        .split(marker)
        .nth(1)
        .and_then(|rest| rest.split("```sh\n").nth(1))
        .and_then(|rest| rest.split("```").next())
        .unwrap_or_else(|| panic!("no sh block after {marker:?}"))
}

/// Runs a command line in bash as a reader pastes it (the status is the pipeline's last
/// command's, as in a terminal): `(status, stdout, stderr)`.
fn shell(line: &str, cwd: &std::path::Path) -> (bool, String, String) {
    let out = std::process::Command::new("bash")
        .args(["-c", line])
        .current_dir(cwd)
        .output()
        .expect("bash runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_readme_commands_run_as_pasted_with_curl_and_the_systems_jq() {
    let (ok, version, _) = shell("jq --version", std::path::Path::new("."));
    assert!(
        ok,
        "jq is needed (apt install jq); .ci/run installs Debian's jq 1.6"
    );
    eprintln!("README commands run with {}", version.trim());
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(repo.join("README.md")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let token = "change-me";
    let (child, addr, _, _) = start_binary_with(
        &dir.path().join("chiso.sqlite3"),
        "info",
        &[("CHISO_API_TOKEN", token)],
    );
    let _server = KillOnDrop(child);
    let local = |line: &str| line.replace("localhost:8080", &addr.to_string());
    let mut run = 0;
    for line in commands(block_after(&readme, "run by a test against the seeded store")) {
        let (ok, stdout, stderr) = shell(&local(&line), dir.path());
        assert!(ok && !stderr.contains("error"), "{line}\n{stderr}");
        assert!(
            !stdout.trim().is_empty() || line.contains(" -o "),
            "{line}: no output"
        );
        run += 1;
    }
    let writes = commands(block_after(&readme, "```sh\nCHISO_API_TOKEN="));
    assert!(writes.len() >= 4, "{writes:?}");
    let mut id = String::new();
    for line in writes {
        let line = local(&line).replace("<id>", &id);
        let (ok, stdout, stderr) = shell(&line, repo);
        assert!(ok && !stderr.contains("error"), "{line}\n{stderr}");
        assert!(
            !stdout.contains("\"status\": 4") && !stdout.contains("\"status\":4"),
            "{line}\n{stdout}"
        );
        if line.ends_with("jq '.id'") {
            id = stdout.trim().trim_matches('"').to_owned();
            assert_eq!(id.len(), 16, "{stdout}");
        }
        run += 1;
    }
    assert!(run >= 20, "only {run} commands run");
}
