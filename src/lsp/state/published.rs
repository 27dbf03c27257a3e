//! What was last published for each document, so that a new report sends
//! diagnostics only for documents whose findings really changed, and moves
//! those that only shifted with an edit.

use super::*;

/// Diagnostics to send for one document.
#[derive(Debug, Clone)]
pub struct Publish {
    /// The document's key.
    pub key: String,
    /// The document's number in the snapshot, or `None` when it left the desk.
    pub doc: Option<usize>,
    /// The version of the open document the findings are for.
    pub version: Option<i32>,
}

/// What was last published for a document.
#[derive(Debug)]
pub(super) struct Published {
    /// The report's findings the publication was made from.
    source: Arc<Vec<Finding>>,
    /// The documents its findings point into, its own among them: their
    /// views (text and analysis) as the findings were placed in them, by
    /// document number then, sorted.
    places: Box<[(usize, Arc<DocView>)]>,
    /// What its findings point at, by document number then, sorted: made
    /// when an edit first needs it.
    anchors: OnceLock<Box<[(usize, Anchor)]>>,
}

impl Published {
    pub(super) fn new(source: &Arc<Vec<Finding>>, doc: usize, snapshot: &Snapshot) -> Published {
        let mut docs: Vec<usize> = source
            .iter()
            .flat_map(|f| f.related.iter().map(|r| r.doc))
            .collect();
        docs.push(doc);
        docs.sort_unstable();
        docs.dedup();
        let places = docs
            .into_iter()
            .filter_map(|doc| Some((doc, snapshot.views.get(doc)?.clone())))
            .collect();
        Published {
            source: source.clone(),
            places,
            anchors: OnceLock::new(),
        }
    }

    fn place(&self, doc: usize) -> Option<&Arc<DocView>> {
        let i = self.places.binary_search_by_key(&doc, |(d, _)| *d).ok()?;
        Some(&self.places[i].1)
    }

    fn anchors(&self, doc: usize) -> &[(usize, Anchor)] {
        self.anchors.get_or_init(|| {
            let mut anchors: Vec<(usize, Anchor)> = self
                .source
                .iter()
                .flat_map(|f| {
                    std::iter::once((doc, f.at.clone()))
                        .chain(f.related.iter().map(|r| (r.doc, r.at.clone())))
                })
                .collect();
            anchors.sort_unstable();
            anchors.dedup();
            anchors.into()
        })
    }

    /// Whether the findings `now` of document `doc` show the editor what
    /// was published: the same findings, each at the same line and column
    /// as it was shown. If so, the publication now stands for them.
    ///
    /// When the report kept the published list, this looks only at what
    /// the findings point at in the chunks each edit changed, so a
    /// keystroke costs the same in a long article as in a short one.
    pub(super) fn still_shown(
        &mut self,
        now: &Arc<Vec<Finding>>,
        doc: usize,
        snapshot: &Snapshot,
    ) -> bool {
        if !Arc::ptr_eq(&self.source, now) {
            let same = self.shows_the_same(now, doc, snapshot);
            if same {
                *self = Published::new(now, doc, snapshot);
            }
            return same;
        }
        let mut moved: Vec<(usize, &Arc<DocView>)> = Vec::new();
        for (i, (place, then)) in self.places.iter().enumerate() {
            let Some(view) = snapshot.views.get(*place) else {
                return false;
            };
            if Arc::ptr_eq(view, then) {
                continue;
            }
            if view.key != then.key || !self.anchors_stay(doc, *place, then, view) {
                return false;
            }
            moved.push((i, view));
        }
        for (i, view) in moved {
            self.places[i].1 = view.clone();
        }
        true
    }

    /// Whether everything the findings of document `doc` point at in
    /// document `place` stands at the same line and column in its new
    /// version `view` as in `then`. Only the chunks that differ are looked
    /// at: the chunks before them are the same, and those after them moved
    /// as a whole, past the edited line.
    fn anchors_stay(&self, doc: usize, place: usize, then: &DocView, view: &DocView) -> bool {
        let Some(moved) = Moved::to(&then.text, view) else {
            return false;
        };
        let (old, new) = (&then.analysis, &view.analysis);
        let changed = new.changed_since(old);
        let (figures, mentions) = new.counts_before(changed.chunks_new.start);
        let suffix_stays = new.figure_count() == old.figure_count()
            && new.mention_count() == old.mention_count()
            && new
                .chunks
                .get(changed.chunks_new.end)
                .is_none_or(|c| c.span.start >= moved.line_end);
        let (figures_end, mentions_end) = if suffix_stays {
            new.counts_before(changed.chunks_new.end)
        } else {
            (usize::MAX, usize::MAX)
        };
        let anchors = self.anchors(doc);
        let within = |from: Anchor, to: Anchor| {
            let lo = anchors.partition_point(|a| *a < (place, from.clone()));
            let hi = anchors.partition_point(|a| *a < (place, to.clone()));
            &anchors[lo..hi]
        };
        within(Anchor::figure(figures), Anchor::figure(figures_end))
            .iter()
            .chain(within(
                Anchor::mention(mentions, 0..0),
                Anchor::mention(mentions_end, 0..0),
            ))
            .all(|(_, at)| match (old.span_of(at), new.span_of(at)) {
                (Some(a), Some(b)) => moved.same(&a, &b),
                _ => false,
            })
    }

    /// Whether the findings `now` of document `doc`, another list than the
    /// one published, say the same at the same lines and columns.
    fn shows_the_same(&self, now: &[Finding], doc: usize, snapshot: &Snapshot) -> bool {
        if self.source.len() != now.len() {
            return false;
        }
        let mut moves: HashMap<usize, Option<Moved>> = HashMap::new();
        let mut same_place = |then_doc: usize, a: &Anchor, now_doc: usize, b: &Anchor| {
            let (Some(then), Some(view)) = (self.place(then_doc), snapshot.views.get(now_doc))
            else {
                return false;
            };
            if then.key != view.key {
                return false;
            }
            let (Some(a), Some(b)) = (then.analysis.span_of(a), view.analysis.span_of(b)) else {
                return false;
            };
            moves
                .entry(now_doc)
                .or_insert_with(|| Moved::to(&then.text, view))
                .as_ref()
                .is_some_and(|moved| moved.same(&a, &b))
        };
        self.source.iter().zip(now.iter()).all(|(a, b)| {
            a.rule == b.rule
                && a.severity == b.severity
                && a.message == b.message
                && same_place(a.doc, &a.at, doc, &b.at)
                && a.related.len() == b.related.len()
                && a.related.iter().zip(b.related.iter()).all(|(x, y)| {
                    x.message == y.message
                        && x.date == y.date
                        && same_place(x.doc, &x.at, y.doc, &y.at)
                })
        })
    }
}

/// How the spans of a text map to the spans of its next version when both
/// must keep their line and column.
#[derive(Debug)]
struct Moved {
    /// Bytes before this are the same in both texts.
    prefix: usize,
    /// Where the edit ends in the old text and in the new one.
    old_end: usize,
    new_end: usize,
    /// Where the edit's line ends in the new text: spans from here on
    /// moved with the edit and kept their line and column.
    line_end: usize,
}

impl Moved {
    /// The edit from `old` to the text of `view`, unless it added or removed
    /// a line break (then every later position may have changed). Reads
    /// only the edited bytes and the rest of their line when the view knows
    /// how it came from `old`; compares the whole texts otherwise.
    fn to(old: &Text, view: &DocView) -> Option<Moved> {
        let new = &view.text;
        if source::same(old, new) {
            return Some(Moved {
                prefix: new.len(),
                old_end: old.len(),
                new_end: new.len(),
                line_end: new.len(),
            });
        }
        let Some(edit) = view
            .edit
            .as_ref()
            .filter(|e| std::ptr::addr_eq(e.from.as_ptr(), Arc::as_ptr(old)))
        else {
            return Moved::between(old.as_str(), new.as_str());
        };
        let breaks = |s: &str| s.contains(['\n', '\r']);
        if breaks(&old.slice(edit.old.clone())?) || breaks(&new.slice(edit.new.clone())?) {
            return None;
        }
        Some(Moved {
            prefix: edit.old.start,
            old_end: edit.old.end,
            new_end: edit.new.end,
            line_end: line_break_after(view, edit.new.end),
        })
    }

    /// The edit between two versions of a text, unless it added or removed
    /// a line break (then every later position may have changed).
    fn between(old: &str, new: &str) -> Option<Moved> {
        if std::ptr::eq(old, new) {
            return Some(Moved {
                prefix: old.len(),
                old_end: old.len(),
                new_end: new.len(),
                line_end: new.len(),
            });
        }
        let prefix = common_prefix(old.as_bytes(), new.as_bytes(), false);
        let suffix = common_prefix(&old.as_bytes()[prefix..], &new.as_bytes()[prefix..], true);
        let (old_end, new_end) = (old.len() - suffix, new.len() - suffix);
        let breaks = |s: &[u8]| s.iter().any(|&b| b == b'\n' || b == b'\r');
        if breaks(&old.as_bytes()[prefix..old_end]) || breaks(&new.as_bytes()[prefix..new_end]) {
            return None;
        }
        let line_end = new.as_bytes()[new_end..]
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .map_or(new.len(), |i| new_end + i);
        Some(Moved {
            prefix,
            old_end,
            new_end,
            line_end,
        })
    }

    /// Whether the span `b` of the new text shows where `a` of the old text showed.
    fn same(&self, a: &Range<usize>, b: &Range<usize>) -> bool {
        (a == b && b.end <= self.prefix)
            || (b.start >= self.line_end
                && a.start + self.new_end == b.start + self.old_end
                && a.end + self.new_end == b.end + self.old_end)
    }
}

/// Where the first line break at or after `from` stands in the view's text
/// (its length when there is none).
fn line_break_after(view: &DocView, from: usize) -> usize {
    let rope = view.rope();
    let Some(rest) = rope.get_byte_slice(from..) else {
        return rope.len_bytes();
    };
    let mut at = from;
    for chunk in rest.chunks() {
        if let Some(i) = chunk.bytes().position(|b| b == b'\n' || b == b'\r') {
            return at + i;
        }
        at += chunk.len();
    }
    at
}

/// How many bytes two texts share at their start (or, `backwards`, at their
/// end). Compares blocks first, so that a long text costs a few memcmp calls.
fn common_prefix(a: &[u8], b: &[u8], backwards: bool) -> usize {
    const BLOCK: usize = 256;
    let n = a.len().min(b.len());
    let at = |s: &[u8], i: usize, len: usize| -> std::ops::Range<usize> {
        if backwards {
            s.len() - i - len..s.len() - i
        } else {
            i..i + len
        }
    };
    let mut done = 0;
    while done + BLOCK <= n && a[at(a, done, BLOCK)] == b[at(b, done, BLOCK)] {
        done += BLOCK;
    }
    while done < n && a[at(a, done, 1)] == b[at(b, done, 1)] {
        done += 1;
    }
    done
}
