#![no_main]
//! The cleaner core on arbitrary bytes: no panic, output contract,
//! chunking independence, idempotence, one record per record with -z.

mod common;

use std::sync::OnceLock;

use clean::{Config, Rules};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    static RULES: OnceLock<Rules> = OnceLock::new();
    let rules = RULES.get_or_init(Rules::builtin);
    common::check_all(data, rules, &Config::default());
    let small = Config { max_line: 32, ..Config::default() };
    common::check_all(data, rules, &small);
    let nul = Config { record_terminator: Some(0), ..Config::default() };
    common::check_all(data, rules, &nul);
});
