#!/usr/bin/env python3
"""Metric precision and recall of a running chiso against the hand-annotated metrics of the
development corpus (tests/fixtures/dev-metrics.json).

Each article of the corpus is posted as the shared scorer posts it (JSON with its source_url
where the gold gives one; re-posting answers the stored article), its figures are matched to
the annotated ones in order by value and denominator, and over the matched figures:
  precision = figures whose served metric is the annotated one / figures served a catalog metric
  recall    = figures whose served metric is the annotated one / figures annotated a catalog metric
(`other`, no catalog metric, counts in neither numerator). Standard library only.

Usage: metric_score.py --url http://127.0.0.1:8080 --token TOKEN \
           --corpus ../shared/data/dev-corpus [--fixture tests/fixtures/dev-metrics.json] [--verbose]
"""
import argparse, json, os, sys, urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))


def call(method, url, token=None, body=None):
    req = urllib.request.Request(url, method=method, data=body)
    req.add_header("Accept", "application/json")
    if body is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read())


def same(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", default="http://127.0.0.1:8080")
    ap.add_argument("--token")
    ap.add_argument("--corpus", required=True, help="the development corpus folder (articles/, gold/)")
    ap.add_argument("--fixture", default=os.path.join(HERE, "..", "tests", "fixtures", "dev-metrics.json"))
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    base = a.url.rstrip("/")
    figures = json.load(open(a.fixture, encoding="utf-8"))["figures"]
    by_file = {}
    for f in figures:
        by_file.setdefault(f["file"], []).append(f)
    right = served = expected = matched = 0
    wrong = []
    for name, annotated in sorted(by_file.items()):
        gold = json.load(open(os.path.join(a.corpus, "gold", name.replace(".txt", ".json")), encoding="utf-8"))
        text = open(os.path.join(a.corpus, "articles", name), encoding="utf-8").read()
        payload = {"text": text}
        if gold.get("source_url"):
            payload["source_url"] = gold["source_url"]
        article = call("POST", f"{base}/articles", a.token, json.dumps(payload, ensure_ascii=False).encode("utf-8"))
        free = call("GET", f"{base}/articles/{article['id']}/indicators?limit=200")["data"]
        for f in annotated:
            hit = next((e for e in free if same(e["value"], f["value"]) and same(e.get("denominator"), f.get("denominator"))), None)
            if hit is None:
                continue
            free.remove(hit)
            matched += 1
            got, want = hit["metric"], f["metric"]
            served += got != "other"
            expected += want != "other"
            right += got == want and want != "other"
            if got != want:
                wrong.append((name, f["quote"], want, got))
    p = right / served if served else 0.0
    r = right / expected if expected else 0.0
    res = {"matched": matched, "metric_precision": round(p, 4), "metric_recall": round(r, 4),
           "right": right, "served_catalog": served, "annotated_catalog": expected}
    if a.verbose:
        for name, quote, want, got in wrong:
            print(f"  metric  {name}: want {want} got {got} for {quote!r}")
    print(json.dumps(res) if a.json else json.dumps(res, indent=1))


if __name__ == "__main__":
    sys.exit(main())
