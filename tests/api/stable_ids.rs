//! An indicator keeps its id while re-extraction finds the same figure (same article, span
//! and value); an id whose figure is gone answers 410 with its article, and is never given
//! to another figure.

use actix_web::test::TestRequest;
use chiso::ingest;
use chiso::store::Origin;

use crate::support::*;

const PAGE: &str = "Huyện Ba Bể giảm nghèo\n\nNăm 2024, huyện Ba Bể có 320 hộ nghèo, giảm 45 hộ; \
                    tỷ lệ hộ nghèo còn 6,2%.\n\nLÊ AN";

fn origin() -> Origin {
    Origin::default()
}

/// The ids of an article's indicators, in order.
async fn ids_of<S, B>(app: &S, article: &str) -> Vec<i64>
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    let (_, _, list) = get(app, &format!("/indicators?article={article}&limit=100")).await;
    let mut ids: Vec<i64> = list["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_i64().unwrap())
        .collect();
    ids.sort();
    ids
}

#[actix_web::test]
async fn indicator_ids_survive_re_extraction_and_a_vanished_one_answers_410_and_is_never_reused() {
    let (t, g) = TestStore::seeded();
    let mut article = ingest::ingest(&ingest::Source::text(PAGE), &g).unwrap();
    t.store.save_article(&article, &origin(), 1).unwrap();
    let app = app(t.state(g)).await;
    let ids = ids_of(&app, article.id.as_str()).await;
    assert_eq!(ids.len(), 3, "{ids:?}");
    let req = TestRequest::post()
        .uri(&format!("/articles/{}/reextract", article.id))
        .insert_header(("authorization", format!("Bearer {TOKEN}")));
    let (status, _, after) = send(&app, req).await;
    assert_eq!(status, 200, "{after}");
    assert_eq!(
        ids_of(&app, article.id.as_str()).await,
        ids,
        "the same figures keep their ids"
    );

    // An extractor that no longer reads the last figure.
    let gone = article.indicators.pop().unwrap();
    t.store.replace_article(&article, &origin(), 2).unwrap();
    let last = ids[2];
    let (status, _, problem) = get(&app, &format!("/indicators/{last}")).await;
    assert_eq!(status, 410, "{problem}");
    assert!(problem["detail"].as_str().unwrap().contains(article.id.as_str()));
    assert_eq!(get(&app, &format!("/indicators/{}", ids[0])).await.0, 200);
    assert_eq!(get(&app, "/indicators/999999999").await.0, 404);

    // It comes back as a new figure with a new id.
    article.indicators.push(gone);
    t.store.replace_article(&article, &origin(), 3).unwrap();
    let newest = *ids_of(&app, article.id.as_str()).await.last().unwrap();
    assert!(
        newest > last,
        "a retired id is never given again: {newest} after {last}"
    );
}
