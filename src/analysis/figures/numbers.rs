//! Number words ("three", "twenty", "hundred", "million", "dozen") and the
//! small state machine that adds them up.

/// What a number word contributes to a number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum NumWord {
    /// "zero", "nought": a number on its own, never part of a compound.
    Zero,
    /// "one" to "nine".
    Unit(u8),
    /// "ten" to "nineteen".
    Teen(u8),
    /// "twenty" to "ninety".
    Tens(u8),
    /// "hundred".
    Hundred,
    /// "thousand", "million", "lakh", "bn"...: a multiplier of a group.
    Scale(f64),
    /// "dozen", "dozens", "dz", "dzs": twelve times the small number before it.
    Dozen,
    /// "a" or "an", which stand for one before "hundred", "million", "dozen".
    A,
    /// "half", which halves the scale word after it ("half a million").
    Half,
}

/// Lower-cases `word` into `buf` if it is short ASCII; `None` otherwise.
pub(crate) fn ascii_lower<'b>(word: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(bytes) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..bytes.len()]).ok()
}

/// The number word `word` is, if any. Case-insensitive.
pub(crate) fn number_word(word: &str) -> Option<NumWord> {
    if word.len() > 9 {
        return None;
    }
    let mut buf = [0u8; 24];
    number_word_lower(ascii_lower(word, &mut buf)?)
}

/// [`number_word`] for a word already in lower case.
pub(crate) fn number_word_lower(w: &str) -> Option<NumWord> {
    use NumWord::*;
    Some(match w {
        "zero" | "nought" | "naught" => Zero,
        "one" => Unit(1),
        "two" => Unit(2),
        "three" => Unit(3),
        "four" => Unit(4),
        "five" => Unit(5),
        "six" => Unit(6),
        "seven" => Unit(7),
        "eight" => Unit(8),
        "nine" => Unit(9),
        "ten" => Teen(10),
        "eleven" => Teen(11),
        "twelve" => Teen(12),
        "thirteen" => Teen(13),
        "fourteen" => Teen(14),
        "fifteen" => Teen(15),
        "sixteen" => Teen(16),
        "seventeen" => Teen(17),
        "eighteen" => Teen(18),
        "nineteen" => Teen(19),
        "twenty" => Tens(20),
        "thirty" => Tens(30),
        "forty" | "fourty" => Tens(40),
        "fifty" => Tens(50),
        "sixty" => Tens(60),
        "seventy" => Tens(70),
        "eighty" => Tens(80),
        "ninety" => Tens(90),
        "hundred" => Hundred,
        "thousand" => Scale(1e3),
        "lakh" | "lakhs" | "lac" => Scale(1e5),
        "million" | "mn" | "mln" | "mil" => Scale(1e6),
        "crore" | "crores" => Scale(1e7),
        "billion" | "bn" | "bln" => Scale(1e9),
        "trillion" | "tn" | "tln" | "trn" => Scale(1e12),
        "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs" => Dozen,
        "a" | "an" => A,
        "half" => Half,
        _ => return None,
    })
}

/// The scale of a suffix glued to digits ("5bn", "10k", "3M"), if it is one.
/// A lower-case "m" is metres unless money is involved, so it is reported
/// separately by [`glued_m`].
pub(crate) fn glued_scale(suffix: &str) -> Option<f64> {
    match suffix {
        "k" | "K" => Some(1e3),
        "M" | "MM" | "mn" | "Mn" | "mln" | "mil" => Some(1e6),
        "b" | "B" | "bn" | "Bn" | "BN" | "bln" => Some(1e9),
        "tn" | "trn" | "tln" => Some(1e12),
        _ => None,
    }
}

/// A lower-case "m" glued to digits: millions after a currency ("£3m"), metres otherwise.
pub(crate) fn glued_m(suffix: &str) -> bool {
    suffix == "m"
}

/// One piece of a number phrase, as the adder sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Atom {
    /// Digits ("3", "2.5", "1,200"); `integer` if there is no decimal part.
    Digits { value: f64, integer: bool },
    /// Digits with a glued scale suffix ("5bn", "10k"): a whole number on its own.
    Scaled(f64),
    /// A number word.
    Word(NumWord),
    /// "and" between parts of one number ("one hundred and six").
    And,
    /// A hyphen between tens and units ("twenty-five", "fifty - two").
    Hyphen,
}

/// The result of adding up a number phrase.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Sum {
    /// How many atoms the number uses.
    pub len: usize,
    /// The value.
    pub value: f64,
    /// A number word or scale word was used.
    pub spelled: bool,
    /// The last scale word's scale (1 when none): "5 billion" has 1e9.
    pub scale: f64,
    /// The number is the single word "one".
    pub bare_one: bool,
    /// The number is whole.
    pub integer: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum Last {
    None,
    Small,
    Tens,
    Hundred,
    Scale,
    And,
    Hyphen,
    Pending,
}

/// Adds up the longest number that `atoms` start with; `None` if they do not
/// start with a number. Never reads past `atoms`.
// Why one function: a small state machine over the atoms (the total, the group below a
// thousand, the last scale), whose states every arm reads and updates.
pub(crate) fn add_up(atoms: &[Atom]) -> Option<Sum> {
    let mut total = 0.0f64; // completed scale groups
    let mut group = 0.0f64; // hundreds of the current group
    let mut small = 0.0f64; // below a hundred, or a digit number
    let mut has_small = false;
    let mut has_hundred = false;
    let mut last = Last::None;
    let mut last_scale = f64::INFINITY;
    let mut scale_used = 1.0f64;
    let mut spelled = false;
    let mut integer = true;
    let mut pending_a = false;
    let mut pending_half = false;
    // The best complete number so far: (len, value, scale).
    let mut best: Option<(usize, f64, f64)> = None;
    // Where the number stood before the current small segment, to retract to.
    let mut before_small: Option<(usize, f64, f64)> = None;

    for (idx, atom) in atoms.iter().enumerate() {
        let len = idx + 1;
        match *atom {
            Atom::Digits {
                value,
                integer: int,
            } => {
                let ok = match last {
                    Last::None => true,
                    Last::Hundred | Last::Scale | Last::And => {
                        int && value > 0.0 && value < 1000.0 && !has_small
                    }
                    _ => false,
                };
                if !ok {
                    break;
                }
                if last == Last::None {
                    integer = int;
                } else {
                    before_small = best;
                }
                small = value;
                has_small = true;
                last = Last::Small;
                best = Some((len, total + group + small, scale_used));
            }
            Atom::Scaled(value) => {
                if last == Last::None {
                    spelled = true;
                    best = Some((len, value, 1.0));
                }
                break;
            }
            Atom::And => {
                if !matches!(last, Last::Hundred | Last::Scale) || has_small {
                    break;
                }
                last = Last::And;
            }
            Atom::Hyphen => {
                if last != Last::Tens {
                    break;
                }
                last = Last::Hyphen;
            }
            Atom::Word(w) => {
                match w {
                    NumWord::Zero => {
                        if last == Last::None {
                            best = Some((len, 0.0, 1.0));
                            spelled = true;
                        }
                        break;
                    }
                    NumWord::A => {
                        if !(last == Last::None
                            || (last == Last::Pending && pending_half && !pending_a))
                        {
                            break;
                        }
                        pending_a = true;
                        last = Last::Pending;
                    }
                    NumWord::Half => {
                        if last != Last::None {
                            break;
                        }
                        pending_half = true;
                        last = Last::Pending;
                    }
                    NumWord::Unit(u) => {
                        let ok = match last {
                            Last::None | Last::Tens | Last::Hyphen => true,
                            Last::Hundred | Last::Scale | Last::And => !has_small,
                            _ => false,
                        };
                        if !ok {
                            break;
                        }
                        if matches!(last, Last::Hundred | Last::Scale | Last::And) {
                            before_small = best;
                        }
                        spelled = true;
                        small += f64::from(u);
                        has_small = true;
                        last = Last::Small;
                        best = Some((len, total + group + small, scale_used));
                    }
                    NumWord::Teen(t) | NumWord::Tens(t) => {
                        let ok = match last {
                            Last::None => true,
                            Last::Hundred | Last::Scale | Last::And => !has_small,
                            _ => false,
                        };
                        if !ok {
                            break;
                        }
                        if last != Last::None {
                            before_small = best;
                        }
                        spelled = true;
                        small = f64::from(t);
                        has_small = true;
                        last = if matches!(w, NumWord::Tens(_)) {
                            Last::Tens
                        } else {
                            Last::Small
                        };
                        best = Some((len, total + group + small, scale_used));
                    }
                    NumWord::Hundred => {
                        if pending_half {
                            break;
                        }
                        let base = if pending_a {
                            pending_a = false;
                            1.0
                        } else if has_small
                            && !has_hundred
                            && matches!(last, Last::Small | Last::Tens)
                        {
                            small
                        } else {
                            // "3 hundred and 2 hundred": end before "and 2".
                            if has_small && let Some(b) = before_small {
                                best = Some(b);
                            }
                            break;
                        };
                        spelled = true;
                        group += base * 100.0;
                        small = 0.0;
                        has_small = false;
                        has_hundred = true;
                        last = Last::Hundred;
                        best = Some((len, total + group, scale_used));
                    }
                    NumWord::Scale(s) => {
                        let g = if pending_a || pending_half {
                            let g = if pending_half { 0.5 } else { 1.0 };
                            pending_a = false;
                            pending_half = false;
                            g
                        } else if matches!(
                            last,
                            Last::Small | Last::Tens | Last::Hundred | Last::Scale
                        ) {
                            group + small
                        } else {
                            break;
                        };
                        if g == 0.0 && total == 0.0 {
                            break;
                        }
                        if s < last_scale && g > 0.0 {
                            // "two million three hundred thousand"
                            total += g * s;
                        } else if total + g < s {
                            // "hundred thousand", "three lakh crore"
                            total = (total + g) * s;
                        } else {
                            if has_small && let Some(b) = before_small {
                                best = Some(b);
                            }
                            break;
                        }
                        spelled = true;
                        last_scale = s;
                        scale_used = s;
                        group = 0.0;
                        small = 0.0;
                        has_small = false;
                        has_hundred = false;
                        before_small = None;
                        last = Last::Scale;
                        best = Some((len, total, scale_used));
                    }
                    NumWord::Dozen => {
                        if pending_a || pending_half {
                            best = Some((len, if pending_half { 6.0 } else { 12.0 }, 1.0));
                            spelled = true;
                        } else if has_small && matches!(last, Last::Small | Last::Tens) {
                            spelled = true;
                            best = Some((len, total + group + small * 12.0, scale_used));
                        }
                        break;
                    }
                }
            }
        }
    }
    let (len, value, scale) = best?;
    let bare_one = len == 1 && matches!(atoms.first(), Some(Atom::Word(NumWord::Unit(1))));
    Some(Sum {
        len,
        value,
        spelled,
        scale,
        bare_one,
        integer: integer && value.fract() == 0.0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<Atom> {
        text.split_whitespace()
            .flat_map(|w| {
                if w == "and" {
                    return vec![Atom::And];
                }
                if w == "-" {
                    return vec![Atom::Hyphen];
                }
                if let Ok(v) = w.parse::<f64>() {
                    return vec![Atom::Digits {
                        value: v,
                        integer: !w.contains('.'),
                    }];
                }
                number_word(w).map(Atom::Word).into_iter().collect()
            })
            .collect()
    }

    fn value(text: &str) -> Option<(usize, f64)> {
        add_up(&words(text)).map(|s| (s.len, s.value))
    }

    #[test]
    fn compounds_add_up() {
        assert_eq!(value("three thousand"), Some((2, 3000.0)));
        assert_eq!(value("fifteen hundred"), Some((2, 1500.0)));
        assert_eq!(value("six hundred thousand"), Some((3, 600_000.0)));
        assert_eq!(value("one hundred and twenty"), Some((4, 120.0)));
        assert_eq!(value("twenty - five"), Some((3, 25.0)));
        assert_eq!(value("two hundred and two thousand"), Some((5, 202_000.0)));
        assert_eq!(value("two thousand and two hundred"), Some((5, 2200.0)));
        assert_eq!(value("three lakh crore"), Some((3, 3e12)));
        assert_eq!(value("a dozen"), Some((2, 12.0)));
        assert_eq!(value("three hundred and two dozens"), Some((5, 324.0)));
        assert_eq!(value("half a million"), Some((3, 500_000.0)));
        assert_eq!(value("4 thousand 3 hundred and 21"), Some((6, 4321.0)));
        assert_eq!(value("1.2 million"), Some((2, 1.2e6)));
        assert_eq!(value("322 hundred"), Some((2, 32200.0)));
        assert_eq!(
            value("twenty - one trillion and three hundred"),
            Some((7, 21e12 + 300.0))
        );
    }

    #[test]
    fn adjacent_numbers_stay_apart() {
        assert_eq!(value("3 hundred and 2 hundred"), Some((2, 300.0)));
        assert_eq!(value("4000 3"), Some((1, 4000.0)));
        assert_eq!(value("two three"), Some((1, 2.0)));
        assert_eq!(value("1 million and 2 million"), Some((2, 1e6)));
        assert_eq!(value("a"), None);
        assert_eq!(value("and"), None);
    }
}
