//! Part-of-speech tags for a sentence, from a model trained on a treebank.
//!
//! [`tag`] splits a sentence into treebank tokens ([`tokenize`], described
//! in [`tokens`]) and gives each a Penn Treebank tag (`NNP`, `CD`, `VBD`, ...)
//! and a Universal tag ([`Upos`]). [`tag_words`] tags tokens that are
//! already split.
//!
//! The model is an averaged perceptron, decoded greedily left to right,
//! trained by `scripts/train-tagger.py` on the commercially licensed
//! documents of the GUM treebank and embedded in the binary
//! (`data/models/tagger.bin`, see `data/models/SOURCES.md`). It is read once,
//! on first use. Tagging costs about a microsecond a token, so callers
//! should tag only the sentences they need to read.
//!
//! Plain data in, plain data out: no IO, and no input makes it fail. A
//! sentence the model cannot tag (which only a damaged model file could
//! cause; a test guards it) yields no tokens.

mod features;
mod model;
pub mod tokens;

use std::ops::Range;
use std::sync::LazyLock;

pub use tokens::tokenize;

/// The embedded model file.
const MODEL_BYTES: &[u8] = include_bytes!("../../../data/models/tagger.bin");

static MODEL: LazyLock<Option<model::Model>> = LazyLock::new(|| model::Model::parse(MODEL_BYTES));

/// A Universal Dependencies part of speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Upos {
    /// Adjective, including demonyms used as adjectives ("Dutch ships").
    Adj,
    /// Adposition: a preposition or postposition.
    Adp,
    Adv,
    /// Auxiliary verb ("has" in "has risen", "will", "was" in a passive).
    Aux,
    /// Coordinating conjunction.
    Cconj,
    Det,
    Intj,
    Noun,
    /// Cardinal number ("12", "twelve").
    Num,
    /// Particle: "'s" of a possessive, "not", infinitival "to".
    Part,
    Pron,
    /// Proper noun.
    Propn,
    Punct,
    /// Subordinating conjunction.
    Sconj,
    Sym,
    Verb,
    X,
}

impl Upos {
    /// The tag's Universal Dependencies name ("PROPN").
    pub fn name(self) -> &'static str {
        match self {
            Upos::Adj => "ADJ",
            Upos::Adp => "ADP",
            Upos::Adv => "ADV",
            Upos::Aux => "AUX",
            Upos::Cconj => "CCONJ",
            Upos::Det => "DET",
            Upos::Intj => "INTJ",
            Upos::Noun => "NOUN",
            Upos::Num => "NUM",
            Upos::Part => "PART",
            Upos::Pron => "PRON",
            Upos::Propn => "PROPN",
            Upos::Punct => "PUNCT",
            Upos::Sconj => "SCONJ",
            Upos::Sym => "SYM",
            Upos::Verb => "VERB",
            Upos::X => "X",
        }
    }

    /// The tag named `name` ("PROPN").
    pub fn from_name(name: &str) -> Option<Upos> {
        Some(match name {
            "ADJ" => Upos::Adj,
            "ADP" => Upos::Adp,
            "ADV" => Upos::Adv,
            "AUX" => Upos::Aux,
            "CCONJ" => Upos::Cconj,
            "DET" => Upos::Det,
            "INTJ" => Upos::Intj,
            "NOUN" => Upos::Noun,
            "NUM" => Upos::Num,
            "PART" => Upos::Part,
            "PRON" => Upos::Pron,
            "PROPN" => Upos::Propn,
            "PUNCT" => Upos::Punct,
            "SCONJ" => Upos::Sconj,
            "SYM" => Upos::Sym,
            "VERB" => Upos::Verb,
            "X" => Upos::X,
            _ => return None,
        })
    }
}

/// The tags of one token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tag {
    /// The Penn Treebank tag, as the treebank writes it: `NNP`, `NNPS`, `CD`,
    /// `VBD`, `JJ`, `HYPH`, `-LRB-`, ...
    pub xpos: &'static str,
    /// The Universal tag.
    pub upos: Upos,
}

impl Tag {
    /// A proper noun, singular or plural (`NNP`, `NNPS`).
    pub fn is_proper_noun(self) -> bool {
        self.upos == Upos::Propn
    }

    /// A cardinal number (`CD`).
    pub fn is_cardinal(self) -> bool {
        self.xpos == "CD"
    }

    /// A common noun (`NN`, `NNS`).
    pub fn is_common_noun(self) -> bool {
        self.upos == Upos::Noun
    }

    /// A verb or auxiliary of any form (`VB`, `VBD`, `VBZ`, `MD`, ...).
    pub fn is_verb(self) -> bool {
        matches!(self.upos, Upos::Verb | Upos::Aux)
    }
}

/// A token of a sentence and its tags.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaggedToken {
    /// Byte range in the sentence given to [`tag`].
    pub span: Range<usize>,
    pub tag: Tag,
}

/// Tokenises `sentence` and tags each token. Offsets are bytes into
/// `sentence`.
pub fn tag(sentence: &str) -> Vec<TaggedToken> {
    let spans = tokenize(sentence);
    let words: Vec<&str> = spans.iter().map(|r| &sentence[r.clone()]).collect();
    let tags = tag_words(&words);
    if tags.len() != spans.len() {
        return Vec::new();
    }
    spans
        .into_iter()
        .zip(tags)
        .map(|(span, tag)| TaggedToken { span, tag })
        .collect()
}

/// Tags tokens that are already split the treebank's way (see [`tokens`]):
/// one tag per word, or none if the model is unavailable.
pub fn tag_words(words: &[&str]) -> Vec<Tag> {
    let Some(model) = MODEL.as_ref() else {
        return Vec::new();
    };
    model
        .tag(words)
        .into_iter()
        .map(|k| {
            let label = model.labels[k as usize];
            Tag {
                xpos: label.xpos,
                upos: label.upos,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The sentence's tokens with their Penn tags, "word/TAG" joined by spaces.
    fn tagged(sentence: &str) -> String {
        tag(sentence)
            .iter()
            .map(|t| format!("{}/{}", &sentence[t.span.clone()], t.tag.xpos))
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn tag_of(sentence: &str, word: &str) -> Tag {
        tag(sentence)
            .into_iter()
            .find(|t| &sentence[t.span.clone()] == word)
            .map(|t| t.tag)
            .unwrap_or_else(|| panic!("no token {word:?} in {}", tagged(sentence)))
    }

    #[test]
    fn the_embedded_model_loads() {
        let model = MODEL.as_ref().expect("data/models/tagger.bin is a model");
        assert!(model.labels.iter().any(|l| l.xpos == "NNP"));
        assert!(model.labels.iter().any(|l| l.xpos == "NNPS"));
    }

    #[test]
    fn the_embedded_model_is_the_one_the_script_recorded() {
        use sha2::{Digest, Sha256};
        let sources = include_str!("../../../data/models/SOURCES.md");
        let field = |name: &str| {
            sources
                .lines()
                .find_map(|l| l.strip_prefix(&format!("- {name}: ")))
                .map(str::trim)
                .unwrap_or_else(|| panic!("SOURCES.md records no {name}"))
        };
        let digest: String = Sha256::digest(MODEL_BYTES)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(
            digest,
            field("sha256"),
            "tagger.bin differs from the file the script wrote"
        );
        let script = include_str!("../../../scripts/train-tagger.py");
        let version = script
            .lines()
            .find_map(|l| l.strip_prefix("SCRIPT_VERSION = "))
            .map(|v| v.trim().trim_matches('"'))
            .expect("the script states its version");
        assert_eq!(
            version,
            field("script-version"),
            "the model was trained by another version of the script: retrain it"
        );
    }

    #[test]
    fn a_cardinal_after_a_verb_is_a_number() {
        let s = "The storm destroyed 37 houses near Tarnholm on Friday.";
        assert!(tag_of(s, "37").is_cardinal(), "{}", tagged(s));
        assert_eq!(tag_of(s, "37").upos, Upos::Num);
        assert!(tag_of(s, "destroyed").is_verb(), "{}", tagged(s));
        assert!(tag_of(s, "houses").is_common_noun(), "{}", tagged(s));
    }

    #[test]
    fn numbers_in_words_and_with_separators_are_cardinals() {
        let s = "Officials said twelve people and 1,450 sheep were rescued.";
        assert!(tag_of(s, "twelve").is_cardinal(), "{}", tagged(s));
        assert!(tag_of(s, "1,450").is_cardinal(), "{}", tagged(s));
        assert!(tag_of(s, "rescued").is_verb(), "{}", tagged(s));
    }

    #[test]
    fn names_are_proper_nouns_and_their_neighbours_are_not() {
        let s = "Mayor Ilse Varnow visited the harbour with her deputy.";
        assert!(tag_of(s, "Ilse").is_proper_noun(), "{}", tagged(s));
        assert!(tag_of(s, "Varnow").is_proper_noun(), "{}", tagged(s));
        assert!(!tag_of(s, "harbour").is_proper_noun(), "{}", tagged(s));
        assert!(!tag_of(s, "deputy").is_proper_noun(), "{}", tagged(s));
    }

    #[test]
    fn a_capitalised_demonym_before_a_noun_is_an_adjective() {
        let s = "Two Norwegian fishermen were rescued by a French vessel.";
        assert_eq!(tag_of(s, "Norwegian").upos, Upos::Adj, "{}", tagged(s));
        assert_eq!(tag_of(s, "French").upos, Upos::Adj, "{}", tagged(s));
        assert!(tag_of(s, "Two").is_cardinal(), "{}", tagged(s));
    }

    #[test]
    fn a_sentence_initial_common_word_is_not_a_proper_noun() {
        let s = "Rescuers found 14 survivors in the rubble.";
        assert!(!tag_of(s, "Rescuers").is_proper_noun(), "{}", tagged(s));
    }

    #[test]
    fn clitics_are_tagged_as_in_the_treebank() {
        let s = "They don't know whether the council's plan works.";
        assert_eq!(tag_of(s, "n't").xpos, "RB", "{}", tagged(s));
        assert_eq!(tag_of(s, "'s").xpos, "POS", "{}", tagged(s));
    }

    #[test]
    fn empty_and_blank_sentences_have_no_tokens() {
        assert!(tag("").is_empty());
        assert!(tag(" \n\t ").is_empty());
        assert!(tag_words(&[]).is_empty());
    }

    proptest! {
        #[test]
        fn any_text_is_tagged_without_panicking(s in "\\PC{0,80}") {
            let tokens = tag(&s);
            let mut last = 0;
            for t in &tokens {
                prop_assert!(t.span.start >= last && t.span.start < t.span.end);
                prop_assert!(s.is_char_boundary(t.span.start) && s.is_char_boundary(t.span.end));
                prop_assert!(!s[t.span.clone()].trim().is_empty());
                last = t.span.end;
            }
        }

        #[test]
        fn tokens_cover_every_non_space_character(s in "[ a-zA-Z0-9.,'’\\-$%()\"]{0,60}") {
            let covered: String = tokenize(&s).into_iter().map(|r| &s[r]).collect();
            let expected: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            prop_assert_eq!(covered, expected);
        }
    }
}
