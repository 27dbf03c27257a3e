//! Word lists for figures: qualifiers, currencies, counted nouns and their
//! synonym groups, and the words that make a figure a plan or a reference.
//! The tables that carry types or data (qualifiers, currencies, synonym
//! groups, fates, measure units) are here; the plain lists are text files
//! under `data/lexicon/figures/`, read through `crate::analysis::lexicon`.
//!
//! Every lookup takes a lower-case word.

use crate::analysis::lexicon;
use crate::analysis::model::Qualifier;

/// Qualifier phrases that stand before a figure, longest first within a start word.
pub(crate) const QUALIFIERS: &[(&[&str], Qualifier)] = &[
    (&["at", "least"], Qualifier::AtLeast),
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["not", "less", "than"], Qualifier::AtLeast),
    (&["not", "fewer", "than"], Qualifier::AtLeast),
    (&["a", "minimum", "of"], Qualifier::AtLeast),
    (&["a", "minimum"], Qualifier::AtLeast),
    (&["minimum", "of"], Qualifier::AtLeast),
    (&["well", "over"], Qualifier::MoreThan),
    (&["well", "above"], Qualifier::MoreThan),
    (&["just", "over"], Qualifier::MoreThan),
    (&["just", "above"], Qualifier::MoreThan),
    (&["more", "than"], Qualifier::MoreThan),
    (&["greater", "than"], Qualifier::MoreThan),
    (&["larger", "than"], Qualifier::MoreThan),
    (&["bigger", "than"], Qualifier::MoreThan),
    (&["higher", "than"], Qualifier::MoreThan),
    (&["in", "excess", "of"], Qualifier::MoreThan),
    (&["upwards", "of"], Qualifier::MoreThan),
    (&["upward", "of"], Qualifier::MoreThan),
    (&["north", "of"], Qualifier::MoreThan),
    (&["over"], Qualifier::MoreThan),
    (&["above"], Qualifier::MoreThan),
    (&["exceeding"], Qualifier::MoreThan),
    (&["exceed"], Qualifier::MoreThan),
    (&["exceeds"], Qualifier::MoreThan),
    (&["exceeded"], Qualifier::MoreThan),
    (&["surpass"], Qualifier::MoreThan),
    (&["surpassed"], Qualifier::MoreThan),
    (&["surpasses"], Qualifier::MoreThan),
    (&["surpassing"], Qualifier::MoreThan),
    (&["topping"], Qualifier::MoreThan),
    (&["up", "to"], Qualifier::UpTo),
    (&["at", "most"], Qualifier::UpTo),
    (&["no", "more", "than"], Qualifier::UpTo),
    (&["not", "more", "than"], Qualifier::UpTo),
    (&["a", "maximum", "of"], Qualifier::UpTo),
    (&["maximum", "of"], Qualifier::UpTo),
    (&["as", "many", "as"], Qualifier::UpTo),
    (&["as", "much", "as"], Qualifier::UpTo),
    (&["as", "high", "as"], Qualifier::UpTo),
    (&["just", "under"], Qualifier::LessThan),
    (&["just", "below"], Qualifier::LessThan),
    (&["less", "than"], Qualifier::LessThan),
    (&["fewer", "than"], Qualifier::LessThan),
    (&["lower", "than"], Qualifier::LessThan),
    (&["smaller", "than"], Qualifier::LessThan),
    (&["under"], Qualifier::LessThan),
    (&["below"], Qualifier::LessThan),
    (&["nearly"], Qualifier::Nearly),
    (&["almost"], Qualifier::Nearly),
    (&["close", "to"], Qualifier::Nearly),
    (&["just", "shy", "of"], Qualifier::Nearly),
    (&["shy", "of"], Qualifier::Nearly),
    (&["approaching"], Qualifier::Nearly),
    (&["approximately"], Qualifier::Approximately),
    (&["approx"], Qualifier::Approximately),
    (&["about"], Qualifier::Approximately),
    (&["around"], Qualifier::Approximately),
    (&["some"], Qualifier::Approximately),
    (&["an", "estimated"], Qualifier::Approximately),
    (&["estimated"], Qualifier::Approximately),
    (&["roughly"], Qualifier::Approximately),
    (&["circa"], Qualifier::Approximately),
    (&["an", "approximate"], Qualifier::Approximately),
    (&["somewhere", "around"], Qualifier::Approximately),
    (&["in", "the", "region", "of"], Qualifier::Approximately),
    (&["on", "the", "order", "of"], Qualifier::Approximately),
];

/// Phrases after a figure that bound it: "500 or more", "20 or fewer".
pub(crate) const TAIL_QUALIFIERS: &[(&[&str], Qualifier)] = &[
    (&["or", "more"], Qualifier::AtLeast),
    (&["and", "more"], Qualifier::AtLeast),
    (&["or", "above"], Qualifier::AtLeast),
    (&["and", "above"], Qualifier::AtLeast),
    (&["or", "greater"], Qualifier::AtLeast),
    (&["or", "higher"], Qualifier::AtLeast),
    (&["and", "up"], Qualifier::AtLeast),
    (&["or", "over"], Qualifier::AtLeast),
    (&["or", "less"], Qualifier::UpTo),
    (&["or", "fewer"], Qualifier::UpTo),
    (&["or", "lower"], Qualifier::UpTo),
    (&["or", "below"], Qualifier::UpTo),
    (&["or", "under"], Qualifier::UpTo),
    (&["and", "below"], Qualifier::UpTo),
    (&["or", "so"], Qualifier::Approximately),
];

/// A currency symbol and its code.
pub(crate) fn currency_symbol(c: char) -> Option<&'static str> {
    Some(match c {
        '$' => "USD",
        '€' => "EUR",
        '£' => "GBP",
        '¥' => "JPY",
        '₹' => "INR",
        '₽' => "RUB",
        '₩' => "KRW",
        '₴' => "UAH",
        '₺' => "TRY",
        '₪' => "ILS",
        '₦' => "NGN",
        '₱' => "PHP",
        '₫' => "VND",
        '₿' => "BTC",
        '₡' => "CRC",
        '₾' => "GEL",
        '₭' => "LAK",
        '元' => "CNY",
        '¢' => "cents",
        _ => return None,
    })
}

/// Letters written before "$" ("US$", "C$", "HK$") and the dollar they name.
pub(crate) fn dollar_prefix(word: &str) -> Option<&'static str> {
    Some(match word {
        "us" | "usd" | "u.s" => "USD",
        "c" | "ca" | "can" | "cad" => "CAD",
        "a" | "au" | "aud" => "AUD",
        "hk" | "hkd" => "HKD",
        "nz" | "nzd" => "NZD",
        "s" | "sg" | "sgd" => "SGD",
        "r" => "BRL",
        "mex" | "mx" | "mxn" => "MXN",
        "nt" => "TWD",
        _ => return None,
    })
}

/// ISO currency codes written as words ("USD 200", "200 EUR"), upper or lower case.
pub(crate) fn currency_code(word: &str) -> Option<&'static str> {
    Some(match word {
        "usd" => "USD",
        "eur" => "EUR",
        "gbp" => "GBP",
        "jpy" => "JPY",
        "cny" | "rmb" => "CNY",
        "chf" => "CHF",
        "cad" => "CAD",
        "aud" => "AUD",
        "nzd" => "NZD",
        "hkd" => "HKD",
        "inr" => "INR",
        "rub" => "RUB",
        "uah" => "UAH",
        "krw" => "KRW",
        "sek" => "SEK",
        "nok" => "NOK",
        "dkk" => "DKK",
        "pln" => "PLN",
        "try" => "TRY",
        "brl" => "BRL",
        "mxn" => "MXN",
        "zar" => "ZAR",
        "sgd" => "SGD",
        "btc" => "BTC",
        "rm" | "myr" => "MYR",
        "rs" => "INR",
        _ => return None,
    })
}

/// Currency nouns after a number ("5 dollars", "323 million euros") and their code.
pub(crate) fn currency_noun(word: &str) -> Option<&'static str> {
    Some(match word {
        "dollar" | "dollars" | "bucks" => "USD",
        "euro" | "euros" => "EUR",
        "pound" | "pounds" | "sterling" | "quid" => "GBP",
        "yen" => "JPY",
        "yuan" | "renminbi" | "rmb" | "kuai" => "CNY",
        "rupee" | "rupees" | "ரூ" => "INR",
        "rouble" | "roubles" | "ruble" | "rubles" => "RUB",
        "hryvnia" | "hryvnias" | "hryvnas" => "UAH",
        "won" => "KRW",
        "franc" | "francs" => "CHF",
        "peso" | "pesos" => "MXN",
        "lira" | "lire" | "liras" => "TRY",
        "shekel" | "shekels" => "ILS",
        "rand" => "ZAR",
        "naira" => "NGN",
        "zloty" | "zlotys" | "zlotych" => "PLN",
        "forint" | "forints" => "HUF",
        "krona" | "kronor" => "SEK",
        "krone" | "kroner" => "NOK",
        "dinar" | "dinars" => "DINAR",
        "riyal" | "riyals" | "rial" | "rials" => "SAR",
        "dirham" | "dirhams" => "AED",
        "baht" => "THB",
        "ringgit" => "MYR",
        "rupiah" => "IDR",
        "markka" | "markkaa" => "FIM",
        "mark" | "marks" | "deutschmarks" => "DEM",
        "guilder" | "guilders" => "NLG",
        "peseta" | "pesetas" => "ESP",
        "escudo" | "escudos" => "PTE",
        "drachma" | "drachmas" => "GRD",
        "lari" => "GEL",
        "kip" => "LAK",
        "bitcoin" | "bitcoins" => "BTC",
        "satoshi" | "satoshis" => "satoshi",
        "cent" | "cents" => "cents",
        "penny" | "pence" | "pennies" => "pence",
        _ => return None,
    })
}

/// Words before a currency noun that say whose currency it is.
pub(crate) fn currency_adjective(word: &str, noun_code: &str) -> Option<&'static str> {
    Some(match (word, noun_code) {
        ("us" | "u.s." | "american", "USD") => "USD",
        ("australian", "USD") => "AUD",
        ("canadian", "USD") => "CAD",
        ("singapore", "USD") => "SGD",
        ("taiwan" | "taiwanese", "USD") => "TWD",
        ("zealand", "USD") => "NZD",
        ("kong", "USD") => "HKD",
        ("hong", _) => "HKD",
        ("new", "USD") => "NZD",
        ("swiss", "CHF") => "CHF",
        ("french", "CHF") => "FRF",
        ("belgian", "CHF") => "BEF",
        ("mexican", "MXN") => "MXN",
        ("argentine" | "argentinian", "MXN") => "ARS",
        ("philippine", "MXN") => "PHP",
        ("chilean", "MXN") => "CLP",
        ("colombian", "MXN") => "COP",
        ("turkish", "TRY") => "TRY",
        ("italian", "TRY") => "ITL",
        ("egyptian", "GBP") => "EGP",
        ("british", "GBP") => "GBP",
        ("chinese", "CNY") => "CNY",
        ("japanese", "JPY") => "JPY",
        ("indian", "INR") => "INR",
        ("pakistani", "INR") => "PKR",
        ("sri", "INR") | ("lankan", "INR") => "LKR",
        ("russian", "RUB") => "RUB",
        ("ukrainian", "UAH") => "UAH",
        ("south", "KRW") | ("korean", "KRW") => "KRW",
        ("north", "KRW") => "KPW",
        ("israeli", "ILS") => "ILS",
        ("south", "ZAR") | ("african", "ZAR") => "ZAR",
        ("nigerian", "NGN") => "NGN",
        ("swedish", "SEK") => "SEK",
        ("norwegian", "NOK") => "NOK",
        ("danish", "NOK") => "DKK",
        ("finnish", "FIM") => "FIM",
        ("german", "DEM") => "DEM",
        ("dutch", "NLG") => "NLG",
        ("spanish", "ESP") => "ESP",
        ("polish", "PLN") => "PLN",
        ("hungarian", "HUF") => "HUF",
        ("brazilian", "BRL") => "BRL",
        ("euro", "EUR") => "EUR",
        _ => return None,
    })
}

/// The synonym group of a counted noun, if it belongs to one.
pub(crate) fn synonym_group(word: &str) -> Option<&'static str> {
    Some(match word {
        "troops" | "troop" | "soldiers" | "soldier" | "forces" | "personnel" | "fighters"
        | "fighter" | "servicemen" | "serviceman" | "servicemembers" | "servicemember" => "troops",
        "killed" | "dead" | "deaths" | "death" | "fatalities" | "fatality" | "died" | "lives"
        | "bodies" => "killed",
        "injured" | "wounded" | "injuries" | "hurt" | "injury" => "injured",
        "casualties" | "casualty" | "losses" => "casualties",
        _ => return None,
    })
}

/// Participles and adjectives that say what happened to a counted group.
pub(crate) fn fate(word: &str) -> Option<&'static str> {
    Some(match word {
        "killed" | "dead" | "died" | "slain" | "executed" => "killed",
        "wounded" | "injured" | "hurt" => "injured",
        "missing" => "missing",
        "captured" => "captured",
        _ => return None,
    })
}

/// Nouns for people, whose count a following fate word turns into that fate.
pub(crate) fn person_noun(word: &str) -> bool {
    synonym_group(word) == Some("troops") || lexicon::PERSON_NOUNS.contains(word)
}

/// Words that end the counted noun phrase after a figure.
pub(crate) fn stops_noun_phrase(word: &str) -> bool {
    lexicon::NOUN_PHRASE_STOPS.contains(word)
}

/// Modifiers between a figure and its noun that do not change what is counted.
pub(crate) fn skippable_modifier(word: &str) -> bool {
    lexicon::SKIPPABLE_MODIFIERS.contains(word)
}

/// Nouns that a figure can be a rate of after "a" or "an" ("$70 a share", "1,000 a day").
pub(crate) fn rate_noun(word: &str) -> bool {
    lexicon::RATE_NOUNS.contains(word)
}

/// Verbs of change: "rose from 3% to 5%" is two figures, not a range.
pub(crate) fn change_verb(word: &str) -> bool {
    lexicon::CHANGE_VERBS.contains(word)
}

/// Words before a figure, in its clause, that make it a plan or target.
pub(crate) fn plan_word(word: &str) -> bool {
    lexicon::PLAN_WORDS.contains(word)
}

/// Words that make the figure right after them an increment.
pub(crate) fn increment_word(word: &str) -> bool {
    lexicon::INCREMENT_WORDS.contains(word)
}

/// Month names as a date writes them: title case or capitals, full or
/// abbreviated, and full names in lower case that are no everyday word.
pub(crate) fn month(word: &str) -> bool {
    lexicon::CALENDAR.is_month_form(word)
}

/// Words before a year that mark it as one ("in 2024", "since 1950").
pub(crate) fn year_marker(word: &str) -> bool {
    lexicon::YEAR_MARKERS.contains(word)
}

/// Labels after which a number is an identifier, not a quantity ("Article 5", "No. 10").
pub(crate) fn label_word(word: &str) -> bool {
    lexicon::LABEL_WORDS.contains(word)
}

/// Ordinal and fraction words: "twenty-first", "two-thirds", "three quarters".
pub(crate) fn ordinal_or_fraction(word: &str) -> bool {
    lexicon::ORDINALS_AND_FRACTIONS.contains(word)
}

/// Measurement units written glued to digits ("10km", "40C"), as the counted
/// thing they name. Case matters: "5G" and "3D" are names, not units.
pub(crate) fn measure_unit(suffix: &str) -> Option<&'static str> {
    Some(match suffix {
        "m" => "metres",
        "km" | "kms" => "kilometres",
        "cm" => "centimetres",
        "mm" => "millimetres",
        "kg" | "kgs" => "kilograms",
        "mg" => "milligrams",
        "ml" => "millilitres",
        "mph" => "miles per hour",
        "kph" | "kmh" => "kilometres per hour",
        "ft" => "feet",
        "lb" | "lbs" => "pounds",
        "oz" => "ounces",
        "C" => "degrees Celsius",
        "F" => "degrees Fahrenheit",
        "kW" => "kilowatts",
        "MW" => "megawatts",
        "GW" => "gigawatts",
        "kWh" => "kilowatt hours",
        "MWh" => "megawatt hours",
        "GWh" => "gigawatt hours",
        "TWh" => "terawatt hours",
        "ha" => "hectares",
        "sqm" => "square metres",
        "sqft" => "square feet",
        "Mbps" => "megabits per second",
        "Gbps" => "gigabits per second",
        "MB" => "megabytes",
        "GB" => "gigabytes",
        "TB" => "terabytes",
        _ => return None,
    })
}
