//! What readers see of the documents: a document's text as the analysis
//! saw it, with its rope for positions, and the snapshot of the whole desk.

use super::*;

/// An open document's text as the desk reads it: its rope, made into one
/// string only when something asks for all of it, so that a keystroke
/// copies nothing.
#[derive(Debug)]
pub struct RopeText {
    rope: Rope,
    whole: OnceLock<String>,
}

impl RopeText {
    /// The text of `rope` (which is shared, not copied).
    pub fn new(rope: Rope) -> RopeText {
        RopeText {
            rope,
            whole: OnceLock::new(),
        }
    }
}

impl Source for RopeText {
    fn len(&self) -> usize {
        self.rope.len_bytes()
    }

    fn slice(&self, range: Range<usize>) -> Option<Cow<'_, str>> {
        if range.start > range.end {
            return None;
        }
        if let Some(whole) = self.whole.get() {
            return whole.get(range).map(Cow::Borrowed);
        }
        self.rope.get_byte_slice(range).map(Cow::from)
    }

    fn as_str(&self) -> &str {
        self.whole.get_or_init(|| self.rope.to_string())
    }
}

/// From this length on, a file's rope is kept once made.
const KEEP_ROPES_FROM: usize = 4096;

/// The text a snapshot's analysis of one document was made from.
#[derive(Debug)]
pub struct DocView {
    /// The document's key (its URI).
    pub key: String,
    /// The editor's version, for open documents.
    pub version: Option<i32>,
    /// The analysed text.
    pub text: Text,
    /// Its analysis, the one the desk holds.
    pub analysis: Arc<DocumentAnalysis>,
    rope: OnceLock<Rope>,
    /// Whether the text holds a `marginalia:` comment (found on first use).
    comments: OnceLock<bool>,
    /// How this text came from the one analysed before it, when known.
    pub(super) edit: Option<TextEdit>,
}

/// The analysed text before, `from`, had the bytes `old` where this one
/// has `new`. (Weak: only its identity matters, and no other text can take
/// its place in memory while this is held.)
#[derive(Debug, Clone)]
pub(super) struct TextEdit {
    pub(super) from: Weak<dyn Source>,
    pub(super) old: Range<usize>,
    pub(super) new: Range<usize>,
}

impl DocView {
    pub(super) fn new(
        key: &str,
        version: Option<i32>,
        text: Text,
        analysis: Arc<DocumentAnalysis>,
        rope: Option<Rope>,
    ) -> DocView {
        let cell = OnceLock::new();
        if let Some(rope) = rope {
            let _ = cell.set(rope);
        }
        DocView {
            key: key.to_string(),
            version,
            text,
            analysis,
            rope: cell,
            comments: OnceLock::new(),
            edit: None,
        }
    }

    /// The analysed text as a rope. Open documents have theirs; a file on
    /// disk gets one on first use, kept when the file is long enough for a
    /// rope to pay for itself, made afresh each time otherwise (a desk of
    /// many short files would spend more on ropes than on their text).
    pub fn rope(&self) -> Rope {
        if let Some(rope) = self.rope.get() {
            return rope.clone();
        }
        if self.text.len() < KEEP_ROPES_FROM {
            return Rope::from_str(self.text.as_str());
        }
        self.rope
            .get_or_init(|| Rope::from_str(self.text.as_str()))
            .clone()
    }

    /// The analysed text as one string (built on first use for open documents).
    pub fn text(&self) -> &str {
        self.text.as_str()
    }

    /// Whether the text holds a `marginalia:` comment that may silence findings.
    fn has_comments(&self) -> bool {
        *self
            .comments
            .get_or_init(|| self.text().contains(silence::COMMENT_MARK))
    }
}

/// A consistent view of the desk for features: the report, the texts it was
/// made from, and how to convert positions.
#[derive(Debug)]
pub struct Snapshot {
    /// Increases with every change to the desk.
    pub generation: u64,
    /// The desk the report was made from.
    pub desk: Desk,
    /// The report.
    pub report: DeskReport,
    /// The analysed text of each document, by document number.
    pub views: Vec<Arc<DocView>>,
    /// Document numbers by key.
    pub index: Arc<HashMap<String, usize>>,
    /// The negotiated position encoding.
    pub encoding: PositionEncoding,
    /// The configuration the analysis used.
    pub config: Arc<Config>,
}

impl Snapshot {
    /// The document number of a key.
    pub fn doc(&self, key: &str) -> Option<usize> {
        self.index.get(key).copied()
    }

    /// A document's findings as they are shown: less those silenced in
    /// `marginalia.toml` or by a comment. The report's own list (the same
    /// `Arc`) when none is silenced.
    pub fn visible_findings(&self, doc: usize) -> Arc<Vec<Finding>> {
        let Some(findings) = self.report.findings.get(doc) else {
            return Arc::new(Vec::new());
        };
        let Some(view) = self.views.get(doc) else {
            return findings.clone();
        };
        if findings.is_empty() || (self.config.silences.is_empty() && !view.has_comments()) {
            return findings.clone();
        }
        let path = crate::lsp::handlers::key_path(&view.key)
            .map_or_else(|| view.key.clone(), |p| p.to_string_lossy().into_owned());
        silence::visible(&self.config, &self.report, doc, &path, view.text())
    }

    /// The byte offset of a position in a document's analysed text.
    pub fn offset(&self, doc: usize, position: LineCol) -> usize {
        convert::offset(&self.views[doc].rope(), position, self.encoding)
    }

    /// The positions of a byte span in a document's analysed text.
    pub fn range(&self, doc: usize, span: &Range<usize>) -> (LineCol, LineCol) {
        convert::range(&self.views[doc].rope(), span, self.encoding)
    }
}
