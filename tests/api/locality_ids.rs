//! Locality ids as spreadsheets and bookmarks meet them: text that no spreadsheet reads as a
//! number, never two that differ only by leading zeros, and the earlier forms still accepted.

use actix_web::test::TestRequest;

use crate::support::{body_text, get, seeded_app};

/// The records of an RFC 4180 text: quoted cells may hold commas, quotes and line breaks.
fn records(csv: &str) -> Vec<Vec<String>> {
    let (mut out, mut row, mut cell, mut quoted) = (Vec::new(), Vec::new(), String::new(), false);
    let mut chars = csv.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut cell)),
            ('\r', false) => {}
            ('\n', false) => {
                row.push(std::mem::take(&mut cell));
                out.push(std::mem::take(&mut row));
            }
            _ => cell.push(c),
        }
    }
    out
}

/// An id with every run of zeros after a non-digit removed: equal for two ids that differ only
/// by leading zeros (`058` and `58`).
fn without_leading_zeros(id: &str) -> String {
    let mut out = String::new();
    for c in id.chars() {
        let after_digit = out.chars().last().is_some_and(|p: char| p.is_ascii_digit());
        if c != '0' || after_digit {
            out.push(c);
        }
    }
    out
}

/// What a spreadsheet makes of a cell: digits (with or without a sign or decimal point) become a
/// number and lose their leading zeros.
fn spreadsheet_reads_as_number(cell: &str) -> bool {
    cell.trim().parse::<f64>().is_ok()
}

#[actix_web::test]
async fn an_id_of_an_earlier_release_answers_as_the_unit_with_todays_id() {
    let (_db, app) = seeded_app().await;
    for (alias, id) in [("06", "2024-p06"), ("058", "2024-d058"), ("2025-19", "2025-p19")] {
        let (status, _, by_alias) = get(&app, &format!("/localities/{alias}")).await;
        assert_eq!(status, 200, "{alias}");
        assert_eq!(by_alias["id"], id, "{alias}");
        let (_, _, by_id) = get(&app, &format!("/localities/{id}")).await;
        assert_eq!(by_alias, by_id);
    }
    let (_, _, old) = get(&app, "/articles?locality=06&limit=1").await;
    let (_, _, new) = get(&app, "/articles?locality=2024-p06&limit=1").await;
    assert_eq!(old["meta"]["total"], new["meta"]["total"]);
    assert!(new["meta"]["total"].as_u64().unwrap() > 0);
}

#[actix_web::test]
async fn no_locality_id_in_a_csv_export_reads_as_a_number_or_collides_without_its_zeros() {
    let (_db, app) = seeded_app().await;
    let mut seen = std::collections::HashMap::new();
    for uri in [
        "/localities?scheme=all&format=csv",
        "/summaries?level=district&scheme=2024&format=csv",
        "/indicators?format=csv",
    ] {
        let (status, _, csv) = body_text(&app, TestRequest::get().uri(uri)).await;
        assert_eq!(status, 200, "{uri}");
        let rows = records(&csv);
        let header = &rows[0];
        let id_columns: Vec<usize> = (0..header.len())
            .filter(|&i| {
                let name = header[i].as_str();
                (name == "id" && uri.starts_with("/localities"))
                    || (name.ends_with("_id") && name != "article_id")
            })
            .collect();
        assert!(!id_columns.is_empty(), "{uri}: {header:?}");
        for cells in &rows[1..] {
            assert_eq!(cells.len(), header.len(), "{uri}: {cells:?}");
            for &i in &id_columns {
                let cell = cells[i].as_str();
                if cell.is_empty() {
                    continue;
                }
                assert!(
                    !spreadsheet_reads_as_number(cell),
                    "{uri}: {} = {cell}",
                    header[i]
                );
                let other = seen
                    .entry(without_leading_zeros(cell))
                    .or_insert_with(|| cell.to_owned());
                assert_eq!(other, cell, "two ids differ only by leading zeros");
            }
        }
    }
    assert!(seen.len() > 10_000, "both maps' units were read: {}", seen.len());
}
