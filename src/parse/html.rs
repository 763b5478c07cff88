//! Web pages: the article body by Readability (the `dom_smoothie` crate, a port of Firefox's
//! reader view), and the page's metadata: `og:title`, `article:published_time`, `author`,
//! `og:site_name`, the canonical URL and JSON-LD `NewsArticle`.

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

use crate::model::Article;

use super::date::parse_date;

/// Fewer words than this is a page without an article (a menu, an error page).
const MIN_ARTICLE_WORDS: usize = 8;

/// Elements parsed at most per page (Readability's guard against enormous documents).
const MAX_ELEMENTS: usize = 200_000;

/// Decodes a page: UTF-8 when it is, else the charset the page declares, else UTF-8 with the
/// invalid bytes replaced (and a warning).
pub fn decode_html(bytes: &[u8], path: &str, warnings: &mut Vec<String>) -> String {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_string();
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let label = head.find("charset=").map(|i| {
        head[i + 8..]
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
            .collect::<String>()
    });
    if let Some(enc) = label.and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes())) {
        let (text, _, bad) = enc.decode(bytes);
        if bad {
            warnings.push(format!(
                "{path}: invalid {} bytes replaced with U+FFFD",
                enc.name()
            ));
        }
        return text.into_owned();
    }
    let s = String::from_utf8_lossy(bytes).into_owned();
    let bad = s.matches('\u{FFFD}').count();
    warnings.push(format!(
        "{path}: invalid UTF-8 and no charset declared ({bad} byte sequence(s) replaced with U+FFFD)"
    ));
    s
}

fn meta(doc: &Document, selectors: &[&str]) -> Option<String> {
    selectors.iter().find_map(|sel| {
        doc.select(sel)
            .iter()
            .find_map(|n| n.attr("content").or_else(|| n.attr("datetime")))
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    })
}

fn link(doc: &Document, sel: &str) -> Option<String> {
    doc.select(sel)
        .iter()
        .find_map(|n| n.attr("href"))
        .map(|v| v.trim().to_string())
        .filter(|v| v.starts_with("http"))
}

fn clean(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// Where a page came from, when the page itself does not say (a WARC record's URI and date).
#[derive(Debug, Default, Clone)]
pub struct PageOrigin {
    pub url: Option<String>,
    pub date: Option<jiff::civil::Date>,
}

/// The article of a web page.
pub fn parse_html(
    html: &str,
    path: &str,
    source_key: &str,
    origin: &PageOrigin,
    warnings: &mut Vec<String>,
) -> Result<Article, String> {
    let doc = Document::from(html);
    let url = link(&doc, "link[rel='canonical']")
        .or_else(|| meta(&doc, &["meta[property='og:url']"]).filter(|u| u.starts_with("http")))
        .or_else(|| origin.url.clone());
    let meta_date = meta(
        &doc,
        &[
            "meta[property='article:published_time']",
            "meta[itemprop='datePublished']",
            "meta[name='date']",
            "meta[name='pubdate']",
            "meta[name='publishdate']",
            "meta[name='dc.date']",
            "meta[name='DC.date.issued']",
            "meta[name='sailthru.date']",
            "time[datetime]",
        ],
    );
    let meta_author = meta(
        &doc,
        &["meta[name='author']", "meta[property='article:author']"],
    );
    // Captions and credits are not the article's text.
    doc.select("figure, figcaption, picture, [class*='caption'], [class*='credit']")
        .remove();
    let cfg = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        text_mode: TextMode::Formatted,
        ..Default::default()
    };
    let doc_url = url.as_deref().filter(|u| u.starts_with("http"));
    let mut r = Readability::with_document(doc, doc_url, Some(cfg.clone()))
        .or_else(|_| Readability::with_document(Document::from(html), None, Some(cfg)))
        .map_err(|e| format!("unreadable page: {e}"))?;
    let art = r
        .parse()
        .map_err(|e| format!("no article text found in the page ({e})"))?;
    let body = paragraphs(&art.text_content);
    if body.split_whitespace().count() < MIN_ARTICLE_WORDS {
        return Err("no article text found in the page".into());
    }
    let date_text = art.published_time.clone().or(meta_date);
    let mut date = date_text.as_deref().and_then(parse_date);
    if date.is_none() {
        if let Some(d) = &date_text {
            warnings.push(format!(
                "{path}: unrecognised date {d:?}; using the URL's or the capture date if any"
            ));
        }
        date = url.as_deref().and_then(url_date).or(origin.date);
    }
    Ok(Article {
        path: path.to_string(),
        source_key: source_key.to_string(),
        title: clean(&art.title),
        date,
        outlet: art.site_name.as_deref().and_then(clean),
        url,
        author: art
            .byline
            .as_deref()
            .and_then(clean)
            .or(meta_author)
            .map(|a| {
                a.trim_start_matches("By ")
                    .trim_start_matches("by ")
                    .to_string()
            }),
        body,
    })
}

/// The date in a news URL's path (`/2015/03/18/`), as many outlets write it.
fn url_date(url: &str) -> Option<jiff::civil::Date> {
    let parts: Vec<&str> = url.split('/').collect();
    parts.windows(3).find_map(|w| {
        let y: i16 = w[0].parse().ok().filter(|y| (1990..=2100).contains(y))?;
        let m: i8 = w[1].parse().ok().filter(|_| w[1].len() == 2)?;
        let d: i8 = w[2].get(..2)?.parse().ok()?;
        jiff::civil::Date::new(y, m, d).ok()
    })
}

/// Readability's text with one blank line between paragraphs and no runs of spaces, which is
/// what the statement extractor reads paragraphs from.
fn paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for para in text.split('\n') {
        let line = para.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&line);
    }
    out
}

/// Text of an HTML fragment (a feed item's content): block elements become paragraphs.
pub fn fragment_text(html: &str) -> String {
    if !html.contains('<') {
        return paragraphs(&decode_entities(html));
    }
    let doc = Document::fragment(html);
    doc.select("script, style, figure, figcaption").remove();
    for sel in [
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "blockquote",
        "tr",
    ] {
        doc.select(sel).iter().for_each(|n| {
            n.before_html("\n");
            n.after_html("\n");
        });
    }
    paragraphs(&doc.root().text())
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    Document::fragment(format!("<p>{s}</p>").as_str())
        .root()
        .text()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><head>
<title>Talks in Riga | The Baltic Post</title>
<meta property="og:title" content="Talks in Riga">
<meta property="og:site_name" content="The Baltic Post">
<meta property="article:published_time" content="2025-02-12T09:30:00Z">
<meta name="author" content="Ilze Kalnina">
<link rel="canonical" href="https://baltic.example/riga-talks">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article>
<h1>Talks in Riga</h1>
<p>Ministers from the Baltic states met in Riga on Wednesday to discuss air defence and the
cost of the new brigade, which will be stationed near the border from next spring.</p>
<p>"We cannot wait for the next crisis to prepare for it," said Anna Berg, the Swedish defence
minister, after the meeting had ended late in the evening.</p>
<p>Berg added that the costs would be shared by all the governments taking part in the plan,
and that a first report would be ready before the summer.</p>
<figure><img src="x.jpg"><figcaption>Ministers in Riga. Photo: Agency</figcaption></figure>
</article>
<aside><h3>Related</h3><ul><li><a href="/a">Other story one</a></li></ul></aside>
<footer>Copyright The Baltic Post</footer>
</body></html>"#;

    #[test]
    fn body_and_metadata() {
        let mut w = Vec::new();
        let a = parse_html(PAGE, "p.html", "p", &PageOrigin::default(), &mut w).unwrap();
        assert_eq!(a.title.as_deref(), Some("Talks in Riga"));
        assert_eq!(a.outlet.as_deref(), Some("The Baltic Post"));
        assert_eq!(a.date.unwrap().to_string(), "2025-02-12");
        assert_eq!(a.author.as_deref(), Some("Ilze Kalnina"));
        assert_eq!(a.url.as_deref(), Some("https://baltic.example/riga-talks"));
        assert!(a.body.contains("said Anna Berg"), "{}", a.body);
        assert!(a.body.contains("\n\n"), "paragraphs kept: {}", a.body);
        for junk in ["Home", "Related", "Copyright", "Photo: Agency"] {
            assert!(!a.body.contains(junk), "{junk} in {}", a.body);
        }
    }

    #[test]
    fn dates_from_news_urls() {
        let d = |u| url_date(u).map(|d| d.to_string());
        assert_eq!(
            d("https://w.example/world/2015/03/18/tunis-attack/"),
            Some("2015-03-18".into())
        );
        assert_eq!(
            d("https://w.example/2015/03/18-story"),
            Some("2015-03-18".into())
        );
        assert_eq!(d("https://w.example/p/1234/56/78"), None);
        assert_eq!(d("https://w.example/news/story"), None);
    }

    #[test]
    fn declared_charset_is_used() {
        let bytes =
            b"<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xe9</p></body></html>";
        let mut w = Vec::new();
        assert!(decode_html(bytes, "x.html", &mut w).contains("Café"));
        assert!(w.is_empty());
    }

    #[test]
    fn fragments_keep_paragraphs() {
        assert_eq!(
            fragment_text("<p>One &amp; two.</p><p>Three<br>four</p><script>x()</script>"),
            "One & two.\n\nThree\n\nfour"
        );
        assert_eq!(fragment_text("plain &amp; simple"), "plain & simple");
    }
}
