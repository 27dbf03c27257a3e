//! "pounds" after a number: a weight or sterling. US news weighs in pounds,
//! British news also pays in them, so the sentence decides:
//! a word of weighing makes it a weight ("weighing 180 pounds", "a 250-pound
//! man"), a word of money or a scale word keeps it sterling ("fined 200
//! pounds", "5 million pounds"), and with neither it is a weight.

use super::Scan;
use super::lexicon::{currency_symbol, person_noun};
use super::numbers::{NumWord, number_word};
use super::tokens::Kind;

/// Words that make a sentence about weight.
fn weight_word(w: &str) -> bool {
    matches!(
        w,
        "weigh"
            | "weighs"
            | "weighed"
            | "weighing"
            | "weight"
            | "weights"
            | "heavy"
            | "heavier"
            | "heaviest"
            | "lighter"
            | "overweight"
            | "lift"
            | "lifted"
            | "lifting"
            | "bench"
            | "pressed"
            | "gained"
            | "shed"
    )
}

/// Words that make a sentence about money.
fn money_word(w: &str) -> bool {
    matches!(
        w,
        "fine"
            | "fined"
            | "fines"
            | "cost"
            | "costs"
            | "costing"
            | "paid"
            | "pay"
            | "pays"
            | "paying"
            | "price"
            | "priced"
            | "prices"
            | "worth"
            | "salary"
            | "wage"
            | "wages"
            | "spent"
            | "spend"
            | "spending"
            | "raised"
            | "fund"
            | "funds"
            | "funding"
            | "budget"
            | "sterling"
            | "pence"
            | "penny"
            | "bank"
            | "earn"
            | "earned"
            | "earns"
            | "prize"
            | "bonus"
            | "compensation"
            | "debt"
            | "loan"
            | "tax"
            | "sold"
            | "sell"
            | "bought"
            | "buy"
            | "fee"
            | "fees"
            | "donated"
            | "donation"
            | "bail"
            | "damages"
            | "award"
            | "awarded"
            | "bet"
            | "ticket"
            | "tickets"
            | "note"
            | "notes"
            | "coin"
            | "cash"
            | "money"
    )
}

impl Scan<'_> {
    /// Token `k` is "pound" or "pounds".
    pub(super) fn is_pound_word(&self, k: usize) -> bool {
        self.is(k, "pound") || self.is(k, "pounds")
    }

    /// The "pound" or "pounds" at token `k` is a weight (see the module notes).
    pub(super) fn pound_is_weight(&self, k: usize) -> bool {
        let mut buf = [0u8; 24];
        if k > 0
            && self
                .word(k - 1)
                .and_then(number_word)
                .is_some_and(|n| matches!(n, NumWord::Scale(_)))
        {
            return false;
        }
        // "a 250-pound man"
        if self.punct(k.wrapping_sub(1)) == Some('-')
            && self.lower(k + 1, &mut buf).is_some_and(person_noun)
        {
            return true;
        }
        let (mut weight, mut money) = (false, false);
        for t in 0..self.n() {
            match self.kind(t) {
                Some(Kind::Word) => {
                    if let Some(w) = self.lower(t, &mut buf) {
                        weight |= weight_word(w);
                        money |= money_word(w);
                    }
                }
                Some(Kind::Punct) => {
                    money |= self
                        .slice(t)
                        .chars()
                        .next()
                        .is_some_and(|c| currency_symbol(c).is_some());
                }
                _ => {}
            }
        }
        weight || !money
    }
}
