//! Publication dates as archives write them: ISO dates and datetimes, RFC 2822, `M/D/YY`,
//! `March 5, 2016`, `5 March 2016`.

use jiff::civil::Date;

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn month(word: &str) -> Option<i8> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| w.starts_with(m) && m.starts_with(&w[..3]))
        .map(|i| i as i8 + 1)
}

/// Parses a date in any of the common archive forms; `None` when it is not recognised.
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(d) = s.parse::<Date>() {
        return Some(d);
    }
    // An ISO datetime (with or without offset): the calendar date it names.
    if s.len() >= 10
        && s.is_char_boundary(10)
        && let Ok(d) = s[..10].parse::<Date>()
    {
        return Some(d);
    }
    if let Ok(ts) = jiff::fmt::rfc2822::parse(s) {
        return Some(ts.date());
    }
    // M/D/YY or M/D/YYYY (US order), and YYYY/MM/DD.
    let parts: Vec<&str> = s.split(['/', '.']).collect();
    if parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        let n: Vec<i32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
        if n.len() == 3 {
            let (y, m, d) = if parts[0].len() == 4 {
                (n[0], n[1], n[2])
            } else {
                let y = if parts[2].len() <= 2 {
                    2000 + n[2]
                } else {
                    n[2]
                };
                (y, n[0], n[1])
            };
            return Date::new(y as i16, m as i8, d as i8).ok();
        }
    }
    // "March 5, 2016", "5 March 2016", "Mar. 5 2016", with an optional weekday first.
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let mut m = None;
    let mut nums = Vec::new();
    for w in &words {
        if let Some(mm) = month(w) {
            m.get_or_insert(mm);
        } else if let Ok(n) = w
            .trim_end_matches(['s', 't', 'n', 'd', 'r', 'h'])
            .parse::<i32>()
        {
            nums.push(n);
        }
    }
    if let (Some(m), [a, b, ..]) = (m, nums.as_slice()) {
        let (d, y) = if *a > 31 { (*b, *a) } else { (*a, *b) };
        if (1000..=9999).contains(&y) {
            return Date::new(y as i16, m, d as i8).ok();
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn common_forms() {
        assert_eq!(parse_date("2016-09-20"), Some(date(2016, 9, 20)));
        assert_eq!(
            parse_date("2025-02-12T10:30:00+01:00"),
            Some(date(2025, 2, 12))
        );
        assert_eq!(
            parse_date("Wed, 12 Feb 2025 09:00:00 GMT"),
            Some(date(2025, 2, 12))
        );
        assert_eq!(parse_date("3/7/16"), Some(date(2016, 3, 7)));
        assert_eq!(parse_date("March 5, 2016"), Some(date(2016, 3, 5)));
        assert_eq!(parse_date("5 March 2016"), Some(date(2016, 3, 5)));
        assert_eq!(parse_date(""), None);
        assert_eq!(parse_date("soon"), None);
        assert_eq!(parse_date("13/45/2016"), None);
    }
}
