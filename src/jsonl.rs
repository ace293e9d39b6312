/*!
JSON Lines: one JSON object per line; one string field is cleaned.

Only the text field's value changes, and it changes in place: the cleaned
string is spliced into the original line at the byte span of the old
value. Every other byte — the other fields, their order and formatting,
escapes, numbers, whitespace — is passed through as it was.

The cleaned text is exactly what `clean` writes for that text alone
(including its final newline), JSON-escaped.

* A line that is not a JSON object, lacks the key, or whose value is not a
  string is an error naming the line number, or with
  [`Options::skip_invalid`] is passed through unchanged and counted.
* A whitespace-only line is passed through unchanged.
* With a duplicate key, the last occurrence is the one cleaned (as most
  JSON readers take the last); the others pass through.
* Every output record ends in `\n`, also when the input's last line had no
  newline. A `\r\n` terminator is kept.
*/

use std::borrow::Cow;
use std::fmt;
use std::io::{BufRead, Write};

use serde::de::{Deserializer as _, MapAccess, Visitor};
use serde_json::value::RawValue;

use crate::cleaner::Cleaner;
use crate::stream;

/// Options of [`run`].
#[derive(Clone, Debug)]
pub struct Options {
    /// The field to clean. Default: `text`.
    pub text_key: String,
    /// Pass invalid lines through unchanged instead of failing.
    pub skip_invalid: bool,
    /// Drop records whose text comes out empty.
    pub drop_empty: bool,
    /// Write each record as soon as it is cleaned.
    pub line_buffered: bool,
    /// The number of the first line, for messages (1 unless the input is
    /// a part of a larger stream).
    pub first_line: u64,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            text_key: "text".to_string(),
            skip_invalid: false,
            drop_empty: false,
            line_buffered: false,
            first_line: 1,
        }
    }
}

/// Counters of one [`run`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Records read (lines that were not blank).
    pub records: u64,
    /// Invalid lines passed through with [`Options::skip_invalid`].
    pub invalid: u64,
    /// Records dropped with [`Options::drop_empty`].
    pub dropped_empty: u64,
}

/// What went wrong: [`stream::RecordError`], whose invalid-record
/// message names the line.
pub type Error = stream::RecordError;

/// Cleans the JSONL records of `rdr` into `wtr`, each text field as its
/// own document.
pub fn run<R: BufRead, W: Write + ?Sized>(
    mut rdr: R,
    wtr: &mut W,
    cleaner: &mut Cleaner<'_>,
    opts: &Options,
) -> Result<Counts, Error> {
    let mut counts = Counts::default();
    let mut long = Vec::new();
    let mut out = Vec::new();
    let mut cleaned = Vec::new();
    let mut lineno = opts.first_line.saturating_sub(1);
    loop {
        // A line that lies whole in the reader's buffer is cleaned from
        // there; only one that runs past it is copied together.
        let buf =
            rdr.fill_buf().map_err(|e| Error::Io(stream::Error::Read(e)))?;
        let (line, used): (&[u8], usize) = match memchr::memchr(b'\n', buf) {
            Some(i) => (&buf[..=i], i + 1),
            None if buf.is_empty() => break,
            None => {
                long.clear();
                rdr.read_until(b'\n', &mut long)
                    .map_err(|e| Error::Io(stream::Error::Read(e)))?;
                (&long[..], 0)
            }
        };
        let n = line.len();
        lineno += 1;
        cleaner.count_bytes_in(n);
        // The output of several records is written at once: a block
        // larger than the writer's buffer goes past it uncopied.
        let mark = out.len();
        let outcome = record(line, cleaner, opts, &mut out, &mut cleaned);
        if outcome.is_err() && opts.skip_invalid {
            out.truncate(mark);
            out.extend_from_slice(line);
            if !out.ends_with(b"\n") {
                out.push(b'\n');
            }
        }
        rdr.consume(used);
        match outcome {
            Ok(Outcome::Blank) => {}
            Ok(Outcome::Cleaned) => counts.records += 1,
            Ok(Outcome::Dropped) => {
                counts.records += 1;
                counts.dropped_empty += 1;
                continue;
            }
            Err(_) if opts.skip_invalid => {
                counts.records += 1;
                counts.invalid += 1;
            }
            Err(why) => {
                // The records before it are written.
                wtr.write_all(&out[..mark])
                    .map_err(|e| Error::Io(stream::Error::Write(e)))?;
                return Err(Error::Invalid(format!("line {lineno}: {why}")));
            }
        }
        if opts.line_buffered || out.len() >= OUT_BLOCK {
            wtr.write_all(&out)
                .map_err(|e| Error::Io(stream::Error::Write(e)))?;
            out.clear();
            if opts.line_buffered {
                wtr.flush().map_err(|e| Error::Io(stream::Error::Write(e)))?;
            }
        }
    }
    wtr.write_all(&out).map_err(|e| Error::Io(stream::Error::Write(e)))?;
    wtr.flush().map_err(|e| Error::Io(stream::Error::Write(e)))?;
    Ok(counts)
}

/// Output is written in blocks of at least this many bytes (larger than
/// the output buffer of `main`, so they are not copied into it).
const OUT_BLOCK: usize = 128 * 1024;

/// What became of one line.
enum Outcome {
    /// A whitespace-only line, passed through.
    Blank,
    /// A record, cleaned into the output.
    Cleaned,
    /// A record whose text came out empty, dropped.
    Dropped,
}

/// Cleans one line into `out` (its text through the buffer `cleaned`);
/// an `Err` says why the line is invalid.
fn record(
    line: &[u8],
    cleaner: &mut Cleaner<'_>,
    opts: &Options,
    out: &mut Vec<u8>,
    cleaned: &mut Vec<u8>,
) -> Result<Outcome, String> {
    let (body, term): (&[u8], &[u8]) =
        if let Some(b) = line.strip_suffix(b"\r\n") {
            (b, b"\r\n")
        } else if let Some(b) = line.strip_suffix(b"\n") {
            (b, b"\n")
        } else {
            (line, b"\n")
        };
    if body.iter().all(u8::is_ascii_whitespace) {
        out.extend_from_slice(body);
        out.extend_from_slice(term);
        return Ok(Outcome::Blank);
    }
    // SIMD validation (several times faster than the standard library's
    // on text with curly quotes and accents); the standard library's error
    // names the byte.
    let text = match simdutf8::basic::from_utf8(body) {
        Ok(t) => t,
        Err(_) => {
            let e = std::str::from_utf8(body).unwrap_err();
            return Err(format!("not valid UTF-8: {e}"));
        }
    };
    let fields = parse_object(text)?;
    let Some((_, raw)) =
        fields.iter().rev().find(|(k, _)| *k == opts.text_key)
    else {
        return Err(format!("no \"{}\" field", opts.text_key));
    };
    let raw = raw.get();
    if !raw.starts_with('"') {
        return Err(format!("\"{}\" is not a string", opts.text_key));
    }
    let value = unescape(raw)
        .map_err(|e| format!("bad \"{}\" string: {e}", opts.text_key))?;
    let start = raw.as_ptr() as usize - text.as_ptr() as usize;
    let end = start + raw.len();
    clean_text(value.as_bytes(), cleaner, cleaned);
    if cleaned.is_empty() && opts.drop_empty {
        return Ok(Outcome::Dropped);
    }
    // Cleaning valid UTF-8 only removes or replaces whole characters (the
    // property tests check it), so the text needs no second validation.
    debug_assert!(std::str::from_utf8(cleaned).is_ok());
    out.extend_from_slice(&body[..start]);
    write_json_string(out, cleaned);
    out.extend_from_slice(&body[end..]);
    out.extend_from_slice(term);
    Ok(Outcome::Cleaned)
}

/// The value of the JSON string literal `raw` (quotes included, its syntax
/// checked by the parser already): borrowed when it has no escapes. One
/// pass that copies the runs between backslashes (found with `memchr`);
/// lone surrogates in `\u` escapes are errors, as in serde_json.
fn unescape(raw: &str) -> Result<Cow<'_, str>, &'static str> {
    let inner = raw
        .strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .ok_or("not a string")?;
    let b = inner.as_bytes();
    let Some(mut at) = memchr::memchr(b'\\', b) else {
        return Ok(Cow::Borrowed(inner));
    };
    let mut out = String::with_capacity(inner.len());
    out.push_str(&inner[..at]);
    while at < b.len() {
        // `b[at]` is a backslash.
        let esc = *b.get(at + 1).ok_or("escape at the end")?;
        at += 2;
        match esc {
            b'"' => out.push('"'),
            b'\\' => out.push('\\'),
            b'/' => out.push('/'),
            b'b' => out.push('\u{8}'),
            b'f' => out.push('\u{c}'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'u' => {
                let hi = hex4(b, at)?;
                at += 4;
                let c = match hi {
                    0xD800..=0xDBFF => {
                        if b.get(at) != Some(&b'\\')
                            || b.get(at + 1) != Some(&b'u')
                        {
                            return Err("lone leading surrogate");
                        }
                        let lo = hex4(b, at + 2)?;
                        if !(0xDC00..=0xDFFF).contains(&lo) {
                            return Err("lone leading surrogate");
                        }
                        at += 6;
                        0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                    }
                    0xDC00..=0xDFFF => return Err("lone trailing surrogate"),
                    n => n,
                };
                out.push(char::from_u32(c).ok_or("bad escape")?);
            }
            _ => return Err("bad escape"),
        }
        let next = memchr::memchr(b'\\', &b[at..]).map_or(b.len(), |i| at + i);
        out.push_str(&inner[at..next]);
        at = next;
    }
    Ok(Cow::Owned(out))
}

/// The four hex digits of a `\u` escape at `b[at..]`.
fn hex4(b: &[u8], at: usize) -> Result<u32, &'static str> {
    let digits = b.get(at..at + 4).ok_or("short \\u escape")?;
    digits.iter().try_fold(0u32, |n, &d| {
        let v = (d as char).to_digit(16).ok_or("bad \\u escape")?;
        Ok(n * 16 + v)
    })
}

/// Appends `s` (UTF-8) as a JSON string, with the escapes serde_json
/// writes: `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t` and `\u00XX` for the
/// other control characters; everything else as it is.
///
/// Cleaned text has no control character but the newline, so the common
/// case jumps from one `"`, `\` or newline to the next with `memchr3`.
pub(crate) fn write_json_string(out: &mut Vec<u8>, s: &[u8]) {
    out.reserve(s.len() + 2);
    out.push(b'"');
    let other_controls = s
        .chunks(64)
        .any(|c| c.iter().fold(false, |a, &b| a | (b < 0x20) & (b != b'\n')));
    let mut done = 0;
    let mut escape = |out: &mut Vec<u8>, i: usize| {
        out.extend_from_slice(&s[done..i]);
        let b = s[i];
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0C => out.extend_from_slice(b"\\f"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 0xF)]);
            }
        }
        done = i + 1;
    };
    if other_controls {
        for (i, &b) in s.iter().enumerate() {
            if b < 0x20 || b == b'"' || b == b'\\' {
                escape(out, i);
            }
        }
    } else {
        for i in memchr::memchr3_iter(b'"', b'\\', b'\n', s) {
            escape(out, i);
        }
    }
    out.extend_from_slice(&s[done..]);
    out.push(b'"');
}

/// Cleans one document held in memory with `cleaner` into `out` (cleared
/// first; a buffer kept from record to record trades places with the
/// cleaner's output buffer instead of being copied into).
pub(crate) fn clean_text(
    text: &[u8],
    cleaner: &mut Cleaner<'_>,
    out: &mut Vec<u8>,
) {
    out.clear();
    stream::run_slice(text, out, cleaner, None, true);
    cleaner.forget_separator();
}

/// The fields of a JSON object, in order, duplicates included, with their
/// values as raw JSON text borrowed from `text`.
fn parse_object(text: &str) -> Result<Vec<(Cow<'_, str>, &RawValue)>, String> {
    struct Fields;
    impl<'de> Visitor<'de> for Fields {
        type Value = Vec<(Cow<'de, str>, &'de RawValue)>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a JSON object")
        }
        fn visit_map<A: MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut v = Vec::new();
            while let Some(key) = map.next_key::<CowStr<'de>>()? {
                let value: &'de RawValue = map.next_value()?;
                v.push((key.0, value));
            }
            Ok(v)
        }
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let fields = (&mut de)
        .deserialize_map(Fields)
        .map_err(|e| format!("not a JSON object: {e}"))?;
    de.end().map_err(|e| format!("not a JSON object: {e}"))?;
    Ok(fields)
}

/// A map key that borrows when it has no escapes.
struct CowStr<'a>(Cow<'a, str>);

impl<'de> serde::Deserialize<'de> for CowStr<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(
        d: D,
    ) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = CowStr<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(
                self,
                v: &'de str,
            ) -> Result<Self::Value, E> {
                Ok(CowStr(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                Ok(CowStr(Cow::Owned(v.to_string())))
            }
            fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
                Ok(CowStr(Cow::Owned(v)))
            }
        }
        d.deserialize_str(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, Rules};

    proptest::proptest! {
        /// The JSON string writer writes what serde_json writes.
        #[test]
        fn json_strings_like_serde(s in "(?s)[\\x00-\\x7f\"\\\\\\n\u{a0}-\u{3000}]{0,40}") {
            let mut out = Vec::new();
            write_json_string(&mut out, s.as_bytes());
            proptest::prop_assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(&s).unwrap()
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]
        /// Unescaping a string literal gives what serde_json gives, or an
        /// error where serde_json errs.
        #[test]
        fn unescape_like_serde(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "é", "日", "\\n", "\\t", "\\\"", "\\\\", "\\/", "\\b", "\\f",
                "\\r", "\\u00e9", "\\u0000", "\\uD83D\\uDE00", "\\ud83d", "\\ude00",
                "\\uDBFF\\uDFFF", "\\u12", "\\x", "\\u00zz", "word ",
            ]), 0..20),
        ) {
            let lit = format!("\"{}\"", parts.concat());
            let want: Result<String, _> = serde_json::from_str(&lit);
            let got = unescape(&lit);
            match (&want, &got) {
                (Ok(w), Ok(g)) => proptest::prop_assert_eq!(w.as_str(), g.as_ref()),
                (Err(_), Err(_)) => {}
                _ => proptest::prop_assert!(false, "{lit}: serde {want:?}, ours {got:?}"),
            }
        }
    }

    fn run_str(
        input: &str,
        opts: &Options,
    ) -> Result<(String, Counts), String> {
        let rules = Rules::builtin();
        let mut cleaner = Cleaner::new(&rules, Config::default());
        let mut out = Vec::new();
        let counts = run(input.as_bytes(), &mut out, &mut cleaner, opts)
            .map_err(|e| e.to_string())?;
        Ok((String::from_utf8(out).unwrap(), counts))
    }

    #[test]
    fn only_the_text_value_changes() {
        let input = "{\"id\": 1.50, \"text\":\"Share this\\n\\nKept\\u00a0 text.\", \"meta\" : {\"b\":[1,2]}}\n";
        let (out, c) = run_str(input, &Options::default()).unwrap();
        assert_eq!(
            out,
            "{\"id\": 1.50, \"text\":\"Kept text.\\n\", \"meta\" : {\"b\":[1,2]}}\n"
        );
        assert_eq!(c.records, 1);
    }

    #[test]
    fn errors_name_the_line() {
        let opts = Options::default();
        assert_eq!(
            run_str("{\"text\":\"a\"}\noops\n", &opts).unwrap_err(),
            "line 2: not a JSON object: expected value at line 1 column 1"
        );
        assert_eq!(
            run_str("{\"id\":1}\n", &opts).unwrap_err(),
            "line 1: no \"text\" field"
        );
        assert_eq!(
            run_str("{\"text\":3}\n", &opts).unwrap_err(),
            "line 1: \"text\" is not a string"
        );
        assert!(
            run_str("[1]\n", &opts)
                .unwrap_err()
                .starts_with("line 1: not a JSON object")
        );
        assert!(
            run_str("{\"text\":\"\\ud800\"}\n", &opts)
                .unwrap_err()
                .starts_with("line 1: bad \"text\" string")
        );
    }

    #[test]
    fn skip_invalid_and_drop_empty() {
        let opts = Options {
            skip_invalid: true,
            drop_empty: true,
            ..Options::default()
        };
        let input =
            "nope\n{\"text\":\"Advertisement\"}\n\n{\"text\":\"Kept.\"}";
        let (out, c) = run_str(input, &opts).unwrap();
        assert_eq!(out, "nope\n\n{\"text\":\"Kept.\\n\"}\n");
        assert_eq!(c, Counts { records: 3, invalid: 1, dropped_empty: 1 });
    }

    #[test]
    fn duplicate_keys_clean_the_last_and_keys_may_be_escaped() {
        let input =
            "{\"text\":\"Advertisement\",\"te\\u0078t\":\"Advertisement\"}\n";
        let (out, _) = run_str(input, &Options::default()).unwrap();
        assert_eq!(out, "{\"text\":\"Advertisement\",\"te\\u0078t\":\"\"}\n");
    }

    #[test]
    fn other_text_key_and_crlf() {
        let opts =
            Options { text_key: "raw_content".into(), ..Options::default() };
        let (out, _) =
            run_str("{\"raw_content\":\"a\\u0000b\"}\r\n", &opts).unwrap();
        assert_eq!(out, "{\"raw_content\":\"ab\\n\"}\r\n");
    }
}
