#!/usr/bin/env python3
"""Writes the HTML, trafilatura and WARC fixtures of tests/fixtures/pages from real texts.

Each page wraps the paragraphs of one real report of the development corpora (with its gold
title, date, byline and address) in the chrome of a kind of page Vietnamese outlets serve: a
Liferay-style `.gov.vn` portal, a provincial newspaper's CMS with JSON-LD, and one that says
only what its <meta> tags say. The chrome lines (menus, captions, related links, comment
boxes, footers with hotlines) are the template's own words; `*.expected.json` lists them
beside the body paragraphs that must come through and the metadata that must be read.

    python3 tools/page_fixtures.py --shared ../shared --out tests/fixtures/pages

The WARC is written with warcio (`pip install warcio`); without it the WARC is skipped.
`--warc-from tests/fixtures/pages --warc-out FILE` writes only the WARC, from the committed pages:
CI does so with a fresh warcio before the tests (CHISO_TEST_WARC).
"""

import argparse
import html
import io
import json
import pathlib
import unicodedata

PAGES = [  # (corpus, file, template)
    ("dev-corpus", "005.txt", "portal"),
    ("dev-corpus", "016.txt", "newspaper"),
    ("dev-corpus", "018.txt", "portal"),
    ("dev-corpus-2", "031.txt", "newspaper"),
    ("dev-corpus-2", "034.txt", "meta_only"),
    ("dev-corpus-2", "057.txt", "meta_only"),
]
TRAFILATURA = [("dev-corpus", "011.txt"), ("dev-corpus-2", "045.txt")]

MENU = ["Trang chủ", "Giới thiệu", "Tin tức - Sự kiện", "Văn bản pháp luật", "Thủ tục hành chính", "Liên hệ"]
CAPTION = "Quang cảnh buổi làm việc. Ảnh: Cổng TTĐT"
RELATED = ["Khai mạc hội chợ xúc tiến thương mại cuối năm", "Tăng cường phòng chống cháy rừng mùa khô"]
COMMENT = "Ý kiến bạn đọc"
FOOTER = "Đường dây nóng: 0912.345.678 - Email: banbientap@example.gov.vn"
COPYRIGHT = "Bản quyền thuộc về Ban biên tập. Ghi rõ nguồn khi phát hành lại thông tin từ trang này."


def paragraphs(text, title, byline):
    """The paragraphs of a report's body: sentences long enough to be prose, not its chrome."""
    out = []
    for line in text.splitlines():
        line = " ".join(line.split())
        if not line or line == title or (byline and byline in line) or len(line) < 60:
            continue
        if line not in out:
            out.append(line)
    return out


def cp1258(text):
    """Windows-1258 as Vietnamese pages wrote it: a vowel with its tone as a combining mark."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        shape = [m for m in d[1:] if m in "\u0302\u0306\u031b"]  # circumflex, breve, horn
        tones = "".join(m for m in d[1:] if m not in shape)
        base = unicodedata.normalize("NFC", d[0] + "".join(shape))
        out += base.encode("cp1258") + tones.encode("cp1258")
    return bytes(out)


def e(s):
    return html.escape(s, quote=True)


def chrome_top(site):
    items = "".join(f'<li><a href="/{i}">{e(m)}</a></li>' for i, m in enumerate(MENU))
    return (f'<header class="banner"><div class="site-name">{e(site)}</div>'
            f'<nav id="navigation"><ul class="menu">{items}</ul></nav></header>')


def chrome_bottom():
    related = "".join(f'<li><a href="/tin/{i}.html">{e(r)}</a></li>' for i, r in enumerate(RELATED))
    return (f'<div class="related-news"><h3>Tin liên quan</h3><ul>{related}</ul></div>'
            f'<div class="comment-box" id="comments"><h3>{COMMENT}</h3>'
            '<form><textarea name="c" placeholder="Nhập ý kiến của bạn"></textarea>'
            '<button>Gửi ý kiến</button></form></div>'
            f'<footer class="footer"><p>{e(FOOTER)}</p><p>{e(COPYRIGHT)}</p></footer>')


def figure():
    return (f'<figure class="image"><img src="/anh/1.jpg" alt="">'
            f'<figcaption>{e(CAPTION)}</figcaption></figure>')


def body_html(paras):
    out = [f"<p>{e(paras[0])}</p>", figure()]
    out += [f"<p>{e(p)}</p>" for p in paras[1:]]
    return "".join(out)


def portal(g, paras, date):
    """A Liferay-style portal: the headline in a portlet, the date in its meta tag only."""
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>{e(g['title'])} - Cổng thông tin điện tử</title>
<meta property="og:title" content="{e(g['title'])}">
<meta property="article:published_time" content="{date}T08:30:00+07:00">
{f'<meta name="author" content="{e(g["byline"])}">' if g.get('byline') else ''}
<link rel="canonical" href="{e(g['source_url'])}">
</head><body>{chrome_top('CỔNG THÔNG TIN ĐIỆN TỬ')}
<div class="breadcrumb"><a href="/">Trang chủ</a> / <a href="/tin-tuc">Tin tức</a></div>
<div class="portlet-boundary portlet-journal-content"><div class="journal-content-article">
<h3 class="title-news">{e(g['title'])}</h3>
<div class="content-news">{body_html(paras)}</div></div></div>
{chrome_bottom()}</body></html>"""


def newspaper(g, paras, date):
    """A newspaper CMS: JSON-LD NewsArticle, an <h1>, a sapo, the byline as an author link."""
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": g["title"],
          "datePublished": f"{date}T14:51:00+07:00", "mainEntityOfPage": g["source_url"]}
    if g.get("byline"):
        ld["author"] = {"@type": "Person", "name": g["byline"]}
    byline = f'<a class="author" href="/tac-gia">{e(g["byline"])}</a>' if g.get("byline") else ""
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>{e(g['title'])} | Báo điện tử</title>
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
<link rel="canonical" href="{e(g['source_url'])}">
</head><body>{chrome_top('BÁO ĐIỆN TỬ TỈNH')}
<main><article class="detail"><h1 class="detail-title">{e(g['title'])}</h1>
<div class="detail-meta">{byline}</div>
<div class="detail-sapo"><p>{e(paras[0])}</p></div>
<div class="detail-content">{body_html(paras[1:])}</div>
<div class="tags">Từ khóa: <a href="/tag/1">dân vận</a> <a href="/tag/2">nông thôn mới</a></div>
</article></main>
{chrome_bottom()}</body></html>"""


def meta_only(g, paras, date):
    """A page that states its metadata in <meta> tags; no <link rel=canonical> (the sender's
    address is kept), and a charset declared only in the markup (windows-1258)."""
    return f"""<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258">
<title>{e(g['title'])}</title>
<meta property="og:title" content="{e(g['title'])}">
<meta property="article:published_time" content="{date}">
{f'<meta name="author" content="{e(g["byline"])}">' if g.get('byline') else ''}
</head><body>{chrome_top('BÁO ĐIỆN TỬ')}
<div id="main"><div class="news-detail"><h2>{e(g['title'])}</h2>
{body_html(paras)}</div></div>
{chrome_bottom()}</body></html>"""


TEMPLATES = {"portal": portal, "newspaper": newspaper, "meta_only": meta_only}


def expected(g, paras, date, template):
    return {
        "title": g["title"],
        "published_on": date,
        "byline": g.get("byline"),
        "source_url": None if template == "meta_only" else g["source_url"],
        "content_source": "html",
        "body": paras,
        "chrome": MENU[1:] + [CAPTION, COMMENT, FOOTER, COPYRIGHT] + RELATED + ["Gửi ý kiến"],
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--out", default="tests/fixtures/pages")
    ap.add_argument("--warc-from", help="only write a WARC (to --warc-out) of the pages in this folder")
    ap.add_argument("--warc-out")
    args = ap.parse_args()
    if args.warc_from:
        write_warc(pathlib.Path(args.warc_out), pages_in(pathlib.Path(args.warc_from)), strict=True)
        return
    data = pathlib.Path(args.shared) / "data"
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    pages = []
    for corpus, file, template in PAGES:
        g = json.loads((data / corpus / "gold" / file.replace(".txt", ".json")).read_text())
        text = (data / corpus / "articles" / file).read_text()
        paras = paragraphs(text, g["title"], g.get("byline"))
        date = g.get("published") or g.get("event_date")
        page = TEMPLATES[template](g, paras, date)
        name = f"{template}-{file[:3]}"
        encoding = "windows-1258" if template == "meta_only" else "utf-8"
        raw = page.encode("utf-8") if encoding == "utf-8" else cp1258(page)
        (out / f"{name}.html").write_bytes(raw)
        exp = expected(g, paras, date, template)
        exp["charset"] = encoding
        exp["sent_url"] = g["source_url"]
        (out / f"{name}.expected.json").write_text(json.dumps(exp, ensure_ascii=False, indent=1) + "\n")
        pages.append((g["source_url"], raw, encoding))
    lines = []
    for corpus, file in TRAFILATURA:
        g = json.loads((data / corpus / "gold" / file.replace(".txt", ".json")).read_text())
        text = (data / corpus / "articles" / file).read_text()
        paras = paragraphs(text, g["title"], g.get("byline"))
        host = g["source_url"].split("/")[2]
        lines.append({"title": g["title"], "author": g.get("byline"),
                      "date": g.get("published") or g.get("event_date"), "url": g["source_url"],
                      "source": g["source_url"], "hostname": host, "text": "\n".join(paras),
                      "excerpt": paras[0][:120], "categories": "", "tags": "", "fingerprint": None,
                      "id": None, "license": None, "comments": "", "raw_text": " ".join(paras),
                      "language": "vi", "image": None, "pagetype": "article"})
    (out / "trafilatura.jsonl").write_text(
        "".join(json.dumps(l, ensure_ascii=False) + "\n" for l in lines))
    write_warc(out / "crawl.warc.gz", pages)


def pages_in(folder):
    """The pages of a fixture folder, as write_warc takes them: (address, bytes, charset)."""
    pages = []
    for html in sorted(folder.glob("*.html")):
        exp = json.loads(html.with_suffix(".expected.json").read_text())
        pages.append((exp["sent_url"], html.read_bytes(), exp["charset"]))
    return pages


def write_warc(path, pages, strict=False):
    try:
        from warcio.warcwriter import WARCWriter
        from warcio.statusandheaders import StatusAndHeaders
    except ImportError:
        if strict:
            raise
        print("warcio is not installed: the WARC is not written")
        return
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        for url, body, encoding in pages:
            req = w.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                       http_headers=StatusAndHeaders(f"GET {url} HTTP/1.1", [], is_http_request=True))
            w.write_record(req)
            ctype = "text/html" if encoding == "windows-1258" else "text/html; charset=utf-8"
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
        # Records a crawl also holds: an image, a redirect, and a page of another host.
        img = StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record("https://example.vn/anh/1.jpg", "response",
                                            payload=io.BytesIO(b"\xff\xd8\xff"), http_headers=img))
        moved = StatusAndHeaders("301 Moved Permanently", [("Location", "https://example.vn/")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record("https://example.vn/cu", "response",
                                            payload=io.BytesIO(b""), http_headers=moved))
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
