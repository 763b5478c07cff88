//! The page, compiled into the binary: no build step, no files read at run time.

/// One embedded file.
pub struct Asset {
    pub content_type: &'static str,
    pub body: &'static [u8],
}

const HTML: &str = "text/html; charset=utf-8";

/// The embedded file served at `path`, if any. The page itself answers at `/` and reads its
/// state (query, filters, view, statement) from the URL, so every view can be shared as a link.
pub fn get(path: &str) -> Option<Asset> {
    let (content_type, body): (&str, &[u8]) = match path {
        "/" | "/index.html" => (HTML, include_bytes!("page/index.html")),
        "/app.js" => (
            "text/javascript; charset=utf-8",
            include_bytes!("page/app.js"),
        ),
        "/app.css" => ("text/css; charset=utf-8", include_bytes!("page/app.css")),
        "/favicon.svg" => ("image/svg+xml", include_bytes!("page/favicon.svg")),
        _ => return None,
    };
    Some(Asset { content_type, body })
}
