//! An HTML page as served: its main content found by `dom_smoothie` (a port of Mozilla's
//! Readability, which drops menus, sidebars, related-article lists, comment boxes and
//! footers), with first taken out what HTML itself marks as no main content (`<nav>`,
//! `<aside>`, `<footer>` and their ARIA roles: on a short page Readability keeps them) and the
//! figure captions (Readability keeps figures).

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

use super::{PageError, WebPage, address, charset, compose, metadata, one_line};
use crate::domain::{ContentSource, Origin};

/// What is never a page's main content: navigation, asides and footers as HTML and ARIA
/// mark them, captions and the credit lines under photos as page templates mark them up.
const NOT_CONTENT: &str = "nav, aside, footer, [role=\"navigation\"], [role=\"complementary\"], \
    [role=\"contentinfo\"], figcaption, [class*=\"caption\"], [class*=\"Caption\"], \
    [class*=\"image_desc\"], [class*=\"img-desc\"], [class*=\"photo-desc\"]";

/// Reads a page's bytes, in the charset its sender declares or else its markup does;
/// `fetched_url`, the address it was fetched from, overrides its canonical one.
pub fn read_html(
    bytes: &[u8],
    declared_charset: Option<&str>,
    fetched_url: Option<&str>,
) -> Result<WebPage, PageError> {
    let html = charset::decode(bytes, declared_charset)?;
    if !has_markup(&html) {
        return Err(PageError::NotHtml);
    }
    let doc = Document::from(html.as_str());
    if nests_deeper_than(&doc, MAX_DEPTH) {
        return Err(PageError::TooDeep(MAX_DEPTH));
    }
    let markup = metadata::read(&doc);
    doc.select(NOT_CONTENT).remove();
    remove_link_cells(&doc);
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let article = Readability::with_document(doc, None, Some(config))
        .and_then(|mut r| r.parse())
        .map_err(|_| PageError::NoWords)?;
    let title = markup.title.or_else(|| one_line(&article.title));
    let site = markup.site_name.as_deref();
    let byline = markup
        .byline
        .or_else(|| article.byline.as_deref().and_then(|b| metadata::author(b, site)));
    let paragraphs = article
        .text_content
        .split("\n\n")
        .map(str::to_owned)
        .collect::<Vec<_>>();
    let text = compose(title.as_deref(), paragraphs).ok_or(PageError::NoWords)?;
    Ok(WebPage {
        text,
        origin: Origin {
            source_url: fetched_url.and_then(address).or(markup.canonical),
            published_on: markup.published_on,
            title,
            byline,
            content_source: ContentSource::Html,
            ..Origin::default()
        },
    })
}

/// How deep a page's elements may nest. Readability's cost grows with the depth of every
/// paragraph, so a page nested thousands deep would cost seconds per kilobyte; news pages
/// nest a few dozen levels.
const MAX_DEPTH: usize = 256;

/// Whether some element of the page nests deeper than `limit`, found in one walk.
fn nests_deeper_than(doc: &Document, limit: usize) -> bool {
    let mut stack = vec![(doc.root(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        if depth > limit {
            return true;
        }
        let mut child = node.first_child();
        while let Some(c) = child {
            child = c.next_sibling();
            if c.is_element() {
                stack.push((c, depth + 1));
            }
        }
    }
    false
}

/// Removes the table cells that hold only links (two or more, no word outside them, no table
/// inside): the menu column of a portal laid out in a table, which Readability keeps beside a
/// story whose lines are broken by `<br>`. Cells without a table inside never overlap, and a
/// link never holds another, so each character is counted at most twice: linear in the page.
fn remove_link_cells(doc: &Document) {
    let words = |text: &str| text.chars().filter(|c| c.is_alphanumeric()).count();
    for cell in doc.select("td:not(:has(table))").nodes() {
        let links: Vec<_> = cell
            .descendants_it()
            .filter(|n| n.node_name().as_deref() == Some("a"))
            .collect();
        if links.len() < 2 {
            continue;
        }
        let in_links: usize = links.iter().map(|a| words(&a.text())).sum();
        if words(&cell.text()) == in_links {
            cell.remove_from_parent();
        }
    }
}

/// The pattern of a page's text: it opens with a tag (`<!doctype`, `<html`, `<p`, after
/// white space), or holds an `<html>`, `<body>` or doctype further on (after a server's warning
/// printed before it). Anything else is text sent as a page.
pub const PAGE_PATTERN: &str = r"^\s*<[!/?A-Za-z]|<(?:html|HTML|body|BODY|!DOCTYPE|!doctype)";

fn has_markup(text: &str) -> bool {
    let opens_with_tag =
        text.trim_start().as_bytes().get(..2).is_some_and(|w| {
            w[0] == b'<' && (w[1].is_ascii_alphabetic() || matches!(w[1], b'!' | b'/' | b'?'))
        });
    opens_with_tag
        || ["<html", "<HTML", "<body", "<BODY", "<!DOCTYPE", "<!doctype"]
            .iter()
            .any(|t| text.contains(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><head><meta charset="utf-8">
<title>Xã Hòa An giảm nghèo bền vững - Cổng thông tin xã Hòa An</title>
<meta property="og:site_name" content="Cổng thông tin xã Hòa An">
<meta property="article:published_time" content="2024-12-30T16:45:00Z">
<meta name="author" content="Cổng thông tin xã Hòa An">
<link rel="canonical" href="https://hoaan.example.gov.vn/tin/giam-ngheo">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Cổng"},
{"@type":"NewsArticle","headline":"Xã Hòa An giảm nghèo bền vững","author":[{"@type":"Person","name":"Lê Minh An"}]}]}</script>
</head><body><header><nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/gt">Giới thiệu</a></li></ul></nav></header>
<main><article><h1>Xã Hòa An giảm nghèo bền vững</h1>
<p>Năm 2024, xã Hòa An có thêm 42 hộ thoát nghèo, tỷ lệ hộ nghèo giảm còn 2,3%, thấp hơn năm trước 1,1 điểm phần trăm.</p>
<figure><img src="/a.jpg" alt=""><figcaption>Cán bộ xã thăm hộ thoát nghèo. Ảnh: Minh An</figcaption></figure>
<p>Thu nhập bình quân đầu người của xã đạt 58 triệu đồng một năm; toàn xã có 16 mô hình sinh kế được nhân rộng trong các thôn.</p>
<p>Xã đặt mục tiêu năm 2025 giảm thêm 30 hộ nghèo và nâng thu nhập bình quân lên 62 triệu đồng một năm.</p>
</article><aside><h3>Tin liên quan</h3><ul><li><a href="/t1">Xã Hòa An ra quân làm đường giao thông nông thôn</a></li></ul></aside></main>
<footer><p>Điện thoại: 0231 000 000 - Email: hoaan@example.gov.vn</p></footer></body></html>"#;

    #[test]
    fn a_page_gives_its_markup_facts_and_its_main_content_without_chrome() {
        let page = read_html(PAGE.as_bytes(), None, None).unwrap();
        let o = &page.origin;
        assert_eq!(o.title.as_deref(), Some("Xã Hòa An giảm nghèo bền vững"));
        assert_eq!(
            o.byline.as_deref(),
            Some("Lê Minh An"),
            "the JSON-LD person, not the site"
        );
        assert_eq!(
            o.published_on,
            chrono::NaiveDate::from_ymd_opt(2024, 12, 30),
            "23:45 in Vietnam"
        );
        assert_eq!(
            o.source_url.as_deref(),
            Some("https://hoaan.example.gov.vn/tin/giam-ngheo")
        );
        assert_eq!(o.content_source, ContentSource::Html);
        let paragraphs: Vec<&str> = page.text.split("\n\n").collect();
        assert_eq!(paragraphs.len(), 4, "{paragraphs:#?}");
        assert_eq!(paragraphs[0], "Xã Hòa An giảm nghèo bền vững");
        assert!(paragraphs[1].starts_with("Năm 2024, xã Hòa An có thêm 42 hộ"));
        for chrome in [
            "Trang chủ",
            "Giới thiệu",
            "Ảnh: Minh An",
            "Tin liên quan",
            "làm đường",
            "Email",
        ] {
            assert!(!page.text.contains(chrome), "{chrome} in {}", page.text);
        }
    }

    #[test]
    fn a_page_with_no_markup_facts_takes_its_title_tag_and_says_nothing_else() {
        let html = "<html><head><title>Thôn Đông họp dân cuối năm</title></head><body>\
            <p>Chiều 28/12, thôn Đông họp dân; 95% số hộ dự họp và thống nhất đóng góp 120 ngày công làm đường.</p></body></html>";
        let page = read_html(html.as_bytes(), None, None).unwrap();
        assert_eq!(page.origin.title.as_deref(), Some("Thôn Đông họp dân cuối năm"));
        assert_eq!(
            (
                page.origin.byline.as_deref(),
                page.origin.published_on,
                page.origin.source_url.as_deref()
            ),
            (None, None, None)
        );
        assert!(page.text.ends_with("120 ngày công làm đường."), "{}", page.text);
    }

    #[test]
    fn a_page_of_menus_and_numbers_has_no_words_to_extract() {
        let html = "<html><body><nav><a href=/>Trang chủ</a></nav><p>2024 - 12 345</p></body></html>";
        assert_eq!(read_html(html.as_bytes(), None, None), Err(PageError::NoWords));
        assert_eq!(read_html(b"", None, None), Err(PageError::NotHtml));
        assert_eq!(
            read_html("Năm 2024, xã có 12 mô hình.".as_bytes(), None, None),
            Err(PageError::NotHtml)
        );
        let json = r#"[{"a": "<io"}, "Năm 2024, xã có 12 mô hình."]"#;
        assert_eq!(
            read_html(json.as_bytes(), None, None),
            Err(PageError::NotHtml),
            "a tag further on is not a page"
        );
        let warned = "Warning: session_start() failed\n<!DOCTYPE html><p>Năm 2024, xã có 12 mô hình mới.</p>";
        assert!(
            read_html(warned.as_bytes(), None, None).is_ok(),
            "a warning before the page"
        );
        let re = regex::Regex::new(PAGE_PATTERN).unwrap();
        for (text, page) in [
            (json, false),
            (warned, true),
            ("  <p>x</p>", true),
            ("x <b>y</b>", false),
        ] {
            assert_eq!(re.is_match(text), page, "{text}");
            assert_eq!(has_markup(text), page, "{text}");
        }
    }
}

#[cfg(test)]
mod layout_tests {
    use super::*;

    #[test]
    fn lines_broken_by_br_beside_a_menu_come_out_as_paragraphs_without_it() {
        let menu = "<a href=\"/\">Trang chủ</a><br><a href=\"/tt\">Tin tức</a> | <a href=\"/lh\">Liên hệ</a>";
        let story = "<span>6 tháng đầu năm 2019, huyện B có 120 hộ thoát nghèo, đạt 60% kế hoạch năm; \
            tỷ lệ hộ nghèo còn 4,2%.</span><br><br><span>Toàn huyện vận động được 1,5 tỷ đồng ủng hộ Quỹ Vì người nghèo, \
            xây mới 25 nhà đại đoàn kết cho hộ khó khăn về nhà ở.</span><br><br><span>Huyện phấn đấu đến cuối năm có thêm 2 xã \
            đạt chuẩn nông thôn mới và giảm tỷ lệ hộ nghèo xuống dưới 3,5%; mỗi xã, thị trấn xây dựng ít nhất một mô hình \
            dân vận khéo gắn với phát triển kinh tế, giữ gìn an ninh trật tự ở khu dân cư.</span>";
        let layouts = [
            format!(
                "<div class=\"menu\">{menu}</div><div class=\"content\"><div class=\"news-body\">{story}</div></div>"
            ),
            format!("<table><tr><td>{menu}</td><td><div class=\"news-body\">{story}</div></td></tr></table>"),
        ];
        for layout in layouts {
            let html = format!(
                "<html><head><title>Huyện B sơ kết 6 tháng đầu năm 2019</title></head><body><form id=\"aspnetForm\">{layout}</form></body></html>"
            );
            let page = read_html(html.as_bytes(), None, None).unwrap();
            let paragraphs: Vec<&str> = page.text.split("\n\n").collect();
            assert_eq!(paragraphs[0], "Huyện B sơ kết 6 tháng đầu năm 2019");
            assert_eq!(paragraphs.len(), 4, "{paragraphs:#?}");
            assert!(
                paragraphs[1].starts_with("6 tháng đầu năm 2019") && paragraphs[1].ends_with("còn 4,2%.")
            );
            assert!(
                !page.text.contains("Trang chủ") && !page.text.contains("Liên hệ"),
                "{}",
                page.text
            );
        }
    }

    #[test]
    fn a_page_nested_thousands_deep_is_refused_and_one_of_usual_depth_is_read() {
        let nested = |n: usize| {
            format!(
                "<html><body>{}<p>Năm 2024, xã có 12 mô hình mới và 3 tổ hợp tác.</p>{}</body></html>",
                "<div>".repeat(n),
                "</div>".repeat(n)
            )
        };
        assert_eq!(
            read_html(nested(2000).as_bytes(), None, None),
            Err(PageError::TooDeep(MAX_DEPTH))
        );
        assert!(read_html(nested(60).as_bytes(), None, None).is_ok());
    }

    #[test]
    fn a_cell_with_words_besides_its_links_is_kept() {
        let html = "<html><body><table><tr><td><p>Năm 2024, xã có 12 mô hình mới, xem <a href=/a>báo cáo</a> \
            và <a href=/b>phụ lục</a> kèm theo.</p></td></tr></table></body></html>";
        let page = read_html(html.as_bytes(), None, None).unwrap();
        assert!(
            page.text.contains("12 mô hình mới, xem báo cáo và phụ lục"),
            "{}",
            page.text
        );
    }
}
