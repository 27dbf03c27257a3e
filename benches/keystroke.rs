//! Keystroke benchmark (placeholder).
fn main() {}
