//! Curated vocabulary for name recognition: titles, role nouns, organization
//! and place head words, connectors and function words. The lists themselves
//! are text files under `data/lexicon/names/` (and the shared calendar), read
//! through `crate::analysis::lexicon`; this module names the lookups.

use super::super::model::EntityKind;
use crate::analysis::lexicon;

/// Abbreviations that keep their period inside a token ("Lt.", "St.").
pub fn is_abbreviation(word: &str) -> bool {
    lexicon::ABBREVIATIONS.contains(word)
}

/// Titles written before a name ("President", "Lt.", "Defense").
pub fn is_title(word: &str) -> bool {
    lexicon::TITLES.contains(word)
}

/// Lower-case nouns that give a role before or after a name.
pub fn is_role_noun(word: &str) -> bool {
    lexicon::ROLE_NOUNS.contains(word)
}

/// Words that, first after a comma, show that what follows is not an apposition.
pub fn is_apposition_blocker(word: &str) -> bool {
    lexicon::APPOSITION_BLOCKERS.contains(word)
}

/// Head words after which "of"/"for" continue a name ("University of X").
pub fn is_of_head(word: &str) -> bool {
    is_org_head(word) || is_place_of_head(word) || lexicon::OF_HEADS.contains(word)
}

/// Head words that open a place name with "of" ("Republic of Korea", "Sea of Japan").
pub fn is_place_of_head(word: &str) -> bool {
    lexicon::PLACE_OF_HEADS.contains(word)
}

/// Head words of organizations ("Ministry", "University", "Corps").
pub fn is_org_head(word: &str) -> bool {
    lexicon::ORG_HEADS.contains(word)
}

/// Legal-form suffixes of companies.
pub fn is_org_suffix(word: &str) -> bool {
    lexicon::ORG_SUFFIXES.contains(word)
}

/// Head words that end place names ("Street", "River").
pub fn is_place_head(word: &str) -> bool {
    lexicon::PLACE_HEADS.contains(word)
}

/// Words that join the parts of an organization after "and" ("Strategic and
/// International Studies").
pub fn is_field(word: &str) -> bool {
    lexicon::FIELDS.contains(word)
}

/// Lower-case particles inside personal names ("da", "van", "bin").
pub fn is_particle(word: &str) -> bool {
    lexicon::PARTICLES.contains(word)
}

/// Function words never names when capitalized at the start of a sentence.
pub fn is_function(lower: &str) -> bool {
    lexicon::FUNCTION_WORDS.contains(lower)
}

/// Verbs of saying right after a name, which make it a person.
pub fn is_speech_verb(word: &str) -> bool {
    lexicon::SPEECH_VERBS.contains(word)
}

/// Acronyms that are ordinary words, not names.
pub fn is_stop_acronym(word: &str) -> bool {
    lexicon::STOP_ACRONYMS.contains(word)
}

/// Lower-case second parts of compounds that are not part of a name ("-backed").
pub fn is_compound_suffix(word: &str) -> bool {
    lexicon::COMPOUND_SUFFIXES.contains(word)
}

/// Days and months: capitalized, but dates rather than names. Full names in
/// any case ("THURSDAY"), abbreviations with or without a dot ("Tue", "Oct.").
pub fn is_calendar(word: &str) -> bool {
    let bare = word.strip_suffix('.').unwrap_or(word);
    let lower = bare.to_lowercase();
    // Abbreviations are title case or capitals; "Sun", "Sat", "Mon" and "Mar"
    // are also words and names, so only with their dot.
    lexicon::CALENDAR.is_full_name(&lower)
        || lexicon::CALENDAR.is_abbreviation(&lower, word.ends_with('.'))
}

/// Time zones and clock words written after a time ("AM CT", "CEST").
pub fn is_clock_word(word: &str) -> bool {
    lexicon::CLOCK_WORDS.contains(word)
}

/// A pronoun or verb run together with its auxiliary ("I'm", "Don't",
/// "We've", "They're"): never a name.
pub fn is_contraction(word: &str) -> bool {
    let lower = word.replace('’', "'").to_lowercase();
    let Some((head, tail)) = lower.rsplit_once('\'') else {
        return false;
    };
    if head.is_empty() {
        return false;
    }
    match tail {
        "t" => head.ends_with('n'),
        "m" | "re" | "ve" | "ll" | "d" => is_function(head) || head == "i",
        "s" => matches!(
            head,
            "it" | "that" | "there" | "here" | "what" | "who" | "where" | "he" | "she" | "let"
        ),
        _ => false,
    }
}

/// A number written in words, alone or in a compound ("Twenty-three",
/// "Nineteen-year-old", "10-year-old"): never a name nor part of one.
pub fn is_number_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    let first = lower.split(['-', '‐']).next().unwrap_or("");
    let number = |w: &str| lexicon::NUMBER_WORDS.contains(w);
    if number(&lower) {
        return true;
    }
    // Compounds: a number first, then numbers or "year-old".
    lower.contains(['-', '‐'])
        && (number(first) || first.chars().all(|c| c.is_ascii_digit()))
        && lower
            .split(['-', '‐'])
            .skip(1)
            .all(|w| number(w) || matches!(w, "year" | "years" | "old" | "month" | "week" | "day"))
}

/// Compass directions and regions named by them ("the West", "the Midwest").
pub fn is_direction(word: &str) -> bool {
    lexicon::DIRECTIONS.contains(word)
}

/// Head words of government bodies, which a country name may precede
/// ("U.S. Department of Agriculture", "United States Coast Service").
pub fn is_government_head(word: &str) -> bool {
    lexicon::GOVERNMENT_HEADS.contains(word)
}

/// Words of sports reports.
pub fn is_sports_word(word: &str) -> bool {
    lexicon::SPORTS_WORDS.contains(word)
}

/// Head words of events, which are not names of people, organizations or places.
pub fn is_event_head(word: &str) -> bool {
    lexicon::EVENT_HEADS.contains(word)
}

/// Kinds of settlement and territory that name a place after "of" ("the town
/// of Yeoncheon", "the Municipality of Bogliasco").
pub fn is_settlement_noun(lower: &str) -> bool {
    lexicon::SETTLEMENT_NOUNS.contains(lower)
}

/// The kind of name a lower-case category noun introduces ("the company
/// Hitwise", "religions such as Wicca", "cities such as Lyon").
pub fn category_kind(word: &str) -> Option<EntityKind> {
    if lexicon::ORGANIZATION_CATEGORIES.contains(word) {
        Some(EntityKind::Organization)
    } else if lexicon::PLACE_CATEGORIES.contains(word) {
        Some(EntityKind::Place)
    } else {
        None
    }
}

/// Head words that open organizations' names in Romance languages
/// ("Instituto Valdera", "Partido Popular", "Movimento 5 Stelle").
pub fn is_foreign_org_head(word: &str) -> bool {
    lexicon::FOREIGN_ORG_HEADS.contains(word)
}

/// Words that open names of places in other languages ("Kibbutz Ramot",
/// "Masjid Al-Noor", "Monte Rosa").
pub fn is_foreign_place_head(word: &str) -> bool {
    lexicon::FOREIGN_PLACE_HEADS.contains(word)
}

/// Lower-case words for the body a person or a place heads ("the Bush
/// administration", "the Norlanda government").
pub fn is_governing_noun(word: &str) -> bool {
    lexicon::GOVERNING_NOUNS.contains(word)
}

/// Lower-case nouns after a person's name that belong to the person ("the Biden administration").
pub fn is_eponym_noun(word: &str) -> bool {
    lexicon::EPONYM_NOUNS.contains(word)
}

/// Compass adjectives before a place name ("Northern Ohio", "South Varnholm").
pub fn is_direction_adjective(word: &str) -> bool {
    is_direction(word) || lexicon::DIRECTION_ADJECTIVES.contains(word)
}

/// Adjectives of faiths, creeds and games, which qualify a noun rather than name
/// a person, organization or place ("Muslim community", "Olympic team").
pub fn is_creed_adjective(word: &str) -> bool {
    lexicon::CREED_ADJECTIVES.contains(word)
}

/// A lower-case word with a Latin ending, as species names have ("fusca", "bassiana").
pub fn looks_latin(word: &str) -> bool {
    word.len() >= 4
        && word.chars().all(|c| c.is_ascii_lowercase())
        && [
            "us", "um", "ae", "ii", "is", "ensis", "ana", "ata", "ica", "ca", "sa", "ta",
        ]
        .iter()
        .any(|s| word.ends_with(s))
}
