#!/usr/bin/env python3
"""`chiso ingest` of a WARC crawl: writes a WARC of mixed responses (HTML pages of three
templates and many hosts, some gzip-coded or chunked, in UTF-8 or windows-1258; images; redirects;
request records), then loads it on one core (`taskset -c 0`) and reports pages/s and peak RSS.

The pages' texts come from `chiso synth` (the seeds' genre), each page made unique by its
number; the WARC is written here, uncompressed (a record per response, as `wget --warc-file`
writes without compression), so its size on disk is the size asked for. Needs
target/release/chiso. Usage:
  python3 bench/warc.py [--gigabytes 1.0] [--work /tmp/chiso-warc] [--host .gov.vn]
"""
import argparse, gzip, os, random, re, shutil, subprocess, sys, time, uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHISO = os.path.join(ROOT, "target/release/chiso")
HOSTS = ["thainguyen.gov.vn", "xa-hoa-an.example.gov.vn", "baothainguyen.vn", "baonghean.vn",
         "dangcongsan.vn", "nghean.gov.vn", "baohaugiang.com.vn", "www.quangninh.gov.vn"]
CHROME = ("<header><nav><ul><li><a href='/'>Trang chủ</a></li><li><a href='/gt'>Giới thiệu</a></li>"
          "<li><a href='/tt'>Tin tức - Sự kiện</a></li></ul></nav></header>")
FOOTER = ("<aside><h3>Tin liên quan</h3><ul>" + "".join(
    f"<li><a href='/t{i}'>Tin liên quan số {i} về hoạt động của địa phương</a></li>" for i in range(8))
    + "</ul></aside><div class='comments'><h3>Ý kiến bạn đọc</h3><form><textarea></textarea>"
    "<button>Gửi ý kiến</button></form></div><footer><p>Đường dây nóng: 0912.345.678 - "
    "Email: banbientap@example.gov.vn</p><p>Bản quyền thuộc về Ban biên tập.</p></footer>")


def page(template, title, paragraphs, date, author, url):
    body = "".join(f"<p>{p}</p>" for p in paragraphs[:2]) + (
        "<figure><img src='/a.jpg'><figcaption>Quang cảnh hội nghị. Ảnh: Cổng TTĐT</figcaption></figure>"
    ) + "".join(f"<p>{p}</p>" for p in paragraphs[2:])
    if template == 0:
        head = (f"<title>{title} - Cổng thông tin điện tử</title><meta property='og:title' content='{title}'>"
                f"<meta property='article:published_time' content='{date}T08:30:00+07:00'>"
                f"<meta name='author' content='{author}'><link rel='canonical' href='{url}'>")
        main = f"<div class='portlet'><h3 class='title'>{title}</h3><div class='content-news'>{body}</div></div>"
    elif template == 1:
        head = (f"<title>{title} | Báo điện tử</title><script type='application/ld+json'>"
                f"{{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"{title}\","
                f"\"datePublished\":\"{date}T14:51:00+07:00\",\"author\":{{\"@type\":\"Person\",\"name\":\"{author}\"}}}}"
                f"</script><link rel='canonical' href='{url}'>")
        main = f"<main><article><h1>{title}</h1><div class='sapo'>{paragraphs[0]}</div><div class='detail'>{body}</div></article></main>"
    else:
        head = (f"<title>{title}</title><meta name='pubdate' content='{date}'><meta name='author' content='{author}'>")
        main = f"<div id='content'><h2>{title}</h2>{body}</div>"
    return f"<!doctype html><html><head><meta charset='utf-8'>{head}</head><body>{CHROME}{main}{FOOTER}</body></html>"


def record(out, warc_type, uri, payload, content_type):
    head = (f"WARC/1.0\r\nWARC-Type: {warc_type}\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
            f"WARC-Date: 2026-12-01T00:00:00Z\r\nWARC-Target-URI: {uri}\r\n"
            f"Content-Type: {content_type}\r\nContent-Length: {len(payload)}\r\n\r\n").encode()
    out.write(head + payload + b"\r\n\r\n")
    return len(head) + len(payload) + 4


def http(status, headers, body):
    lines = [f"HTTP/1.1 {status}"] + [f"{k}: {v}" for k, v in headers] + ["", ""]
    return "\r\n".join(lines).encode() + body


def chunked(body, size=4096):
    parts = [b"%x\r\n%s\r\n" % (len(body[i:i + size]), body[i:i + size]) for i in range(0, len(body), size)]
    return b"".join(parts) + b"0\r\n\r\n"


def write_warc(path, texts, target_bytes):
    rng = random.Random(7)
    written, pages, n = 0, 0, 0
    with open(path, "wb") as out:
        while written < target_bytes:
            n += 1
            host = HOSTS[n % len(HOSTS)]
            url = f"https://{host}/tin-tuc/{n}.html"
            written += record(out, "request", url, f"GET /tin-tuc/{n}.html HTTP/1.1\r\nHost: {host}\r\n\r\n".encode(),
                              "application/http; msgtype=request")
            kind = n % 10
            if kind == 9:
                written += record(out, "response", url, http("301 Moved Permanently", [("Location", url + "?p=1")], b""),
                                  "application/http; msgtype=response")
                continue
            if kind == 8:
                img = rng.randbytes(rng.randint(20_000, 120_000))
                written += record(out, "response", url.replace(".html", ".jpg"),
                                  http("200 OK", [("Content-Type", "image/jpeg")], img), "application/http; msgtype=response")
                continue
            lines = [l for l in texts[n % len(texts)].split("\n") if l.strip()]
            title, paragraphs = lines[0], lines[1:] + [f"Tin số {n} của cổng thông tin."]
            date = f"20{10 + n % 15:02d}-{1 + n % 12:02d}-{1 + n % 28:02d}"
            html = page(n % 3, title, paragraphs, date, "Lê Minh An", url)
            headers = [("Content-Type", "text/html; charset=utf-8")]
            body = html.encode()
            if n % 7 == 0:
                headers = [("Content-Type", "text/html; charset=windows-1258")]
                body = html.encode("cp1258", errors="xmlcharrefreplace")
            if n % 4 == 0:
                headers.append(("Content-Encoding", "gzip"))
                body = gzip.compress(body, 1)
            if n % 5 == 0:
                headers.append(("Transfer-Encoding", "chunked"))
                body = chunked(body)
            written += record(out, "response", url, http("200 OK", headers, body), "application/http; msgtype=response")
            pages += 1
    return written, pages


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gigabytes", type=float, default=1.0)
    ap.add_argument("--work", default="/tmp/chiso-warc")
    ap.add_argument("--host", action="append", default=[])
    a = ap.parse_args()
    shutil.rmtree(a.work, ignore_errors=True)
    os.makedirs(a.work)
    synth = os.path.join(a.work, "synth")
    subprocess.run([CHISO, "synth", "--articles", "2000", "--seed", "3", "--out", synth], check=True,
                   stdout=subprocess.DEVNULL)
    texts = [open(os.path.join(synth, f), encoding="utf-8").read() for f in sorted(os.listdir(synth))]
    warc = os.path.join(a.work, "crawl.warc")
    started = time.time()
    size, pages = write_warc(warc, texts, int(a.gigabytes * 1e9))
    print(f"wrote {size / 1e9:.2f} GB, {pages} HTML pages among other records, in {time.time() - started:.0f} s")
    env = dict(os.environ, CHISO_DB=os.path.join(a.work, "chiso.sqlite3"))
    hosts = [x for h in a.host for x in ("--host", h)]
    cmd = ["taskset", "-c", "0", "/usr/bin/time", "-v", CHISO, "ingest", warc] + hosts
    started = time.time()
    run = subprocess.run(cmd, env=env, capture_output=True, text=True)
    took = time.time() - started
    if run.returncode != 0:
        sys.exit(run.stderr[-2000:])
    summary = run.stdout.strip().splitlines()[0]
    added = int(re.search(r"(\d+) added", summary).group(1))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr).group(1))
    print(f"chiso ingest (one core): {summary}")
    print(f"{took:.0f} s, {added / took:.0f} pages/s, {size / 1e6 / took:.1f} MB/s of WARC, peak RSS {rss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
