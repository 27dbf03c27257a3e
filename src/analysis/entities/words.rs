//! Curated vocabulary for name recognition: titles, role nouns, organization
//! and place head words, connectors and function words.

use super::super::model::EntityKind;

/// Abbreviations that keep their period inside a token ("Lt.", "St.").
pub fn is_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "Lt" | "Gen"
            | "Col"
            | "Maj"
            | "Capt"
            | "Cpt"
            | "Sgt"
            | "Cpl"
            | "Pvt"
            | "Adm"
            | "Cmdr"
            | "Gov"
            | "Sen"
            | "Rep"
            | "Rev"
            | "Prof"
            | "Dr"
            | "Mr"
            | "Mrs"
            | "Ms"
            | "Mx"
            | "St"
            | "Mt"
            | "Ft"
            | "Jr"
            | "Sr"
            | "Co"
            | "Corp"
            | "Inc"
            | "Ltd"
            | "Bros"
            | "Pres"
            | "Sec"
            | "Amb"
            | "Supt"
            | "Insp"
    )
}

/// Titles written before a name ("President", "Lt.", "Defense").
pub fn is_title(word: &str) -> bool {
    matches!(
        word,
        "President"
            | "Vice"
            | "Prime"
            | "Minister"
            | "Secretary"
            | "Deputy"
            | "Foreign"
            | "Defense"
            | "Defence"
            | "Interior"
            | "Finance"
            | "Home"
            | "Justice"
            | "Chancellor"
            | "General"
            | "Gen."
            | "Lt."
            | "Lieutenant"
            | "Col."
            | "Colonel"
            | "Maj."
            | "Major"
            | "Capt."
            | "Captain"
            | "Sgt."
            | "Sergeant"
            | "Cpl."
            | "Corporal"
            | "Pvt."
            | "Private"
            | "Adm."
            | "Admiral"
            | "Cmdr."
            | "Commander"
            | "Marshal"
            | "Field"
            | "Brig."
            | "Brigadier"
            | "Gov."
            | "Governor"
            | "Sen."
            | "Senator"
            | "Rep."
            | "Representative"
            | "Congressman"
            | "Congresswoman"
            | "Rev."
            | "Reverend"
            | "Prof."
            | "Professor"
            | "Dr."
            | "Doctor"
            | "Mr."
            | "Mrs."
            | "Ms."
            | "Mx."
            | "Mr"
            | "Mrs"
            | "Ms"
            | "Dr"
            | "Sir"
            | "Dame"
            | "Lord"
            | "Lady"
            | "King"
            | "Queen"
            | "Prince"
            | "Princess"
            | "Pope"
            | "Mayor"
            | "Judge"
            | "Chief"
            | "Chairman"
            | "Chairwoman"
            | "Chair"
            | "Director"
            | "Ambassador"
            | "Envoy"
            | "Speaker"
            | "Leader"
            | "Premier"
            | "Spokesperson"
            | "Spokesman"
            | "Spokeswoman"
            | "Editor"
            | "Sheriff"
            | "Officer"
            | "Detective"
            | "Inspector"
            | "Superintendent"
            | "Attorney"
            | "Supreme"
            | "Senior"
            | "Executive"
            | "Biologist"
            | "Coach"
            | "Pres."
            | "Sec."
            | "Amb."
    )
}

/// Lower-case nouns that give a role before or after a name.
pub fn is_role_noun(word: &str) -> bool {
    matches!(
        word,
        "spokesperson"
            | "spokesman"
            | "spokeswoman"
            | "leader"
            | "president"
            | "minister"
            | "secretary"
            | "general"
            | "commander"
            | "analyst"
            | "researcher"
            | "professor"
            | "lawmaker"
            | "legislator"
            | "official"
            | "envoy"
            | "ambassador"
            | "chief"
            | "director"
            | "founder"
            | "co-founder"
            | "cofounder"
            | "head"
            | "lecturer"
            | "expert"
            | "correspondent"
            | "reporter"
            | "journalist"
            | "editor"
            | "author"
            | "writer"
            | "senator"
            | "governor"
            | "mayor"
            | "chairman"
            | "chairwoman"
            | "dictator"
            | "soldier"
            | "officer"
            | "adviser"
            | "advisor"
            | "historian"
            | "economist"
            | "scientist"
            | "biologist"
            | "physicist"
            | "chemist"
            | "geologist"
            | "artist"
            | "singer"
            | "actor"
            | "actress"
            | "director-general"
            | "fellow"
            | "manager"
            | "owner"
            | "ceo"
            | "coach"
            | "player"
            | "member"
            | "candidate"
            | "activist"
            | "student"
            | "teacher"
            | "lawyer"
            | "attorney"
            | "judge"
            | "diplomat"
            | "strategist"
            | "colonel"
            | "lieutenant"
            | "captain"
            | "sergeant"
            | "admiral"
            | "deputy"
            | "premier"
            | "chancellor"
            | "king"
            | "queen"
            | "prince"
            | "pilot"
            | "engineer"
            | "developer"
            | "designer"
            | "producer"
            | "host"
            | "presenter"
            | "commentator"
            | "volunteer"
            | "interviewee"
            | "creator"
            | "investor"
            | "entrepreneur"
            | "poet"
            | "novelist"
            | "photographer"
            | "coordinator"
            | "representative"
            | "contributor"
            | "blogger"
    )
}

/// Words that, first after a comma, show that what follows is not an apposition.
pub fn is_apposition_blocker(word: &str) -> bool {
    matches!(
        word,
        "who"
            | "which"
            | "that"
            | "said"
            | "says"
            | "told"
            | "and"
            | "but"
            | "or"
            | "he"
            | "she"
            | "they"
            | "it"
            | "we"
            | "i"
            | "according"
            | "while"
            | "when"
            | "where"
            | "as"
            | "if"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "after"
            | "before"
            | "because"
            | "although"
            | "however"
            | "adding"
            | "noting"
            | "saying"
    )
}

/// Head words after which "of"/"for" continue a name ("University of X").
pub fn is_of_head(word: &str) -> bool {
    is_org_head(word)
        || is_place_of_head(word)
        || matches!(
            word,
            "Secretary"
                | "Minister"
                | "Chiefs"
                | "Bank"
                | "Museum"
                | "Hospital"
                | "Duke"
                | "Prince"
                | "Queen"
        )
}

/// Head words that open a place name with "of" ("Republic of Korea", "Sea of Japan").
pub fn is_place_of_head(word: &str) -> bool {
    matches!(
        word,
        "Republic"
            | "Kingdom"
            | "Gulf"
            | "Bay"
            | "Sea"
            | "Isle"
            | "Isles"
            | "Strait"
            | "Straits"
            | "City"
            | "Province"
            | "State"
            | "States"
            | "Commonwealth"
            | "Cape"
            | "Lake"
            | "Mount"
            | "Port"
            | "Plain"
            | "Valley"
            | "Islands"
            | "Island"
            | "County"
            | "Region"
            | "District"
            | "Oblast"
    )
}

/// Head words of organizations ("Ministry", "University", "Corps").
pub fn is_org_head(word: &str) -> bool {
    matches!(
        word,
        "University"
            | "College"
            | "Institute"
            | "Institution"
            | "Center"
            | "Centre"
            | "Council"
            | "Ministry"
            | "Department"
            | "Agency"
            | "Administration"
            | "Authority"
            | "Bureau"
            | "Office"
            | "Commission"
            | "Committee"
            | "Corps"
            | "Brigade"
            | "Battalion"
            | "Regiment"
            | "Division"
            | "Fleet"
            | "Staff"
            | "Party"
            | "Union"
            | "Federation"
            | "Association"
            | "Society"
            | "League"
            | "Board"
            | "Court"
            | "Chamber"
            | "Church"
            | "School"
            | "Academy"
            | "Foundation"
            | "Fund"
            | "Organization"
            | "Organisation"
            | "Alliance"
            | "Coalition"
            | "Army"
            | "Navy"
            | "Forces"
            | "Force"
            | "Guard"
            | "Command"
            | "Service"
            | "Services"
            | "Embassy"
            | "Org"
            | "Assembly"
            | "Parliament"
            | "Congress"
            | "Senate"
            | "Group"
            | "Company"
            | "Corporation"
            | "Bank"
            | "Times"
            | "Post"
            | "Journal"
            | "News"
            | "Press"
            | "Herald"
            | "Tribune"
            | "Magazine"
            | "Network"
            | "Television"
            | "Radio"
            | "Library"
            | "Laboratory"
            | "Lab"
            | "Labs"
            | "Studios"
            | "Police"
            | "Department's"
            | "Government"
            | "Cabinet"
            | "Directorate"
            | "Inc"
            | "Inc."
            | "Corp"
            | "Corp."
            | "Ltd"
            | "Ltd."
            | "LLC"
            | "Co."
            | "Club"
            | "Team"
            | "Legion"
            | "Movement"
            | "Front"
            | "Initiative"
            | "Project"
            | "Program"
            | "Programme"
            | "Review"
            | "Conference"
            | "Festival"
            | "Games"
            | "Awards"
            | "Airlines"
            | "Airways"
            | "Railways"
            | "Systems"
            | "Technologies"
            | "Industries"
            | "Entertainment"
            | "Media"
            | "Records"
            | "Publishing"
            | "Publishers"
    )
}

/// Legal-form suffixes of companies.
pub fn is_org_suffix(word: &str) -> bool {
    matches!(
        word,
        "Inc"
            | "Inc."
            | "Corp"
            | "Corp."
            | "Ltd"
            | "Ltd."
            | "LLC"
            | "PLC"
            | "plc"
            | "GmbH"
            | "AG"
            | "SA"
    )
}

/// Head words that end place names ("Street", "River").
pub fn is_place_head(word: &str) -> bool {
    matches!(
        word,
        "Street"
            | "Avenue"
            | "Road"
            | "Boulevard"
            | "Square"
            | "River"
            | "Island"
            | "Islands"
            | "Mountains"
            | "Mountain"
            | "Hills"
            | "Valley"
            | "County"
            | "Province"
            | "Oblast"
            | "Region"
            | "Peninsula"
            | "Strait"
            | "Coast"
            | "Beach"
            | "Heights"
            | "Ocean"
            | "Sea"
            | "Lake"
            | "Bay"
            | "Desert"
            | "Airport"
            | "Harbor"
            | "Harbour"
            | "Canal"
            | "Bridge"
            | "Park"
            | "Springs"
            | "Falls"
            | "Territory"
            | "Territories"
            | "Prefecture"
            | "Township"
            | "Village"
            | "Plaza"
            | "Stadium"
            | "Arena"
            | "Castle"
            | "Shelf"
            | "Glacier"
            | "Plateau"
            | "Basin"
            | "Forest"
            | "Canyon"
            | "Reef"
            | "Archipelago"
            | "Delta"
            | "Towers"
            | "Cave"
            | "Station"
            | "Cathedral"
            | "Mosque"
            | "Temple"
            | "Synagogue"
            | "Shrine"
            | "Memorial"
            | "Monument"
            | "Palace"
            | "Tower"
            | "Museum"
            | "Hospital"
            | "Theatre"
            | "Theater"
            | "Prison"
            | "Jail"
            | "Penitentiary"
            | "Base"
            | "Zoo"
            | "Cemetery"
            | "Mall"
            | "Ave"
            | "Ave."
            | "Rd"
            | "Rd."
            | "Blvd"
            | "Blvd."
            | "Lane"
            | "Highway"
            | "Freeway"
            | "Parkway"
            | "Expressway"
            | "Turnpike"
            | "District"
            | "Neighborhood"
            | "Neighbourhood"
            | "Quarter"
            | "Hill"
    )
}

/// Words that join the parts of an organization after "and" ("Strategic and
/// International Studies").
pub fn is_field(word: &str) -> bool {
    matches!(
        word,
        "Studies"
            | "Affairs"
            | "Sciences"
            | "Science"
            | "Technology"
            | "Research"
            | "Development"
            | "Security"
            | "Defense"
            | "Culture"
            | "Arts"
            | "Trade"
            | "Industry"
            | "Welfare"
            | "Services"
            | "Policy"
            | "Engineering"
            | "Medicine"
            | "Health"
            | "Education"
            | "Recognition"
            | "Justice"
            | "Communications"
            | "Environment"
            | "Energy"
    )
}

/// Lower-case particles inside personal names ("da", "van", "bin").
pub fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "da" | "de"
            | "del"
            | "della"
            | "di"
            | "du"
            | "van"
            | "von"
            | "der"
            | "den"
            | "bin"
            | "ibn"
            | "al"
            | "el"
            | "le"
            | "la"
            | "dos"
            | "das"
            | "ter"
    )
}

/// Function words never names when capitalized at the start of a sentence.
pub fn is_function(lower: &str) -> bool {
    matches!(
        lower,
        "the"
            | "a"
            | "an"
            | "in"
            | "on"
            | "at"
            | "of"
            | "for"
            | "to"
            | "by"
            | "with"
            | "from"
            | "as"
            | "and"
            | "or"
            | "but"
            | "if"
            | "when"
            | "while"
            | "after"
            | "before"
            | "since"
            | "despite"
            | "however"
            | "according"
            | "some"
            | "many"
            | "most"
            | "all"
            | "this"
            | "that"
            | "these"
            | "those"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "he"
            | "she"
            | "it"
            | "they"
            | "we"
            | "you"
            | "there"
            | "here"
            | "what"
            | "why"
            | "how"
            | "who"
            | "where"
            | "which"
            | "today"
            | "yesterday"
            | "tomorrow"
            | "meanwhile"
            | "also"
            | "although"
            | "though"
            | "yet"
            | "so"
            | "then"
            | "thus"
            | "still"
            | "even"
            | "only"
            | "just"
            | "such"
            | "both"
            | "each"
            | "every"
            | "no"
            | "not"
            | "now"
            | "last"
            | "next"
            | "first"
            | "during"
            | "until"
            | "because"
            | "unlike"
            | "like"
            | "under"
            | "over"
            | "about"
            | "against"
            | "among"
            | "between"
            | "through"
            | "without"
            | "within"
            | "into"
            | "via"
            | "per"
            | "does"
            | "did"
            | "do"
            | "is"
            | "are"
            | "was"
            | "were"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "need"
            | "has"
            | "have"
            | "had"
            | "yes"
            | "oh"
            | "well"
            | "other"
            | "another"
            | "more"
            | "less"
            | "much"
            | "several"
            | "few"
            | "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "ten"
    )
}

/// Verbs of saying right after a name, which make it a person.
pub fn is_speech_verb(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "told"
            | "tells"
            | "added"
            | "explained"
            | "explains"
            | "wrote"
            | "writes"
            | "argued"
            | "argues"
            | "noted"
            | "notes"
            | "asked"
            | "asks"
            | "stated"
            | "believes"
            | "thinks"
            | "claimed"
            | "claims"
            | "replied"
            | "recalled"
            | "warned"
            | "insisted"
            | "admitted"
            | "denied"
            | "confirmed"
            | "announced"
            | "described"
            | "suggested"
    )
}

/// Acronyms that are ordinary words, not names.
pub fn is_stop_acronym(word: &str) -> bool {
    matches!(
        word,
        "AI" | "TV"
            | "CEO"
            | "CFO"
            | "GDP"
            | "DNA"
            | "RNA"
            | "PhD"
            | "OK"
            | "UFO"
            | "USB"
            | "PC"
            | "PDF"
            | "HTML"
            | "URL"
            | "FAQ"
            | "ID"
            | "IQ"
            | "AM"
            | "PM"
            | "BC"
            | "AD"
            | "CE"
            | "BCE"
            | "GPS"
            | "TNT"
            | "HQ"
            | "PR"
            | "VIP"
            | "MP"
            | "MPs"
            | "DIY"
            | "LOL"
            | "BTW"
            | "FYI"
            | "ASAP"
            | "AKA"
            | "ETA"
            | "RIP"
            | "CCTV"
            | "HIV"
            | "IED"
            | "IEDs"
            | "ICBM"
            | "ICBMs"
            | "SUV"
            | "LED"
            | "CD"
            | "DVD"
            | "MVP"
            | "GMT"
            | "UTC"
            | "EST"
            | "PST"
            | "II"
            | "III"
            | "IV"
    )
}

/// Lower-case second parts of compounds that are not part of a name ("-backed").
pub fn is_compound_suffix(word: &str) -> bool {
    matches!(
        word,
        "backed"
            | "led"
            | "based"
            | "born"
            | "made"
            | "owned"
            | "run"
            | "style"
            | "linked"
            | "allied"
            | "aligned"
            | "controlled"
            | "occupied"
            | "held"
            | "speaking"
            | "language"
            | "bound"
            | "funded"
            | "sponsored"
            | "era"
            | "centric"
            | "friendly"
            | "like"
            | "esque"
            | "wide"
            | "powered"
            | "driven"
            | "enabled"
            | "inspired"
            | "themed"
            | "related"
            | "focused"
            | "oriented"
            | "affiliated"
            | "supported"
            | "armed"
            | "trained"
            | "equipped"
            | "produced"
            | "built"
            | "brokered"
            | "imposed"
            | "installed"
    )
}

/// Days and months: capitalized, but dates rather than names. Full names in
/// any case ("THURSDAY"), abbreviations with or without a dot ("Tue", "Oct.").
pub fn is_calendar(word: &str) -> bool {
    let bare = word.strip_suffix('.').unwrap_or(word);
    let lower = bare.to_lowercase();
    let full = matches!(
        lower.as_str(),
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    );
    if full {
        return true;
    }
    // Abbreviations are title case or capitals; "Sun", "Sat", "Mon" and "Mar"
    // are also words and names, so only with their dot.
    let dotted = word.ends_with('.');
    matches!(
        lower.as_str(),
        "tue"
            | "tues"
            | "wed"
            | "thu"
            | "thur"
            | "thurs"
            | "fri"
            | "jan"
            | "feb"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    ) || (dotted && matches!(lower.as_str(), "mon" | "sat" | "sun" | "mar"))
}

/// Time zones and clock words written after a time ("AM CT", "CEST").
pub fn is_clock_word(word: &str) -> bool {
    matches!(
        word,
        "AM" | "PM"
            | "A.M."
            | "P.M."
            | "ET"
            | "EST"
            | "EDT"
            | "CT"
            | "CST"
            | "CDT"
            | "MT"
            | "MST"
            | "MDT"
            | "PT"
            | "PST"
            | "PDT"
            | "GMT"
            | "UTC"
            | "BST"
            | "CET"
            | "CEST"
            | "EET"
            | "EEST"
            | "IST"
            | "JST"
    )
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
    let number = |w: &str| {
        matches!(
            w,
            "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "eleven"
                | "twelve"
                | "thirteen"
                | "fourteen"
                | "fifteen"
                | "sixteen"
                | "seventeen"
                | "eighteen"
                | "nineteen"
                | "twenty"
                | "thirty"
                | "forty"
                | "fifty"
                | "sixty"
                | "seventy"
                | "eighty"
                | "ninety"
                | "hundred"
                | "thousand"
                | "million"
                | "billion"
                | "dozen"
        )
    };
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
    matches!(
        word,
        "West"
            | "East"
            | "North"
            | "South"
            | "Midwest"
            | "Northeast"
            | "Northwest"
            | "Southeast"
            | "Southwest"
    )
}

/// Head words of government bodies, which a country name may precede
/// ("U.S. Department of Agriculture", "United States Navy").
pub fn is_government_head(word: &str) -> bool {
    matches!(
        word,
        "Department"
            | "Ministry"
            | "Navy"
            | "Army"
            | "Force"
            | "Forces"
            | "Office"
            | "Council"
            | "Agency"
            | "Government"
            | "Service"
            | "Administration"
            | "Commission"
            | "Embassy"
            | "Parliament"
            | "Congress"
            | "Senate"
            | "Court"
            | "Police"
            | "Foundation"
            | "Command"
            | "Marines"
            | "Guard"
            | "Agriculture"
    )
}

/// Words of sports reports.
pub fn is_sports_word(word: &str) -> bool {
    matches!(
        word,
        "goal"
            | "goals"
            | "scored"
            | "scoring"
            | "penalty"
            | "match"
            | "striker"
            | "midfielder"
            | "goalkeeper"
            | "referee"
            | "halftime"
            | "header"
            | "equaliser"
            | "equalizer"
            | "possession"
            | "kick"
            | "booked"
            | "substituted"
            | "innings"
            | "wicket"
            | "touchdown"
    )
}

/// Head words of events, which are not names of people, organizations or places.
pub fn is_event_head(word: &str) -> bool {
    matches!(
        word,
        "War"
            | "Wars"
            | "Crisis"
            | "Accords"
            | "Treaty"
            | "Agreement"
            | "Act"
            | "Revolution"
            | "Uprising"
            | "Offensive"
            | "Olympics"
            | "Summit"
            | "Prize"
            | "Award"
            | "Awards"
    )
}

/// Kinds of settlement and territory that name a place after "of" ("the town
/// of Yeoncheon", "the Municipality of Bogliasco").
pub fn is_settlement_noun(lower: &str) -> bool {
    matches!(
        lower,
        "town"
            | "city"
            | "village"
            | "municipality"
            | "province"
            | "region"
            | "county"
            | "district"
            | "suburb"
            | "island"
            | "port"
            | "capital"
            | "commune"
            | "prefecture"
            | "state"
            | "outskirts"
            | "streets"
            | "center"
            | "centre"
            | "suburbs"
            | "residents"
            | "inhabitants"
            | "mayor"
            | "north"
            | "south"
            | "east"
            | "west"
    )
}

/// The kind of name a lower-case category noun introduces ("the company
/// Hitwise", "religions such as Wicca", "cities such as Lyon").
pub fn category_kind(word: &str) -> Option<EntityKind> {
    match word {
        "company" | "companies" | "firm" | "firms" | "publisher" | "publishers" | "band"
        | "bands" | "group" | "groups" | "party" | "parties" | "school" | "schools"
        | "university" | "universities" | "newspaper" | "newspapers" | "magazine" | "magazines"
        | "website" | "websites" | "religion" | "religions" | "network" | "networks"
        | "broadcaster" | "broadcasters" | "agency" | "agencies" | "organization"
        | "organizations" | "organisation" | "organisations" | "charity" | "charities" | "club"
        | "clubs" | "brand" | "brands" | "label" | "labels" | "startup" | "startups" | "church"
        | "churches" | "outlets" | "publications" | "retailer" | "retailers" | "airline"
        | "airlines" | "studio" | "studios" => Some(EntityKind::Organization),
        "city" | "cities" | "town" | "towns" | "village" | "villages" | "country" | "countries"
        | "province" | "provinces" | "region" | "regions" | "island" | "islands" | "suburb"
        | "suburbs" => Some(EntityKind::Place),
        _ => None,
    }
}

/// Head words that open organizations' names in Romance languages
/// ("Instituto Valdera", "Partido Popular", "Movimento 5 Stelle").
pub fn is_foreign_org_head(word: &str) -> bool {
    matches!(
        word,
        "Instituto"
            | "Istituto"
            | "Institut"
            | "Universidad"
            | "Universidade"
            | "Università"
            | "Université"
            | "Universitat"
            | "Partido"
            | "Partito"
            | "Parti"
            | "Movimento"
            | "Movimiento"
            | "Mouvement"
            | "Banco"
            | "Banca"
            | "Banque"
            | "Fundación"
            | "Fundação"
            | "Fondazione"
            | "Fondation"
            | "Asociación"
            | "Associazione"
            | "Associação"
            | "Colegio"
            | "Liceo"
            | "Lycée"
            | "Escuela"
            | "Scuola"
            | "Museo"
            | "Musée"
            | "Compañía"
            | "Compagnie"
            | "Società"
            | "Sociedad"
            | "Société"
            | "Grupo"
            | "Gruppo"
            | "Groupe"
            | "Ministerio"
            | "Ministero"
            | "Ministère"
    )
}

/// Words that open names of places in other languages ("Kibbutz Ramot",
/// "Masjid Al-Noor", "Monte Rosa").
pub fn is_foreign_place_head(word: &str) -> bool {
    matches!(
        word,
        "Kibbutz"
            | "Moshav"
            | "Masjid"
            | "Wadi"
            | "Jebel"
            | "Jabal"
            | "Lago"
            | "Monte"
            | "Isla"
            | "Sierra"
            | "Puerto"
            | "Piazza"
            | "Plaza"
            | "Via"
            | "Rue"
            | "Place"
            | "Fort"
            | "Ft."
            | "Mount"
            | "Mt."
            | "Port"
            | "Lake"
            | "Cape"
            | "Camp"
    )
}

/// Lower-case words for the body a person or a place heads ("the Bush
/// administration", "the New Zealand government").
pub fn is_governing_noun(word: &str) -> bool {
    matches!(
        word,
        "administration" | "government" | "regime" | "cabinet" | "campaign" | "team"
    )
}

/// Lower-case nouns after a person's name that belong to the person ("the Biden administration").
pub fn is_eponym_noun(word: &str) -> bool {
    matches!(
        word,
        "administration"
            | "government"
            | "campaign"
            | "family"
            | "presidency"
            | "doctrine"
            | "regime"
            | "era"
            | "cabinet"
            | "estate"
            | "camp"
    )
}

/// Compass adjectives before a place name ("Northern Ohio", "South Australia").
pub fn is_direction_adjective(word: &str) -> bool {
    is_direction(word)
        || matches!(
            word,
            "Northern"
                | "Southern"
                | "Eastern"
                | "Western"
                | "Central"
                | "Upper"
                | "Lower"
                | "Greater"
                | "Inner"
                | "Outer"
        )
}

/// Adjectives of faiths, creeds and games, which qualify a noun rather than name
/// a person, organization or place ("Muslim community", "Olympic team").
pub fn is_creed_adjective(word: &str) -> bool {
    matches!(
        word,
        "Muslim"
            | "Islamic"
            | "Islamist"
            | "Christian"
            | "Catholic"
            | "Protestant"
            | "Orthodox"
            | "Evangelical"
            | "Jewish"
            | "Hindu"
            | "Buddhist"
            | "Sikh"
            | "Sunni"
            | "Shia"
            | "Shiite"
            | "Olympic"
            | "Paralympic"
            | "Communist"
            | "Socialist"
            | "Marxist"
            | "Nazi"
            | "Fascist"
            | "Libertarian"
            | "Hellenic"
            | "Biblical"
            | "Quranic"
    )
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
