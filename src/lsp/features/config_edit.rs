//! Edits to `marginalia.toml` that keep every other byte as it was: comments,
//! order and formatting survive (through `toml_edit`).

use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, value};

use crate::analysis::config::{Config, Silence};
use crate::analysis::model::EntityKind;

/// A change to the configuration file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigEdit {
    /// Declare an entity in `[[entity]]`.
    AddEntity {
        /// Its name.
        name: String,
        /// Its kind.
        kind: EntityKind,
    },
    /// Add a word to `ignore`, so it is never a name.
    Ignore(String),
    /// Set a rule to `"off"` under `[rules]`.
    RuleOff(String),
    /// Silence one finding in `[[silence]]`.
    Silence(Silence),
}

impl ConfigEdit {
    /// What the edit does, in words, for a code action's title.
    pub fn title(&self) -> String {
        match self {
            ConfigEdit::AddEntity { name, kind } => {
                format!("Add “{name}” to marginalia.toml as a {}", kind.as_str())
            }
            ConfigEdit::Ignore(word) => format!("Never treat “{word}” as a name (marginalia.toml)"),
            ConfigEdit::RuleOff(rule) => format!("Turn off `{rule}` in marginalia.toml"),
            ConfigEdit::Silence(_) => "Silence this finding (marginalia.toml)".to_string(),
        }
    }
}

/// Applies an edit to the text of a configuration file (empty when there is
/// none). The result is checked to still be a valid configuration.
///
/// Everything but the edit stays byte for byte: `toml_edit` writes every
/// line end as `\n`, so the edit is made on the text with `\n` line ends and
/// only the changed part is put back, with the file's own line end; a file
/// without a line end at the end stays without one.
pub fn apply(source: &str, edit: &ConfigEdit) -> Result<String, String> {
    let crlf = source.contains("\r\n");
    let lf_source = if crlf {
        source.replace("\r\n", "\n")
    } else {
        source.to_string()
    };
    let mut lf_text = edited(&lf_source, edit)?;
    if !lf_source.is_empty() && !lf_source.ends_with('\n') && lf_text.ends_with('\n') {
        lf_text.pop();
    }
    let text = if crlf {
        let (range, with) = minimal_replacement(&lf_source, &lf_text);
        let start = crlf_offset(source, range.start);
        let end = crlf_offset(source, range.end);
        let with = with.replace('\n', "\r\n");
        format!("{}{with}{}", &source[..start], &source[end..])
    } else {
        lf_text
    };
    Config::from_toml(&text)
        .map_err(|e| format!("the edited marginalia.toml would not load: {e}"))?;
    Ok(text)
}

/// The offset in `source` of an offset in `source` with `\r\n` made `\n`.
fn crlf_offset(source: &str, lf_offset: usize) -> usize {
    let mut lf = 0;
    let bytes = source.as_bytes();
    let mut i = 0;
    while lf < lf_offset && i < bytes.len() {
        i += if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            2
        } else {
            1
        };
        lf += 1;
    }
    i
}

/// The edit made by `toml_edit`, which writes `\n` line ends.
fn edited(source: &str, edit: &ConfigEdit) -> Result<String, String> {
    let mut doc: DocumentMut = source
        .parse()
        .map_err(|e| format!("marginalia.toml cannot be edited: {e}"))?;
    match edit {
        ConfigEdit::AddEntity { name, kind } => {
            let entities = doc
                .entry("entity")
                .or_insert(Item::ArrayOfTables(ArrayOfTables::new()))
                .as_array_of_tables_mut()
                .ok_or("`entity` in marginalia.toml is not a list of [[entity]] tables")?;
            let exists = entities
                .iter()
                .any(|t| t.get("name").and_then(Item::as_str) == Some(name.as_str()));
            if !exists {
                let mut table = Table::new();
                table.insert("name", value(name.as_str()));
                table.insert("kind", value(kind.as_str()));
                entities.push(table);
            }
        }
        ConfigEdit::Ignore(word) => {
            if !doc.contains_key("ignore") {
                // A new top-level key must come before the first table.
                doc.insert("ignore", Item::Value(Array::new().into()));
            }
            let list = doc["ignore"]
                .as_array_mut()
                .ok_or("`ignore` in marginalia.toml is not a list")?;
            if !list.iter().any(|v| v.as_str() == Some(word.as_str())) {
                list.push(word.as_str());
            }
        }
        ConfigEdit::RuleOff(rule) => {
            if !doc.contains_key("rules") {
                doc.insert("rules", Item::Table(Table::new()));
            }
            let rules = doc["rules"]
                .as_table_like_mut()
                .ok_or("`rules` in marginalia.toml is not a table")?;
            rules.insert(rule, value("off"));
        }
        ConfigEdit::Silence(silence) => add_silence(&mut doc, silence)?,
    }
    Ok(doc.to_string())
}

/// Appends a `[[silence]]` table, unless the same one is there.
fn add_silence(doc: &mut DocumentMut, silence: &Silence) -> Result<(), String> {
    let tables = doc
        .entry("silence")
        .or_insert(Item::ArrayOfTables(ArrayOfTables::new()))
        .as_array_of_tables_mut()
        .ok_or("`silence` in marginalia.toml is not a list of [[silence]] tables")?;
    let field = |t: &Table, key: &str| t.get(key).and_then(Item::as_str).map(str::to_string);
    let exists = tables.iter().any(|t| {
        field(t, "rule").as_deref() == Some(silence.rule.as_str())
            && field(t, "article").as_deref() == Some(silence.article.as_str())
            && field(t, "text").as_deref() == Some(silence.text.as_str())
            && field(t, "context").as_deref() == Some(silence.context.as_str())
    });
    if !exists {
        let mut table = Table::new();
        table.insert("rule", value(silence.rule.as_str()));
        table.insert("article", value(silence.article.as_str()));
        table.insert("text", value(silence.text.as_str()));
        table.insert("context", value(silence.context.as_str()));
        tables.push(table);
    }
    Ok(())
}

/// The smallest single replacement that turns `old` into `new`: the byte
/// range of `old` to replace and the text to put there.
pub fn minimal_replacement<'a>(old: &str, new: &'a str) -> (std::ops::Range<usize>, &'a str) {
    let mut prefix = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(prefix) || !new.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let max_suffix = old.len().min(new.len()) - prefix;
    let mut suffix = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - suffix) || !new.is_char_boundary(new.len() - suffix) {
        suffix -= 1;
    }
    (prefix..old.len() - suffix, &new[prefix..new.len() - suffix])
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "# Desk settings\ndebounce_ms = 50 # fast\n\n[rules]\n# keep this\narithmetic = \"error\"\n\n[[entity]]\nname = \"Ri Song Jin\"\nkind = \"person\"\n";

    #[test]
    fn adding_an_entity_keeps_everything_else() {
        let edited = apply(
            SOURCE,
            &ConfigEdit::AddEntity {
                name: "Oleksandr Syrskyi".into(),
                kind: EntityKind::Person,
            },
        )
        .unwrap();
        assert!(edited.starts_with(SOURCE), "{edited}");
        assert!(edited.ends_with("[[entity]]\nname = \"Oleksandr Syrskyi\"\nkind = \"person\"\n"));
        let config = Config::from_toml(&edited).unwrap();
        assert_eq!(config.entities.len(), 2);
        // Twice is once.
        let again = apply(
            &edited,
            &ConfigEdit::AddEntity {
                name: "Oleksandr Syrskyi".into(),
                kind: EntityKind::Person,
            },
        )
        .unwrap();
        assert_eq!(again, edited);
    }

    #[test]
    fn ignoring_a_word_adds_a_top_level_list_before_the_tables() {
        let edited = apply(SOURCE, &ConfigEdit::Ignore("Hermit Kingdom".into())).unwrap();
        let config = Config::from_toml(&edited).unwrap();
        assert!(config.is_ignored("Hermit Kingdom"));
        assert_eq!(config.debounce_ms, 50);
        assert!(edited.contains("# keep this\n"));
        assert!(edited.contains("debounce_ms = 50 # fast\n"));
    }

    #[test]
    fn turning_a_rule_off_edits_only_the_rules_table() {
        let edited = apply(SOURCE, &ConfigEdit::RuleOff("figure-drift".into())).unwrap();
        let config = Config::from_toml(&edited).unwrap();
        assert_eq!(config.severity("figure-drift"), None);
        assert!(edited.contains("# keep this\narithmetic = \"error\"\n"));
        let from_nothing = apply("", &ConfigEdit::RuleOff("arithmetic".into())).unwrap();
        assert_eq!(
            Config::from_toml(&from_nothing)
                .unwrap()
                .severity("arithmetic"),
            None
        );
    }

    #[test]
    fn line_ends_and_a_missing_last_line_end_are_kept() {
        let source = "# “Desk” ✓\r\nignore = [ \"Zoë\" ]\r\n\r\n[rules]\r\narithmetic=\"error\"";
        let ignored = apply(source, &ConfigEdit::Ignore("Kim".into())).unwrap();
        assert_eq!(
            ignored,
            "# “Desk” ✓\r\nignore = [ \"Zoë\" , \"Kim\"]\r\n\r\n[rules]\r\narithmetic=\"error\""
        );
        let added = apply(
            source,
            &ConfigEdit::AddEntity {
                name: "Kim".into(),
                kind: EntityKind::Person,
            },
        )
        .unwrap();
        assert_eq!(
            added,
            format!("{source}\r\n\r\n[[entity]]\r\nname = \"Kim\"\r\nkind = \"person\"")
        );
        // A file with \n line ends and none at the end.
        let plain = apply("debounce_ms = 5", &ConfigEdit::Ignore("Kim".into())).unwrap();
        assert_eq!(plain, "debounce_ms = 5\nignore = [\"Kim\"]");
    }

    #[test]
    fn a_broken_file_is_not_edited() {
        assert!(apply("[rules\n", &ConfigEdit::Ignore("X".into())).is_err());
    }

    #[test]
    fn minimal_replacement_covers_only_the_change() {
        assert_eq!(minimal_replacement("abcdef", "abXYef"), (2..4, "XY"));
        assert_eq!(minimal_replacement("aaa", "aaaa"), (3..3, "a"));
        assert_eq!(minimal_replacement("", "new"), (0..0, "new"));
        assert_eq!(minimal_replacement("é", "è"), (0..2, "è"));
    }
}

#[cfg(test)]
mod silence_tests {
    use super::*;

    fn entry() -> Silence {
        Silence {
            rule: "figure-conflict".into(),
            article: "news/a.md".into(),
            text: "$12 million".into(),
            context: "would cost $12 million \"over\" five years".into(),
        }
    }

    #[test]
    fn silencing_keeps_every_other_byte() {
        for source in [
            "# Desk settings\r\ndebounce_ms = 50 # fast\r\n\r\n[rules]\r\narithmetic = \"error\"",
            "# Desk settings\ndebounce_ms = 50 # fast\n\n[rules]\n# keep this\narithmetic = \"error\"\n",
            "",
        ] {
            let edited = apply(source, &ConfigEdit::Silence(entry())).unwrap();
            let (range, _) = minimal_replacement(source, &edited);
            assert_eq!(range, source.len()..source.len(), "{edited:?}");
            assert!(edited.starts_with(source));
            let config = Config::from_toml(&edited).unwrap();
            assert_eq!(config.silences, vec![entry()]);
            // Twice is once.
            let again = apply(&edited, &ConfigEdit::Silence(entry())).unwrap();
            assert_eq!(again, edited);
        }
    }
}
