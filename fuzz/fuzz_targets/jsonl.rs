#![no_main]
//! The JSONL reader on arbitrary bytes: no panic; with --skip-invalid one
//! output line per input line, in order; a cleaned line is valid JSON.

use clean::{Cleaner, Config, Rules, jsonl};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    static RULES: std::sync::OnceLock<Rules> = std::sync::OnceLock::new();
    let rules = RULES.get_or_init(Rules::builtin);
    let mut cleaner = Cleaner::new(rules, Config::default());
    let opts = jsonl::Options { skip_invalid: true, ..jsonl::Options::default() };
    let mut out = Vec::new();
    let counts = jsonl::run(data, &mut out, &mut cleaner, &opts).expect("skip_invalid never fails");
    let lines_in = data.split(|&b| b == b'\n').count() - usize::from(data.ends_with(b"\n") || data.is_empty());
    let lines_out = out.iter().filter(|&&b| b == b'\n').count();
    assert_eq!(lines_in, lines_out);
    assert!(counts.records <= lines_in as u64);
    // Strict mode agrees: it fails exactly when something was invalid.
    let strict = jsonl::run(data, &mut Vec::new(), &mut cleaner, &jsonl::Options::default());
    assert_eq!(strict.is_err(), counts.invalid > 0);
});
