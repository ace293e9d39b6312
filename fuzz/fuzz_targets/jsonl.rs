#![no_main]
//! The JSONL reader on arbitrary bytes: no panic; with --skip-invalid one
//! output line per input line, in order; a line that is a JSON object
//! comes out as one with the same fields but the text (so the cleaned
//! text went back where it came from).

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
    type Object = serde_json::Map<String, serde_json::Value>;
    for (line_in, line_out) in data.split(|&b| b == b'\n').zip(out.split(|&b| b == b'\n')) {
        let Ok(mut before) = serde_json::from_slice::<Object>(line_in) else { continue };
        let mut after: Object = serde_json::from_slice(line_out).expect("an object stays one");
        let (text_in, text_out) = (before.remove("text"), after.remove("text"));
        assert_eq!(before, after);
        if let Some(serde_json::Value::String(_)) = text_in {
            assert!(matches!(text_out, Some(serde_json::Value::String(_))));
        }
    }
    assert!(counts.records <= lines_in as u64);
    // Strict mode agrees: it fails exactly when something was invalid.
    let strict = jsonl::run(data, &mut Vec::new(), &mut cleaner, &jsonl::Options::default());
    assert_eq!(strict.is_err(), counts.invalid > 0);
});
