//! An amount: the number in digits or words with its sign, scale, exponent,
//! currency and unit, before any qualifier or range.

use super::*;

impl Scan<'_> {
    /// Converts tokens from `k` into atoms for [`add_up`]; returns the atoms and,
    /// for each, the token index after it.
    // Why one function: one pass that turns tokens into atoms, a case per token shape (digits,
    // a number word, a scale word, "and", a hyphen), where every case reads and moves the same
    // cursor and looks at the atom before it.
    pub(super) fn atoms(
        &self,
        k: usize,
        money: bool,
        atoms: &mut [Atom; 16],
        ends: &mut [usize; 16],
    ) -> usize {
        let mut n = 0;
        let mut j = k;
        while n < 16 && j < self.n() {
            let t = self.toks[j];
            // Atoms must be separated by spaces only, on one line.
            if n > 0 {
                let gap = self.text.get(self.toks[j - 1].end..t.start).unwrap_or("\n");
                if gap.contains('\n') {
                    break;
                }
            }
            match t.kind {
                Kind::Num => {
                    if n > 0 && self.glued(j) {
                        break;
                    }
                    // "six million 500ml bottles": digits after words are a new figure.
                    if n > 0 && matches!(atoms[n - 1], Atom::Word(_)) {
                        break;
                    }
                    // A glued scale suffix: "5bn", "10k", "£3m".
                    if let Some(s) = self.word(j + 1).filter(|_| self.glued(j + 1)) {
                        // "1.5m people" is millions; "a 10m wall" is metres.
                        let people_after = || {
                            let mut b = [0u8; 24];
                            !self.capitalized(j + 2)
                                && self.lower(j + 2, &mut b).is_some_and(|w| {
                                    person_noun(w) || synonym_group(w).is_some() || looks_plural(w)
                                })
                        };
                        let scale = glued_scale(s)
                            .or_else(|| (glued_m(s) && (money || people_after())).then_some(1e6));
                        if let Some(scale) = scale {
                            atoms[n] = Atom::Scaled(t.value * scale);
                            ends[n] = j + 2;
                            n += 1;
                            break;
                        }
                        if glued_m(s) {
                            // Metres: a measurement, read by the caller.
                            atoms[n] = Atom::Digits {
                                value: t.value,
                                integer: t.flags & DECIMAL == 0,
                            };
                            ends[n] = j + 1;
                            n += 1;
                            break;
                        }
                    }
                    // A spaced scale letter at the end of a phrase: "2.33 k", "1,674.5 M".
                    if n == 0
                        && let Some(s) = self.word(j + 1).filter(|_| !self.glued(j + 1))
                        && matches!(s, "k" | "K" | "M" | "MM" | "bn" | "B")
                        && self.word(j + 2).is_none()
                        && self.kind(j + 2) != Some(Kind::Num)
                        && let Some(scale) = glued_scale(s)
                    {
                        atoms[n] = Atom::Scaled(t.value * scale);
                        ends[n] = j + 2;
                        n += 1;
                        break;
                    }
                    atoms[n] = Atom::Digits {
                        value: t.value,
                        integer: t.flags & DECIMAL == 0,
                    };
                    ends[n] = j + 1;
                }
                Kind::Word => {
                    let mut buf = [0u8; 24];
                    let Some(l) = ascii_lower(self.slice(j), &mut buf) else {
                        break;
                    };
                    if l == "and" {
                        atoms[n] = Atom::And;
                    } else if let Some(w) = number_word_lower(l) {
                        atoms[n] = Atom::Word(w);
                    } else {
                        break;
                    }
                    ends[n] = j + 1;
                }
                Kind::Punct => {
                    let c = self.punct(j).unwrap_or(' ');
                    if matches!(c, '-' | '‐' | '‑') && n > 0 {
                        atoms[n] = Atom::Hyphen;
                        ends[n] = j + 1;
                    } else {
                        break;
                    }
                }
                Kind::Ident => break,
            }
            n += 1;
            j += 1;
        }
        n
    }

    // Why one function: one left-to-right read with a cursor over sign, currency, number,
    // fraction, exponent, scale and unit, where each part moves the cursor and sets what the
    // later parts test (the currency, the percent, the scale); split, those would travel as one
    // state struct, which is the next step.
    pub(super) fn amount_at(&self, k: usize) -> Option<Amount> {
        let mut j = k;
        let mut currency: Option<&'static str> = None;
        let mut million_code = false;
        let mut negative = false;
        let mut buf = [0u8; 24];
        // Sign.
        if let Some(c) = self.punct(j)
            && matches!(c, '-' | '−')
            && self.kind(j + 1) == Some(Kind::Num)
            && self.glued(j + 1)
            && !(j > 0 && self.glued(j) && self.kind(j - 1) != Some(Kind::Punct))
        {
            negative = true;
            j += 1;
        } else if matches!(self.lower(j, &mut buf), Some("minus" | "negative")) {
            negative = true;
            j += 1;
        }
        let prefix_start = j;
        // Currency before the number.
        if let Some(c) = self.punct(j)
            && let Some(code) = currency_symbol(c)
        {
            currency = Some(code);
            j += 1;
            // "$A12,500": the letters after "$" name the dollar.
            if c == '$'
                && self.glued(j)
                && self.glued(j + 1)
                && self.kind(j + 1) == Some(Kind::Num)
                && let Some(code) = self.lower(j, &mut buf).and_then(dollar_prefix)
            {
                currency = Some(code);
                j += 1;
            }
        } else if let Some(l) = self.lower(j, &mut buf) {
            // "A$500", "HK$3", "NT $53": the prefix is capitalized, and glued
            // to the sign unless it has two capitals or more ("a $500 fine"
            // and "A $500 fine" begin with an article).
            let spaced_ok =
                self.slice(j).len() >= 2 && self.slice(j).bytes().all(|b| b.is_ascii_uppercase());
            if let Some(code) = dollar_prefix(l).filter(|_| {
                self.punct(j + 1) == Some('$')
                    && self.capitalized(j)
                    && (self.glued(j + 1) || spaced_ok)
            }) {
                currency = Some(code);
                j += 2;
            } else if l == "u"
                && self.punct(j + 1) == Some('.')
                && self.is(j + 2, "s")
                && (self.punct(j + 3) == Some('$')
                    || (self.punct(j + 3) == Some('.') && self.punct(j + 4) == Some('$')))
            {
                currency = Some("USD");
                j += if self.punct(j + 3) == Some('$') { 4 } else { 5 };
            } else if let Some(code) = currency_code(l) {
                let upper = self.slice(j).chars().all(|c| c.is_ascii_uppercase());
                let next_num = self.kind(j + 1) == Some(Kind::Num);
                // "Rs 500", "Rs. 500": the rupee's abbreviation, written capitalized.
                let rupee = l == "rs" && self.capitalized(j);
                let rupee_dot =
                    rupee && self.punct(j + 1) == Some('.') && self.kind(j + 2) == Some(Kind::Num);
                if self.punct(j + 1) == Some('$') || rupee_dot {
                    currency = Some(code);
                    j += 2;
                } else if next_num && (upper || rupee || self.glued(j + 1)) && l != "try" {
                    currency = Some(code);
                    j += 1;
                }
            } else if l.len() == 4
                && l.starts_with('m')
                && self.slice(j).chars().all(|c| c.is_ascii_uppercase())
                && let Some(code) = currency_code(&l[1..])
                && self.kind(j + 1) == Some(Kind::Num)
            {
                currency = Some(code);
                million_code = true;
                j += 1;
            }
        }
        let number_start = j;
        let mut atoms = [Atom::And; 16];
        let mut ends = [0usize; 16];
        let n = self.atoms(number_start, currency.is_some(), &mut atoms, &mut ends);
        if n == 0 {
            return None;
        }
        let mut sum: Sum = add_up(&atoms[..n])?;
        let mut end = ends[sum.len - 1];
        // "two and a half million", "three and a half years"
        let rest = &atoms[sum.len..n];
        if sum.scale == 1.0
            && sum.integer
            && !sum.bare_one
            && matches!(
                rest,
                [
                    Atom::And,
                    Atom::Word(NumWord::A),
                    Atom::Word(NumWord::Half),
                    ..
                ]
            )
        {
            sum.value += 0.5;
            sum.len += 3;
            sum.integer = false;
            if let Some(Atom::Word(NumWord::Scale(s))) = rest.get(3) {
                sum.value *= s;
                sum.scale = *s;
                sum.len += 1;
                sum.integer = sum.value.fract() == 0.0;
            }
            end = ends[sum.len - 1];
        }
        let mut value = sum.value;
        let mut spelled = sum.spelled;
        let mut scale = sum.scale;
        // "4 1/2 years", "3½ hours": a whole number and a fraction.
        if sum.integer
            && sum.scale == 1.0
            && let Some(frac) = self.fraction_at(end)
        {
            value += frac;
            end += 1;
        }
        if million_code {
            value *= 1e6;
            spelled = true;
        }
        // "3.2 x 10^6", "3.2×10⁶": scientific notation, one figure.
        if let Some((power, next)) = self.exponent_at(end) {
            value *= power;
            end = next;
        }
        let digits = atoms[..sum.len]
            .iter()
            .all(|a| matches!(a, Atom::Digits { .. } | Atom::Scaled(_)));
        let single_num = end == number_start + 1 && self.kind(number_start) == Some(Kind::Num);
        let num_flags = if single_num {
            self.toks[number_start].flags
        } else {
            0
        };
        let mut percent = false;
        let mut unit_counted = None;
        // Currency or percent after the number.
        if currency.is_none() {
            let symbol = self.punct(end).and_then(currency_symbol).filter(|_| {
                self.punct(end) == Some('¢')
                    || !(self.kind(end + 1) == Some(Kind::Num) && self.glued(end + 1))
            });
            if let Some(code) = symbol {
                currency = Some(code);
                end += 1;
            } else if self.punct(end) == Some('-')
                && self.glued(end)
                && self.glued(end + 1)
                && let Some(code) = self.lower(end + 1, &mut buf).and_then(currency_noun)
                && !(code == "GBP" && self.is_pound_word(end + 1) && self.pound_is_weight(end + 1))
            {
                // "12-cent", "one-yen"
                currency = Some(code);
                end += 2;
            } else if let Some((code, next, mult)) = self.currency_after(end) {
                currency = Some(code);
                end = next;
                if mult != 1.0 {
                    value *= mult;
                    spelled = true;
                }
            }
            // "75 USD million"
            if currency.is_some()
                && let Some(l) = self.lower(end, &mut buf)
                && let Some(NumWord::Scale(s)) = number_word(l)
                && l.len() > 3
                && scale == 1.0
            {
                value *= s;
                scale = s;
                spelled = true;
                end += 1;
            }
        }
        let mut measure = None;
        let mut surface = currency.map(|_| (prefix_start, number_start));
        if currency.is_some() && surface.is_some_and(|(a, b)| a == b) {
            surface = Some((ends[sum.len - 1], end));
        }
        // "a 10-mile walk", "a three-year deal": the unit after a hyphen.
        let unit_start = if self.punct(end).is_some_and(|c| matches!(c, '-' | '‐'))
            && self.glued(end)
            && self.glued(end + 1)
        {
            end + 1
        } else {
            end
        };
        if currency.is_none()
            && self.punct(end) != Some('%')
            && let Some((unit, next)) = self.unit_at(unit_start)
            && !(unit.kind == UnitKind::Time && sum.bare_one)
            && !(unit.glued_only && unit_start > end)
        {
            // "40C", "10km", "1200 hp", "20 kilohertz": a measurement.
            unit_counted = self.word(unit_start).and_then(measure_unit);
            measure = Some(unit);
            surface = Some((unit_start, next));
            end = next;
        } else if currency.is_none() {
            if self.punct(end) == Some('%') {
                percent = true;
                end += 1;
            } else if let Some(l) = self.lower(end, &mut buf) {
                match l {
                    "percent" | "percents" | "pct" => {
                        percent = true;
                        end += 1;
                    }
                    "pc" if self.glued(end) => {
                        percent = true;
                        end += 1;
                    }
                    "percentage" => {
                        percent = true;
                        end += 1;
                        if self.is(end, "points") || self.is(end, "point") {
                            end += 1;
                            unit_counted = Some("percentage points");
                        }
                    }
                    "per" if self.is(end + 1, "cent") => {
                        percent = true;
                        end += 2;
                    }
                    _ => {}
                }
            }
        }
        if negative {
            value = -value;
        }
        if percent && surface.is_none() {
            surface = Some((ends[sum.len - 1], end));
        }
        let bare_one =
            sum.bare_one && currency.is_none() && !percent && !negative && measure.is_none();
        let plain_digits = single_num && num_flags & (DECIMAL | GROUPED) == 0 && measure.is_none();
        let year_like = plain_digits
            && num_flags & FOUR != 0
            && currency.is_none()
            && !percent
            && (1000.0..=2100.0).contains(&value);
        Some(Amount {
            first: k,
            end,
            value,
            spelled,
            scale,
            currency,
            percent,
            bare_one,
            integer: sum.integer,
            year_like,
            plain_digits: plain_digits && !negative && currency.is_none() && !percent,
            digits,
            unit_counted,
            measure,
            surface,
        })
    }

    /// "x 10^6", "× 10⁻³" after a number: the power of ten and the token after it.
    pub(super) fn exponent_at(&self, k: usize) -> Option<(f64, usize)> {
        let times = self.word(k).is_some_and(|w| w == "x" || w == "X")
            || self.punct(k).is_some_and(|c| matches!(c, '×' | '*' | '·'));
        if !times || self.kind(k + 1) != Some(Kind::Num) || self.toks[k + 1].value != 10.0 {
            return None;
        }
        let e = k + 2;
        if self.punct(e) == Some('^') && self.glued(e) {
            let negative = self.punct(e + 1).is_some_and(|c| matches!(c, '-' | '−'));
            let n = if negative { e + 2 } else { e + 1 };
            if self.kind(n) == Some(Kind::Num) && self.glued(n) {
                let p = self.toks[n].value;
                return Some((10f64.powf(if negative { -p } else { p }), n + 1));
            }
            return None;
        }
        // "2.48×10−5": a minus glued to the ten, then the power.
        if self.punct(e).is_some_and(|c| matches!(c, '-' | '−'))
            && self.glued(e)
            && self.kind(e + 1) == Some(Kind::Num)
            && self.glued(e + 1)
            && self.glued(k + 1)
        {
            return Some((10f64.powf(-self.toks[e + 1].value), e + 2));
        }
        // Superscript digits glued to the ten.
        let mut next = e;
        let mut power = 0f64;
        let mut negative = false;
        while next < self.n() && self.glued(next) {
            let text = self.slice(next);
            for c in text.chars() {
                match c {
                    '⁻' => negative = true,
                    '⁰'..='⁹' | '¹' | '²' | '³' => {
                        let d = match c {
                            '¹' => 1,
                            '²' => 2,
                            '³' => 3,
                            c => c as u32 - '⁰' as u32,
                        };
                        power = power * 10.0 + f64::from(d);
                    }
                    _ => return None,
                }
            }
            next += 1;
        }
        (next > e && power > 0.0).then(|| (10f64.powf(if negative { -power } else { power }), next))
    }

    /// A fraction right after a whole number: "1/2" or a vulgar fraction sign.
    pub(super) fn fraction_at(&self, k: usize) -> Option<f64> {
        let t = self.toks.get(k)?;
        let text = self.slice(k);
        match t.kind {
            Kind::Punct => {
                let v = match text.chars().next()? {
                    '½' => 0.5,
                    '¼' => 0.25,
                    '¾' => 0.75,
                    '⅓' => 1.0 / 3.0,
                    '⅔' => 2.0 / 3.0,
                    '⅛' => 0.125,
                    _ => return None,
                };
                Some(v)
            }
            Kind::Ident if !self.glued(k) => {
                let (n, d) = text.split_once('/')?;
                let n: f64 = n.parse().ok()?;
                let d: f64 = d.parse().ok()?;
                (n.fract() == 0.0 && d.fract() == 0.0 && n >= 1.0 && n < d && d <= 16.0)
                    .then(|| n / d)
            }
            _ => None,
        }
    }

    /// A currency word after a number: "dollars", "us dollars", "swiss francs",
    /// "USD", "MUSD". Returns the code, the token after it and a multiplier.
    pub(super) fn currency_after(&self, k: usize) -> Option<(&'static str, usize, f64)> {
        let mut buf = [0u8; 24];
        if matches!(self.slice(k), "元" | "ரூ") {
            return Some((
                if self.slice(k) == "元" { "CNY" } else { "LKR" },
                k + 1,
                1.0,
            ));
        }
        let l = self.lower(k, &mut buf)?;
        // "420p": pence, glued ("5p.m." is a time).
        if l == "p" && self.glued(k) {
            let time = self.punct(k + 1) == Some('.') && self.is(k + 2, "m");
            let small =
                k > 0 && self.toks[k - 1].kind == Kind::Num && self.toks[k - 1].value < 1000.0;
            return (!time && small).then_some(("pence", k + 1, 1.0));
        }
        if let Some(code) = currency_code(l) {
            let upper = self.slice(k).chars().all(|c| c.is_ascii_uppercase());
            let digit_after = self.kind(k + 1) == Some(Kind::Num) && self.glued(k + 1);
            if digit_after || (l == "try" && !upper) {
                return None;
            }
            return Some((code, k + 1, 1.0));
        }
        if l.len() == 4
            && l.starts_with('m')
            && let Some(code) = currency_code(&l[1..])
            && (self.slice(k).chars().all(|c| c.is_ascii_uppercase()) || self.glued(k))
        {
            return Some((code, k + 1, 1e6));
        }
        if let Some(code) = currency_noun(l) {
            return self
                .currency_noun_ok(k, l, code)
                .then_some((code, k + 1, 1.0));
        }
        if matches!(self.slice(k), "元" | "ரூ") {
            return Some((
                if self.slice(k) == "元" { "CNY" } else { "LKR" },
                k + 1,
                1.0,
            ));
        }
        // One or two adjectives, then the noun: "australian dollars", "hong kong dollars".
        for len in 1..=2 {
            let mut nb = [0u8; 24];
            let Some(noun) = self.lower(k + len, &mut nb) else {
                break;
            };
            let Some(base) = currency_noun(noun) else {
                continue;
            };
            let mut ab = [0u8; 24];
            let adj = self.lower(k, &mut ab)?;
            let code = currency_adjective(adj, base)?;
            if len == 2 {
                let mut mb = [0u8; 24];
                let mid = self.lower(k + 1, &mut mb)?;
                currency_adjective(mid, base)?;
            }
            return Some((code, k + len + 1, 1.0));
        }
        None
    }

    pub(super) fn currency_noun_ok(&self, k: usize, l: &str, code: &str) -> bool {
        // "10 pounds of flour" is weight; bare "marks", "won", "real" are words.
        if code == "GBP"
            && l.starts_with("pound")
            && (self.is(k + 1, "of") || self.pound_is_weight(k))
        {
            return false;
        }
        !matches!(
            l,
            "mark"
                | "marks"
                | "won"
                | "rand"
                | "lira"
                | "lire"
                | "lari"
                | "kip"
                | "sterling"
                | "quid"
        ) || matches!(l, "won" | "rand" | "lira" | "sterling")
            && !self.is(k + 1, "by")
            && !self.is(k + 1, "the")
    }

    pub(super) fn cents_after(&self, at: usize) -> Option<(f64, usize)> {
        let mut j = at;
        if self.is(j, "and") {
            j += 1;
        }
        let mut atoms = [Atom::And; 16];
        let mut ends = [0usize; 16];
        let n = self.atoms(j, false, &mut atoms, &mut ends);
        if n == 0 {
            return None;
        }
        let sum = add_up(&atoms[..n])?;
        if !sum.integer || sum.value < 1.0 || sum.value >= 100.0 || sum.scale != 1.0 {
            return None;
        }
        let e = ends[sum.len - 1];
        if self.is(e, "cents") || self.is(e, "cent") {
            return Some((sum.value, e + 1));
        }
        let ends_here = e >= self.n()
            || self.is(e, "and")
            || self
                .punct(e)
                .is_some_and(|c| !matches!(c, '-' | '%' | '$' | '€' | '£'));
        ends_here.then_some((sum.value, e))
    }
}
