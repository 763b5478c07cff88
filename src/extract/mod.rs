//! The statement extractor: finds what was said in an article (direct, indirect and mixed
//! speech), who said it (resolved to the fullest name the article uses), their role and
//! organisation, the cue, and the byte offsets of each piece.
//!
//! It is rule-based, with a learned cue detector for stances and acts outside the verb list
//! (`learned.rs`), and linear in the size of the article. The vocabulary (reporting verbs,
//! role words, organisations) lives in `data/` beside this file.

mod learned;
mod lexicon;
mod speakers;
mod text;
mod training;
mod words;

pub use lexicon::Lexicon;
pub use training::train_cue_model;

use jiff::civil::{Date, Weekday};
use words::WordSet;

use crate::model::{Article, Kind, Statement, name_key, quote_key, short_hash};
use learned::CueModel;
use speakers::{Lc, Np, NpKind, Registry, lower, np_after, np_before, strip_possessive};
use text::{Quote, Span, Token};

/// Words opening a time or circumstance adjunct after a cue ("said on Tuesday", "said when").
static TIME_ADJUNCTS: WordSet = WordSet::new(&[
    "on",
    "in",
    "at",
    "during",
    "after",
    "before",
    "last",
    "this",
    "yesterday",
    "today",
    "late",
    "early",
    "earlier",
    "later",
    "when",
    "while",
]);
/// Words opening a clause before a sentence's subject ("Like Sanders, she ...", "Although
/// ..., he ...").
static CLAUSE_OPENERS: WordSet = WordSet::new(&[
    "like",
    "unlike",
    "despite",
    "although",
    "though",
    "because",
    "if",
    "since",
    "unless",
    "until",
    "once",
    "whether",
    "amid",
    "among",
    "following",
    "given",
    "without",
    "upon",
]);
/// Sentence adverbs set off by a comma before a sentence's subject ("Likewise, Trump ...").
static SENTENCE_ADVERBS: WordSet = WordSet::new(&[
    "likewise",
    "meanwhile",
    "however",
    "still",
    "instead",
    "indeed",
    "now",
    "yet",
    "moreover",
    "separately",
    "similarly",
    "nonetheless",
    "nevertheless",
    "finally",
    "ultimately",
    "besides",
    "otherwise",
    "thus",
    "so",
    "but",
    "and",
    "again",
    "first",
    "second",
    "third",
    "eventually",
    "initially",
    "previously",
    "afterward",
    "afterwards",
    "then",
    "also",
    "additionally",
    "furthermore",
    "overall",
    "regardless",
]);
/// Month names, lowercase: "in March" is a time adjunct.
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
/// What a sentence-opening "In a ... poll," names as the source of the rest.
const SURVEY_NOUNS: &[&str] = &[
    "poll", "polls", "survey", "surveys", "study", "report", "analysis", "census", "tally",
];
/// Other words that open an adjunct or a listener after a cue, not a clause ("said of the plan",
/// "said again", "told reporters").
static OTHER_ADJUNCTS: WordSet = WordSet::new(&[
    "of",
    "to",
    "about",
    "as",
    "from",
    "with",
    "by",
    "for",
    "then",
    "again",
    "also",
    "recently",
    "afterward",
    "afterwards",
    "reporters",
]);

/// Finite auxiliaries and modals: after a speaker phrase they show the sentence going on
/// with a verb of its own ("said tensions were higher", "The contrast, said Doyle, would be").
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "will", "would", "has", "have", "had", "can", "could", "should",
    "must", "may", "might",
];

/// Cues that report speech, writing or perception: what they introduce is a clause, never a
/// bare one- or two-word object (see [`Extractor::content_or_object`]).
static SPEECH_VERBS: WordSet = WordSet::new(&[
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "telling",
    "write",
    "writes",
    "wrote",
    "writing",
    "report",
    "reports",
    "reported",
    "find",
    "finds",
    "found",
    "show",
    "shows",
    "showed",
    "shown",
    "call",
    "calls",
    "called",
    "calling",
    "promise",
    "promises",
    "promised",
    "promising",
    "continue",
    "continues",
    "continued",
    "pledge",
    "pledged",
    "ask",
    "asks",
    "asked",
    "add",
    "adds",
    "added",
    "note",
    "notes",
    "noted",
    "explain",
    "explains",
    "explained",
    "respond",
    "responded",
    "reply",
    "replied",
    "see",
    "sees",
    "saw",
    "seen",
    "posted",
    "emailed",
    "texted",
    "tweeted",
]);

/// Cues tried per sentence.
const MAX_CUES_PER_SENTENCE: usize = 8;

/// One sentence with what the extractor needs of it.
struct Sent {
    span: Span,
    para: usize,
    toks: Vec<Token>,
    quotes: Vec<Quote>,
}

impl Sent {
    /// This sentence and the next one of its paragraph as one sentence.
    fn merge(&mut self, body: &str, next: Sent) {
        self.span.1 = next.span.1;
        for q in next.quotes {
            if !self.quotes.contains(&q) {
                self.quotes.push(q);
            }
        }
        self.toks = text::tokens(body, self.span, &self.quotes);
    }
}

/// A statement found, before its speaker is resolved.
struct Found {
    sent: usize,
    spans: Vec<Span>,
    cue: Option<Span>,
    np: Option<Np>,
    /// A cue-less quotation continuing the previous speaker.
    floating: bool,
}

impl Found {
    /// A statement introduced by a cue (its sentence is set by the caller).
    fn cued(spans: Vec<Span>, cue: Option<Span>, np: Np) -> Found {
        Found {
            sent: 0,
            spans,
            cue,
            np: Some(np),
            floating: false,
        }
    }
}

/// A cue in a sentence: its first token, the token after it, and whether it is "according to".
type Cue = (usize, usize, bool);

/// Extracts statements from articles.
#[derive(Debug, Clone, Copy)]
pub struct Extractor {
    lex: &'static Lexicon,
    model: &'static CueModel,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor {
            lex: Lexicon::get(),
            model: CueModel::get(),
        }
    }
}

/// Where the resolved speaker came from: it sets the confidence.
#[derive(Clone, Copy, PartialEq)]
enum Via {
    Named,
    Pronoun,
    Nominal,
    Org,
    Floating,
    Unresolved,
}

struct Resolved {
    /// The mention the speaker was resolved from (for a floating quote: its antecedent's).
    mention: Option<Span>,
    speaker: Option<String>,
    role: Option<String>,
    org: Option<String>,
    via: Via,
    person: Option<usize>,
}

impl Resolved {
    /// A body speaking: its name, its organisation, and the role its mention gave.
    fn body(speaker: String, org: String, role: Option<String>) -> Resolved {
        Resolved {
            mention: None,
            speaker: Some(speaker),
            role,
            org: Some(org),
            via: Via::Org,
            person: None,
        }
    }

    /// This speaker again, as a pronoun continues it.
    fn continued(&self) -> Resolved {
        Resolved {
            mention: None,
            speaker: self.speaker.clone(),
            role: self.role.clone(),
            org: self.org.clone(),
            via: Via::Pronoun,
            person: None,
        }
    }
}

fn trim_span(body: &str, (mut s, mut e): Span, trailing: &[char]) -> Span {
    while s < e {
        let c = body[s..].chars().next().unwrap_or('x');
        if c.is_whitespace() {
            s += c.len_utf8();
        } else {
            break;
        }
    }
    while e > s {
        let c = body[..e].chars().next_back().unwrap_or('x');
        if c.is_whitespace() || trailing.contains(&c) {
            e -= c.len_utf8();
        } else {
            break;
        }
    }
    (s, e)
}

fn is_bullet(line: &str) -> bool {
    let t = line.trim_start();
    (t.starts_with("- ") || t.starts_with("* ") || t.starts_with("• "))
        && !t.chars().any(text::is_quote_mark)
}

impl Extractor {
    /// Like [`Extractor::extract`], but a bug in the extractor becomes an error naming the
    /// article instead of taking the whole run down.
    pub fn extract_checked(&self, article: &Article) -> Result<Vec<Statement>, String> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.extract(article))).map_err(
            |e| {
                let msg = e
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| e.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                format!(
                    "{}: internal error in the statement extractor ({msg}); article skipped, please report it",
                    article.path
                )
            },
        )
    }

    /// Extracts the statements of one article, in text order.
    pub fn extract(&self, article: &Article) -> Vec<Statement> {
        let body = article.body.as_str();
        let sents = self.sentences(body);
        let mut reg = Registry::default();
        for s in &sents {
            self.register_people(body, s, &mut reg);
        }
        let mut found: Vec<Found> = Vec::new();
        // The end of a quotation a colon introduced from the paragraph before: its sentences
        // are that statement's.
        let mut led_until = 0;
        for (i, s) in sents.iter().enumerate() {
            if s.span.1 <= led_until {
                continue;
            }
            let here = self.find(body, &sents, i);
            if let Some(f) = here.last().filter(|f| f.spans[0].0 >= s.span.1) {
                led_until = f.spans[f.spans.len() - 1].1 + 1;
            }
            if !here.is_empty() {
                found.extend(here);
            } else if let Some(f) = self.floating(body, &sents, i, found.last()) {
                // A quotation right after a quoted statement continues it: one statement with
                // several pieces, as "“A,” she said. “B.”" is one thing said. In the same
                // paragraph, so does one after a mixed statement ending in a quotation
                // ("Trump is “learning fast,” Gingrich said. “B.”"). The next paragraph's
                // quotation continues a paragraph of one sentence that opens with a quotation
                // ("“A,” said Murphy, who …" ¶ "“B.”").
                let lone_quoted_para = |p: &Found| {
                    let prev = &sents[p.sent];
                    prev.para + 1 == s.para
                        && opens_para(&sents, p.sent)
                        && prev
                            .quotes
                            .first()
                            .is_some_and(|q| body[prev.span.0..q.open].trim().is_empty())
                };
                let continues = |p: &Found| {
                    let prev = &sents[p.sent];
                    let end = p.spans[p.spans.len() - 1].1;
                    let ends_quoted = || prev.quotes.iter().any(|q| q.end.abs_diff(end) <= 2);
                    !p.floating
                        && (prev.para == s.para || self.runs_on(prev) || lone_quoted_para(p))
                        && (self.all_quoted(prev, &p.spans)
                            || (prev.para == s.para && ends_quoted()))
                };
                // The quoted statement may be followed by a participle's of the same sentence
                // ("“A,” Black said, referring to the committee. “B.”").
                // ... unless the next sentence names its speaker: `“A,” she said. “B?” Smith
                // asked.`, where a question mark ended the sentence before the speaker.
                // ("She went on to say:" introduces what comes next.)
                // Asked only when a statement before would take the quotation.
                let attributed_next = || {
                    sents.get(i + 1).is_some_and(|n| {
                        n.para == s.para
                            && !body[n.span.0..n.span.1].trim_end().ends_with(':')
                            && self.bare_attribution(body, n).is_some()
                    })
                };
                let before = found
                    .iter()
                    .rev()
                    .take_while(|p| p.sent + 1 == i)
                    .position(continues)
                    .filter(|_| self.all_quoted(s, &f.spans))
                    .filter(|_| !attributed_next());
                match before {
                    Some(k) => {
                        let at = found.len() - 1 - k;
                        found[at].spans.extend(f.spans);
                    }
                    None => found.push(f),
                }
            } else if let Some(np) = self.bare_attribution(body, s) {
                // `"...". Smith said.`: the speaker of the previous cue-less quotation.
                if let Some(prev) = found.last_mut().filter(|f| f.floating && f.sent + 1 == i) {
                    prev.np = Some(np.0);
                    prev.cue = Some(np.1);
                    prev.floating = false;
                }
            }
        }
        let article_id = article.content_id();
        let mut out = Vec::with_capacity(found.len());
        let mut last: Option<(usize, Resolved)> = None; // (paragraph, speaker)
        for f in &found {
            let para = sents[f.sent].para;
            let r = self.resolve(
                body,
                f,
                &reg,
                last.as_ref().filter(|(p, _)| para <= p + 1).map(|(_, r)| r),
            );
            if f.floating && r.speaker.is_none() {
                continue;
            }
            let cue = f.cue.map(|(a, b)| body[a..b].lc());
            let cue_in =
                |set: &rustc_hash::FxHashSet<String>| cue.as_ref().is_some_and(|c| set.contains(c));
            // A position is a statement only of a person the article names ("Sanders seemed
            // to"), not of a place or a body ("Washington does want").
            if r.person.is_none()
                && cue_in(&self.lex.named_stance_cues)
                && !f.np.as_ref().is_some_and(|n| plural_group(body, n))
            {
                continue;
            }
            out.push(self.statement(article, &article_id, &sents, f, &r));
            // A stance ("Washington wants ...") does not make its subject the one speaking.
            if r.speaker.is_some() && !cue_in(&self.lex.stance_cues) {
                last = Some((para, r));
            }
        }
        // The sentences' tokens are no longer needed: on an article of many statements they
        // are memory to give back before the next step.
        drop(found);
        drop(sents);
        // One statement per quote span: when two cues claim the same words, the one that
        // names its speaker stays (the first, between equals). In place: the statements kept
        // move to the front (everything from `kept` up to `i` is dropped).
        let mut at: rustc_hash::FxHashMap<Vec<[usize; 2]>, usize> = Default::default();
        let mut kept = 0;
        for i in 0..out.len() {
            match at.get(&out[i].quote_spans) {
                Some(&k) if out[k].speaker.is_none() && out[i].speaker.is_some() => out.swap(k, i),
                Some(_) => {}
                None => {
                    at.insert(out[i].quote_spans.clone(), kept);
                    out.swap(kept, i);
                    kept += 1;
                }
            }
        }
        out.truncate(kept);
        out
    }

    fn sentences(&self, body: &str) -> Vec<Sent> {
        let mut out = Vec::new();
        for (pi, para) in text::paragraphs(body).into_iter().enumerate() {
            if is_bullet(&body[para.0..para.1]) {
                continue;
            }
            let mut quotes = text::quotes(body, para);
            let spans = text::sentences(body, para, &quotes);
            let mut qi = 0;
            for span in spans {
                // Quotes and sentences are both in text order: a cursor keeps this linear.
                while qi < quotes.len() && quotes[qi].end <= span.0 {
                    qi += 1;
                }
                let qs: Vec<Quote> = if span == para {
                    // A paragraph of one sentence keeps its quotes without a copy.
                    std::mem::take(&mut quotes)
                } else {
                    quotes[qi..]
                        .iter()
                        .take_while(|q| q.start < span.1)
                        .filter(|q| q.end > span.0)
                        .copied()
                        .collect()
                };
                let toks = text::tokens(body, span, &qs);
                let sent = Sent {
                    span,
                    para: pi,
                    toks,
                    quotes: qs,
                };
                match out.last_mut() {
                    Some(prev) if self.attribution_of(body, prev, &sent) => {
                        prev.merge(body, sent);
                    }
                    _ => out.push(sent),
                }
            }
        }
        out
    }

    /// "called for new talks", "warned against the plan", "asked about the vote": the
    /// preposition after the verb belongs to the cue, and what it introduces is what was said
    /// (except after "say" and "tell": "said of Trump, ..." names a topic, not the words).
    fn preposition_to_cue(&self, body: &str, toks: &[Token], f: &mut Found) {
        let Some((c0, c1)) = f.cue else { return };
        let Some(k) = toks.iter().position(|t| t.start >= c1) else {
            return;
        };
        let verb = body[c0..c1].split_whitespace().next().unwrap_or("").lc();
        if f.spans[0].0 != toks[k].start
            || toks[k].quoted
            || matches!(
                &*verb,
                "say" | "says" | "said" | "saying" | "tell" | "tells" | "told" | "telling"
            )
            || !matches!(
                &*lower(body, &toks[k]),
                "for" | "about" | "against" | "of" | "over"
            )
        {
            return;
        }
        let Some(next) = toks.get(k + 1).filter(|t| t.word || t.quoted) else {
            return;
        };
        if next.start < f.spans[0].1 {
            f.spans[0].0 = next.start;
            f.cue = Some((c0, toks[k].end));
        }
    }

    /// `"Are you ready?" Trump asked the crowd.`: a quotation ending in a question or an
    /// exclamation mark closes its sentence, but a speaker phrase and its cue right after it
    /// say who asked. Is `next` such a phrase for the quotation `prev`?
    fn attribution_of(&self, body: &str, prev: &Sent, next: &Sent) -> bool {
        let Some(q) = prev.quotes.last() else {
            return false;
        };
        let blank = |a: usize, b: usize| body.get(a..b).is_some_and(|t| t.trim().is_empty());
        let ends_in_question = q.closed
            && blank(prev.span.0, q.open)
            && blank(q.close, prev.span.1)
            && body
                .get(q.start..q.end)
                // `“… ‘What can we do to help?’”`: the question may close a quotation inside.
                .is_some_and(|t| {
                    t.trim_end()
                        .trim_end_matches(['’', '\''])
                        .ends_with(['?', '!'])
                });
        if !ends_in_question || next.para != prev.para {
            return false;
        }
        let Some(first) = next.toks.first().filter(|t| t.is_cap(body) && !t.quoted) else {
            return false;
        };
        let Some(&(c0, _, according)) = self.cues(body, &next.toks).first() else {
            return false;
        };
        !according
            && c0 <= 12
            && next.toks[..c0].iter().all(|t| !t.quoted)
            && np_before(self.lex, body, &next.toks, c0).is_some_and(|n| n.start == first.start)
    }

    /// Records every person named outside quotation marks, with the title before the name.
    fn register_people(&self, body: &str, s: &Sent, reg: &mut Registry) {
        let toks = &s.toks;
        // In a Title Case headline every run of words is capitalised ("Good Relationship With
        // David Cameron"): a new person there needs a known first name.
        let title_case = title_case(body, toks);
        let mut i = 0;
        while i < toks.len() {
            if !toks[i].is_cap(body) || toks[i].quoted {
                i += 1;
                continue;
            }
            // A run of capitalised words (with inner connectors such as "of").
            let mut j = i + 1;
            while j < toks.len() && !toks[j].quoted && toks[j].word {
                if toks[j].is_cap(body) {
                    j += 1;
                } else if matches!(
                    &*lower(body, &toks[j]),
                    "of" | "de" | "van" | "von" | "bin" | "al"
                ) && toks.get(j + 1).is_some_and(|n| n.is_cap(body))
                {
                    j += 2;
                } else {
                    break;
                }
            }
            // Lowercase titles right before the run: "defence secretary Pete Hegseth".
            let mut k = i;
            while k > 0
                && toks[k - 1].word
                && !toks[k - 1].quoted
                && self.lex.is_role_word(&lower(body, &toks[k - 1]))
            {
                k -= 1;
            }
            let words: Vec<&str> = toks[k..j].iter().map(|t| t.text(body)).collect();
            // A lone capitalised word is a sentence start, a place or a surname: only a
            // surname already known is worth recording (and costs no classification).
            if words.len() == 1 {
                let w = speakers::strip_possessive(words[0]);
                if let Some(p) = reg.lookup(self.lex, &[w.to_string()]) {
                    reg.mention(p, toks[i].start);
                }
                i = j;
                continue;
            }
            let (kind, name, role) = speakers::classify(self.lex, &words);
            // Bodies too, so that "the Post" can become "the New York Post"; a capitalised run
            // followed by a body word ("Trump campaign") counts.
            let org_head = toks
                .get(j)
                .filter(|t| t.word && !t.quoted)
                .map(|t| lower(body, t));
            if let Some(h) = org_head.filter(|h| speakers::is_org_head(h)) {
                reg.add_org(&format!(
                    "{} {h}",
                    body[toks[i].start..toks[j - 1].end].trim()
                ));
            } else if kind == NpKind::Org {
                reg.add_org(&body[toks[i].start..toks[j - 1].end]);
            }
            let honorific = words
                .iter()
                .any(|w| matches!(w.lc().trim_end_matches('.'), "mr" | "mrs" | "ms" | "dr"));
            let known_first = || self.lex.gender.contains_key(&name[0].lc());
            if kind == NpKind::Name
                && (name.len() >= 2 || honorific || reg.knows_surname(&name))
                && (!title_case || reg.knows_surname(&name) || known_first())
            {
                let role = role
                    .or_else(|| self.apposition(body, toks, j))
                    .or_else(|| self.role_before(body, toks, k));
                reg.add(self.lex, &name, role.as_deref(), toks[i].start);
            }
            i = j;
        }
    }

    /// ", the US defence secretary," after a name: the role it gives.
    fn apposition(&self, body: &str, toks: &[Token], after: usize) -> Option<String> {
        if toks.get(after)?.text(body) != "," {
            return None;
        }
        let mut e = after + 1;
        while e < toks.len() && toks[e].word && !toks[e].quoted && e - after < 10 {
            e += 1;
        }
        if e == after + 1
            || !toks
                .get(e)
                .is_none_or(|t| matches!(t.text(body), "," | "." | ";"))
        {
            return None;
        }
        let words: Vec<&str> = toks[after + 1..e].iter().map(|t| t.text(body)).collect();
        let first = words[0].lc();
        // ", and Democratic Gov. Jay Nixon": the next item of a list, not an apposition.
        if matches!(first.as_str(), "and" | "or" | "but" | "nor") {
            return None;
        }
        let roleish = words
            .iter()
            .any(|w| self.lex.is_role_word(w.strip_suffix("'s").unwrap_or(w)));
        if roleish && (matches!(first.as_str(), "the" | "a" | "an") || words.len() <= 5) {
            let text = &body[toks[after + 1].start..toks[e - 1].end];
            let text = ["the ", "a ", "an "]
                .iter()
                .fold(text, |t, d| t.strip_prefix(d).unwrap_or(t));
            return Some(text.to_string());
        }
        None
    }

    /// "Lithuania's defence minister, Rasa Jankauskiene,": the role before a name set off by a comma.
    fn role_before(&self, body: &str, toks: &[Token], name_start: usize) -> Option<String> {
        if name_start < 2 || toks[name_start - 1].text(body) != "," {
            return None;
        }
        let end = name_start - 1;
        let mut b = end;
        while b > 0 && toks[b - 1].word && !toks[b - 1].quoted && end - b < 6 {
            b -= 1;
        }
        if b == end || !self.lex.is_role_word(&lower(body, &toks[end - 1])) {
            return None;
        }
        let text = &body[toks[b].start..toks[end - 1].end];
        Some(
            ["the ", "The ", "a ", "A "]
                .iter()
                .fold(text, |t, d| t.strip_prefix(d).unwrap_or(t))
                .to_string(),
        )
    }

    /// Cues in a sentence: (first token, end token exclusive, is "according to").
    fn cues(&self, body: &str, toks: &[Token]) -> Vec<Cue> {
        let mut out = Vec::new();
        // In a Title Case headline a capitalised "Says" is still a cue.
        let title_case = title_case(body, toks);
        let word_is =
            |t: &Token, w: &str| t.word && !t.quoted && t.text(body).eq_ignore_ascii_case(w);
        // The sentence's first quoted token, found once if a cue needs it.
        let first_quoted = std::cell::OnceCell::new();
        let mut i = 0;
        'tok: while i < toks.len() {
            let t = &toks[i];
            // Cues are short ASCII words: test them without allocating.
            if !t.word || t.quoted || t.end - t.start > lexicon::MAX_CUE_WORD {
                i += 1;
                continue;
            }
            let mut buf = [0u8; lexicon::MAX_CUE_WORD];
            let Some(lw) = lexicon::ascii_lower(t.text(body), &mut buf) else {
                i += 1;
                continue;
            };
            if let Some(phrases) = self.lex.cue_phrases_by_first.get(lw) {
                for p in phrases {
                    if i + p.len() <= toks.len()
                        && (i == 0 || !t.is_cap(body) || p[0] == "according")
                        && p.iter().zip(&toks[i..]).all(|(w, t)| word_is(t, w))
                    {
                        out.push((i, i + p.len(), p[0] == "according"));
                        i += p.len();
                        continue 'tok;
                    }
                }
            }
            // A capitalised cue word is a name ("United States"), except at the sentence start.
            // A word that is also a noun ("states", "claims") is a verb only when what follows
            // introduces speech, and never after a determiner, number or preposition ("in
            // three states, said").
            let noun_slot = || {
                i > 0 && {
                    let p = toks[i - 1].text(body);
                    p.bytes().all(|b| b.is_ascii_digit())
                        // "Editor's note", "Beck's remarks"
                        || p.ends_with("'s")
                        || p.ends_with("’s")
                        || [
                            "the", "a", "an", "two", "three", "four", "five", "several", "many",
                            "some", "all", "both", "these", "those", "their", "his", "her", "its",
                            "our", "in", "of", "to", "for", "from", "by", "with", "other", "such",
                            "new",
                        ]
                        .iter()
                        .any(|d| p.eq_ignore_ascii_case(d))
                }
            };
            let closes_after_quote = || {
                toks.get(i + 1)
                    .is_none_or(|n| matches!(n.text(body), "." | "!" | "?"))
                    && first_quoted
                        .get_or_init(|| toks.iter().position(|t| t.quoted))
                        .is_some_and(|q| q < i)
            };
            let verb_like = || {
                !self.lex.noun_cues.contains(lw)
                    || (!noun_slot()
                        && (closes_after_quote()
                            || toks.get(i + 1).is_some_and(|n| {
                                n.quoted
                                    || matches!(n.text(body), ":" | "," | "“" | "\"")
                                    || n.text(body).eq_ignore_ascii_case("that")
                            })))
            };
            // "support for Sanders", "attacks on the press": a named stance before a
            // preposition is a noun.
            let stance_noun = || {
                self.lex.named_stance_cues.contains(lw)
                    && toks
                        .get(i + 1)
                        .is_some_and(|n| word_is(n, "for") || word_is(n, "on") || word_is(n, "of"))
            };
            if self.lex.cues.contains(lw)
                && (i == 0 || title_case || !t.is_cap(body))
                && verb_like()
                && !stance_noun()
                && !(lw == "expected" && raising_expected(body, toks, i))
            {
                out.push((i, i + 1, false));
            }
            i += 1;
        }
        out
    }

    /// The statement of sentence `i` that a cue introduces, if any.
    fn find(&self, body: &str, sents: &[Sent], i: usize) -> Vec<Found> {
        let s = &sents[i];
        let toks = &s.toks;
        let mut out: Vec<Found> = self.asked(body, s).into_iter().collect();
        // A handful of cues per sentence is plenty; a bound keeps odd input linear.
        let listed = self.cues(body, toks);
        let keys = learned::keys(body, toks);
        let learned = self.learned_cues(body, toks, &keys, &listed);
        let mut cues = listed;
        if !learned.is_empty() {
            cues.extend(learned.iter().map(|&(a, b)| (a, b, false)));
            cues.sort_unstable();
        }
        for &(c0, c1, according) in cues.iter().take(MAX_CUES_PER_SENTENCE) {
            if out
                .last()
                .is_some_and(|p| p.cue.is_some_and(|c| toks[c0].start < c.1))
            {
                continue;
            }
            let participle = !according && participle_after_comma(body, toks, c0);
            let earlier = out.last().and_then(|p| p.np.clone()).filter(|_| participle);
            let found = if according {
                self.according(body, s, c0, c1)
            } else if learned.iter().any(|c| c.0 == c0) {
                self.by_learned_cue(body, s, &keys, &cues, c0, c1)
            } else if let Some(np) = earlier {
                self.participial(body, s, &cues, c0, c1, np)
            } else {
                self.inverted(body, s, &cues, c0, c1)
                    .or_else(|| self.subject(body, s, &cues, c0, c1))
                    .or_else(|| self.by_learned_cue(body, s, &keys, &cues, c0, c1))
            };
            let Some(mut f) = found else { continue };
            let named_only = self
                .lex
                .named_stance_cues
                .contains(&*lower(body, &toks[c0]));
            // ... and only as the subject right before the cue ("Sanders seemed to"), not a
            // coordinated one ("Farmers have grown anxious and want ...").
            if named_only
                && !f.np.as_ref().is_some_and(|n| {
                    (matches!(n.kind, NpKind::Name | NpKind::Pronoun) || plural_group(body, n))
                        && toks
                            .iter()
                            .filter(|t| t.start >= n.end && t.end <= toks[c0].start)
                            .all(|t| {
                                let w = lower(body, t);
                                t.word
                                    && (w.ends_with("ly")
                                        || matches!(
                                            &*w,
                                            // "Ortiz, who thinks ..."
                                            "who"
                                                | "also"
                                                | "still"
                                                | "now"
                                                | "never"
                                                | "not"
                                                | "has"
                                                | "have"
                                                | "had"
                                                | "does"
                                                | "do"
                                                | "did"
                                                | "always"
                                                | "again"
                                                | "even"
                                        ))
                            })
                })
            {
                continue;
            }
            f.sent = i;
            subordinate_clause_end(body, toks, &mut f);
            self.preposition_to_cue(body, toks, &mut f);
            after_listener(body, toks, c0, c1, &mut f);
            // `"Q," Sanders said, according to CNN.`: the words reach the article through CNN,
            // the source the statement is attributed to (PolNeAR gives the outer source).
            if !according
                && let Some(&(_, a1, _)) = cues.iter().find(|c| {
                    c.2 && c.0 >= c1
                        && toks[c1..c.0].iter().all(|t| !t.quoted)
                        && f.spans.iter().all(|sp| sp.1 <= toks[c.0].start)
                })
                && let Some((np, _)) = self.according_source(body, toks, a1)
            {
                f.np = Some(np);
            }
            if let Some(prev) = out.last_mut() {
                // "Comey has said that X, Lewandowski said Y": the second statement cuts the
                // first one's content at the comma before it; anything else overlapping is
                // the same statement seen twice.
                // A speaker phrase before the previous content (a coordinated subject: "X rejected
                // the criticism and said ...") does not count as where this statement starts.
                let prev_start = prev.spans[prev.spans.len() - 1].0;
                let np_start = f.np.as_ref().map(|n| n.start).filter(|&n| n >= prev_start);
                let f_start = f.spans[0]
                    .0
                    .min(np_start.unwrap_or(usize::MAX))
                    .min(toks[c0].start);
                let overlaps = |p: &Found| {
                    p.spans.iter().any(|sp| {
                        sp.0 < f_start.max(f.spans[f.spans.len() - 1].1) && f_start < sp.1
                    })
                };
                if !overlaps(prev) {
                    out.push(f);
                    continue;
                }
                // `They want to "create jobs," Sanders said`: a reporting verb's statement that
                // takes in a stance's ("want") is the one to keep.
                let stance = |x: &Found| {
                    x.cue.is_some_and(|(a, b)| {
                        let c = body[a..b].lc();
                        self.lex.stance_cues.contains(&c) || self.lex.named_stance_cues.contains(&c)
                    })
                };
                if stance(prev) && !stance(&f) && f.spans[0].0 <= prev.spans[0].0 {
                    *prev = f;
                    continue;
                }
                let last = prev.spans.len() - 1;
                let (ps, pe) = prev.spans[last];
                if !(ps < f_start && f_start <= pe) {
                    continue;
                }
                let between = &body[ps..f_start];
                // ... and a colon before a quotation the later cue claims ("X defends his record
                // in an ad: "Q," the senator says") ends the first content there.
                let colon = between.rfind(':').filter(|&c| {
                    body[ps + c + 1..f_start]
                        .trim()
                        .chars()
                        .all(text::is_quote_mark)
                });
                let Some(cut) = colon
                    .or_else(|| between.rfind(" and "))
                    .or_else(|| between.rfind([',', ';']))
                else {
                    continue;
                };
                let cut = trim_span(body, (ps, ps + cut), &[',', ';']);
                if body[cut.0..cut.1].split_whitespace().count() < 2 {
                    continue;
                }
                prev.spans[last] = cut;
            }
            out.push(f);
        }
        if let Some(mut q) = self.when_asked(body, s) {
            q.sent = i;
            // "Christie said X when asked whether ...": X ends before "when".
            let asked = q.cue.map_or(0, |c| c.0);
            let when = toks
                .iter()
                .rfind(|t| t.end <= asked && t.word)
                .map(|t| t.start);
            for prev in &mut out {
                let last = prev.spans.len() - 1;
                let (ps, pe) = prev.spans[last];
                if let Some(w) = when.filter(|&w| ps < w && w < pe) {
                    prev.spans[last] = trim_span(body, (ps, w), &[',', ';']);
                }
            }
            let free = out.iter().all(|f| {
                f.spans
                    .iter()
                    .all(|&(a, b)| b <= q.spans[0].0 || a >= q.spans[0].1)
            });
            if free {
                out.push(q);
                out.sort_by_key(|f| f.spans[0].0);
            }
        }
        if out.is_empty() {
            out.extend(
                self.colon_lead(body, sents, i, &cues)
                    .or_else(|| self.headline(body, sents, i))
                    .or_else(|| self.in_survey(body, s))
                    .or_else(|| self.survey_after(body, s))
                    .or_else(|| self.raising(body, s))
                    .map(|mut f| {
                        f.sent = i;
                        f
                    }),
            );
        } else if let Some(mut f) = self.raising(body, s) {
            // "The levy is not expected to pass, and the mayor knows it": the writer's reading
            // beside a statement of someone's.
            let (a, b) = (f.spans[0].0, f.spans[f.spans.len() - 1].1);
            let np = f.np.as_ref().map_or(a, |n| n.start.min(a));
            if out.iter().all(|o| {
                o.spans.iter().all(|&(x, y)| y <= np || x >= b)
                    && o.np.as_ref().is_none_or(|n| n.end <= np || n.start >= b)
            }) {
                f.sent = i;
                out.push(f);
                out.sort_by_key(|f| f.spans[0].0);
            }
        }
        out
    }

    /// `Reporter Jo Kane says:` closing its paragraph, then a paragraph that opens with a
    /// quotation: the quotation is what was said.
    fn colon_lead(&self, body: &str, sents: &[Sent], i: usize, cues: &[Cue]) -> Option<Found> {
        let s = &sents[i];
        let toks = &s.toks;
        let colon = toks.len().checked_sub(1)?;
        if toks[colon].text(body) != ":" {
            return None;
        }
        let next = sents.get(i + 1).filter(|n| n.para == s.para + 1)?;
        let q = next.quotes.first().filter(|q| q.open == next.span.0)?;
        // The cue closes the sentence, bar a short listener or "in a statement".
        let &(c0, c1, _) = cues.iter().rev().find(|c| {
            !c.2 && colon - c.1 <= 5 && toks[c.1..colon].iter().all(|t| t.word && !t.quoted)
        })?;
        let np = np_before(self.lex, body, toks, c0)?;
        if np.kind == NpKind::Pronoun && i == 0 {
            return None;
        }
        Some(Found::cued(
            vec![self.quote_span(body, q)],
            Some((toks[c0].start, toks[c1 - 1].end)),
            np,
        ))
    }

    /// `Asked whether she would run, Smith said ...`, `When asked about the vote, ...`: the
    /// question put to the speaker is reported too, by nobody the sentence names. It runs from
    /// after "asked" (and "about") to the comma that closes the opening clause.
    fn asked(&self, body: &str, s: &Sent) -> Option<Found> {
        let toks = &s.toks;
        let word = |k: usize| plain_word(body, toks, k);
        let at = match word(0).as_deref() {
            Some("asked") => 0,
            Some("when" | "if") if word(1).as_deref() == Some("asked") => 1,
            _ => return None,
        };
        let from = if word(at + 1).as_deref() == Some("about") {
            at + 2
        } else {
            at + 1
        };
        // The comma outside a quotation, or one that a quotation closes on (`asked if he is
        // "realistic enough,"`, which ends after the closing mark).
        let (comma, end) = (from..toks.len().min(from + 40)).find_map(|k| {
            let t = &toks[k];
            if t.text(body) != "," {
                None
            } else if !t.quoted {
                Some((k, t.start))
            } else {
                s.quotes
                    .iter()
                    .find(|q| q.end == t.end || q.end == t.end + 1)
                    .map(|q| (k, q.close))
            }
        })?;
        if comma < from + 2 {
            return None;
        }
        Some(Found {
            sent: 0,
            spans: vec![trim_span(body, (toks[from].start, end), &[','])],
            cue: Some((toks[at].start, toks[from - 1].end)),
            np: None,
            floating: false,
        })
    }

    /// `Christie said ... when asked whether he would run`, `Ryan used the words when asked in
    /// May if he would endorse Trump`: the question put to the speaker, from its first word
    /// ("about", "whether", "if", "who", ...) to the next comma or the sentence's end, by the
    /// asker when "by" names one. Sentences that open with "asked" are [`Self::asked`]'s.
    fn when_asked(&self, body: &str, s: &Sent) -> Option<Found> {
        let toks = &s.toks;
        let word = |k: usize| plain_word(body, toks, k);
        let is = |k: usize, w: &str| {
            let t = &toks[k];
            t.word && !t.quoted && t.text(body).eq_ignore_ascii_case(w)
        };
        let first = toks.iter().position(|t| t.word)?;
        // Every sentence is scanned: compare in place, without lowercasing.
        let at = (first + 2..toks.len().saturating_sub(2))
            .find(|&k| is(k, "asked") && is(k - 1, "when"))?;
        let opens = |w: &str| {
            matches!(
                w,
                "about" | "whether" | "if" | "who" | "what" | "which" | "how" | "why" | "where"
            )
        };
        // "when asked by a reporter if ...", "when asked in May if ...": the asker or a time,
        // up to the question's first word.
        let k = at + 1;
        let from = (k..toks.len().min(k + 8)).find(|&m| word(m).as_deref().is_some_and(opens))?;
        let np = (is(k, "by") && from > k + 1)
            .then(|| np_before(self.lex, body, toks, from))
            .flatten()
            .filter(|n| n.start >= toks[k + 1].start);
        let end = (from + 1..toks.len())
            .find(|&m| {
                let t = &toks[m];
                !t.quoted && matches!(t.text(body), "," | ";" | ":" | "." | "?" | "!")
            })
            .map_or(s.span.1, |m| toks[m].start);
        let sp = trim_span(body, (toks[from].start, end), &[',']);
        if body[sp.0..sp.1].split_whitespace().count() < 2 {
            return None;
        }
        Some(Found {
            sent: 0,
            spans: vec![sp],
            cue: Some((toks[at].start, toks[at].end)),
            np,
            floating: false,
        })
    }

    /// "In a Valley Courier poll last week, Quist held a six-point lead": a poll, survey or
    /// study that opens the sentence is the source of the rest of it (when no cue is there).
    fn in_survey(&self, body: &str, s: &Sent) -> Option<Found> {
        let toks = &s.toks;
        let word = |k: usize, w: &[&str]| {
            toks.get(k)
                .is_some_and(|t| t.word && !t.quoted && speakers::in_set(w, t.text(body)))
        };
        if !word(0, &["in"])
            || !word(
                1,
                &[
                    "a", "an", "the", "this", "that", "its", "their", "one", "another",
                ],
            )
        {
            return None;
        }
        let comma = toks
            .iter()
            .take(14)
            .position(|t| t.quoted || t.text(body) == ",")
            .filter(|&c| toks[c].text(body) == ",")?;
        let head = (2..comma).rev().find(|&k| word(k, SURVEY_NOUNS))?;
        let words: Vec<&str> = toks[1..=head].iter().map(|t| t.text(body)).collect();
        let (_, name, role) = speakers::classify(self.lex, &words);
        let np = Np {
            start: toks[1].start,
            end: toks[head].end,
            kind: NpKind::Nominal,
            name,
            role,
        };
        let content = self.content_to_end(body, s, toks[comma].end)?;
        Some(Found::cued(
            vec![content],
            Some((toks[0].start, toks[0].end)),
            np,
        ))
    }

    /// "Obama was winning blacks by 28 points in the same poll", "Trump leads by 8 points in
    /// the survey, taken July 11-14": a poll that closes the clause is the source of what
    /// comes before it (when no cue is there).
    fn survey_after(&self, body: &str, s: &Sent) -> Option<Found> {
        let toks = &s.toks;
        let word = |k: usize| plain_word(body, toks, k);
        let (p, head) = (3..toks.len()).find_map(|p| {
            // Every sentence without a statement is scanned: compare in place.
            let t = &toks[p];
            if !(t.word && !t.quoted && t.text(body).eq_ignore_ascii_case("in")) {
                return None;
            }
            let head = (p + 2..toks.len().min(p + 8))
                .take_while(|&k| toks[k].word && !toks[k].quoted)
                .find(|&k| word(k).is_some_and(|w| matches!(&*w, "poll" | "polls" | "survey")))?;
            // The poll ends the clause, bar a time ("last month").
            let ends = toks.get(head + 1).is_none_or(|t| {
                matches!(t.text(body), "," | "." | ";")
                    || word(head + 1).is_some_and(|w| matches!(&*w, "last" | "this" | "released"))
            });
            // "sits at single digits in the polls": a standing, not a source.
            let standing = head == p + 2 && word(head).as_deref() == Some("polls");
            (ends && !standing).then_some((p, head))
        })?;
        let content = trim_span(body, (clause_start(body, s, p), toks[p].start), &[',']);
        if body[content.0..content.1].split_whitespace().count() < 3 || toks[0].quoted {
            return None;
        }
        let words: Vec<&str> = toks[p + 1..=head].iter().map(|t| t.text(body)).collect();
        let (_, name, role) = speakers::classify(self.lex, &words);
        let np = Np {
            start: toks[p + 1].start,
            end: toks[head].end,
            kind: NpKind::Nominal,
            name,
            role,
        };
        Some(Found::cued(
            vec![content],
            Some((toks[p].start, toks[p].end)),
            np,
        ))
    }

    /// The noun phrase that an `[object]` cue's content is, from token `k` (before `limit`):
    /// it ends at punctuation, a subordinating word, a time adjunct ("last week", "on
    /// Monday") or "and" before a verb ("... and has appeared at his side").
    fn object_phrase(&self, body: &str, toks: &[Token], k: usize, limit: usize) -> Option<Span> {
        let word = |j: usize| plain_word(body, toks, j);
        let time = |j: usize| {
            word(j).is_some_and(|w| {
                w.ends_with("day")
                    || matches!(&*w, "week" | "month" | "year" | "weekend" | "night")
                    || MONTHS.contains(&&*w)
            }) || toks
                .get(j)
                .is_some_and(|t| t.text(body).starts_with(|c: char| c.is_ascii_digit()))
        };
        let verb = |j: usize| {
            word(j).is_some_and(|w| {
                (w.ends_with("ed") && w.len() > 4)
                    || self.lex.cues.contains(&*w)
                    || matches!(
                        &*w,
                        "has"
                            | "have"
                            | "had"
                            | "is"
                            | "was"
                            | "are"
                            | "were"
                            | "will"
                            | "would"
                            | "could"
                            | "can"
                            | "did"
                            | "does"
                            | "then"
                    )
            })
        };
        let mut j = k;
        while j < limit {
            let t = &toks[j];
            if !t.quoted {
                if matches!(
                    t.text(body),
                    "," | ";" | ":" | "." | "!" | "?" | "—" | "–" | "--" | "("
                ) {
                    break;
                }
                let w = lower(body, t);
                let stop = matches!(
                    &*w,
                    "because"
                        | "after"
                        | "when"
                        | "while"
                        | "last"
                        | "as"
                        | "but"
                        | "if"
                        | "since"
                        | "until"
                        | "before"
                        | "despite"
                        | "amid"
                        | "even"
                        | "during"
                        | "at"
                        | "by"
                        | "who"
                        | "whose"
                        | "which"
                ) || (w == "and" && verb(j + 1))
                    || (matches!(&*w, "on" | "in" | "this" | "next" | "early" | "late")
                        && time(j + 1));
                if stop && j > k {
                    break;
                }
                if stop {
                    return None;
                }
            }
            j += 1;
        }
        (j > k).then(|| trim_span(body, (toks[k].start, toks[j - 1].end), &['.', ',']))
    }

    /// `The committee is expected to report this summer`, `Clinton seemed irritated`, `it
    /// appears that ...`: a raising verb (`[raising]` in cues.txt) gives the writer's reading of
    /// its subject, which nobody is said to have said. The statement is the subject and the
    /// complement, up to the end of the clause, with no speaker; "it" before the verb is no
    /// subject ("it seems [that ...]").
    fn raising(&self, body: &str, s: &Sent) -> Option<Found> {
        let toks = &s.toks;
        let word = |k: usize| plain_word(body, toks, k);
        let is = |k: usize, set: &[&str]| word(k).is_some_and(|w| set.contains(&&*w));
        let adverb = |k: usize| {
            word(k).is_some_and(|w| {
                w.ends_with("ly")
                    || matches!(
                        &*w,
                        "not"
                            | "also"
                            | "still"
                            | "now"
                            | "even"
                            | "never"
                            | "all"
                            | "both"
                            | "always"
                            | "often"
                            | "already"
                            | "just"
                            | "again"
                    )
            })
        };
        const AUX: &[&str] = &[
            "do", "does", "did", "may", "might", "would", "could", "will", "can", "should", "must",
            "has", "have", "had",
        ];
        // Most sentences have no raising verb: look for one without allocating.
        let v = (0..toks.len()).find(|&k| {
            let t = &toks[k];
            let mut buf = [0u8; lexicon::MAX_CUE_WORD];
            t.word
                && !t.quoted
                && lexicon::ascii_lower(t.text(body), &mut buf)
                    .is_some_and(|w| self.lex.raising.contains(w))
        })?;
        let expected = word(v).as_deref() == Some("expected");
        // The verb group: auxiliaries and adverbs before the verb ("is not widely expected",
        // "did not seem").
        let mut g = v;
        while g > 0 && adverb(g - 1) {
            g -= 1;
        }
        if expected {
            if g == 0 || !is(g - 1, BE_FORMS) || !is(v + 1, &["to"]) {
                return None;
            }
            g -= 1;
        }
        while g > 0 && (is(g - 1, AUX) || is(g - 1, BE_FORMS) || adverb(g - 1)) {
            g -= 1;
        }
        // What follows the verb: "to ...", or a complement ("seemed irritated"); not a place
        // or an occasion ("appeared at a rally", "appeared on television").
        let next = toks.get(v + 1).filter(|t| t.word)?;
        const NOT_COMPLEMENT: &[&str] = &[
            "at",
            "on",
            "in",
            "before",
            "with",
            "alongside",
            "during",
            "for",
            "from",
            "as",
            "outside",
            "inside",
            "near",
            "together",
            "onstage",
            "briefly",
            "by",
            "after",
            "and",
            "or",
            "but",
        ];
        let to = is(v + 1, &["to"]);
        if !to && (NOT_COMPLEMENT.contains(&&*lower(body, next))) {
            return None;
        }
        // "it seemed to me": whose reading follows.
        if to && is(v + 2, &["me", "us", "him", "her", "them"]) {
            return None;
        }
        // The subject: back to the clause's start. The clause must be a main one: in a
        // subordinate clause ("if it appears to ...", "said that the bid seems ..."), the
        // sentence's statement is another one's.
        const COORDINATORS: &[&str] = &["and", "but", "or", "so", "yet", "now"];
        const SUBORDINATORS: &[&str] = &[
            "because", "while", "although", "though", "if", "when", "whether", "since", "as",
            "that", "which", "who", "where", "once", "after", "before", "until", "unless", "what",
            "how", "why",
        ];
        let mut b = g;
        while b > 0 {
            let t = &toks[b - 1];
            if is(b - 1, SUBORDINATORS) {
                return None;
            }
            if t.quoted
                || matches!(
                    t.text(body),
                    "," | ";" | ":" | "—" | "–" | "-" | "--" | "(" | ")"
                )
                || is(b - 1, COORDINATORS)
            {
                break;
            }
            b -= 1;
        }
        if b == g || g - b > 12 || !toks[b].word {
            return None;
        }
        let subject = (toks[b].start, toks[g - 1].end);
        if g - b == 1 && is(b, &["there", "this"]) {
            return None;
        }
        // The clause ends at a colon, a semicolon, a dash, a parenthesis, or a comma before
        // a conjunction.
        const CLAUSE_CONJUNCTIONS: &[&str] = &[
            "and",
            "but",
            "while",
            "though",
            "although",
            "which",
            "as",
            "who",
            "where",
            "even",
            "according",
            "with",
        ];
        let end = (v + 1..toks.len())
            .find(|&k| {
                let t = &toks[k];
                !t.quoted
                    && (matches!(t.text(body), ";" | ":" | "—" | "–" | "--" | "(")
                        || (t.text(body) == "," && is(k + 1, CLAUSE_CONJUNCTIONS)))
            })
            .map_or(s.span.1, |k| toks[k].start);
        // "Trump seemed to suggest that ...", "voters appear to believe ...": a reporting or
        // stance verb after "to" is the cue, and the subject its source.
        if to
            && let Some(verb) = word(v + 2)
            && self.lex.cues.contains(&*verb)
        {
            let np = np_before(self.lex, body, toks, g)?;
            let k = skip_marks(body, toks, v + 3, &[":", ","]);
            let first = toks.get(k).filter(|t| t.start < end)?;
            let content = self.content_to(body, s, first.start, end)?;
            return Some(Found::cued(
                vec![content],
                Some((toks[g].start, toks[v + 2].end)),
                np,
            ));
        }
        let rest = trim_span(body, (next.start, end), &['.', ';', ',']);
        let rest = self.cut_tail(body, s, rest);
        if rest.0 >= rest.1 {
            return None;
        }
        let it = g - b == 1 && is(b, &["it"]);
        let spans = if it {
            if body[rest.0..rest.1].split_whitespace().count() < 3 {
                return None;
            }
            vec![rest]
        } else {
            vec![subject, rest]
        };
        Some(Found {
            sent: 0,
            spans,
            cue: Some((toks[g].start, toks[v].end)),
            np: None,
            floating: false,
        })
    }

    /// `Carly Fiorina: 'Bill Clinton's fair game.'` — a short name, a colon, then what was said.
    fn headline(&self, body: &str, sents: &[Sent], i: usize) -> Option<Found> {
        let s = &sents[i];
        let toks = &s.toks;
        let colon = toks.iter().take(12).position(|t| t.text(body) == ":")?;
        // "Rep. Dana Hollis (R-Ore.):" — a parenthesis before the colon is no part of the name.
        let label_end = match colon.checked_sub(1).map(|p| toks[p].text(body)) {
            Some(")") => toks[..colon].iter().rposition(|t| t.text(body) == "(")?,
            _ => colon,
        };
        if label_end == 0
            || toks[..label_end]
                .iter()
                .any(|t| t.quoted || !(t.word || t.text(body) == "."))
            || !toks[0].is_cap(body)
        {
            return None;
        }
        // "Obama To Asians Worried About the Vote:", "CNN President On Trump:": the speaker
        // comes before the topic or the audience.
        let opener = matches!(
            &*lower(body, &toks[0]),
            "according" | "follow" | "even" | "more" | "read" | "watch" | "click" | "core"
        );
        let label_end = (1..label_end)
            .filter(|_| !opener)
            .find(|&k| {
                matches!(
                    &*lower(body, &toks[k]),
                    "on" | "to" | "about" | "at" | "in" | "with" | "slams" | "says"
                )
            })
            .unwrap_or(label_end);
        let words: Vec<&str> = toks[..label_end].iter().map(|t| t.text(body)).collect();
        if words.len() == 1 && matches!(words[0], "Q" | "Update" | "UPDATE" | "Note" | "Editor") {
            return None;
        }
        // A clause before the colon ("Clinton has won three primaries:", "There is a risk:")
        // introduces a list or an explanation, not what its subject said.
        if words[1..].iter().any(|w| {
            AUXILIARIES.contains(w)
                || matches!(
                    *w,
                    "do" | "does" | "did" | "don't" | "seem" | "seems" | "made"
                )
        }) {
            return None;
        }
        // A transcript's label opens its paragraph ("MARSH: ...", "A: ..."): what follows, to
        // the paragraph's end, is what was said.
        let opens_para = opens_para(sents, i);
        let caps_label = words.len() == 1
            && words[0].len() >= 2
            && words[0].chars().all(|c| c.is_ascii_uppercase());
        if words == ["A"] && !opens_para {
            return None;
        }
        let (kind, name, role) = if caps_label {
            // "MARSH:" is a surname set in capitals.
            let mut n = words[0].lc();
            n[..1].make_ascii_uppercase();
            if self.lex.org_named(&n).is_some() {
                speakers::classify(self.lex, &words)
            } else {
                (NpKind::Name, vec![n], None)
            }
        } else {
            speakers::classify(self.lex, &words)
        };
        let np = Np {
            start: toks[0].start,
            end: toks[label_end - 1].end,
            kind,
            name,
            role,
        };
        if kind == NpKind::Pronoun {
            return None;
        }
        let mut content = self.content_to_end(body, s, toks.get(colon + 1)?.start)?;
        if opens_para && (caps_label || words == ["A"]) {
            let last = sents[i..].iter().take_while(|x| x.para == s.para).last()?;
            content.1 = trim_span(body, (content.0, last.span.1), &['.', ';']).1;
        }
        Some(Found {
            sent: 0,
            spans: vec![content],
            cue: Some((toks[colon].start, toks[colon].end)),
            np: Some(np),
            floating: false,
        })
    }

    fn content_to_end(&self, body: &str, s: &Sent, from: usize) -> Option<Span> {
        self.content_to(body, s, from, s.span.1)
    }

    /// Reported content from byte `from` up to byte `to` (at least three words, or an elliptical
    /// clause: "Flake said he would").
    fn content_to(&self, body: &str, s: &Sent, from: usize, to: usize) -> Option<Span> {
        if from >= to {
            return None;
        }
        let sp = trim_span(body, (from, to), &['.', ';']);
        let sp = trim_span(body, sp, &[',']);
        let sp = self.cut_tail(body, s, sp);
        let words = body[sp.0..sp.1].split_whitespace().count();
        (words >= 3 || (words == 2 && elliptical(&body[sp.0..sp.1]))).then_some(sp)
    }

    /// [`Self::content_to`], or for a cue that takes a stance or acts on something, a content of
    /// one or two words that names what it is about ("Ubben defended the company", "voters
    /// backed Sanders"). A speech or perception verb needs a clause ("said Thursday", "told
    /// POLITICO", "found alive").
    fn content_or_object(
        &self,
        body: &str,
        s: &Sent,
        from: usize,
        to: usize,
        cue_word: &str,
    ) -> Option<Span> {
        self.content_to(body, s, from, to).or_else(|| {
            if from >= to || SPEECH_VERBS.contains(cue_word) {
                return None;
            }
            let sp = trim_span(body, (from, to), &['.', ';', ',']);
            short_object(&body[sp.0..sp.1]).then_some(sp)
        })
    }

    /// A listed cue in its -ing form ("adding", "saying", "referring to").
    fn speech_participle(&self, w: &str) -> bool {
        w.ends_with("ing")
            && (self.lex.cues.contains(w) || self.lex.cue_phrases_by_first.contains_key(w))
    }

    /// What was said ends before a second reporting verb of the same sentence ("... and
    /// called on leaders to ...", "... but noted that ...").
    fn cut_tail(&self, body: &str, s: &Sent, sp: Span) -> Span {
        // Tokens are in text order: the content's are one slice, found without copying.
        let lo = s.toks.partition_point(|t| t.start < sp.0);
        let hi = s.toks.partition_point(|t| t.end <= sp.1).max(lo);
        let toks = &s.toks[lo..hi];
        let mut words = 0;
        // Was the last word before this token inside a quotation?
        let mut last_word_quoted = false;
        for (i, t) in toks.iter().enumerate() {
            let after_quote = last_word_quoted;
            if t.word {
                words += 1;
                last_word_quoted = t.quoted;
            }
            if t.quoted || words < 3 {
                continue;
            }
            let w = lower(body, t);
            // `… called the pact “insanity,” adding that …`: a reporting participle right after
            // a quotation opens a statement of its own; the quotation closes this one.
            if after_quote
                && self.speech_participle(&w)
                && toks[i..].iter().filter(|x| x.word).count() >= 3
            {
                return trim_span(body, (sp.0, t.start), &[',', ';']);
            }
            if !matches!(&*w, "and" | "but") {
                continue;
            }
            let second_cue = toks.get(i + 1).is_some_and(|n| {
                let w = lower(body, n);
                n.word
                    && !n.quoted
                    && self.lex.cues.contains(&*w)
                    && !self.lex.noun_cues.contains(&*w)
                    // "... tired of the status quo and wanted a candidate ...": a position
                    // after "and" goes on with the content's own subject as often as not.
                    && !self.lex.named_stance_cues.contains(&*w)
                    && (w.ends_with("ed") || w == "said" || w == "told")
            });
            if second_cue {
                let end = trim_span(body, (sp.0, t.start), &[',', ';']);
                if body[end.0..end.1].split_whitespace().count() >= 3 {
                    return end;
                }
            }
        }
        sp
    }

    /// The source after "according to" (ending at token `c1`): whatever follows up to the next
    /// comma or stop; with the index of the token after it.
    fn according_source(&self, body: &str, toks: &[Token], c1: usize) -> Option<(Np, usize)> {
        let mut e = c1;
        while e < toks.len()
            && !toks[e].quoted
            && !matches!(toks[e].text(body), "," | "." | ";" | ":" | "!" | "?")
            && e - c1 < 30
        {
            e += 1;
        }
        if e == c1 {
            return None;
        }
        let words: Vec<&str> = toks[c1..e].iter().map(|t| t.text(body)).collect();
        let (kind, name, role) = speakers::classify(self.lex, &words);
        let np = Np {
            start: toks[c1].start,
            end: toks[e - 1].end,
            kind,
            name,
            role,
        };
        Some((np, e))
    }

    /// "according to X, CONTENT", "CONTENT, according to X" and "A, according to X, B".
    fn according(&self, body: &str, s: &Sent, c0: usize, c1: usize) -> Option<Found> {
        let toks = &s.toks;
        let (np, e) = self.according_source(body, toks, c1)?;
        let leading = toks[..c0].iter().all(|t| {
            !t.word || matches!(&*lower(body, t), "but" | "and" | "yet" | "however" | "also")
        });
        let cue = Some((toks[c0].start, toks[c1 - 1].end));
        let after_comma = toks.get(e).is_some_and(|t| t.text(body) == ",");
        let mut spans = Vec::new();
        if !leading {
            let mut from = clause_start(body, s, c0);
            // "... pledged delegates, which stood at 263, according to the AP": what the
            // source gives is the modifier after the last comma, not the clause it hangs on.
            let comma_before = c0.checked_sub(1).filter(|&p| toks[p].text(body) == ",");
            if let Some(p) = toks[..comma_before.unwrap_or(c0)]
                .iter()
                .rposition(|t| !t.quoted && t.text(body) == ",")
                .filter(|&p| toks[p].start >= from)
                && toks
                    .get(p + 1)
                    .is_some_and(|t| !t.quoted && matches!(&*lower(body, t), "which" | "where"))
            {
                from = toks[p + 1].start;
            }
            let sp = trim_span(body, (from, toks[c0].start), &[',', '—', '-', '(']);
            if sp.1 > sp.0 {
                spans.push(sp);
            }
        }
        if after_comma && toks.len() > e + 1 {
            // "At the heart of it, according to X, was a decision ..."
            if let Some(sp) = self.content_to_end(body, s, toks[e + 1].start) {
                spans.push(sp);
            }
        }
        if spans.is_empty() {
            return None;
        }
        Some(Found::cued(spans, cue, np))
    }

    /// `"Q," said Hegseth` and `CONTENT, said Smith`.
    fn inverted(&self, body: &str, s: &Sent, cues: &[Cue], c0: usize, c1: usize) -> Option<Found> {
        let toks = &s.toks;
        let prev = c0.checked_sub(1).map(|p| &toks[p])?;
        let pt = prev.text(body);
        let after_quote = s.quotes.iter().any(|q| {
            q.close <= toks[c0].start
                && body[q.close..toks[c0].start]
                    .trim()
                    .trim_matches(',')
                    .is_empty()
        });
        if !(pt == "," || after_quote) {
            return None;
        }
        // Only a finite verb inverts, and never "told": in "..., telling the crowd, “Q”" and
        // "“Q,” told the AP" the phrase after the cue is whom the speaker addressed.
        let cue_word = lower(body, &toks[c0]);
        if cue_word.ends_with("ing") || matches!(&*cue_word, "tell" | "tells" | "told") {
            return None;
        }
        if !after_quote
            && np_before(self.lex, body, toks, c0).is_some_and(|n| n.kind != NpKind::Pronoun)
        {
            // "Smith, who hosted the meeting, said ...": the subject form.
            return None;
        }
        let np = np_after(self.lex, body, toks, c1).or_else(|| {
            after_quote
                .then(|| description_closing(body, toks, c1))
                .flatten()
        })?;
        if np.kind == NpKind::Pronoun && !after_quote {
            return None;
        }
        // `"fraud," said he doubts it`: a pronoun followed by more of its clause is the
        // subject of what was said, not an inverted speaker ("said he." or "said he, ...").
        if np.kind == NpKind::Pronoun
            && toks
                .iter()
                .find(|t| t.start >= np.end)
                .is_some_and(|t| t.word && !t.quoted && !self.is_adjunct_opener(body, t))
        {
            return None;
        }
        // "said tensions were higher" is a that-less clause, not an inverted speaker: the
        // speaker phrase must end the clause.
        let next = toks
            .iter()
            .find(|t| t.start >= np.end)
            .map(|t| lower(body, t));
        if next.is_some_and(|n| AUXILIARIES.contains(&&*n) || matches!(&*n, "did" | "do" | "does"))
        {
            return None;
        }
        // "said taxes would rise" is not a speaker: a description needs a determiner or a
        // generic head ("said the minister", "said officials").
        if np.kind == NpKind::Nominal {
            let first_word = body[np.start..np.end]
                .split_whitespace()
                .next()
                .unwrap_or("");
            // "said Rubio's campaign manager": a name's possessive is a determiner too.
            let possessive = first_word.starts_with(char::is_uppercase)
                && strip_possessive(first_word).len() < first_word.len();
            let first = first_word.lc();
            if !possessive
                && !matches!(
                    first.as_str(),
                    "the"
                        | "a"
                        | "an"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "one"
                        | "another"
                        | "two"
                        | "three"
                        | "several"
                        | "some"
                        | "many"
                )
                && !speakers::is_generic(np.text(body))
            {
                return None;
            }
        }
        let mut spans: Vec<Span> = s
            .quotes
            .iter()
            .filter(|q| q.end <= toks[c0].start)
            .map(|q| self.quote_span(body, q))
            .collect();
        self.extend_to_lead(body, s, &mut spans);
        if spans.is_empty() {
            let sp = trim_span(body, (s.span.0, toks[c0].start), &[',']);
            if body[sp.0..sp.1].split_whitespace().count() < 3 {
                return None;
            }
            spans.push(sp);
            // `The contrast, said Doyle, would be clear`: the sentence goes on after the
            // speaker with its verb; that is said too.
            let after = toks.iter().position(|t| t.start >= np.end).and_then(|a| {
                (a..(a + 4).min(toks.len()))
                    .take_while(|&p| !toks[p].quoted)
                    .find(|&p| !toks[p].word)
            });
            if let Some(a) = after.filter(|&a| {
                toks[a].text(body) == ","
                    && toks.get(a + 1).is_some_and(|t| {
                        t.word && !t.quoted && AUXILIARIES.contains(&&*lower(body, t))
                    })
            }) && let Some(rest) = self.content_to_end(body, s, toks[a + 1].start)
            {
                spans.push(rest);
            }
        }
        // Split quotation: `"X," said Smith, "Y."`, up to a later cue's own clause ("said
        // Smith, who thinks ...").
        let limit = Self::clause_stop(body, toks, cues, c1).map_or(s.span.1, |k| toks[k].start);
        spans.extend(
            s.quotes
                .iter()
                .filter(|q| q.start >= np.end && q.end <= limit)
                .map(|q| self.quote_span(body, q)),
        );
        Some(Found {
            sent: 0,
            spans,
            cue: Some((toks[c0].start, toks[c1 - 1].end)),
            np: Some(np),
            floating: false,
        })
    }

    /// `Belgium failed to act and "should have acted sooner," said X`: words before the first
    /// quotation belong to the statement (a mixed one).
    fn extend_to_lead(&self, body: &str, s: &Sent, spans: &mut [Span]) {
        let Some(first) = spans.first_mut() else {
            return;
        };
        let Some(q) = s
            .quotes
            .iter()
            .find(|q| q.start <= first.0 && first.0 < q.end)
        else {
            return;
        };
        if q.open < s.span.0 {
            return; // the quotation began in an earlier sentence
        }
        let lead = &body[s.span.0..q.open];
        if lead.split_whitespace().count() >= 3 && !lead.trim_end().ends_with([':', ',']) {
            first.0 = trim_span(body, (s.span.0, first.1), &[]).0;
        }
    }

    /// Where the statement of the cue ending at token `c1` stops: the comma before a later cue
    /// of the sentence that says a statement of its own (", adding, ...", ", though he said
    /// ...", ", who thinks ..."), or the "and" or "but" before a subject of its own and a cue
    /// that opens a quotation ("a woman asked for a photo and Clinton said, “Q”"; not "... and
    /// said", nor "... and the nation has to act"), as a token index. `cues` are in token
    /// order.
    fn clause_stop(body: &str, toks: &[Token], cues: &[Cue], c1: usize) -> Option<usize> {
        (c1..toks.len()).find(|&k| {
            let t = &toks[k];
            let w = t.text(body);
            let comma = w == ",";
            let and = t.word
                && !t.quoted
                && (w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("but"));
            (comma || and)
                && Self::cue_after_comma(toks, cues, k).is_some_and(|m| {
                    comma
                        || (m > k + 1
                            && toks
                                .get(m + 1)
                                .is_some_and(|n| n.quoted || matches!(n.text(body), "," | ":")))
                })
        })
    }

    /// The first cue among the three words after the comma at token `k` (none when a quotation
    /// or a punctuation mark comes first), as a token index.
    fn cue_after_comma(toks: &[Token], cues: &[Cue], k: usize) -> Option<usize> {
        (k + 1..(k + 4).min(toks.len()))
            .take_while(|&m| toks[m].word && !toks[m].quoted)
            .find(|&m| cues.binary_search_by_key(&m, |c| c.0).is_ok())
    }

    /// The end (byte) of the last other cue of the sentence before byte `before`: a quotation
    /// ahead of it is that cue's, not a later one's.
    fn prior_cue_end(toks: &[Token], cues: &[Cue], c0: usize, before: usize) -> usize {
        cues.iter()
            .filter(|c| c.0 < c0 && toks[c.1 - 1].end <= before)
            .map(|c| toks[c.1 - 1].end)
            .max()
            .unwrap_or(0)
    }

    /// `"Q," Graham said, adding, "R."` and `..., adding that ...`: what a participle cue after
    /// a comma introduces is a statement of its own, by `np`, the speaker of the statement
    /// before it in the sentence.
    fn participial(
        &self,
        body: &str,
        s: &Sent,
        cues: &[Cue],
        c0: usize,
        c1: usize,
        np: Np,
    ) -> Option<Found> {
        let toks = &s.toks;
        let limit = Self::clause_stop(body, toks, cues, c1).map_or(s.span.1, |k| toks[k].start);
        let cue = Some((toks[c0].start, toks[c1 - 1].end));
        let k = skip_marks(body, toks, c1, &[":", ","]);
        let first = toks.get(k).filter(|t| t.start < limit)?;
        let opens_quote = s
            .quotes
            .iter()
            .any(|q| q.open >= toks[c1 - 1].end && q.open <= first.start);
        if opens_quote || first.quoted {
            let spans: Vec<Span> = s
                .quotes
                .iter()
                .filter(|q| q.start >= toks[c1 - 1].end && q.end <= limit)
                .map(|q| self.quote_span(body, q))
                .collect();
            if !spans.is_empty() {
                return Some(Found::cued(spans, cue, np));
            }
        }
        let content = self.content_to(body, s, first.start, limit)?;
        Some(Found::cued(vec![content], cue, np))
    }

    fn quote_span(&self, body: &str, q: &Quote) -> Span {
        trim_span(body, (q.start, q.end), &[','])
    }

    /// Tokens the learned model takes for cues, outside the listed cues and the quotations
    /// (`keys` from [`learned::keys`] of the sentence). Each is its first token and the token
    /// after it.
    fn learned_cues(
        &self,
        body: &str,
        toks: &[Token],
        keys: &[learned::Key],
        listed: &[Cue],
    ) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = Vec::new();
        if self.model.is_empty() {
            return out;
        }
        let mut i = 0;
        while i < toks.len() {
            // The listed cues are in token order and do not overlap: the one at or after
            // token i is found by bisection (a sentence may hold thousands of them).
            let at = listed.partition_point(|c| c.1 <= i);
            if learned::candidate(body, &toks[i])
                && listed.get(at).is_none_or(|c| c.0 > i)
                && self.model.score(keys, i) > learned::START
            {
                // A cue runs on over the words the model adds to it. One that runs into a
                // listed cue ("has [ruled out]", "also [emphasised]") is that cue's; one with
                // a raising verb ("are expected", "seemed") is no cue (see `raising`).
                let next_listed = listed
                    .get(listed.partition_point(|c| c.0 <= i))
                    .map(|c| c.0);
                let end = self.model.cue_end(keys, i);
                let raising = toks[i..end]
                    .iter()
                    .any(|t| self.lex.raising.contains(&*lower(body, t)));
                match next_listed.filter(|&l| l <= end) {
                    Some(l) => i = l,
                    None if raising => i = end,
                    None => {
                        out.push((i, end));
                        i = end;
                    }
                }
            } else {
                i += 1;
            }
        }
        out
    }

    /// `Sanders voiced his disapproval of the ruling.`: a cue the model found introduces what
    /// follows it, up to the end of its clause, said or held by the subject before it.
    fn by_learned_cue(
        &self,
        body: &str,
        s: &Sent,
        keys: &[learned::Key],
        cues: &[Cue],
        c0: usize,
        c1: usize,
    ) -> Option<Found> {
        let toks = &s.toks;
        if after_be(body, toks, c0) && lower(body, &toks[c0]).ends_with("ed") {
            return None;
        }
        let np = self.subject_np(body, toks, c0)?;
        let limit = Self::clause_stop(body, toks, cues, c1).map_or(s.span.1, |k| toks[k].start);
        let cue = Some((toks[c0].start, toks[c1 - 1].end));
        // `"Q," Kelly charged in her opening question.`: the quotation the speaker phrase
        // follows is what was charged, when the cue closes the sentence bar an adjunct (not
        // `"Q," Ramos said, referring to ...`, nor a quotation going on after the cue).
        let next = toks.get(c1).filter(|t| t.start < limit);
        let closes = next.is_none_or(|t| t.word && !t.quoted && self.is_adjunct_opener(body, t));
        let participle = lower(body, &toks[c0]).ends_with("ing");
        if closes
            && !participle
            && let Some(q) = s.quotes.iter().find(|q| {
                q.closed
                    && body
                        .get(s.span.0..q.open)
                        .is_some_and(|lead| lead.trim().is_empty())
                    && body
                        .get(q.close..np.start)
                        .is_some_and(|b| b.trim().trim_matches(',').trim().is_empty())
            })
        {
            return Some(Found::cued(vec![self.quote_span(body, q)], cue, np));
        }
        let mut k = skip_marks(body, toks, c1, &[":", ",", "—", "-"]);
        // "called on Thursday for ...": a day named right after the cue is no part of what
        // was said.
        let day = |t: &Token| {
            let w = lower(body, t);
            w.ends_with("day") || matches!(&*w, "tonight" | "week" | "month" | "year")
        };
        if toks.get(k).is_some_and(|t| day(t) && !t.quoted) {
            k += 1;
        } else if toks
            .get(k)
            .is_some_and(|t| matches!(&*lower(body, t), "on" | "last" | "this" | "late" | "early"))
            && toks.get(k + 1).is_some_and(day)
        {
            k += 2;
        }
        let first = toks.get(k).filter(|t| t.start < limit)?;
        // The content runs on over the words the model adds to it.
        let mut j = k + 1;
        while j < toks.len() && toks[j].start < limit && self.model.content_goes_on(keys, k, j) {
            j += 1;
        }
        let content = self.content_or_object(
            body,
            s,
            first.start,
            toks[j - 1].end,
            &lower(body, &toks[c0]),
        )?;
        Some(Found::cued(vec![content], cue, np))
    }

    /// `Smith said (that) ...`, `Smith said: "..."`, `"Q," Smith said`, `CONTENT, Smith said.`
    fn subject(&self, body: &str, s: &Sent, cues: &[Cue], c0: usize, c1: usize) -> Option<Found> {
        let toks = &s.toks;
        // A passive ("deliveries are expected", "he was told") reports nobody's words.
        let cue_word = lower(body, &toks[c0]);
        let participle = cue_word.ends_with("ed")
            || matches!(
                &*cue_word,
                "told"
                    | "known"
                    | "seen"
                    | "found"
                    | "shown"
                    | "written"
                    | "thought"
                    | "said"
                    | "sought"
            );
        if participle && after_be(body, toks, c0) {
            return None;
        }
        let np = self
            .subject_np(body, toks, c0)
            .or_else(|| self.description_after_quote(body, s, c0))?;
        let cue = Some((toks[c0].start, toks[c1 - 1].end));
        // The sentence's other cues bound this statement: a quotation before an earlier cue is
        // that cue's, and what follows stops at a later cue's own clause.
        let prior = Self::prior_cue_end(toks, cues, c0, np.start);
        let stop = Self::clause_stop(body, toks, cues, c1);
        // The stop as a token index and as a byte.
        let bounds = |stop: Option<usize>| {
            (
                stop.unwrap_or(toks.len()),
                stop.map_or(s.span.1, |k| toks[k].start),
            )
        };
        let (limit_tok, limit) = bounds(stop);
        let quotes_before: Vec<Span> = s
            .quotes
            .iter()
            .filter(|q| q.start >= prior && q.end <= np.start)
            .map(|q| self.quote_span(body, q))
            .collect();
        let quotes_after: Vec<&Quote> = s
            .quotes
            .iter()
            .filter(|q| q.start >= toks[c1 - 1].end && q.end <= limit)
            .collect();
        // `"Q," Smith said [, "R."]`: the speaker phrase directly after a quotation.
        // Also `"Q," Rep. Hunter's chief of staff, Joe Kasper, told ...`: a quotation that
        // opens the sentence, then the whole speaker phrase (up to twenty words, no other
        // quotation) before the cue.
        let opening_quote = s.quotes.first().filter(|q| {
            q.start >= prior
                && q.close <= np.start
                && body
                    .get(s.span.0..q.open)
                    .is_some_and(|lead| lead.trim().is_empty())
                && body.get(q.close..toks[c0].start).is_some_and(|between| {
                    between
                        .trim_start()
                        .starts_with(|c: char| c.is_alphabetic() || c == ',')
                })
                && !s
                    .quotes
                    .iter()
                    .any(|o| o.open >= q.close && o.open < toks[c0].start)
                && toks
                    .iter()
                    .filter(|t| t.word && t.start >= q.close && t.end <= toks[c0].start)
                    .count()
                    <= 20
        });
        let right_after_quote = opening_quote.is_some()
            || s.quotes.iter().any(|q| {
                q.start >= prior
                    && q.close <= np.start
                    && body[q.close..np.start].trim().trim_matches(',').is_empty()
            });
        // ... unless the quotation is not where the sentence starts and a clause of its own
        // follows the cue: in `To a question on "jobs," Sanders said private contractors cost
        // more`, the quotation is the question, not the answer.
        // A colon right before the quotation introduces it as what was said ("In an ad: "Q,"
        // the senator says directly to the camera").
        let lead_words = s
            .quotes
            .first()
            .filter(|q| q.open >= s.span.0 && !body[s.span.0..q.open].trim_end().ends_with(':'))
            .map_or(0, |q| body[s.span.0..q.open].split_whitespace().count());
        if right_after_quote && !(lead_words >= 2 && self.clause_follows(body, toks, c1)) {
            let mut spans = quotes_before;
            self.extend_to_lead(body, s, &mut spans);
            spans.extend(quotes_after.iter().map(|q| self.quote_span(body, q)));
            return Some(Found::cued(spans, cue, np));
        }
        // `This campaign, he says, is different.`: the cue set off by commas mid-sentence;
        // not when a quotation follows the comma (`In Las Vegas, Trump said, "Q."`, where
        // the words before are an adjunct and the quotation is what was said).
        let np_tok = toks.iter().position(|t| t.start == np.start);
        let quote_follows = toks.get(c1).is_some_and(|comma| {
            s.quotes
                .iter()
                .any(|q| q.open >= comma.end && body[comma.end..q.open].trim().is_empty())
        });
        let set_off = np_tok.filter(|&nt| nt > 1 && toks[nt - 1].text(body) == ",");
        // The sentence's verb right after the closing comma ("His wife, he says, plans to
        // leave") is what was said, not a clause of its own (a participle, "adding", is).
        let (limit_tok, limit) = if stop == Some(c1)
            && set_off.is_some()
            && Self::cue_after_comma(toks, cues, c1)
                .is_some_and(|m| !toks[m].text(body).ends_with("ing"))
        {
            bounds(Self::clause_stop(body, toks, cues, c1 + 1))
        } else {
            (limit_tok, limit)
        };
        if let Some(nt) = set_off
            && toks.get(c1).is_some_and(|t| t.text(body) == ",")
            && !quote_follows
            && c1 + 1 < limit_tok
        {
            let before = trim_span(body, (s.span.0, toks[nt - 1].start), &[]);
            // The words before carry the clause too: "This campaign, he says, is different"
            // is three words of what was said around the cue.
            let after = self
                .content_to(body, s, toks[c1 + 1].start, limit)
                .or_else(|| {
                    let sp = trim_span(body, (toks[c1 + 1].start, limit), &['.', ';', ',']);
                    let words = |a: Span| body[a.0..a.1].split_whitespace().count();
                    (sp.1 > sp.0 && words(before) + words(sp) >= 3).then_some(sp)
                });
            if let Some(after) = after.filter(|_| before.1 > before.0) {
                let mut spans = vec![before, after];
                spans.retain(|sp| sp.1 > sp.0);
                return Some(Found::cued(spans, cue, np));
            }
        }
        // `The plan is doomed, officials said.`: the words before the speaker say it, when the
        // cue closes the sentence bar a short adjunct ("on Tuesday"; after "told", the listener
        // too: "told POLITICO earlier this week").
        let trailing = toks[c1..limit_tok.max(c1)]
            .iter()
            .filter(|t| t.word)
            .count();
        let told = matches!(&*cue_word, "told" | "tells" | "tell");
        let sp = trim_span(body, (s.span.0, np.start), &[',', '—']);
        // `..., she said in a video message to the convention.`: a phrase opened by a
        // preposition or a time word closes the sentence, however long, when it holds no
        // quotation, no "that" and no pronoun that would open a clause of its own ("said in
        // an interview he would"); and the words before are no such phrase themselves, nor
        // the speaker's title before an apposition ("X's defence minister, Ada Brook, called
        // on Thursday for ...").
        let adjunct_tail = trailing <= 12
            && toks
                .iter()
                .find(|t| t.start >= np.end)
                .is_some_and(|t| t.start == toks[c0].start)
            && toks
                .get(c1)
                .is_some_and(|t| t.word && !t.quoted && self.is_adjunct_opener(body, t))
            && toks[c1..limit_tok.max(c1)].iter().all(|t| {
                !t.quoted
                    && !matches!(
                        &*lower(body, t),
                        "that" | "he" | "she" | "they" | "we" | "i" | "it" | "you"
                    )
            })
            && toks
                .iter()
                .find(|t| t.word && t.start >= sp.0)
                .is_some_and(|t| !self.is_adjunct_opener(body, t));
        let clause = (trailing <= 4 || (told && trailing <= 9) || adjunct_tail)
            && body[sp.0..sp.1].split_whitespace().count() >= 3
            && body[sp.1..np.start].contains(',');
        // What follows the cue: skip the listener of "told", then ":" or ",".
        let mut k = c1;
        if matches!(
            &*cue_word,
            "told"
                | "tell"
                | "tells"
                | "telling"
                | "assured"
                | "assure"
                | "assures"
                | "urged"
                | "warned"
                | "asked"
        ) {
            let lim = (k + 8).min(toks.len());
            // `told POLITICO she was leaning toward Cruz`: a subject pronoun after the
            // listener opens what was said.
            let pronoun_after_listener = (k + 1..lim).find(|&p| {
                toks[p].word
                    && !toks[p].quoted
                    && matches!(&*lower(body, &toks[p]), "he" | "she" | "they" | "we" | "i")
                    && toks[k..p].iter().all(|t| t.word && !t.quoted)
            });
            if let Some(p) = (k..lim).find(|&p| {
                toks[p].quoted
                    || matches!(toks[p].text(body), ":" | "," | "that")
                    || lower(body, &toks[p]) == "that"
            }) {
                k = p;
            } else if let Some(p) = pronoun_after_listener.filter(|_| told) {
                k = p;
            } else if told && clause && quotes_before.is_empty() {
                // `The union will sit it out, Phil Smith told the Ledger this week.`: with no
                // marker after it, what follows is the listener; the words before say it.
                return Some(Found::cued(vec![sp], cue, np));
            }
        }
        k = skip_marks(body, toks, k, &[":", ",", "—", "-"]);
        // "said on Facebook: “Q”", "said in a statement: ...": an adjunct, then the colon that
        // introduces what was said (not when "that" comes first), after a verb of speech ("hopes
        // to win them over: ..." has no adjunct).
        if k < limit_tok
            && SPEECH_VERBS.contains(&cue_word)
            && toks[k].word
            && !toks[k].quoted
            && self.is_adjunct_opener(body, &toks[k])
            && let Some(colon) = (k..(k + 14).min(limit_tok))
                .take_while(|&p| {
                    !toks[p].quoted && !toks[p].text(body).eq_ignore_ascii_case("that")
                })
                .find(|&p| toks[p].text(body) == ":")
        {
            k = skip_marks(body, toks, colon, &[":"]);
        }
        // "said Tuesday that ...", "said Friday night the vote ...": a bare weekday is a time
        // adjunct, not what was said (but "said Tuesday was the deadline").
        if k < limit_tok
            && !toks[k].quoted
            && is_weekday(&lower(body, &toks[k]))
            && !toks
                .get(k + 1)
                .is_some_and(|t| AUXILIARIES.contains(&&*lower(body, t)))
        {
            k += 1;
            if toks.get(k).is_some_and(|t| {
                !t.quoted
                    && matches!(
                        &*lower(body, t),
                        "morning" | "afternoon" | "evening" | "night"
                    )
            }) {
                k += 1;
            }
        }
        if k < limit_tok {
            let from = toks[k].start;
            // `Smith said: "Q."` — the quotation takes the rest of the sentence.
            if let Some(q) = quotes_after
                .first()
                .filter(|q| q.open <= from + 3 && q.open + 3 >= from.saturating_sub(3))
            {
                let rest = body[q.close..limit.max(q.close)]
                    .trim()
                    .trim_matches(|c: char| c.is_ascii_punctuation());
                if rest.split_whitespace().count() <= 2 {
                    let mut spans = quotes_before;
                    spans.push(self.quote_span(body, q));
                    return Some(Found::cued(spans, cue, np));
                }
            }
            // Trailing adjuncts after a cue that closes the sentence ("he said on Tuesday").
            let adjunct = TIME_ADJUNCTS.contains(&lower(body, &toks[k]));
            // "said on Wednesday that ...", "said in a statement that ...".
            let from = if adjunct {
                let lim = (k + 14).min(limit_tok);
                (k..lim)
                    .take_while(|&p| !toks[p].quoted)
                    .find(|&p| lower(body, &toks[p]) == "that")
                    .map(|p| toks[p].start)
            } else {
                Some(from)
            };
            // "Christie endorsed Trump last week and has ...": the object alone.
            if !adjunct
                && self.lex.object_cues.contains(&*cue_word)
                && let Some(object) = self.object_phrase(body, toks, k, limit_tok)
            {
                return Some(Found::cued(vec![object], cue, np));
            }
            if let Some(content) =
                from.and_then(|f| self.content_or_object(body, s, f, limit, &cue_word))
            {
                return Some(Found::cued(vec![content], cue, np));
            }
        }
        if let Some(last) = quotes_before.last() {
            // `Leaders became more "conversant" about the issue, Ban said.`: a quoted fragment
            // inside reported speech; the statement is the whole clause (a mixed one).
            let words_after = toks
                .iter()
                .filter(|t| t.word && !t.quoted && t.start >= last.1 && t.end <= sp.1)
                .count();
            if clause && words_after >= 3 && sp.0 <= quotes_before[0].0 {
                return Some(Found::cued(vec![sp], cue, np));
            }
            return Some(Found::cued(quotes_before, cue, np));
        }
        clause.then(|| Found::cued(vec![sp], cue, np))
    }

    /// `"Q," the host said`: between a quotation and its cue, a description speaks whatever
    /// its head noun (the word lists know "spokesman", not every trade): a determiner and at
    /// most three more lowercase words.
    fn description_after_quote(&self, body: &str, s: &Sent, c0: usize) -> Option<Np> {
        let toks = &s.toks;
        let cue_at = toks[c0].start;
        let q = s
            .quotes
            .iter()
            .rev()
            .find(|q| q.closed && q.close <= cue_at)?;
        let between: Vec<&Token> = toks
            .iter()
            .filter(|t| t.start >= q.close && t.end <= cue_at)
            .skip_while(|t| t.text(body) == ",")
            .collect();
        let (first, rest) = between.split_first()?;
        let det = lower(body, first);
        if !matches!(&*det, "the" | "a" | "an" | "one")
            || rest.is_empty()
            || rest.len() > 3
            || !rest.iter().all(|t| {
                t.word
                    && !t.quoted
                    && t.text(body).starts_with(|c: char| c.is_lowercase())
                    && !speakers::PRONOUNS.contains(&&*lower(body, t))
            })
        {
            return None;
        }
        let words: Vec<&str> = between.iter().map(|t| t.text(body)).collect();
        let (kind, name, role) = speakers::classify(self.lex, &words);
        (kind == NpKind::Nominal).then(|| Np {
            start: first.start,
            end: rest[rest.len() - 1].end,
            kind,
            name,
            role,
        })
    }

    /// Does a clause of its own follow the cue ending at token `c1` (at least four unquoted
    /// words, not opened by a preposition or a time word as in "said on Tuesday")?
    fn clause_follows(&self, body: &str, toks: &[Token], c1: usize) -> bool {
        // A manner adverb first ("said directly to the camera") opens no clause either.
        let mut c1 = c1;
        while toks.get(c1).is_some_and(|t| {
            t.word && !t.quoted && t.text(body).len() > 4 && t.text(body).ends_with("ly")
        }) {
            c1 += 1;
        }
        let Some(first) = toks.get(c1).filter(|t| t.word && !t.quoted) else {
            return false;
        };
        if self.is_adjunct_opener(body, first) {
            return false;
        }
        toks[c1..]
            .iter()
            .take_while(|t| !t.quoted && !matches!(t.text(body), "." | "!" | "?"))
            .filter(|t| t.word)
            .count()
            >= 4
    }

    /// Does the word at token `first`, opening a sentence, open an adjunct or a clause before
    /// the subject: a preposition or time word ("In a speech, ..."), a subordinator ("Like
    /// Sanders, ...", "Although ..."), a participle followed by its own words ("Asked about
    /// ...", "Speaking to reporters, ...", "Having announced ...", not "Manning, a senator"),
    /// or a sentence adverb set off by a comma ("Likewise, ...")?
    fn opens_adjunct(&self, body: &str, toks: &[Token], first: usize) -> bool {
        let w = lower(body, &toks[first]);
        let next = toks.get(first + 1);
        let comma_next = next.is_some_and(|t| t.text(body) == ",");
        let word_next = next.is_some_and(|t| t.word && !t.quoted && !t.is_cap(body));
        self.is_adjunct_opener(body, &toks[first])
            || CLAUSE_OPENERS.contains(&w)
            || (word_next && w.len() >= 5 && (w.ends_with("ing") || w.ends_with("ed")))
            || (comma_next && SENTENCE_ADVERBS.contains(&w))
    }

    /// A preposition or time word that opens an adjunct after a cue ("said on Tuesday",
    /// "said Tuesday").
    fn is_adjunct_opener(&self, body: &str, t: &Token) -> bool {
        let w = lower(body, t);
        TIME_ADJUNCTS.contains(&w) || OTHER_ADJUNCTS.contains(&w) || is_weekday(&w)
    }

    /// The subject of "... and said ..." (or "but says"): the name before ", who" or the
    /// sentence's first name or pronoun ("Giles tried again in October and said he had ...").
    /// The subject of the cue at `c0`: the phrase right before it, or the sentence's subject
    /// for a coordinated cue. A participle after a comma takes the sentence's subject first:
    /// in "Perez hammered Trump, calling him ...", Perez calls, whatever the words before.
    fn subject_np(&self, body: &str, toks: &[Token], c0: usize) -> Option<Np> {
        let participle = participle_after_comma(body, toks, c0);
        let before = || np_before(self.lex, body, toks, c0);
        let coordinated = || self.coordinated_subject(body, toks, c0);
        if participle {
            // ... unless the phrase before is the subject itself ("Smith, saying ...").
            let np = before();
            let whole_clause = np.as_ref().is_some_and(|n| {
                toks.iter()
                    .filter(|t| t.start >= n.start && t.end <= n.end)
                    .any(|t| t.word && !t.is_cap(body))
            });
            // The subject must be followed by its verb ("Perez hammered"), not open an adjunct
            // ("Hours after the vote", "Shortly before").
            let verb_follows = |n: &Np| {
                toks.iter().find(|t| t.start >= n.end).is_some_and(|t| {
                    let w = lower(body, t);
                    t.word
                        && !t.quoted
                        && !t.is_cap(body)
                        && !self.is_adjunct_opener(body, t)
                        && !speakers::DETERMINERS.contains(&w)
                        && !matches!(&*w, "and" | "or" | "but" | "who" | "which" | "that")
                })
            };
            if whole_clause && let Some(c) = coordinated().filter(|c| verb_follows(c)) {
                return Some(c);
            }
            return np.or_else(coordinated);
        }
        before().or_else(coordinated)
    }

    fn coordinated_subject(&self, body: &str, toks: &[Token], c0: usize) -> Option<Np> {
        // "..., saying that ...": a participle cue after a comma takes the sentence's subject.
        // "... ended the talk by saying that ...": so does one after "by".
        let participle = participle_after_comma(body, toks, c0) || by_participle(body, toks, c0);
        let and = if participle {
            c0 - 1
        } else {
            (0..c0)
                .rev()
                .take(3)
                .find(|&i| matches!(&*lower(body, &toks[i]), "and" | "but"))?
        };
        if toks[and + 1..c0].iter().any(|t| !t.word) {
            return None;
        }
        if let Some(who) = (0..and).rev().find(|&i| lower(body, &toks[i]) == "who")
            && who >= 2
            && toks[who - 1].text(body) == ","
        {
            return np_before(self.lex, body, toks, who - 1)
                .filter(|n| matches!(n.kind, NpKind::Name | NpKind::Nominal | NpKind::Org));
        }
        let mut first = toks.iter().position(|t| t.word && !t.quoted)?;
        // "In a speech on Tuesday, Trump struck a measured tone, saying ...", "Asked about
        // the vote, Ruiz pointed to ... and praised ...": the subject comes after an opening
        // adjunct or participle clause, and after a relative clause that ends it ("Speaking
        // in Iowa, which votes first, Bush said").
        if self.opens_adjunct(body, toks, first) {
            let mut from = first;
            while let Some(comma) = (from..and.min(from + 16)).find(|&k| toks[k].text(body) == ",")
                && let Some(next) = (comma + 1..and).find(|&k| toks[k].word && !toks[k].quoted)
            {
                first = next;
                if !matches!(&*lower(body, &toks[next]), "which" | "who" | "where") {
                    break;
                }
                from = next;
            }
        }
        let w = lower(body, &toks[first]);
        let w = strip_possessive(&w);
        // "A spokeswoman for Janney declined to comment, saying ...": a description opening
        // the sentence.
        if speakers::in_set(
            &["a", "an", "the", "his", "her", "their", "its"],
            toks[first].text(body),
        ) && let Some(np) = np_after(self.lex, body, toks, first)
            .filter(|n| n.end <= toks[and].start && n.kind != NpKind::Pronoun)
        {
            return Some(np);
        }
        // "Florida Gov. Rick Scott (R) blasted Congress and said ...": a name with its title.
        if toks[first].is_cap(body)
            && let Some(np) = np_after(self.lex, body, toks, first).filter(|n| {
                n.end <= toks[and].start && matches!(n.kind, NpKind::Name | NpKind::Org)
            })
        {
            return Some(np);
        }
        if matches!(w, "he" | "she" | "they") {
            let t = &toks[first];
            return Some(Np {
                start: t.start,
                end: t.start + w.len(),
                kind: NpKind::Pronoun,
                name: vec![],
                role: None,
            });
        }
        let mut j = first;
        while j < and && toks[j].is_cap(body) && !toks[j].quoted {
            j += 1;
        }
        if j == first || j >= and || self.lex.stop_names.contains(w) {
            return None;
        }
        let words: Vec<&str> = toks[first..j].iter().map(|t| t.text(body)).collect();
        let (kind, name, role) = speakers::classify(self.lex, &words);
        matches!(kind, NpKind::Name | NpKind::Org).then(|| Np {
            start: toks[first].start,
            end: toks[j - 1].end,
            kind,
            name,
            role,
        })
    }

    /// A sentence that is only "Smith said." (after a cue-less quotation).
    fn bare_attribution(&self, body: &str, s: &Sent) -> Option<(Np, Span)> {
        let words = s.toks.iter().filter(|t| t.word).count();
        if words > 6 || !s.quotes.is_empty() {
            return None;
        }
        let (c0, c1, according) = *self.cues(body, &s.toks).first()?;
        if according {
            return None;
        }
        let np = np_before(self.lex, body, &s.toks, c0)
            .or_else(|| np_after(self.lex, body, &s.toks, c1))?;
        Some((np, (s.toks[c0].start, s.toks[c1 - 1].end)))
    }

    /// A quotation with no cue in its sentence, continuing the previous speaker.
    fn floating(
        &self,
        body: &str,
        sents: &[Sent],
        i: usize,
        last: Option<&Found>,
    ) -> Option<Found> {
        let s = &sents[i];
        if s.quotes.is_empty() {
            return None;
        }
        let len = (s.span.1 - s.span.0).max(1);
        let quoted: usize = s
            .quotes
            .iter()
            .map(|q| q.end.min(s.span.1) - q.start.max(s.span.0))
            .sum();
        let prev_same_para = last.is_some_and(|f| f.sent + 1 == i && sents[f.sent].para == s.para);
        if quoted * 2 >= len {
            let spans = s
                .quotes
                .iter()
                .map(|q| {
                    self.quote_span(
                        body,
                        &Quote {
                            start: q.start.max(s.span.0),
                            end: q.end.min(s.span.1),
                            ..*q
                        },
                    )
                })
                .collect();
            return Some(Found {
                sent: i,
                spans,
                cue: None,
                np: None,
                floating: true,
            });
        }
        if prev_same_para {
            let sp = self.content_to_end(body, s, s.span.0)?;
            return Some(Found {
                sent: i,
                spans: vec![sp],
                cue: None,
                np: None,
                floating: true,
            });
        }
        None
    }

    /// A named body speaking, with the organisation the gazetteer gives it (else itself).
    fn body_speaker(&self, name: String, role: Option<String>) -> Resolved {
        let org = self
            .lex
            .org_of(&name)
            .map(str::to_string)
            .unwrap_or_else(|| name.clone());
        Resolved::body(name, org, role)
    }

    fn resolve(&self, body: &str, f: &Found, reg: &Registry, last: Option<&Resolved>) -> Resolved {
        let mut r = self.resolve_np(body, f, reg, last);
        if let Some(np) = &f.np {
            r.mention = Some((np.start, np.end));
        }
        r
    }

    fn resolve_np(
        &self,
        body: &str,
        f: &Found,
        reg: &Registry,
        last: Option<&Resolved>,
    ) -> Resolved {
        let unresolved = Resolved {
            mention: None,
            speaker: None,
            role: None,
            org: None,
            via: Via::Unresolved,
            person: None,
        };
        let from_person = |i: usize, via: Via, role: Option<String>| {
            let p = &reg.persons[i];
            let role = p.role.clone().or(role);
            let org = p.org.clone().or_else(|| {
                role.as_deref()
                    .and_then(|r| self.lex.org_of(r))
                    .map(str::to_string)
            });
            Resolved {
                mention: None,
                speaker: Some(p.display()),
                role,
                org,
                via,
                person: Some(i),
            }
        };
        // Only a floating quotation continues the last speaker; a cued statement with no
        // speaker phrase (`Asked whether ...`) has nobody to resolve.
        let Some(np) = &f.np else {
            return match last.filter(|_| f.floating) {
                Some(l) => Resolved {
                    mention: l.mention,
                    speaker: l.speaker.clone(),
                    role: l.role.clone(),
                    org: l.org.clone(),
                    via: Via::Floating,
                    person: l.person,
                },
                None => unresolved,
            };
        };
        let text = np.text(body);
        match np.kind {
            NpKind::Name => match reg.lookup(self.lex, &np.name) {
                Some(i) => from_person(i, Via::Named, np.role.clone()),
                None => {
                    let org = np
                        .role
                        .as_deref()
                        .and_then(|r| self.lex.org_of(r))
                        .map(str::to_string);
                    Resolved {
                        mention: None,
                        speaker: Some(np.name.join(" ")),
                        role: np.role.clone(),
                        org,
                        via: Via::Named,
                        person: None,
                    }
                }
            },
            NpKind::Pronoun => {
                let w = text.lc();
                if matches!(w.as_str(), "he" | "she") {
                    let gender = Some(if w == "he" { 'm' } else { 'f' });
                    let moved_on = moved_on(body, f, reg, last, np.start, gender);
                    if let Some(i) = moved_on {
                        return from_person(i, Via::Pronoun, None);
                    }
                    if let Some(i) = last
                        .and_then(|l| l.person)
                        .filter(|&i| reg.compatible(i, gender))
                    {
                        return from_person(i, Via::Pronoun, None);
                    }
                    // `"...," Cruz said. "...," he added.`: a speaker named by surname alone
                    // is in no register, and is still the one the pronoun continues.
                    if let Some(l) = last.filter(|l| {
                        l.person.is_none()
                            && l.via == Via::Named
                            && l.speaker.as_deref().is_some_and(|n| {
                                speakers::plausible_name(n) && !speakers::is_generic(n)
                            })
                    }) {
                        return l.continued();
                    }
                    if let Some(i) = reg.last_before(np.start, gender) {
                        return from_person(i, Via::Pronoun, None);
                    }
                } else if let Some(l) = last
                    .filter(|l| l.via == Via::Org || (l.person.is_none() && l.speaker.is_some()))
                {
                    return l.continued();
                }
                unresolved
            }
            NpKind::Nominal => {
                // "her campaign", "the campaign": the campaign of the person meant, named
                // the way newsrooms name it ("Clinton campaign").
                let words = lexicon::norm_words(text);
                if let [det, head] = words.as_slice()
                    && matches!(head.as_str(), "campaign" | "camp")
                {
                    let gender = match det.as_str() {
                        "his" => Some(Some('m')),
                        "her" => Some(Some('f')),
                        "the" => Some(None),
                        _ => None,
                    };
                    let person = gender.and_then(|g| {
                        last.and_then(|l| l.person)
                            .filter(|&i| reg.compatible(i, g))
                            .or_else(|| reg.last_before(np.start, g))
                    });
                    if let Some(surname) = person.and_then(|i| reg.persons[i].name.last()) {
                        let name = format!("{surname} campaign");
                        return Resolved::body(name.clone(), name, None);
                    }
                }
                // "the agency", "the party": the body of that kind the article names.
                if let [det, head] = words.as_slice()
                    && det == "the"
                    && speakers::is_org_head(head)
                    && !matches!(
                        head.as_str(),
                        "post" | "times" | "news" | "journal" | "team"
                    )
                {
                    let full = reg.fullest_org(text);
                    // "Mr. Obama's Supreme Court": the body, not whose it is.
                    let full = full
                        .rsplit_once("'s ")
                        .or_else(|| full.rsplit_once("’s "))
                        .map_or(full.as_str(), |(_, b)| b)
                        .to_string();
                    if full.split_whitespace().count() > 1 && full.starts_with(char::is_uppercase) {
                        return self.body_speaker(full, None);
                    }
                }
                if let Some(i) = reg.resolve_nominal(self.lex, text, np.start) {
                    return from_person(i, Via::Nominal, None);
                }
                // An unnamed spokesperson or official of a named body speaks for the body:
                // "a spokesman for the Clinton campaign", "Pentagon officials".
                if let Some(body_name) = speakers::body_in_phrase(self.lex, text) {
                    return self.body_speaker(reg.fullest_org(&body_name), np.role.clone());
                }
                // "the minister", "the Republican nominee": the person the article is about.
                if speakers::is_definite_person(self.lex, text) {
                    // "the businessman", "the congresswoman": the gender the head tells.
                    let head = words.last().map_or("", String::as_str);
                    let gender = if head.ends_with("woman") {
                        Some('f')
                    } else if head.ends_with("man") {
                        Some('m')
                    } else {
                        None
                    };
                    if let Some(i) = moved_on(body, f, reg, last, np.start, gender) {
                        return from_person(i, Via::Nominal, None);
                    }
                    if let Some(i) = last
                        .and_then(|l| l.person)
                        .filter(|&i| reg.compatible(i, gender))
                    {
                        return from_person(i, Via::Nominal, None);
                    }
                    if let Some(i) = reg.last_before(np.start, gender) {
                        return from_person(i, Via::Nominal, None);
                    }
                }
                Resolved {
                    role: np.role.clone(),
                    ..unresolved
                }
            }
            NpKind::Org => {
                let name = ["the ", "The ", "a ", "A ", "an ", "An "]
                    .iter()
                    .fold(text, |t, d| t.strip_prefix(d).unwrap_or(t))
                    .to_string();
                let name = reg.fullest_org(&name);
                let org = self
                    .lex
                    .org_named(text)
                    .or_else(|| self.lex.org_of(text))
                    .map(str::to_string)
                    .unwrap_or_else(|| name.clone());
                Resolved::body(name, org, None)
            }
        }
    }

    fn statement(
        &self,
        a: &Article,
        article_id: &str,
        sents: &[Sent],
        f: &Found,
        r: &Resolved,
    ) -> Statement {
        let body = a.body.as_str();
        let s = &sents[f.sent];
        // The offsets locate the quotation as printed, its marks included; the quote is the
        // words alone.
        let spans: Vec<[usize; 2]> = f
            .spans
            .iter()
            .map(|&q| text::as_printed(body, q).into())
            .collect();
        let quote = f
            .spans
            .iter()
            .map(|&(x, y)| &body[x..y])
            .collect::<Vec<_>>()
            .join(" … ");
        let (qs, qe) = (spans[0][0], spans[spans.len() - 1][1]);
        // A statement continued by later quotations spans several sentences (up to its last
        // word: a closing mark does not reach into the next one).
        let words_end = f.spans[f.spans.len() - 1].1;
        let covered: Vec<&Sent> = sents[f.sent..]
            .iter()
            .take_while(|x| x.span.0 < words_end)
            .collect();
        let kind = self.kind(&covered, &f.spans);
        // The context is the statement's own sentences: a search term in a neighbouring
        // sentence belongs to that sentence's statement, not to this one.
        let ctx_start = s.span.0;
        let context = body[ctx_start..s.span.1.max(qe)].to_string();
        // Whatever path named the speaker, a name that cannot be one becomes the body it speaks
        // for, or leaves the statement unresolved.
        let speaker = r.speaker.as_deref().and_then(speakers::salvage_name);
        let confidence = match (r.via, speaker.is_some()) {
            (_, false) => 0.3,
            (Via::Named, _) => 0.95,
            (Via::Org, _) => 0.85,
            (Via::Nominal, _) => 0.8,
            (Via::Pronoun, _) => 0.8,
            (Via::Floating, _) => 0.6,
            (Via::Unresolved, _) => 0.3,
        };
        let id = short_hash(
            format!("{}\0{}\0{}\0{qs}\0{qe}", a.source_key, a.path, article_id).as_bytes(),
        );
        let speaker_key = speaker.as_deref().map(name_key).unwrap_or_default();
        let who = if speaker_key.is_empty() {
            r.mention
                .map(|(a, b)| name_key(&body[a..b]))
                .unwrap_or_default()
        } else {
            speaker_key.clone()
        };
        Statement {
            id,
            article_id: article_id.to_string(),
            quote_key: quote_key(&who, &quote),
            source_key: a.source_key.clone(),
            quote,
            quote_start: qs,
            quote_end: qe,
            quote_spans: spans,
            kind,
            speaker_key,
            speaker,
            speaker_mention: r.mention.map(|(a, b)| body[a..b].to_string()),
            speaker_start: r.mention.map(|m| m.0),
            speaker_end: r.mention.map(|m| m.1),
            role: r.role.clone(),
            organisation_key: r.org.clone().unwrap_or_default(),
            organisation: r.org.clone(),
            cue: f.cue.map(|(x, y)| body[x..y].to_string()),
            context,
            date: statement_date(a.date, &body[s.span.0..s.span.1]),
            title: a.title.clone(),
            outlet_key: a.outlet.clone().unwrap_or_default(),
            outlet: a.outlet.clone(),
            author: a.author.clone(),
            url: a.url.clone(),
            path: a.path.clone(),
            confidence,
            indexed_at: None,
        }
    }

    /// Does the sentence end inside a quotation left open at the paragraph end (a quotation
    /// running on into the next paragraph)?
    fn runs_on(&self, s: &Sent) -> bool {
        s.quotes
            .last()
            .is_some_and(|q| !q.closed && q.end >= s.span.1)
    }

    /// Is every span inside one of the sentence's quotations?
    fn all_quoted(&self, s: &Sent, spans: &[Span]) -> bool {
        spans
            .iter()
            .all(|sp| s.quotes.iter().any(|q| q.start <= sp.0 && sp.1 <= q.end))
    }

    fn kind(&self, sents: &[&Sent], spans: &[Span]) -> Kind {
        // Quotations by start, with the greatest end up to each and the least end from each
        // on: a span lies inside a quotation when the farthest-reaching one that starts at or
        // before it covers it, and holds one when the shortest-reaching one that starts in
        // it ends in it. Bisection keeps a statement of thousands of pieces linear.
        let mut quotes: Vec<(usize, usize)> = sents
            .iter()
            .flat_map(|s| s.quotes.iter().map(|q| (q.start, q.end)))
            .collect();
        quotes.sort_unstable();
        let max_end: Vec<usize> = quotes
            .iter()
            .scan(0, |m, q| {
                *m = (*m).max(q.1);
                Some(*m)
            })
            .collect();
        let mut min_end: Vec<usize> = quotes
            .iter()
            .rev()
            .scan(usize::MAX, |m, q| {
                *m = (*m).min(q.1);
                Some(*m)
            })
            .collect();
        min_end.reverse();
        let inside = |sp: &Span| {
            let n = quotes.partition_point(|q| q.0 <= sp.0);
            n > 0 && sp.1 <= max_end[n - 1]
        };
        let holds = |sp: &Span| {
            let n = quotes.partition_point(|q| q.0 < sp.0);
            min_end.get(n).is_some_and(|&e| e <= sp.1)
        };
        if spans.iter().all(inside) {
            Kind::Direct
        } else if spans.iter().any(holds) {
            Kind::Mixed
        } else {
            Kind::Indirect
        }
    }
}

/// Does sentence `i` open its paragraph?
fn opens_para(sents: &[Sent], i: usize) -> bool {
    i == 0 || sents[i - 1].para != sents[i].para
}

/// "by saying", "by announcing": a cue in -ing after "by".
fn by_participle(body: &str, toks: &[Token], c0: usize) -> bool {
    c0 > 0 && lower(body, &toks[c0 - 1]) == "by" && lower(body, &toks[c0]).ends_with("ing")
}

/// Is the cue at `c0` a participle after a comma or a dash ("..., saying ...")?
fn participle_after_comma(body: &str, toks: &[Token], c0: usize) -> bool {
    // The comma may sit inside a closing quotation mark (`called it “insane,” adding`).
    let comma_before = |k: usize| {
        matches!(toks[k].text(body), "," | "—" | "–")
            || (k > 0
                && toks[k].text(body).chars().all(text::is_quote_mark)
                && toks[k - 1].text(body) == ",")
    };
    c0 > 0 && comma_before(c0 - 1) && lower(body, &toks[c0]).ends_with("ing")
}

/// Is the lowercase word a day of the week?
fn is_weekday(w: &str) -> bool {
    speakers::WEEKDAYS.contains(&w)
}

/// Is the sentence a Title Case headline (most of at least four words capitalised)?
fn title_case(body: &str, toks: &[Token]) -> bool {
    let words = toks.iter().filter(|t| t.word).count();
    let caps = toks.iter().filter(|t| t.is_cap(body)).count();
    words >= 4 && caps * 10 >= words * 7
}

/// Someone named in a sentence after the last speaker's (and outside it), as the subject
/// opening that sentence, is whom the story moved on to: "Bob said he also returned ...". Not
/// after a cue that goes on with the speaker before ("he added").
fn moved_on(
    body: &str,
    f: &Found,
    reg: &Registry,
    last: Option<&Resolved>,
    at: usize,
    gender: Option<char>,
) -> Option<usize> {
    let cue = f.cue.map(|(a, b)| body[a..b].lc()).unwrap_or_default();
    if matches!(
        cue.as_str(),
        "added" | "adds" | "continued" | "continues" | "went on"
    ) {
        return None;
    }
    let last = last?;
    let (_, lend) = last.mention?;
    let (pos, i) = reg.last_mention_before(at, gender)?;
    let between = body.get(lend..pos)?;
    let new_sentence = between.contains(". ") || between.contains(".\n") || between.contains('\n');
    let lead = body[..pos].trim_end_matches([' ', '\t']);
    let opens = lead.is_empty() || lead.ends_with(['\n', '.', '?', '!', '"', '\u{201d}']);
    (pos > lend && new_sentence && opens && Some(i) != last.person).then_some(i)
}

/// `"Q," said the 46-year-old.`: after a quotation and its cue, a determiner and one to three
/// lowercase words closing the sentence (or its clause) describe the speaker, whatever the
/// head noun.
fn description_closing(body: &str, toks: &[Token], c1: usize) -> Option<Np> {
    let det = toks.get(c1).filter(|t| {
        t.word
            && !t.quoted
            && matches!(
                &*lower(body, t),
                "the" | "a" | "an" | "his" | "her" | "their" | "another" | "one"
            )
    })?;
    // Lowercase words, or a capitalised one before the head ("a Twitter user").
    let mut j = c1 + 1;
    while j < toks.len()
        && j < c1 + 4
        && toks[j].word
        && !toks[j].quoted
        && (!toks[j].is_cap(body)
            || toks
                .get(j + 1)
                .is_some_and(|n| n.word && !n.quoted && !n.is_cap(body)))
    {
        j += 1;
    }
    let closes = toks
        .get(j)
        .is_none_or(|t| !t.word && matches!(t.text(body), "." | "," | ";"));
    (j > c1 + 1 && closes).then(|| Np {
        start: det.start,
        end: toks[j - 1].end,
        kind: NpKind::Nominal,
        name: vec![],
        role: Some(body[det.start..toks[j - 1].end].to_string()),
    })
}

/// Is "expected" at token `i` a raising verb ("is not widely expected to ...", see
/// `Extractor::raising`): "to" after it, a form of "be" before it, adverbs between?
fn raising_expected(body: &str, toks: &[Token], i: usize) -> bool {
    if !toks
        .get(i + 1)
        .is_some_and(|t| t.text(body).eq_ignore_ascii_case("to"))
    {
        return false;
    }
    let mut k = i;
    while k > 0 {
        let w = lower(body, &toks[k - 1]);
        if !(w.ends_with("ly") || matches!(&*w, "not" | "also" | "still" | "now" | "even")) {
            break;
        }
        k -= 1;
    }
    after_be(body, toks, k)
}

/// Does a form of "be" stand right before token `c0` ("are expected", "was told")?
fn after_be(body: &str, toks: &[Token], c0: usize) -> bool {
    c0 > 0 && BE_FORMS.contains(&&*lower(body, &toks[c0 - 1]))
}

/// The forms of "be".
const BE_FORMS: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];

/// Cues whose first object is the one addressed, not what was said: "asked Mrs. Clinton
/// about the women".
static LISTENER_CUES: WordSet = WordSet::new(&[
    "urged",
    "urges",
    "urge",
    "urging",
    "asked",
    "asks",
    "ask",
    "asking",
    "pressed",
    "presses",
    "pressing",
    "encouraged",
    "encourages",
    "begged",
    "implored",
    "challenged",
    "challenges",
    "invited",
    "pushed",
    "warned",
    "warns",
    "reminded",
    "reminds",
]);

/// "The moderator asked Mrs. Clinton about the women", "asked Ms. Ruiz whether she would
/// run": what was said starts after the listener, at "about" or a question word (cue tokens
/// `c0..c1`). A task ("urged Google to get tougher") keeps its listener, as annotators do.
fn after_listener(body: &str, toks: &[Token], c0: usize, c1: usize, f: &mut Found) {
    if c1 != c0 + 1 || !LISTENER_CUES.contains(&lower(body, &toks[c0])) {
        return;
    }
    let [(from, to)] = f.spans.as_slice() else {
        return;
    };
    let (from, to) = (*from, *to);
    let Some(first) = toks
        .iter()
        .position(|t| t.start == from)
        .filter(|&k| k == c1)
    else {
        return;
    };
    let mut k = first;
    while k < toks.len() && k < first + 8 && toks[k].word && !toks[k].quoted {
        let w = lower(body, &toks[k]);
        let start = match &*w {
            "about" | "whether" | "if" | "why" | "how" | "what" => Some(toks[k].start),
            // "asked her to call him if possible": the listener's task is what was said.
            "to" => return,
            _ => None,
        };
        if let Some(st) = start {
            if k > first && st < to && body[st..to].split_whitespace().count() >= 2 {
                f.spans[0].0 = st;
            }
            return;
        }
        k += 1;
    }
}

/// Words opening a subordinate clause before the main one: "While Ramos said that X, he ...".
static SUBORDINATORS: WordSet = WordSet::new(&[
    "while", "although", "though", "because", "if", "when", "whereas", "since", "after", "before",
    "once", "unless",
]);

/// Words after a comma that carry on the clause before it rather than open a main clause: a
/// connector, a preposition, an apposition ("a tax loophole"), an auxiliary ("the count, which
/// ran late, was flawed"). Forms of "be" are [`BE_FORMS`].
static CLAUSE_GOES_ON: WordSet = WordSet::new(&[
    "and", "or", "but", "which", "who", "that", "as", "not", "so", "if", "a", "an", "then", "even",
    "such", "because", "although", "though", "while", "when", "with", "without", "in", "on", "at",
    "for", "to", "of", "has", "have", "had", "will", "would", "could", "should", "can", "may",
    "might", "must", "did", "does", "do",
]);

/// "While Ramos said that journalists cannot take sides, he appears uneasy": when the speaker
/// opens a subordinate clause, what they said ends with that clause, at the first comma after
/// the cue that a new subject follows (a word that is no participle, adverb or
/// [`CLAUSE_GOES_ON`] word).
fn subordinate_clause_end(body: &str, toks: &[Token], f: &mut Found) {
    let (Some(np), [(from, to)]) = (f.np.as_ref(), f.spans.as_slice()) else {
        return;
    };
    let (from, to) = (*from, *to);
    let Some(at) = toks.iter().position(|t| t.start == np.start) else {
        return;
    };
    let opens = at > 0 && toks[at - 1].word && SUBORDINATORS.contains(&lower(body, &toks[at - 1]));
    if !opens || np.start > from {
        return;
    }
    let end = toks.iter().enumerate().find_map(|(k, t)| {
        let next = toks.get(k + 1)?;
        let w = lower(body, next);
        let subject = next.word
            && !next.quoted
            && !w.ends_with("ing")
            && !w.ends_with("ly")
            && !CLAUSE_GOES_ON.contains(&w)
            && !BE_FORMS.contains(&&*w);
        (t.start > from && t.end < to && t.text(body) == "," && !t.quoted && subject)
            .then_some(t.start)
    });
    if let Some(e) = end
        && body[from..e].split_whitespace().count() >= 3
    {
        f.spans[0].1 = e;
    }
}

/// A description of people in the plural ("Many Republicans", "Party leaders", "19 percent of
/// college students polled"): a group that can hold a position ("... want no repeat of 1980").
/// Not a possessive ("Clinton's support fell").
fn plural_group(body: &str, n: &Np) -> bool {
    if n.kind != NpKind::Nominal {
        return false;
    }
    let text = &body[n.start..n.end];
    let last = text
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let after_apostrophe = text[..text.len() - last.len()].ends_with(['\'', '’']);
    last.len() > 3 && last.ends_with('s') && !last.ends_with("ss") && !after_apostrophe
}

/// Where the clause ending at token `k` starts: the sentence's start, or after the last colon
/// or semicolon before `k` (outside quotation marks).
fn clause_start(body: &str, s: &Sent, k: usize) -> usize {
    s.toks[..k]
        .iter()
        .rposition(|t| !t.quoted && matches!(t.text(body), ";" | ":"))
        .map_or(s.span.0, |p| s.toks[p].end)
}

/// Token `k` lowercased, if it is a word outside quotation marks.
fn plain_word<'a>(body: &'a str, toks: &[Token], k: usize) -> Option<std::borrow::Cow<'a, str>> {
    toks.get(k)
        .filter(|t| t.word && !t.quoted)
        .map(|t| lower(body, t))
}

/// The first token from `k` on that is none of `marks` (the punctuation between a cue and
/// what it introduces).
fn skip_marks(body: &str, toks: &[Token], mut k: usize, marks: &[&str]) -> usize {
    while k < toks.len() && marks.contains(&toks[k].text(body)) {
        k += 1;
    }
    k
}

/// The article's date, moved back to the weekday the sentence names ("on Wednesday").
fn statement_date(article: Option<Date>, sentence: &str) -> Option<Date> {
    let d = article?;
    let lower = sentence.lc();
    let days = [
        ("monday", Weekday::Monday),
        ("tuesday", Weekday::Tuesday),
        ("wednesday", Weekday::Wednesday),
        ("thursday", Weekday::Thursday),
        ("friday", Weekday::Friday),
        ("saturday", Weekday::Saturday),
        ("sunday", Weekday::Sunday),
    ];
    for (name, wd) in days {
        if lower.contains(&format!("on {name}")) {
            let back =
                (d.weekday().to_monday_zero_offset() - wd.to_monday_zero_offset()).rem_euclid(7);
            return d
                .checked_sub(jiff::Span::new().days(back as i64))
                .ok()
                .or(Some(d));
        }
    }
    Some(d)
}

/// A clause of a pronoun and an auxiliary alone, its verb left out: "he would", "they did".
/// A content of one or two words that names what a stance is about ("Ubben defended the
/// company", "voters backed Sanders", "she criticized it"), not an adjunct left over after the
/// cue ("said Thursday", "told reporters", "wrote recently"), a number or punctuation.
fn short_object(content: &str) -> bool {
    let mut words = content.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let plain = |w: &str| {
        w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'))
            && w.starts_with(char::is_alphabetic)
    };
    if !plain(first) || !words.all(plain) {
        return false;
    }
    let w = first.trim_end_matches('.').to_lowercase();
    !(w.ends_with("ly")
        || w.ends_with("day")
        || TIME_ADJUNCTS.contains(&w)
        || OTHER_ADJUNCTS.contains(&w)
        || MONTHS.contains(&&*w)
        || matches!(
            &*w,
            "tonight" | "however" | "that" | "so" | "too" | "now" | "here" | "there" | "back"
        ))
}

fn elliptical(clause: &str) -> bool {
    let mut w = clause.split_whitespace().map(|w| {
        w.trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    let (Some(subject), Some(aux)) = (w.next(), w.next()) else {
        return false;
    };
    speakers::PRONOUNS.contains(&&*subject)
        && matches!(
            aux.replace('’', "'").as_str(),
            "would"
                | "will"
                | "did"
                | "does"
                | "do"
                | "could"
                | "can"
                | "should"
                | "might"
                | "must"
                | "had"
                | "has"
                | "have"
                | "was"
                | "were"
                | "is"
                | "are"
                | "wouldn't"
                | "won't"
                | "didn't"
                | "doesn't"
                | "don't"
                | "couldn't"
                | "can't"
                | "wasn't"
                | "isn't"
                | "hasn't"
                | "haven't"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(body: &str) -> Vec<Statement> {
        let a = Article {
            path: "t.txt".into(),
            source_key: "t.txt".into(),
            body: body.into(),
            ..Article::default()
        };
        Extractor::default().extract(&a)
    }

    #[test]
    fn direct_quote_with_inverted_cue() {
        let st = run("\"We will win,\" said Jane Doe.");
        assert_eq!(st.len(), 1);
        assert_eq!(st[0].quote, "We will win");
        assert_eq!(st[0].speaker.as_deref(), Some("Jane Doe"));
        assert_eq!(st[0].kind, Kind::Direct);
    }

    #[test]
    fn two_cues_on_one_quote_make_one_statement() {
        let st = run(
            // "claimed" cues the same quote a second time, with "unfair news" as its "speaker".
            "\"We did everything right,\" Olsen said at one point Monday, protesting what she claimed were unfair news reports on the response.",
        );
        let same: Vec<&Statement> = st
            .iter()
            .filter(|s| s.quote == "We did everything right")
            .collect();
        assert_eq!(same.len(), 1, "{st:#?}");
        assert_eq!(same[0].speaker.as_deref(), Some("Olsen"));
    }

    #[test]
    fn pronoun_follows_the_previous_speaker() {
        let st = run(
            "Jane Doe, the finance minister, said taxes would rise. \"It is necessary,\" she added.",
        );
        assert_eq!(st.len(), 2);
        assert_eq!(st[0].kind, Kind::Indirect);
        assert_eq!(st[0].quote, "taxes would rise");
        assert_eq!(st[1].speaker.as_deref(), Some("Jane Doe"));
        assert_eq!(st[1].role.as_deref(), Some("finance minister"));
    }

    #[test]
    fn a_quotation_after_said_and_a_comma_is_what_was_said() {
        // The words before the speaker are an adjunct, not a first piece.
        let st = run(
            "In March, as a heckler was led out of the hall in Lyon, Mr. Dufour said, \"Let him go home.\" Later, when asked whether he feared trouble, he said, \"Not at all.\"",
        );
        let quotes: Vec<&str> = st.iter().map(|s| s.quote.as_str()).collect();
        assert!(quotes.contains(&"Let him go home."), "{quotes:?}");
        assert!(quotes.contains(&"Not at all."), "{quotes:?}");
        assert!(
            st.iter().all(|s| !s.quote.contains("heckler")),
            "{quotes:?}"
        );
        let answer = st.iter().find(|s| s.quote == "Not at all.").unwrap();
        assert_eq!(answer.speaker.as_deref(), Some("Dufour"));
    }

    #[test]
    fn a_description_between_quotation_and_cue_speaks_whatever_its_noun() {
        let st = run("\"The bridge will reopen in spring,\" the ferryman said.");
        assert_eq!(st.len(), 1, "{st:#?}");
        assert_eq!(st[0].speaker_mention.as_deref(), Some("the ferryman"));
        assert_eq!(st[0].speaker, None);
        // Shouted and chanted words are statements too.
        let st = run("\"Open the gates!\" the crowd shouted. Some chanted \"Bread, not bombs!\"");
        assert_eq!(st.len(), 2, "{st:#?}");
        assert_eq!(st[1].cue.as_deref(), Some("chanted"));
    }

    #[test]
    fn a_cue_and_colon_closing_a_paragraph_introduce_the_next_paragraphs_quotation() {
        let st = run(
            "The line went quiet. Councillor Ada Brook told the meeting:\n\n\"We will not close the library. Not this year, not ever.\"\n\nThe vote is on Monday.",
        );
        assert_eq!(st.len(), 1, "{st:#?}");
        assert_eq!(
            st[0].quote,
            "We will not close the library. Not this year, not ever."
        );
        assert_eq!(st[0].speaker.as_deref(), Some("Ada Brook"));
    }

    #[test]
    fn a_reporting_verb_outranks_a_stance_in_its_statement() {
        let st = run("They want to \"keep every bus route open,\" Maria Lund said.");
        assert_eq!(st.len(), 1, "{st:#?}");
        assert_eq!(st[0].cue.as_deref(), Some("said"));
        assert_eq!(st[0].speaker.as_deref(), Some("Maria Lund"));
        assert!(st[0].quote.starts_with("They want to"), "{st:#?}");
    }

    #[test]
    fn time_adjuncts_and_person_nouns_around_the_speaker() {
        let st = run("Maria Lund at the time said the county would keep every route open.");
        assert_eq!(st.len(), 1, "{st:#?}");
        assert_eq!(st[0].speaker.as_deref(), Some("Maria Lund"));
        // A person noun or a word before a first name opening the phrase is a title.
        let st = run("Activist Mary Jones said the county would keep every route open.");
        assert_eq!(st[0].speaker.as_deref(), Some("Mary Jones"));
        let st = run("Reporter Ada Brook said the county would keep every route open.");
        assert_eq!(st[0].speaker.as_deref(), Some("Ada Brook"));
    }

    /// Each statement's speaker mention and quote.
    /// The one statement of `body` (fails when there are none or several).
    fn only(body: &str) -> Statement {
        let mut st = run(body);
        assert_eq!(st.len(), 1, "{body}: {st:#?}");
        st.remove(0)
    }

    fn mentions_and_quotes(body: &str) -> Vec<(Option<String>, String)> {
        run(body)
            .into_iter()
            .map(|s| (s.speaker_mention, s.quote))
            .collect()
    }

    #[test]
    fn participle_phrases_proportions_and_elliptical_clauses() {
        let said = mentions_and_quotes;
        let content = "the county would keep every route open";
        let one = |mention: &str| vec![(Some(mention.to_string()), content.to_string())];
        assert_eq!(
            said("Officials briefed on the talks said the county would keep every route open."),
            one("Officials briefed on the talks")
        );
        assert_eq!(
            said("In a poll, those surveyed said the county would keep every route open."),
            one("those surveyed")
        );
        assert_eq!(
            said("Nearly eight in 10 voters overall said the county would keep every route open."),
            one("eight in 10 voters")
        );
        assert_eq!(
            said("On roads, 26% say the county would keep every route open."),
            one("26%")
        );
        assert_eq!(
            said("Senators were split. Lena Park said she would. Omar Ruiz said he would not."),
            [
                (Some("Lena Park".into()), "she would".into()),
                (Some("Omar Ruiz".into()), "he would not".into())
            ]
        );
        // Two words that are not a pronoun and an auxiliary are no statement.
        assert!(said("Lena Park said sorry.").is_empty());
    }

    #[test]
    fn long_sources_adjuncts_and_dashed_appositions() {
        let said = |body: &str| -> Vec<(Option<String>, Option<String>, String)> {
            run(body)
                .into_iter()
                .map(|s| (s.speaker, s.speaker_mention, s.quote))
                .collect()
        };
        assert_eq!(
            said(
                "Ada Brook said in an interview with The Riverside Ledger last week that she would not run."
            ),
            [(
                Some("Ada Brook".into()),
                Some("Ada Brook".into()),
                "that she would not run".into()
            )]
        );
        assert_eq!(
            said("Omar Ruiz — a teacher from Mount Pleasant — says he made up his mind on Monday."),
            [(
                Some("Omar Ruiz".into()),
                Some("Omar Ruiz — a teacher from Mount Pleasant —".into()),
                "he made up his mind on Monday".into()
            )]
        );
        // A source of more than fifteen words before the comma.
        let st = run(
            "According to early results of the exit poll conducted by a research firm for the \
             county's two largest newspapers and radio stations, turnout rose in every ward.",
        );
        assert_eq!(st.len(), 1, "{st:#?}");
        assert_eq!(st[0].quote, "turnout rose in every ward");
    }

    #[test]
    fn speaker_phrases_with_bridges_listeners_and_coordination() {
        let said = mentions_and_quotes;
        let content = "the county would keep every route open";
        assert_eq!(
            said("A source familiar with the talks said the county would keep every route open."),
            [(
                Some("A source familiar with the talks".into()),
                content.into()
            )]
        );
        assert_eq!(
            said("The campaign itself said the county would keep every route open."),
            [(Some("The campaign".into()), content.into())]
        );
        assert_eq!(
            said("Maria Lund told POLITICO she was leaning toward the plan."),
            [(
                Some("Maria Lund".into()),
                "she was leaning toward the plan".into()
            )]
        );
        assert_eq!(
            said(
                "In a statement, Ohio Gov. Ada Brook (R) blasted the council and said the county would keep every route open."
            ),
            [
                (Some("Ohio Gov. Ada Brook".into()), "the council".into()),
                (Some("Ohio Gov. Ada Brook".into()), content.into())
            ]
        );
        // The sentence goes on after an inverted speaker set off by commas.
        let st = run(
            "The contrast with the mayor, said Lund and others, would be clear to every voter.",
        );
        assert_eq!(st.len(), 1, "{st:#?}");
        assert_eq!(st[0].quote_spans.len(), 2, "{st:#?}");
    }

    #[test]
    fn who_after_an_apposition_is_the_named_person_and_first_names_are_no_titles() {
        let st = run(
            "\"It was fine,\" said Alan Berger, a doctor from Englewood, who said he is friendly with the mayor.",
        );
        assert_eq!(st.len(), 2, "{st:#?}");
        assert_eq!(st[1].speaker.as_deref(), Some("Alan Berger"));
        // "Bill" is a first name before a surname, not the noun (documents speak too).
        let st = run("Bill Taylor, an organizer, said he expected a large crowd at the rally.");
        assert_eq!(st[0].speaker.as_deref(), Some("Bill Taylor"));
    }

    #[test]
    fn manner_of_speaking_verbs_and_reads_before_a_quotation() {
        let st = run("\"Nobody asked us,\" scoffed Maria Lund.");
        assert_eq!(st[0].cue.as_deref(), Some("scoffed"));
        assert_eq!(st[0].speaker.as_deref(), Some("Maria Lund"));
        let st = run("The sign at the gate reads, \"No entry after dark for anyone.\"");
        assert_eq!(st.len(), 1, "{st:#?}");
        assert_eq!(st[0].cue.as_deref(), Some("reads"));
    }

    #[test]
    fn a_participle_aside_after_a_name_in_parentheses() {
        let st = run(
            "But Sen. Ada Brook (D-Ill.), noting the size of the crowd, said, \"We will win this county.\"",
        );
        assert_eq!(st.len(), 1, "{st:#?}");
        assert_eq!(st[0].speaker.as_deref(), Some("Ada Brook"));
        assert_eq!(st[0].quote, "We will win this county.");
    }

    #[test]
    fn a_cue_set_off_by_commas_takes_the_clause_around_it() {
        // The verb after the closing comma is the words' own ("plans", "could make"), not a
        // statement of the subject before the aside.
        let st = run(
            "Tom Berg spoke on Monday. His wife, he says, plans to leave the party over the vote. At times, people close to the mayor said, the mere mention of the plan could make him fume.",
        );
        assert_eq!(st.len(), 2, "{st:#?}");
        assert_eq!(st[0].speaker.as_deref(), Some("Tom Berg"));
        assert_eq!(
            st[0].quote,
            "His wife … plans to leave the party over the vote"
        );
        assert_eq!(
            st[1].speaker_mention.as_deref(),
            Some("people close to the mayor")
        );
        assert!(
            st[1].quote.ends_with("could make him fume"),
            "{}",
            st[1].quote
        );
        // A participle after the aside is a statement of its own.
        let st = run("The vote will be held in May, Tom Berg said, adding that he would stand.");
        assert_eq!(st.len(), 2, "{st:#?}");
        assert_eq!(st[0].quote, "The vote will be held in May");
    }

    #[test]
    fn according_to_after_a_speaker_is_the_source() {
        let st = run(
            "\"We will win this county,\" Ada Brook said at a rally, according to the Daily Ledger. Tom Berg said the plan would fail.",
        );
        assert_eq!(st.len(), 2, "{st:#?}");
        assert_eq!(st[0].speaker_mention.as_deref(), Some("the Daily Ledger"));
        assert_eq!(st[0].quote, "We will win this county");
        assert_eq!(st[1].speaker.as_deref(), Some("Tom Berg"));
    }

    #[test]
    fn a_middle_initial_is_part_of_the_name() {
        let st = run(
            "Sen. Ada J. Brook said the county would keep every route. Brook added that the vote was set.",
        );
        assert_eq!(st.len(), 2, "{st:#?}");
        assert_eq!(st[0].speaker.as_deref(), Some("Ada J. Brook"));
        assert_eq!(st[1].speaker.as_deref(), Some("Ada J. Brook"));
    }

    #[test]
    fn a_pronoun_skips_regions_and_groups() {
        let st = run(
            "Maria Lund met the board. She later visited NBC South Florida and met European Jews in Miami. \"We keep every route,\" she said.",
        );
        assert_eq!(st.len(), 1, "{st:#?}");
        assert_eq!(st[0].speaker.as_deref(), Some("Maria Lund"));
    }

    #[test]
    fn a_quoted_question_before_the_speaker_is_not_the_answer() {
        let st = run(
            "Asked about the \"future of rural buses,\" Maria Lund said the county would keep every route open until 2030.",
        );
        // The question is reported too, by nobody named; the answer is Maria Lund's.
        assert_eq!(st.len(), 2, "{st:#?}");
        assert_eq!(st[0].quote, "the \"future of rural buses,\"");
        assert_eq!(st[0].speaker, None);
        assert_eq!(
            st[1].quote,
            "the county would keep every route open until 2030"
        );
        assert_eq!(st[1].kind, Kind::Indirect);
        assert_eq!(st[1].speaker.as_deref(), Some("Maria Lund"));
        // A quotation that opens the sentence stays the statement.
        let st = run("\"We are ready,\" Maria Lund told the council members at the town hall.");
        assert_eq!(st[0].quote, "We are ready");
    }

    #[test]
    fn a_quoted_fragment_inside_reported_speech_makes_a_mixed_statement() {
        let st = run(
            "Farmers have grown \"deeply anxious\" about the drought and want faster payments, Tom Reyes said.",
        );
        assert_eq!(st.len(), 1, "{st:#?}");
        assert_eq!(
            st[0].quote,
            "Farmers have grown \"deeply anxious\" about the drought and want faster payments"
        );
        assert_eq!(st[0].kind, Kind::Mixed);
        assert_eq!(st[0].speaker.as_deref(), Some("Tom Reyes"));
    }

    #[test]
    fn split_quote_is_one_statement() {
        let st = run("\"We are ready,\" Smith said, \"and we will not wait.\"");
        assert_eq!(st.len(), 1);
        assert_eq!(st[0].quote_spans.len(), 2);
    }

    /// (speaker, cue, quote) of each statement.
    fn said(body: &str) -> Vec<(String, String, String)> {
        run(body)
            .into_iter()
            .map(|st| {
                (
                    st.speaker.unwrap_or_default(),
                    st.cue.unwrap_or_default(),
                    st.quote,
                )
            })
            .collect()
    }

    fn triple(speaker: &str, cue: &str, quote: &str) -> (String, String, String) {
        (speaker.into(), cue.into(), quote.into())
    }

    #[test]
    fn a_quotation_after_a_mixed_statement_ending_quoted_continues_it() {
        let st = run(
            "The team is \"learning how big the race is,\" Ada Brook said. \"It takes a \
             whole new set of skills.\"",
        );
        assert_eq!(st.len(), 1);
        assert_eq!(st[0].quote_spans.len(), 2);
        assert!(st[0].quote.ends_with("It takes a whole new set of skills."));
        // Reported words without a quotation at their end stay a statement of their own.
        let st =
            run("The team is learning, Ada Brook said. \"It takes a whole new set of skills.\"");
        assert_eq!(st.len(), 2);
    }

    #[test]
    fn a_quotation_after_a_participle_continues_the_quoted_statement_before_it() {
        let st = run(
            "\"Anyone could lose,\" Ada Brook said, referring to the committee. \"I am sure \
             of it.\"",
        );
        let quoted: Vec<_> = st.iter().filter(|s| s.quote_spans.len() == 2).collect();
        assert_eq!(quoted.len(), 1, "{st:?}");
        assert!(quoted[0].quote.starts_with("Anyone could lose"));
        assert!(quoted[0].quote.ends_with("I am sure of it."));
        assert!(st.iter().any(|s| s.cue.as_deref() == Some("referring to")));
    }

    #[test]
    fn a_quotation_opening_the_next_paragraph_continues_a_one_sentence_quoted_paragraph() {
        let st = run(
            "\"We did well,\" said Ada Brook, who ran the count.\n\n\"Next year we \
             do better.\"",
        );
        assert_eq!(st.len(), 1, "{st:?}");
        assert_eq!(st[0].quote_spans.len(), 2);
        // A paragraph with more before it stays apart from the next.
        let st = run(
            "Ada Brook ran the count. \"We did well,\" she said.\n\n\"Next year we \
             do better.\"",
        );
        assert_eq!(st.len(), 2, "{st:?}");
    }

    #[test]
    fn a_participle_after_a_quotation_closing_on_a_comma_says_a_statement_of_its_own() {
        assert_eq!(
            said(
                "Ada Brook called the pact \"sheer insanity,\" adding that she would vote \
                 against it on Tuesday."
            ),
            vec![
                triple("Ada Brook", "called", "the pact \"sheer insanity,\""),
                triple(
                    "Ada Brook",
                    "adding",
                    "that she would vote against it on Tuesday"
                ),
            ]
        );
    }

    #[test]
    fn a_noun_after_a_possessive_is_no_cue() {
        assert!(
            run("The film ends with the director's note, which runs to three pages.").is_empty()
        );
        assert!(
            run("Watch the full video of Brook's remarks, which ran long on Tuesday.").is_empty()
        );
        assert_eq!(
            said("Ada Brook remarks that the vote is close."),
            vec![triple("Ada Brook", "remarks", "that the vote is close")]
        );
    }

    #[test]
    fn a_cue_in_ing_after_by_takes_the_sentences_subject() {
        assert_eq!(
            said("Ada Brook ended the talk by saying that the plan was dead."),
            vec![triple("Ada Brook", "saying", "that the plan was dead")]
        );
    }

    #[test]
    fn a_description_closing_an_inverted_cue_may_hold_a_capitalised_word() {
        let st = run("\"We are ready for it,\" said another Twitter user.");
        assert_eq!(st.len(), 1, "{st:?}");
        assert_eq!(
            st[0].speaker_mention.as_deref(),
            Some("another Twitter user")
        );
        assert_eq!(st[0].speaker, None);
    }

    #[test]
    fn a_colon_before_a_quotation_makes_it_the_later_cues() {
        // What follows the cue is a manner adverb and a listener, not a clause: the quotation
        // the colon introduced is what was said ...
        assert_eq!(
            said("In a new ad: \"Borders matter,\" Ada Brook says directly to the camera."),
            vec![triple("Ada Brook", "says", "Borders matter")]
        );
        // ... and an earlier cue's content ends at the colon.
        assert_eq!(
            said(
                "Senator Ada Brook criticised the plan in an ad: \"Borders matter,\" the \
                 senator says directly to the camera."
            ),
            vec![
                triple("Ada Brook", "criticised", "the plan in an ad"),
                triple("Ada Brook", "says", "Borders matter"),
            ]
        );
    }

    #[test]
    fn questions_before_their_speaker_coordinated_descriptions_and_prepositions_after_cues() {
        // A quotation ending in "?" closes its sentence; the speaker phrase after it asks it.
        assert_eq!(
            said("\"Do you think I will change?\" Ada Brook asked reporters at the rally."),
            vec![triple("Ada Brook", "asked", "Do you think I will change?")]
        );
        // ... but a new sentence that is no speaker phrase stays apart.
        assert!(said("\"Do you think I will change?\" The vote came a week later.").is_empty());
        // A description opening the sentence is the subject of a coordinated cue.
        assert_eq!(
            said("The mayor visited the plant and said the workers would keep their jobs."),
            vec![triple("", "said", "the workers would keep their jobs")]
        );
        // Around a cue set off by commas, the words on both sides are what was said.
        assert_eq!(
            said("Ada Brook spoke in Riga. This campaign, she says, is different."),
            vec![triple("Ada Brook", "says", "This campaign … is different")]
        );
        // A participle after a dash takes the sentence's subject.
        assert_eq!(
            said("Ada Brook changed her mind on the spot – saying she would back the plan."),
            vec![triple("Ada Brook", "saying", "she would back the plan")]
        );
        // "called for", "warned against": the preposition is the cue's.
        assert_eq!(
            said("Ada Brook warned against a hasty vote on the treaty."),
            vec![triple(
                "Ada Brook",
                "warned against",
                "a hasty vote on the treaty"
            )]
        );
        assert_eq!(
            said("Ada Brook said of the treaty, \"It will hold.\"")
                .into_iter()
                .map(|t| t.1)
                .collect::<Vec<_>>(),
            vec!["said".to_string()]
        );
    }

    #[test]
    fn bodies_ending_in_furniture_words_things_and_title_case_headlines() {
        // "Watch" ends a body's name; it only opens page furniture.
        assert_eq!(
            said("Judicial Watch said the ruling raised new questions about the archive."),
            vec![triple(
                "Judicial Watch",
                "said",
                "the ruling raised new questions about the archive"
            )]
        );
        // A newspaper or a statement is no person: not the last person named.
        let st = run("Ada Brook said the talks had stalled. \
                      The newspaper said the talks would resume in March.");
        assert_eq!(st.len(), 2, "{st:?}");
        assert_eq!(st[1].speaker, None);
        // A Title Case headline registers no person from words that are not a name.
        let st = run("Talks Stall Over Good Relationship With Ada Brook\n\n\
                      Ada Brook met the ministers. The minister said the talks would resume.");
        assert_eq!(st.len(), 1, "{st:?}");
        assert_eq!(st[0].speaker.as_deref(), Some("Ada Brook"));
    }

    #[test]
    fn a_surname_speaker_goes_on_with_a_pronoun_and_a_closer_can_open_a_paragraph() {
        // A speaker named by surname alone is in no register; "he" still continues it, not
        // the last full name of the article.
        let st = run("Lena Ortiz met the mayor on Monday.\n\n\
                      \"The plan is dead,\" Brook said.\n\n\
                      \"We will start again next year,\" he said.");
        assert_eq!(st.len(), 2, "{st:?}");
        assert_eq!(st[1].speaker.as_deref(), Some("Brook"));
        // A paragraph opening with a closing mark opens a quotation with it.
        let st = run("\u{201d}We are ready,\u{201d} Ada Brook said.");
        assert_eq!(st.len(), 1, "{st:?}");
        assert_eq!(st[0].quote, "We are ready");
    }

    #[test]
    fn a_pronoun_follows_the_story_to_a_subject_opening_a_later_sentence() {
        let speakers = |body: &str| -> Vec<Option<String>> {
            run(body).into_iter().map(|s| s.speaker).collect()
        };
        // Marek Nowak opens a sentence after Ada Brook's statement: "he" is his.
        assert_eq!(
            speakers(
                "\"The plan is dead,\" said Ada Brook.\n\n\
                 Marek Nowak arrived an hour later. \"We will start again,\" he said."
            ),
            vec![Some("Ada Brook".into()), Some("Marek Nowak".into())]
        );
        // Named inside a sentence, he is not the subject the story moved on to.
        assert_eq!(
            speakers(
                "\"The plan is dead,\" said Karl Brook.\n\n\
                 Later Brook praised Marek Nowak. \"We will start again,\" he said."
            ),
            // The second is the praise of Marek Nowak.
            vec![
                Some("Karl Brook".into()),
                Some("Karl Brook".into()),
                Some("Karl Brook".into())
            ]
        );
        // "added" goes on with the speaker before.
        assert_eq!(
            speakers(
                "\"The plan is dead,\" said Karl Brook.\n\n\
                 Marek Nowak disagreed. \"We will start again,\" he added."
            ),
            vec![Some("Karl Brook".into()), Some("Karl Brook".into())]
        );
    }

    #[test]
    fn a_campaign_is_its_candidates_and_a_businessman_is_a_man() {
        let st = run("Ada Brook spoke in Riga on Monday. \
                      Her campaign said the rally would go ahead.");
        assert_eq!(st.len(), 1, "{st:?}");
        assert_eq!(st[0].speaker.as_deref(), Some("Brook campaign"));
        let st = run("Karl Nowak met Anna Brook on Monday.\n\n\
                      \"We agreed on nothing,\" Anna Brook said.\n\n\
                      The businessman said the deal was close.");
        assert_eq!(st.len(), 2, "{st:?}");
        assert_eq!(st[1].speaker.as_deref(), Some("Karl Nowak"));
    }

    #[test]
    fn a_participle_after_a_clause_is_the_sentence_subjects() {
        assert_eq!(
            said("Karl Nowak hammered Anna Brook, calling her plan a danger to the country."),
            vec![triple(
                "Karl Nowak",
                "calling",
                "her plan a danger to the country"
            )]
        );
        // An opening adjunct is no subject.
        assert!(
            run("Hours after the vote ended, calling it a disgrace to the country.")
                .iter()
                .all(|s| s.speaker.is_none())
        );
    }

    #[test]
    fn a_people_or_a_party_alone_keeps_its_mention_and_gets_no_name() {
        for body in [
            "Democrats said the bill would fail in the Senate.",
            "Millennials said the bill would fail in the Senate.",
            "Democratic primary voters said the bill would fail in the Senate.",
        ] {
            let st = run(body);
            assert_eq!(st.len(), 1, "{st:?}");
            assert_eq!(st[0].speaker, None, "{body}");
            assert!(st[0].speaker_mention.is_some(), "{body}");
        }
    }

    #[test]
    fn the_body_of_a_kind_the_article_names_speaks_for_the_agency() {
        let st = run(
            "The Environmental Protection Agency issued new rules on Monday. \
                      The agency said the rules would cut emissions by half.",
        );
        assert_eq!(st.len(), 1, "{st:?}");
        assert_eq!(
            st[0].speaker.as_deref(),
            Some("Environmental Protection Agency")
        );
    }

    #[test]
    fn a_headline_label_names_its_speaker_before_the_topic() {
        let st = run(
            "Karl Nowak On The Treaty: We Will Not Sign It This Year\n\n\
                      The talks went on in Riga.",
        );
        assert_eq!(st.len(), 1, "{st:?}");
        assert_eq!(st[0].speaker.as_deref(), Some("Karl Nowak"));
        assert_eq!(st[0].speaker_mention.as_deref(), Some("Karl Nowak"));
        // A clause before the colon is no label: it introduces a list.
        assert!(run("Brook has won three primaries: Ohio, Utah and Iowa.").is_empty());
        assert!(run("There is a looming risk: the rates are headed up.").is_empty());
    }

    #[test]
    fn an_inverted_cue_takes_any_closing_description_after_a_quotation() {
        let st = run("Anna Brook spoke on Monday. \"We are ready,\" said the 46-year-old.");
        assert_eq!(st.len(), 1, "{st:?}");
        assert_eq!(st[0].quote, "We are ready");
        assert_eq!(st[0].speaker_mention.as_deref(), Some("the 46-year-old"));
        assert_eq!(st[0].speaker.as_deref(), Some("Anna Brook"));
    }

    #[test]
    fn a_second_cue_in_the_sentence_says_a_statement_of_its_own() {
        // Without the second cue, the two quotations are one split statement.
        assert_eq!(
            said("\"We are ready,\" Mara Quist said on Tuesday, adding, \"We will not wait.\""),
            vec![
                triple("Mara Quist", "said", "We are ready"),
                triple("Mara Quist", "adding", "We will not wait."),
            ]
        );
        assert_eq!(
            said("The two will meet next week, Ivo Marsh said, adding, \"They need to talk.\""),
            vec![
                triple("Ivo Marsh", "said", "The two will meet next week"),
                triple("Ivo Marsh", "adding", "They need to talk."),
            ]
        );
        assert_eq!(
            said(
                "\"Small steps will not win this,\" Ivo Marsh said, adding that he hoped the \
                 governor would think bigger."
            ),
            vec![
                triple("Ivo Marsh", "said", "Small steps will not win this"),
                triple(
                    "Ivo Marsh",
                    "adding",
                    "that he hoped the governor would think bigger"
                ),
            ]
        );
        assert_eq!(
            said(
                "\"I am not there yet,\" Senator Ada Brook said last week, though she said, \
                 \"I hope to be.\""
            ),
            vec![
                triple("Ada Brook", "said", "I am not there yet"),
                triple("Ada Brook", "said", "I hope to be."),
            ]
        );
    }

    #[test]
    fn a_long_adjunct_after_a_closing_cue_leaves_the_words_before_as_the_statement() {
        assert_eq!(
            said(
                "Voters had put the first crack in the ceiling, Ada Brook said in a video \
                 message to the convention."
            ),
            vec![triple(
                "Ada Brook",
                "said",
                "Voters had put the first crack in the ceiling"
            )]
        );
        // Nor is a title before an apposition; an adjunct phrase is no statement, and a
        // pronoun after the cue opens a clause.
        assert!(
            said(
                "Lithuania's defence minister, Rasa Jankauskiene, called on Thursday for a \
                 permanent allied brigade on the border."
            )
            .iter()
            .all(|(_, _, q)| !q.contains("defence minister"))
        );
        assert!(
            said("At a rally in Ohio on Tuesday, Ada Brook said in an interview she would run.")
                .iter()
                .all(|(_, _, q)| !q.starts_with("At a rally"))
        );
    }

    #[test]
    fn a_participle_cue_finds_the_subject_after_an_opening_adjunct_or_a_description() {
        assert_eq!(
            said(
                "In a speech on Tuesday night, Ada Brook struck a measured tone, saying she \
                 understood the weight of the job."
            ),
            vec![triple(
                "Ada Brook",
                "saying",
                "she understood the weight of the job"
            )]
        );
        let st = run(
            "A spokeswoman for the Ledger declined to comment, saying that nobody involved \
             remains at the paper.",
        );
        assert_eq!(st.len(), 1);
        assert_eq!(
            st[0].speaker_mention.as_deref(),
            Some("A spokeswoman for the Ledger")
        );
        assert_eq!(st[0].quote, "that nobody involved remains at the paper");
    }

    #[test]
    fn a_coordinated_cue_takes_the_sentences_subject() {
        for body in [
            "Ada Brook met the ministers in Vilnius and said the plan would go ahead as written.",
            "Ada Brook has met the ministers twice, but says the plan would go ahead as written.",
        ] {
            assert_eq!(
                said(body),
                vec![triple(
                    "Ada Brook",
                    if body.contains("says") {
                        "says"
                    } else {
                        "said"
                    },
                    "the plan would go ahead as written"
                )],
                "{body}"
            );
        }
    }

    #[test]
    fn a_coordinated_cue_takes_the_subject_after_an_opening_clause() {
        // Not the participle or adverb that opens the sentence ("Asked", "Speaking").
        for body in [
            "Asked about the vote, Ada Brook met the ministers and said the plan would go ahead.",
            "Speaking in Vilnius, which hosts the summit, Ada Brook met the ministers and said \
             the plan would go ahead.",
            "Likewise, Ada Brook met the ministers and said the plan would go ahead.",
        ] {
            let st = said(body);
            let by_said: Vec<_> = st.iter().filter(|t| t.1 == "said").collect();
            assert_eq!(
                by_said,
                vec![&triple("Ada Brook", "said", "the plan would go ahead")],
                "{body}: {st:?}"
            );
        }
    }

    #[test]
    fn a_quotation_whose_speaker_follows_in_a_sentence_of_its_own_is_that_speakers() {
        // A full stop inside the quotation ends its sentence: the next names the speaker,
        // and the quotation does not continue the statement before.
        let st =
            said("“We will not close it,” Ada Brook said. “The plant stays open.” Ivo Tamm said.");
        assert_eq!(
            st,
            vec![
                triple("Ada Brook", "said", "We will not close it"),
                triple("Ivo Tamm", "said", "The plant stays open.")
            ]
        );
        // A question closing a quotation inside the quotation ends it too.
        let st = said(
            "“Her answer was, ‘What can we do to help?’” Ada Brook told reporters on the call.",
        );
        assert_eq!(
            st,
            vec![triple(
                "Ada Brook",
                "told",
                "Her answer was, ‘What can we do to help?’"
            )]
        );
    }

    #[test]
    fn a_party_member_described_is_nobody_by_name() {
        // "The Tartu Republican" is no person, and "She" is still Ada Brook.
        let st = said(
            "Senator Ada Brook spoke in Tartu on Monday. The Tartu Republican said the party \
             would unite. She said the vote would wait.",
        );
        assert_eq!(
            st,
            vec![
                triple("", "said", "the party would unite"),
                triple("Ada Brook", "said", "the vote would wait")
            ]
        );
    }

    #[test]
    fn a_suffix_ends_a_name_and_the_surname_before_it_finds_it() {
        let st = said(
            "Ivo Tamm III said the party would unite. Rob Hale Jr. said it would not. Later, \
             Tamm said the vote would wait, and Hale agreed.",
        );
        let speakers: Vec<&str> = st.iter().map(|t| t.0.as_str()).collect();
        assert_eq!(
            &speakers[..3],
            ["Ivo Tamm III", "Rob Hale Jr.", "Ivo Tamm III"],
            "{st:?}"
        );
        // A numeral after a noun that numbers things ends no name.
        let st = said("Ivo Tamm fought in World War II as a young man. He said the war was hard.");
        assert_eq!(st, vec![triple("Ivo Tamm", "said", "the war was hard")]);
    }

    #[test]
    fn the_next_item_of_a_list_is_no_apposition() {
        let st = run(
            "The contenders Ivo Tamm, and Gov. Ada Brook, praised the bill on Monday. \
             Ivo Tamm said the bill would pass.",
        );
        let tamm = st
            .iter()
            .find(|s| s.quote == "the bill would pass")
            .unwrap();
        assert_eq!(tamm.speaker.as_deref(), Some("Ivo Tamm"));
        assert_eq!(tamm.role, None, "{tamm:?}");
    }

    #[test]
    fn the_words_before_a_descriptions_head_pick_among_those_it_fits() {
        let st = said(
            "Vermont Sen. Ivo Tamm spoke first on Monday. Florida Sen. Ada Brook spoke next. \
             The Vermont senator said the vote would wait. A Democratic senator said it would \
             not.",
        );
        // "Sen." is a senator; "Vermont" picks Tamm over Brook, named last; an indefinite
        // description is someone new.
        assert_eq!(
            st,
            vec![
                triple("Ivo Tamm", "said", "the vote would wait"),
                triple("", "said", "it would not")
            ]
        );
    }

    #[test]
    fn an_inverted_speaker_may_open_with_a_possessive_and_name_itself_after() {
        let st = run("\"We will win,\" said Brook's deputy campaign manager, Ivo Tamm.");
        assert_eq!(st.len(), 1, "{st:?}");
        assert_eq!(st[0].speaker.as_deref(), Some("Ivo Tamm"));
        assert_eq!(
            st[0].speaker_mention.as_deref(),
            Some("Brook's deputy campaign manager, Ivo Tamm")
        );
        assert_eq!(st[0].quote, "We will win");
    }

    #[test]
    fn the_words_that_lead_to_a_cue_through_to_are_skipped_back_to_the_subject() {
        for (body, cue) in [
            ("Ada Brook went on to say that the plan would fail.", "say"),
            ("Ada Brook was quick to add: \"The plan will fail.\"", "add"),
            ("Ada Brook could only quip: \"The plan will fail.\"", "quip"),
        ] {
            let st = said(body);
            assert_eq!(st.len(), 1, "{body}: {st:?}");
            assert_eq!(st[0].0, "Ada Brook", "{body}: {st:?}");
            assert!(st[0].1.ends_with(cue), "{body}: {st:?}");
        }
        // Whom someone asked to speak does not speak.
        let st = said("The reporters asked him to say that the plan would fail.");
        assert!(st.iter().all(|t| t.0.is_empty()), "{st:?}");
    }

    #[test]
    fn a_colon_after_an_adjunct_introduces_what_was_said() {
        for body in [
            "Ada Brook said on Facebook: “We will not close the plant.”",
            "Ada Brook wrote in an email: “We will not close the plant.”",
        ] {
            let st = said(body);
            assert_eq!(st.len(), 1, "{body}: {st:?}");
            assert_eq!(st[0].0, "Ada Brook", "{body}: {st:?}");
            assert_eq!(st[0].2, "We will not close the plant.", "{body}: {st:?}");
        }
    }

    #[test]
    fn a_weekday_after_a_cue_is_a_time_adjunct() {
        for (body, quote) in [
            (
                "Ada Brook said Tuesday that taxes would rise.",
                "that taxes would rise",
            ),
            (
                "Ada Brook said Friday night the plan would work.",
                "the plan would work",
            ),
            (
                "Taxes will rise, Ada Brook said Tuesday in Tartu, noting the deficit.",
                "Taxes will rise",
            ),
            // The weekday is the subject of what was said.
            (
                "Ada Brook said Tuesday was the deadline.",
                "Tuesday was the deadline",
            ),
        ] {
            let st = said(body);
            assert_eq!(
                st.first(),
                Some(&triple("Ada Brook", "said", quote)),
                "{body}: {st:?}"
            );
        }
    }

    #[test]
    fn whom_a_participle_or_told_addresses_is_no_inverted_speaker() {
        assert_eq!(
            said(
                "Ada Brook toured the plant on Friday, telling the workers, “We will not close it.”"
            ),
            vec![triple("Ada Brook", "telling", "We will not close it.")]
        );
    }

    #[test]
    fn a_quotation_after_and_with_a_subject_of_its_own_is_that_clauses() {
        let st =
            said("A reporter asked about the plant and Ada Brook said, “We will not close it.”");
        assert!(
            st.contains(&triple("Ada Brook", "said", "We will not close it.")),
            "{st:?}"
        );
    }

    #[test]
    fn a_that_after_a_later_cue_is_that_cues_content() {
        // Found by CI on an AllSides article: the adjunct's "that" lay past the stop at
        // ", adding", and the content's start came after its end.
        assert_eq!(
            said("Ada Brook said on Friday, adding that the vote would wait until March."),
            vec![triple(
                "Ada Brook",
                "adding",
                "that the vote would wait until March"
            )]
        );
    }

    #[test]
    fn who_after_a_name_speaks_for_it_and_is_the_mention() {
        let body = "\"People are angry,\" said Alderman Lena Ortiz, who thinks the mayor \
                    \"needs to listen more.\"";
        let st = run(body);
        assert_eq!(st.len(), 2, "{st:?}");
        assert_eq!(st[0].quote, "People are angry");
        assert_eq!(st[1].quote, "the mayor \"needs to listen more.\"");
        assert_eq!(st[1].speaker.as_deref(), Some("Lena Ortiz"));
        assert_eq!(st[1].cue.as_deref(), Some("thinks"));
        assert_eq!(st[1].speaker_mention.as_deref(), Some("who"));
    }

    #[test]
    fn who_after_a_name_ending_a_longer_phrase_is_that_name() {
        assert_eq!(
            said("Brook made no mention of Lena Ortiz, who announced she is leaving the race."),
            vec![triple("Lena Ortiz", "announced", "she is leaving the race")]
        );
    }

    #[test]
    fn people_sharing_a_surname_stay_apart() {
        let st = run(
            "Ada Brook said the plan would work. Tom Brook said the economy was \
             strong. Brook said she would win. Mr. Hale said it was late. Lena Hale-Ortiz \
             arrived. Wasserman Schultz said no. Debbie Wasserman Schultz left.",
        );
        let speakers: Vec<_> = st
            .iter()
            .map(|s| s.speaker.as_deref().unwrap_or(""))
            .collect();
        assert_eq!(
            speakers,
            [
                "Ada Brook",
                "Tom Brook",
                "Ada Brook",
                "Hale",
                "Debbie Wasserman Schultz"
            ],
            "{st:?}"
        );
    }

    #[test]
    fn continued_is_a_cue_beside_a_quotation_only() {
        assert_eq!(
            said("\"We will win,\" Ada Brook continued."),
            vec![triple("Ada Brook", "continued", "We will win")]
        );
        assert_eq!(
            said("Ada Brook continued: \"We will win.\""),
            vec![triple("Ada Brook", "continued", "We will win.")]
        );
        assert!(said("The search continued until late on Tuesday night.").is_empty());
        // As a plain cue, "continued" would report her push as something said.
        assert!(said("Ada Brook continued her push on the radio.").is_empty());
    }

    #[test]
    fn a_poll_opening_the_sentence_is_its_source() {
        let st = run(
            "In a Valley Courier poll last week, Mara Quist held a six-point lead over her rival.",
        );
        assert_eq!(st.len(), 1);
        assert_eq!(
            st[0].quote,
            "Mara Quist held a six-point lead over her rival"
        );
        assert_eq!(st[0].cue.as_deref(), Some("In"));
        // A cue in the sentence wins; other "In ..." openers are not sources.
        let st = run("In a statement, the ministry said the talks would resume.");
        assert_eq!(st[0].cue.as_deref(), Some("said"));
        assert!(run("In the third quarter, exports rose by four percent overall.").is_empty());
    }

    #[test]
    fn according_to_before_and_after() {
        let st = run("Prices will fall next year, according to the central bank governor Ann Lee.");
        assert_eq!(st[0].quote, "Prices will fall next year");
        assert_eq!(st[0].speaker.as_deref(), Some("Ann Lee"));
        let st = run("According to NATO, the drills will go ahead.");
        assert_eq!(st[0].quote, "the drills will go ahead");
        assert_eq!(st[0].speaker.as_deref(), Some("NATO"));
    }

    #[test]
    fn unresolved_generic_source_has_no_name() {
        let st = run("The talks have stalled, officials said.");
        assert_eq!(st.len(), 1);
        assert_eq!(st[0].speaker, None);
        assert_eq!(st[0].speaker_mention.as_deref(), Some("officials"));
    }

    #[test]
    fn a_name_before_a_chain_of_appositions_speaks() {
        let st =
            run("Sen. Ada Brook, D-Vt., a first-term senator, said the bill would pass by June.");
        assert_eq!(st.len(), 1, "{st:#?}");
        assert_eq!(st[0].speaker.as_deref(), Some("Ada Brook"));
        assert_eq!(st[0].quote, "the bill would pass by June");
        let st =
            run("Rep. Ivo Marsh (R-Ida.), chair of the panel, said that hearings would resume.");
        assert_eq!(st[0].speaker.as_deref(), Some("Ivo Marsh"));
        let st = run(
            "Lena Ortiz, a pollster who works with Vote Forward, a voter group, said turnout would rise.",
        );
        assert_eq!(st[0].speaker.as_deref(), Some("Lena Ortiz"));
        let st = run("Sen. Ola Berg (D-Wis.), said after a lunch that the plan was late.");
        assert_eq!(st[0].speaker.as_deref(), Some("Ola Berg"));
        let st = run(
            "Tomas Grell, a veteran consultant who earlier in the season had tried without success to organise a rival slate of candidates in three states, said the effort was over.",
        );
        assert_eq!(st[0].speaker.as_deref(), Some("Tomas Grell"));
        assert_eq!(st[0].quote, "the effort was over");
        let st = run(
            "The Harlow Group, which has lobbied on the bill for a decade, said that it would keep pressing.",
        );
        assert_eq!(st[0].speaker.as_deref(), Some("Harlow Group"));
    }

    #[test]
    fn descriptions_speak_unnamed_unless_they_speak_for_a_body() {
        let st = run("\"Nobody has an edge here,\" said one veteran Ohio strategist.");
        assert_eq!(st.len(), 1, "{st:#?}");
        assert_eq!(st[0].speaker, None, "a place is not the speaker");
        assert_eq!(
            st[0].speaker_mention.as_deref(),
            Some("one veteran Ohio strategist")
        );
        let st = run("Several supporters of reform said the rules were unfair.");
        assert_eq!(st.len(), 1, "{st:#?}");
        assert_eq!(st[0].quote, "the rules were unfair");
        assert_eq!(st[0].speaker, None);
        let st = run("The talks have stalled, a Treasury spokesman said.");
        assert_eq!(st[0].speaker.as_deref(), Some("Treasury"));
    }

    #[test]
    fn a_second_reporting_verb_ends_the_first_statement() {
        let st = run(
            "Mayor Ana Ruiz said the budget was balanced and called on the council to pass it quickly.",
        );
        assert_eq!(st[0].quote, "the budget was balanced", "{st:#?}");
        // "and" before a verb that reports nothing stays inside.
        let st = run("Mayor Ana Ruiz said the budget was balanced and taxes would fall.");
        assert_eq!(st[0].quote, "the budget was balanced and taxes would fall");
    }

    #[test]
    fn a_named_person_holds_a_position_a_description_does_not() {
        let st = run("Senator Ruth Adler wants the border crossings reopened before winter.");
        assert_eq!(st.len(), 1, "{st:#?}");
        assert_eq!(st[0].speaker.as_deref(), Some("Ruth Adler"));
        assert_eq!(st[0].quote, "the border crossings reopened before winter");
        assert!(
            run("However, Brussels does want member states to carry more of the cost.").is_empty(),
            "a place holds no position of its own"
        );
    }

    #[test]
    fn an_endorsement_reports_its_object_alone() {
        let said = mentions_and_quotes;
        assert_eq!(
            said("Governor Ana Ruiz endorsed Omar Hale last week and has campaigned at his side."),
            [(Some("Governor Ana Ruiz".into()), "Omar Hale".into())]
        );
        assert_eq!(
            said("Senator Ruth Adler opposed the levy during a hearing on Monday."),
            [(Some("Senator Ruth Adler".into()), "the levy".into())]
        );
        // A longer object stays whole.
        assert_eq!(
            said("Ruth Adler supports a ban on new wells in the valley."),
            [(
                Some("Ruth Adler".into()),
                "a ban on new wells in the valley".into()
            )]
        );
    }

    #[test]
    fn a_group_with_a_relative_clause_or_a_place_is_one_speaker_phrase() {
        let one = |body: &str| {
            let s = only(body);
            (s.speaker_mention, s.speaker, s.quote)
        };
        assert_eq!(
            one("Farmers in Kent who sold their land said they regretted it."),
            (
                Some("Farmers in Kent who sold their land".into()),
                None,
                "they regretted it".into()
            )
        );
        // Members of a party somewhere are not the party speaking.
        assert_eq!(
            one("Democrats in Ohio said the count was fair."),
            (
                Some("Democrats in Ohio".into()),
                None,
                "the count was fair".into()
            )
        );
        // A relative clause inside a sentence belongs to an object, not to a subject.
        assert!(
            run("He met farmers who sold their land said nothing.")
                .iter()
                .all(|s| s.speaker_mention.as_deref() != Some("farmers who sold their land"))
        );
    }

    #[test]
    fn a_stance_on_a_bare_object_is_a_statement_a_speech_verb_needs_a_clause() {
        let said = mentions_and_quotes;
        assert_eq!(
            said("Mr. Ubben has defended the company."),
            [(Some("Mr. Ubben".into()), "the company".into())]
        );
        assert_eq!(
            said("Most of the delegates rejected Saudi concerns."),
            [(
                Some("Most of the delegates".into()),
                "Saudi concerns".into()
            )]
        );
        // Adjuncts, listeners and numbers are not what was said.
        for body in [
            "Ruiz said Thursday.",
            "Ruiz told POLITICO.",
            "Ruiz wrote recently.",
            "Ruiz called 1,769.",
            "Ruiz praised on Monday.",
        ] {
            assert_eq!(said(body), [], "{body}");
        }
        // The subject of a second verb after "and" is the first one's, not the words up to it.
        assert_eq!(
            said("Bondi criticized Fields for the charges and has since defended the sheriff."),
            [
                (Some("Bondi".into()), "Fields for the charges".into()),
                (Some("Bondi".into()), "the sheriff".into())
            ]
        );
    }

    #[test]
    fn descriptions_counts_and_contracted_auxiliaries_before_a_speech_verb() {
        let said = mentions_and_quotes;
        // Any description speaks before "said", whatever its head noun.
        assert_eq!(
            said("The league legend said people misunderstand the mayor."),
            [(
                Some("The league legend".into()),
                "people misunderstand the mayor".into()
            )]
        );
        // ... but not before a cue that is also a noun's verb ("The plan calls for").
        assert_eq!(said("The legend plans a tour of the valley towns."), []);
        assert_eq!(
            said("Several said they would rather the county kept the ferry."),
            [(
                Some("Several".into()),
                "they would rather the county kept the ferry".into()
            )]
        );
        assert_eq!(
            said("Each side said the other would be to blame for the delay."),
            [(
                Some("Each side".into()),
                "the other would be to blame for the delay".into()
            )]
        );
        assert_eq!(
            said("People with knowledge of the talks said the deal was close."),
            [(
                Some("People with knowledge of the talks".into()),
                "the deal was close".into()
            )]
        );
        assert_eq!(
            said("Ruiz hasn't said whether she will run again in the spring."),
            [(
                Some("Ruiz".into()),
                "whether she will run again in the spring".into()
            )]
        );
        assert_eq!(
            said("Since then she's said the levy will stay as it is."),
            [(Some("she".into()), "the levy will stay as it is".into())]
        );
    }

    #[test]
    fn a_speaker_in_a_subordinate_clause_said_only_that_clause() {
        let said = mentions_and_quotes;
        assert_eq!(
            said("While Ana Ruiz said that the levy was fair, she voted against it in May."),
            [
                (Some("Ana Ruiz".into()), "that the levy was fair".into()),
                // A vote is a stance; its object is what it is about.
                (Some("she".into()), "it".into())
            ]
        );
        assert_eq!(
            said("The vote passed, although Omar Hale said the count, which ran late, was flawed."),
            [(
                Some("Omar Hale".into()),
                "the count, which ran late, was flawed".into()
            )]
        );
    }

    #[test]
    fn the_question_put_to_a_speaker_mid_sentence_is_its_own_statement() {
        let said = mentions_and_quotes;
        assert_eq!(
            said("Ana Ruiz said the levy was fair when asked whether she would repeal it."),
            [
                (Some("Ana Ruiz".into()), "the levy was fair".into()),
                (None, "whether she would repeal it".into())
            ]
        );
        assert_eq!(
            said("\"Never,\" Omar Hale said when asked by a reporter if he would run again."),
            [
                (Some("Omar Hale".into()), "Never".into()),
                (Some("a reporter".into()), "if he would run again".into())
            ]
        );
    }

    #[test]
    fn a_poll_closing_the_clause_is_its_source() {
        let said = mentions_and_quotes;
        assert_eq!(
            said("Ruiz led Hale by nine points among women in the latest county poll."),
            [(
                Some("the latest county poll".into()),
                "Ruiz led Hale by nine points among women".into()
            )]
        );
        // A standing in "the polls" names no poll.
        assert_eq!(
            said("Hale has struggled for months to gain ground in the polls."),
            []
        );
    }

    #[test]
    fn a_question_starts_after_its_listener_but_a_task_keeps_it() {
        let said = mentions_and_quotes;
        assert_eq!(
            said("The moderator asked Ana Ruiz about the closed clinics in the valley."),
            [(
                Some("The moderator".into()),
                "about the closed clinics in the valley".into()
            )]
        );
        assert_eq!(
            said("Omar Hale urged the council to delay the vote until June."),
            [(
                Some("Omar Hale".into()),
                "the council to delay the vote until June".into()
            )]
        );
    }

    #[test]
    fn a_group_can_hold_a_position_but_a_possessive_cannot() {
        let said = mentions_and_quotes;
        assert_eq!(
            said("Many farmers want a new levy on imported grain."),
            [(
                Some("Many farmers".into()),
                "a new levy on imported grain".into()
            )]
        );
        assert_eq!(
            said("The governor's support fell sharply in the spring."),
            []
        );
    }

    #[test]
    fn a_raising_verb_reports_the_writers_reading_with_no_source() {
        let one = |body: &str| {
            let s = only(body);
            (s.speaker, s.speaker_mention, s.cue, s.quote)
        };
        assert_eq!(
            one("The new plan seems to favour the largest farms in the valley."),
            (
                None,
                None,
                Some("seems".into()),
                "The new plan … to favour the largest farms in the valley".into()
            )
        );
        assert_eq!(
            one(
                "But the council is not widely expected to approve the levy, and the mayor agrees."
            ),
            (
                None,
                None,
                Some("is not widely expected".into()),
                "the council … to approve the levy".into()
            )
        );
        // Beside somebody's statement in the same sentence.
        assert_eq!(
            mentions_and_quotes(
                "But the council is not widely expected to approve the levy, and the mayor knows it."
            ),
            [
                (None, "the council … to approve the levy".into()),
                (Some("the mayor".into()), "it".into())
            ]
        );
        // Auxiliaries and adverbs are part of the cue, not of the subject.
        assert_eq!(
            one("The levy has always seemed a burden to the smallest farms.").3,
            "The levy … a burden to the smallest farms"
        );
        // "it" is no subject.
        assert_eq!(
            one("It appears that the ferry service will end in May.").3,
            "that the ferry service will end in May"
        );
        // A reporting verb after "to" is the cue, and the subject speaks.
        let (speaker, _, cue, quote) =
            one("Mayor Ana Ruiz seemed to suggest that the levy would be dropped.");
        assert_eq!(speaker.as_deref(), Some("Ana Ruiz"));
        assert_eq!(cue.as_deref(), Some("suggest"));
        assert_eq!(quote, "that the levy would be dropped");
        // Appearing somewhere, a subordinate clause: no statement.
        assert!(run("Ana Ruiz appeared at a rally in the valley on Monday.").is_empty());
        assert!(run("The levy will go if it appears to hurt the smallest farms.").is_empty());
    }

    #[test]
    fn a_transcript_label_introduces_the_rest_of_its_paragraph() {
        let st = run(
            "Jo Marsh spoke to us.\n\nMARSH: Honestly, this is the hardest job in the state. You have to campaign everywhere.\n\nQ: Your father farmed.\n\nA: He did, and he taught me that every vote counts. I never forgot it.",
        );
        assert_eq!(st.len(), 2, "{st:#?}");
        assert_eq!(st[0].speaker.as_deref(), Some("Jo Marsh"));
        assert!(
            st[0].quote.ends_with("You have to campaign everywhere"),
            "{st:#?}"
        );
        assert_eq!(st[1].speaker, None, "the interviewee is not named by 'A'");
        assert!(st[1].quote.starts_with("He did"));
    }

    #[test]
    fn told_with_the_speaker_phrase_between_quote_and_cue() {
        let st = run(
            "\"Positions will soften sooner or later,\" Senator Ruth Hale's chief of staff, Joe Kasper, told the Ledger before the vote.",
        );
        assert_eq!(st.len(), 1, "{st:#?}");
        assert_eq!(st[0].quote, "Positions will soften sooner or later");
        assert_eq!(st[0].speaker.as_deref(), Some("Joe Kasper"));
        let st = run(
            "The union will likely sit out the election, union director Phil Smith told the Ledger earlier this week.",
        );
        assert_eq!(st.len(), 1, "{st:#?}");
        assert_eq!(st[0].quote, "The union will likely sit out the election");
        // A that-less clause after the listener is still what was said.
        let st = run("Phil Smith told reporters that the union would sit out the election.");
        assert_eq!(st[0].quote, "that the union would sit out the election");
    }

    #[test]
    fn a_pronoun_does_not_resolve_to_a_place() {
        let st = run(
            "Mayor Lena Ortiz visited New York on Monday. New York has struggled with flooding for years. \"We cannot wait,\" she said.",
        );
        assert_eq!(st.len(), 1, "{st:#?}");
        assert_eq!(st[0].speaker.as_deref(), Some("Lena Ortiz"));
    }

    #[test]
    fn page_labels_and_sentence_openers_name_nobody() {
        for text in [
            "CORRECTION: An earlier version of this story gave the wrong date for the vote.",
            "Watch: How the county rebuilt its bridges after the flood.",
            "Despite claims from the mayor's critics, the budget does not raise taxes on anyone.",
        ] {
            let st = run(text);
            assert!(st.iter().all(|s| s.speaker.is_none()), "{text}: {st:#?}");
        }
    }

    #[test]
    fn fuzz_findings_stay_fixed() {
        // cargo-fuzz found it: a quotation opened before its sentence's span, then a name
        // and a cue (a slice with its start after its end).
        let data = include_bytes!("../../tests/data/fuzz/extract-quote-opened-before-sentence.bin");
        let body = String::from_utf8_lossy(data).into_owned();
        for s in run(&body) {
            for &[x, y] in &s.quote_spans {
                assert!(x <= y && y <= body.len() && body.is_char_boundary(x));
            }
        }
    }

    #[test]
    fn weekday_moves_the_date_back() {
        let d = jiff::civil::date(2025, 2, 14); // a Friday
        assert_eq!(
            statement_date(Some(d), "He said on Wednesday that"),
            Some(jiff::civil::date(2025, 2, 12))
        );
        assert_eq!(statement_date(Some(d), "He said"), Some(d));
    }
}
