//! The text layer of the extractor: paragraphs, quote spans, sentences and word tokens, all as
//! byte ranges into the article body. Everything here runs in linear time on any input.

use super::words::WordSet;

/// A byte range `[start, end)` in the body.
pub type Span = (usize, usize);

/// A quotation: the marks and the words between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    /// Position of the opening mark.
    pub open: usize,
    /// First byte of the quoted words (after the mark).
    pub start: usize,
    /// End of the quoted words (before the closing mark, or the paragraph end).
    pub end: usize,
    /// Byte after the closing mark (== `end` when unclosed).
    pub close: usize,
    /// False when the paragraph ended before a closing mark (a quote running on).
    pub closed: bool,
}

/// Paragraphs: the non-blank lines of the body.
pub fn paragraphs(body: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in body.split_inclusive('\n') {
        let start = pos + (line.len() - line.trim_start().len());
        let end = pos + line.trim_end().len();
        if end > start {
            out.push((start, end));
        }
        pos += line.len();
    }
    out
}

fn is_open_double(c: char) -> bool {
    matches!(c, '“' | '„' | '«' | '‟')
}
fn is_close_double(c: char) -> bool {
    matches!(c, '”' | '»')
}

/// Is the character a quotation mark of any kind (for trimming and kind detection)?
pub fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '«' | '»' | '‟' | '‘' | '’' | '\''
    )
}

/// Finds the quotations of one paragraph. Double marks of every style pair up; single marks
/// (`‘…’`, `'…'`) make a quotation only at top level and around three or more words, so that
/// apostrophes stay apostrophes.
pub fn quotes(body: &str, para: Span) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize, char)> = None; // (mark pos, content start, mark)
    let mut prev: Option<char> = None;
    let next_at = |p: usize| (p < para.1).then(|| char_at(body, p).0);
    let mut abs = para.0;
    while abs < para.1 {
        // ASCII other than the three marks is skipped without decoding.
        let byte = body.as_bytes()[abs];
        if byte < 0x80 && !matches!(byte, b'"' | b'\'' | b'`') {
            prev = Some(byte as char);
            abs += 1;
            continue;
        }
        let (mut c, len) = char_at(body, abs);
        let mut after = abs + len;
        let mut next = next_at(after);
        // Two apostrophes ('' as some newspapers write) are a straight double mark; two
        // backticks (``) an opening one.
        if (c == '\'' || c == '`') && next == Some(c) {
            after += 1;
            c = if c == '`' { '“' } else { '"' };
            next = next_at(after);
        }
        let is_double = c == '"' || is_open_double(c) || is_close_double(c);
        if is_double {
            match open {
                None => {
                    // A closer with nothing open is stray; a straight mark after a letter and
                    // before a space is stray too (e.g. 12" pipe).
                    let straight_closer = c == '"'
                        && prev.is_some_and(|p| p.is_alphanumeric())
                        && next.is_none_or(char::is_whitespace);
                    // A closing mark that opens the paragraph, or a word after a space
                    // ("” … they are" as some pages write), opens a quotation all the same.
                    let misused_closer = is_close_double(c)
                        && (prev.is_none()
                            || (prev.is_some_and(char::is_whitespace)
                                && next.is_some_and(char::is_alphanumeric)));
                    if (!is_close_double(c) || misused_closer) && !straight_closer {
                        open = Some((abs, after, c));
                    }
                }
                Some((o, s, mark)) => {
                    // „…“ closes with “; any other opener while one is open means the first
                    // was never closed: restart here.
                    let german_close = mark == '„' && c == '“';
                    if is_open_double(c) && !german_close {
                        out.push(Quote {
                            open: o,
                            start: s,
                            end: abs,
                            close: abs,
                            closed: false,
                        });
                        open = Some((abs, after, c));
                    } else {
                        out.push(Quote {
                            open: o,
                            start: s,
                            end: abs,
                            close: after,
                            closed: true,
                        });
                        open = None;
                    }
                }
            }
        }
        prev = Some(c);
        abs = after;
    }
    if let Some((o, s, _)) = open {
        out.push(Quote {
            open: o,
            start: s,
            end: para.1,
            close: para.1,
            closed: false,
        });
    }
    // Single-mark quotations outside the double ones.
    let mut singles = single_quotes(body, para, &out);
    if !singles.is_empty() {
        out.append(&mut singles);
        out.sort_by_key(|q| q.open);
    }
    out.retain(|q| q.end > q.start);
    out
}

fn single_quotes(body: &str, para: Span, doubles: &[Quote]) -> Vec<Quote> {
    // `doubles` are in text order: one cursor keeps the inside test linear.
    let mut di = 0;
    let mut inside = |p: usize| {
        while di < doubles.len() && doubles[di].close.max(doubles[di].end) <= p {
            di += 1;
        }
        doubles.get(di).is_some_and(|q| p >= q.open)
    };
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    let mut prev: Option<char> = None;
    let mut abs = para.0;
    while abs < para.1 {
        // ASCII other than the straight mark is skipped without decoding.
        let byte = body.as_bytes()[abs];
        if byte < 0x80 && byte != b'\'' {
            prev = Some(byte as char);
            abs += 1;
            continue;
        }
        let (c, len) = char_at(body, abs);
        let next = (abs + len < para.1).then(|| char_at(body, abs + len).0);
        let doubled = c == '\'' && (next == Some('\'') || prev == Some('\''));
        if (c == '‘' || c == '\'' || c == '’') && !inside(abs) && !doubled {
            let left_open =
                prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–'));
            let right_word = next.is_some_and(|n| n.is_alphanumeric());
            let left_word =
                prev.is_some_and(|p| p.is_alphanumeric() || matches!(p, '.' | ',' | '!' | '?'));
            let right_open = next.is_none_or(|n| !n.is_alphanumeric());
            if open.is_none() && (c == '‘' || c == '\'') && left_open && right_word {
                open = Some((abs, abs + c.len_utf8()));
            } else if let Some((o, s)) = open
                && (c == '’' || c == '\'')
                && left_word
                && right_open
            {
                let words = body[s..abs].split_whitespace().count();
                if words >= 3 {
                    out.push(Quote {
                        open: o,
                        start: s,
                        end: abs,
                        close: abs + c.len_utf8(),
                        closed: true,
                    });
                }
                open = None;
            }
        }
        prev = Some(c);
        abs += len;
    }
    out
}

/// A span of quoted words as printed: widened over the quotation mark right before it and the
/// one right after it, with the comma, full stop, `?` or `!` that mark encloses (`"We will
/// not,"`). Doubled marks (`''`, and ``` `` ``` before) count as one, as in [`quotes`]. A mark
/// touching a letter on its outer side is an apostrophe (`Obama’s`) and stays out.
pub fn as_printed(body: &str, (mut s, mut e): Span) -> Span {
    let before = &body[..s];
    let open = if before.ends_with("''") || before.ends_with("``") {
        2
    } else {
        before
            .chars()
            .next_back()
            .filter(|&c| is_quote_mark(c))
            .map_or(0, char::len_utf8)
    };
    if open > 0
        && !before[..s - open]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    {
        s -= open;
    }
    let after = &body[e..];
    let punct = usize::from(after.starts_with([',', '.', '?', '!']));
    let rest = &after[punct..];
    let close = if rest.starts_with("''") {
        2
    } else {
        rest.chars()
            .next()
            .filter(|&c| is_quote_mark(c))
            .map_or(0, char::len_utf8)
    };
    if close > 0 && !rest[close..].starts_with(char::is_alphanumeric) {
        e += punct + close;
    }
    (s, e)
}

/// The character at byte `k` of `s` (a character boundary) and its length, ASCII without
/// decoding.
#[inline]
fn char_at(s: &str, k: usize) -> (char, usize) {
    match s.as_bytes()[k] {
        b if b < 0x80 => (b as char, 1),
        _ => s[k..]
            .chars()
            .next()
            .map_or((' ', 1), |c| (c, c.len_utf8())),
    }
}

/// Abbreviations after which a period does not end a sentence.
pub(super) static ABBREVIATIONS: WordSet = WordSet::new(&[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "st",
    "jr", "sr", "inc", "ltd", "co", "corp", "vs", "etc", "no", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m",
    "p.m", "d.c", "rev", "hon", "adm", "cmdr", "maj", "pres", "supt", "ft", "mt", "approx",
]);

fn ends_with_abbreviation(text: &str) -> bool {
    // Abbreviations are short: look back a few characters only, so that a long run of letters
    // and periods costs nothing per period.
    let mut start = text.len();
    for (n, (i, c)) in text.char_indices().rev().enumerate() {
        if !(c.is_alphanumeric() || c == '.') {
            break;
        }
        if n == 12 {
            return false;
        }
        start = i;
    }
    let word = &text[start..];
    let w = word.trim_start_matches('.');
    if w.is_empty() {
        return false;
    }
    if w.is_ascii() {
        // A single capital letter is an initial ("John F. Kennedy").
        if w.len() == 1 {
            return word.chars().all(|c| c.is_uppercase());
        }
        return ABBREVIATIONS.contains_ci(w);
    }
    let w = w.to_lowercase();
    if w.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return true;
    }
    ABBREVIATIONS.contains(w.as_str())
}

/// Abbreviations that can end a sentence ("... entering the U.S. While ...") as opposed to
/// titles that never do ("Mr.", "Sen.").
fn ends_sentence_capable(text: &str) -> bool {
    let t = text.trim_end();
    let b = t.as_bytes();
    [
        "u.s", "u.k", "u.n", "d.c", "inc", "ltd", "co", "corp", "jr", "sr", "etc", "a.m", "p.m",
    ]
    .iter()
    .any(|a| {
        // An ASCII match ends on a character boundary.
        b.len() >= a.len()
            && b[b.len() - a.len()..].eq_ignore_ascii_case(a.as_bytes())
            && !t[..t.len() - a.len()].ends_with(|c: char| c.is_alphanumeric())
    })
}

/// Does the text start with a word that usually opens a sentence?
fn starts_sentence(rest: &str) -> bool {
    let w: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    matches!(
        w.as_str(),
        "The"
            | "A"
            | "An"
            | "But"
            | "And"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "In"
            | "On"
            | "At"
            | "As"
            | "If"
            | "When"
            | "While"
            | "After"
            | "Before"
            | "Since"
            | "So"
            | "Yet"
            | "However"
            | "Meanwhile"
            | "His"
            | "Her"
            | "Their"
            | "Its"
            | "There"
            | "What"
            | "Why"
            | "How"
            | "Still"
            | "Now"
            | "Then"
    )
}

/// Splits a paragraph into sentences. Terminators inside a quotation do not end a sentence unless
/// the quotation ends there too; a terminator must be followed by space and a capital, digit or
/// opening mark. A run of text longer than [`MAX_SENTENCE`] without a sentence break is cut at
/// a space (or, with no space for as long again, anywhere between characters).
pub fn sentences(body: &str, para: Span, quotes: &[Quote]) -> Vec<Span> {
    let bytes = body.as_bytes();
    let mut out = Vec::new();
    let mut start = para.0;
    let mut qi = 0;
    let mut i = para.0;
    while i < para.1 {
        let b = bytes[i];
        if i - start >= MAX_SENTENCE
            && (b == b' ' || (i - start >= 2 * MAX_SENTENCE && body.is_char_boundary(i)))
        {
            out.push((start, i));
            start = i + usize::from(b == b' ');
            i = start;
            continue;
        }
        if b == b'.' || b == b'!' || b == b'?' {
            while qi < quotes.len() && quotes[qi].close.max(quotes[qi].end) <= i {
                qi += 1;
            }
            let in_quote = quotes.get(qi).is_some_and(|q| i >= q.start && i < q.end);
            // Skip closing marks and brackets right after the terminator.
            let mut j = i + 1;
            let mut closes_quote = false;
            while j < para.1 {
                let c = body[j..].chars().next().unwrap_or(' ');
                if matches!(c, '"' | '”' | '’' | '\'' | '»' | ')' | ']') || (c == '.' && j == i + 1)
                {
                    if in_quote && quotes[qi].end == j {
                        closes_quote = true;
                    }
                    j += c.len_utf8();
                } else {
                    break;
                }
            }
            let boundary_ok = if in_quote { closes_quote } else { true };
            if boundary_ok
                && b == b'.'
                && ends_with_abbreviation(&body[start..i])
                && !(ends_sentence_capable(&body[start..i]) && starts_sentence(&body[j..para.1]))
            {
                i = j;
                continue;
            }
            if boundary_ok {
                let rest = &body[j..para.1];
                let trimmed = rest.trim_start();
                let spaced = trimmed.len() < rest.len();
                let next = trimmed.chars().next();
                let starts_new = next.is_some_and(|c| {
                    c.is_uppercase()
                        || c.is_ascii_digit()
                        || is_quote_mark(c)
                        || matches!(c, '(' | '[' | '—' | '-')
                });
                if next.is_none() || (spaced && starts_new) {
                    out.push((start, j));
                    start = j + (rest.len() - trimmed.len());
                    i = start;
                    continue;
                }
            }
            i = j;
            continue;
        }
        i += 1;
    }
    if start < para.1 && !body[start..para.1].trim().is_empty() {
        out.push((start, para.1));
    }
    out
}

/// Bytes in one sentence at most. No news sentence comes near it; it bounds the work and the
/// memory spent on one sentence of hostile input (a 10 MB paragraph without a full stop).
pub const MAX_SENTENCE: usize = 16 * 1024;

/// A word or punctuation token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// Letters or digits (else a single punctuation character).
    pub word: bool,
    /// Inside a quotation.
    pub quoted: bool,
}

impl Token {
    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        &body[self.start..self.end]
    }
    pub fn is_cap(&self, body: &str) -> bool {
        self.word
            && body[self.start..]
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase())
    }
}

/// Tokens of a span: words (letters, digits, inner apostrophes, hyphens and abbreviation periods)
/// and single punctuation characters; whitespace is dropped.
pub fn tokens(body: &str, span: Span, quotes: &[Quote]) -> Vec<Token> {
    // Most text is ASCII: bytes are read as characters without decoding when they can be.
    let char_at = |k: usize| char_at(body, k);
    // Every token holds at least one byte: one slot per byte never regrows, and the unused tail
    // is given back below. Every sentence's tokens live until the article is done, so on dense
    // punctuation the slack of a regrown vector added up (10 MB of apostrophes: 566 MB peak
    // against 421 MB).
    let mut out = Vec::with_capacity(span.1 - span.0);
    let mut i = span.0;
    while i < span.1 {
        let (c, len) = char_at(i);
        if c.is_whitespace() {
            i += len;
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = i + len;
            while end < span.1 {
                let (d, dl) = char_at(end);
                let inner = matches!(d, '\'' | '’' | '-' | '.' | '&')
                    && end + dl < span.1
                    && char_at(end + dl).0.is_alphanumeric();
                if d.is_alphanumeric() || inner {
                    end += dl;
                } else {
                    break;
                }
            }
            // A percentage is one word ("26%").
            if body[end..].starts_with('%') && body[i..end].bytes().all(|b| b.is_ascii_digit()) {
                end += 1;
            }
            // Keep an abbreviation's final period with the word ("Mr.", "U.S.").
            if body[end..].starts_with('.') && ends_with_abbreviation(&body[i..end]) {
                end += 1;
            }
            out.push(Token {
                start: i,
                end,
                word: true,
                quoted: false,
            });
            i = end;
        } else {
            out.push(Token {
                start: i,
                end: i + len,
                word: false,
                quoted: false,
            });
            i += len;
        }
    }
    let mut qi = 0;
    for t in &mut out {
        while qi < quotes.len() && quotes[qi].end <= t.start {
            qi += 1;
        }
        t.quoted = quotes
            .get(qi)
            .is_some_and(|q| t.start >= q.start && t.start < q.end);
    }
    out.shrink_to_fit();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quotation_as_printed_takes_in_its_marks() {
        let printed = |body: &str, words: &str| {
            let s = body.find(words).unwrap();
            let (x, y) = as_printed(body, (s, s + words.len()));
            body[x..y].to_string()
        };
        let b = "\"We will not,\" he said.";
        assert_eq!(printed(b, "We will not"), "\"We will not,\"");
        let b = "She said: “It is over.” Then she left.";
        assert_eq!(printed(b, "It is over."), "“It is over.”");
        assert_eq!(printed(b, "It is over"), "“It is over.”");
        let b = "''Are we done?'' he asked.";
        assert_eq!(printed(b, "Are we done"), "''Are we done?''");
        // Apostrophes touching a letter on their outer side stay out.
        let b = "He said Obama’s plan failed.";
        assert_eq!(printed(b, "Obama"), "Obama");
        let b = "rock'n'roll";
        assert_eq!(printed(b, "n"), "n");
        // Words without marks, and a comma without a closing mark, stay as they are.
        let b = "He said that talks would resume, and left.";
        assert_eq!(
            printed(b, "that talks would resume"),
            "that talks would resume"
        );
        // The ends of the body.
        assert_eq!(printed("\"", ""), "\"");
        assert_eq!(printed("«Oui»", "Oui"), "«Oui»");
    }

    fn sents(t: &str) -> Vec<&str> {
        let p = (0, t.len());
        let q = quotes(t, p);
        sentences(t, p, &q)
            .into_iter()
            .map(|(s, e)| &t[s..e])
            .collect()
    }

    #[test]
    fn quote_styles() {
        for t in [
            "He said \"yes we can\".",
            "He said “yes we can”.",
            "He said «yes we can».",
            "He said „yes we can“.",
        ] {
            let q = quotes(t, (0, t.len()));
            assert_eq!(q.len(), 1, "{t}");
            assert_eq!(&t[q[0].start..q[0].end], "yes we can");
        }
    }

    #[test]
    fn single_quotes_need_three_words_and_spare_apostrophes() {
        let t = "Smith said ‘we won’t give up now,’ and left. It's Jones' 'book'.";
        let q = quotes(t, (0, t.len()));
        assert_eq!(q.len(), 1);
        assert_eq!(&t[q[0].start..q[0].end], "we won’t give up now,");
    }

    #[test]
    fn doubled_apostrophes_are_quote_marks() {
        let t = "''We will win,'' Mr. Tribe said. ``Yes.''";
        let q = quotes(t, (0, t.len()));
        assert_eq!(q.len(), 2);
        assert_eq!(&t[q[0].start..q[0].end], "We will win,");
        assert_eq!(&t[q[1].start..q[1].end], "Yes.");
    }

    #[test]
    fn unclosed_quote_runs_to_paragraph_end() {
        let t = "He said: \"We will win. And more";
        let q = quotes(t, (0, t.len()));
        assert!(!q[0].closed);
        assert_eq!(q[0].end, t.len());
    }

    #[test]
    fn sentences_respect_quotes_and_abbreviations() {
        let t =
            "\"We must go. Now,\" he added. Mr. Smith met U.S. officials. \"It ended.\" Then rain.";
        assert_eq!(
            sents(t),
            vec![
                "\"We must go. Now,\" he added.",
                "Mr. Smith met U.S. officials.",
                "\"It ended.\"",
                "Then rain."
            ]
        );
    }

    #[test]
    fn an_endless_sentence_is_cut_at_spaces_or_anywhere() {
        let words = "word ".repeat(3 * MAX_SENTENCE / 5);
        let glued = "é".repeat(3 * MAX_SENTENCE / 2);
        // Nothing but the spaces cut at is dropped.
        for (t, dropped_per_cut) in [(words.trim_end(), 1), (glued.as_str(), 0)] {
            let s = sents(t);
            assert!(s.len() >= 2, "{} sentences", s.len());
            assert!(s.iter().all(|x| x.len() <= 2 * MAX_SENTENCE));
            let kept: usize = s.iter().map(|x| x.len()).sum();
            assert_eq!(kept + dropped_per_cut * (s.len() - 1), t.len());
        }
    }

    #[test]
    fn abbreviation_can_end_a_sentence() {
        let t = "He wants to ban entry to the U.S. While others disagree, Mr. Smith said so.";
        assert_eq!(
            sents(t),
            vec![
                "He wants to ban entry to the U.S.",
                "While others disagree, Mr. Smith said so."
            ]
        );
    }

    #[test]
    fn tokens_keep_abbreviations() {
        let t = "Mr. Hegseth's U.S. plan, he said.";
        let toks: Vec<&str> = tokens(t, (0, t.len()), &[])
            .iter()
            .map(|x| x.text(t))
            .collect();
        assert_eq!(
            toks,
            vec!["Mr.", "Hegseth's", "U.S.", "plan", ",", "he", "said", "."]
        );
    }
}
