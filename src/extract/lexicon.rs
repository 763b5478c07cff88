//! The extractor's word lists and gazetteer, compiled into the binary from `data/`.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use super::speakers::{Lc, strip_possessive};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct OrgFile {
    org: Vec<OrgEntry>,
}

#[derive(Debug, Deserialize)]
struct OrgEntry {
    name: String,
    aliases: Vec<String>,
    #[serde(default)]
    roles: Vec<String>,
}

/// All the extractor's vocabulary.
#[derive(Debug)]
pub struct Lexicon {
    /// Single-word cues.
    pub cues: HashSet<String>,
    /// Cues of stance or evidence ("shows", "wants"), listed after `[stance]` in cues.txt.
    pub stance_cues: HashSet<String>,
    /// Stance cues that report a position only of someone named ("Sanders seemed to ...",
    /// "she wants ..."), listed after `[stance-named]`: with a mere description as subject
    /// ("the plan seems ...") they report nobody.
    pub named_stance_cues: HashSet<String>,
    /// Cues that are also common nouns, listed after `[noun-or-verb]`: they need "that" after.
    pub noun_cues: HashSet<String>,
    /// Raising verbs ("seems", "is expected"), listed after `[raising]`: the writer's reading
    /// of its subject, reported with no source. Not cues.
    pub raising: HashSet<String>,
    /// Cues whose content may be a bare noun phrase ("endorsed Trump"), after `[object]`.
    pub object_cues: HashSet<String>,
    /// Multi-word cues as word lists, longest first, by their first word.
    pub cue_phrases_by_first: HashMap<String, Vec<Vec<String>>>,
    pub role_words: HashSet<String>,
    pub stop_names: HashSet<String>,
    /// Names of places, lowercase (`data/places.txt`).
    pub places: HashSet<String>,
    /// Normalised alias (word list) -> organisation index; longest first.
    aliases: Vec<(Vec<String>, usize)>,
    /// Normalised alias joined by spaces -> organisation index.
    alias_index: HashMap<String, usize>,
    /// Every word of every normalised alias.
    alias_words: HashSet<String>,
    /// First word of an alias -> its positions in `aliases`, ascending.
    alias_by_first: HashMap<String, Vec<usize>>,
    /// Normalised role phrase -> organisation index.
    roles: HashMap<String, usize>,
    /// Words in the longest role phrase.
    role_max_words: usize,
    pub org_names: Vec<String>,
    /// First name -> 'f' or 'm'.
    pub gender: HashMap<String, char>,
}

/// Longest word looked up without allocating.
pub const MAX_CUE_WORD: usize = 24;

/// Lowercases a short ASCII word into `buf`; `None` for longer or non-ASCII words.
pub fn ascii_lower<'a>(w: &str, buf: &'a mut [u8; MAX_CUE_WORD]) -> Option<&'a str> {
    let b = w.as_bytes();
    if b.len() > MAX_CUE_WORD || !b.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).ok()
}

fn lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Lowercase words of a phrase with the spelling and country variants folded, so that
/// "U.S. Defence Secretary" and "American defense secretary" compare equal.
pub fn norm_words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let lower = text.lc();
    let words = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '\'' || c == '’' || c == '-'))
        .filter(|w| !w.is_empty());
    for w in words {
        let w = strip_possessive(w).trim_matches(|c| c == '.' || c == '\'');
        let w = match w {
            "u.s" | "us" | "american" | "america" | "usa" => "us",
            "u.k" | "uk" | "british" | "britain" => "uk",
            "defence" => "defense",
            "organisation" => "organization",
            "labor" => "labour",
            // Abbreviated titles ("Sen. Ada Brook" is "the senator").
            "sen" => "senator",
            "rep" => "representative",
            "gov" => "governor",
            "gen" => "general",
            "lt" => "lieutenant",
            "atty" => "attorney",
            "sec" | "secy" => "secretary",
            other => other,
        };
        if w.is_empty() {
            continue;
        }
        // "united states" -> "us"
        if w == "states" && out.last().is_some_and(|p| p == "united") {
            out.pop();
            out.push("us".into());
            continue;
        }
        out.push(w.to_string());
    }
    out
}

impl Lexicon {
    /// The lexicon compiled into the binary.
    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| {
            let mut lex = Lexicon::from_data(
                include_str!("data/cues.txt"),
                include_str!("data/role_words.txt"),
                include_str!("data/stop_names.txt"),
                include_str!("data/organisations.toml"),
                include_str!("data/first_names.txt"),
            )
            .expect("bundled extractor data is valid (checked by unit tests)");
            lex.places = lines(include_str!("data/places.txt"))
                .map(str::to_string)
                .collect();
            lex
        })
    }

    fn from_data(
        cues: &str,
        roles: &str,
        stops: &str,
        orgs: &str,
        names: &str,
    ) -> Result<Lexicon, String> {
        let mut single = HashSet::default();
        let mut phrases = Vec::new();
        let mut stance = HashSet::default();
        let mut in_stance = false;
        let mut noun = HashSet::default();
        let mut in_noun = false;
        let mut named = HashSet::default();
        let mut in_named = false;
        let mut raising = HashSet::default();
        let mut object_cues = HashSet::default();
        // The last sections mark words rather than list cues: which one the lines are in.
        let mut marks: Option<&mut HashSet<String>> = None;
        for l in lines(cues) {
            match l {
                "[object]" => marks = Some(&mut object_cues),
                "[raising]" => marks = Some(&mut raising),
                _ => {}
            }
            if l.starts_with('[') && marks.is_some() {
                continue;
            }
            if let Some(set) = marks.as_deref_mut() {
                set.insert(l.lc());
                continue;
            }
            if l == "[stance]" {
                in_stance = true;
                continue;
            }
            if l == "[stance-named]" {
                in_stance = true;
                in_named = true;
                continue;
            }
            if l == "[noun-or-verb]" {
                in_noun = true;
                in_named = false;
                continue;
            }
            if in_named {
                named.insert(l.lc());
            }
            if in_noun {
                noun.insert(l.lc());
            }
            let words: Vec<String> = l.split_whitespace().map(str::to_lowercase).collect();
            if in_stance {
                stance.insert(words.join(" "));
            }
            if words.len() == 1 {
                single.insert(words[0].clone());
            } else {
                phrases.push(words);
            }
        }
        phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
        let file: OrgFile = toml::from_str(orgs).map_err(|e| format!("organisations.toml: {e}"))?;
        let mut aliases = Vec::new();
        let mut role_map = HashMap::default();
        let mut org_names = Vec::new();
        for (i, o) in file.org.iter().enumerate() {
            org_names.push(o.name.clone());
            for a in o.aliases.iter().chain(std::iter::once(&o.name)) {
                let mut w = norm_words(a);
                if w.first().is_some_and(|x| x == "the") && w.len() > 1 {
                    w.remove(0);
                }
                aliases.push((w, i));
            }
            for r in &o.roles {
                role_map.insert(norm_words(r).join(" "), i);
            }
        }
        aliases.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        let alias_index = aliases.iter().map(|(w, i)| (w.join(" "), *i)).collect();
        let alias_words = aliases
            .iter()
            .flat_map(|(w, _)| w.iter().cloned())
            .collect();
        let mut alias_by_first: HashMap<String, Vec<usize>> = HashMap::default();
        for (k, (w, _)) in aliases.iter().enumerate() {
            if let Some(f) = w.first() {
                alias_by_first.entry(f.clone()).or_default().push(k);
            }
        }
        let role_max_words = role_map
            .keys()
            .map(|r: &String| r.split(' ').count())
            .max()
            .unwrap_or(0);
        Ok(Lexicon {
            cues: single,
            stance_cues: stance,
            named_stance_cues: named,
            noun_cues: noun,
            raising,
            object_cues,
            cue_phrases_by_first: {
                let mut m: HashMap<String, Vec<Vec<String>>> = HashMap::default();
                for p in phrases {
                    m.entry(p[0].clone()).or_default().push(p);
                }
                m
            },
            role_words: lines(roles).map(str::to_string).collect(),
            stop_names: lines(stops).map(str::to_string).collect(),
            places: HashSet::default(),
            aliases,
            alias_index,
            alias_words,
            alias_by_first,
            roles: role_map,
            role_max_words,
            org_names,
            gender: lines(names)
                .filter_map(|l| {
                    let (g, n) = l.split_once(' ')?;
                    Some((n.trim().to_string(), g.chars().next()?))
                })
                .collect(),
        })
    }

    /// Is the name (its words) a place ("New York", "Ohio")?
    pub fn is_place(&self, name: &[String]) -> bool {
        let joined = name.join(" ").lc();
        self.places.contains(strip_possessive(&joined))
    }

    /// Is the word a role word ("secretary", "Sen.")? Any case.
    pub fn is_role_word(&self, w: &str) -> bool {
        let mut buf = [0u8; MAX_CUE_WORD];
        match ascii_lower(w, &mut buf) {
            Some(lw) => self.role_words.contains(lw),
            None => w.len() <= MAX_CUE_WORD && self.role_words.contains(&w.lc()),
        }
    }

    /// The organisation a phrase names or implies: an alias inside it ("Pentagon chief"), or a
    /// role whose holder belongs to it ("US Defence Secretary"). Longest match wins.
    pub fn org_of(&self, phrase: &str) -> Option<&str> {
        let words = norm_words(phrase);
        if words.is_empty() {
            return None;
        }
        // Roles: the longest suffix-free window that is a known role phrase.
        for len in (1..=words.len().min(self.role_max_words)).rev() {
            for win in words.windows(len) {
                if let Some(&i) = self.roles.get(&win.join(" ")) {
                    return Some(&self.org_names[i]);
                }
            }
        }
        self.alias_in(&words).map(|i| self.org_names[i].as_str())
    }

    /// An organisation named by the whole phrase (after a leading determiner): "the Kremlin".
    pub fn org_named(&self, phrase: &str) -> Option<&str> {
        // Most phrases are names of people: reject them without allocating when one of their
        // words appears in no alias at all.
        let mut buf = [0u8; MAX_CUE_WORD];
        for w in phrase.split(|c: char| {
            !(c.is_alphanumeric() || c == '.' || c == '\'' || c == '’' || c == '-')
        }) {
            let w = strip_possessive(w).trim_matches(|c| c == '.' || c == '\'');
            if w.is_empty() {
                continue;
            }
            if let Some(lw) = ascii_lower(w, &mut buf)
                && !self.alias_words.contains(lw)
                && !matches!(
                    lw,
                    "the"
                        | "u.s"
                        | "us"
                        | "american"
                        | "america"
                        | "usa"
                        | "u.k"
                        | "uk"
                        | "british"
                        | "britain"
                        | "defence"
                        | "organisation"
                        | "labor"
                        | "united"
                        | "states"
                )
            {
                return None;
            }
        }
        let mut words = norm_words(phrase);
        if words.first().is_some_and(|w| w == "the") {
            words.remove(0);
        }
        self.alias_index
            .get(&words.join(" "))
            .map(|&i| self.org_names[i].as_str())
    }

    fn alias_in(&self, words: &[String]) -> Option<usize> {
        // The first alias in `aliases` order (longest first) found anywhere in the words.
        let mut best: Option<usize> = None;
        for (p, w) in words.iter().enumerate() {
            for &k in self.alias_by_first.get(w).into_iter().flatten() {
                let alias = &self.aliases[k].0;
                // Case matters for short aliases that are also words ("us"): require the
                // alias to be longer than two letters or multi-word.
                if best.is_some_and(|b| b <= k) || (alias.len() == 1 && alias[0].len() <= 2) {
                    continue;
                }
                if words[p..].starts_with(alias) {
                    best = Some(k);
                }
            }
        }
        best.map(|k| self.aliases[k].1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_data_loads() {
        let l = Lexicon::get();
        assert!(l.cues.contains("emphasised") && l.cues.contains("emphasized"));
        assert!(
            l.cue_phrases_by_first["according"]
                .iter()
                .any(|p| p == &["according", "to"])
        );
        assert!(l.org_names.len() > 20);
        // `[object]` marks cues listed above it; `[raising]` words are no cues.
        assert!(l.object_cues.contains("endorsed"));
        assert!(
            l.object_cues.iter().all(|w| l.cues.contains(w)),
            "{:?}",
            l.object_cues
        );
        assert!(l.raising.contains("seemed") && !l.cues.contains("seemed"));
    }

    #[test]
    fn orgs_from_roles_and_aliases() {
        let l = Lexicon::get();
        assert_eq!(
            l.org_of("US Defence Secretary"),
            Some("US Department of Defense")
        );
        assert_eq!(
            l.org_of("the American defence minister"),
            Some("US Department of Defense")
        );
        assert_eq!(
            l.org_of("The Pentagon Chief"),
            Some("US Department of Defense")
        );
        assert_eq!(l.org_of("NATO Secretary General"), Some("NATO"));
        assert_eq!(l.org_of("a local baker"), None);
        assert_eq!(l.org_named("the Kremlin"), Some("Kremlin"));
    }
}
