//! The word lists that text, names and figures share, read from the plain
//! text files under `data/lexicon/` and parsed once.
//!
//! A list file has one entry a line (an entry may hold spaces); `#` starts a
//! comment, and blank lines are skipped. The lists are the project's own,
//! written by hand for this engine. Tables whose entries carry types
//! (qualifiers, currencies, units) stay in Rust beside the code that reads them.
//!
//! The calendar (`calendar/months.txt`, `calendar/days.txt`) is the one place
//! the month and day names are written; every form the code looks up (title
//! case, capitals, abbreviations) is made from it.

use std::collections::HashSet;
use std::sync::LazyLock;

use rustc_hash::FxBuildHasher;

/// A set of words with a fast hasher: short words hash in a few
/// nanoseconds, which keeps a list lookup close to a `match`. The lists are
/// fixed, so no defence against chosen collisions is needed.
pub type WordSet = HashSet<&'static str, FxBuildHasher>;

/// The entries of a list file, in order: comments and blank lines dropped,
/// each entry trimmed.
pub fn entries(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(|line| line.split_once('#').map_or(line, |(entry, _)| entry).trim())
        .filter(|entry| !entry.is_empty())
}

/// One word list, looked up by exact entry.
#[derive(Debug)]
pub struct WordList {
    in_order: Vec<&'static str>,
    words: WordSet,
}

impl WordList {
    /// Parses a list file.
    pub fn parse(text: &'static str) -> WordList {
        let in_order: Vec<&'static str> = entries(text).collect();
        WordList {
            words: in_order.iter().copied().collect(),
            in_order,
        }
    }

    /// Parses a list file of singular nouns, adding each one's plural
    /// (`plural`); an entry that already ends in "s" is taken as a plural.
    pub fn parse_with_plurals(text: &'static str) -> WordList {
        let mut in_order = Vec::new();
        for entry in entries(text) {
            in_order.push(entry);
            if !entry.ends_with('s') {
                in_order.push(forever(plural(entry)));
            }
        }
        WordList {
            words: in_order.iter().copied().collect(),
            in_order,
        }
    }

    /// The entries in the order of the file.
    pub fn entries(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.in_order.iter().copied()
    }

    /// Whether `word` is an entry, as written (case matters).
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }
}

/// Declares each list as a static parsed on first use, and `SOURCES`, every
/// list file with its text, for the tests.
macro_rules! word_lists {
    ($($(#[$doc:meta])* $name:ident = $file:literal;)*) => {
        $(
            $(#[$doc])*
            pub static $name: LazyLock<WordList> = LazyLock::new(|| {
                WordList::parse(include_str!(concat!("../../data/lexicon/", $file)))
            });
        )*

        /// Every list file under `data/lexicon/`, with its text.
        #[cfg(test)]
        const SOURCES: &[(&str, &str)] = &[
            $(($file, include_str!(concat!("../../data/lexicon/", $file))),)*
            (
                "names/organization-categories.txt",
                include_str!("../../data/lexicon/names/organization-categories.txt"),
            ),
            (
                "names/place-categories.txt",
                include_str!("../../data/lexicon/names/place-categories.txt"),
            ),
            ("calendar/months.txt", include_str!("../../data/lexicon/calendar/months.txt")),
            ("calendar/days.txt", include_str!("../../data/lexicon/calendar/days.txt")),
        ];
    };
}

word_lists! {
    /// Phrases that make a short line page furniture rather than prose.
    BOILERPLATE_MARKERS = "text/boilerplate-markers.txt";
    /// Endings of a line that is only a file name.
    FILE_EXTENSIONS = "text/file-extensions.txt";
    /// Short words a title-case line may leave in lower case.
    TITLE_CASE_SMALL_WORDS = "text/title-case-small-words.txt";
    /// Abbreviations after which a period does not end a sentence (with the
    /// months' abbreviations from the calendar).
    SENTENCE_ABBREVIATIONS = "text/abbreviations.txt";
    /// Words that start a sentence even after a dotted abbreviation.
    SENTENCE_STARTERS = "text/sentence-starters.txt";
    /// Abbreviations that keep their period inside a token ("Lt.", "St.").
    ABBREVIATIONS = "names/abbreviations.txt";
    /// Titles written before a name ("President", "Lt.", "Defense").
    TITLES = "names/titles.txt";
    /// Lower-case nouns that give a role before or after a name.
    ROLE_NOUNS = "names/role-nouns.txt";
    /// Words that, first after a comma, show that what follows is not an apposition.
    APPOSITION_BLOCKERS = "names/apposition-blockers.txt";
    /// Head words after which "of"/"for" continue a name ("University of X").
    OF_HEADS = "names/of-heads.txt";
    /// Head words that open a place name with "of" ("Republic of Korea", "Sea of Japan").
    PLACE_OF_HEADS = "names/place-of-heads.txt";
    /// Head words of organizations ("Ministry", "University", "Corps").
    ORG_HEADS = "names/org-heads.txt";
    /// Legal-form suffixes of companies.
    ORG_SUFFIXES = "names/org-suffixes.txt";
    /// Head words that end place names ("Street", "River").
    PLACE_HEADS = "names/place-heads.txt";
    /// Words that join the parts of an organization after "and" ("Strategic and
    /// International Studies").
    FIELDS = "names/fields.txt";
    /// Lower-case particles inside personal names ("da", "van", "bin").
    PARTICLES = "names/particles.txt";
    /// Function words never names when capitalized at the start of a sentence.
    FUNCTION_WORDS = "names/function-words.txt";
    /// Verbs of saying right after a name, which make it a person.
    SPEECH_VERBS = "names/speech-verbs.txt";
    /// Acronyms that are ordinary words, not names.
    STOP_ACRONYMS = "names/stop-acronyms.txt";
    /// Lower-case second parts of compounds that are not part of a name ("-backed").
    COMPOUND_SUFFIXES = "names/compound-suffixes.txt";
    /// Time zones and clock words written after a time ("AM CT", "CEST").
    CLOCK_WORDS = "names/clock-words.txt";
    /// A number written in words, alone or in a compound ("Twenty-three",
    /// "Nineteen-year-old", "10-year-old"): never a name nor part of one.
    NUMBER_WORDS = "names/number-words.txt";
    /// Compass directions and regions named by them ("the West", "the Midwest").
    DIRECTIONS = "names/directions.txt";
    /// Head words of government bodies, which a country name may precede
    /// ("U.S. Department of Agriculture", "United States Coast Service").
    GOVERNMENT_HEADS = "names/government-heads.txt";
    /// Words of sports reports.
    SPORTS_WORDS = "names/sports-words.txt";
    /// Head words of events, which are not names of people, organizations or places.
    EVENT_HEADS = "names/event-heads.txt";
    /// Kinds of settlement and territory that name a place after "of" ("the town
    /// of Yeoncheon", "the Municipality of Bogliasco").
    SETTLEMENT_NOUNS = "names/settlement-nouns.txt";
    /// Head words that open organizations' names in Romance languages
    /// ("Instituto Valdera", "Partido Popular", "Movimento 5 Stelle").
    FOREIGN_ORG_HEADS = "names/foreign-org-heads.txt";
    /// Words that open names of places in other languages ("Kibbutz Ramot",
    /// "Masjid Al-Noor", "Monte Rosa").
    FOREIGN_PLACE_HEADS = "names/foreign-place-heads.txt";
    /// Lower-case words for the body a person or a place heads ("the Bush
    /// administration", "the Norlanda government").
    GOVERNING_NOUNS = "names/governing-nouns.txt";
    /// Lower-case nouns after a person's name that belong to the person ("the Biden administration").
    EPONYM_NOUNS = "names/eponym-nouns.txt";
    /// Compass adjectives before a place name ("Northern Ohio", "South Varnholm").
    DIRECTION_ADJECTIVES = "names/direction-adjectives.txt";
    /// Adjectives of faiths, creeds and games, which qualify a noun rather than name
    /// a person, organization or place ("Muslim community", "Olympic team").
    CREED_ADJECTIVES = "names/creed-adjectives.txt";
    /// Nouns for people, whose count a following fate word turns into that fate.
    PERSON_NOUNS = "figures/person-nouns.txt";
    /// Words that end the counted noun phrase after a figure.
    NOUN_PHRASE_STOPS = "figures/noun-phrase-stops.txt";
    /// Modifiers between a figure and its noun that do not change what is counted.
    SKIPPABLE_MODIFIERS = "figures/skippable-modifiers.txt";
    /// Nouns that a figure can be a rate of after "a" or "an" ("$70 a share", "1,000 a day").
    RATE_NOUNS = "figures/rate-nouns.txt";
    /// Verbs of change: "rose from 3% to 5%" is two figures, not a range.
    CHANGE_VERBS = "figures/change-verbs.txt";
    /// Words before a figure, in its clause, that make it a plan or target.
    PLAN_WORDS = "figures/plan-words.txt";
    /// Words that make the figure right after them an increment.
    INCREMENT_WORDS = "figures/increment-words.txt";
    /// Words before a year that mark it as one ("in 2024", "since 1950").
    YEAR_MARKERS = "figures/year-markers.txt";
    /// Labels after which a number is an identifier, not a quantity ("Article 5", "No. 10").
    LABEL_WORDS = "figures/label-words.txt";
    /// Ordinal and fraction words: "twenty-first", "two-thirds", "three quarters".
    ORDINALS_AND_FRACTIONS = "figures/ordinals-and-fractions.txt";
    /// Nouns after a bare "one" that make an idiom or a pronoun rather than a count ("one day", "one official said").
    ONE_IDIOMS = "figures/one-idioms.txt";
    /// Words after a bare "one" that show it is a pronoun or an idiom, not a count ("one said").
    ONE_VERBS = "figures/one-verbs.txt";
    /// Words near two small dashed numbers that make them a score ("won 3-2").
    MATCH_WORDS = "figures/match-words.txt";
    /// Street words after a number that make it a house number ("12 Kestrel Road"), as written.
    STREET_WORDS = "figures/street-words.txt";
    /// Nouns in the clause before a figure that make it a reference to an earlier estimate or starting point.
    ESTIMATE_NOUNS = "figures/estimate-nouns.txt";
    /// Verbs after "to" in the clause before a figure that make it a plan ("to send 300").
    PLAN_VERBS = "figures/plan-verbs.txt";
}

/// The regular English plural of a noun: "agency" "agencies", "church"
/// "churches", "studio" "studios".
pub fn plural(noun: &str) -> String {
    let consonant_y = noun.ends_with('y')
        && noun
            .chars()
            .rev()
            .nth(1)
            .is_some_and(|c| !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u'));
    if consonant_y {
        format!("{}ies", &noun[..noun.len() - 1])
    } else if ["ch", "sh", "x", "z"].iter().any(|end| noun.ends_with(end)) {
        format!("{noun}es")
    } else {
        format!("{noun}s")
    }
}

/// Nouns of a kind of organization before its name, singular and plural.
pub static ORGANIZATION_CATEGORIES: LazyLock<WordList> = LazyLock::new(|| {
    WordList::parse_with_plurals(include_str!(
        "../../data/lexicon/names/organization-categories.txt"
    ))
});

/// Nouns of a kind of place before its name, singular and plural.
pub static PLACE_CATEGORIES: LazyLock<WordList> = LazyLock::new(|| {
    WordList::parse_with_plurals(include_str!(
        "../../data/lexicon/names/place-categories.txt"
    ))
});

/// A month or a day of the week, from the calendar files.
#[derive(Debug)]
pub struct CalendarName {
    /// The full name, in lower case ("january").
    pub name: &'static str,
    /// Whether the full name is also an everyday word ("may", "march").
    pub name_is_everyday: bool,
    /// Its abbreviations in lower case, each with whether it is also an
    /// everyday word ("mar", "sun").
    pub abbreviations: Vec<(&'static str, bool)>,
}

/// The months and the days of the week, and the forms of them the code looks up.
#[derive(Debug)]
pub struct Calendar {
    /// The months, January first.
    pub months: Vec<CalendarName>,
    /// The days of the week, Monday first.
    pub days: Vec<CalendarName>,
    /// Month and day names in lower case.
    full_names: WordSet,
    /// Abbreviations in lower case that are no everyday word.
    plain_abbreviations: WordSet,
    /// Abbreviations in lower case that are also everyday words.
    everyday_abbreviations: WordSet,
    /// Month abbreviations in lower case.
    month_abbreviations: WordSet,
    /// Months as figures read them: in title case or capitals, full or
    /// abbreviated, and full names in lower case unless an everyday word.
    month_forms: WordSet,
    /// Day names in title case.
    title_case_days: WordSet,
}

/// A calendar file's lines: a full name, then abbreviations, `~` before a
/// form that is also an everyday word.
fn calendar_names(text: &'static str) -> Vec<CalendarName> {
    let form = |word: &'static str| match word.strip_prefix('~') {
        Some(word) => (word, true),
        None => (word, false),
    };
    entries(text)
        .filter_map(|line| {
            let mut words = line.split_whitespace().map(form);
            let (name, name_is_everyday) = words.next()?;
            Some(CalendarName {
                name,
                name_is_everyday,
                abbreviations: words.collect(),
            })
        })
        .collect()
}

/// "january" as "January".
fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Leaks a made form, once per form for the life of the program, so that the
/// sets hold `&'static str` like the lists.
fn forever(word: String) -> &'static str {
    Box::leak(word.into_boxed_str())
}

impl Calendar {
    fn parse(months: &'static str, days: &'static str) -> Calendar {
        let months = calendar_names(months);
        let days = calendar_names(days);
        let mut calendar = Calendar {
            full_names: WordSet::default(),
            plain_abbreviations: WordSet::default(),
            everyday_abbreviations: WordSet::default(),
            month_abbreviations: WordSet::default(),
            month_forms: WordSet::default(),
            title_case_days: WordSet::default(),
            months: Vec::new(),
            days: Vec::new(),
        };
        for entry in months.iter().chain(&days) {
            calendar.full_names.insert(entry.name);
            for &(abbreviation, everyday) in &entry.abbreviations {
                if everyday {
                    calendar.everyday_abbreviations.insert(abbreviation);
                } else {
                    calendar.plain_abbreviations.insert(abbreviation);
                }
            }
        }
        for month in &months {
            let forms = std::iter::once(month.name)
                .chain(month.abbreviations.iter().map(|&(form, _)| form));
            for form in forms {
                calendar.month_forms.insert(forever(title_case(form)));
                calendar.month_forms.insert(forever(form.to_uppercase()));
            }
            if !month.name_is_everyday {
                calendar.month_forms.insert(month.name);
            }
            for &(abbreviation, _) in &month.abbreviations {
                calendar.month_abbreviations.insert(abbreviation);
            }
        }
        for day in &days {
            calendar
                .title_case_days
                .insert(forever(title_case(day.name)));
        }
        calendar.months = months;
        calendar.days = days;
        calendar
    }

    /// A month or day name, full, in lower case.
    pub fn is_full_name(&self, lower: &str) -> bool {
        self.full_names.contains(lower)
    }

    /// An abbreviation of a month or day in lower case; one that is also an
    /// everyday word ("sun") only when `dotted`.
    pub fn is_abbreviation(&self, lower: &str, dotted: bool) -> bool {
        self.plain_abbreviations.contains(lower)
            || (dotted && self.everyday_abbreviations.contains(lower))
    }

    /// A month's abbreviation in lower case ("sept").
    pub fn is_month_abbreviation(&self, lower: &str) -> bool {
        self.month_abbreviations.contains(lower)
    }

    /// A month as written before or after a day's number: title case or
    /// capitals, full or abbreviated ("Sept", "OCT"), or a full name in lower
    /// case that is no everyday word ("june", not "may").
    pub fn is_month_form(&self, word: &str) -> bool {
        self.month_forms.contains(word)
    }

    /// A day of the week in title case ("Monday").
    pub fn is_title_case_day(&self, word: &str) -> bool {
        self.title_case_days.contains(word)
    }
}

/// The calendar, from `data/lexicon/calendar/`.
pub static CALENDAR: LazyLock<Calendar> = LazyLock::new(|| {
    Calendar::parse(
        include_str!("../../data/lexicon/calendar/months.txt"),
        include_str!("../../data/lexicon/calendar/days.txt"),
    )
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_parses_without_duplicates_or_stray_space() {
        for (file, text) in SOURCES {
            let list: Vec<&str> = entries(text).collect();
            assert!(!list.is_empty(), "{file} has no entries");
            let mut seen = std::collections::HashSet::new();
            for entry in &list {
                assert!(seen.insert(*entry), "{file} lists {entry:?} twice");
                assert!(
                    !entry.contains("  ") && !entry.contains('\t'),
                    "{file}: {entry:?} has stray space"
                );
            }
            assert!(
                text.lines()
                    .next()
                    .is_some_and(|line| line.starts_with('#')),
                "{file} opens with a comment saying what it is for"
            );
        }
    }

    #[test]
    fn plurals_are_made_for_singulars_only() {
        assert_eq!(plural("agency"), "agencies");
        assert_eq!(plural("church"), "churches");
        assert_eq!(plural("studio"), "studios");
        assert_eq!(plural("survey"), "surveys");
        let list = WordList::parse_with_plurals("# nouns\nguild\nregistries\n");
        assert_eq!(
            list.entries().collect::<Vec<_>>(),
            ["guild", "guilds", "registries"]
        );
        for list in [&*ORGANIZATION_CATEGORIES, &*PLACE_CATEGORIES] {
            let mut seen = std::collections::HashSet::new();
            assert!(list.entries().all(|entry| seen.insert(entry)));
        }
    }

    #[test]
    fn comments_and_blank_lines_are_not_entries() {
        let list = WordList::parse("# a header\n\nValdor  # a note\n  Kestrin\n");
        assert_eq!(list.entries().collect::<Vec<_>>(), ["Valdor", "Kestrin"]);
        assert!(list.contains("Kestrin"));
        assert!(!list.contains("kestrin"));
        assert!(!list.contains("# a header"));
    }

    #[test]
    fn the_calendar_has_twelve_months_and_seven_days_once_each() {
        assert_eq!(CALENDAR.months.len(), 12);
        assert_eq!(CALENDAR.days.len(), 7);
        let mut seen = std::collections::HashSet::new();
        for entry in CALENDAR.months.iter().chain(&CALENDAR.days) {
            assert!(seen.insert(entry.name), "{} twice", entry.name);
            for (abbreviation, _) in &entry.abbreviations {
                assert!(seen.insert(abbreviation), "{abbreviation} twice");
            }
        }
    }

    #[test]
    fn month_forms_follow_case_and_everyday_words() {
        for form in [
            "January", "JANUARY", "january", "Sept", "SEPT", "May", "MAY", "Mar",
        ] {
            assert!(CALENDAR.is_month_form(form), "{form}");
        }
        for form in ["may", "march", "mar", "sept", "Monday"] {
            assert!(!CALENDAR.is_month_form(form), "{form}");
        }
    }

    #[test]
    fn an_everyday_abbreviation_needs_its_dot() {
        assert!(CALENDAR.is_abbreviation("tue", false));
        assert!(CALENDAR.is_abbreviation("sun", true));
        assert!(!CALENDAR.is_abbreviation("sun", false));
        assert!(!CALENDAR.is_abbreviation("sunday", true));
        assert!(CALENDAR.is_title_case_day("Friday"));
        assert!(!CALENDAR.is_title_case_day("friday"));
    }
}
