//! Invariants shared by the fuzz targets.
#![allow(dead_code)]

use std::io::Read;

use clean::{Config, Rules, normalize};

/// A reader that returns at most `step` bytes per read.
pub struct Chunked<'a>(pub &'a [u8], pub usize);

impl Read for Chunked<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.1.min(buf.len()).min(self.0.len());
        buf[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

/// Cleans `input` reading `step` bytes at a time.
pub fn clean(input: &[u8], rules: &Rules, config: &Config, step: usize) -> Vec<u8> {
    clean::clean_reader(Chunked(input, step), rules, config)
}

/// The output contract: trimmed, normalized lines, single blank lines,
/// one final newline per document.
pub fn check_format(out: &[u8], nul: bool) {
    let docs: Vec<&[u8]> = if nul {
        assert!(out.is_empty() || out.ends_with(b"\0"));
        let mut v: Vec<&[u8]> = out.split(|&b| b == 0).collect();
        v.pop();
        v
    } else {
        vec![out]
    };
    for d in docs {
        if d.is_empty() {
            continue;
        }
        assert!(d.ends_with(b"\n") && !d.starts_with(b"\n") && !d.ends_with(b"\n\n"));
        assert!(!d.windows(3).any(|w| w == b"\n\n\n"));
        for line in d[..d.len() - 1].split(|&b| b == b'\n') {
            assert!(normalize::is_normalized(line), "{line:?}");
        }
    }
}

/// Every invariant of the cleaner on `input`.
pub fn check_all(input: &[u8], rules: &Rules, config: &Config) {
    let nul = config.record_terminator.is_some();
    let once = clean(input, rules, config, usize::MAX);
    check_format(&once, nul);
    for step in [1, 7] {
        assert_eq!(clean(input, rules, config, step), once, "chunking changed the output");
    }
    assert_eq!(clean(&once, rules, config, usize::MAX), once, "not idempotent");
    if nul {
        let records_in = input.iter().filter(|&&b| b == 0).count()
            + usize::from(!input.is_empty() && !input.ends_with(b"\0"));
        assert_eq!(once.iter().filter(|&&b| b == 0).count(), records_in);
    }
}
