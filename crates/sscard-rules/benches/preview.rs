//! Placeholder: the rules engineer replaces this with the preview benchmark.
fn main() {}
