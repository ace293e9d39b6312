#![no_main]
//! The WET reader on arbitrary bytes: no panic, and when it succeeds its
//! output is WARC again with as many records (a fixed point of a second
//! run).

use clean::{Cleaner, Config, Rules, wet};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    static RULES: std::sync::OnceLock<Rules> = std::sync::OnceLock::new();
    let rules = RULES.get_or_init(Rules::builtin);
    let mut cleaner = Cleaner::new(rules, Config::default());
    let mut out = Vec::new();
    let Ok(first) = wet::run(data, &mut out, &mut cleaner, &wet::Options::default()) else {
        return;
    };
    let mut again = Vec::new();
    let second = wet::run(&out[..], &mut again, &mut cleaner, &wet::Options::default())
        .expect("clean's own WARC output reads back");
    assert_eq!(first.records + first.passed_through, second.records + second.passed_through);
    assert_eq!(again, out, "cleaning WARC output again changes it");
});
