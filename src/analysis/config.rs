//! `marginalia.toml`: rules and severities, preferred spellings, the user's own
//! entities and ignored words, file globs, the debounce and the size limit.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::findings::{self, RULES};
use super::model::EntityKind;

/// How loudly a finding is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Shown as an error.
    Error,
    /// Shown as a warning.
    Warning,
    /// Shown as information.
    Information,
    /// Shown as a hint.
    Hint,
}

impl Severity {
    /// The lower-case name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Information => "information",
            Severity::Hint => "hint",
        }
    }
}

/// One rule's setting: a severity, or `"off"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
enum RuleSettingRepr {
    Level(LevelRepr),
    Table { severity: LevelRepr },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum LevelRepr {
    Off,
    Error,
    Warning,
    #[serde(alias = "info")]
    Information,
    Hint,
}

/// An entity the user declares in `[[entity]]`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserEntity {
    /// The canonical name.
    pub name: String,
    /// `person`, `organization` or `place`.
    pub kind: UserEntityKind,
    /// Other names for it.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// A note shown on hover.
    #[serde(default)]
    pub note: Option<String>,
}

/// The kind of a user entity, as written in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UserEntityKind {
    /// A person.
    Person,
    /// An organization.
    #[serde(alias = "org")]
    Organization,
    /// A place.
    Place,
}

impl From<UserEntityKind> for EntityKind {
    fn from(kind: UserEntityKind) -> EntityKind {
        match kind {
            UserEntityKind::Person => EntityKind::Person,
            UserEntityKind::Organization => EntityKind::Organization,
            UserEntityKind::Place => EntityKind::Place,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigRepr {
    #[serde(default)]
    rules: BTreeMap<String, RuleSettingRepr>,
    /// variant -> preferred, or preferred -> [variants]
    #[serde(default)]
    spellings: BTreeMap<String, SpellingRepr>,
    #[serde(default, rename = "entity")]
    entities: Vec<UserEntity>,
    #[serde(default)]
    ignore: Vec<String>,
    #[serde(default)]
    include: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    debounce_ms: Option<u64>,
    #[serde(default)]
    max_file_size: Option<u64>,
    #[serde(default, rename = "silence")]
    silences: Vec<Silence>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum SpellingRepr {
    Variants(Vec<String>),
}

/// The whole configuration. `Config::default()` is what applies with no file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Severity per rule id; a rule that is absent is off.
    pub rules: BTreeMap<String, Severity>,
    /// Preferred spelling -> the variants it replaces.
    pub preferred_spellings: BTreeMap<String, Vec<String>>,
    /// The user's own entities.
    pub entities: Vec<UserEntity>,
    /// Words that are never names.
    pub ignore: Vec<String>,
    /// Globs of files to include (all articles when empty).
    pub include: Vec<String>,
    /// Globs of files to leave out.
    pub exclude: Vec<String>,
    /// Delay before diagnostics are published after an edit; 0 turns it off.
    pub debounce_ms: u64,
    /// Files larger than this many bytes are skipped.
    pub max_file_size: u64,
    /// Single findings the user has silenced (`[[silence]]`).
    pub silences: Vec<Silence>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            rules: RULES
                .iter()
                .map(|r| (r.id.to_string(), r.severity))
                .collect(),
            preferred_spellings: BTreeMap::new(),
            entities: Vec::new(),
            ignore: Vec::new(),
            include: Vec::new(),
            exclude: Vec::new(),
            debounce_ms: 200,
            max_file_size: 10 * 1024 * 1024,
            silences: Vec::new(),
        }
    }
}

/// A configuration file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// 1-based line of the problem, when known.
    pub line: Option<usize>,
    /// What is wrong, in words.
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// Parses the text of a `marginalia.toml`.
    pub fn from_toml(source: &str) -> Result<Config, ConfigError> {
        let repr: ConfigRepr = toml::from_str(source).map_err(|e| {
            let line = e.span().map(|span| line_of(source, span.start));
            ConfigError {
                line,
                message: e.message().to_string(),
            }
        })?;
        let mut config = Config::default();
        for (rule, setting) in repr.rules {
            if findings::rule(&rule).is_none() {
                return Err(ConfigError {
                    line: rule_line(source, &rule),
                    message: format!(
                        "unknown rule `{rule}`; the rules are {}",
                        RULES.iter().map(|r| r.id).collect::<Vec<_>>().join(", ")
                    ),
                });
            }
            let level = match setting {
                RuleSettingRepr::Level(l) | RuleSettingRepr::Table { severity: l } => l,
            };
            match level {
                LevelRepr::Off => {
                    config.rules.remove(&rule);
                }
                LevelRepr::Error => {
                    config.rules.insert(rule, Severity::Error);
                }
                LevelRepr::Warning => {
                    config.rules.insert(rule, Severity::Warning);
                }
                LevelRepr::Information => {
                    config.rules.insert(rule, Severity::Information);
                }
                LevelRepr::Hint => {
                    config.rules.insert(rule, Severity::Hint);
                }
            }
        }
        for (preferred, SpellingRepr::Variants(variants)) in repr.spellings {
            config.preferred_spellings.insert(preferred, variants);
        }
        config.entities = repr.entities;
        config.ignore = repr.ignore;
        config.include = repr.include;
        config.exclude = repr.exclude;
        if let Some(ms) = repr.debounce_ms {
            config.debounce_ms = ms;
        }
        if let Some(size) = repr.max_file_size {
            config.max_file_size = size;
        }
        config.silences = repr.silences;
        Ok(config)
    }

    /// What of the configuration an article's own analysis
    /// ([`crate::analysis::document::DocumentAnalysis`]) may depend on, as
    /// text: two configurations with the same text analyse an article alike.
    /// It leaves out only what is read after that analysis (the rules, the
    /// files to read, silences, the debounce); anything added to `Config` is
    /// in it until it is known not to matter.
    pub fn analysis_fingerprint(&self) -> String {
        let relevant = Config {
            rules: BTreeMap::new(),
            include: Vec::new(),
            exclude: Vec::new(),
            debounce_ms: 0,
            max_file_size: 0,
            silences: Vec::new(),
            ..self.clone()
        };
        format!("{relevant:?}")
    }

    /// The severity of a rule, or `None` when it is off.
    pub fn severity(&self, rule: &str) -> Option<Severity> {
        self.rules.get(rule).copied()
    }

    /// The preferred spelling that replaces `variant`, if the user set one.
    pub fn preferred_for(&self, variant: &str) -> Option<&str> {
        self.preferred_spellings
            .iter()
            .find_map(|(preferred, variants)| {
                variants
                    .iter()
                    .any(|v| v == variant)
                    .then_some(preferred.as_str())
            })
    }

    /// True when the user asked never to treat `word` as a name.
    pub fn is_ignored(&self, word: &str) -> bool {
        self.ignore.iter().any(|w| w == word)
    }
}

/// The 1-based line of a byte offset. Counts bytes, so an offset that is not
/// on a char boundary (or past the end) cannot panic.
/// One finding the user has silenced, under `[[silence]]`: found again by
/// its rule, its article, its text and the words around it, so that it stays
/// silenced when the text moves and comes back when its own text changes.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Silence {
    /// The rule id.
    pub rule: String,
    /// The article's path, relative to the desk folder.
    pub article: String,
    /// The figure's or name's text as written.
    pub text: String,
    /// The words around it, whitespace collapsed
    /// ([`super::silence::neighbourhood`]).
    pub context: String,
}

fn line_of(source: &str, offset: usize) -> usize {
    let bytes = source.as_bytes();
    bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The line of the key `rule` in the `rules` table, however it is written
/// (`[rules]`, `rules.x = `, an inline table, a quoted or escaped key).
fn rule_line(source: &str, rule: &str) -> Option<usize> {
    let document = toml_edit::Document::parse(source).ok()?;
    let (key, _) = document
        .get("rules")?
        .as_table_like()?
        .get_key_value(rule)?;
    Some(line_of(source, key.span()?.start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_analysis_fingerprint_changes_with_what_the_analysis_reads_only() {
        let base = Config::default().analysis_fingerprint();
        let mut later = Config {
            debounce_ms: 950,
            ..Config::default()
        };
        later.rules.clear();
        later.exclude.push("drafts/**".to_string());
        assert_eq!(later.analysis_fingerprint(), base);
        let mut ignoring = Config::default();
        ignoring.ignore.push("Tessaly".to_string());
        assert_ne!(ignoring.analysis_fingerprint(), base);
    }

    #[test]
    fn full_file_parses() {
        let config = Config::from_toml(
            r#"
debounce_ms = 0
max_file_size = 1000
ignore = ["Hermit Kingdom"]
exclude = ["drafts/**"]

[rules]
figure-drift = "off"
arithmetic = "error"
spelling-variant = { severity = "hint" }

[spellings]
"Zelenskyy" = ["Zelensky", "Zelenskiy"]

[[entity]]
name = "Ri Song Jin"
kind = "person"
aliases = ["Ri"]
note = "North Korean soldier identified in photographs"
"#,
        )
        .unwrap();
        assert_eq!(config.debounce_ms, 0);
        assert_eq!(config.severity("figure-drift"), None);
        assert_eq!(config.severity("arithmetic"), Some(Severity::Error));
        assert_eq!(config.severity("spelling-variant"), Some(Severity::Hint));
        assert_eq!(config.severity("figure-conflict"), Some(Severity::Warning));
        assert_eq!(config.preferred_for("Zelensky"), Some("Zelenskyy"));
        assert_eq!(config.entities[0].aliases, vec!["Ri".to_string()]);
        assert!(config.is_ignored("Hermit Kingdom"));
    }

    #[test]
    fn broken_file_names_the_line() {
        let err = Config::from_toml("debounce_ms = 10\n[rules\nfoo = 1\n").unwrap_err();
        assert_eq!(err.line, Some(2), "{err}");
        let err = Config::from_toml("\n[rules]\nno-such-rule = \"warning\"\n").unwrap_err();
        assert_eq!(err.line, Some(3));
        assert!(err.message.contains("unknown rule"));
    }
}
