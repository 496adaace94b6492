//! Open-loop load of a dashboard's mix: requests start at a fixed rate whether or not earlier
//! ones have answered (as a crowd of browsers does), and each latency counts from the moment
//! its request was due, so a stalled server shows in the tail instead of slowing the load.
//!
//! ```sh
//! cargo bench --bench openloop -- --url http://127.0.0.1:8080 --rates 250,500,1000,2000 --seconds 10
//! ```

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

type Conn = BufReader<TcpStream>;

struct Args {
    host: String,
    rates: Vec<u32>,
    seconds: u64,
}

fn args() -> Args {
    let mut a = Args {
        host: "127.0.0.1:8080".into(),
        rates: vec![250, 500, 1000, 2000],
        seconds: 10,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().unwrap_or_default();
        match flag.as_str() {
            "--url" => a.host = value().trim_start_matches("http://").trim_end_matches('/').into(),
            "--rates" => a.rates = value().split(',').filter_map(|r| r.parse().ok()).collect(),
            "--seconds" => a.seconds = value().parse().unwrap_or(10),
            _ => {} // cargo bench's own flags
        }
    }
    a
}

/// Sends a GET on `conn` and reads the whole answer; its status.
async fn get(conn: &mut Conn, host: &str, path: &str) -> std::io::Result<u16> {
    let request = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept-Encoding: br, gzip\r\n\r\n");
    conn.get_mut().write_all(request.as_bytes()).await?;
    let mut line = String::new();
    conn.read_line(&mut line).await?;
    let status: u16 = line.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let (mut length, mut chunked) = (0usize, false);
    loop {
        line.clear();
        if conn.read_line(&mut line).await? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let header = line.trim_end().to_ascii_lowercase();
        if header.is_empty() {
            break;
        }
        if let Some(v) = header.strip_prefix("content-length:") {
            length = v.trim().parse().unwrap_or(0);
        }
        chunked |= header.starts_with("transfer-encoding:") && header.contains("chunked");
    }
    if !chunked {
        let mut body = vec![0; length];
        conn.read_exact(&mut body).await?;
        return Ok(status);
    }
    loop {
        line.clear();
        conn.read_line(&mut line).await?;
        let size = usize::from_str_radix(line.trim(), 16).unwrap_or(0);
        let mut chunk = vec![0; size + 2];
        conn.read_exact(&mut chunk).await?;
        if size == 0 {
            return Ok(status);
        }
    }
}

/// The paths of the mix, by weight, from ids the server lists.
async fn mix(host: &str) -> Vec<String> {
    let ids = |body: &str, key: &str| -> Vec<String> {
        let needle = format!("\"{key}\":\"");
        body.match_indices(&needle)
            .map(|(i, _)| {
                body[i + needle.len()..]
                    .split('"')
                    .next()
                    .unwrap_or("")
                    .to_owned()
            })
            .collect()
    };
    let fetch_plain = async |path: &str| -> String {
        let request = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        let mut stream = TcpStream::connect(host).await.expect("server reachable");
        stream.write_all(request.as_bytes()).await.expect("sent");
        let mut all = String::new();
        stream.read_to_string(&mut all).await.expect("read");
        all
    };
    let provinces = ids(&fetch_plain("/localities?level=province&limit=100").await, "id");
    let articles = ids(&fetch_plain("/articles?limit=200&fields=id").await, "id");
    let mut paths = Vec::new();
    let pick = |v: &Vec<String>, i: usize| v[i % v.len().max(1)].clone();
    for i in 0..100 {
        let province = pick(&provinces, i * 7);
        let path = match i % 20 {
            0..=5 => format!("/localities/{province}/summary"),
            6 => "/summaries?level=province&scheme=2025".into(),
            7 => "/summaries?level=province&scheme=2024".into(),
            8 => "/metrics/poverty_rate/localities?scheme=2025".into(),
            9 => "/metrics/poverty_rate/localities?scheme=2024".into(),
            10..=12 => format!("/localities/{province}/metrics/poverty_rate/series"),
            13..=15 => format!("/articles?limit=20&locality={province}"),
            16 => "/articles?limit=20".into(),
            _ => format!("/articles/{}", pick(&articles, i * 13)),
        };
        paths.push(path);
    }
    paths
}

/// Runs `rate` requests a second for `seconds`; the latencies from each request's due time.
async fn run(
    host: Arc<str>,
    paths: Arc<Vec<String>>,
    rate: u32,
    seconds: u64,
) -> (Vec<Duration>, usize, Duration) {
    let idle: Arc<Mutex<Vec<Conn>>> = Arc::default();
    let total = rate as u64 * seconds;
    let start = Instant::now() + Duration::from_millis(50);
    let mut tasks = Vec::with_capacity(total as usize);
    for i in 0..total {
        let due = start + Duration::from_secs_f64(i as f64 / rate as f64);
        tokio::time::sleep_until(due.into()).await;
        let (host, paths, idle) = (host.clone(), paths.clone(), idle.clone());
        tasks.push(tokio::spawn(async move {
            let path = &paths[i as usize % paths.len()];
            let reused = idle.lock().unwrap().pop();
            let mut conn = match reused {
                Some(c) => c,
                None => BufReader::new(TcpStream::connect(&*host).await.ok()?),
            };
            let status = get(&mut conn, &host, path).await.ok()?;
            let latency = due.elapsed();
            idle.lock().unwrap().push(conn);
            if status != 200 {
                eprintln!("{status} {path}");
            }
            Some((status == 200).then_some(latency))
        }));
    }
    let mut latencies = Vec::new();
    let mut failed = 0;
    for t in tasks {
        match t.await.ok().flatten().flatten() {
            Some(l) => latencies.push(l),
            None => failed += 1,
        }
    }
    let took = start.elapsed();
    latencies.sort();
    (latencies, failed, took)
}

fn main() {
    let args = args();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let paths = Arc::new(mix(&args.host).await);
        let host: Arc<str> = args.host.clone().into();
        println!("| offered req/s | answered req/s | failed | p50 | p90 | p99 | p99.9 | max |");
        println!("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for &rate in &args.rates {
            let (l, failed, took) = run(host.clone(), paths.clone(), rate, args.seconds).await;
            let q = |p: f64| {
                l.get(((l.len() as f64 * p) as usize).min(l.len().saturating_sub(1)))
                    .map_or(f64::NAN, |d| d.as_secs_f64() * 1000.0)
            };
            println!(
                "| {rate} | {:.0} | {failed} | {:.2} ms | {:.2} ms | {:.2} ms | {:.2} ms | {:.2} ms |",
                l.len() as f64 / took.as_secs_f64(),
                q(0.5),
                q(0.9),
                q(0.99),
                q(0.999),
                l.last().map_or(f64::NAN, |d| d.as_secs_f64() * 1000.0)
            );
            tokio::time::sleep(Duration::from_secs(2)).await;
        }
    });
}
