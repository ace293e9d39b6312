#![no_main]
//! The rule-file parser on arbitrary bytes: it returns an error or rules
//! that compile, and the cleaner's invariants hold with those rules.

mod common;

use clean::{Config, Rules, rules};
use libfuzzer_sys::fuzz_target;

const SAMPLE: &[u8] = b"Share this\nLeave a reply\n\nThe council voted on Tuesday after a long debate about the budget.\n12 Comments\nPhoto: Jane/Getty Images\n\xC2\xA0x\n";

fuzz_target!(|data: &[u8]| {
    let mut list = Vec::new();
    if rules::parse("fuzz", data, &mut list).is_err() {
        return;
    }
    let compiled = Rules::new(list).expect("parsed rules compile");
    let mut input = SAMPLE.to_vec();
    input.extend_from_slice(data);
    common::check_all(&input, &compiled, &Config::default());
});
