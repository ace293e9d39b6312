/*!
`clean` strips page chrome from scraped article text and normalizes its
whitespace.

# The pipeline

```text
bytes ──stream──▶ lines ──normalize──▶ normalized line
      ──rules + heuristics (Cleaner)──▶ keep / drop / wait
      ──context (bounded queue)──▶ kept lines ──▶ output
```

1. [`stream::run`] reads blocks, splits lines at `\n`, `\r\n` or a lone
   `\r` (and, in record mode, documents at a terminator byte such as NUL)
   and hands them to a [`Cleaner`]; a document already in memory (a JSON
   line's text, a WET payload, a batch of records) is split in place by
   [`stream::run_slice`]. Lines are bytes: invalid UTF-8 passes through.
2. [`normalize`] turns U+00A0 and the other Unicode spaces and tabs into
   spaces, collapses runs, trims, and deletes zero-width characters, the
   BOM, soft hyphens and C0 controls.
3. [`Cleaner`] matches the normalized line against the [`Rules`] (one
   Aho-Corasick automata: phrases that may match anywhere, and phrases
   anchored at a line's start or end walked only there) and the line
   [`heuristics`].
4. [`context`] decides the lines whose fate depends on their neighbours.
5. Kept lines are written with single blank lines between paragraphs and
   exactly one final newline.

With `-j N` ([`parallel`]) steps 1–3 of a text document run on N worker
threads for batches of lines, as far as they do not depend on the rest of
the document ([`cleaner::Pre`]); the rest runs in input order on one
thread. Streams of many documents are cleaned a batch of documents per
thread. The output is the same either way.

# Example

```
use clean::{clean_bytes, Config, Rules};

let rules = Rules::builtin();
let page = "Share this article\n\nThe council voted 7-2 on Tuesday.\u{a0}\n\nLeave a reply:\n";
let out = clean_bytes(page.as_bytes(), &rules, &Config::default());
assert_eq!(out, b"The council voted 7-2 on Tuesday.\n");
```
*/

#![deny(missing_docs)]

pub mod cleaner;
pub mod context;
pub mod heuristics;
pub mod jsonl;
pub mod normalize;
pub mod parallel;
pub mod rules;
pub mod stream;
pub mod wet;

pub use cleaner::{Cleaner, Config, Stats};
pub use rules::Rules;

/// Cleans one whole document held in memory (or records, with
/// [`Config::record_terminator`]), as `clean` does on stdin, without
/// copying it into a read buffer ([`stream::run_slice`]).
pub fn clean_bytes(input: &[u8], rules: &Rules, config: &Config) -> Vec<u8> {
    let mut cleaner = Cleaner::new(rules, config.clone());
    let mut out = Vec::new();
    let term = config.record_terminator;
    stream::run_slice(input, &mut out, &mut cleaner, term, true);
    out
}

/// Cleans everything `rdr` yields (one document, or records with
/// [`Config::record_terminator`]) and returns the output.
///
/// # Panics
///
/// If `rdr` fails: this is for readers that cannot, such as slices.
pub fn clean_reader<R: std::io::Read>(
    rdr: R,
    rules: &Rules,
    config: &Config,
) -> Vec<u8> {
    let mut cleaner = Cleaner::new(rules, config.clone());
    let mut out = Vec::new();
    let opts = stream::Options {
        record_terminator: config.record_terminator,
        ..stream::Options::default()
    };
    if let Err(e) = stream::run(rdr, &mut out, &mut cleaner, &opts) {
        panic!("reading failed: {e}");
    }
    out
}
