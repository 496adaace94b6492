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
