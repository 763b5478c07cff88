//! Hostile input to the extractor: no panic, offsets always on character boundaries inside the
//! body, and output bounded by the input. (Speed on the 10 MB versions is measured by
//! `benches/pathological.sh`, not here.)

use whosaid::{Article, Extractor};

fn check(name: &str, body: String) {
    let a = Article {
        path: name.into(),
        source_key: name.into(),
        body,
        ..Article::default()
    };
    let st = Extractor::default().extract(&a);
    assert!(
        st.len() <= a.body.len() / 2 + 1,
        "{name}: {} statements",
        st.len()
    );
    for s in &st {
        for &[x, y] in &s.quote_spans {
            assert!(x <= y && y <= a.body.len(), "{name}: span {x}..{y}");
            assert!(
                a.body.is_char_boundary(x) && a.body.is_char_boundary(y),
                "{name}: span {x}..{y}"
            );
        }
        if let (Some(x), Some(y)) = (s.speaker_start, s.speaker_end) {
            assert!(
                x <= y
                    && y <= a.body.len()
                    && a.body.is_char_boundary(x)
                    && a.body.is_char_boundary(y)
            );
        }
    }
}

const N: usize = 200_000;

#[test]
fn quote_marks_only() {
    check("straight", "\"".repeat(N));
    check("curly", "“".repeat(N / 3));
    check("mixed", "“”«»„‘’'\"``''".repeat(N / 30));
    check("apostrophes", "'".repeat(N));
}

#[test]
fn one_long_paragraph_without_spaces() {
    check("nospace", "abc.def".repeat(N / 7));
    check("periods", ".".repeat(N));
}

#[test]
fn many_unmatched_openers_and_cues() {
    check("openers", "“said he ".repeat(N / 10));
    check("cues", "He said, \"said said said\" ".repeat(N / 30));
    check(
        "names",
        (0..N / 60)
            .map(|i| format!("Ann{i} Lee{i} said she would. He said \"no.\" "))
            .collect(),
    );
}

#[test]
fn control_characters_and_right_to_left_text() {
    check(
        "control",
        (0..N).map(|i| char::from((i % 32) as u8)).collect(),
    );
    check("rtl", "قال الوزير \"نحن مستعدون\" للتفاوض. ".repeat(N / 60));
    check(
        "bidi",
        "\u{202E}\"We will,\" said \u{202D}Ann Lee\u{202C}. ".repeat(N / 40),
    );
}

/// Inputs the fuzzer found (fuzz/artifacts), kept as regression tests.
#[test]
fn fuzz_regressions() {
    // An apposition with nothing between its commas: "The nominee, Richard Coyle, ,replied".
    check(
        "empty-apposition",
        "The britainnominee, Richard Coyle, ,replied ledger.example/x\n".into(),
    );
    check("empty-apposition-2", "Smith, ,said the plan works.".into());
}
