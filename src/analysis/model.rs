//! The plain data that analysis produces: mentions of names and figures.
//!
//! Strings that are copied from a chunk's analysis to its article's and the
//! desk's are shared (`Arc<str>`), so that copying is cheap.
//!
//! Spans are byte ranges. Inside a [`crate::analysis::document::ChunkAnalysis`]
//! they are relative to the chunk; in a
//! [`crate::analysis::document::DocumentAnalysis`] they are absolute.

use std::ops::Range;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// What kind of thing a name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityKind {
    /// A person.
    Person,
    /// A company, agency, party, armed force, outlet...
    Organization,
    /// A country, city, region or other place.
    Place,
}

impl EntityKind {
    /// The lower-case name used in reports (`person`, `organization`, `place`).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
        }
    }
}

/// What decided a mention's kind. Every cue but [`KindSource::Guess`] is
/// evidence the text or a lookup gives; a guess is the recognizer's default
/// for a capitalized name nothing typed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum KindSource {
    /// The gazetteer, a demonym or the user's `[[entity]]` knows the name.
    Known,
    /// A word of the name: an organization's head or legal suffix
    /// ("Foundation", "Ltd"), a place's head ("Street", "Valley"), a
    /// direction ("the West").
    HeadWord,
    /// A title or role before or beside it, or a name given to a person
    /// ("Dr.", "spokesperson", "they called her ...").
    Role,
    /// A first name the gazetteer knows, then another name word.
    FullName,
    /// A category noun before it ("the company ...", "bands such as ...").
    Category,
    /// What a person belongs to: "of" after a person's name, or a
    /// possessive before one.
    Affiliation,
    /// A list of names of one kind it stands in, or the campus of an
    /// organization just named ("... at Maple Ridge").
    List,
    /// The name stands inside or around another: what an organization is
    /// named after, the body a person or place heads ("the ... government"),
    /// a national team in a game report.
    Structure,
    /// A verb of speech right after it ("... said").
    Speech,
    /// The same word ends a person's full name earlier in the block.
    NamedBefore,
    /// Its shape: all capitals, camel case, an acronym opening it.
    Shape,
    /// The preposition right before it ("in", "near", "flew to").
    Preposition,
    /// "and" or "or" joins it to a name of that kind.
    Coordinated,
    /// One word the gazetteer lists as a first name or a surname, alone.
    NameWord,
    /// Nothing said what it is: a person for an unknown capitalized name, an
    /// organization after "the" or when its last word is a common word.
    #[default]
    Guess,
}

impl KindSource {
    /// Every source, in the order declared.
    pub const ALL: [KindSource; 15] = [
        KindSource::Known,
        KindSource::HeadWord,
        KindSource::Role,
        KindSource::FullName,
        KindSource::Category,
        KindSource::Affiliation,
        KindSource::List,
        KindSource::Structure,
        KindSource::Speech,
        KindSource::NamedBefore,
        KindSource::Shape,
        KindSource::Preposition,
        KindSource::Coordinated,
        KindSource::NameWord,
        KindSource::Guess,
    ];

    /// The lower-case name used in reports and the kind model's features.
    pub fn as_str(self) -> &'static str {
        match self {
            KindSource::Known => "known",
            KindSource::HeadWord => "head-word",
            KindSource::Role => "role",
            KindSource::FullName => "full-name",
            KindSource::Category => "category",
            KindSource::Affiliation => "affiliation",
            KindSource::List => "list",
            KindSource::Structure => "structure",
            KindSource::Speech => "speech",
            KindSource::NamedBefore => "named-before",
            KindSource::Shape => "shape",
            KindSource::Preposition => "preposition",
            KindSource::Coordinated => "coordinated",
            KindSource::NameWord => "name-word",
            KindSource::Guess => "guess",
        }
    }
}

/// One mention of a name in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Where the name stands (without a possessive ending or a leading title).
    pub span: Range<usize>,
    /// The name as written, without a possessive ending.
    pub text: Arc<str>,
    /// What it names.
    pub kind: EntityKind,
    /// What decided `kind`: a cue in the text or a lookup, or nothing (a
    /// guess).
    #[serde(default)]
    pub kind_source: KindSource,
    /// The key that identifies the entity before cross-mention resolution:
    /// a gazetteer canonical name ("United States" for "U.S.") or the
    /// normalized surface form.
    pub key: Arc<str>,
    /// True for demonyms ("North Korean"), which mention their country.
    pub demonym: bool,
    /// A role the text gives the person here ("Defense Secretary").
    pub role: Option<Arc<str>>,
    /// For metonyms ("the Kremlin", "Seoul"), the key of the country they stand for.
    pub stands_for: Option<Arc<str>>,
}

/// What a measurement unit measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UnitKind {
    /// Metres, miles, feet...
    Length,
    /// Kilograms, pounds, tonnes...
    Mass,
    /// Hectares, square kilometres...
    Area,
    /// Litres, gallons, barrels...
    Volume,
    /// A time span: seconds to centuries.
    Time,
    /// Kilometres per hour, knots...
    Speed,
    /// Degrees Celsius or Fahrenheit, kelvin.
    Temperature,
    /// Watts, horsepower...
    Power,
    /// Joules, kilowatt hours, calories...
    Energy,
    /// Hertz.
    Frequency,
    /// Bits and bytes.
    Data,
    /// Bits per second.
    DataRate,
    /// Volts.
    Voltage,
    /// A share written in words: "a quarter of", "two-thirds" (the value is
    /// the fraction, 0.25).
    Fraction,
    /// A score or a win-loss record ("won 3-2", "a 10-6 record", "45-7-2"):
    /// the value is the first number, `low` and `high` are the first two
    /// numbers in the order written (so `low` may exceed `high`), and the
    /// qualifier is exact.
    Score,
}

impl UnitKind {
    /// The lower-case name used in reports and in `data/units/units.tsv`.
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Length => "length",
            UnitKind::Mass => "mass",
            UnitKind::Area => "area",
            UnitKind::Volume => "volume",
            UnitKind::Time => "time",
            UnitKind::Speed => "speed",
            UnitKind::Temperature => "temperature",
            UnitKind::Power => "power",
            UnitKind::Energy => "energy",
            UnitKind::Frequency => "frequency",
            UnitKind::Data => "data",
            UnitKind::DataRate => "data rate",
            UnitKind::Voltage => "voltage",
            UnitKind::Fraction => "fraction",
            UnitKind::Score => "score",
        }
    }

    /// The kind named by [`UnitKind::as_str`].
    pub fn parse(name: &str) -> Option<UnitKind> {
        Some(match name {
            "length" => UnitKind::Length,
            "mass" => UnitKind::Mass,
            "area" => UnitKind::Area,
            "volume" => UnitKind::Volume,
            "time" => UnitKind::Time,
            "speed" => UnitKind::Speed,
            "temperature" => UnitKind::Temperature,
            "power" => UnitKind::Power,
            "energy" => UnitKind::Energy,
            "frequency" => UnitKind::Frequency,
            "data" => UnitKind::Data,
            "data rate" => UnitKind::DataRate,
            "voltage" => UnitKind::Voltage,
            "fraction" => UnitKind::Fraction,
            "score" => UnitKind::Score,
            _ => return None,
        })
    }
}

/// The unit a figure is measured in.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Unit {
    /// A plain count or quantity.
    Count,
    /// Money, with an ISO-like currency code (`USD`, `EUR`, `GBP`, ...).
    Currency(String),
    /// A percentage; the value is in percent (12.5 for "12.5%").
    Percent,
    /// A measurement: its normalized symbol ("km", "degC", "hp", "day") and
    /// what it measures. Two measures compare equal only with the same symbol.
    Measure {
        /// The normalized symbol, from `data/units/units.tsv`.
        #[serde(deserialize_with = "static_symbol")]
        symbol: UnitSymbol,
        /// What the unit measures.
        kind: UnitKind,
    },
}

/// A unit's symbol, from the unit table. Named so that serde's derive reads
/// it as an owned value (see [`static_symbol`]) rather than borrowing it from
/// the input, which would tie a figure's decoding to a `'static` input.
type UnitSymbol = &'static str;

/// A unit symbol read back from a stored analysis, as the `&'static str` the
/// unit table gives: each distinct symbol is kept once for the life of the
/// process (there are a few hundred at most).
fn static_symbol<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<&'static str, D::Error> {
    use std::collections::HashSet;
    use std::sync::{LazyLock, Mutex};
    static SYMBOLS: LazyLock<Mutex<HashSet<&'static str>>> =
        LazyLock::new(|| Mutex::new(HashSet::new()));
    let symbol = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
    let mut symbols = SYMBOLS.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(known) = symbols.get(&*symbol) {
        return Ok(known);
    }
    let kept: &'static str = Box::leak(symbol.into_owned().into_boxed_str());
    symbols.insert(kept);
    Ok(kept)
}

impl Unit {
    /// The name used in reports and as a claim key: `count`, `percent`, the
    /// currency code or the measure's symbol.
    pub fn label(&self) -> String {
        match self {
            Unit::Count => "count".to_string(),
            Unit::Percent => "percent".to_string(),
            Unit::Currency(code) => code.clone(),
            Unit::Measure { symbol, .. } => (*symbol).to_string(),
        }
    }

    /// What the unit measures: `count`, `currency`, `percent` or the measure's kind.
    pub fn kind_label(&self) -> &'static str {
        match self {
            Unit::Count => "count",
            Unit::Percent => "percent",
            Unit::Currency(_) => "currency",
            Unit::Measure { kind, .. } => kind.as_str(),
        }
    }
}

/// A figure that states a change: "rose from 5% to 7%".
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// The value before the change (5 in "from 5% to 7%").
    pub from: f64,
    /// The value after it (7), also the figure's value.
    pub to: f64,
}

/// How a qualifier bounds a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Qualifier {
    /// Stated as exact.
    Exact,
    /// "at least", "no fewer than": value <= x.
    AtLeast,
    /// "more than", "over": value < x.
    MoreThan,
    /// "up to", "at most", "no more than": x <= value.
    UpTo,
    /// "less than", "fewer than", "under": x < value.
    LessThan,
    /// "nearly", "almost": just below the value.
    Nearly,
    /// "approximately", "about", "around", "some", "an estimated": within a tolerance.
    Approximately,
    /// A range "between 400 and 500", "$2 to $5 billion".
    Range,
}

/// What a figure's sentence says about its role in a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum FigureRole {
    /// A plain statement of a quantity.
    #[default]
    Count,
    /// An increment: "additional", "more", "another".
    Increment,
    /// An explicit total: "total", "in all", "bringing the total to".
    Total,
    /// A plan, target or commitment rather than a count: "to send", "by December", "will".
    Plan,
    /// A comparison or earlier estimate that the text relates to another figure.
    Reference,
}

/// A number together with what it counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The whole figure as written, including qualifier, currency and scale words
    /// ("at least 3,000", "$2 to $5 billion", "three thousand").
    pub span: Range<usize>,
    /// The normalized value (the low end for ranges and vague magnitudes, the
    /// value after a change, the stated figure otherwise).
    pub value: f64,
    /// The lower bound of the interval the text allows, if bounded below.
    pub low: Option<f64>,
    /// The upper bound of the interval the text allows, if bounded above.
    pub high: Option<f64>,
    /// The qualifier that produced the bounds.
    pub qualifier: Qualifier,
    /// The unit.
    pub unit: Unit,
    /// The normalized counted thing ("troops", "killed", "casualties",
    /// "artillery systems"), if the text says what is counted.
    pub counted: Option<Arc<str>>,
    /// Where the counted noun stands, if found.
    pub counted_span: Option<Range<usize>>,
    /// "per soldier", "a day": the figure is a rate per this thing.
    pub per: Option<Arc<str>>,
    /// Written in words or with a scale word ("three thousand", "1.2 million"),
    /// so that showing the digits helps the reader.
    pub spelled: bool,
    /// What the sentence makes of the figure.
    pub role: FigureRole,
    /// The unit or currency as written ("kilometres", "US$", "bhp"), if any.
    pub surface: Option<Arc<str>>,
    /// For "from 5% to 7%": the change, whose ends are also `low` and `high`
    /// (lower first); the value is where it ended.
    pub change: Option<Change>,
}
