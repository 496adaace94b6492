//! The machine's ceiling for a point read over HTTP: one actix-web route that takes a pooled
//! SQLite connection on the blocking pool, reads one article's row and body by id, and sends
//! them as JSON, compressed (actix's own middleware) when the client accepts it — no other
//! middleware, no caching, no validation. `bench/run.py --ceiling` measures
//! chiso's `/articles/{id}` against it on the same store file.
//!
//! ```sh
//! cargo bench --bench ceiling -- --db /tmp/chiso-bench/100000/chiso.sqlite3 --bind 127.0.0.1:18602
//! ```

use actix_web::{App, HttpResponse, HttpServer, middleware::Compress, web};
use r2d2::Pool;
use r2d2_sqlite::SqliteConnectionManager;
use rusqlite::OpenFlags;

type Readers = Pool<SqliteConnectionManager>;

async fn article(pool: web::Data<Readers>, id: web::Path<String>) -> HttpResponse {
    let read = web::block(move || -> Result<Option<String>, String> {
        let conn = pool.get().map_err(|e| e.to_string())?;
        let mut stmt = conn
            .prepare_cached(
                "SELECT json_object('id', a.id, 'title', a.title, 'published_on', a.published_on,
                        'byline', a.byline, 'source_url', a.source_url, 'body', t.body)
                 FROM articles a JOIN article_texts t USING (seq) WHERE a.id = ?1",
            )
            .map_err(|e| e.to_string())?;
        let mut rows = stmt.query([id.as_str()]).map_err(|e| e.to_string())?;
        match rows.next().map_err(|e| e.to_string())? {
            Some(row) => Ok(Some(row.get(0).map_err(|e| e.to_string())?)),
            None => Ok(None),
        }
    })
    .await;
    match read {
        Ok(Ok(Some(json))) => HttpResponse::Ok().content_type("application/json").body(json),
        Ok(Ok(None)) => HttpResponse::NotFound().finish(),
        _ => HttpResponse::InternalServerError().finish(),
    }
}

fn main() -> std::io::Result<()> {
    let (mut db, mut bind) = (
        String::from("data/chiso.sqlite3"),
        String::from("127.0.0.1:18602"),
    );
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        match flag.as_str() {
            "--db" => db = it.next().unwrap_or(db),
            "--bind" => bind = it.next().unwrap_or(bind),
            _ => {} // cargo bench's own flags
        }
    }
    let manager = SqliteConnectionManager::file(&db)
        .with_flags(OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .with_init(|c| c.execute_batch("PRAGMA query_only = ON; PRAGMA cache_size = -16000;"));
    let pool = Pool::builder()
        .max_size(8)
        .build(manager)
        .map_err(std::io::Error::other)?;
    println!("ceiling server on http://{bind}/articles/{{id}}, store {db}");
    actix_web::rt::System::new().block_on(async move {
        HttpServer::new(move || {
            App::new()
                .wrap(Compress::default())
                .app_data(web::Data::new(pool.clone()))
                .route("/articles/{id}", web::get().to(article))
        })
        .on_connect(|connection, _| {
            // As chiso does: no Nagle delay on the last segment of a chunked answer.
            if let Some(socket) = connection.downcast_ref::<actix_web::rt::net::TcpStream>() {
                let _ = socket.set_nodelay(true);
            }
        })
        .bind(&bind)?
        .run()
        .await
    })
}
