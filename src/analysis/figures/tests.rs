//! Unit tests for figure recognition, through [`super::find_figures`].

use super::*;
use crate::analysis::text;

fn figs(s: &str) -> Vec<Figure> {
    find_figures(s, &text::sentences(s))
}

#[test]
fn smoke() {
    let f = figs("North Korea has deployed 3,000 troops.");
    assert_eq!(f.len(), 1);
}
