//! The embedded tagger model: reading `data/models/tagger.bin` and greedy
//! decoding with it. The file's format is described in
//! `scripts/train-tagger.py`, which writes it.

use std::collections::HashMap;

use super::Upos;
use super::features::{self as f, END, START};

/// The model file's format version this code reads.
const FORMAT_VERSION: u32 = 1;

/// One label of the model: a Penn Treebank tag and its Universal tag.
#[derive(Clone, Copy, Debug)]
pub struct Label {
    pub xpos: &'static str,
    pub upos: Upos,
}

/// A loaded model. Weights are read from an open-addressing table keyed by
/// feature hash; a feature with weights for many labels keeps them as a
/// dense row (added label by label in one pass), the others as sparse
/// pairs.
pub struct Model {
    pub labels: Vec<Label>,
    label_names: Vec<&'static str>,
    dictionary: HashMap<&'static str, u8>,
    /// A power of two long; a key of 0 marks an empty slot.
    slots: Vec<Slot>,
    sparse: Vec<(u8, i16)>,
    /// Rows of `labels.len()` weights.
    dense: Vec<i16>,
    mask: usize,
}

/// One feature's place in the table: its hash and where its weights are.
#[derive(Clone, Copy, Default)]
struct Slot {
    key: u64,
    /// Index into `sparse`, or the row number in `dense`.
    start: u32,
    /// Sparse pairs; 0 for a dense row.
    len: u32,
}

/// Rows with at least this many weights are kept dense.
const DENSE_FROM: usize = 12;

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let out = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(out)
    }
    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn i16(&mut self) -> Option<i16> {
        Some(i16::from_le_bytes(self.take(2)?.try_into().ok()?))
    }
    fn string(&mut self) -> Option<&'a str> {
        let n = self.u8()? as usize;
        std::str::from_utf8(self.take(n)?).ok()
    }
}

/// Position `j` of a sentence of `n` words padded with two words at each
/// end (word `i` is at `j = i + 2`), read from a buffer of the words' strings
/// where word `i` spans `at[i]..at[i + 1]`.
fn padded<'a>(j: usize, n: usize, buf: &'a str, at: &[usize]) -> &'a str {
    if j < 2 {
        START[j]
    } else if j >= n + 2 {
        END[(j - n - 2).min(1)]
    } else {
        buf.get(at[j - 2]..at[j - 1]).unwrap_or("")
    }
}

fn slot_of(hash: u64, mask: usize) -> usize {
    (hash.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & mask
}

impl Model {
    /// Reads a model; `None` if the bytes are not a model of this format.
    pub fn parse(bytes: &'static [u8]) -> Option<Model> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != b"MTAG" || r.u32()? != FORMAT_VERSION {
            return None;
        }
        let n_labels = r.u32()? as usize;
        if n_labels == 0 || n_labels > 255 {
            return None;
        }
        let mut labels = Vec::with_capacity(n_labels);
        let mut label_names = Vec::with_capacity(n_labels);
        for _ in 0..n_labels {
            let name = r.string()?;
            let (xpos, upos) = name.split_once('|')?;
            labels.push(Label {
                xpos,
                upos: Upos::from_name(upos)?,
            });
            label_names.push(name);
        }
        let n_dict = r.u32()? as usize;
        let mut dictionary = HashMap::with_capacity(n_dict);
        for _ in 0..n_dict {
            let word = r.string()?;
            let label = r.u8()?;
            if label as usize >= n_labels {
                return None;
            }
            dictionary.insert(word, label);
        }
        let n_features = r.u32()? as usize;
        let capacity = (n_features.max(1) * 2).next_power_of_two();
        let mask = capacity - 1;
        let mut slots = vec![Slot::default(); capacity];
        let mut sparse = Vec::new();
        let mut dense = Vec::new();
        let mut row = Vec::new();
        for _ in 0..n_features {
            let hash = r.u64()?;
            let n = r.u8()? as usize;
            row.clear();
            for _ in 0..n {
                let label = r.u8()?;
                let weight = r.i16()?;
                if label as usize >= n_labels {
                    return None;
                }
                row.push((label, weight));
            }
            let place = if n >= DENSE_FROM {
                let at = dense.len();
                dense.resize(at + n_labels, 0i16);
                for &(label, weight) in &row {
                    dense[at + label as usize] = weight;
                }
                Slot {
                    key: hash,
                    start: u32::try_from(at / n_labels).ok()?,
                    len: 0,
                }
            } else {
                let at = u32::try_from(sparse.len()).ok()?;
                sparse.extend_from_slice(&row);
                Slot {
                    key: hash,
                    start: at,
                    len: n as u32,
                }
            };
            if hash == 0 || n == 0 {
                return None;
            }
            let mut slot = slot_of(hash, mask);
            while slots[slot].key != 0 {
                if slots[slot].key == hash {
                    return None;
                }
                slot = (slot + 1) & mask;
            }
            slots[slot] = place;
        }
        if r.at != bytes.len() {
            return None;
        }
        Some(Model {
            labels,
            label_names,
            dictionary,
            slots,
            sparse,
            dense,
            mask,
        })
    }

    fn add_weights(&self, hash: u64, scores: &mut [i32; 256]) {
        let mut at = slot_of(hash, self.mask);
        loop {
            let slot = self.slots[at];
            if slot.key == hash {
                let start = slot.start as usize;
                if slot.len == 0 {
                    let n = self.labels.len();
                    let row = &self.dense[start * n..start * n + n];
                    for (s, &w) in scores.iter_mut().zip(row) {
                        *s += i32::from(w);
                    }
                } else {
                    for &(label, weight) in &self.sparse[start..start + slot.len as usize] {
                        scores[label as usize] += i32::from(weight);
                    }
                }
                return;
            }
            if slot.key == 0 {
                return;
            }
            at = (at + 1) & self.mask;
        }
    }

    /// The label index of each word, decoded greedily left to right.
    pub fn tag(&self, words: &[&str]) -> Vec<u8> {
        let n = words.len();
        // Normalised words and shapes of the sentence, in one buffer each.
        let mut norm_buf = String::new();
        let mut shape_buf = String::new();
        let mut norm_at = Vec::with_capacity(n + 1);
        let mut shape_at = Vec::with_capacity(n + 1);
        for w in words {
            norm_at.push(norm_buf.len());
            shape_at.push(shape_buf.len());
            f::normalise(w, &mut norm_buf);
            f::shape(w, &mut shape_buf);
        }
        norm_at.push(norm_buf.len());
        shape_at.push(shape_buf.len());
        let norm = |j: usize| padded(j, n, &norm_buf, &norm_at);
        let shape = |j: usize| padded(j, n, &shape_buf, &shape_at);

        let n_labels = self.labels.len();
        let mut scores = [0i32; 256];
        let mut out = Vec::with_capacity(n);
        let mut prev = START[0];
        let mut prev2 = START[1];
        let bias = f::hash(f::T_BIAS, &[]);
        for (i, &form) in words.iter().enumerate() {
            let best = if let Some(&fixed) = self.dictionary.get(form) {
                fixed
            } else {
                let j = i + 2;
                let w = norm(j);
                let prev_w = norm(j - 1);
                let next_w = norm(j + 1);
                scores[..n_labels].iter_mut().for_each(|s| *s = 0);
                let mut add = |h: u64| self.add_weights(h, &mut scores);
                add(bias);
                add(f::hash(f::T_WORD, &[w]));
                add(f::hash(f::T_FORM, &[form]));
                add(f::hash(f::T_SUF3, &[f::suffix(w, 3)]));
                add(f::hash(f::T_SUF2, &[f::suffix(w, 2)]));
                add(f::hash(f::T_SUF1, &[f::suffix(w, 1)]));
                add(f::hash(f::T_PRE2, &[f::prefix(w, 2)]));
                add(f::hash(f::T_SHAPE, &[shape(j)]));
                add(f::hash(f::T_PREV_TAG, &[prev]));
                add(f::hash(f::T_PREV2_TAGS, &[prev2, prev]));
                add(f::hash(f::T_PREV_TAG_WORD, &[prev, w]));
                add(f::hash(f::T_PREV_WORD, &[prev_w]));
                add(f::hash(f::T_PREV_SUF3, &[f::suffix(prev_w, 3)]));
                add(f::hash(f::T_PREV2_WORD, &[norm(j - 2)]));
                add(f::hash(f::T_NEXT_WORD, &[next_w]));
                add(f::hash(f::T_NEXT_SUF3, &[f::suffix(next_w, 3)]));
                add(f::hash(f::T_NEXT2_WORD, &[norm(j + 2)]));
                add(f::hash(f::T_NEXT_SHAPE, &[shape(j + 1)]));
                if i == 0 {
                    add(f::hash(f::T_FIRST_SHAPE, &[shape(j)]));
                }
                // The first best label wins a tie, as in the script.
                let mut best = 0;
                for (k, &s) in scores[..n_labels].iter().enumerate() {
                    if s > scores[best] {
                        best = k;
                    }
                }
                best as u8
            };
            out.push(best);
            prev2 = prev;
            prev = self.label_names[best as usize];
        }
        out
    }
}
