//! Evidence: each figure's window of its sentence, the offsets that place it in the article,
//! and the whole sentence when asked for.

use crate::support::{assert_problem, get, seeded_app};

#[actix_web::test]
async fn the_whole_sentence_comes_on_request_and_matches_the_offsets_into_the_body() {
    let (_db, app) = seeded_app().await;
    let (_, _, page) = get(&app, "/indicators?limit=200").await;
    let cut: Vec<&serde_json::Value> = page["data"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["evidence"]["text"].as_str().unwrap().contains('…'))
        .collect();
    assert!(cut.len() >= 3, "the seeds have sentences longer than a window");
    for indicator in cut {
        let id = indicator["id"].as_i64().unwrap();
        let (_, _, plain) = get(&app, &format!("/indicators/{id}")).await;
        assert!(
            plain["evidence"].get("sentence").is_none(),
            "only on request: {plain}"
        );
        let (status, _, full) = get(&app, &format!("/indicators/{id}?include=sentence")).await;
        assert_eq!(status, 200, "{full}");
        let evidence = &full["evidence"];
        let sentence = evidence["sentence"].as_str().unwrap();
        let (from, to) = (
            evidence["sentence_start"].as_u64().unwrap() as usize,
            evidence["sentence_end"].as_u64().unwrap() as usize,
        );
        let article = full["article_id"].as_str().unwrap();
        let (_, _, article) = get(&app, &format!("/articles/{article}")).await;
        let body: String = article["body"]
            .as_str()
            .unwrap()
            .chars()
            .skip(from)
            .take(to - from)
            .collect();
        assert_eq!(sentence, body, "offsets count characters of the body");
        for piece in evidence["text"]
            .as_str()
            .unwrap()
            .split('…')
            .filter(|p| !p.is_empty())
        {
            assert!(
                sentence.contains(piece),
                "the window is of this sentence: {piece:?}"
            );
        }
        assert!(sentence.chars().count() > 240);
    }
    let (status, headers, body) = get(&app, "/indicators/1?include=everything").await;
    assert_problem(status, &headers, &body, 400);
    assert_eq!(body["parameter"], "include");
}
