#!/usr/bin/env python3
"""Label-free diagnostics of the extractor over a folder of real pages without gold.

Posts every text of a corpus (`articles/NNN.txt`, with its `source_url` from `pages.tsv` when
there is one) to a running service and prints rates that need no gold: figures with no place,
with no period, in `other`, dated after the day the text was stored; articles with no title,
no date, no primary place; titles that look like page furniture (a site name, a date line, a
hotline, an e-mail, a weather line); bylines that look like tags or outlets.

Usage:
  wild_diagnostics.py --url http://127.0.0.1:8080 --token TOKEN --corpus ../shared/data/wild [--json] [--verbose]

Only the Python standard library is used.
"""
import argparse
import csv
import datetime
import json
import os
import re
import sys
import urllib.error
import urllib.request

FURNITURE = re.compile(
    r"(?i)hotline|đường dây nóng|@|\bemail\b|e-mail|°|skip to|lượt xem|cơ quan chủ quản|"
    r"giấy phép|bản quyền|copyright|trang chủ|^\W*(thứ\s+\w+|chủ nhật)\b|^[\d\s/:,.|()+-]*$|"
    r"^\s*\d{1,2}/\d{1,2}/\d{4}|\.(vn|com|net|org)\b|báo điện tử|cổng thông tin")
TAG_BYLINE = re.compile(r"(?i)^(tags?|comment|en|vi|share|chia sẻ|từ khóa|báo .*|cổng .*|.*\.(vn|com|net))$")


def call(method, url, token=None, body=None, ctype=None):
    req = urllib.request.Request(url, method=method, data=body)
    req.add_header("Accept", "application/json")
    if ctype:
        req.add_header("Content-Type", ctype)
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        raw = e.read()
        try:
            return e.code, json.loads(raw)
        except ValueError:
            return e.code, raw.decode("utf-8", "replace")


def list_all(base, path, token):
    out, offset = [], 0
    while True:
        sep = "&" if "?" in path else "?"
        st, body = call("GET", f"{base}{path}{sep}limit=100&offset={offset}", token)
        if st != 200:
            raise SystemExit(f"GET {path} answered {st}: {str(body)[:300]}")
        out.extend(body["data"])
        if len(body["data"]) < 100:
            return out
        offset += 100


def period_start(p):
    """The first day a period key covers."""
    m = re.match(r"^(\d{4})(?:-(H[12]|Q[1-4]|9M|\d{2}|\d{4}))?(?:/(\d{4})-(\d{2}))?$", p or "")
    if not m:
        return None
    y, part = int(m.group(1)), m.group(2)
    month = 1
    if part and part.startswith("H"):
        month = 1 if part == "H1" else 7
    elif part and part.startswith("Q"):
        month = 3 * (int(part[1]) - 1) + 1
    elif part and len(part) == 2 and part.isdigit():
        month = int(part)
    return datetime.date(y, month, 1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", default="http://127.0.0.1:8080")
    ap.add_argument("--token")
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    base = a.url.rstrip("/")
    today = datetime.date.today()
    urls = {}
    tsv = os.path.join(a.corpus, "pages.tsv")
    if os.path.exists(tsv):
        with open(tsv, encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                urls[row["file"]] = row.get("source_url") or None
    files = sorted(os.listdir(os.path.join(a.corpus, "articles")))
    n = {"articles": 0, "refused": 0, "no_title": 0, "no_date": 0, "no_primary": 0,
         "furniture_title": 0, "tag_byline": 0, "future_date": 0,
         "figures": 0, "no_place": 0, "no_period": 0, "other": 0, "future_period": 0}
    notes = []
    for name in files:
        text = open(os.path.join(a.corpus, "articles", name), encoding="utf-8").read()
        body = {"text": text}
        if urls.get(name):
            body["source_url"] = urls[name]
        st, art = call("POST", f"{base}/articles", a.token, json.dumps(body, ensure_ascii=False).encode(),
                       "application/json")
        n["articles"] += 1
        if st not in (200, 201):
            n["refused"] += 1
            notes.append(f"{name}: refused {st}")
            continue
        st, art = call("GET", f"{base}/articles/{art['id']}", a.token)
        title = art.get("title")
        if not title:
            n["no_title"] += 1
        elif FURNITURE.search(title):
            n["furniture_title"] += 1
            notes.append(f"{name}: furniture title {title!r}")
        if art.get("byline") and TAG_BYLINE.match(art["byline"].strip()):
            n["tag_byline"] += 1
            notes.append(f"{name}: tag byline {art['byline']!r}")
        date = art.get("published_on")
        if not date:
            n["no_date"] += 1
        elif datetime.date.fromisoformat(date) > today:
            n["future_date"] += 1
            notes.append(f"{name}: published {date}, after today")
        if not art.get("locality"):
            n["no_primary"] += 1
        for ind in list_all(base, f"/articles/{art['id']}/indicators", a.token):
            n["figures"] += 1
            n["no_place"] += int(not ind.get("locality"))
            n["no_period"] += int(not ind.get("period"))
            n["other"] += int((ind.get("metric") or "other") == "other")
            start = period_start(ind.get("period"))
            if start and start > today:
                n["future_period"] += 1
                notes.append(f"{name}: period {ind['period']} after today for {ind.get('value')}")
    arts, figs = max(n["articles"] - n["refused"], 1), max(n["figures"], 1)
    rates = {
        "articles": n["articles"], "refused": n["refused"], "figures": n["figures"],
        "figures_without_place": round(n["no_place"] / figs, 4),
        "figures_without_period": round(n["no_period"] / figs, 4),
        "figures_in_other": round(n["other"] / figs, 4),
        "figures_dated_after_today": n["future_period"],
        "articles_without_title": round(n["no_title"] / arts, 4),
        "articles_without_date": round(n["no_date"] / arts, 4),
        "articles_without_primary_place": round(n["no_primary"] / arts, 4),
        "titles_like_furniture": n["furniture_title"],
        "bylines_like_tags": n["tag_byline"],
        "articles_dated_after_today": n["future_date"],
    }
    if a.verbose:
        for line in notes:
            print("  " + line)
    print(json.dumps(rates, ensure_ascii=False, indent=None if a.json else 1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
