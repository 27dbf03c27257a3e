//! Inputs that once went wrong, each kept as a named test.

use marginalia::analysis::config::Config;

/// An unknown rule is reported on the line of its key, not on the first line
/// that happens to contain its name (here the `[rules]` header itself, a
/// comment and a string value).
#[test]
fn unknown_rule_line_is_the_line_of_its_key() {
    let source = "# rules: see the docs\nignore = [\"rules\"]\n[rules]\nrules = \"off\"\n";
    let err = Config::from_toml(source).unwrap_err();
    assert!(err.message.contains("unknown rule"), "{err}");
    assert_eq!(err.line, Some(4), "{err}");

    let source = "# frobnicate later\n[rules]\n\"frob\\u006eicate\" = \"off\"\n";
    let err = Config::from_toml(source).unwrap_err();
    assert_eq!(err.line, Some(3), "{err}");

    let source = "rules.figure-conflict = \"error\"\nrules.nope = \"off\"\n";
    let err = Config::from_toml(source).unwrap_err();
    assert_eq!(err.line, Some(2), "{err}");

    let source = "rules = { figure-drift = \"off\",\n  nope = \"off\" }\n";
    let err = Config::from_toml(source).unwrap_err();
    assert!(err.line == Some(1) || err.line == Some(2), "{err}");
}
