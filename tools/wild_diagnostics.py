#!/usr/bin/env python3
"""Label-free diagnostics of the extractor over a folder of real pages without gold.

Posts every text of a corpus (`articles/NNN.txt`, with its `source_url` from `pages.tsv` when
there is one) to a running service and prints rates that need no gold: figures with no place,
with no period, in `other`, dated after the day the text was stored; articles with no title,
no date, no primary place; titles that look like page furniture (a site name, a date line, a
hotline, an e-mail, a weather line); bylines that look like tags or outlets.

Usage:
  wild_diagnostics.py --url http://127.0.0.1:8080 --token TOKEN --corpus ../shared/data/wild [--json] [--verbose]

With `--gazetteer` (the folder holding `vn_admin_units_2024.csv`) and a `province` column in
`pages.tsv`, it also prints how often the primary place and each placed figure lie in the page's
province, on either map (an old province and the new one it merged into count as the same).

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


def fold_province(name):
    """A province's name without its type word, lower-cased: "Tỉnh Bắc Kạn" -> "bắc kạn"."""
    n = (name or "").strip().lower()
    n = re.sub(r"^(tỉnh|thành phố|tp\.?)\s+", "", n)
    return {"thừa thiên huế": "huế", "tp hồ chí minh": "hồ chí minh"}.get(n, n)


def province_kin(gazetteer):
    """For each folded province name of either map, the folded names it shares land with."""
    kin = {}
    path = os.path.join(gazetteer, "vn_admin_units_2024.csv")
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["level"] != "province":
                continue
            old, new = fold_province(row["name"]), fold_province(row["successor_2025_name"])
            kin.setdefault(old, {old}).add(new)
            kin.setdefault(new, {new}).add(old)
    return kin


def province_of(base, loc, seen):
    """The folded province name of a unit as the API gives it, asking the unit's page when needed."""
    if loc.get("level") == "province":
        return fold_province(loc.get("name"))
    if (loc.get("province") or {}).get("name"):
        return fold_province(loc["province"]["name"])
    if loc["id"] not in seen:
        st, unit = call("GET", f"{base}/localities/{loc['id']}")
        parents = unit.get("parents", []) if st == 200 else []
        seen[loc["id"]] = next((fold_province(p["name"]) for p in parents if p.get("level") == "province"), "")
    return seen[loc["id"]]


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
    ap.add_argument("--gazetteer", help="folder of vn_admin_units_2024.csv, for province agreement")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    base = a.url.rstrip("/")
    today = datetime.date.today()
    urls, provinces, levels, years = {}, {}, {}, {}
    tsv = os.path.join(a.corpus, "pages.tsv")
    if os.path.exists(tsv):
        with open(tsv, encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                urls[row["file"]] = row.get("source_url") or None
                provinces[row["file"]] = fold_province(row.get("province"))
                levels[row["file"]] = row.get("level")
                years[row["file"]] = int(row["year"]) if (row.get("year") or "").isdigit() else None
    kin = province_kin(a.gazetteer) if a.gazetteer else None
    files = sorted(os.listdir(os.path.join(a.corpus, "articles")))
    n = {"articles": 0, "refused": 0, "no_title": 0, "no_date": 0, "no_primary": 0,
         "furniture_title": 0, "tag_byline": 0, "future_date": 0,
         "figures": 0, "no_place": 0,
         "primary_judged": 0, "primary_other_level": 0, "dated_judged": 0, "after_page_year": 0,
         "before_page_year": 0, "primary_elsewhere": 0, "placed_judged": 0, "placed_elsewhere": 0, "no_period": 0, "other": 0, "future_period": 0}
    notes, seen_units = [], {}
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
        home = kin.get(provinces.get(name), {provinces.get(name)}) if kin and provinces.get(name) else None

        def elsewhere(loc):
            prov = province_of(base, loc, seen_units)
            return bool(prov) and prov not in home

        if home and art.get("locality"):
            n["primary_judged"] += 1
            want = {"village": "commune"}.get(levels.get(name), levels.get(name))
            if art["locality"].get("level") != want:
                n["primary_other_level"] += 1
                notes.append(f"{name}: primary place {art['locality'].get('name')!r} is no {levels[name]}")
            if elsewhere(art["locality"]):
                n["primary_elsewhere"] += 1
                notes.append(f"{name}: primary place {art['locality'].get('name')!r} outside {provinces[name]}")
        for ind in list_all(base, f"/articles/{art['id']}/indicators", a.token):
            n["figures"] += 1
            n["no_place"] += int(not ind.get("locality"))
            if home and ind.get("locality"):
                n["placed_judged"] += 1
                if elsewhere(ind["locality"]):
                    n["placed_elsewhere"] += 1
                    notes.append(f"{name}: figure {ind.get('value')} placed in "
                                 f"{ind['locality'].get('name')!r} outside {provinces[name]}")
            n["no_period"] += int(not ind.get("period"))
            n["other"] += int((ind.get("metric") or "other") == "other")
            start = period_start(ind.get("period"))
            if start and years.get(name):
                n["dated_judged"] += 1
                if start.year > years[name]:
                    n["after_page_year"] += 1
                    notes.append(f"{name}: period {ind['period']} after the page's year {years[name]}"
                                 f" for {ind.get('value')} ({ind.get('label')})")
                elif start.year < years[name] - 1:
                    n["before_page_year"] += 1
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
    if years:
        rates["dated_figures_after_page_year"] = round(n["after_page_year"] / max(n["dated_judged"], 1), 4)
        rates["dated_figures_two_years_before_page_year"] = round(
            n["before_page_year"] / max(n["dated_judged"], 1), 4)
    if kin:
        rates["primary_places_outside_page_province"] = round(
            n["primary_elsewhere"] / max(n["primary_judged"], 1), 4)
        rates["primary_places_at_another_level"] = round(
            n["primary_other_level"] / max(n["primary_judged"], 1), 4)
        rates["placed_figures_outside_page_province"] = round(
            n["placed_elsewhere"] / max(n["placed_judged"], 1), 4)
    if a.verbose:
        for line in notes:
            print("  " + line)
    print(json.dumps(rates, ensure_ascii=False, indent=None if a.json else 1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
