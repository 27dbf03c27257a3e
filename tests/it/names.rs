//! Name recognition and entity resolution, through the desk, on fixture articles.

use std::fmt::Write;

use marginalia::analysis::config::Config;
use marginalia::analysis::desk::Desk;
use marginalia::analysis::document::DocumentAnalysis;
use marginalia::analysis::model::{EntityKind, KindSource, Mention};
use marginalia::analysis::resolve::resolve;
use marginalia::analysis::text::DocFormat;

/// Renders every mention of every article, then the entities that have more
/// than one name, spelling or role.
fn render(articles: &[(&str, &str)], config_toml: &str) -> String {
    let config = Config::from_toml(config_toml).expect("fixture config parses");
    let mut desk = Desk::new();
    for (path, text) in articles {
        desk.upsert(path, text, DocFormat::from_path(path), &config);
    }
    let report = desk.report(&config);
    let table = &report.entities;
    let mut out = String::new();
    for (doc, path) in report.paths.iter().enumerate() {
        writeln!(out, "## {path}").unwrap();
        for (i, m) in report.mentions(doc).enumerate() {
            let entity = &table.entities[table.by_doc[doc][i]];
            write!(out, "{} [{}] {}", m.text, m.kind.as_str(), m.key).unwrap();
            if let Some(role) = &m.role {
                write!(out, " role={role}").unwrap();
            }
            if m.demonym {
                write!(out, " demonym").unwrap();
            }
            if let Some(s) = &m.stands_for {
                write!(out, " stands_for={s}").unwrap();
            }
            writeln!(out, " -> {} {}", entity.id, entity.canonical).unwrap();
        }
    }
    writeln!(out, "## entities").unwrap();
    for e in &table.entities {
        let mut line = format!("{} [{}] {}", e.id, e.kind.as_str(), e.canonical);
        if !e.aliases.is_empty() {
            write!(line, " aliases={:?}", e.aliases).unwrap();
        }
        if !e.roles.is_empty() {
            write!(line, " roles={:?}", e.roles).unwrap();
        }
        if let Some(r) = e.refers_to {
            write!(line, " refers_to={}", table.entities[r].id).unwrap();
        }
        if !e.spellings.is_empty() {
            let spellings: Vec<String> = e
                .spellings
                .iter()
                .map(|s| format!("{}x{}", s.text, s.mentions.len()))
                .collect();
            write!(line, " spellings={spellings:?}").unwrap();
        }
        if let Some(p) = &e.preferred {
            write!(line, " preferred={p}").unwrap();
        }
        if let Some(n) = &e.note {
            write!(line, " note={n:?}").unwrap();
        }
        writeln!(out, "{line}").unwrap();
    }
    out
}

/// The mentions of one article as `text [kind]` strings.
fn names(text: &str) -> Vec<String> {
    let config = Config::default();
    let analysis = DocumentAnalysis::new(text, DocFormat::Plain, &config);
    analysis
        .mentions()
        .map(|m| format!("{} [{}]", m.text, m.kind.as_str()))
        .collect()
}

#[test]
fn titles_roles_and_appositions() {
    let text = "Defense Secretary Lloyd Austin spoke in Brussels on Thursday. \
Lt. Gen. Kyrylo Budanov, who leads military intelligence, disagreed. \
The Kremlin answered through spokesperson Dmitry Peskov. \
Ukrainian President Volodymyr Zelenskyy met Secretary of State Antony Blinken.\n\
Maria Hollis, a senior fellow at the Harwick Institute for Security Studies, doubted the numbers. \
Austin later repeated his warning.\n";
    insta::assert_snapshot!(render(&[("roles.txt", text)], ""));
}

#[test]
fn headings_and_sentence_starts() {
    let text = "Why Does Russia Need North Korean Soldiers?\n\
However, the pact worries Tokyo. Despite that, Seoul waits. According to officials, \
talks continue. Some diplomats in Geneva disagree. In Kursk the fighting goes on.\n\
Meanwhile Pyongyang stays silent and Washington watches.\n";
    insta::assert_snapshot!(render(&[("heading.txt", text)], ""));
}

#[test]
fn demonyms_metonyms_acronyms_and_possessives() {
    let text = "North Korean troops crossed into Russia, officials from the DPRK admitted. \
Russian-North Korean ties have grown since the treaty. \
Russia’s envoy and Ukraine's foreign minister met at the UN, while NATO and the EU watched. \
The Kremlin and the White House traded barbs; TASS carried the statement. \
The U.S. and the US Army both reacted, and America’s allies in the U.K. agreed.\n";
    insta::assert_snapshot!(render(&[("demonyms.txt", text)], ""));
}

#[test]
fn organizations_by_head_word_and_of_patterns() {
    let text = "Researchers at the University of St. Andrews and the Center for Strategic and \
International Studies briefed the Joint Chiefs of Staff. The Russian Pacific Fleet and the \
11th Airborne Brigade moved east, according to the Ministry of Defence and Harlow Dynamics Inc.\n";
    insta::assert_snapshot!(render(&[("orgs.txt", text)], ""));
}

#[test]
fn surnames_resolve_within_an_article() {
    let text = "Gressel told the committee that the front was stable. \
Analyst Gustav Gressel has studied the region for years.\n\
Putin’s aides stayed quiet. President Vladimir Putin's office later called Gressel's view biased.\n";
    insta::assert_snapshot!(render(&[("surnames.txt", text)], ""));
}

#[test]
fn kims_stay_apart_across_articles() {
    let first = "Leader Kim Jong Un inspected a missile factory. Kim praised the workers.\n";
    let second = "General Kim Yong-bok commands the expeditionary force. \
Kim Yong-bok was seen near the border.\n";
    let third = "Analysts expect Kim to visit Moscow.\n";
    insta::assert_snapshot!(render(
        &[("a.txt", first), ("b.txt", second), ("c.txt", third)],
        ""
    ));
}

#[test]
fn spelling_variants_with_majority() {
    let first =
        "President Volodymyr Zelenskyy spoke on Monday. Zelenskyy said more help was needed.\n";
    let second = "Volodymyr Zelensky thanked the allies. Zelensky’s speech was short.\n";
    let third = "Zelenskyy returned to Kyiv.\n";
    insta::assert_snapshot!(render(
        &[("a.txt", first), ("b.txt", second), ("c.txt", third)],
        ""
    ));
}

#[test]
fn spelling_variants_with_configured_preference() {
    let first = "President Volodymyr Zelenskyy spoke on Monday.\n";
    let second = "Volodymyr Zelensky thanked the allies. Zelensky's speech was short.\n";
    let config = "[spellings]\n\"Zelensky\" = [\"Zelenskyy\", \"Zelenskiy\"]\n";
    insta::assert_snapshot!(render(&[("a.txt", first), ("b.txt", second)], config));
}

#[test]
fn user_entities_and_ignored_words() {
    let text = "Private Ri Song Jin was identified from photographs. \
Ri was 26 years old. Analysts call the country the Hermit Kingdom.\n";
    let config = "ignore = [\"Hermit Kingdom\"]\n\n[[entity]]\nname = \"Ri Song Jin\"\nkind = \"person\"\n\
aliases = [\"Ri\"]\nnote = \"Soldier identified in photographs\"\n";
    insta::assert_snapshot!(render(&[("user.txt", text)], config));
}

#[test]
fn quiet_on_near_misses() {
    // Heading words, sentence-initial words, and a name one letter away from another.
    let found = names(
        "How Will The War End?\n\
However, nobody knows. Despite everything, some hope remains. According to many, it will last. \
In the end, most agree.\n",
    );
    assert!(found.is_empty(), "{found:?}");
    let found = names(
        "The pro-Beijing camp rallied while anti-NATO groups marched. Leaders of the Muslim \
community and Olympic officials watched. The ants were of the species Formica fusca.\n",
    );
    assert!(found.is_empty(), "{found:?}");
    let out = render(
        &[
            ("a.txt", "Leader Kim Jong Un spoke. Kim smiled.\n"),
            (
                "b.txt",
                "Sergeant Ivan Kin reported. Officers said Kin left.\n",
            ),
        ],
        "",
    );
    assert!(!out.contains("spellings"), "{out}");
    let kim = out
        .lines()
        .find(|l| l.starts_with("Kim smiled") || l.starts_with("Kim ["));
    assert!(kim.is_some_and(|l| l.contains("Kim Jong Un")), "{out}");
    let kin = out.lines().find(|l| l.starts_with("Kin ["));
    assert!(kin.is_some_and(|l| l.contains("Ivan Kin")), "{out}");
}

#[test]
fn arbitrary_text_does_not_panic() {
    let long_line = "Ünïcödé Ⅻ ’s '' ‐- U.S.-led Kremlin-backed pro-Russian ".repeat(2000);
    let samples = [
        "",
        "’s",
        "'s 's ’s",
        "A",
        "U.S",
        "U.",
        "-",
        "Mr.",
        "of of of",
        "The",
        "Élysée Palace, São Paulo and Zürich; 東京 and Москва.",
        "🙂 Emoji Name 🙂 Smith’s",
        long_line.as_str(),
    ];
    for s in samples {
        let _ = names(s);
        let _ = render(&[("x.md", s)], "");
    }
}

#[test]
fn random_text_does_not_panic() {
    // A fixed pseudo-random generator over an alphabet of awkward characters.
    let alphabet: Vec<char> = "aZ .’'-‐–—.,:;\"“”()[]$&\nUSKimé東ß̈İıǅ0123\u{a0}\t?!"
        .chars()
        .collect();
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..3000 {
        let len = (next() % 90) as usize;
        let s: String = (0..len)
            .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
            .collect();
        let _ = names(&s);
        if next() % 20 == 0 {
            let _ = render(&[("a.txt", s.as_str()), ("b.md", s.as_str())], "");
        }
    }
}

#[test]
fn nested_names_official_names_and_national_teams() {
    let text = "The Democratic People’s Republic of Korea and the United States of America \
met at the University of Helsinki. The New Zealand Herald and the Andy Warhol Foundation for \
the Visual Arts reported it.\n\
Belgium defeated Panama 3 – 0 in Sochi, and England beat Tunisia with a late goal.\n";
    insta::assert_snapshot!(render(&[("nested.txt", text)], ""));
}

#[test]
fn words_of_one_name_are_not_spelling_variants() {
    let out = render(
        &[(
            "a.txt",
            "Coach Stefan Stefanov resigned. Stefanov will stay in Sofia.\n",
        )],
        "",
    );
    assert!(!out.contains("spellings"), "{out}");
}

#[test]
fn surnames_across_articles_only_when_unambiguous() {
    let a = "Analyst Gustav Gressel wrote the report. Frank Ledwidge agreed with it.\n";
    let b = "Officials cited Gressel at length. Then Frank spoke.\n";
    let c = "Anna Smith and Peter Smith both testified.\n";
    let d = "The committee thanked Smith.\n";
    insta::assert_snapshot!(render(
        &[("a.txt", a), ("b.txt", b), ("c.txt", c), ("d.txt", d)],
        ""
    ));
}

#[test]
fn spelling_fixes_replace_just_the_differing_word() {
    let config = Config::default();
    let mut desk = Desk::new();
    let a = "President Volodymyr Zelenskyy spoke. Zelenskyy’s aides agreed. Zelenskyy left.\n";
    let b = "Volodymyr Zelensky's speech was short.\n";
    desk.upsert("a.txt", a, DocFormat::Plain, &config);
    desk.upsert("b.txt", b, DocFormat::Plain, &config);
    let report = desk.report(&config);
    let findings: Vec<_> = report
        .findings
        .iter()
        .flat_map(|f| f.iter())
        .filter(|f| f.rule == "spelling-variant")
        .collect();
    assert_eq!(findings.len(), 1, "{findings:?}");
    let f = findings[0];
    assert_eq!(report.paths[f.doc], "b.txt");
    let span = report.span_of(f.doc, &f.at).expect("a span");
    assert_eq!(&b[span], "Zelensky");
    let fix = f.fix.as_ref().expect("a fix");
    assert_eq!(fix.replacement, "Zelenskyy");
}

#[test]
fn random_name_salad_does_not_panic() {
    let vocabulary = [
        "Kim",
        "Jong",
        "Un",
        "Zelensky",
        "Zelenskyy",
        "Volodymyr",
        "U.S.",
        "U.S",
        "of",
        "the",
        "The",
        "University",
        "Center",
        "for",
        "and",
        "North",
        "Korean",
        "Korea",
        "’s",
        "'s",
        "-",
        "Putin",
        "said",
        "told",
        ".",
        ",",
        "(",
        "“",
        "Lt.",
        "Gen.",
        "President",
        "spokesperson",
        "NATO",
        "DPRK",
        "Paris",
        "Austin",
        "Lloyd",
        "Russian-North",
        "Kremlin-backed",
        "pro-Russian",
        "3",
        "–",
        "0",
        "goal",
        "Belgium",
        "Church",
        "Scientology",
        "USI",
        "Southern",
        "Indiana",
        "People’s",
        "Republic",
        "War",
        "Hermit",
        "Kingdom",
        "\n",
        ":",
        "Image",
        "I",
        "So",
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..300 {
        let mut docs = Vec::new();
        for _ in 0..3 {
            let len = (next() % 40) as usize;
            let words: Vec<&str> = (0..len)
                .map(|_| vocabulary[(next() % vocabulary.len() as u64) as usize])
                .collect();
            docs.push(words.join(" "));
        }
        let articles: Vec<(&str, &str)> = vec![
            ("a.txt", docs[0].as_str()),
            ("b.txt", docs[1].as_str()),
            ("c.md", docs[2].as_str()),
        ];
        let _ = render(&articles, "ignore = [\"Hermit Kingdom\"]\n");
    }
}

#[test]
fn places_in_lists_and_people_beside_them() {
    let text = "Officials met Zelenskyy, Ukraine’s leader, and Smith, Germany and France. \
The villa stands in Bogliasco, Italy. In Texas, Lopez said no.\n";
    insta::assert_snapshot!(render(&[("lists.txt", text)], ""));
}

#[test]
fn ranges_of_numbers_do_not_make_a_game() {
    let found =
        names("Between 10 - 12 soldiers from North Korea arrived in 2024-25; Russia denied it.\n");
    assert_eq!(found, ["North Korea [place]", "Russia [place]"]);
    let found = names("Belgium 3 – 0 Panama\n");
    assert_eq!(found, ["Belgium [organization]", "Panama [organization]"]);
}

#[test]
fn kinds_from_context_and_nested_names() {
    let text = "The Meyer administration and the New Zealand government disagreed. \
The Hartwell Foundation paid for the Lindqvist Sea survey, which the United States Navy \
supported. Villagers fled to the town of Sorvanto, next to Pellaquin. \
Staff at the University of North Carolina at Chapel Hill and UNC Greensboro met. \
Dana Cole of Brightwater Alliance spoke; Velmora's Ana Reyes did not. \
Many religions, such as Zorvath, and bands such as The Copper Lanterns played. \
Korvix, Microsoft, and Google all exhibited.\n";
    insta::assert_snapshot!(render(&[("kinds.txt", text)], ""));
}

/// The spelling-variant findings of a desk, as their messages.
fn spelling_findings(articles: &[(&str, &str)], config_toml: &str) -> Vec<String> {
    let config = Config::from_toml(config_toml).expect("fixture config parses");
    let mut desk = Desk::new();
    for (path, text) in articles {
        desk.upsert(path, text, DocFormat::from_path(path), &config);
    }
    let report = desk.report(&config);
    report
        .findings
        .iter()
        .flat_map(|f| f.iter())
        .filter(|f| f.rule == "spelling-variant")
        .map(|f| f.message.to_string())
        .collect()
}

/// The line of `render` for the mention that starts with `text`.
fn mention_line<'a>(out: &'a str, text: &str) -> &'a str {
    out.lines()
        .find(|l| l.starts_with(&format!("{text} [")))
        .unwrap_or_else(|| panic!("no mention {text:?} in\n{out}"))
}

#[test]
fn an_unknown_word_after_a_preposition_of_place_is_a_place() {
    let found = names("The convoy drove through the hills near Oskeby before dawn.\n");
    assert!(found.contains(&"Oskeby [place]".to_string()), "{found:?}");
    let found = names("Volunteers flew from Tarnvik to Brenford on a chartered plane.\n");
    assert!(found.contains(&"Tarnvik [place]".to_string()), "{found:?}");
    assert!(found.contains(&"Brenford [place]".to_string()), "{found:?}");
    // Quiet: a speech verb still makes a person, and "according to" is no goal.
    let found = names("Brenford said the plan would work, according to Oskeby.\n");
    assert!(
        found.contains(&"Brenford [person]".to_string()),
        "{found:?}"
    );
    assert!(!found.contains(&"Oskeby [place]".to_string()), "{found:?}");
}

#[test]
fn facilities_are_places_by_their_head_word() {
    let found = names(
        "Visitors queued outside the Harwick Museum and the Lindqvist Theatre, \
while patients at Morrow Hospital waited. The inmate left Dalby Prison for Fenwick Ave.\n",
    );
    for place in [
        "Harwick Museum",
        "Lindqvist Theatre",
        "Morrow Hospital",
        "Dalby Prison",
        "Fenwick Ave",
    ] {
        assert!(found.contains(&format!("{place} [place]")), "{found:?}");
    }
    // Quiet: an organization's head word still makes an organization.
    let found = names("The Harwick Institute published the study.\n");
    assert!(
        found.contains(&"Harwick Institute [organization]".to_string()),
        "{found:?}"
    );
}

#[test]
fn dates_numbers_and_contractions_are_not_names() {
    let found = names(
        "I'm sure, she said. Don't go. We've waited since THURSDAY. \
Twenty-three people came on Tue Jul 9 at 5 PM ET.\n",
    );
    assert!(found.is_empty(), "{found:?}");
    // An age is not part of the name that follows it.
    let found = names("Sixteen-year-old Darnell Okafor was hurt.\n");
    assert_eq!(found, vec!["Darnell Okafor [person]".to_string()]);
    // A day after a connector dates the name before it.
    let found = names("She left the Varnholm Recovery Center on Friday.\n");
    assert_eq!(
        found,
        vec!["Varnholm Recovery Center [organization]".to_string()]
    );
    // Quiet: a name joined by a connector keeps its words.
    let found = names("She spoke at the Council on Foreign Relations.\n");
    assert_eq!(
        found,
        vec!["Council on Foreign Relations [organization]".to_string()]
    );
    // Quiet: a month that is also a first name stays with the name.
    let found = names("June Halvorsen said the vote would pass.\n");
    assert_eq!(found, vec!["June Halvorsen [person]".to_string()]);
}

#[test]
fn one_entity_has_one_kind_from_all_its_mentions() {
    // The first mention says nothing; the second says it is a place.
    let out = render(
        &[(
            "a.txt",
            "Oskeby has changed a lot. Many families moved to Oskeby last year.\n",
        )],
        "",
    );
    assert!(
        mention_line(&out, "Oskeby").contains("[place]") || out.contains("[place] Oskeby"),
        "{out}"
    );
    let entity = out
        .lines()
        .find(|l| l.starts_with('E') && l.contains("Oskeby"))
        .unwrap();
    assert!(entity.contains("[place]"), "{out}");
    // Quiet: a person named in full keeps the bare surname.
    let out = render(
        &[(
            "a.txt",
            "Marta Oskeby leads the union. Oskeby has changed a lot, colleagues say.\n",
        )],
        "",
    );
    let entity = out
        .lines()
        .find(|l| l.starts_with('E') && l.contains("Marta Oskeby"))
        .unwrap();
    assert!(entity.contains("[person]"), "{out}");
}

/// A mention as the recognizer would give it.
fn mention(text: &str, kind: EntityKind) -> Mention {
    Mention {
        span: 0..text.len(),
        text: text.into(),
        kind,
        kind_source: KindSource::Guess,
        key: text.into(),
        demonym: false,
        role: None,
        stands_for: None,
    }
}

#[test]
fn a_known_country_does_not_join_a_person_who_shares_its_name() {
    let config = Config::default();
    let person = mention("Jordan Pelletier", EntityKind::Person);
    let country = mention("Jordan", EntityKind::Place);
    let table = resolve(&[vec![&person, &country]], &config);
    assert_ne!(table.by_doc[0][0], table.by_doc[0][1], "{table:?}");
    assert_eq!(table.entities[table.by_doc[0][1]].kind, EntityKind::Place);
    // Quiet: the bare first name read as a person still joins.
    let first = mention("Jordan", EntityKind::Person);
    let table = resolve(&[vec![&person, &first]], &config);
    assert_eq!(table.by_doc[0][0], table.by_doc[0][1], "{table:?}");
}

#[test]
fn a_listed_variant_is_the_preferred_spelling_and_is_flagged() {
    let config = "[spellings]\n\"Millbrook\" = [\"Milbrook\"]\n\"Anna Smith-Jones\" = [\"Anna Smith Jones\"]\n";
    let articles = [
        (
            "a.txt",
            "The storm hit Millbrook on Monday. Schools in Millbrook closed.\n",
        ),
        ("b.txt", "Milbrook recovered slowly.\n"),
    ];
    let out = render(&articles, config);
    let milbrook = mention_line(&out, "Milbrook");
    assert!(milbrook.contains("Millbrook"), "{out}");
    let found = spelling_findings(&articles, config);
    assert!(found.iter().any(|f| f.contains("“Milbrook”")), "{found:?}");
    let articles = [
        ("a.txt", "Anna Smith-Jones won the seat.\n"),
        ("b.txt", "Voters backed Anna Smith Jones in the east.\n"),
    ];
    let found = spelling_findings(&articles, config);
    assert!(
        found.iter().any(|f| f.contains("“Anna Smith Jones”")),
        "{found:?}"
    );
    // Quiet: without the listing, nothing is flagged.
    let articles = [
        ("a.txt", "The storm hit Millbrook on Monday.\n"),
        ("b.txt", "Voters backed Anna Smith Jones in the east.\n"),
    ];
    assert!(spelling_findings(&articles, "").is_empty());
}

#[test]
fn declared_entities_keep_their_kind_everywhere() {
    let config = "[[entity]]\nname = \"Harlow\"\nkind = \"organization\"\n";
    let out = render(
        &[(
            "a.txt",
            "Harlow said profits rose. Analysts in Harlow disagreed.\n",
        )],
        config,
    );
    let entity = out
        .lines()
        .find(|l| l.starts_with('E') && l.contains("Harlow"))
        .unwrap();
    assert!(entity.contains("[organization]"), "{out}");
}

#[test]
fn spelling_variant_fires_for_two_spellings_of_one_name() {
    let articles = [
        (
            "a.txt",
            "Ministers met Dariusz Wetzlar on Monday. Wetzlar said he was hopeful.\n",
        ),
        (
            "b.txt",
            "Dariusz Wetzler arrived late. Wetzler left early.\n",
        ),
    ];
    let found = spelling_findings(&articles, "");
    assert!(!found.is_empty(), "{found:?}");
}

#[test]
fn spelling_variant_is_quiet_on_inflections_case_contractions_and_explained_names() {
    // A member and the team: an inflection, not a spelling.
    let articles = [
        (
            "a.txt",
            "The Ravelers won again. Coach Ada Brun praised the Ravelers.\n",
        ),
        ("b.txt", "He was a Raveler for ten years.\n"),
    ];
    assert!(spelling_findings(&articles, "").is_empty());
    // Contractions.
    let articles = [
        ("a.txt", "\"We've tried,\" said Ada Brun.\n"),
        ("b.txt", "\"We're done,\" said Ada Brun.\n"),
    ];
    assert!(spelling_findings(&articles, "").is_empty());
    // Case or hyphen alone.
    let articles = [
        (
            "a.txt",
            "DeMarco Tillis scored twice. DeMarco Tillis smiled.\n",
        ),
        ("b.txt", "Demarco Tillis was injured.\n"),
    ];
    assert!(spelling_findings(&articles, "").is_empty());
    // The text explains the other name.
    let articles = [(
        "a.txt",
        "The singer Lena Varga, born Lena Vargas in Ohio, toured Europe. Lena Varga sang.\n",
    )];
    assert!(spelling_findings(&articles, "").is_empty());
    // Two different ordinary words that look alike.
    let articles = [
        ("a.txt", "Christian Dobre sang at the fair.\n"),
        ("b.txt", "Christmas Dobre opened the market.\n"),
    ];
    assert!(spelling_findings(&articles, "").is_empty());
}

#[test]
fn titles_initials_and_suffixes_do_not_split_a_person() {
    let config = Config::default();
    let a = mention("City Councilman Ada Lind", EntityKind::Person);
    let b = mention("Ada K. Lind", EntityKind::Person);
    let c = mention("Joseph Varga Jr.", EntityKind::Person);
    let d = mention("Bela Joseph Varga Jr.", EntityKind::Person);
    let table = resolve(&[vec![&a, &c], vec![&b, &d]], &config);
    assert_eq!(table.by_doc[0][0], table.by_doc[1][0], "{table:?}");
    assert_eq!(table.by_doc[0][1], table.by_doc[1][1], "{table:?}");
    // Quiet: two people who share only a surname stay apart.
    let e = mention("Ada Lind", EntityKind::Person);
    let f = mention("Marek Lind", EntityKind::Person);
    let table = resolve(&[vec![&e], vec![&f]], &config);
    assert_ne!(table.by_doc[0][0], table.by_doc[1][0], "{table:?}");
}

#[test]
fn a_street_and_its_short_forms_are_one_place() {
    let config = Config::default();
    let a = mention("Tarnby Avenue", EntityKind::Place);
    let b = mention("Tarnby Ave", EntityKind::Place);
    let c = mention("Tarnby", EntityKind::Person);
    let table = resolve(&[vec![&a, &c], vec![&b]], &config);
    assert_eq!(table.by_doc[0][0], table.by_doc[1][0], "{table:?}");
    assert_eq!(table.by_doc[0][0], table.by_doc[0][1], "{table:?}");
    assert_eq!(table.entities[table.by_doc[0][1]].kind, EntityKind::Place);
    // Quiet: a bare word in another article is not the street.
    let table = resolve(&[vec![&a], vec![&c]], &config);
    assert_ne!(table.by_doc[0][0], table.by_doc[1][0], "{table:?}");
}
