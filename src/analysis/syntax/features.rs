//! The tagger's features, hashed exactly as `scripts/train-tagger.py` hashes
//! them: 64-bit FNV-1a over a template byte and the feature's parts, joined
//! by the byte 0x1F. Any change here must change the script (and its
//! version) too.

/// Padding before the first word and after the last, as words and as tags.
pub const START: [&str; 2] = ["-START-", "-START2-"];
pub const END: [&str; 2] = ["-END-", "-END2-"];

pub const T_BIAS: u8 = 0;
pub const T_WORD: u8 = 1;
pub const T_FORM: u8 = 2;
pub const T_SUF3: u8 = 3;
pub const T_SUF2: u8 = 4;
pub const T_SUF1: u8 = 5;
pub const T_PRE2: u8 = 6;
pub const T_SHAPE: u8 = 7;
pub const T_PREV_TAG: u8 = 8;
pub const T_PREV2_TAGS: u8 = 9;
pub const T_PREV_TAG_WORD: u8 = 10;
pub const T_PREV_WORD: u8 = 11;
pub const T_PREV_SUF3: u8 = 12;
pub const T_PREV2_WORD: u8 = 13;
pub const T_NEXT_WORD: u8 = 14;
pub const T_NEXT_SUF3: u8 = 15;
pub const T_NEXT2_WORD: u8 = 16;
pub const T_NEXT_SHAPE: u8 = 17;
pub const T_FIRST_SHAPE: u8 = 18;

const FNV_OFFSET: u64 = 0xCBF2_9CE4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01B3;
const SEPARATOR: u8 = 0x1F;

/// The hash of a feature: its template and its parts.
pub fn hash(template: u8, parts: &[&str]) -> u64 {
    let mut h = FNV_OFFSET;
    let mut byte = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    };
    byte(template);
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            byte(SEPARATOR);
        }
        for &b in part.as_bytes() {
            byte(b);
        }
    }
    // 0 marks an empty slot in the model's table.
    if h == 0 { 1 } else { h }
}

/// Lower case, with every ASCII digit written as 0.
pub fn normalise(word: &str, out: &mut String) {
    for c in word.chars() {
        if c.is_ascii_digit() {
            out.push('0');
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// The word's shape: letters as `X` or `x`, ASCII digits as `d`, anything
/// else as itself, with runs of one class collapsed, at most 8 classes.
pub fn shape(word: &str, out: &mut String) {
    let mut last = None;
    let mut n = 0;
    for c in word.chars() {
        let class = if c.is_alphabetic() {
            if c.is_uppercase() { 'X' } else { 'x' }
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if last != Some(class) {
            out.push(class);
            last = Some(class);
            n += 1;
        }
        if n >= 8 {
            break;
        }
    }
}

/// The last `n` characters of `word` (all of it if shorter).
pub fn suffix(word: &str, n: usize) -> &str {
    match word.char_indices().rev().nth(n - 1) {
        Some((i, _)) => &word[i..],
        None => word,
    }
}

/// The first `n` characters of `word` (all of it if shorter).
pub fn prefix(word: &str, n: usize) -> &str {
    match word.char_indices().nth(n) {
        Some((i, _)) => &word[..i],
        None => word,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        let mut out = String::new();
        normalise(s, &mut out);
        out
    }

    fn shp(s: &str) -> String {
        let mut out = String::new();
        shape(s, &mut out);
        out
    }

    #[test]
    fn hashes_are_fnv1a_over_template_and_parts() {
        // The values `fnv1a` in scripts/train-tagger.py gives.
        assert_eq!(hash(T_BIAS, &[]), 0xaf63_bd4c_8601_b7df);
        assert_eq!(hash(T_PREV2_TAGS, &["ab", "c"]), 0xb7e1_43ff_7b37_7af1);
        assert_ne!(hash(T_WORD, &["ab"]), hash(T_WORD, &["a", "b"]));
        assert_ne!(hash(T_WORD, &["ab"]), hash(T_FORM, &["ab"]));
    }

    #[test]
    fn words_are_lower_cased_with_digits_as_zero() {
        assert_eq!(norm("Årvik-1987"), "årvik-0000");
        assert_eq!(shp("Årvik-1987"), "Xx-d");
        assert_eq!(shp("U.S."), "X.X.");
    }

    #[test]
    fn affixes_count_characters_not_bytes() {
        assert_eq!(suffix("naïve", 3), "ïve");
        assert_eq!(suffix("ok", 3), "ok");
        assert_eq!(prefix("ökö", 2), "ök");
        assert_eq!(prefix("a", 2), "a");
    }
}
