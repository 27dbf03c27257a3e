//! Recognizing figures: numbers in digits or words, with qualifiers, units and
//! the thing they count.

use std::ops::Range;

use super::model::Figure;

/// Finds the figures in one block of masked prose. Spans are relative to `block`.
pub fn find_figures(block: &str, sentences: &[Range<usize>]) -> Vec<Figure> {
    let _ = (block, sentences);
    Vec::new()
}
