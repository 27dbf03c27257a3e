//! Generators of news-like article text for property tests: words, names,
//! figures, typographic punctuation, characters outside the Basic
//! Multilingual Plane, combining marks, every kind of line break, Markdown
//! syntax and front matter, plus arbitrary characters.
//!
//! Shared by the property test modules, each taking only what it uses.

#![allow(dead_code)]

use marginalia::analysis::text::DocFormat;
use proptest::prelude::*;

pub const FRAGMENTS: &[&str] = &[
    // news words
    "the",
    "troops",
    "soldiers",
    "killed",
    "deployed",
    "to",
    "said",
    "according to",
    "officials",
    "at least",
    "more than",
    "about",
    "nearly",
    "up to",
    "between",
    "and",
    "bringing the total to",
    "additional",
    "a day",
    "per soldier",
    "in all",
    "casualties",
    "wounded",
    "billion",
    "million",
    "thousand",
    "percent",
    "%",
    "$",
    "€",
    "£",
    // names
    "North Korea",
    "Russia",
    "Ukraine",
    "Kim Jong Un",
    "Volodymyr Zelenskyy",
    "Zelensky",
    "the Kremlin",
    "Seoul",
    "U.S.",
    "Lt. Gen.",
    "Dr.",
    "Mr. Smith",
    "NATO",
    "Pentagon's",
    "North Korean",
    "José Martí",
    "Ægir",
    "Zoë",
    "ĲSSELMEER",
    // figures
    "3,000",
    "12,000",
    "1.2",
    "1.2 million",
    "12.5%",
    "$25 million",
    "2024",
    "October 23, 2024",
    "three thousand",
    "ten",
    "twelve",
    "0",
    "007",
    "1e9",
    "99999999999999999999999",
    "-5",
    "½",
    "٣",
    "１２",
    "3 000",
    // punctuation
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "...",
    "’",
    "‘",
    "“",
    "”",
    "—",
    "–",
    "\"",
    "'",
    "(",
    ")",
    "»",
    "«",
    " » ",
    "©",
    "…",
    "\u{a0}",
    "\u{2028}",
    "\u{200b}",
    "\u{feff}",
    "\t",
    // outside the BMP and combining marks
    "🪖",
    "🇺🇦",
    "👩‍👩‍👧",
    "𝔘𝔖",
    "e\u{301}",
    "é",
    "ß",
    // line breaks
    "\n",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\r\n\r\n",
    "\r\r",
    // Markdown
    "# ",
    "## ",
    "#",
    "`",
    "``",
    "```",
    "```\n",
    "~~~\n",
    "    ",
    "[x](y)",
    "[",
    "](",
    "![img](a.png)",
    "<b>",
    "</b>",
    "<!--",
    "-->",
    "*",
    "**",
    "_",
    "- ",
    "* ",
    "1. ",
    "> ",
    "| a | b |\n|---|---|\n",
    "[^1]",
    "[^1]: note",
    "\\",
    "&amp;",
    "&#x1F600;",
    "&#0;",
    "---",
    "---\n",
    "***",
    "===",
    "http://x.com/Kim",
    "img_3748-1.jpg",
    "Home » World",
    "Copyright 2024",
    "Subscribe",
];

pub fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(FRAGMENTS).prop_map(str::to_string),
        3 => Just(" ".to_string()),
        1 => prop::collection::vec(any::<char>(), 1..4).prop_map(|cs| cs.into_iter().collect()),
    ]
}

pub fn front_matter() -> impl Strategy<Value = String> {
    let free = |max| prop::collection::vec(fragment(), 0..max).prop_map(|parts| parts.concat());
    prop_oneof![
        2 => (free(4), free(4), free(3)).prop_map(|(key, value, other)| {
            format!("---\ndate: {value}\n{key}: {other}\ntitle: '{value}\n---\n")
        }),
        4 => Just(String::new()),
        1 => Just("---\ntitle: \"Troops\"\ndate: 2024-10-23\nsource: Wire\n---\n".to_string()),
        1 => Just("---\r\ndate: October 23, 2024\r\n---\r\n".to_string()),
        1 => Just("\u{feff}---\ntitle: é🪖\n...\n".to_string()),
        1 => Just("---\ntitle: never closed\n".to_string()),
        1 => Just("---\n---\n".to_string()),
        1 => Just("---".to_string()),
        1 => Just("\u{feff}".to_string()),
    ]
}

/// Article-like text of up to `max` fragments.
pub fn article(max: usize) -> impl Strategy<Value = String> {
    (front_matter(), prop::collection::vec(fragment(), 0..max)).prop_map(|(front, parts)| {
        let mut text = front;
        for (i, part) in parts.iter().enumerate() {
            // Mostly words separated by spaces, sometimes glued together.
            if i > 0 && i % 3 != 0 {
                text.push(' ');
            }
            text.push_str(part);
        }
        text
    })
}

pub fn format() -> impl Strategy<Value = DocFormat> {
    prop_oneof![Just(DocFormat::Plain), Just(DocFormat::Markdown)]
}
