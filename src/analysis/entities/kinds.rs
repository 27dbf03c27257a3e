//! A learned reading of what a name names, where the rules only guessed.
//!
//! The rules decide a mention's kind from the gazetteer, its head word, a
//! title, a category noun or a preposition, and record which cue decided it
//! (`Mention::kind_source`); where none of them speaks they guess. This
//! module describes each mention by features (the rules' kind and its source,
//! what the gazetteer knows of its words, its words and their shape, the
//! words around it) and scores the three kinds with a linear model trained on
//! GUM by `scripts/train-kinds.py` (`data/models/kinds.bin`).
//!
//! The model decides only where [`open_to_model`] says so: the rules'
//! kind is a guess, or rests on a cue that GUM's train split shows to be
//! weak. Evidence (a gazetteer hit, a head word, a title, a category noun, an
//! affiliation, a list, ...) always stands.
//!
//! Features are strings, hashed with 64-bit FNV-1a exactly as the script
//! hashes them; `examples/name-features.rs` prints them for training.

use std::sync::LazyLock;

use super::gazetteer::GAZETTEER;
use super::tokens::Tok;
use super::words;
use crate::analysis::model::{EntityKind, KindSource, Mention};

const MODEL: &[u8] = include_bytes!("../../../data/models/kinds.bin");

/// The kinds the model scores, in the order of its weights.
const KINDS: [EntityKind; 3] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Place,
];

/// The embedded model: feature hash to one weight per kind, sorted by hash.
struct Model {
    hashes: Vec<u64>,
    weights: Vec<[f32; 3]>,
    /// How far the best kind must lead the rules' kind to replace it.
    margin: f32,
    /// The sources of the rules' kind the model decides for (see
    /// [`open_to_model`]).
    open: Vec<KindSource>,
}

static KIND_MODEL: LazyLock<Model> = LazyLock::new(|| Model::parse(MODEL).unwrap_or_default());

impl Default for Model {
    fn default() -> Self {
        Model {
            hashes: Vec::new(),
            weights: Vec::new(),
            margin: f32::INFINITY,
            open: Vec::new(),
        }
    }
}

impl Model {
    /// Reads `b"MKND"`, u32 version 2, f32 margin, u32 count of open
    /// sources and each as a u8 length and its name (`KindSource::as_str`),
    /// u32 count of features, then per feature a u64 hash and three f32
    /// weights, all little-endian. A source this build does not know, or one
    /// that is evidence, refuses the file.
    fn parse(bytes: &[u8]) -> Option<Model> {
        let mut at = 0usize;
        let mut take = |n: usize| -> Option<&[u8]> {
            let slice = bytes.get(at..at + n)?;
            at += n;
            Some(slice)
        };
        if take(4)? != b"MKND" {
            return None;
        }
        let version = u32::from_le_bytes(take(4)?.try_into().ok()?);
        if version != 2 {
            return None;
        }
        let margin = f32::from_le_bytes(take(4)?.try_into().ok()?);
        let sources = u32::from_le_bytes(take(4)?.try_into().ok()?) as usize;
        let mut open = Vec::with_capacity(sources);
        for _ in 0..sources {
            let len = usize::from(*take(1)?.first()?);
            let name = std::str::from_utf8(take(len)?).ok()?;
            let source = KindSource::ALL.into_iter().find(|s| s.as_str() == name)?;
            if !may_be_open(source) {
                return None;
            }
            open.push(source);
        }
        let count = u32::from_le_bytes(take(4)?.try_into().ok()?) as usize;
        let mut hashes = Vec::with_capacity(count);
        let mut weights = Vec::with_capacity(count);
        for _ in 0..count {
            hashes.push(u64::from_le_bytes(take(8)?.try_into().ok()?));
            let mut w = [0f32; 3];
            for slot in &mut w {
                *slot = f32::from_le_bytes(take(4)?.try_into().ok()?);
            }
            weights.push(w);
        }
        Some(Model {
            hashes,
            weights,
            margin,
            open,
        })
    }

    fn scores(&self, features: &[String]) -> [f32; 3] {
        let mut total = [0f32; 3];
        for f in features {
            if let Ok(i) = self.hashes.binary_search(&fnv1a(f.as_bytes())) {
                for (t, w) in total.iter_mut().zip(self.weights[i]) {
                    *t += w;
                }
            }
        }
        total
    }
}

/// 64-bit FNV-1a.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Organization => "organization",
        EntityKind::Place => "place",
    }
}

/// The features of one mention of `block`, whose tokens are `toks`.
pub(crate) fn features(block: &str, toks: &[Tok], heading: bool, m: &Mention) -> Vec<String> {
    let mut f = Vec::with_capacity(32);
    f.push("bias".to_string());
    f.push(format!("rule={}", kind_name(m.kind)));
    let source = m.kind_source.as_str();
    f.push(format!("source={source}"));
    f.push(format!("rule={} source={source}", kind_name(m.kind)));
    if heading {
        f.push("heading".to_string());
    }
    if m.role.is_some() {
        f.push("role".to_string());
    }
    if m.stands_for.is_some() {
        f.push("metonym".to_string());
    }
    let text = m.text.as_ref();
    match GAZETTEER.lookup(text) {
        Some(known) => f.push(format!("gaz={}", kind_name(known.kind))),
        None => f.push("gaz=none".to_string()),
    }
    if m.key.as_ref() != text && GAZETTEER.lookup(m.key.as_ref()).is_some() {
        f.push("gazkey".to_string());
    }
    let name_words: Vec<&str> = text.split_whitespace().collect();
    f.push(format!("n={}", name_words.len().min(4)));
    for (i, w) in name_words.iter().enumerate() {
        let lower = w.to_lowercase();
        f.push(format!("w={lower}"));
        if GAZETTEER.is_first_name(w) {
            f.push(if i == 0 { "first_name@0" } else { "first_name" }.to_string());
        }
        if GAZETTEER.is_surname(w) {
            f.push("surname".to_string());
        }
        if words::is_org_head(w) {
            f.push("org_head".to_string());
        }
        if words::is_place_head(w) {
            f.push("place_head".to_string());
        }
        if GAZETTEER.is_common(&lower) {
            f.push("common".to_string());
        }
        if name_words.len() > 1
            && let Some(known) = GAZETTEER.lookup(w)
        {
            f.push(format!("wgaz={}", kind_name(known.kind)));
        }
    }
    if let (Some(first), Some(last)) = (name_words.first(), name_words.last()) {
        f.push(format!("first={}", first.to_lowercase()));
        let last_lower = last.to_lowercase();
        f.push(format!("last={last_lower}"));
        let chars: Vec<char> = last_lower.chars().collect();
        if chars.len() > 3 {
            let suffix: String = chars[chars.len() - 3..].iter().collect();
            f.push(format!("suf3={suffix}"));
        }
        f.push(format!("shape={}", shape(last)));
    }
    if text.contains('-') {
        f.push("hyphen".to_string());
    }
    if text.chars().any(|c| c.is_ascii_digit()) {
        f.push("digit".to_string());
    }
    // The words around the mention.
    let before: Vec<&Tok> = toks
        .iter()
        .filter(|t| t.span.end <= m.span.start)
        .rev()
        .take(2)
        .collect();
    let after: Vec<&Tok> = toks
        .iter()
        .filter(|t| t.span.start >= m.span.end)
        .take(2)
        .collect();
    let word = |t: &Tok| block[t.span.clone()].to_lowercase();
    match before.first() {
        Some(t) => {
            let p1 = word(t);
            f.push(format!("p1={p1}"));
            if let Some(t2) = before.get(1) {
                f.push(format!("p2={} {p1}", word(t2)));
            }
            if t.cap && t.word {
                f.push("p1cap".to_string());
            }
            if t.word && words::is_locative_preposition(&p1) {
                f.push("p1locative".to_string());
            }
        }
        None => f.push("p1=<s>".to_string()),
    }
    match after.first() {
        Some(t) => {
            let mut n1 = word(t);
            // The possessive is not a token of its own here.
            if block[m.span.end..t.span.start].contains(['\'', '’']) {
                n1 = "'s".to_string();
            }
            if words::is_speech_verb(&n1) {
                f.push("n1speech".to_string());
            }
            f.push(format!("n1={n1}"));
            if let Some(t2) = after.get(1) {
                f.push(format!("n2={n1} {}", word(t2)));
            }
        }
        None => f.push("n1=</s>".to_string()),
    }
    if block[m.span.end..].starts_with(['\'', '’']) {
        f.push("possessive".to_string());
    }
    f
}

/// "Xx", "X", "XX", "x", "Xx-Xx", "d" for digits: the shape of a word, runs
/// of one class written once.
fn shape(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if !out.ends_with(class) {
            out.push(class);
        }
    }
    out
}

fn names_event(text: &str) -> bool {
    text.split_whitespace()
        .any(|w| words::is_event_head(w.trim_matches(|c: char| !c.is_alphanumeric())))
}

/// Whether a source of the rules' kind can ever be left to the model: a
/// guess, or a cue that only leans (a preposition, a name's shape, "and"
/// joining it to a name of a kind, a word the gazetteer lists as a first name
/// or surname, a list, a name inside another). Evidence never is: a lookup,
/// a head word or legal suffix, a title or role, a full name, a category
/// noun, an affiliation, a verb of speech, a full name earlier in the block.
fn may_be_open(source: KindSource) -> bool {
    matches!(
        source,
        KindSource::Guess
            | KindSource::Coordinated
            | KindSource::NameWord
            | KindSource::Preposition
            | KindSource::Shape
            | KindSource::List
            | KindSource::Structure
    )
}

/// Whether the model decides the kind of a mention whose kind came from
/// `source`: the sources the model file lists, which
/// `scripts/train-kinds.py` chooses as the guesses and the cues that are
/// wrong for more than one mention in four on GUM's train split, among
/// those [`may_be_open`] allows.
pub(crate) fn open_to_model(source: KindSource) -> bool {
    KIND_MODEL.open.contains(&source)
}

/// Gives each mention of a block whose kind the rules only guessed the kind
/// the model prefers, where it leads the rules' kind by the model's margin.
pub(crate) fn reclassify(block: &str, toks: &[Tok], heading: bool, mentions: &mut [Mention]) {
    let model = &*KIND_MODEL;
    if model.hashes.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        // Demonyms keep their kind, and so do events and treaties ("the
        // Varnholm Accords"): the model knows only people, organizations
        // and places.
        if m.demonym || !open_to_model(m.kind_source) || names_event(&m.text) {
            continue;
        }
        let scores = model.scores(&features(block, toks, heading, m));
        let (best, best_score) =
            scores
                .iter()
                .enumerate()
                .fold((0, f32::NEG_INFINITY), |acc, (k, s)| {
                    if *s > acc.1 { (k, *s) } else { acc }
                });
        let rule = KINDS.iter().position(|k| *k == m.kind).unwrap_or(0);
        if best != rule && best_score - scores[rule] > model.margin {
            m.kind = KINDS[best];
            m.kind_source = KindSource::Learned;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_model_parses() {
        let model = Model::parse(MODEL).expect("kinds.bin parses");
        assert!(!model.hashes.is_empty());
        assert!(model.hashes.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn the_embedded_model_is_the_one_the_script_recorded() {
        use sha2::{Digest, Sha256};
        let sources = include_str!("../../../data/models/kinds-sources.md");
        let field = |name: &str| {
            sources
                .lines()
                .find_map(|l| l.strip_prefix(&format!("- {name}: ")))
                .map(str::trim)
                .unwrap_or_else(|| panic!("kinds-sources.md records no {name}"))
        };
        let digest: String = Sha256::digest(MODEL)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(
            digest,
            field("sha256"),
            "kinds.bin differs from the file the script wrote"
        );
        let script = include_str!("../../../scripts/train-kinds.py");
        let version = script
            .lines()
            .find_map(|l| l.strip_prefix("SCRIPT_VERSION = "))
            .map(|v| v.trim().trim_matches('"'))
            .expect("the script states its version");
        assert_eq!(
            version,
            field("script-version"),
            "kinds.bin was made by another version of the script: train it again"
        );
    }

    #[test]
    fn a_damaged_model_is_refused() {
        assert!(Model::parse(b"MKND").is_none());
        assert!(Model::parse(&MODEL[..MODEL.len() - 3]).is_none());
        assert!(Model::parse(b"XXXX\x02\0\0\0").is_none());
        // A model that would decide where the rules have evidence.
        let mut evidence = b"MKND\x02\0\0\0\0\0\0\0\x01\0\0\0\x05known".to_vec();
        evidence.extend_from_slice(&0u32.to_le_bytes());
        assert!(Model::parse(&evidence).is_none());
        let mut guess = b"MKND\x02\0\0\0\0\0\0\0\x01\0\0\0\x05guess".to_vec();
        guess.extend_from_slice(&0u32.to_le_bytes());
        assert!(Model::parse(&guess).is_some_and(|m| m.open == [KindSource::Guess]));
    }

    fn kinds_in(sentence: &str) -> Vec<(String, EntityKind)> {
        let config = crate::analysis::config::Config::default();
        let sentences = crate::analysis::text::sentences(sentence);
        super::super::find_mentions(
            sentence,
            crate::analysis::text::BlockKind::Prose,
            &sentences,
            &config,
        )
        .into_iter()
        .map(|m| (m.text.to_string(), m.kind))
        .collect()
    }

    #[test]
    fn an_unknown_name_that_speaks_stays_a_person() {
        assert_eq!(
            kinds_in("Brenvik said on Monday that the talks would resume."),
            [("Brenvik".to_string(), EntityKind::Person)]
        );
    }

    #[test]
    fn a_country_stays_a_place_when_it_acts() {
        let kinds = kinds_in("Officials said Norway has sent 300 engineers to the region.");
        assert!(
            kinds.contains(&("Norway".to_string(), EntityKind::Place)),
            "{kinds:?}"
        );
    }

    #[test]
    fn the_model_reads_only_guesses_and_weak_cues() {
        assert!(open_to_model(KindSource::Guess));
        for strong in [
            KindSource::Known,
            KindSource::HeadWord,
            KindSource::Role,
            KindSource::FullName,
            KindSource::Category,
            KindSource::Affiliation,
            KindSource::Speech,
            KindSource::NamedBefore,
            KindSource::Learned,
        ] {
            assert!(!may_be_open(strong), "{strong:?}");
            assert!(!open_to_model(strong), "{strong:?}");
        }
    }

    #[test]
    fn evidence_keeps_the_rules_kind() {
        // A category noun says organization, whatever the words around it
        // would make the model prefer.
        let kinds = kinds_in("She flew to the company Quellmar in spring.");
        assert!(
            kinds.contains(&("Quellmar".to_string(), EntityKind::Organization)),
            "{kinds:?}"
        );
    }

    #[test]
    fn fnv1a_matches_its_published_values() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape("Varnholm"), "Xx");
        assert_eq!(shape("NATO"), "X");
        assert_eq!(shape("F-16"), "X-d");
    }
}
