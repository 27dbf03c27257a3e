//! Splitting a sentence into the tokens the tagger was trained on.
//!
//! The tagger learned from a treebank tokenised the Penn Treebank way, so
//! this splits text the same way, and a token's text is a slice of the
//! sentence (offsets are bytes into it, end exclusive):
//!
//! - whitespace separates tokens;
//! - punctuation before and after a word is its own token ("(", "“", ",",
//!   "%", "$"), and a run of one punctuation mark is one token ("...", "--");
//! - a full stop stays on an abbreviation: a word with a full stop inside
//!   ("U.S.", "e.g."), a single letter (an initial), or a short title or
//!   abbreviation from [`ABBREVIATIONS`];
//! - digits keep their separators ("12,500", "3.75") and letters their
//!   inner apostrophes;
//! - hyphens and dashes between parts of a word are tokens of their own
//!   ("well-paid" is "well", "-", "paid");
//! - clitics are split off as the treebank does: "don't" is "do" + "n't",
//!   "can't" is "ca" + "n't", "she's" is "she" + "'s", "they'll" is "they" +
//!   "'ll", "cannot" is "can" + "not", "gonna" is "gon" + "na"; a plural
//!   possessive keeps its apostrophe as a token ("the players’" is
//!   "players" + "’"). Straight and curly apostrophes are treated alike.

use std::ops::Range;

/// Words that keep a following full stop: titles, company suffixes and
/// short abbreviations, written without the stop, compared in lower case.
pub const ABBREVIATIONS: &[&str] = &[
    "approx", "apr", "aug", "ave", "blvd", "capt", "cmdr", "co", "col", "corp", "dec", "dept",
    "dr", "etc", "feb", "fig", "fr", "ft", "gen", "gov", "inc", "jan", "jr", "jul", "jun", "lt",
    "ltd", "maj", "mar", "mr", "mrs", "ms", "mt", "no", "nov", "oct", "prof", "rep", "rev", "sen",
    "sep", "sept", "sgt", "sr", "st", "vs",
];

/// The token spans of `sentence`, in order, as byte ranges into it.
pub fn tokenize(sentence: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in sentence.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                split_piece(sentence, s, i, &mut out);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        split_piece(sentence, s, sentence.len(), &mut out);
    }
    out
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—')
}

/// A run of the same character `c` starting at `at` in `text[..end]`: its end.
fn run_end(text: &str, at: usize, end: usize, c: char) -> usize {
    let mut e = at;
    for (i, d) in text[at..end].char_indices() {
        if d != c {
            return at + i;
        }
        e = at + i + d.len_utf8();
    }
    e
}

/// Splits one whitespace-free piece `text[start..end]`.
fn split_piece(text: &str, mut start: usize, mut end: usize, out: &mut Vec<Range<usize>>) {
    // Leading punctuation, one run at a time. A full stop before a digit
    // starts a number (".5").
    while start < end {
        let Some(c) = text[start..end].chars().next() else {
            return;
        };
        if is_word_char(c) {
            break;
        }
        let next = text[start + c.len_utf8()..end].chars().next();
        if c == '.' && next.is_some_and(|n| n.is_ascii_digit()) {
            break;
        }
        let e = run_end(text, start, end, c);
        out.push(start..e);
        start = e;
    }
    // Trailing punctuation, collected from the end.
    let mut trailing = Vec::new();
    while start < end {
        let Some(c) = text[start..end].chars().next_back() else {
            break;
        };
        if is_word_char(c) {
            break;
        }
        let mut s = end - c.len_utf8();
        while s > start && text[..s].ends_with(c) {
            s -= c.len_utf8();
        }
        if c == '.' && s == end - 1 && keeps_full_stop(&text[start..s]) {
            break;
        }
        trailing.push(s..end);
        end = s;
    }
    if start < end {
        split_core(text, start, end, out);
    }
    out.extend(trailing.into_iter().rev());
}

/// Whether `word` (without its final full stop) is an abbreviation that
/// keeps the stop.
fn keeps_full_stop(word: &str) -> bool {
    if word.contains('.') {
        return word.chars().any(char::is_alphabetic);
    }
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c.is_alphabetic(),
        (Some(_), Some(_)) => {
            word.len() <= 6 && {
                let lower = word.to_lowercase();
                ABBREVIATIONS.contains(&lower.as_str())
            }
        }
        _ => false,
    }
}

/// Splits a piece that starts and ends with a word character at its inner
/// dashes, then splits clitics off each part.
fn split_core(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let mut part = start;
    let mut i = start;
    while i < end {
        let Some(c) = text[i..end].chars().next() else {
            break;
        };
        if is_dash(c) && i > part {
            let e = run_end(text, i, end, c);
            if e < end {
                split_clitics(text, part, i, out);
                out.push(i..e);
                part = e;
                i = e;
                continue;
            }
        }
        i += c.len_utf8();
    }
    if part < end {
        split_clitics(text, part, end, out);
    }
}

/// Clitics the treebank writes as tokens of their own, after an apostrophe.
const APOSTROPHE_CLITICS: &[&str] = &["s", "re", "ve", "ll", "d", "m"];

/// Words the treebank writes as two tokens, and where they split.
const FUSED: &[(&str, usize)] = &[("cannot", 3), ("gonna", 3), ("wanna", 3), ("gotta", 3)];

fn split_clitics(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let word = &text[start..end];
    let lower = word.to_lowercase();
    // Fused words: the lower-cased form has the same byte length here, since
    // the list is ASCII and `word` must equal it letter for letter.
    if let Some(&(_, at)) = FUSED
        .iter()
        .find(|(w, _)| lower == *w && word.len() == w.len())
    {
        out.push(start..start + at);
        out.push(start + at..end);
        return;
    }
    // "n't": split before the n, if something comes before it.
    if let Some(stem) = strip_suffix_ci(word, "n't").or_else(|| strip_suffix_ci(word, "n’t")) {
        if !stem.is_empty() && stem.chars().all(char::is_alphabetic) {
            let at = start + stem.len();
            out.push(start..at);
            out.push(at..end);
            return;
        }
    }
    // "'s", "'re", ...: split before the apostrophe.
    if let Some((i, c)) = word.char_indices().rev().find(|&(_, c)| is_apostrophe(c)) {
        let after = &word[i + c.len_utf8()..];
        let after_lower = after.to_lowercase();
        if i > 0 && APOSTROPHE_CLITICS.contains(&after_lower.as_str()) {
            out.push(start..start + i);
            out.push(start + i..end);
            return;
        }
    }
    out.push(start..end);
}

/// `word` without `suffix`, compared in ASCII case-insensitively.
fn strip_suffix_ci<'a>(word: &'a str, suffix: &str) -> Option<&'a str> {
    if word.len() < suffix.len() || !word.is_char_boundary(word.len() - suffix.len()) {
        return None;
    }
    let (stem, tail) = word.split_at(word.len() - suffix.len());
    tail.eq_ignore_ascii_case(suffix).then_some(stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s).into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn punctuation_around_words_is_split_off() {
        assert_eq!(
            words("“Ready,” she said (twice)."),
            [
                "“", "Ready", ",", "”", "she", "said", "(", "twice", ")", "."
            ]
        );
    }

    #[test]
    fn numbers_keep_their_separators_and_lose_their_symbols() {
        assert_eq!(
            words("It cost $12,500.75, up 3.5%."),
            ["It", "cost", "$", "12,500.75", ",", "up", "3.5", "%", "."]
        );
    }

    #[test]
    fn clitics_split_as_in_the_treebank() {
        assert_eq!(
            words("We don't think she's sure they'll win"),
            [
                "We", "do", "n't", "think", "she", "'s", "sure", "they", "'ll", "win"
            ]
        );
        assert_eq!(words("Can’t"), ["Ca", "n’t"]);
        assert_eq!(words("cannot"), ["can", "not"]);
        assert_eq!(words("the owners’ dogs"), ["the", "owners", "’", "dogs"]);
    }

    #[test]
    fn a_word_that_only_ends_like_a_clitic_stays_whole() {
        assert_eq!(words("Brent's"), ["Brent", "'s"]);
        assert_eq!(words("O'Dell"), ["O'Dell"]);
        assert_eq!(words("'s"), ["'", "s"]);
    }

    #[test]
    fn abbreviations_keep_their_full_stop_and_sentence_ends_do_not() {
        assert_eq!(
            words("Dr. Vell met J. Osk in the U.S. today."),
            [
                "Dr.", "Vell", "met", "J.", "Osk", "in", "the", "U.S.", "today", "."
            ]
        );
        assert_eq!(words("It was done."), ["It", "was", "done", "."]);
    }

    #[test]
    fn dashes_inside_words_are_tokens() {
        assert_eq!(
            words("a well-paid job -- really"),
            ["a", "well", "-", "paid", "job", "--", "really"]
        );
        assert_eq!(words("-5"), ["-", "5"]);
    }

    #[test]
    fn offsets_are_byte_ranges_into_non_ascii_text() {
        let s = "Ökö’s café—naïve…";
        for r in tokenize(s) {
            assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
            assert!(r.start < r.end);
        }
        assert_eq!(words(s), ["Ökö", "’s", "café", "—", "naïve", "…"]);
    }
}
