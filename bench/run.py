#!/usr/bin/env python3
"""chiso at scale, with Datasette serving the same SQLite file as the peer.

For each corpus size: `chiso synth`, `chiso ingest` into an empty store (articles/s, store
size), start-up time on the existing store, then wrk (concurrency 32) on each query against
chiso and against Datasette's JSON API with the equivalent SQL; p50/p99, requests/s, and the
server's peak RSS. Prints a markdown report; `--json FILE` keeps the raw figures.

Needs: target/release/chiso (cargo build --release), wrk (apt-get install wrk), and a venv
with datasette and pysqlite3-binary (the store's search index needs SQLite 3.43 or later, newer
than Debian 12's; Datasette uses pysqlite3 when it is installed). Usage:
  python3 -m venv /tmp/ds && /tmp/ds/bin/pip install datasette pysqlite3-binary
  /tmp/ds/bin/python bench/run.py --sizes 1000 10000 100000 --datasette /tmp/ds/bin/datasette \
      [--duration 10] [--work /tmp/chiso-bench]
"""
import argparse, json, os, re, shutil, signal, subprocess, sys, time, urllib.parse, urllib.request

try:  # the store's search index needs SQLite 3.43+ (contentless_delete); Debian 12's is older
    import pysqlite3 as sqlite3
except ImportError:
    import sqlite3

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHISO = os.path.join(ROOT, "target/release/chiso")


def wait_ready(url, timeout=60):
    start = time.time()
    while time.time() - start < timeout:
        try:
            urllib.request.urlopen(url, timeout=2)
            return time.time() - start
        except Exception:
            time.sleep(0.02)
    raise SystemExit(f"{url} did not answer")


def wrk(url, duration, connections=32):
    # A 10 s timeout: a request slower than wrk's default 2 s is counted, not dropped. The
    # encodings a browser accepts, sent to both servers (Datasette answers them uncompressed).
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "--latency",
                          "-H", "Accept-Encoding: br, gzip", url],
                         capture_output=True, text=True, check=True).stdout
    unit = {"us": 1e-3, "ms": 1.0, "s": 1e3}
    lat = {p: float(v) * unit[u] for p, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)}
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": rps, "p50_ms": lat.get("50"), "p99_ms": lat.get("99"), "errors": int(non2xx.group(1)) if non2xx else 0}


def cool_down(url, timeout=120):
    """Waits until the server answers a cheap request quickly again: a slow query leaves a
    backlog of queued requests that the next measurement must not inherit."""
    start = time.time()
    while time.time() - start < timeout:
        t = time.time()
        try:
            urllib.request.urlopen(url, timeout=10).read()
        except Exception:
            pass
        if time.time() - t < 0.05:
            return
        time.sleep(0.5)


def ceiling_binary():
    """The point-read ceiling server (benches/ceiling.rs), built in the bench profile."""
    out = subprocess.run(["cargo", "bench", "--bench", "ceiling", "--no-run"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stderr
    return os.path.join(ROOT, re.search(r"Executable benches/ceiling.rs \((.+?)\)", out).group(1))


def peak_rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        return int(re.search(r"VmHWM:\s+(\d+) kB", f.read()).group(1)) / 1024


def ds_url(port, sql):
    return f"http://127.0.0.1:{port}/chiso.json?" + urllib.parse.urlencode({"sql": sql, "_shape": "array"})


def queries(db):
    """The benchmark queries: (name, chiso path, equivalent SQL for Datasette)."""
    con = sqlite3.connect(db)
    busiest = ("SELECT l.id FROM localities l JOIN article_localities al ON al.locality_id = l.id "
               "WHERE l.level = 'province' AND l.scheme = ? GROUP BY l.id ORDER BY count(*) DESC LIMIT 1")
    province, = con.execute(busiest, ("2024",)).fetchone()
    province_2025, = con.execute(busiest, ("2025",)).fetchone()
    article, = con.execute("SELECT id FROM articles ORDER BY rowid LIMIT 1 OFFSET 7").fetchone()
    # A word of the (folded) index that occurs in exactly one article.
    con.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, article_search, row)")
    rare_q, = con.execute("SELECT term FROM temp.vocab WHERE doc = 1 AND length(term) >= 5 "
                          "AND term GLOB '[a-z]*' ORDER BY term LIMIT 1").fetchone()
    con.close()
    summary = ("SELECT a.id, a.title, a.published_on, a.event_date, a.byline, a.period, a.primary_locality, "
               "a.source_file, a.source_url, (SELECT count(*) FROM indicators i WHERE i.article_id = a.id) AS n, "
               "(SELECT count(*) FROM articles) AS total FROM articles a")
    ind = ("SELECT i.*, a.title FROM indicators i JOIN articles a ON a.id = i.article_id "
           "LEFT JOIN localities l ON l.id = i.locality_id")
    return province, [
        ("articles, newest 20", "/articles?limit=20",
         f"{summary} ORDER BY coalesce(a.published_on, a.event_date) DESC, a.id LIMIT 20"),
        ("articles, common word", "/articles?q=dan%20van",
         f"{summary} WHERE a.rowid IN (SELECT rowid FROM article_search WHERE article_search MATCH '\"dan\" \"van\"') "
         "ORDER BY coalesce(a.published_on, a.event_date) DESC, a.id LIMIT 20"),
        ("articles, rare word", "/articles?q=" + urllib.parse.quote(rare_q),
         f"{summary} WHERE a.rowid IN (SELECT rowid FROM article_search WHERE article_search MATCH "
         f"'\"{rare_q}\"') "
         "ORDER BY coalesce(a.published_on, a.event_date) DESC, a.id LIMIT 20"),
        ("poverty rate in a province", f"/indicators?metric=poverty_rate&locality={province}",
         f"{ind} WHERE i.metric = 'poverty_rate' AND i.province_2024 = '{province}' "
         "ORDER BY i.newest DESC, i.article_id, i.position LIMIT 20"),
        ("indicators by value", "/indicators?min_value=1000&sort=-value",
         f"{ind} WHERE i.value >= 1000 ORDER BY i.value DESC, i.id LIMIT 20"),
        ("province summary", f"/localities/{province}/summary",
         f"SELECT i.metric, i.unit, count(*), max(i.newest) FROM indicators i WHERE i.province_2024 = '{province}' "
         "GROUP BY i.metric, i.unit"),
        ("2025 province summary", f"/localities/{province_2025}/summary",
         f"SELECT i.metric, i.unit, count(*), max(i.newest) FROM indicators i "
         f"WHERE i.province_2025 = '{province_2025}' GROUP BY i.metric, i.unit"),
        ("summaries of provinces", "/summaries?level=province&scheme=2024",
         "SELECT i.province_2024, i.metric, count(*) FROM indicators i "
         "WHERE i.province_2024 IS NOT NULL GROUP BY i.province_2024, i.metric LIMIT 400"),
        ("summaries of 2025 provinces", "/summaries?level=province&scheme=2025",
         "SELECT i.province_2025, i.metric, count(*) FROM indicators i "
         "WHERE i.province_2025 IS NOT NULL GROUP BY i.province_2025, i.metric LIMIT 400"),
        ("poverty rate across the 63 provinces", "/metrics/poverty_rate/localities?scheme=2024",
         "SELECT la.area_id, i.id, i.value, i.unit, i.direction, i.period, a.id, a.title, "
         "coalesce(a.published_on, a.event_date) FROM localities u "
         "JOIN locality_areas la ON la.area_id = u.id AND la.relation IN ('self', 'same') "
         "JOIN indicators i ON i.locality_id = la.locality_id AND i.metric = 'poverty_rate' "
         "JOIN articles a ON a.id = i.article_id WHERE u.scheme = '2024' AND u.level = 'province'"),
        ("poverty rate across the 34 provinces, GeoJSON", "/metrics/poverty_rate/localities?format=geojson",
         "SELECT la.area_id, i.id, i.value, i.unit, i.direction, i.period, a.id, a.title, "
         "coalesce(a.published_on, a.event_date), u.lat, u.lon FROM localities u "
         "JOIN locality_areas la ON la.area_id = u.id AND la.relation IN ('self', 'same') "
         "JOIN indicators i ON i.locality_id = la.locality_id AND i.metric = 'poverty_rate' "
         "JOIN articles a ON a.id = i.article_id WHERE u.scheme = '2025' AND u.level = 'province'"),
        ("poverty rate series of a province", f"/localities/{province}/metrics/poverty_rate/series",
         f"SELECT i.id, i.value, i.unit, i.direction, i.period, i.locality_id, a.id, a.title "
         f"FROM indicators i JOIN articles a ON a.id = i.article_id "
         f"WHERE i.province_2024 = '{province}' AND i.metric = 'poverty_rate' ORDER BY i.period"),
        ("indicator facets (metric, unit)", "/indicators?limit=1&facets=metric,unit",
         "SELECT metric, count(*) FROM indicators GROUP BY metric ORDER BY 2 DESC LIMIT 31"),
        ("one article", f"/articles/{article}",
         f"SELECT a.*, t.body, t.captions FROM articles a JOIN article_texts t USING (seq) WHERE a.id = '{article}'"),
    ]


def run_size(n, args, report):
    work = os.path.join(args.work, str(n))
    corpus, db = os.path.join(work, "corpus"), os.path.join(work, "chiso.sqlite3")
    if not os.path.isdir(corpus) or len(os.listdir(corpus)) != n:
        shutil.rmtree(corpus, ignore_errors=True)
        subprocess.run([CHISO, "synth", "--articles", str(n), "--seed", "2026", "--out", corpus], check=True,
                       cwd=ROOT, capture_output=True)
    env = dict(os.environ, CHISO_DB=db, RUST_LOG="warn")
    ingest_s = None
    if not (args.reuse_store and os.path.exists(db)):
        for f in (db, db + "-wal", db + "-shm"):
            if os.path.exists(f):
                os.remove(f)
        start = time.time()
        subprocess.run([CHISO, "ingest", corpus], check=True, cwd=ROOT, env=env, capture_output=True)
        ingest_s = time.time() - start
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    indicators, = con.execute("SELECT count(*) FROM indicators").fetchone()
    con.close()
    size_mb = sum(os.path.getsize(f) for f in (db, db + "-wal") if os.path.exists(f)) / 1e6
    row = {"articles": n + 5, "indicators": indicators, "ingest_s": ingest_s and round(ingest_s, 1),
           "ingest_per_s": ingest_s and round(n / ingest_s), "store_mb": round(size_mb, 1), "queries": {}}
    port = 18600
    server = subprocess.Popen([CHISO, "--bind", f"127.0.0.1:{port}"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    row["startup_s"] = round(wait_ready(f"http://127.0.0.1:{port}/ready"), 3)
    ds = subprocess.Popen([args.datasette, "serve", "-i", db, "--port", str(port + 1),
                           "--setting", "sql_time_limit_ms", "60000", "--setting", "max_returned_rows", "5000"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ceiling = None
    if args.ceiling:
        ceiling = subprocess.Popen([ceiling_binary(), "--db", db, "--bind", f"127.0.0.1:{port + 2}"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_ready(f"http://127.0.0.1:{port + 1}/-/versions.json")
        province, qs = queries(db)
        if ceiling:
            article = qs[-1][1].rsplit("/", 1)[1]
            wait_ready(f"http://127.0.0.1:{port + 2}/articles/{article}")
            cool_down(f"http://127.0.0.1:{port + 2}/articles/{article}")
            row["ceiling"] = wrk(f"http://127.0.0.1:{port + 2}/articles/{article}", args.duration)
            ours = wrk(f"http://127.0.0.1:{port}/articles/{article}", args.duration)
            row["ceiling_chiso"] = ours
            print(f"  {n:>7} point read: chiso {ours['rps']:8.0f} rps, ceiling {row['ceiling']['rps']:8.0f} rps",
                  file=sys.stderr)
        row["province"] = province
        row["paths"] = {name: path for name, path, _ in qs}
        # What the first reader after a start (or a write) waits: summaries are kept until the
        # next write, so wrk below measures them kept.
        row["cold_ms"] = {}
        for name, path, _ in qs:
            if "summar" in name or "across" in name:
                t = time.time()
                urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=600).read()
                row["cold_ms"][name] = round((time.time() - t) * 1000)
        probe = f"http://127.0.0.1:{port}/health"
        for name, path, sql in qs:
            if args.only and not any(word in name for word in args.only):
                continue
            cool_down(probe)
            ours = wrk(f"http://127.0.0.1:{port}{path}", args.duration)
            cool_down(ds_url(port + 1, "SELECT 1"))  # through Datasette's query threads
            peer = wrk(ds_url(port + 1, sql), args.duration)
            row["queries"][name] = {"path": path, "chiso": ours, "datasette": peer}
            print(f"  {n:>7} {name:28} chiso {ours['rps']:8.0f} rps p99 {ours['p99_ms']:8.2f} ms | "
                  f"datasette {peer['rps']:7.0f} rps p99 {peer['p99_ms']:8.2f} ms", file=sys.stderr)
        row["chiso_peak_rss_mb"] = round(peak_rss_mb(server.pid), 1)
    finally:
        for p in (server, ds, ceiling):
            if p is None:
                continue
            p.send_signal(signal.SIGTERM)
            p.wait(timeout=30)
    report.append(row)


def markdown(report):
    lines = ["| articles | indicators | ingest (articles/s) | ingest time | store | start-up | peak RSS |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in report:
        lines.append(f"| {r['articles']:,} | {r['indicators']:,} | {r['ingest_per_s'] or '-'} | {r['ingest_s'] or '-'} s | "
                     f"{r['store_mb']} MB | {r['startup_s']} s | {r['chiso_peak_rss_mb']} MB |")
    lines += ["", "| summary, first request after a start or a write | articles | chiso |", "| --- | ---: | ---: |"]
    for r in report:
        for name, ms in r.get("cold_ms", {}).items():
            path = r["paths"][name]
            lines.append(f"| {name} (`{path}`) | {r['articles']:,} | {ms:,} ms |")
    lines += ["", "| query | articles | chiso req/s | chiso p50 | chiso p99 | Datasette req/s | Datasette p99 | ratio (req/s) |",
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in report:
        for name, q in r["queries"].items():
            c, d = q["chiso"], q["datasette"]
            ratio = c["rps"] / d["rps"] if d["rps"] else float("inf")
            lines.append(f"| {name} (`{q['path']}`) | {r['articles']:,} | {c['rps']:,.0f} | {c['p50_ms']:.2f} ms | "
                         f"{c['p99_ms']:.2f} ms | {d['rps']:,.0f} | {d['p99_ms']:.2f} ms | {ratio:.1f}x |")
    ceilings = [r for r in report if "ceiling" in r]
    if ceilings:
        lines += ["", "| point read (`/articles/{id}`) | articles | chiso req/s | ceiling req/s | share |",
                  "| --- | ---: | ---: | ---: | ---: |"]
        for r in ceilings:
            c, m = r["ceiling_chiso"]["rps"], r["ceiling"]["rps"]
            lines.append(f"| actix route + pooled SQLite read (`benches/ceiling.rs`) | {r['articles']:,} | {c:,.0f} | "
                         f"{m:,.0f} | {c / m:.0%} |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--duration", type=int, default=10)
    ap.add_argument("--work", default="/tmp/chiso-bench")
    ap.add_argument("--datasette", default=shutil.which("datasette") or "datasette")
    ap.add_argument("--json")
    ap.add_argument("--only", nargs="+", help="measure only the queries whose names hold one of these words")
    ap.add_argument("--ceiling", action="store_true",
                    help="also measure the point-read ceiling (benches/ceiling.rs) on the same store")
    ap.add_argument("--reuse-store", action="store_true", help="measure an existing store; skip the ingest")
    args = ap.parse_args()
    report = []
    for n in args.sizes:
        run_size(n, args, report)
    if args.json:
        json.dump(report, open(args.json, "w"), indent=1)
    print(markdown(report))


if __name__ == "__main__":
    main()
