//! An article's text as analysis reads it.
//!
//! Analysis mostly needs a few bytes around an edit, so a text can live in
//! whatever structure its owner keeps (an editor's rope, say) and be made
//! into one string only when something asks for all of it.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use std::sync::Arc;

/// A text that can be read in slices, or whole.
pub trait Source: fmt::Debug + Send + Sync {
    /// Its length in bytes.
    fn len(&self) -> usize;

    /// True for the empty text.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The bytes `range`, or `None` when the range is out of bounds or not
    /// on char boundaries.
    fn slice(&self, range: Range<usize>) -> Option<Cow<'_, str>>;

    /// The whole text. May build it on first call; later calls are cheap.
    fn as_str(&self) -> &str;
}

/// Any plain string: `&str`, `String`, `Arc<str>`.
impl<T: AsRef<str> + fmt::Debug + Send + Sync> Source for T {
    fn len(&self) -> usize {
        self.as_ref().len()
    }

    fn slice(&self, range: Range<usize>) -> Option<Cow<'_, str>> {
        self.as_ref().get(range).map(Cow::Borrowed)
    }

    fn as_str(&self) -> &str {
        self.as_ref()
    }
}

/// A shared text, as the desk holds it.
pub type Text = Arc<dyn Source>;

/// A shared text made from a string.
pub fn text(s: impl Into<Arc<str>>) -> Text {
    Arc::new(s.into())
}

/// Whether two shared texts are one and the same (not merely equal).
pub fn same(a: &Text, b: &Text) -> bool {
    std::ptr::addr_eq(Arc::as_ptr(a), Arc::as_ptr(b))
}
