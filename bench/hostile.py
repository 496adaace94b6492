#!/usr/bin/env python3
"""chiso under hostile clients, for a bounded time, beside the traffic it exists for.

Against a release server on a store of `--articles` synthetic articles, for `--duration`
seconds at once:
  - slow readers: 8 clients fetch `/indicators?format=csv` reading 1 KB/s (small receive
    buffers, so the kernel does not read for them), again whenever cut off or refused;
  - heavy queries: 16 clients loop searches, sorts and roll-ups over the whole store;
  - a POST storm: 8 writers post new articles as fast as they are answered;
  - `chiso ingest` of `--ingest` more articles into the same store, as another process;
  - everyday traffic: 4 clients loop what a dashboard asks (the requests that must not suffer).
Reports, per kind of client, requests, answers by status, p50/p99 latency, and the server's peak
RSS; exits non-zero if any answer was a 500 or an everyday request failed. `--mix` runs the
everyday traffic alone (`everyday`, the baseline) or beside one kind of hostile client only
(`slow-readers`, `heavy`, `posts`, `ingest`); `all` (the default) runs them all at once.

Needs target/release/chiso (cargo build --release). Usage:
  python3 bench/hostile.py [--articles 10000] [--ingest 2000] [--duration 60] [--mix all]
      [--work /tmp/chiso-hostile]
"""
import argparse, collections, http.client, os, re, shutil, socket, subprocess, sys, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHISO = os.path.join(ROOT, "target/release/chiso")
TOKEN = "hostile-bench-token"

EVERYDAY = [
    "/health",
    "/articles?limit=20",
    "/indicators?metric=poverty_rate&limit=20",
    "/localities?level=province",
    "/summaries?level=province&limit=34",
    "/metrics",
]
HEAVY = [
    "/indicators?q=dan&sort=-value&limit=200",
    "/articles?q=nam&sort=title&limit=200",
    "/summaries?level=commune&scheme=2024&limit=200",
    "/indicators?sort=-period&limit=200&offset=5000",
    "/articles?q=a*&limit=200",
]


class Tally:
    """Answers and latencies of one kind of client."""

    def __init__(self):
        self.lock = threading.Lock()
        self.statuses = collections.Counter()
        self.latencies = []

    def add(self, status, seconds):
        with self.lock:
            self.statuses[status] += 1
            self.latencies.append(seconds)

    def row(self, name):
        lat = sorted(self.latencies)
        pct = lambda p: f"{lat[min(len(lat) - 1, int(len(lat) * p))] * 1000:.0f}" if lat else "-"
        statuses = ", ".join(f"{s}: {n}" for s, n in sorted(self.statuses.items(), key=str))
        return f"| {name} | {sum(self.statuses.values())} | {statuses} | {pct(0.5)} | {pct(0.99)} |"


def request(port, method, path, body=None, headers=None, timeout=30):
    con = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        con.request(method, path, body=body, headers=headers or {})
        res = con.getresponse()
        res.read()
        return res.status
    except Exception as e:
        return type(e).__name__
    finally:
        con.close()


def loop(stop, port, tally, paths):
    i = 0
    while not stop.is_set():
        started = time.time()
        tally.add(request(port, "GET", paths[i % len(paths)]), time.time() - started)
        i += 1


def slow_reader(stop, port, tally):
    """One client reading a CSV export at about 1 KB/s, from a socket with a small buffer."""
    while not stop.is_set():
        started = time.time()
        s = socket.socket()
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        try:
            s.connect(("127.0.0.1", port))
            s.sendall(b"GET /indicators?format=csv HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n")
            head = s.recv(1024)
            m = re.match(rb"HTTP/1.1 (\d+)", head)
            status = int(m.group(1)) if m else "no answer"
            got = len(head)
            while not stop.is_set() and status == 200:
                chunk = s.recv(1024)
                if not chunk:
                    break
                got += len(chunk)
                time.sleep(1)
            tally.add(status, time.time() - started)
            if status != 200:
                time.sleep(1)  # refused: come back after a while, as Retry-After asks
        except OSError as e:
            tally.add(type(e).__name__, time.time() - started)
            time.sleep(0.5)
        finally:
            s.close()


def poster(stop, port, tally, files):
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain; charset=utf-8"}
    for path in files:
        if stop.is_set():
            return
        with open(path, "rb") as f:
            body = f.read()
        started = time.time()
        tally.add(request(port, "POST", "/articles", body, headers), time.time() - started)


def peak_rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        return int(re.search(r"VmHWM:\s+(\d+) kB", f.read()).group(1)) / 1024


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--ingest", type=int, default=2000)
    ap.add_argument("--duration", type=int, default=60)
    ap.add_argument("--work", default="/tmp/chiso-hostile")
    ap.add_argument("--mix", default="all", choices=["all", "everyday", "slow-readers", "heavy", "posts", "ingest"])
    args = ap.parse_args()
    if not os.path.exists(CHISO):
        sys.exit("build first: cargo build --release")
    os.makedirs(args.work, exist_ok=True)
    env = dict(os.environ, CHISO_DB=os.path.join(args.work, "chiso.sqlite3"), CHISO_SEED_DIR=os.path.join(ROOT, "seed"), RUST_LOG="warn")
    corpus, posts, extra = (os.path.join(args.work, d) for d in ("corpus", "posts", "extra"))
    base = os.path.join(args.work, f"base-{args.articles}-{args.ingest}.sqlite3")
    if not os.path.exists(base):  # the store and corpora, made once per size and kept
        for d in (corpus, posts, extra):
            shutil.rmtree(d, ignore_errors=True)
        for out, n, seed in ((corpus, args.articles, 1), (posts, 4000, 2), (extra, args.ingest, 3)):
            subprocess.run([CHISO, "synth", "--articles", str(n), "--seed", str(seed), "--out", out], env=env, check=True, stdout=subprocess.DEVNULL)
        subprocess.run([CHISO, "ingest", corpus], env=dict(env, CHISO_DB=base), check=True, stdout=subprocess.DEVNULL)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(env["CHISO_DB"] + suffix):
            os.remove(env["CHISO_DB"] + suffix)
    shutil.copy(base, env["CHISO_DB"])

    port = free_port()
    server = subprocess.Popen([CHISO], env=dict(env, CHISO_BIND=f"127.0.0.1:{port}", CHISO_API_TOKEN=TOKEN, RUST_LOG=os.environ.get("RUST_LOG", "warn")),
                              stderr=open(os.path.join(args.work, "server.log"), "w"))
    for _ in range(600):
        if request(port, "GET", "/ready", timeout=2) == 200:
            break
        time.sleep(0.1)
    else:
        sys.exit("the server did not start")

    stop = threading.Event()
    kinds = {k: Tally() for k in ("everyday", "heavy queries", "slow CSV readers", "POST storm")}
    post_files = sorted(os.path.join(posts, f) for f in os.listdir(posts))
    mix = lambda kind: args.mix in ("all", kind)
    threads = (
        [threading.Thread(target=loop, args=(stop, port, kinds["everyday"], EVERYDAY[i:] + EVERYDAY[:i])) for i in range(4)]
        + [threading.Thread(target=loop, args=(stop, port, kinds["heavy queries"], HEAVY[i % 5:] + HEAVY[:i % 5])) for i in range(16) if mix("heavy")]
        + [threading.Thread(target=slow_reader, args=(stop, port, kinds["slow CSV readers"])) for _ in range(8) if mix("slow-readers")]
        + [threading.Thread(target=poster, args=(stop, port, kinds["POST storm"], post_files[i::8])) for i in range(8) if mix("posts")]
    )
    started = time.time()
    for t in threads:
        t.start()
    ingest = subprocess.Popen([CHISO, "ingest", extra] if mix("ingest") else ["true"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    ingest_out, _ = ingest.communicate()
    ingest_took = time.time() - started
    time.sleep(max(0, args.duration - (time.time() - started)))
    stop.set()
    for t in threads:
        t.join(timeout=60)
    rss = peak_rss_mb(server.pid)
    server.terminate()
    server.wait()

    print(f"## Hostile mix `{args.mix}`: {args.articles:,} articles, {args.duration} s\n")
    print("| clients | requests | answers by status | p50 ms | p99 ms |\n| --- | --- | --- | --- | --- |")
    for name, tally in kinds.items():
        if tally.statuses:
            print(tally.row(name))
    if mix("ingest"):
        print(f"\n`chiso ingest` of {args.ingest:,} articles beside it: exit {ingest.returncode} in {ingest_took:.0f} s: "
              f"{ingest_out.strip().splitlines()[-1] if ingest_out.strip() else ''}")
    print(f"\nServer peak RSS: {rss:.0f} MB")
    server_errors = sum(n for t in kinds.values() for s, n in t.statuses.items() if s == 500)
    everyday_failures = sum(n for s, n in kinds["everyday"].statuses.items() if s != 200)
    print(f"500s: {server_errors}; everyday requests not answered 200: {everyday_failures}")
    sys.exit(1 if server_errors or everyday_failures or ingest.returncode else 0)


if __name__ == "__main__":
    main()
