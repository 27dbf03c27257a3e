//! Tokens for figure recognition: words, digit numbers (with their grouping,
//! decimals and flags), single punctuation marks, and identifiers (digits inside
//! names, dates, times, phone numbers and file names) that are never figures.

use std::ops::Range;

use super::lexicon::{currency_code, currency_noun, dollar_prefix, measure_unit};
use super::numbers::{ascii_lower, glued_m, glued_scale};

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Kind {
    /// Letters (with inner apostrophes).
    Word,
    /// A number in digits.
    Num,
    /// One character of punctuation or a symbol.
    Punct,
    /// Digits that are part of an identifier, date, time or ordinal: never a figure.
    Ident,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: Kind,
    /// For `Num`: the value.
    pub(super) value: f64,
    /// For `Num`: flags.
    pub(super) flags: u8,
}

pub(super) const DECIMAL: u8 = 1;
pub(super) const GROUPED: u8 = 2;
/// Four digits, no separator: could be a year.
pub(super) const FOUR: u8 = 4;

pub(super) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

pub(super) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

fn is_digit_at(bytes: &[u8], i: usize) -> bool {
    bytes.get(i).is_some_and(u8::is_ascii_digit)
}

fn digits_end(bytes: &[u8], mut i: usize, end: usize) -> usize {
    while i < end && bytes[i].is_ascii_digit() {
        i += 1;
    }
    i
}

/// Ends an identifier-like run: letters, digits and inner `-`, `_`, `.`, `/`, `:`.
fn ident_end(text: &str, mut i: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    while i < end {
        let b = bytes[i];
        if b.is_ascii_alphanumeric()
            || b == b'_'
            || (matches!(b, b'-' | b'.' | b'/' | b':')
                && i + 1 < end
                && bytes[i + 1].is_ascii_alphanumeric())
        {
            i += 1;
        } else if b >= 0x80 {
            match char_at(text, i) {
                Some(c) if c.is_alphanumeric() => i += c.len_utf8(),
                _ => break,
            }
        } else {
            break;
        }
    }
    i
}

pub(super) fn tokenize(
    text: &str,
    range: Range<usize>,
    skips: &[Range<usize>],
    out: &mut Vec<Tok>,
) {
    let bytes = text.as_bytes();
    let end = range.end;
    let mut i = range.start;
    let mut skip_idx = 0;
    while i < end {
        while skip_idx < skips.len() && skips[skip_idx].end <= i {
            skip_idx += 1;
        }
        if let Some(s) = skips.get(skip_idx)
            && s.start <= i
        {
            let e = s.end.min(end);
            out.push(Tok {
                start: i,
                end: e,
                kind: Kind::Ident,
                value: 0.0,
                flags: 0,
            });
            i = e.max(i + 1);
            while i < end && !text.is_char_boundary(i) {
                i += 1;
            }
            continue;
        }
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            if b.is_ascii_digit()
                || (b == b'.'
                    && is_digit_at(bytes, i + 1)
                    && !char_before(text, i).is_some_and(|c| c.is_alphanumeric() || c == '.'))
            {
                i = scan_number(text, i, end, out);
                continue;
            }
            if b.is_ascii_alphabetic() {
                i = scan_word(text, i, end, out);
                continue;
            }
            out.push(Tok {
                start: i,
                end: i + 1,
                kind: Kind::Punct,
                value: 0.0,
                flags: 0,
            });
            i += 1;
            continue;
        }
        let Some(c) = char_at(text, i) else {
            i += 1;
            continue;
        };
        if c.is_whitespace() {
            i += c.len_utf8();
        } else if c.is_alphabetic() {
            i = scan_word(text, i, end, out);
        } else {
            out.push(Tok {
                start: i,
                end: i + c.len_utf8(),
                kind: Kind::Punct,
                value: 0.0,
                flags: 0,
            });
            i += c.len_utf8();
        }
    }
}

fn scan_word(text: &str, start: usize, end: usize, out: &mut Vec<Tok>) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    while i < end {
        let b = bytes[i];
        if b.is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        if b < 0x80 {
            if b == b'\'' && i + 1 < end && bytes[i + 1].is_ascii_alphabetic() && i > start {
                i += 1;
                continue;
            }
            break;
        }
        match char_at(text, i) {
            Some(c) if c.is_alphabetic() => i += c.len_utf8(),
            Some('’') if i > start && char_at(text, i + 3).is_some_and(char::is_alphabetic) => {
                i += 3
            }
            _ => break,
        }
    }
    if i == start {
        // Defensive: always advance.
        i = start + char_at(text, start).map_or(1, char::len_utf8);
    }
    out.push(Tok {
        start,
        end: i,
        kind: Kind::Word,
        value: 0.0,
        flags: 0,
    });
    i
}

/// Suffixes glued to digits that keep the number a figure.
fn keeps_number(suffix: &str) -> bool {
    let mut buf = [0u8; 24];
    let lower = ascii_lower(suffix, &mut buf);
    glued_scale(suffix).is_some()
        || glued_m(suffix)
        || matches!(lower, Some("pc" | "pct"))
        || lower.is_some_and(|l| currency_code(l).is_some() || currency_noun(l).is_some())
        || lower
            .is_some_and(|l| l.len() == 4 && l.starts_with('m') && currency_code(&l[1..]).is_some())
        || suffix == "元"
        || suffix == "ரூ"
        || matches!(lower, Some("dz" | "dzs" | "doz" | "dozs"))
        || suffix == "p"
        || measure_unit(suffix).is_some()
        || super::units::unit(suffix).is_some()
}

/// Two digits at `i` and no digit after them.
fn two_digits_at(bytes: &[u8], i: usize, end: usize) -> bool {
    i + 2 <= end
        && is_digit_at(bytes, i)
        && is_digit_at(bytes, i + 1)
        && bytes[i] < b'6'
        && !(i + 2 < end && is_digit_at(bytes, i + 2))
}

/// The end of a clock reading with a space after a colon, for the digits at
/// `start..digits`: an hour of one or two digits before ": " and two digits
/// ("4: 15"), or two digits after a digit and ": " ("06:12: 09"). A ratio or
/// a score with one digit after the colon ("3: 1") is no clock.
fn spaced_clock(bytes: &[u8], start: usize, digits: usize, end: usize) -> Option<usize> {
    let hour = digits - start <= 2
        && bytes.get(digits) == Some(&b':')
        && bytes.get(digits + 1) == Some(&b' ')
        && two_digits_at(bytes, digits + 2, end)
        && std::str::from_utf8(&bytes[start..digits])
            .ok()
            .and_then(|s| s.parse::<u32>().ok())
            .is_some_and(|h| h <= 24);
    if hour {
        return Some(digits + 4);
    }
    let minutes = start >= 3
        && bytes[start - 1] == b' '
        && bytes[start - 2] == b':'
        && is_digit_at(bytes, start - 3)
        && two_digits_at(bytes, start, end);
    minutes.then_some(start + 2)
}

// Why one function: one byte scanner for a number in digits (sign, groups of three or of the
// South Asian kind, thin spaces, decimals), whose cases share the position and the groups seen
// so far.
fn scan_number(text: &str, start: usize, end: usize, out: &mut Vec<Tok>) -> usize {
    let bytes = text.as_bytes();
    let ident = |out: &mut Vec<Tok>, from: usize, to: usize| -> usize {
        let to = to.max(from + 1).min(end.max(from + 1));
        out.push(Tok {
            start: from,
            end: to,
            kind: Kind::Ident,
            value: 0.0,
            flags: 0,
        });
        to
    };
    // Glued to letters, an underscore or a letter-hyphen before: an identifier
    // ("G7", "F-16", "img_3748"), unless the letters are a currency code ("USD115").
    if let Some(p) = char_before(text, start) {
        if p == '_' || p == '#' {
            return ident(out, start, ident_end(text, start, end));
        }
        if p.is_alphabetic() {
            let glued_code = out.last().is_some_and(|t| {
                t.kind == Kind::Word && t.end == start && {
                    let mut buf = [0u8; 24];
                    ascii_lower(&text[t.start..t.end], &mut buf).is_some_and(|w| {
                        currency_code(w).is_some()
                            || (w.len() == 4
                                && w.starts_with('m')
                                && currency_code(&w[1..]).is_some())
                            // "$A12,500": the letters after "$" name the dollar.
                            || (dollar_prefix(w).is_some()
                                && t.start > 0
                                && text.as_bytes()[t.start - 1] == b'$')
                    })
                }
            });
            if !glued_code {
                return ident(out, start, ident_end(text, start, end));
            }
        }
        if (p == '-' || p == '/' || p == '.') && start >= 2 {
            let pp = char_before(text, start - 1);
            // "5k-20k": the letters before the hyphen are a scale suffix.
            let suffix_before = out.len() >= 3 && {
                let w = out[out.len() - 2];
                let num = out[out.len() - 3];
                w.kind == Kind::Word
                    && num.kind == Kind::Num
                    && num.end == w.start
                    && glued_scale(&text[w.start..w.end]).is_some()
            };
            // "sub-400": a bound, not an identifier.
            let sub = p == '-'
                && start >= 4
                && bytes[start - 4..start - 1].eq_ignore_ascii_case(b"sub")
                && (start < 5 || !bytes[start - 5].is_ascii_alphanumeric());
            // "29-of-34": the second count of a dashed "N-of-M".
            let of = p == '-' && out.len() >= 4 && {
                let w = out[out.len() - 2];
                let num = out[out.len() - 4];
                w.kind == Kind::Word
                    && text[w.start..w.end].eq_ignore_ascii_case("of")
                    && num.kind == Kind::Num
            };
            if pp.is_some_and(char::is_alphabetic) && !suffix_before && !sub && !of {
                return ident(out, start, ident_end(text, start, end));
            }
        }
        if p == '+' {
            let pp = char_before(text, start - 1);
            if !pp.is_some_and(char::is_alphanumeric) {
                // "+1-222-2222": a phone number.
                let mut j = start;
                while j < end
                    && (bytes[j].is_ascii_digit()
                        || matches!(bytes[j], b'-' | b'/' | b' ' | b'(' | b')' | b'.'))
                {
                    j += 1;
                }
                let run = &text[start..j];
                if run.contains(['-', '/', '(', ' ']) {
                    return ident(out, start, j);
                }
            }
        }
    }
    // Integer part with grouping.
    let mut i = digits_end(bytes, start, end);
    let first = i - start;
    // A clock written with a space after its colon ("at 4: 15 pm",
    // "06:12: 09 GMT"): the hour, and the minutes or seconds, are one reading.
    if let Some(to) = spaced_clock(bytes, start, i, end) {
        return ident(out, start, to);
    }
    let mut flags = 0u8;
    if (1..=3).contains(&first) && i < end && bytes[i] == b',' {
        // Collect ",ddd" groups and validate western or South Asian grouping.
        let mut groups: [usize; 8] = [0; 8];
        let mut ends: [usize; 8] = [0; 8];
        let mut n = 0;
        let mut j = i;
        while n < 8 && j < end && bytes[j] == b',' && is_digit_at(bytes, j + 1) {
            let e = digits_end(bytes, j + 1, end);
            groups[n] = e - j - 1;
            ends[n] = e;
            n += 1;
            j = e;
        }
        let western = groups[..n].iter().take_while(|&&g| g == 3).count();
        let indian =
            first <= 2 && n >= 2 && groups[..n - 1].iter().all(|&g| g == 2) && groups[n - 1] == 3;
        if indian {
            i = ends[n - 1];
            flags |= GROUPED;
        } else if western > 0 {
            i = ends[western - 1];
            flags |= GROUPED;
        }
    } else if (1..=3).contains(&first) {
        // Thin or no-break spaces between groups of three: "40 000".
        while let Some(c) = char_at(text, i) {
            if !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}') {
                break;
            }
            let g = i + c.len_utf8();
            let e = digits_end(bytes, g, end);
            if e - g != 3 {
                break;
            }
            i = e;
            flags |= GROUPED;
        }
    }
    // Decimal part.
    if i + 1 < end && bytes[i] == b'.' && is_digit_at(bytes, i + 1) {
        let e = digits_end(bytes, i + 1, end);
        if e + 1 < end && bytes[e] == b'.' && is_digit_at(bytes, e + 1) {
            // "192.168.1.2", "1.2.3": a dotted identifier.
            return ident(out, start, ident_end(text, start, end));
        }
        i = e;
        flags |= DECIMAL;
    }
    let num_end = i;
    // What follows.
    if i < end {
        let b = bytes[i];
        let next_digit = is_digit_at(bytes, i + 1);
        if (b == b':' || b == b'/') && next_digit {
            // Times, dates and fractions: "10:30", "5/17/2018", "3/4", "24/7".
            return ident(out, start, ident_end(text, start, end));
        }
        if b == b'.' && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            // "1.jpg"
            return ident(out, start, ident_end(text, start, end));
        }
        if b == b'-' && next_digit && flags == 0 {
            // Chains of digit groups: phone numbers and dates are identifiers.
            let mut groups = 1;
            let mut j = i;
            let mut lens: [usize; 2] = [first, 0];
            // Every group short and without a leading zero: "45-7-2" is a
            // win-loss-draw record; "206-448-8160" and "03-12-09" are not.
            let short =
                |from: usize, to: usize| to - from <= 3 && (to - from == 1 || bytes[from] != b'0');
            let mut record = short(start, num_end);
            while j < end && bytes[j] == b'-' && is_digit_at(bytes, j + 1) {
                let e = digits_end(bytes, j + 1, end);
                if groups == 1 {
                    lens[1] = e - j - 1;
                }
                record &= short(j + 1, e);
                groups += 1;
                j = e;
            }
            let year = |s: &str| s.len() == 4 && matches!(s.parse::<u32>(), Ok(1000..=2100));
            let second_start = i + 1;
            let second = &text[second_start..second_start + lens[1]];
            let after_glued = j < end
                && (bytes[j].is_ascii_alphanumeric()
                    || bytes[j] == b'.' && bytes.get(j + 1).is_some_and(u8::is_ascii_alphabetic));
            if (groups >= 3 && !(groups == 3 && record))
                || after_glued
                || (year(&text[start..num_end]) && (lens[1] == 2 || year(second)))
            {
                return ident(out, start, ident_end(text, start, end).max(j));
            }
        }
        if b.is_ascii_alphabetic() || b >= 0x80 {
            // Letters glued after the digits.
            let mut j = i;
            while j < end {
                match char_at(text, j) {
                    Some(c) if c.is_alphabetic() => j += c.len_utf8(),
                    _ => break,
                }
            }
            if j > i {
                let suffix = &text[i..j];
                let glued_digit_after = is_digit_at(bytes, j);
                if !keeps_number(suffix) || glued_digit_after {
                    return ident(out, start, ident_end(text, start, end));
                }
            } else if b.is_ascii_alphanumeric() || b == b'_' {
                return ident(out, start, ident_end(text, start, end));
            }
        }
        if b == b'_' {
            return ident(out, start, ident_end(text, start, end));
        }
    }
    // Value.
    let mut buf = [0u8; 64];
    let mut n = 0;
    for &c in &bytes[start..num_end] {
        if c.is_ascii_digit() || c == b'.' {
            if n >= buf.len() {
                return ident(out, start, num_end);
            }
            buf[n] = c;
            n += 1;
        }
    }
    let value = std::str::from_utf8(&buf[..n])
        .ok()
        .and_then(|s| s.parse::<f64>().ok());
    let Some(value) = value else {
        return ident(out, start, num_end);
    };
    if flags == 0 && num_end - start == 4 {
        flags |= FOUR;
    }
    out.push(Tok {
        start,
        end: num_end,
        kind: Kind::Num,
        value,
        flags,
    });
    num_end
}
