//! Speaker mentions and their resolution: names, titles and roles, pronouns, nominal
//! descriptions ("the Pentagon chief") and organisations, over one article.

use rustc_hash::FxHashMap as HashMap;
use std::cmp::Reverse;

use super::lexicon::{Lexicon, norm_words};
use super::text::Token;
use super::words::WordSet;

/// What kind of phrase names the speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NpKind {
    /// A person's name, possibly with a title ("US Defence Secretary Pete Hegseth", "Mr Hegseth").
    Name,
    /// he, she, they, ...
    Pronoun,
    /// A description: "the Pentagon chief", "officials", "a spokesperson for the ministry".
    Nominal,
    /// An organisation speaking: "the Kremlin", "NATO", "the Trump campaign".
    Org,
}

/// A speaker mention.
#[derive(Debug, Clone)]
pub struct Np {
    pub start: usize,
    pub end: usize,
    pub kind: NpKind,
    /// The name part (for `Name`), without title.
    pub name: Vec<String>,
    /// The title or role part, or an apposition ("a spokesperson for Y").
    pub role: Option<String>,
}

impl Np {
    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        &body[self.start..self.end]
    }
}

pub const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it"];
pub(super) static DETERMINERS: WordSet = WordSet::new(&[
    "the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those", "some",
    "many", "several", "other", "two", "three", "four", "most", "both", "another", "one", "our",
]);
const HONORIFICS: &[&str] = &[
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "prof", "prof.", "miss",
];
/// Words that open a sentence before its subject ("But Trump said ...").
static OPENERS: WordSet = WordSet::new(&[
    "but",
    "and",
    "so",
    "yet",
    "however",
    "meanwhile",
    "still",
    "also",
    "then",
    "now",
    "instead",
    "later",
    "earlier",
    "separately",
    "when",
    "as",
    "if",
    "while",
    "after",
    "before",
    "since",
    "because",
    "although",
    "though",
    "once",
    "until",
    "whether",
    "just",
    "watched",
]);
static CONNECTORS: WordSet = WordSet::new(&[
    "of", "for", "de", "van", "von", "der", "bin", "al", "la", "da", "del", "dos", "le", "du",
    "at", "and", "&",
]);
/// Particles inside names ("Femke de Groot", "Ursula von der Leyen").
const NAME_PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "bin", "al", "la", "da", "del", "dos", "le", "du", "di", "ter",
    "den",
];
/// Heads of descriptions that can speak: people by role or group, and bodies.
pub(super) static SPEAKER_NOUNS: WordSet = WordSet::new(&[
    "source",
    "sources",
    "critics",
    "critic",
    "expert",
    "experts",
    "analyst",
    "analysts",
    "aide",
    "aides",
    "diplomat",
    "diplomats",
    "lawmaker",
    "lawmakers",
    "leader",
    "leaders",
    "nominee",
    "candidate",
    "report",
    "statement",
    "study",
    "poll",
    "survey",
    "document",
    "memo",
    "letter",
    "ministry",
    "department",
    "government",
    "administration",
    "agency",
    "police",
    "prosecutor",
    "prosecutors",
    "lawyer",
    "lawyers",
    "court",
    "scholar",
    "scholars",
    "economist",
    "economists",
    "researcher",
    "researchers",
    "scientist",
    "scientists",
    "resident",
    "residents",
    "people",
    "voter",
    "voters",
    "supporter",
    "supporters",
    "opponent",
    "opponents",
    "member",
    "members",
    "allies",
    "ally",
    "officials",
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "observers",
    "observer",
    "witness",
    "witnesses",
    "activist",
    "activists",
    "protesters",
    "investors",
    "insiders",
    "authorities",
    "campaign",
    "team",
    "office",
    "committee",
    "council",
    "commission",
    "group",
    "party",
    "democrats",
    "republicans",
    "man",
    "woman",
    "men",
    "women",
    "person",
    "official",
    "executive",
    "executives",
    "staff",
    "staffer",
    "staffers",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "teacher",
    "teachers",
    "doctor",
    "doctors",
    "worker",
    "workers",
    "farmer",
    "farmers",
    "owner",
    "owners",
    "spokespeople",
    "representatives",
    "representative",
    "board",
    "bank",
    "company",
    "firm",
    "union",
    "newspaper",
    "paper",
    "website",
    "network",
    "magazine",
    "organizers",
    "organisers",
    "families",
    "family",
    "mother",
    "father",
    "son",
    "daughter",
    "wife",
    "husband",
    "friend",
    "friends",
    "neighbor",
    "neighbour",
    "neighbors",
    "neighbours",
    "colleague",
    "colleagues",
    "historian",
    "historians",
    "professor",
    "students",
    "student",
    "pollster",
    "pollsters",
    "strategist",
    "strategists",
    "operative",
    "operatives",
    "governments",
    "countries",
    "nations",
    "states",
    "country",
    "nation",
    "state",
    "regime",
    "military",
    "army",
    "percent",
    "majority",
    "minority",
    "half",
    "third",
    "quarter",
    "most",
    "few",
    "crowd",
    "public",
    "audience",
    "manager",
    "chairman",
    "counsel",
    "consultant",
    "donor",
    "fan",
    "guy",
    "someone",
    "anyone",
    "everyone",
    "nobody",
    "individual",
    "note",
    "tweet",
    "post",
    "message",
    "email",
    "ad",
    "advertisement",
    "sign",
    "book",
    "filing",
    "complaint",
    "lawsuit",
    "ruling",
    "order",
    "release",
    "plan",
    "proposal",
    "platform",
    "bill",
    "law",
    "resolution",
    "page",
    "article",
    "editorial",
    "op-ed",
    "column",
    "headline",
    "transcript",
    "video",
    "interview",
    "speech",
    "remarks",
    "cable",
    "data",
    "figures",
    "numbers",
    "estimate",
    "analysis",
    "findings",
    "research",
    "evidence",
    "reporting",
    "polling",
    "website",
    "blog",
    "account",
    "record",
    "records",
    "documents",
    "paper",
    "outlet",
    "station",
    "channel",
    "show",
    "program",
]);
/// Words after which nothing before can belong to the speaker phrase.
static NP_STOPS: WordSet = WordSet::new(&[
    "that", "which", "who", "whom", "because", "but", "or", "if", "when", "while", "as", "than",
    "to", "in", "on", "by", "with", "from", "into", "about", "over", "after", "before", "during",
    "since", "against", "under", "is", "are", "was", "were", "be", "been", "being", "has", "have",
    "had", "will", "would", "can", "could", "should", "may", "might", "must", "do", "does", "did",
    "not", "so", "also", "where", "what", "how", "why", "then", "there", "here", "instead",
    "however", "although", "though", "whether", "said", "says", "told", "and",
]);
/// Words skipped between a subject and its cue: "Hegseth also considers", "he has said".
static SKIP_BEFORE_CUE: WordSet = WordSet::new(&[
    "itself",
    "himself",
    "herself",
    "themselves",
    "also",
    "further",
    "later",
    "then",
    "again",
    "once",
    "still",
    "now",
    "overall",
    "previously",
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "would",
    "will",
    "had",
    "did",
    "does",
    "do",
    "not",
    "never",
    "already",
    "only",
    "repeatedly",
    "reportedly",
    "separately",
    "publicly",
    "privately",
    "earlier",
    "recently",
    "yesterday",
    "today",
    "tonight",
    "even",
    "just",
    "often",
    "always",
    "frequently",
    "quickly",
    "firmly",
    "flatly",
    "bluntly",
    "simply",
    "clearly",
    "may",
    "might",
    "could",
    "should",
    "can",
    "must",
    "n't",
    "too",
    "himself",
    "herself",
    "themselves",
    "first",
]);
/// Last words of a name that make it an organisation.
pub(super) static ORG_HEADS: WordSet = WordSet::new(&[
    // Venues and places: a name ending in one is not a person ("Aldama Theater").
    "theater",
    "theatre",
    "arena",
    "stadium",
    "hotel",
    "airport",
    "museum",
    "library",
    "hospital",
    "school",
    "college",
    "academy",
    "prison",
    "plaza",
    "cathedral",
    "mosque",
    "street",
    "avenue",
    "boulevard",
    "county",
    "group",
    "council",
    "committee",
    "department",
    "ministry",
    "office",
    "agency",
    "party",
    "campaign",
    "union",
    "organization",
    "organisation",
    "association",
    "institute",
    "university",
    "bank",
    "court",
    "commission",
    "administration",
    "government",
    "house",
    "senate",
    "congress",
    "parliament",
    "army",
    "police",
    "forces",
    "force",
    "company",
    "corporation",
    "inc",
    "times",
    "post",
    "news",
    "journal",
    "network",
    "service",
    "board",
    "foundation",
    "center",
    "centre",
    "fund",
    "program",
    "programme",
    "kremlin",
    "pentagon",
    "agency",
    "bureau",
    "alliance",
    "coalition",
    "league",
    "federation",
    "authority",
    "cabinet",
    "embassy",
    "team",
    "club",
    "magazine",
    "tribune",
    "herald",
    "press",
    "reuters",
    "ap",
    "afp",
    "bbc",
    "cnn",
    "nbc",
    "cbs",
    "abc",
    "fox",
    "msnbc",
    "npr",
]);
/// Nominal speakers that never name anyone in particular.
/// Capitalised words that stand where a speaker's name would but are page furniture or sentence
/// openers.
static NOT_NAMES: WordSet = WordSet::new(&[
    "photo",
    "photos",
    "photograph",
    "photographs",
    "caption",
    "image",
    "images",
    "video",
    "story",
    "related",
    "contributing",
    "more",
    "read",
    "click",
    "advertisement",
    "polls",
    "poll",
    "watch",
    "correction",
    "corrections",
    "target",
    "update",
    "updated",
    "editor",
    "reporter",
    "reporters",
    "live",
    "breaking",
    "exclusive",
    "analysis",
    "opinion",
    "transcript",
]);
/// Sentence openers that stand where a one-word name would.
static OPENER_NAMES: WordSet = WordSet::new(&[
    "all",
    "for",
    "of",
    "during",
    "despite",
    "earlier",
    "later",
    "meanwhile",
    "still",
    "yet",
    "however",
    "instead",
    "indeed",
    "now",
    "then",
    "today",
    "yesterday",
    "also",
    "after",
    "before",
    "since",
    "although",
    "though",
    "while",
    "with",
    "without",
    "last",
    "next",
    // "Follow Breitbart News on Twitter": page furniture before a name.
    "follow",
    "among",
    "amid",
    "under",
    "over",
    "in",
    "on",
    "at",
    "by",
    "from",
    "to",
    "into",
    "but",
    "and",
    "so",
    "if",
    "when",
    "as",
    "because",
    "unlike",
    "like",
    "once",
    "shortly",
    "throughout",
    "inside",
    "outside",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "until",
    "unless",
    "whether",
]);

static GENERIC: WordSet = WordSet::new(&[
    "officials",
    "official",
    "sources",
    "source",
    "critics",
    "experts",
    "analysts",
    "observers",
    "people",
    "residents",
    "aides",
    "witnesses",
    "activists",
    "protesters",
    "voters",
    "supporters",
    "opponents",
    "lawmakers",
    "diplomats",
    "economists",
    "investors",
    "reports",
    "polls",
    "poll",
    "some",
    "many",
    "others",
    "authorities",
    "scientists",
    "researchers",
    "insiders",
    "democrats",
    "republicans",
    "farmers",
    "workers",
    "students",
    "parents",
    "teachers",
    "doctors",
    "nurses",
    "members",
    "leaders",
    "delegates",
    "donors",
    "conservatives",
    "liberals",
    "progressives",
    "respondents",
    "citizens",
    "immigrants",
    "employees",
    "prosecutors",
]);

/// The token's text in lowercase; borrowed (no allocation) when it is already lowercase ASCII.
pub fn lower<'a>(body: &'a str, t: &Token) -> std::borrow::Cow<'a, str> {
    lowercase(t.text(body))
}

/// Is `w` one of `set` (lowercase ASCII words), ignoring case? No allocation.
pub(crate) fn in_set(set: &[&str], w: &str) -> bool {
    set.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// Lowercasing that takes the fast ASCII path when it can (most words in English news).
pub trait Lc {
    fn lc(&self) -> String;
}

impl Lc for str {
    fn lc(&self) -> String {
        if self.is_ascii() {
            self.to_ascii_lowercase()
        } else {
            self.to_lowercase()
        }
    }
}

/// Lowercase, borrowed when there is nothing to change.
pub fn lowercase(w: &str) -> std::borrow::Cow<'_, str> {
    if w.bytes().all(|b| !b.is_ascii_uppercase() && b.is_ascii()) {
        std::borrow::Cow::Borrowed(w)
    } else {
        std::borrow::Cow::Owned(w.lc())
    }
}

/// The word without a possessive ending ("Hegseth's" → "Hegseth").
pub fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w)
}

fn clean_name_word(w: &str) -> String {
    strip_possessive(w).to_string()
}

/// "Jr.", "Sr.", "II", "III", "IV": a suffix that ends a name after its surname.
fn is_name_suffix(w: &str) -> bool {
    matches!(
        w.trim_end_matches([',', '.']),
        "Jr" | "Sr" | "II" | "III" | "IV"
    )
}

/// Nouns that a Roman numeral numbers ("World War II", "Phase III"), lowercase.
pub(super) static NUMBERED_NOUNS: WordSet = WordSet::new(&[
    "war", "phase", "part", "vatican", "title", "stage", "type", "class", "chapter", "act",
    "round", "level", "section", "volume", "book", "season", "episode", "wave", "accords",
    "treaty", "article", "tier", "step", "gate", "division", "league",
]);

/// The surname of a name (lowercase), before any suffix: "Rob Hale Jr." is a Hale.
fn surname(name: &[String]) -> Option<String> {
    name.iter()
        .rev()
        .find(|w| !is_name_suffix(w))
        .or(name.last())
        .map(|w| w.lc())
}

fn is_honorific(w: &str) -> bool {
    in_set(HONORIFICS, w)
}

/// Splits a run of words into role (title) and name: the name is what follows the last role
/// word or organisation word.
pub fn split_role_name(lex: &Lexicon, words: &[&str]) -> (Vec<String>, Vec<String>) {
    let mut cut = 0;
    for (i, w) in words.iter().enumerate() {
        let lw = w.lc();
        let lw = strip_possessive(&lw);
        let particle = i > 0
            && NAME_PARTICLES.contains(&lw)
            && words
                .get(i + 1)
                .is_some_and(|n| n.chars().next().is_some_and(char::is_uppercase));
        // A sentence's opening word before a name ("Now Donald Trump", "With Sanders")
        // belongs to no name.
        let opener =
            i == 0 && words.len() > 1 && (OPENERS.contains(lw) || OPENER_NAMES.contains(lw));
        // "Activist Jane Doe", "Reporter Jo Kane": a person noun opening the phrase, before
        // a capitalised word, is a title.
        let person_noun = i == cut
            && words
                .get(i + 1)
                .is_some_and(|n| n.chars().next().is_some_and(char::is_uppercase))
            && (SPEAKER_NOUNS.contains(lw) || lw == "reporter")
            && !ORG_HEADS.contains(lw)
            && !lex.gender.contains_key(lw);
        // "Journalist Jane Doe": a word that is no first name, before a first name and a
        // surname, is a title too.
        let before_first_name = i == cut
            && words.len() >= i + 3
            && !lex.gender.contains_key(lw)
            && lex.gender.contains_key(&*words[i + 1].lc());
        // "Richard J. Durbin": a middle initial after a name word is part of the name, not an
        // abbreviation such as "U.S.".
        let initial = i > cut
            && w.len() == 2
            && w.ends_with('.')
            && w.as_bytes()[0].is_ascii_uppercase()
            && i + 1 < words.len();
        // "Brent Bozell III", "Rob Hale Jr.": a suffix after a name is part of it; a numeral
        // not after a noun that numbers things ("World War II", "Phase II" are no one).
        let suffix = i > cut
            && is_name_suffix(w)
            && (w.starts_with(['J', 'S']) || !NUMBERED_NOUNS.contains(&words[i - 1].lc()));
        let is_role = !particle
            && !initial
            && !suffix
            && (opener
                || person_noun
                || before_first_name
                || lex.is_role_word(lw)
                || lex.stop_names.contains(lw)
                || DETERMINERS.contains(lw)
                || CONNECTORS.contains(lw)
                || w.chars().all(|c| c.is_uppercase() || c == '.')
                || w.ends_with("'s")
                || w.ends_with("’s")
                || !w.chars().next().is_some_and(char::is_uppercase)
                || lex.org_named(w).is_some());
        if is_role {
            cut = i + 1;
        }
    }
    let role = words[..cut].iter().map(|s| s.to_string()).collect();
    let name = words[cut..].iter().map(|s| clean_name_word(s)).collect();
    (role, name)
}

/// What [`classify`] makes of a phrase: its kind, name words and role.
pub type Classified = (NpKind, Vec<String>, Option<String>);

/// Phrases already classified on this thread, with the lexicon they were classified by. A
/// name comes back many times in an article (each capitalised run is classified when people
/// are registered, and again as the subject of each cue), and classifying one costs some
/// thirty small allocations. Emptied when full.
struct ClassifyCache {
    lex: usize,
    seen: rustc_hash::FxHashMap<String, Classified>,
}

/// Phrases kept by the cache at most.
const CLASSIFY_CACHE: usize = 1 << 14;
/// Longer phrases (bytes) are classified without the cache, which then holds at most a few MB.
const CLASSIFY_CACHE_PHRASE: usize = 200;

thread_local! {
    static CLASSIFIED: std::cell::RefCell<ClassifyCache> = std::cell::RefCell::new(ClassifyCache {
        lex: 0,
        seen: Default::default(),
    });
}

/// Classifies a phrase (its words in order) as a speaker mention.
pub fn classify(lex: &Lexicon, words: &[&str]) -> Classified {
    let len = words.iter().map(|w| w.len() + 1).sum::<usize>();
    if len > CLASSIFY_CACHE_PHRASE {
        return classify_phrase(lex, words);
    }
    let id = std::ptr::from_ref(lex) as usize;
    let mut key = String::with_capacity(len);
    for w in words {
        key.push_str(w);
        key.push('\0');
    }
    // No borrow is held while classifying: a phrase's classification may classify its parts.
    let hit = CLASSIFIED.with_borrow(|c| {
        if c.lex == id {
            c.seen.get(&key).cloned()
        } else {
            None
        }
    });
    if let Some(hit) = hit {
        return hit;
    }
    let out = classify_phrase(lex, words);
    CLASSIFIED.with_borrow_mut(|c| {
        if c.lex != id || c.seen.len() >= CLASSIFY_CACHE {
            c.seen.clear();
            c.lex = id;
        }
        c.seen.insert(key, out.clone());
    });
    out
}

fn classify_phrase(lex: &Lexicon, words: &[&str]) -> Classified {
    let lw: Vec<String> = words.iter().map(|w| w.lc()).collect();
    if words.len() == 1 && PRONOUNS.contains(&lw[0].as_str()) {
        return (NpKind::Pronoun, vec![], None);
    }
    // "Professor Elena Marsh of Georgetown University": a person, then their organisation.
    if let Some(i) = lw
        .iter()
        .position(|w| matches!(w.as_str(), "of" | "at" | "from"))
        && i > 0
        && i + 1 < words.len()
        && words[i + 1..]
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) || CONNECTORS.contains_ci(w))
        && let (NpKind::Name, name, role) = classify(lex, &words[..i])
    {
        let org = words[i + 1..].join(" ");
        let role = Some(match role {
            Some(r) => format!("{r}, {org}"),
            None => org,
        });
        return (NpKind::Name, name, role);
    }
    let last = lw.last().map(|s| clean_name_word(s)).unwrap_or_default();
    let phrase = words.join(" ");
    let (role, name) = split_role_name(lex, words);
    // "Johns Hopkins Center for Systems Science": a name after "for"/"of" names a body.
    if role
        .last()
        .is_some_and(|w| in_set(&["of", "for", "at", "and", "&"], w))
    {
        return (NpKind::Org, vec![], None);
    }
    let role_text = {
        let mut r: Vec<&str> = role.iter().map(String::as_str).collect();
        // Neither "the" nor a sentence's opening "But" is part of a title.
        while r.first().is_some_and(|w| {
            DETERMINERS.contains_ci(w) || OPENERS.contains_ci(w) || OPENER_NAMES.contains_ci(w)
        }) {
            r.remove(0);
        }
        (!r.is_empty()).then(|| r.join(" "))
    };
    // One capitalised word that is a generic noun ("Officials said"), page furniture ("Hide
    // Caption 14 of 24 Photos"), a sentence opener ("All", "During"), a contraction ("I've"),
    // or an indefinite word and a noun ("a Republican", "some Democrats") names nobody: the
    // statement stays, without a speaker.
    if name.len() == 1 && role.len() + name.len() == words.len() {
        let n = name[0].lc();
        let opener = lw.first().map(String::as_str).unwrap_or("");
        if GENERIC.contains(n.as_str())
            || NOT_NAMES.contains(n.as_str())
            || OPENER_NAMES.contains(n.as_str())
            || [
                "'ve", "'m", "'ll", "'re", "'d", "’ve", "’m", "’ll", "’re", "’d",
            ]
            .iter()
            .any(|c| n.ends_with(c))
            || (words.len() == 2
                && matches!(
                    opener,
                    "a" | "an" | "some" | "many" | "several" | "most" | "few" | "other" | "another"
                ))
        {
            return (NpKind::Nominal, vec![], role_text.or(Some(phrase)));
        }
    }
    // A place ("New York", "the United States", "South Florida") stands for its government
    // when it speaks, and is never a person that a pronoun could mean.
    let compass = name.len() >= 2
        && matches!(
            name[0].as_str(),
            "North"
                | "South"
                | "East"
                | "West"
                | "Northern"
                | "Southern"
                | "Eastern"
                | "Western"
                | "Central"
        );
    if !name.is_empty() && (compass || lex.is_place(&name)) {
        return (NpKind::Org, name, None);
    }
    // "European Jews", "Senate Democrats", "Evangelical Christians": a group, nobody by name.
    if name.len() >= 2 && name.last().is_some_and(|w| is_group_word(w)) {
        return (NpKind::Nominal, vec![], role_text.or(Some(phrase)));
    }
    // "The Wisconsin Republican", "a Jupiter Democrat": a party's member, described; no name
    // ends in the party.
    if words.len() >= 2 && PARTY_MEMBERS.contains(last.as_str()) {
        let described: Vec<&str> = words
            .iter()
            .copied()
            .skip_while(|w| DETERMINERS.contains_ci(w))
            .collect();
        return (NpKind::Nominal, vec![], Some(described.join(" ")));
    }
    if !name.is_empty() && !ORG_HEADS.contains(last.as_str()) && lex.org_named(&phrase).is_none() {
        // A lone capitalised word after no title may still be an organisation ("NATO said").
        if name.len() == 1 && role.is_empty() && lex.org_named(&name[0]).is_some() {
            return (NpKind::Org, name, None);
        }
        return (NpKind::Name, name, role_text);
    }
    if lex.org_named(&phrase).is_some()
        || (ORG_HEADS.contains(last.as_str())
            && words.iter().any(|w| {
                w.chars().next().is_some_and(char::is_uppercase) && !DETERMINERS.contains_ci(w)
            }))
    {
        return (NpKind::Org, vec![], None);
    }
    (NpKind::Nominal, vec![], role_text.or(Some(phrase)))
}

/// A party's member, as a description's head ("the Wisconsin Republican", "one Democrat").
pub(super) static PARTY_MEMBERS: WordSet =
    WordSet::new(&["republican", "democrat", "independent", "libertarian"]);

/// A capitalised plural naming a people, faith or party ("Americans", "Democrats", "Jews").
fn is_group_word(w: &str) -> bool {
    ["icans", "ians", "crats", "ists", "eans"]
        .iter()
        .any(|e| w.len() > e.len() + 2 && w.ends_with(e))
        || matches!(
            w,
            "Jews"
                | "Muslims"
                | "Latinos"
                | "Latinas"
                | "Hispanics"
                | "Evangelicals"
                | "Catholics"
                | "Protestants"
                | "Mormons"
                | "Israelis"
                | "Iraqis"
                | "Pakistanis"
                | "Saudis"
                | "Afghans"
                | "Kurds"
                | "Arabs"
                | "Turks"
                | "Germans"
                | "Britons"
                | "Conservatives"
                | "Liberals"
                | "Progressives"
                | "Independents"
                | "Whites"
                | "Blacks"
        )
}

/// Is the word one that may stand inside a speaker phrase?
fn np_word(body: &str, t: &Token) -> bool {
    if !t.word || t.quoted {
        return false;
    }
    let w = lower(body, t);
    !NP_STOPS.contains(&w)
}

/// The speaker phrase ending right before token `end` (exclusive), reading backwards; handles
/// an apposition ("Smith, a spokesperson for Y, said").
/// "hasn't", "wouldn’t", "can't": an auxiliary with its negation, one token.
fn negated_auxiliary(w: &str) -> bool {
    let Some(stem) = w.strip_suffix("n't").or_else(|| w.strip_suffix("n’t")) else {
        return false;
    };
    matches!(
        stem,
        "has"
            | "have"
            | "had"
            | "is"
            | "are"
            | "was"
            | "were"
            | "would"
            | "wo"
            | "did"
            | "does"
            | "do"
            | "ca"
            | "could"
            | "should"
            | "must"
            | "might"
    )
}

/// "he's said", "they’ve said": a pronoun subject with its auxiliary, one token; the pronoun's
/// length in bytes.
fn pronoun_with_auxiliary(w: &str) -> Option<usize> {
    let (p, _) = w.split_once(['\'', '’'])?;
    let aux = &w[p.len()..];
    let aux = aux.trim_start_matches(['\'', '’']);
    (PRONOUNS.contains(&p) && matches!(aux, "s" | "ve" | "d" | "ll")).then_some(p.len())
}

/// "went on to say", "was quick to add", "wanted to say": where the words that lead to a cue
/// through its "to" (token `to`) start, so that the subject before them speaks.
fn before_to_cue(body: &str, toks: &[Token], to: usize) -> Option<usize> {
    let word = |k: usize| {
        toks.get(k)
            .filter(|t| t.word && !t.quoted && !t.is_cap(body))
            .map(|t| lower(body, t))
    };
    let mut k = to.checked_sub(1)?;
    // "went on to say", "went on to add".
    if word(k).as_deref() == Some("on") && k > 0 {
        k -= 1;
    }
    LEAD_TO_CUE.contains(&word(k)?).then_some(k)
}

/// Verbs and adjectives that lead to a cue through "to": "went on to say", "was quick to add",
/// "seemed to suggest" (whose cue is then "suggest").
pub(super) static LEAD_TO_CUE: WordSet = WordSet::new(&[
    "went",
    "goes",
    "go",
    "wanted",
    "wants",
    "want",
    "decided",
    "decides",
    "seemed",
    "seems",
    "appeared",
    "appears",
    "tried",
    "tries",
    "managed",
    "chose",
    "chooses",
    "hastened",
    "continued",
    "continues",
    "proceeded",
    "proceeds",
    "paused",
    "rushed",
    "quick",
    "eager",
    "happy",
    "careful",
    "ready",
    "willing",
    "prompted",
    "forced",
    "keen",
    "moved",
    "able",
]);

pub fn np_before(lex: &Lexicon, body: &str, toks: &[Token], end: usize) -> Option<Np> {
    let mut j = end;
    loop {
        let before = j;
        while j > 0 && toks[j - 1].word && !toks[j - 1].quoted {
            let w = lower(body, &toks[j - 1]);
            if SKIP_BEFORE_CUE.contains(&w)
                || (w.ends_with("ly") && w.len() > 4 && !toks[j - 1].is_cap(body))
                || negated_auxiliary(&w)
            {
                j -= 1;
            } else if w == "to"
                && let Some(k) = before_to_cue(body, toks, j - 1)
            {
                j = k;
            } else {
                break;
            }
        }
        j = skip_time_adjunct(body, toks, j);
        // "Dianne Feinstein (D-Calif.) said": a parenthesis after the name.
        j = before_parenthesis(body, toks, j);
        if j == before {
            break;
        }
    }
    if j == 0 {
        return None;
    }
    // "voters who said ...", "Ortiz, who thinks ...": the antecedent of "who" speaks.
    if lower(body, &toks[j - 1]) == "who" && j >= 2 {
        let k = if toks[j - 2].text(body) == "," && j >= 3 {
            j - 2
        } else {
            j - 1
        };
        // The mention is "who", where the cue attaches, as "he" would be; the antecedent
        // names the speaker: in "Alan Berger, a doctor from Englewood, who said", the name
        // before the apposition, not the place that ends it.
        let who = &toks[j - 1];
        let before_apposition = || {
            let c = (k.saturating_sub(12)..k).rev().find(|&c| !toks[c].word)?;
            let opens_apposition = toks[c].text(body) == ","
                && toks
                    .get(c + 1)
                    .is_some_and(|t| matches!(&*lower(body, t), "a" | "an" | "the"));
            opens_apposition
                .then(|| np_core_before(lex, body, toks, c))
                .flatten()
                .filter(|n| n.kind == NpKind::Name)
        };
        // "made no mention of Jeb Bush, who announced": the name that ends a longer phrase.
        let trailing_name = || {
            let a = (0..k)
                .rev()
                .take_while(|&a| toks[a].word && !toks[a].quoted && toks[a].is_cap(body))
                .last()?;
            make_np(lex, body, &toks[a..k]).filter(|n| n.kind == NpKind::Name)
        };
        let core = np_core_before(lex, body, toks, k).filter(|n| n.kind != NpKind::Pronoun);
        let ante = before_apposition()
            .or_else(|| core.clone().filter(|n| n.kind == NpKind::Name))
            .or_else(trailing_name)
            .or(core);
        return ante.map(|n| Np {
            start: who.start,
            end: who.end,
            ..n
        });
    }
    // "Jason Sims — a teacher from Mount Pleasant — says": an apposition between dashes.
    if matches!(toks[j - 1].text(body), "—" | "–") {
        let close = j - 1;
        let open = (close.saturating_sub(16)..close)
            .rev()
            .find(|&k| matches!(toks[k].text(body), "—" | "–"));
        if let Some(open) = open.filter(|&o| o + 1 < close)
            && toks[open + 1..close]
                .iter()
                .all(|t| !t.quoted && (t.word || t.text(body) == ","))
        {
            return np_core_before(lex, body, toks, open)
                .filter(|n| n.kind != NpKind::Pronoun)
                .map(|n| Np {
                    end: toks[close].end,
                    ..n
                });
        }
    }
    if toks[j - 1].text(body) == "," {
        // Apposition: ", ... ," right before the cue.
        let close = j - 1;
        let mut k = close;
        while k > 0 && close - k < 16 {
            k -= 1;
            let t = &toks[k];
            if t.quoted {
                break; // perhaps a quotation inside ", who ... ," (below)
            }
            if (!t.word && t.text(body) != ",") && !matches!(t.text(body), "'" | "’" | "-") {
                return chain_subject(lex, body, toks, close);
            }
            if t.text(body) == "," {
                if k + 1 >= close {
                    return None; // ", ," — nothing between the commas
                }
                let words: Vec<&str> = toks[k + 1..close].iter().map(|t| t.text(body)).collect();
                let app = &body[toks[k + 1].start..toks[close - 1].end];
                let (app_kind, app_name, _) = classify(lex, &words);
                let app_np = |role: Option<String>| Np {
                    start: toks[k + 1].start,
                    end: toks[close - 1].end,
                    kind: NpKind::Name,
                    name: app_name.clone(),
                    role: role.filter(|r| !r.is_empty()),
                };
                // "Sen. Dick Durbin (D-Ill.), noting ..., said": the parenthesis after the name.
                let e = before_parenthesis(body, toks, k);
                let nearest = match np_core_before(lex, body, toks, e) {
                    // "Mr. Trump's former campaign manager, Corey Lewandowski, said"
                    None if app_kind == NpKind::Name && k > 0 => {
                        let from = np_start_guess(toks, k);
                        Some(app_np(Some(
                            strip_determiner(&body[from..toks[k - 1].end]).to_string(),
                        )))
                    }
                    None => None,
                    Some(np) if np.kind == NpKind::Pronoun => None,
                    // "The nominee, Richard Coyle, replied": the name is in the apposition.
                    Some(np) if np.kind == NpKind::Nominal && app_kind == NpKind::Name => {
                        Some(app_np(Some(strip_determiner(np.text(body)).to_string())))
                    }
                    Some(mut np) => {
                        let roleish = app
                            .split_whitespace()
                            .any(|w| lex.is_role_word(strip_possessive(w)));
                        if np.kind == NpKind::Name
                            && roleish
                            && app.split_whitespace().count() <= 12
                        {
                            np.role = Some(strip_determiner(app).to_string());
                        }
                        Some(np)
                    }
                };
                if nearest
                    .as_ref()
                    .is_some_and(|n| opens_sentence(toks, n.start))
                {
                    return nearest;
                }
                return chain_subject(lex, body, toks, close).or(nearest);
            }
        }
        // "Dunwoody, who worked for Obama in 2008, said": the name before ", who". A quotation
        // may sit inside the clause ("Hume, who calls the plan a “fraud,” said").
        let lim = close.saturating_sub(40);
        if let Some(w) = (lim..close)
            .rev()
            .find(|&w| !toks[w].quoted && matches!(&*lower(body, &toks[w]), "who" | "which"))
            && w >= 2
            && toks[w - 1].text(body) == ","
            && let Some(np) =
                np_core_before(lex, body, toks, w - 1).filter(|n| n.kind != NpKind::Pronoun)
        {
            return Some(np);
        }
        return chain_subject(lex, body, toks, close);
    }
    restrictive_relative(lex, body, toks, j).or_else(|| np_core_before(lex, body, toks, j))
}

/// "Democrats in Iowa who watched the debate said", "Voters who back him say": a subject
/// opening its clause, then a relative clause without commas, right before the cue (token
/// `end`). The mention runs from the subject to the end of the clause, as annotators mark it.
fn restrictive_relative(lex: &Lexicon, body: &str, toks: &[Token], end: usize) -> Option<Np> {
    // "who" within 12 words before the cue, with only words between.
    let w = (end.saturating_sub(12)..end)
        .rev()
        .take_while(|&k| toks[k].word && !toks[k].quoted)
        .find(|&k| toks[k].text(body).eq_ignore_ascii_case("who"))
        .filter(|&w| w + 1 < end)?;
    let mut ante = np_core_before(lex, body, toks, w).filter(|n| n.kind != NpKind::Pronoun)?;
    let starts_clause = toks
        .iter()
        .rposition(|t| t.start < ante.start)
        .is_none_or(|p| {
            !toks[..=p].iter().any(|t| t.word && !t.quoted) || toks[p].text(body) == ","
        });
    // "Republicans who voted for him": some of a party's members, not the party.
    let kind = match ante.kind {
        NpKind::Org => NpKind::Nominal,
        k => k,
    };
    let name = if kind == NpKind::Nominal {
        vec![]
    } else {
        std::mem::take(&mut ante.name)
    };
    starts_clause.then(|| Np {
        end: toks[end - 1].end,
        kind,
        name,
        ..ante
    })
}

pub(crate) const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Steps back over a time or setting phrase before a cue: "on Thursday evening", "last week",
/// "earlier this month", "in a statement", "in an interview".
fn skip_time_adjunct(body: &str, toks: &[Token], end: usize) -> usize {
    const UNITS: &[&str] = &[
        "week",
        "month",
        "year",
        "morning",
        "evening",
        "night",
        "afternoon",
        "weekend",
        "day",
        "today",
        "yesterday",
        "statement",
        "interview",
        "tweet",
        "speech",
        "letter",
        "email",
        "release",
        "time",
        "moment",
        "point",
        "briefing",
        "conference",
        "rally",
        "debate",
        "hearing",
    ];
    const LEADS: &[&str] = &[
        "at",
        "one",
        "news",
        "on",
        "last",
        "this",
        "earlier",
        "late",
        "early",
        "in",
        "a",
        "an",
        "the",
        "his",
        "her",
        "their",
        "its",
        "that",
        "next",
        "previous",
        "written",
        "televised",
        "recent",
        "separate",
        "brief",
        "lengthy",
        "phone",
        "joint",
    ];
    if end == 0 || !toks[end - 1].word || toks[end - 1].quoted {
        return end;
    }
    let is_day = |w: &str| WEEKDAYS.contains(&w);
    let unit = lower(body, &toks[end - 1]);
    if !UNITS.contains(&&*unit) && !is_day(&unit) {
        return end;
    }
    let mut k = end - 1;
    let is_lead = |t: &Token| {
        let w = lower(body, t);
        t.word && (LEADS.contains(&&*w) || is_day(&w))
    };
    while k > 0 && end - k < 6 && is_lead(&toks[k - 1]) {
        k -= 1;
    }
    // Only a phrase that starts with a preposition or a time word is an adjunct.
    let first = lower(body, &toks[k]);
    if matches!(
        &*first,
        "on" | "at"
            | "last"
            | "this"
            | "earlier"
            | "in"
            | "late"
            | "early"
            | "next"
            | "yesterday"
            | "today"
    ) || k + 1 == end && matches!(&*first, "yesterday" | "today")
    {
        k
    } else {
        end
    }
}

/// Token `end`, or where a short parenthesis ("(D-Ill.)", at most eight tokens) that ends
/// right before it opens.
fn before_parenthesis(body: &str, toks: &[Token], end: usize) -> usize {
    if end > 0
        && toks[end - 1].text(body) == ")"
        && let Some(open) = toks[..end - 1].iter().rposition(|t| t.text(body) == "(")
        && end - 1 - open <= 8
    {
        return open;
    }
    end
}

/// Where a phrase ending before token `end` starts: back over at most six words.
/// Does the phrase starting at byte `start` open its sentence (nothing but punctuation or a
/// quotation before it)?
fn opens_sentence(toks: &[Token], start: usize) -> bool {
    toks.iter()
        .take_while(|t| t.start < start)
        .all(|t| !t.word || t.quoted)
}

/// The name opening the sentence before a chain of appositions and commas ending at token
/// `close`: "Sen. Jo Hale, R-Ore., a first-term senator, said", "Ann Ruiz (D-Md.), chair of
/// the panel, said", "Al Dee, a pollster who works with Vote Now, a PAC, said". Its role is
/// the apposition right after it when that names a role (cut before a relative clause).
fn chain_subject(lex: &Lexicon, body: &str, toks: &[Token], close: usize) -> Option<Np> {
    let lim = close.saturating_sub(60);
    let mut after = close;
    let mut k = close + 1;
    while k > lim {
        k -= 1;
        let t = &toks[k];
        if t.quoted || matches!(t.text(body), ";" | ":") {
            return None;
        }
        if t.text(body) != "," {
            continue;
        }
        // "(D-Md.)" between the name and its comma.
        let e = before_parenthesis(body, toks, k);
        if let Some(mut np) = np_core_before(lex, body, toks, e)
            && np.kind == NpKind::Name
            && opens_sentence(toks, np.start)
        {
            if k + 1 < after {
                let app = &body[toks[k + 1].start..toks[after - 1].end];
                let app = app.split(" who ").next().unwrap_or(app).trim();
                let roleish = app
                    .split_whitespace()
                    .any(|w| lex.is_role_word(strip_possessive(w)));
                if roleish && app.split_whitespace().count() <= 12 {
                    np.role = Some(strip_determiner(app).to_string());
                }
            }
            return Some(np);
        }
        after = k;
    }
    None
}

fn np_start_guess(toks: &[Token], end: usize) -> usize {
    let mut k = end;
    while k > 0 && end - k < 6 && toks[k - 1].word && !toks[k - 1].quoted {
        k -= 1;
    }
    toks[k.min(end - 1)].start
}

fn strip_determiner(s: &str) -> &str {
    for d in ["the ", "a ", "an ", "The ", "A ", "An "] {
        if let Some(r) = s.strip_prefix(d) {
            return r;
        }
    }
    s
}

fn np_core_before(lex: &Lexicon, body: &str, toks: &[Token], end: usize) -> Option<Np> {
    let last = toks.get(end.checked_sub(1)?)?;
    if !np_word(body, last) {
        return None;
    }
    let lw = lower(body, last);
    if PRONOUNS.contains(&&*lw) {
        return Some(Np {
            start: last.start,
            end: last.end,
            kind: NpKind::Pronoun,
            name: vec![],
            role: None,
        });
    }
    if let Some(len) = pronoun_with_auxiliary(&lw) {
        return Some(Np {
            start: last.start,
            end: last.start + len,
            kind: NpKind::Pronoun,
            name: vec![],
            role: None,
        });
    }
    let mut k = end - 1;
    let mut count = 1;
    while k > 0 && count < 9 {
        let t = &toks[k - 1];
        if !np_word(body, t) {
            break;
        }
        let w = lower(body, t);
        if PRONOUNS.contains(&&*w) && !matches!(&*w, "her" | "his" | "its" | "their") {
            break;
        }
        k -= 1;
        count += 1;
        // "a source familiar with (the) talks", "an aide close to the senator": carry on over
        // "familiar with" and "close to".
        if k >= 2
            && matches!(
                (&*lower(body, &toks[k - 2]), &*lower(body, &toks[k - 1])),
                ("familiar", "with") | ("close" | "closest", "to")
            )
        {
            k -= 2;
            count += 2;
            continue;
        }
        if DETERMINERS.contains(&w) {
            // A determiner opens the phrase, unless a connector precedes ("a spokesman for the X").
            let before = k.checked_sub(1).map(|p| lower(body, &toks[p]));
            if !before.is_some_and(|b| matches!(&*b, "for" | "of" | "at")) {
                break;
            }
        }
    }
    // "eight in 10 voters", "one in five": a proportion opens the phrase.
    if k >= 2
        && proportion(
            &lower(body, &toks[k - 2]),
            &lower(body, &toks[k - 1]),
            &lower(body, &toks[k]),
        )
    {
        k -= 2;
    }
    // Connectors may not open the phrase.
    while k < end - 1 && CONNECTORS.contains(&lower(body, &toks[k])) {
        k += 1;
    }
    // "Democrats in Iowa said", "officials at the ministry said": a group and where it is.
    if k >= 2
        && matches!(&*lower(body, &toks[k - 1]), "in" | "at" | "from")
        && let Some(head) = np_core_before(lex, body, toks, k - 1)
        && matches!(head.kind, NpKind::Nominal | NpKind::Org)
        && make_np(lex, body, &toks[k..end]).is_some_and(|n| n.kind != NpKind::Pronoun)
    {
        // A party's members somewhere are people, not the party speaking.
        return Some(Np {
            end: last.end,
            kind: NpKind::Nominal,
            name: vec![],
            ..head
        });
    }
    // "people with knowledge of the talks said": a person or group with what makes them a
    // source.
    // ("Officials with the agency" are the agency's: the agency speaks, as before.)
    if k >= 2
        && lower(body, &toks[k - 1]) == "with"
        && make_np(lex, body, &toks[k..end]).is_none()
        && let Some(head) = np_core_before(lex, body, toks, k - 1)
        && matches!(head.kind, NpKind::Nominal)
    {
        return Some(Np {
            end: last.end,
            ..head
        });
    }
    // "officials briefed on the talks said": a phrase after a preposition is the complement of
    // a participle after the speaker, not the speaker.
    if k > 0 && NP_STOPS.contains(&lower(body, &toks[k - 1])) {
        return participle_phrase(lex, body, toks, end)
            .or_else(|| make_np(lex, body, &toks[k..end]));
    }
    make_np(lex, body, &toks[k..end])
        .or_else(|| participle_phrase(lex, body, toks, end))
        .or_else(|| described_speaker(lex, body, toks, k, end))
}

/// "The NFL legend said ...", "The memo shows ...": before a verb that only a speaker, writer or
/// document can be the subject of, a description opening with a determiner speaks, whatever
/// its head noun (the word lists know "spokesman", not every trade or document).
fn described_speaker(
    lex: &Lexicon,
    body: &str,
    toks: &[Token],
    start: usize,
    end: usize,
) -> Option<Np> {
    let cue = toks.get(end).filter(|t| t.word && !t.quoted)?;
    if !SUBJECT_OF_SPEECH.contains(&lower(body, cue))
        || !DETERMINERS.contains(&lower(body, toks.get(start)?))
        || end - start < 2
    {
        return None;
    }
    let words: Vec<&str> = toks[start..end].iter().map(|t| t.text(body)).collect();
    let (kind, name, role) = classify(lex, &words);
    (kind == NpKind::Nominal).then(|| Np {
        start: toks[start].start,
        end: toks[end - 1].end,
        kind,
        name,
        role,
    })
}

/// Heads of a phrase that counts people ("Several said", "Each side said", "none has said").
static QUANTIFIED: WordSet = WordSet::new(&[
    "several",
    "many",
    "most",
    "few",
    "both",
    "none",
    "others",
    "each",
    "side",
    "sides",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "half",
    "majority",
    "minority",
    "plurality",
]);

/// Verbs whose subject is a speaker, a writer or a document (see [`described_speaker`]).
static SUBJECT_OF_SPEECH: WordSet = WordSet::new(&[
    "said", "says", "say", "told", "tells", "wrote", "writes", "added", "argued", "argues",
    "warned", "warns", "noted", "notes", "stated", "states", "insisted", "insists", "claimed",
    "claims", "shows", "showed", "found", "finds",
]);

/// Words that open or join clauses: a participle phrase never runs over them.
static CLAUSE_WORDS: WordSet = WordSet::new(&[
    "that", "which", "who", "whom", "because", "but", "or", "if", "when", "while", "is", "are",
    "was", "were", "be", "been", "has", "have", "had", "will", "would", "said", "says", "told",
    "and", "not",
]);

/// Three lowercased words making a proportion of people: "eight in 10", "one in five".
fn proportion(a: &str, in_: &str, b: &str) -> bool {
    in_ == "in" && is_number(a) && is_number(b)
}

/// A number as digits or as a word up to ten ("26", "26%", "eight").
fn is_number(w: &str) -> bool {
    let digits = w.trim_end_matches('%');
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
        || matches!(
            w,
            "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
        )
}

/// A speaker with a participle phrase after it, ending right before token `end`: "officials
/// briefed on the talks", "voters surveyed", "those polled in May". The noun before the
/// participle speaks; the mention is the whole phrase.
fn participle_phrase(lex: &Lexicon, body: &str, toks: &[Token], end: usize) -> Option<Np> {
    let from = end.saturating_sub(7).max(1);
    for p in (from..end).rev() {
        let t = &toks[p];
        if !t.word || t.quoted {
            return None;
        }
        let w = lower(body, t);
        if !(w.len() > 4 && w.ends_with("ed")) {
            // The participle's complement: "briefed on the move", "involved in the talks".
            if CLAUSE_WORDS.contains(&w) || PRONOUNS.contains(&&*w) {
                return None;
            }
            continue;
        }
        let before = lower(body, &toks[p - 1]);
        // "the bill passed on Monday": a participle after a verb or a preposition is not one;
        // its complement opens with a preposition or a day ("a poll released Sunday"), and a
        // past tense before "to" or an object is a verb ("declined to comment").
        let opens_complement = p + 1 == end
            || matches!(
                &*lower(body, &toks[p + 1]),
                "on" | "in"
                    | "about"
                    | "by"
                    | "with"
                    | "at"
                    | "for"
                    | "from"
                    | "during"
                    | "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
                    | "today"
                    | "yesterday"
                    | "last"
                    | "this"
            );
        if NP_STOPS.contains(&before) || !opens_complement {
            return None;
        }
        let head = if before == "those" {
            Some(Np {
                start: toks[p - 1].start,
                end: toks[p - 1].end,
                kind: NpKind::Nominal,
                name: vec![],
                role: None,
            })
        } else {
            np_core_before(lex, body, toks, p).filter(|n| n.kind != NpKind::Pronoun)
        };
        return head.map(|n| Np {
            end: toks[end - 1].end,
            ..n
        });
    }
    None
}

fn make_np(lex: &Lexicon, body: &str, toks: &[Token]) -> Option<Np> {
    let first = toks.first()?;
    let last = toks.last()?;
    let words: Vec<&str> = toks.iter().map(|t| t.text(body)).collect();
    let (kind, name, role) = classify(lex, &words);
    if kind == NpKind::Nominal {
        // A description speaks only if its head is a person, group or body ("the minister",
        // "officials", "a Pentagon spokesman"), not "a joint pledge" or "the cuts".
        // The head comes before a prepositional tail: "supporters of reform", "people with
        // knowledge of the talks".
        let head_at = words
            .iter()
            .skip(1)
            .position(|w| {
                matches!(
                    &*w.lc(),
                    "of" | "for" | "with" | "at" | "from" | "in" | "to"
                )
            })
            .map_or(words.len() - 1, |p| p);
        // "a source familiar with ...", "an aide close to ...": the noun before the adjective.
        let head_at =
            if head_at > 0 && matches!(&*words[head_at].lc(), "familiar" | "close" | "closest") {
                head_at - 1
            } else {
                head_at
            };
        let head = words[head_at].lc();
        let head = head
            .strip_suffix("'s")
            .unwrap_or(&head)
            .trim_end_matches('.');
        // "one in five", "eight in 10 voters": a proportion of people speaks.
        let of_people =
            words.len() >= 3 && proportion(&words[0].lc(), &words[1].lc(), &words[2].lc());
        if !of_people && !plausible_speaker_head(lex, head) {
            return None;
        }
    }
    Some(Np {
        start: first.start,
        end: last.end,
        kind,
        name,
        role,
    })
}

/// Can a description with this head word say something? People by role or group ("the
/// minister", "donors", "a strategist"), bodies, documents, poll figures ("46 percent").
fn plausible_speaker_head(lex: &Lexicon, head: &str) -> bool {
    if lex.is_role_word(head)
        || SPEAKER_NOUNS.contains(head)
        || GENERIC.contains(head)
        || QUANTIFIED.contains(head)
        || PARTY_MEMBERS.contains(head)
    {
        return true;
    }
    if head
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.' || c == '%')
    {
        return true;
    }
    let agent = [
        "er", "or", "ist", "ian", "ant", "ent", "ee", "man", "woman", "ess",
    ]
    .iter()
    .any(|s| head.ends_with(s))
        && head.len() > 4;
    let plural =
        head.ends_with('s') && !head.ends_with("ss") && !head.ends_with("us") && head.len() > 3;
    agent || plural
}

/// The speaker phrase starting at token `start`, reading forwards ("said Hegseth at the
/// meeting", "according to the American defence minister").
pub fn np_after(lex: &Lexicon, body: &str, toks: &[Token], start: usize) -> Option<Np> {
    let mut k = start;
    let mut seen_head = false;
    while k < toks.len() && k - start < 10 {
        let t = &toks[k];
        if !t.word || t.quoted {
            break;
        }
        let w = lower(body, t);
        if k > start && (CONNECTORS.contains(&w)) {
            // "of"/"for" continue the phrase only if a word follows.
            if toks.get(k + 1).is_some_and(|n| n.word && !n.quoted) && w != "and" && w != "at" {
                k += 1;
                continue;
            }
            break;
        }
        if NP_STOPS.contains(&w) && !(k == start && w == "the") {
            break;
        }
        if w == "familiar" && toks.get(k + 1).is_some_and(|n| lower(body, n) == "with") {
            break;
        }
        // "the base chief known as Bob", "a man speaking on condition of anonymity".
        // "Bondi criticized Fields and said ...": a verb right after a name ends it too.
        if seen_head
            && (k > start + 1 || toks[start].is_cap(body))
            && !t.is_cap(body)
            && (w.ends_with("ing") || w.ends_with("ed") || w == "known")
        {
            break;
        }
        if k == start && PRONOUNS.contains(&&*w) && !matches!(&*w, "her" | "his" | "its" | "their")
        {
            return Some(Np {
                start: t.start,
                end: t.end,
                kind: NpKind::Pronoun,
                name: vec![],
                role: None,
            });
        }
        seen_head = seen_head || !DETERMINERS.contains(&w);
        k += 1;
    }
    if !seen_head || k == start {
        return None;
    }
    let mut np = make_np(lex, body, &toks[start..k])?;
    // A name in apposition after a description: "said Rubio's deputy campaign manager, Rich
    // Beeson." The description is the role.
    if np.kind == NpKind::Nominal
        && let Some(e) = run_after_comma(body, toks, k, 6, |t| t.is_cap(body))
        && toks
            .get(e)
            .is_none_or(|t| matches!(t.text(body), "," | "." | ";" | "!" | "?"))
    {
        let words: Vec<&str> = toks[k + 1..e].iter().map(|t| t.text(body)).collect();
        if let (NpKind::Name, name, _) = classify(lex, &words)
            && name.len() >= 2
        {
            return Some(Np {
                start: np.start,
                end: toks[e - 1].end,
                kind: NpKind::Name,
                name,
                role: Some(strip_determiner(np.text(body)).to_string()),
            });
        }
    }
    // Apposition after a name: "said Mark Rutte, NATO's secretary general."
    if np.kind == NpKind::Name
        && let Some(e) = run_after_comma(body, toks, k, 12, |_| true)
    {
        let app = &body[toks[k + 1].start..toks[e - 1].end];
        if app
            .split_whitespace()
            .any(|w| lex.is_role_word(w.strip_suffix("'s").unwrap_or(w)))
        {
            np.role = Some(strip_determiner(app).to_string());
        }
    }
    Some(np)
}

/// After a comma at token `k`, the end (exclusive) of the run of unquoted words that `keep`
/// accepts, fewer than `max` tokens from the comma; none without the comma or a word.
fn run_after_comma(
    body: &str,
    toks: &[Token],
    k: usize,
    max: usize,
    keep: impl Fn(&Token) -> bool,
) -> Option<usize> {
    if toks.get(k).is_none_or(|t| t.text(body) != ",") {
        return None;
    }
    let mut e = k + 1;
    while e < toks.len() && toks[e].word && !toks[e].quoted && keep(&toks[e]) && e - k < max {
        e += 1;
    }
    (e > k + 1).then_some(e)
}

/// A person named in the article.
#[derive(Debug, Clone)]
pub struct Person {
    /// The fullest form of the name the article uses.
    pub name: Vec<String>,
    /// 'f' or 'm' when the first name, an honorific or the role tells.
    pub gender: Option<char>,
    pub role: Option<String>,
    pub org: Option<String>,
}

impl Person {
    pub fn display(&self) -> String {
        self.name.join(" ")
    }
}

/// The people of one article, and where each is mentioned.
#[derive(Debug, Default)]
pub struct Registry {
    pub persons: Vec<Person>,
    /// Surname -> the people of that surname, in order of first mention ("Bill Clinton" and
    /// "Hillary Clinton" are two).
    by_last: HashMap<String, Vec<usize>>,
    /// (byte position, person) in text order.
    pub mentions: Vec<(usize, usize)>,
    /// Positions of each person's mentions, in text order.
    last_mention: Vec<Vec<usize>>,
    /// Last word of a body's name -> the fullest name the article gives it.
    orgs: HashMap<String, String>,
}

impl Registry {
    /// Records a person by name; a longer form of a known surname makes it fuller.
    pub fn add(
        &mut self,
        lex: &Lexicon,
        name: &[String],
        role: Option<&str>,
        pos: usize,
    ) -> Option<usize> {
        let name: Vec<String> = name.iter().filter(|w| !is_honorific(w)).cloned().collect();
        let last = surname(&name)?;
        let idx = match self.lookup(lex, &name) {
            Some(i) => {
                let p = &mut self.persons[i];
                if name.len() > p.name.len() {
                    p.name = name;
                }
                i
            }
            None => {
                self.persons.push(Person {
                    name,
                    gender: None,
                    role: None,
                    org: None,
                });
                let i = self.persons.len() - 1;
                self.by_last.entry(last).or_default().push(i);
                i
            }
        };
        if self.persons[idx].gender.is_none() {
            self.persons[idx].gender = gender_of(lex, &self.persons[idx].name, role);
        }
        if let Some(r) = role.filter(|r| !r.trim().is_empty()) {
            let r = r.trim();
            let only_honorific = r.split_whitespace().all(is_honorific);
            let p = &mut self.persons[idx];
            if !only_honorific && p.role.is_none() {
                p.role = Some(r.to_string());
                p.org = lex.org_of(r).map(str::to_string);
            }
        }
        self.mentions.push((pos, idx));
        if self.last_mention.len() <= idx {
            self.last_mention.resize(idx + 1, Vec::new());
        }
        self.last_mention[idx].push(pos);
        Some(idx)
    }

    /// Records the name of a body ("the New York Post", "Trump campaign").
    pub fn add_org(&mut self, name: &str) {
        // A sentence's opening word is no part of the name ("Although North Korea").
        let mut name = name.trim();
        while let Some((first, rest)) = name.split_once(char::is_whitespace)
            && (OPENERS.contains_ci(first) || OPENER_NAMES.contains_ci(first))
        {
            name = rest.trim_start();
        }
        let name = strip_determiner(name)
            .trim_end_matches("'s")
            .trim_end_matches("’s");
        let Some(last) = name.split_whitespace().last() else {
            return;
        };
        let e = self.orgs.entry(last.lc()).or_default();
        if name.split_whitespace().count() > e.split_whitespace().count() {
            *e = name.to_string();
        }
    }

    /// The fullest name in the article of the body `name` refers to (by its last word).
    pub fn fullest_org(&self, name: &str) -> String {
        let name = strip_determiner(name.trim());
        name.split_whitespace()
            .last()
            .and_then(|l| self.orgs.get(&l.lc()))
            .filter(|full| full.split_whitespace().count() > name.split_whitespace().count())
            .cloned()
            .unwrap_or_else(|| name.to_string())
    }

    /// Records one more mention of a known person.
    pub fn mention(&mut self, idx: usize, pos: usize) {
        self.mentions.push((pos, idx));
        self.last_mention[idx].push(pos);
    }

    /// The person a name refers to. A first name picks among people of the same surname (or
    /// takes one known by surname alone); a surname alone is the one the article mentions most,
    /// as the one a story is about goes by surname and a relative by full name.
    pub fn lookup(&self, lex: &Lexicon, name: &[String]) -> Option<usize> {
        let same = self.by_last.get(&surname(name)?)?;
        let Some(first) = name.first().filter(|_| name.len() >= 2) else {
            return same
                .iter()
                .copied()
                .max_by_key(|&i| (self.last_mention.get(i).map_or(0, Vec::len), Reverse(i)));
        };
        // ... or one name ends the other ("Wasserman Schultz", "Debbie Wasserman Schultz"), unless
        // the shorter opens with a first name of its own ("Donald Trump" is no part of a
        // headline's "Crowd Does Not Like Donald Trump").
        let ends = |long: &[String], short: &[String]| {
            long.len() >= short.len()
                && long[long.len() - short.len()..]
                    .iter()
                    .zip(short)
                    .all(|(a, b)| a.eq_ignore_ascii_case(b))
        };
        same.iter().copied().find(|&i| {
            let p = &self.persons[i].name;
            p.len() < 2
                || p[0].eq_ignore_ascii_case(first)
                || (ends(p, name) && !lex.gender.contains_key(&first.lc()))
                || ends(name, p)
        })
    }

    /// Is anyone of this surname known?
    pub fn knows_surname(&self, name: &[String]) -> bool {
        surname(name).is_some_and(|l| self.by_last.contains_key(&l))
    }

    /// The person last mentioned before `pos` whose gender does not contradict the pronoun
    /// (looking back over a bounded number of mentions), with where that mention is.
    pub fn last_mention_before(&self, pos: usize, gender: Option<char>) -> Option<(usize, usize)> {
        let upto = self.mentions.partition_point(|(p, _)| *p < pos);
        self.mentions[..upto]
            .iter()
            .rev()
            .take(64)
            .copied()
            .find(|&(_, i)| self.compatible(i, gender))
    }

    /// [`Self::last_mention_before`], the person alone.
    pub fn last_before(&self, pos: usize, gender: Option<char>) -> Option<usize> {
        self.last_mention_before(pos, gender).map(|(_, i)| i)
    }

    /// Could a pronoun of this gender refer to person `i`?
    pub fn compatible(&self, i: usize, gender: Option<char>) -> bool {
        match (self.persons[i].gender, gender) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
    }

    /// The person a description refers to: same organisation first, then same role head.
    pub fn resolve_nominal(&self, lex: &Lexicon, phrase: &str, pos: usize) -> Option<usize> {
        let words = norm_words(phrase);
        let head = words.last()?;
        if GENERIC.contains(head.as_str()) {
            return None;
        }
        // "a Democratic senator", "another aide": someone new, not a person named before.
        if words
            .first()
            .is_some_and(|w| matches!(w.as_str(), "a" | "an" | "one" | "another" | "some"))
        {
            return None;
        }
        let org = lex.org_of(phrase);
        // A party in the description rules out those whose title names another
        // ("the Republican governor" is not "Democratic Gov. Jay Nixon").
        let party_of = |ws: &[String]| {
            ws.iter().find_map(|w| match w.as_str() {
                "republican" | "gop" => Some('R'),
                "democratic" | "democrat" => Some('D'),
                _ => None,
            })
        };
        let phrase_party = party_of(&words[..words.len() - 1]);
        // The words before the head ("the Vermont senator", "the Wisconsin Republican") pick
        // among those who share it or the organisation; a party's member needs one of them,
        // or the organisation, as every Republican shares the head.
        let modifiers: Vec<&String> = words[..words.len() - 1]
            .iter()
            .filter(|w| !DETERMINERS.contains(w))
            .collect();
        let party = PARTY_MEMBERS.contains(head);
        let mut best: Option<(i32, usize, usize)> = None; // (score, recency, idx)
        for (i, p) in self.persons.iter().enumerate() {
            let mut score = 0;
            let by_org = org.is_some() && p.org.as_deref() == org;
            if by_org {
                score += 2;
            }
            let mut by_modifier = false;
            if let Some(r) = &p.role {
                let rw = norm_words(r);
                if phrase_party.is_some_and(|a| party_of(&rw).is_some_and(|b| a != b)) {
                    continue;
                }
                if rw.iter().any(|w| w == head) {
                    score += 1;
                }
                // Only among those the head or the organisation already picks.
                if score > 0 {
                    for m in &modifiers {
                        if rw.contains(m) {
                            score += 1;
                            by_modifier = true;
                        }
                    }
                }
            }
            if score == 0 || (party && !by_org && !by_modifier) {
                continue;
            }
            let seen = &self.last_mention[i];
            let before = seen.partition_point(|&mp| mp < pos);
            let recency = if before > 0 { seen[before - 1] + 1 } else { 0 };
            if best.is_none_or(|b| (score, recency) > (b.0, b.1)) {
                best = Some((score, recency, i));
            }
        }
        best.map(|b| b.2)
    }
}

/// Is the word the head of a body's name ("campaign", "committee")?
pub fn is_org_head(w: &str) -> bool {
    ORG_HEADS.contains(w)
}

/// The body a description names, as the article writes it: "a spokesman for the Clinton
/// campaign" → "Clinton campaign", "Pentagon officials" → "Pentagon".
pub fn body_in_phrase(lex: &Lexicon, text: &str) -> Option<String> {
    let all: Vec<&str> = text.split_whitespace().collect();
    let lead = all
        .iter()
        .take_while(|w| DETERMINERS.contains_ci(w))
        .count();
    let words = &all[lead..];
    let cap = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    if let Some(p) = words.iter().position(|w| matches!(*w, "for" | "of" | "at")) {
        let tail: Vec<&str> = words[p + 1..]
            .iter()
            .copied()
            .skip_while(|w| DETERMINERS.contains_ci(w))
            .collect();
        return tail.iter().any(cap).then(|| tail.join(" "));
    }
    // Capitalised modifiers before the head, with a body word if one follows them.
    let start = words.iter().position(cap)?;
    let mut end = start;
    while end < words.len() && cap(&words[end]) {
        end += 1;
    }
    if end >= words.len() {
        return None; // the capitalised words are the head itself
    }
    let named = words[start..end].join(" ");
    // A capitalised first word may only be the sentence start ("Legal scholars"): it must be a
    // known body, or more than one word.
    if lead + start == 0 && end - start == 1 && lex.org_named(&named).is_none() {
        return None;
    }
    if ORG_HEADS.contains_ci(words[end]) {
        end += 1;
    }
    // The body itself ("the Trump campaign"), or someone who speaks for it ("Pentagon
    // officials", "a Kremlin spokesman"); "a veteran Ohio strategist" or "a Republican
    // pollster" speaks for nobody named.
    let head = words.last().map(|w| w.lc()).unwrap_or_default();
    if end < words.len() && !REPRESENTATIVES.contains(head.trim_end_matches(['.', ','])) {
        return None;
    }
    let name = words[start..end].join(" ");
    Some(strip_possessive(&name).to_string())
}

/// Heads of descriptions that speak for a body named before them ("Pentagon officials").
static REPRESENTATIVES: WordSet = WordSet::new(&[
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "spokesmen",
    "spokeswomen",
    "aide",
    "aides",
    "source",
    "sources",
    "representative",
    "representatives",
    "staff",
    "staffer",
    "staffers",
    "officer",
    "officers",
    "statement",
    "leadership",
    "leaders",
    "negotiators",
    "lawyers",
    "attorneys",
    "executives",
    "press",
]);

/// "the minister", "the Republican nominee": a definite description of one person.
pub fn is_definite_person(lex: &Lexicon, text: &str) -> bool {
    let words = norm_words(text);
    let (Some(first), Some(head)) = (words.first(), words.last()) else {
        return false;
    };
    if !matches!(first.as_str(), "the" | "this" | "that") || words.len() < 2 {
        return false;
    }
    if GENERIC.contains(head.as_str()) || head.ends_with('s') || ORG_HEADS.contains(head.as_str()) {
        return false;
    }
    if NOT_PERSON_HEADS.contains(head.as_str()) {
        return false;
    }
    // Most words in "-ant" and "-ent" are things ("the statement", "the government", "the
    // restaurant"); the people are listed.
    lex.is_role_word(head)
        || PERSON_ANT_ENT.contains(head.as_str())
        || ["er", "or", "ist", "ian", "ee"]
            .iter()
            .any(|s| head.ends_with(s))
        // "the 46-year-old"
        || head.ends_with("-year-old")
        // "the businessman", "the congresswoman" (not "the human", "the German").
        || ((head.ends_with("man") || head.ends_with("woman"))
            && head.len() > 5
            && !matches!(head.as_str(), "human" | "german" | "ottoman" | "roman"))
}

/// Heads in "-er", "-or", "-ist", "-ian" and "-ee" that name no person: "the newspaper said"
/// is no earlier speaker's.
static NOT_PERSON_HEADS: WordSet = WordSet::new(&[
    "newspaper",
    "paper",
    "letter",
    "poster",
    "flyer",
    "center",
    "computer",
    "number",
    "order",
    "border",
    "matter",
    "quarter",
    "chapter",
    "register",
    "trailer",
    "banner",
    "tower",
    "theater",
    "water",
    "power",
    "weather",
    "cover",
    "sector",
    "factor",
    "error",
    "mirror",
    "motor",
    "floor",
    "door",
    "indicator",
    "tracker",
    "counter",
    "filter",
    "marker",
    "sticker",
    "twitter",
    "meter",
    "answer",
    "offer",
    "cancer",
    "dinner",
    "river",
    "corner",
    "list",
    "twist",
    "gist",
    "committee",
    "jubilee",
    "guarantee",
    "decree",
]);

/// People among the words in "-ant" and "-ent" (see [`is_definite_person`]).
static PERSON_ANT_ENT: WordSet = WordSet::new(&[
    "president",
    "resident",
    "student",
    "agent",
    "opponent",
    "client",
    "patient",
    "parent",
    "correspondent",
    "respondent",
    "dissident",
    "incumbent",
    "superintendent",
    "proponent",
    "adherent",
    "claimant",
    "applicant",
    "assistant",
    "consultant",
    "servant",
    "immigrant",
    "participant",
    "accountant",
    "attendant",
    "defendant",
    "lieutenant",
    "merchant",
    "sergeant",
    "tenant",
    "informant",
    "militant",
    "migrant",
    "entrant",
    "contestant",
    "descendant",
]);

/// The gender a name, honorific or role tells.
fn gender_of(lex: &Lexicon, name: &[String], role: Option<&str>) -> Option<char> {
    let role = role.unwrap_or("").lc();
    for w in role.split_whitespace() {
        match w.trim_end_matches('.') {
            "mr" | "congressman" | "spokesman" | "chairman" | "king" | "prince" | "sir"
            | "lord" => {
                return Some('m');
            }
            "mrs" | "ms" | "miss" | "congresswoman" | "spokeswoman" | "chairwoman" | "queen"
            | "princess" | "dame" | "lady" => return Some('f'),
            _ => {}
        }
    }
    if name.len() >= 2 {
        return lex.gender.get(&name[0].lc()).copied();
    }
    None
}

/// Could this be the name of a person or body? Not when it starts in lowercase ("secretary
/// of") or a number ("55 Photos"), ends in a connecting word ("Department of"), or holds a
/// word of page furniture.
pub fn plausible_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    // "Democrats said", "Millennials want": a people or a party's members, no name; nor a
    // sentence's opening word ("Asked", "Speaking", "My").
    if let [one] = words.as_slice()
        && (is_group_word(one) || NOT_ONE_WORD_NAMES.contains(one.lc().as_str()))
    {
        return false;
    }
    // A name ends in a capitalised word or a body's head ("Clinton campaign", "Obama
    // administration"); "Democratic primary voters" or "Thursday's meeting" name nobody.
    if last.starts_with(char::is_lowercase) && !ORG_HEADS.contains(last.lc().as_str()) {
        return false;
    }
    first
        .chars()
        .next()
        .is_some_and(|c| !c.is_lowercase() && !c.is_ascii_digit())
        && !in_set(
            &["of", "for", "at", "and", "&", "the", "to", "in", "on", "by"],
            last,
        )
        // Page furniture opens the phrase ("Watch Trump's speech", "Photo Caption") or is in
        // it ("Suffolk University Poll"); a few of its words may end a name ("Judicial
        // Watch", "Ian Read").
        && !NOT_NAMES.contains(first.lc().as_str())
        && !words[1..].iter().any(|w| {
            let w = w.lc();
            NOT_NAMES.contains(w.as_str()) && !matches!(w.as_str(), "watch" | "read" | "target")
        })
}

/// Words that name nobody when they stand alone as a speaker.
static NOT_ONE_WORD_NAMES: WordSet = WordSet::new(&[
    "republican",
    "republicans",
    "democrat",
    "democrats",
    "democratic",
    "police",
    "candidates",
    "politicians",
    "millennials",
    "boomers",
    "my",
    "latest",
    "asked",
    "speaking",
    "yes",
    "no",
    "anyone",
    "everyone",
    "someone",
    "nobody",
    "report",
    "chinese",
    "british",
    "french",
]);

/// The name a speaker string stands for: itself when plausible; the named body or person of a
/// description that slipped through ("spokeswoman for Hillary Clinton" → Hillary Clinton, as
/// an unnamed spokesperson speaks for whom they represent); otherwise none.
pub fn salvage_name(name: &str) -> Option<String> {
    if plausible_name(name) {
        return Some(name.to_string());
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    words
        .iter()
        .enumerate()
        .filter(|(_, w)| in_set(&["for", "of", "at"], w))
        .find_map(|(at, _)| {
            let mut tail = &words[at + 1..];
            while tail.first().is_some_and(|w| DETERMINERS.contains_ci(w)) {
                tail = &tail[1..];
            }
            let tail = tail.join(" ");
            (tail.chars().next().is_some_and(char::is_uppercase) && plausible_name(&tail))
                .then_some(tail)
        })
}

/// Is the description a generic, unnamed source ("officials", "a source")?
pub fn is_generic(phrase: &str) -> bool {
    norm_words(phrase)
        .last()
        .is_some_and(|h| GENERIC.contains(h.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_and_name() {
        let lex = Lexicon::get();
        let (k, name, role) = classify(lex, &["US", "Defence", "Secretary", "Pete", "Hegseth"]);
        assert_eq!(k, NpKind::Name);
        assert_eq!(name, vec!["Pete", "Hegseth"]);
        assert_eq!(role.as_deref(), Some("US Defence Secretary"));
        let (k, _, _) = classify(lex, &["the", "Pentagon", "Chief"]);
        assert_eq!(k, NpKind::Nominal);
        let (k, _, _) = classify(lex, &["the", "Kremlin"]);
        assert_eq!(k, NpKind::Org);
        let (k, name, _) = classify(lex, &["Mr", "Hegseth"]);
        assert_eq!((k, name), (NpKind::Name, vec!["Hegseth".to_string()]));
    }

    #[test]
    fn a_body_is_recorded_without_the_sentences_opening_word() {
        let mut reg = Registry::default();
        reg.add_org("Although North Korea");
        reg.add_org("But the Daily Ledger");
        reg.add_org("Follow Daily Ledger");
        assert_eq!(reg.fullest_org("North Korea"), "North Korea");
        assert_eq!(reg.fullest_org("the Ledger"), "Daily Ledger");
    }

    #[test]
    fn words_in_a_name_slot_that_name_nobody() {
        let lex = Lexicon::get();
        for words in [
            &["Hide", "Caption", "14", "of", "24", "Photos"][..],
            &["Officials"],
            &["Critics"],
            &["a", "Republican"],
            &["Some", "Democrats"],
            &["I’ve"],
            &["Related"],
        ] {
            assert_ne!(classify(lex, words).0, NpKind::Name, "{words:?}");
        }
        for (words, name) in [
            (&["O'Brien"][..], "O'Brien"),
            (&["A", "teary-eyed", "Bush"], "Bush"),
            (&["Senator", "Patrick", "Leahy"], "Patrick Leahy"),
        ] {
            let (k, n, _) = classify(lex, words);
            assert_eq!(
                (k, n.join(" ")),
                (NpKind::Name, name.to_string()),
                "{words:?}"
            );
        }
        // A sentence's opening word is not a title, nor part of a name.
        let (_, name, role) = classify(lex, &["But", "Trump"]);
        assert_eq!((name.join(" "), role), ("Trump".to_string(), None));
        for words in [
            &["Now", "Donald", "Trump"][..],
            &["With", "Donald", "Trump"],
        ] {
            let (k, name, role) = classify(lex, words);
            assert_eq!(
                (k, name.join(" "), role),
                (NpKind::Name, "Donald Trump".to_string(), None),
                "{words:?}"
            );
        }
        assert_ne!(classify(lex, &["Last"]).0, NpKind::Name);
        let (_, _, role) = classify(lex, &["When", "President", "Obama"]);
        assert_eq!(role.as_deref(), Some("President"));
    }

    #[test]
    fn descriptions_give_the_body_they_speak_for() {
        for (n, want) in [
            ("spokeswoman for Hillary Clinton", Some("Hillary Clinton")),
            (
                "president of the United Federation of Teachers",
                Some("United Federation of Teachers"),
            ),
            (
                "tech staffer at the State Department",
                Some("State Department"),
            ),
            ("series of", None),
            ("Pete Hegseth", Some("Pete Hegseth")),
        ] {
            assert_eq!(salvage_name(n).as_deref(), want, "{n}");
        }
    }

    #[test]
    fn implausible_names() {
        for n in [
            "55 Photos",
            "secretary of",
            "Department of",
            "of",
            "Hide Caption",
            "",
            // People of a body or a place, not its name.
            "Group of 20 leaders",
            "Democratic primary voters",
            "Democrats",
        ] {
            assert!(!plausible_name(n), "{n}");
        }
        for n in [
            "Pete Hegseth",
            "Bill de Blasio",
            "O'Brien",
            "U.S.",
            "FBI",
            "Obama administration",
            "Judicial Watch",
        ] {
            assert!(plausible_name(n), "{n}");
        }
    }
}
