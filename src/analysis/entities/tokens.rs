//! Tokens for name recognition: words (with internal hyphens, apostrophes and
//! dotted abbreviations) and single punctuation marks, with the facts about
//! case and position that the recognizer needs.

use std::ops::Range;

use super::gazetteer::GAZETTEER;
use super::words;

/// One token of a block.
#[derive(Debug, Clone)]
pub struct Tok {
    /// Byte span in the block.
    pub span: Range<usize>,
    /// A word (letters or digits), not punctuation.
    pub word: bool,
    /// Starts with a capital letter (or has one inside: "wikiHow", "d'Ettorre").
    pub cap: bool,
    /// All capitals, two letters or more ("NATO", "U.S.").
    pub upper: bool,
    /// A dotted capital abbreviation or initial ("U.S.", "J.").
    pub upper_dotted: bool,
    /// Followed by a possessive ’s / 's (not part of the span).
    pub poss: bool,
    /// Separated from the previous token by spaces only (same line, no punctuation).
    pub glued: bool,
    /// The first word of a sentence, or after an opening quote, bracket or colon.
    pub initial: bool,
    /// The first token of a sentence.
    pub sentence_start: bool,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_hyphen(c: char) -> bool {
    c == '-' || c == '‐'
}

/// Splits `block` into tokens. `sentences` are the block's sentence ranges.
pub fn tokenize(block: &str, sentences: &[Range<usize>]) -> Vec<Tok> {
    let mut raw: Vec<(Range<usize>, bool, bool)> = Vec::new(); // span, word, possessive
    let mut chars = block.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let start = i;
            let mut end = i + c.len_utf8();
            let mut seg_start = start;
            let mut poss = false;
            loop {
                while let Some(&(j, d)) = chars.peek() {
                    if d.is_alphanumeric() {
                        end = j + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                let rest = &block[end..];
                let mut it = rest.chars();
                let Some(d) = it.next() else { break };
                let after = it.next();
                let after2 = it.next();
                if is_hyphen(d) && after.is_some_and(char::is_alphanumeric) {
                    chars.next();
                    end += d.len_utf8();
                    seg_start = end;
                    continue;
                }
                if is_apostrophe(d) && after.is_some_and(char::is_alphabetic) {
                    let collective = matches!(
                        &block[start..end],
                        "People" | "Peoples" | "Women" | "Children" | "Men" | "Workers"
                    ) && matches!(after, Some('s'))
                        && rest[d.len_utf8() + 1..]
                            .trim_start_matches(' ')
                            .starts_with(char::is_uppercase);
                    if collective {
                        // "Democratic People's Republic of Korea": part of the name.
                        chars.next();
                        chars.next();
                        end += d.len_utf8() + 1;
                        continue;
                    }
                    if matches!(after, Some('s' | 'S'))
                        && !after2.is_some_and(char::is_alphanumeric)
                    {
                        poss = true;
                        chars.next();
                        chars.next();
                        break;
                    }
                    chars.next();
                    end += d.len_utf8();
                    seg_start = end;
                    continue;
                }
                if d == '.' {
                    let seg = &block[seg_start..end];
                    let single_cap =
                        seg.chars().count() == 1 && seg.chars().all(char::is_uppercase);
                    let whole = &block[start..end];
                    if single_cap || words::is_abbreviation(whole) {
                        chars.next();
                        end += 1;
                        seg_start = end;
                        // "U.S.", "D.P.R.K.": go on with the next capital letter.
                        if single_cap && after.is_some_and(char::is_uppercase) {
                            if matches!(after2, Some('.')) {
                                continue;
                            }
                            // "U.S" written without its last period.
                            if !after2.is_some_and(char::is_alphanumeric)
                                && end - start >= 2
                                && let Some(letter) = after
                            {
                                chars.next();
                                end += letter.len_utf8();
                                break;
                            }
                        }
                        // "U.S.-led"
                        if after.is_some_and(is_hyphen) {
                            continue;
                        }
                    }
                }
                break;
            }
            raw.push((start..end, true, poss));
            continue;
        }
        if is_apostrophe(c) {
            // A detached possessive: "Google 's".
            let rest = &block[i + c.len_utf8()..];
            let mut it = rest.chars();
            if matches!(it.next(), Some('s' | 'S')) && !it.next().is_some_and(char::is_alphanumeric)
            {
                if let Some(last) = raw.last_mut()
                    && last.1
                    && block[last.0.end..i].trim().is_empty()
                {
                    last.2 = true;
                }
                chars.next();
                continue;
            }
        }
        raw.push((i..i + c.len_utf8(), false, false));
    }

    // Split hyphenated words where the parts are separate names or a name and
    // a common word ("Russian-North", "Kremlin-backed", "pro-Russian").
    let mut split: Vec<(Range<usize>, bool, bool, bool)> = Vec::with_capacity(raw.len()); // + glued-to-previous-part
    for (span, word, poss) in raw {
        let text = &block[span.clone()];
        if !word || !text.contains(['-', '‐']) {
            split.push((span, word, poss, false));
            continue;
        }
        let mut parts: Vec<Range<usize>> = Vec::new();
        let mut s = span.start;
        for (j, c) in text.char_indices() {
            if is_hyphen(c) {
                parts.push(s..span.start + j);
                s = span.start + j + c.len_utf8();
            }
        }
        parts.push(s..span.end);
        let capital = |r: &Range<usize>| {
            block[r.clone()]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        };
        let lower = |r: &Range<usize>| {
            block[r.clone()]
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
        };
        let any_cap = parts.iter().any(capital);
        if !any_cap {
            split.push((span, word, poss, false));
            continue;
        }
        // Lower-case prefixes before a capital: "pro-Russian", "anti-NATO".
        let mut first = 0;
        while first < parts.len() && lower(&parts[first]) {
            first += 1;
        }
        if first == parts.len() {
            split.push((span, word, poss, false));
            continue;
        }
        // "pro-Beijing camp", "anti-NATO protests": a stance, not a mention.
        if first > 0 && matches!(&block[parts[first - 1].clone()], "pro" | "anti") {
            split.push((span, false, false, false));
            continue;
        }
        // Common-word suffixes: "Kremlin-backed", "U.S.-led", "Seoul-based".
        let mut last = parts.len();
        while last > first + 1 && {
            let w = &block[parts[last - 1].clone()];
            let left = &block[parts[first].start..parts[last - 2].end];
            lower(&parts[last - 1])
                && (words::is_compound_suffix(w)
                    || (GAZETTEER.is_common(w)
                        && (GAZETTEER.lookup(left).is_some()
                            || GAZETTEER.demonym(left).is_some()
                            || (left.len() >= 2
                                && left.chars().all(|c| c.is_ascii_uppercase() || c == '.')))))
        } {
            last -= 1;
        }
        // Name-name compounds: split where the left side is a known name or demonym.
        let mut groups: Vec<Range<usize>> = Vec::new();
        let mut g_start = parts[first].start;
        for k in first..last {
            let end = parts[k].end;
            let boundary = k + 1 < last && capital(&parts[k + 1]) && {
                let left = &block[g_start..end];
                let left_last = &block[parts[k].clone()];
                GAZETTEER.demonym(left).is_some()
                    || GAZETTEER.lookup(left).is_some()
                    || GAZETTEER.demonym(left_last).is_some()
                    || GAZETTEER.lookup(left_last).is_some()
            };
            if boundary || k + 1 == last {
                groups.push(g_start..end);
                if k + 1 < last {
                    g_start = parts[k + 1].start;
                }
            }
        }
        let n = groups.len();
        for (gi, g) in groups.into_iter().enumerate() {
            let p = poss && gi + 1 == n && last == parts.len();
            split.push((g, true, p, gi > 0));
        }
    }

    // Facts about each token.
    let mut toks: Vec<Tok> = Vec::with_capacity(split.len());
    let mut sent = 0;
    let mut prev_end = 0;
    let mut prev_sentence = usize::MAX;
    let mut word_in_sentence = false;
    for (span, word, poss, after_hyphen) in split {
        while sent < sentences.len() && sentences[sent].end <= span.start {
            sent += 1;
        }
        let sentence_start =
            sent < sentences.len() && sentences[sent].start <= span.start && prev_sentence != sent;
        if sent < sentences.len() && sentences[sent].start <= span.start {
            prev_sentence = sent;
        }
        let text = &block[span.clone()];
        let gap = &block[prev_end.min(span.start)..span.start];
        let prev = toks.last();
        let glued = !after_hyphen
            && prev.is_some()
            && !gap.is_empty()
            && gap.chars().all(|c| c == ' ' || c == '\t' || c == '\u{a0}')
            && !sentence_start;
        let mut chars = text.chars();
        let first = chars.next().unwrap_or(' ');
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        let cap = word
            && (first.is_uppercase()
                || (first.is_lowercase()
                    && letters > 2
                    && text.chars().skip(1).any(char::is_uppercase)));
        let upper = word
            && letters >= 2
            && text
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
        let upper_dotted = word && text.ends_with('.') && first.is_uppercase();
        let opener = prev.is_some_and(|p| {
            !p.word
                && matches!(
                    &block[p.span.clone()],
                    "“" | "\"" | "‘" | "(" | "[" | ":" | "—" | "–" | ";" | "'"
                )
        });
        // The first word of a sentence even after list markers or quotes ("- Military").
        if sentence_start {
            word_in_sentence = false;
        }
        let initial = word && (!word_in_sentence || opener || prev.is_none());
        if word {
            word_in_sentence = true;
        }
        toks.push(Tok {
            span: span.clone(),
            word,
            cap,
            upper,
            upper_dotted,
            poss,
            glued,
            initial,
            sentence_start,
        });
        prev_end = span.end;
    }
    toks
}
