//! RSS (0.9x, 1.0, 2.0) and Atom feeds, by the `feed-rs` crate: each item with its full content,
//! or else its description, is an article.

use crate::model::Article;

use super::Parsed;
use super::date::parse_date;
use super::html::fragment_text;

pub(super) fn parse_feed(
    bytes: &[u8],
    path: &str,
    source_key: &str,
    parsed: &mut Parsed,
) -> Result<(), String> {
    let feed = match feed_rs::parser::parse(bytes) {
        Ok(f) => f,
        // Old feeds in Latin-1 without an XML declaration: read them as Windows-1252 (its
        // superset) and try again.
        Err(e) if std::str::from_utf8(bytes).is_err() => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            let f = feed_rs::parser::parse(text.as_bytes())
                .map_err(|_| format!("invalid feed: {e}"))?;
            parsed.warnings.push(format!(
                "{path}: not UTF-8 and no encoding declared; read as Windows-1252"
            ));
            f
        }
        Err(e) => return Err(format!("invalid feed: {e}")),
    };
    let outlet = feed
        .title
        .as_ref()
        .map(|t| fragment_text(&t.content))
        .filter(|t| !t.is_empty());
    for (i, e) in feed.entries.iter().enumerate() {
        let rec = format!("{path}#{}", i + 1);
        let html = e
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .filter(|b| !b.trim().is_empty())
            .or_else(|| e.summary.as_ref().map(|s| s.content.clone()));
        let body = html.as_deref().map(fragment_text).unwrap_or_default();
        if body.trim().is_empty() {
            parsed
                .bad_records
                .push(format!("{rec}: feed item without content or description"));
            continue;
        }
        let when = e.published.or(e.updated).map(|d| d.to_rfc3339());
        if when.is_none() {
            parsed
                .warnings
                .push(format!("{rec}: no readable date; article left undated"));
        }
        let authors: Vec<String> = e
            .authors
            .iter()
            .filter_map(|a| a.name.as_deref())
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty())
            .collect();
        parsed.articles.push(Article {
            path: rec,
            source_key: source_key.to_string(),
            title: e
                .title
                .as_ref()
                .map(|t| fragment_text(&t.content))
                .filter(|t| !t.is_empty()),
            date: when.as_deref().and_then(parse_date),
            outlet: outlet.clone(),
            url: e.links.first().map(|l| l.href.clone()),
            author: (!authors.is_empty()).then(|| authors.join(", ")),
            body,
        });
    }
    if feed.entries.is_empty() {
        parsed.warnings.push(format!("{path}: feed has no items"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_items_are_articles() {
        let rss = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>Baltic Post</title>
<item><title>Riga talks</title><link>https://b.example/1</link>
<pubDate>Wed, 12 Feb 2025 09:30:00 GMT</pubDate>
<description>&lt;p&gt;"We are ready," said Anna Berg.&lt;/p&gt;</description></item>
<item><title>Empty</title></item>
</channel></rss>"#;
        let mut p = Parsed::default();
        parse_feed(rss, "f.rss", "f", &mut p).unwrap();
        assert_eq!(p.articles.len(), 1);
        let a = &p.articles[0];
        assert_eq!(a.body, "\"We are ready,\" said Anna Berg.");
        assert_eq!(a.outlet.as_deref(), Some("Baltic Post"));
        assert_eq!(a.date.unwrap().to_string(), "2025-02-12");
        assert_eq!(a.url.as_deref(), Some("https://b.example/1"));
        assert_eq!(p.bad_records.len(), 1);
        assert!(parse_feed(b"<rss><channel>", "bad.rss", "b", &mut p).is_err());
    }
}
