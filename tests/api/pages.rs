//! Pages as crawlers fetch them: HTML (three portal and newspaper templates wrapped around
//! real report texts, one in windows-1258), trafilatura's JSON and a warcio-written WARC, by
//! `POST /articles` and by bulk loading. Each page's headline, date, author and address come
//! out of its markup, its body paragraphs reach the article, and its chrome does not.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::{TOKEN, TestStore, assert_problem, get, post, seeded_app, send};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages")
}

/// Each HTML fixture with what must come out of it.
fn html_fixtures() -> Vec<(String, Vec<u8>, Value)> {
    let mut out: Vec<_> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .map(|p| {
            let expected = std::fs::read_to_string(p.with_extension("expected.json")).unwrap();
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (
                name,
                std::fs::read(&p).unwrap(),
                serde_json::from_str(&expected).unwrap(),
            )
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(out.len() >= 6, "the fixtures are there");
    out
}

fn spaced(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What is wrong with an article read from a fixture, against its expectations.
fn misses(name: &str, article: &Value, expected: &Value) -> Vec<String> {
    let mut wrong = Vec::new();
    for field in ["title", "published_on", "byline", "source_url", "content_source"] {
        if article[field] != expected[field] {
            wrong.push(format!(
                "{name}: {field} is {} not {}",
                article[field], expected[field]
            ));
        }
    }
    let body = spaced(article["body"].as_str().unwrap_or_default());
    let title = spaced(article["title"].as_str().unwrap_or_default());
    for paragraph in expected["body"].as_array().unwrap() {
        let p = spaced(paragraph.as_str().unwrap());
        if !body.contains(&p) && title != p {
            wrong.push(format!("{name}: body lacks {p:?}"));
        }
    }
    for chrome in expected["chrome"].as_array().unwrap() {
        let c = spaced(chrome.as_str().unwrap());
        if body.contains(&c) || title.contains(&c) {
            wrong.push(format!("{name}: chrome {c:?} reached the article"));
        }
    }
    wrong
}

#[actix_web::test]
async fn an_html_page_gives_its_headline_date_author_and_address_and_no_chrome() {
    let (_db, app) = seeded_app().await;
    let mut wrong = Vec::new();
    for (name, html, expected) in html_fixtures() {
        let (status, _, article) = send(&app, post(html, "text/html")).await;
        assert_eq!(status, 201, "{name}: {article}");
        wrong.extend(misses(&name, &article, &expected));
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[actix_web::test]
async fn the_charset_of_content_type_is_read_before_the_pages_own_and_content_location_names_the_page() {
    let (_db, app) = seeded_app().await;
    let (name, html, expected) = html_fixtures()
        .into_iter()
        .find(|f| f.2["charset"] != "utf-8")
        .unwrap();
    let charset = expected["charset"].as_str().unwrap();
    let req = post(html.clone(), &format!("text/html; charset={charset}"))
        .insert_header(("content-location", "https://example.gov.vn/tin/1"));
    let (status, _, article) = send(&app, req).await;
    assert_eq!(status, 201, "{name}: {article}");
    assert_eq!(article["title"], expected["title"]);
    assert_eq!(article["source_url"], "https://example.gov.vn/tin/1");
    let (status, headers, problem) = send(&app, post(html, "text/html; charset=utf-8")).await;
    assert_problem(status, &headers, &problem, 422);
    assert!(problem["detail"].as_str().unwrap().contains("UTF-8"), "{problem}");
}

#[actix_web::test]
async fn a_page_keeps_its_markup_facts_when_it_is_extracted_again() {
    let (_db, app) = seeded_app().await;
    let (_, html, expected) = html_fixtures().remove(0);
    let (_, _, article) = send(&app, post(html, "text/html")).await;
    let id = article["id"].as_str().unwrap();
    let req = actix_web::test::TestRequest::post()
        .uri(&format!("/articles/{id}/reextract"))
        .insert_header(("authorization", format!("Bearer {TOKEN}")));
    let (status, _, again) = send(&app, req).await;
    assert_eq!(status, 200, "{again}");
    assert_eq!(misses("again", &again, &expected), Vec::<String>::new());
}

#[actix_web::test]
async fn a_trafilatura_record_is_read_by_its_media_type_or_its_shape() {
    let (_db, app) = seeded_app().await;
    let records = std::fs::read_to_string(fixtures().join("trafilatura.jsonl")).unwrap();
    let records: Vec<Value> = records
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    for (i, record) in records.iter().enumerate() {
        let media = if i % 2 == 0 {
            "application/json"
        } else {
            "application/vnd.trafilatura+json"
        };
        let (status, _, article) = send(&app, post(record.to_string(), media)).await;
        assert_eq!(status, 201, "{media}: {article}");
        assert_eq!(article["content_source"], "trafilatura");
        assert_eq!(article["title"], record["title"]);
        assert_eq!(article["byline"], record["author"]);
        assert_eq!(article["source_url"], record["url"]);
        if record["date"].is_string() {
            assert_eq!(article["published_on"], record["date"]);
        }
        let first = record["text"].as_str().unwrap().lines().next().unwrap();
        assert!(article["body"].as_str().unwrap().starts_with(first), "{article}");
    }
}

#[actix_web::test]
async fn a_page_without_words_or_in_an_unknown_charset_is_refused_and_nothing_is_stored() {
    let (_db, app) = seeded_app().await;
    let (_, _, before) = get(&app, "/articles").await;
    let wordless = "<html><head><title>Trang chủ</title></head><body><nav><a href=/>Trang chủ</a></nav><p>2024 — 12 345</p></body></html>";
    let cases = [
        (post(wordless, "text/html"), 422, "no words"),
        (
            post(
                format!("<p>{}</p>", "Năm 2024, xã có 12 mô hình. ".repeat(40_000)),
                "text/html",
            ),
            413,
            "size limit",
        ),
        (
            post("Năm 2024, xã có 12 mô hình.", "text/html"),
            422,
            "no HTML markup",
        ),
        (
            post("<p>Năm 2024, xã có 12 mô hình.</p>", "text/html; charset=vni-win"),
            415,
            "vni-win",
        ),
        (
            post(vec![b'<', b'p', b'>', 0xff, 0xfe, b'x'], "text/html"),
            422,
            "UTF-8",
        ),
        (
            post(
                r#"{"title": "Xã A", "hostname": "a.vn", "raw_text": null}"#,
                "application/json",
            ),
            422,
            "`text` is required",
        ),
        (
            post(r#"{"text": "Năm 2024", "colour": "red"}"#, "application/json"),
            422,
            "colour",
        ),
    ];
    for (req, want, says) in cases {
        let (status, headers, problem) = send(&app, req).await;
        assert_problem(status, &headers, &problem, want);
        assert!(problem["detail"].as_str().unwrap().contains(says), "{problem}");
    }
    let (_, _, after) = get(&app, "/articles").await;
    assert_eq!(after["meta"]["total"], before["meta"]["total"]);
}

/// Loads `paths` into a fresh store as `chiso ingest` does, with `hosts` as `--host`.
fn ingest(
    t: &TestStore,
    gazetteer: &chiso::domain::Gazetteer,
    paths: &[PathBuf],
    hosts: &[&str],
) -> (chiso::bulk::LoadReport, Vec<String>) {
    let files = chiso::bulk::input_files(paths).unwrap();
    let hosts = chiso::bulk::HostFilter::new(&hosts.iter().map(|h| h.to_string()).collect::<Vec<_>>());
    let mut failed = Vec::new();
    let report = chiso::bulk::load_files(
        &t.store,
        gazetteer,
        &files,
        1 << 20,
        &hosts,
        |_| None,
        |name, outcome| {
            if let Err(e) = outcome {
                failed.push(format!("{name}: {e}"));
            }
        },
    )
    .unwrap();
    (report, failed)
}

#[test]
fn a_folder_of_pages_and_trafilatura_lines_loads_once_and_again_as_a_no_op() {
    let (t, g) = TestStore::seeded();
    let folder = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(fixtures()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".expected.json") {
            std::fs::copy(&path, folder.path().join(name)).unwrap();
        }
    }
    let folder = folder.path().to_path_buf();
    let (report, failed) = ingest(&t, &g, std::slice::from_ref(&folder), &[]);
    assert_eq!(failed, Vec::<String>::new());
    let pages = html_fixtures().len();
    assert_eq!(
        (report.added, report.unchanged, report.failed),
        (pages + 2, pages, 0),
        "the pages and the trafilatura lines added; the crawl holds the same pages again"
    );
    let (again, _) = ingest(&t, &g, &[folder], &[]);
    assert_eq!(
        (again.added, again.updated, again.unchanged),
        (0, 0, 2 * pages + 2)
    );
}

#[test]
fn a_warc_crawl_gives_its_html_responses_from_the_hosts_asked_for() {
    let (t, g) = TestStore::seeded();
    // CI writes the crawl afresh with warcio before the tests; elsewhere the committed one
    // (written by warcio too, by tools/page_fixtures.py) is read.
    let warc =
        std::env::var_os("CHISO_TEST_WARC").map_or_else(|| fixtures().join("crawl.warc.gz"), PathBuf::from);
    let (report, failed) = ingest(&t, &g, std::slice::from_ref(&warc), &[]);
    assert_eq!(failed, Vec::<String>::new());
    assert_eq!(
        report.added,
        html_fixtures().len(),
        "each page once; the image and the redirect are no pages"
    );
    let ids = t.store.article_ids().unwrap();
    let sources: Vec<_> = ids
        .iter()
        .map(|id| t.store.article_source(id).unwrap().unwrap().origin)
        .filter(|o| o.content_source == chiso::domain::ContentSource::Html)
        .collect();
    assert_eq!(
        sources.len(),
        report.added,
        "the seeds are text, the crawl's pages html"
    );
    assert!(
        sources
            .iter()
            .all(|o| o.title.is_some() && o.source_url.is_some())
    );
    let (t2, g2) = TestStore::seeded();
    let host = sources[0]
        .source_url
        .as_deref()
        .unwrap()
        .split('/')
        .nth(2)
        .unwrap()
        .to_owned();
    let (only, _) = ingest(&t2, &g2, &[warc], &[&host]);
    let same_host = sources
        .iter()
        .filter(|o| {
            o.source_url
                .as_deref()
                .is_some_and(|u| u.split('/').nth(2) == Some(host.as_str()))
        })
        .count();
    assert_eq!(only.added, same_host);
    assert!(same_host < sources.len(), "the crawl has pages of several hosts");
    assert!(only.filtered >= sources.len() - same_host, "{only:?}");
}
