//! Walking a sentence's tokens: what a token is, the units written after a
//! number, where a figure can start, and the loop that reads figures one
//! after another.

use super::*;

/// Number words as substrings, to skip sentences with neither digits nor words
/// that could start a number.
static NUMBER_WORDS: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build([
            "zero",
            "nought",
            "naught",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
            "thirty",
            "forty",
            "fourty",
            "fifty",
            "sixty",
            "seventy",
            "eighty",
            "ninety",
            "hundred",
            "thousand",
            "lakh",
            "million",
            "crore",
            "billion",
            "trillion",
            "dozen",
            "half",
            "twice",
            "tens",
            "dozens",
            "hundreds",
            "thousands",
            "millions",
            "billions",
            "third",
            "thirds",
            "quarter",
            "quarters",
            "fifth",
            "fifths",
        ])
        .ok()
});

/// Whether a sentence may hold a figure: it has a digit, or a number word
/// standing as a word (or inside a hyphenated compound).
pub(super) fn may_hold_number(sentence: &str) -> bool {
    if sentence.bytes().any(|b| b.is_ascii_digit()) {
        return true;
    }
    let Some(ac) = NUMBER_WORDS.as_ref() else {
        return true;
    };
    let bytes = sentence.as_bytes();
    ac.find_overlapping_iter(sentence).any(|m| {
        let before = m.start().checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(m.end()).copied();
        !before.is_some_and(|b| b.is_ascii_alphabetic())
            && !after.is_some_and(|b| b.is_ascii_alphabetic())
    })
}

/// Whitespace-delimited runs that are URLs or e-mail addresses.
pub(super) fn skip_ranges(block: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if !(block.contains("://") || block.contains("www.") || block.contains('@')) {
        return out;
    }
    let mut start = None;
    for (i, c) in block
        .char_indices()
        .chain(std::iter::once((block.len(), ' ')))
    {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                let run: &str = &block[s..i];
                if run.contains("://") || run.starts_with("www.") || run.contains('@') {
                    out.push(s..i);
                }
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    out
}

impl Scan<'_> {
    pub(super) fn n(&self) -> usize {
        self.toks.len()
    }

    pub(super) fn kind(&self, k: usize) -> Option<Kind> {
        self.toks.get(k).map(|t| t.kind)
    }

    pub(super) fn slice(&self, k: usize) -> &str {
        self.toks
            .get(k)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    pub(super) fn word(&self, k: usize) -> Option<&str> {
        (self.kind(k)? == Kind::Word).then(|| self.slice(k))
    }

    /// The lower-cased word at `k`, in `buf`.
    pub(super) fn lower<'b>(&self, k: usize, buf: &'b mut [u8; 24]) -> Option<&'b str> {
        ascii_lower(self.word(k)?, buf)
    }

    pub(super) fn is(&self, k: usize, w: &str) -> bool {
        self.word(k).is_some_and(|x| x.eq_ignore_ascii_case(w))
    }

    pub(super) fn punct(&self, k: usize) -> Option<char> {
        if self.kind(k)? == Kind::Punct {
            self.slice(k).chars().next()
        } else {
            None
        }
    }

    /// No space between token `k - 1` and token `k`.
    pub(super) fn glued(&self, k: usize) -> bool {
        k > 0 && k < self.n() && self.toks[k - 1].end == self.toks[k].start
    }

    pub(super) fn capitalized(&self, k: usize) -> bool {
        self.word(k)
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    }

    pub(super) fn lower_string(&self, k: usize) -> String {
        self.slice(k).to_lowercase()
    }

    /// A measurement unit from `data/units` starting at token `k`, with the
    /// token after it: the longest surface of up to four tokens written
    /// without gaps or with single spaces.
    pub(super) fn unit_at(&self, k: usize) -> Option<(UnitEntry, usize)> {
        let first = self.toks.get(k)?;
        if first.kind == Kind::Num {
            return None;
        }
        let mut last = (k + 3).min(self.n() - 1);
        // The surface may not run over a gap wider than one space.
        for t in k + 1..=last {
            let gap = self
                .text
                .get(self.toks[t - 1].end..self.toks[t].start)
                .unwrap_or("\n");
            if !(gap.is_empty() || gap == " ") || self.kind(t) == Some(Kind::Num) {
                last = t - 1;
                break;
            }
        }
        for t in (k..=last).rev() {
            let surface = self.text.get(first.start..self.toks[t].end)?;
            if surface.len() > 24 {
                continue;
            }
            // A unit ends at a word boundary: "5 min" but not "5 mint".
            if let Some(u) = units::unit(surface)
                && (!u.glued_only || (t == k && self.glued(k)))
                && !(self.glued(t + 1) && self.kind(t + 1) == Some(Kind::Word))
            {
                if u.kind == UnitKind::Length
                    && let Some(power) = self.power_after(t + 1)
                    && let Some(p) = units::unit(&format!("{}{}", u.symbol, power.0))
                {
                    // "4km^2", "5 km squared": an area or a volume.
                    return Some((p, power.1));
                }
                return Some((u, t + 1));
            }
        }
        None
    }

    /// "^2", "²", " squared", " cubed" after a length unit: the power (2 or
    /// 3) and the token after it.
    pub(super) fn power_after(&self, k: usize) -> Option<(u8, usize)> {
        if self.punct(k) == Some('^')
            && self.glued(k)
            && self.kind(k + 1) == Some(Kind::Num)
            && self.glued(k + 1)
        {
            let v = self.toks[k + 1].value;
            return (v == 2.0 || v == 3.0).then_some((v as u8, k + 2));
        }
        match self.slice(k) {
            "²" if self.glued(k) => Some((2, k + 1)),
            "³" if self.glued(k) => Some((3, k + 1)),
            "squared" if !self.glued(k) => Some((2, k + 1)),
            "cubed" if !self.glued(k) => Some((3, k + 1)),
            _ => None,
        }
    }

    pub(super) fn figures(&self, out: &mut Vec<Figure>) {
        let mut k = 0;
        let mut floor = 0usize;
        while k < self.n() {
            if self.kind(k) == Some(Kind::Word)
                && let Some((figure, end)) = self.words_figure(k, floor)
            {
                out.push(figure);
                floor = end;
                k = end;
                continue;
            }
            if let Some((figure, end)) = self.decade_age(k, floor) {
                out.push(figure);
                floor = end;
                k = end;
                continue;
            }
            if !self.could_start(k) {
                k += 1;
                continue;
            }
            match self.amount_at(k) {
                None => k += 1,
                Some(a) => match self
                    .score_figure(a, floor)
                    .or_else(|| self.figure(a, floor))
                {
                    Some((figure, end)) => {
                        out.push(figure);
                        floor = end;
                        k = end.max(k + 1);
                    }
                    // Not a figure: neither are the numbers dashed onto it
                    // ("Weeks 14-16", "1999-2003").
                    None => {
                        k = self
                            .score_parts(a)
                            .map(|(_, _, end)| end)
                            .or(self.score_end(a))
                            .unwrap_or(a.end)
                            .max(k + 1)
                    }
                },
            }
        }
    }

    pub(super) fn could_start(&self, k: usize) -> bool {
        let t = &self.toks[k];
        match t.kind {
            Kind::Num => true,
            Kind::Ident => false,
            Kind::Punct => {
                let c = self.punct(k).unwrap_or(' ');
                currency_symbol(c).is_some()
                    || (matches!(c, '-' | '−')
                        && self.kind(k + 1) == Some(Kind::Num)
                        && self.glued(k + 1))
            }
            Kind::Word => {
                let w = self.slice(k);
                if w.len() > 9 {
                    return false;
                }
                let mut buf = [0u8; 24];
                let Some(l) = ascii_lower(w, &mut buf) else {
                    return false;
                };
                number_word_lower(l).is_some()
                    || matches!(l, "minus" | "negative")
                    || currency_code(l).is_some()
                    || dollar_prefix(l).is_some()
                    || (l.len() == 4 && l.starts_with('m') && currency_code(&l[1..]).is_some())
            }
        }
    }
}
