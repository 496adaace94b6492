//! The extractor against hand-annotated gold (the seed articles) and against articles of the
//! same genre written for these tests, plus properties that hold on any input.

use std::collections::BTreeMap;
use std::path::Path;

use chiso::domain::Gazetteer;
use chiso::domain::{NewArticle, Unit};
use chiso::ingest;
use serde_json::Value;

use crate::support::{get, place_id, seed_dir, seeded_app, text, texts};

pub fn gazetteer() -> &'static Gazetteer {
    static G: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
    G.get_or_init(|| chiso::seed::load_gazetteer(&seed_dir()).expect("gazetteer"))
}

fn fixture(path: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(path),
    )
    .unwrap()
}

fn gold() -> Vec<(NewArticle, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed-gold");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let g: Value = serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
            let text = std::fs::read_to_string(seed_dir().join("articles").join(g["file"].as_str().unwrap()))
                .unwrap();
            (
                ingest::ingest(&ingest::Source::text(&text), gazetteer()).unwrap(),
                g,
            )
        })
        .collect()
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * b.abs().max(1.0)
}

#[test]
fn seed_articles_match_the_gold_with_f1_at_least_097() {
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for (article, g) in gold() {
        let mut free: Vec<_> = article.indicators.iter().collect();
        for gi in g["indicators"].as_array().unwrap() {
            let value = gi["value"].as_f64().unwrap();
            let den = gi["denominator"].as_f64();
            let hit = free.iter().position(|e| {
                same(e.value, value)
                    && match (e.denominator, den) {
                        (Some(a), Some(b)) => same(a, b),
                        (None, None) => true,
                        _ => false,
                    }
            });
            match hit {
                Some(i) => {
                    let e = free.remove(i);
                    tp += 1;
                    assert_ne!(
                        e.metric.as_str(),
                        "other",
                        "{}: {} has no catalog metric",
                        g["file"],
                        gi["quote"]
                    );
                    if let Some(code) = gi["locality_code"].as_str() {
                        assert_eq!(
                            text(&e.locality),
                            Some(place_id(code)),
                            "{}: locality of {}",
                            g["file"],
                            gi["quote"]
                        );
                    }
                    assert_eq!(e.unit.as_str(), gi["unit"].as_str().unwrap(), "{}", gi["quote"]);
                }
                None if gi["optional"].as_bool() == Some(true) => {}
                None => fn_ += 1,
            }
        }
        fp += free.len();
    }
    let p = tp as f64 / (tp + fp) as f64;
    let r = tp as f64 / (tp + fn_) as f64;
    let f1 = 2.0 * p * r / (p + r);
    assert!(f1 >= 0.97, "F1 {f1:.3} (tp {tp}, fp {fp}, fn {fn_})");
}

#[test]
fn no_trap_of_the_gold_is_extracted() {
    for (article, g) in gold() {
        let body: Vec<char> = article.body.chars().collect();
        for trap in g["traps"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()) {
            for i in &article.indicators {
                let figure: String = body[i.evidence.start..i.evidence.end].iter().collect();
                let inside = article.body.match_indices(trap).any(|(at, _)| {
                    let at = article.body[..at].chars().count();
                    i.evidence.start >= at && i.evidence.end <= at + trap.chars().count()
                });
                assert!(!inside, "{}: {figure:?} extracted from trap {trap:?}", g["file"]);
            }
        }
    }
}

#[test]
fn seed_article_fields_match_the_gold() {
    for (article, g) in gold() {
        let file = g["file"].as_str().unwrap();
        if let Some(title) = g["title"].as_str() {
            assert_eq!(
                article.title.as_deref().unwrap_or_default(),
                title
                    .replace('\u{a0}', " ")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                "{file}"
            );
        }
        assert_eq!(
            article.published_on.map(|d| d.to_string()).as_deref(),
            g["published"].as_str(),
            "{file}"
        );
        assert_eq!(
            article.event_date.map(|d| d.to_string()).as_deref(),
            g["event_date"].as_str(),
            "{file}"
        );
        assert_eq!(article.byline.as_deref(), g["byline"].as_str(), "{file}");
        assert_eq!(text(&article.period).as_deref(), g["period"].as_str(), "{file}");
        assert_eq!(
            text(&article.primary_locality),
            g["primary_locality"]["code"].as_str().map(place_id),
            "{file}"
        );
        for l in g["localities"].as_array().unwrap() {
            let code = place_id(l["code"].as_str().unwrap());
            assert!(
                texts(&article.localities).contains(&code),
                "{file}: {code} missing from {:?}",
                article.localities
            );
        }
    }
}

#[test]
fn an_economic_review_from_another_province_reads_right() {
    let a = ingest::ingest(
        &ingest::Source::text(&fixture("articles/hau_giang_kinh_te_2023.txt")),
        gazetteer(),
    )
    .unwrap();
    assert_eq!(
        a.title.as_deref(),
        Some("Hậu Giang: Kinh tế 9 tháng năm 2023 tăng trưởng khá")
    );
    assert_eq!(
        a.published_on.map(|d| d.to_string()).as_deref(),
        Some("2023-10-05")
    );
    assert_eq!(a.event_date.map(|d| d.to_string()).as_deref(), Some("2023-10-04"));
    assert_eq!(a.byline.as_deref(), Some("Minh Khoa"));
    assert_eq!(text(&a.period).as_deref(), Some("2023-9M"));
    assert_eq!(text(&a.primary_locality).as_deref(), Some("2024-p93"));
    let by_value: BTreeMap<String, &chiso::domain::NewIndicator> =
        a.indicators.iter().map(|i| (format!("{}", i.value), i)).collect();
    let expect = [
        ("7.52", Unit::Percent, "economic_growth"),
        ("3245600000000", Unit::Vnd, "budget_revenue"),
        ("512000000", Unit::Usd, "export_import"),
        ("62300000", Unit::Vnd, "income_per_capita"),
        ("2.81", Unit::Percent, "poverty_rate"),
        ("46", Unit::Ratio, "new_rural_communes"),
        ("15000", Unit::Count, "jobs_created"),
        ("85", Unit::Count, "vocational_training"),
        ("92.5", Unit::Percent, "health_insurance_coverage"),
        ("298", Unit::Ratio, "petitions_resolved"),
        ("14.2", Unit::Percent, "malnutrition_rate"),
    ];
    for (value, unit, metric) in expect {
        let i = by_value.get(value).unwrap_or_else(|| panic!("{value} missing"));
        assert_eq!((i.unit, i.metric.as_str()), (unit, metric), "{value}");
    }
    assert_eq!(
        text(&by_value["1.2"].locality).as_deref(),
        Some("2024-d936"),
        "riêng huyện Long Mỹ giảm 1,2%"
    );
    assert_eq!(by_value["1.2"].direction, chiso::domain::Direction::Decrease);
    assert_eq!(by_value["15000"].qualifier, Some(chiso::domain::Qualifier::Over));
    // Dates, document numbers, ordinals, addresses and ages are not figures, wherever the same
    // number is one ("12 xã đạt chuẩn" is; "số 12 đường" is not): each is looked up where it
    // stands in the body.
    let not_figures = [
        "phường 5",
        "lần thứ 5",
        "dưới 5",
        "số 1234",
        "Đợt 2",
        "số 12",
        "Sáng 4",
        "Khu 4",
        "dưới 6",
        "nhiệm kỳ 2020",
        "thứ 3",
    ];
    let read_at = |words: &str| {
        let at = a
            .body
            .find(words)
            .unwrap_or_else(|| panic!("{words:?} is in the body"));
        let number = at + words.rfind(' ').map_or(0, |p| p + 1);
        let chars = a.body[..number].chars().count();
        a.indicators
            .iter()
            .any(|i| i.evidence.field == chiso::domain::TextField::Body && i.evidence.start == chars)
    };
    assert!(
        read_at("trong đó 12"),
        "the same number where it is a figure is read"
    );
    for words in not_figures {
        assert!(!read_at(words), "{words:?}: a figure was read");
    }
    assert_eq!(
        a.indicators.len(),
        20,
        "{:#?}",
        a.indicators.iter().map(|i| i.value).collect::<Vec<_>>()
    );
}

#[test]
fn a_district_mass_mobilisation_review_reads_right() {
    let a = ingest::ingest(
        &ingest::Source::text(&fixture("articles/nghe_an_dan_van_2022.txt")),
        gazetteer(),
    )
    .unwrap();
    assert_eq!(
        a.byline.as_deref(),
        Some("Thanh Thủy"),
        "the author's name, without the affiliation in parentheses"
    );
    assert_eq!(text(&a.primary_locality).as_deref(), Some("2024-d429"));
    assert!(texts(&a.localities).contains(&"2024-p40".to_owned()));
    let metric_of = |v: f64| {
        a.indicators
            .iter()
            .find(|i| same(i.value, v))
            .map(|i| i.metric.as_str())
    };
    assert_eq!(metric_of(1520.0), Some("dan_van_kheo"));
    assert_eq!(metric_of(96.8), Some("cultural_titles"));
    assert_eq!(metric_of(185.0), Some("petitions_received"));
    assert_eq!(metric_of(171.0), Some("petitions_resolved"));
    assert_eq!(metric_of(230.0), Some("conscripts"));
    assert_eq!(metric_of(15.0), Some("charity_houses"));
    assert_eq!(
        a.indicators
            .iter()
            .find(|i| same(i.value, 35000.0))
            .map(|i| i.unit),
        Some(Unit::SquareMetre)
    );
    for trap in [18.0, 4.0, 25.0, 1.0] {
        assert!(metric_of(trap).is_none(), "{trap} extracted");
    }
}

#[actix_web::test]
async fn served_evidence_offsets_highlight_the_figure_in_the_body() {
    let (_db, app) = seeded_app().await;
    let (_, _, list) = get(&app, "/articles").await;
    for summary in list["data"].as_array().unwrap() {
        let id = summary["id"].as_str().unwrap();
        let (_, _, article) = get(&app, &format!("/articles/{id}?include=indicators")).await;
        let body: Vec<char> = article["body"].as_str().unwrap().chars().collect();
        for i in article["indicators"].as_array().unwrap() {
            let (s, e) = (
                i["evidence"]["start"].as_u64().unwrap() as usize,
                i["evidence"]["end"].as_u64().unwrap() as usize,
            );
            let figure: String = body[s..e].iter().collect();
            assert!(figure.starts_with(|c: char| c.is_ascii_digit()), "{figure:?}");
            assert!(
                i["evidence"]["text"].as_str().unwrap().contains(&figure),
                "{figure:?} not in its sentence"
            );
        }
    }
}

#[test]
fn empty_and_megabyte_texts_are_handled() {
    assert!(ingest::ingest(&ingest::Source::text(""), gazetteer()).is_err());
    assert!(ingest::ingest(&ingest::Source::text(" \n\u{a0}\n"), gazetteer()).is_err());
    let paragraph = fixture("articles/hau_giang_kinh_te_2023.txt");
    let big = paragraph.repeat(1_000_000 / paragraph.len() + 1);
    let a = ingest::ingest(&ingest::Source::text(&big), gazetteer()).unwrap();
    let len = a.body.chars().count();
    assert!(a.indicators.iter().all(|i| i.evidence.end <= len));
}
