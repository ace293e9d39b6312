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

How a record is read: the text is most of its bytes, so the text field is
found without a JSON parser walking it. The key's literal is found by a
byte search, the string after it unescaped in the one pass that finds its
end, and serde_json parses the rest of the record with that string
replaced by `""`; the span is used when serde_json finds the record an
object whose (last) text field is that `""`. Otherwise (the key escaped or
repeated, the record invalid) serde_json parses the whole record, and its
answer, or its error, is the one given.
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
    /// Lines read, blank ones included.
    pub lines: u64,
}

/// What went wrong: [`stream::RecordError`], whose invalid-record
/// message names the line.
pub type Error = stream::RecordError;

/// Cleans the JSONL records of `rdr` into `wtr`, each text field as its
/// own document.
pub fn run<R: BufRead, W: Write + ?Sized>(
    rdr: R,
    wtr: &mut W,
    cleaner: &mut Cleaner<'_>,
    opts: &Options,
) -> Result<Counts, Error> {
    run_with(rdr, wtr, cleaner, opts, &mut Buffers::new(&opts.text_key))
}

/// The working buffers of [`run_with`], for a caller that runs it many
/// times (on batches of a stream) to keep from one run to the next.
pub struct Buffers {
    /// The key the buffers were made for.
    text_key: String,
    /// A line longer than the reader's buffer.
    long: Vec<u8>,
    /// Output not yet written.
    out: Vec<u8>,
    scratch: Scratch,
}

impl Buffers {
    /// Buffers for records whose text field is `text_key`.
    pub fn new(text_key: &str) -> Buffers {
        Buffers {
            text_key: text_key.to_owned(),
            long: Vec::new(),
            out: Vec::new(),
            scratch: Scratch::new(text_key),
        }
    }

    /// Empties the buffers and frees those a record of more than
    /// [`KEEP`] bytes grew, so a run of many batches keeps about one
    /// batch's worth, not its largest record's.
    fn shrink(&mut self) {
        let s = &mut self.scratch;
        for v in [
            &mut self.long,
            &mut self.out,
            &mut s.value,
            &mut s.stub,
            &mut s.cleaned,
        ] {
            v.clear();
            if v.capacity() > KEEP {
                *v = Vec::new();
            }
        }
    }
}

/// The most bytes a buffer of [`Buffers`] keeps between runs.
const KEEP: usize = 1 << 20;

/// [`run`] with working buffers kept by the caller.
pub fn run_with<R: BufRead, W: Write + ?Sized>(
    mut rdr: R,
    wtr: &mut W,
    cleaner: &mut Cleaner<'_>,
    opts: &Options,
    bufs: &mut Buffers,
) -> Result<Counts, Error> {
    if bufs.text_key != opts.text_key {
        *bufs = Buffers::new(&opts.text_key);
    }
    let Buffers { long, out, scratch, .. } = bufs;
    out.clear();
    let mut counts = Counts::default();
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
                rdr.read_until(b'\n', long)
                    .map_err(|e| Error::Io(stream::Error::Read(e)))?;
                (&long[..], 0)
            }
        };
        let n = line.len();
        lineno += 1;
        counts.lines += 1;
        cleaner.count_bytes_in(n);
        // The output of several records is written at once: a block
        // larger than the writer's buffer goes past it uncopied.
        let mark = out.len();
        let outcome = record(line, cleaner, opts, out, scratch);
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
                return Err(Error::Line(lineno, why));
            }
        }
        if opts.line_buffered || out.len() >= OUT_BLOCK {
            wtr.write_all(out)
                .map_err(|e| Error::Io(stream::Error::Write(e)))?;
            out.clear();
            if opts.line_buffered {
                wtr.flush().map_err(|e| Error::Io(stream::Error::Write(e)))?;
            }
        }
    }
    wtr.write_all(out).map_err(|e| Error::Io(stream::Error::Write(e)))?;
    bufs.shrink();
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

/// The buffers of [`record`], kept from record to record.
struct Scratch {
    /// The text field's key as a JSON string literal, searched for.
    key: memchr::memmem::Finder<'static>,
    /// The text field's value.
    value: Vec<u8>,
    /// The record with the text value replaced by `""`.
    stub: Vec<u8>,
    /// The cleaned text.
    cleaned: Vec<u8>,
}

impl Scratch {
    fn new(text_key: &str) -> Scratch {
        let mut literal = Vec::new();
        write_json_string(&mut literal, text_key.as_bytes());
        Scratch {
            key: memchr::memmem::Finder::new(&literal).into_owned(),
            value: Vec::new(),
            stub: Vec::new(),
            cleaned: Vec::new(),
        }
    }
}

/// Cleans one line into `out`; an `Err` says why the line is invalid.
fn record(
    line: &[u8],
    cleaner: &mut Cleaner<'_>,
    opts: &Options,
    out: &mut Vec<u8>,
    s: &mut Scratch,
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
    let (start, end) = match find_text(body, &opts.text_key, s) {
        Some(span) => span,
        None => parse_text(text, &opts.text_key, &mut s.value)?,
    };
    clean_text(&s.value, cleaner, &mut s.cleaned);
    if s.cleaned.is_empty() && opts.drop_empty {
        return Ok(Outcome::Dropped);
    }
    // Cleaning valid UTF-8 only removes or replaces whole characters (the
    // property tests check it), so the text needs no second validation.
    debug_assert!(std::str::from_utf8(&s.cleaned).is_ok());
    out.extend_from_slice(&body[..start]);
    write_json_string(out, &s.cleaned);
    out.extend_from_slice(&body[end..]);
    out.extend_from_slice(term);
    Ok(Outcome::Cleaned)
}

/// The fast path to the text field of `body` (valid UTF-8): its value
/// into `s.value` and the byte span of its string literal, or `None` to
/// leave the record to [`parse_text`] (which names what is wrong).
///
/// The key's literal is found with `memmem`; the string after it is
/// unescaped in the same pass that finds its end; and the rest of the
/// record is parsed by serde_json with that string replaced by `""`. The
/// span is taken only when serde_json finds the record a valid object
/// whose (last) text field is that `""`, so the answer is the one
/// [`parse_text`] gives, without a JSON parser walking the long string.
fn find_text(
    body: &[u8],
    key: &str,
    s: &mut Scratch,
) -> Option<(usize, usize)> {
    let skip_ws = |mut at: usize| {
        while body.get(at).is_some_and(|b| b" \t\r\n".contains(b)) {
            at += 1;
        }
        at
    };
    let key_len = s.key.needle().len();
    // A key literal followed by a colon and a string (a literal inside a
    // string or used as a value is not followed by both).
    let start = s.key.find_iter(body).find_map(|k| {
        let colon = skip_ws(k + key_len);
        let at = skip_ws(colon + 1);
        (body.get(colon) == Some(&b':') && body.get(at) == Some(&b'"'))
            .then_some(at)
    })?;
    s.value.clear();
    let end =
        start + 1 + scan_string(&body[start + 1..], &mut s.value).ok()?;
    s.stub.clear();
    s.stub.extend_from_slice(&body[..start]);
    s.stub.extend_from_slice(b"\"\"");
    s.stub.extend_from_slice(&body[end..]);
    // Split at ASCII quotes, the stub is valid UTF-8 as `body` is.
    let stub = std::str::from_utf8(&s.stub).ok()?;
    let fields = parse_object(stub).ok()?;
    let (_, raw) = fields.iter().rev().find(|(k, _)| *k == key)?;
    let at = raw.get().as_ptr() as usize - stub.as_ptr() as usize;
    (at == start && raw.get() == "\"\"").then_some((start, end))
}

/// The text field of the record `text` parsed whole: its value into
/// `value` and the byte span of its string literal.
fn parse_text(
    text: &str,
    key: &str,
    value: &mut Vec<u8>,
) -> Result<(usize, usize), String> {
    let fields = parse_object(text)?;
    let Some((_, raw)) = fields.iter().rev().find(|(k, _)| *k == key) else {
        return Err(format!("no \"{key}\" field"));
    };
    let raw = raw.get();
    if !raw.starts_with('"') {
        return Err(format!("\"{key}\" is not a string"));
    }
    value.clear();
    scan_string(&raw.as_bytes()[1..], value)
        .map_err(|e| format!("bad \"{key}\" string: {e}"))?;
    let start = raw.as_ptr() as usize - text.as_ptr() as usize;
    Ok((start, start + raw.len()))
}

/// Unescapes the JSON string whose text starts at `b[0]` (just after its
/// opening quote) into `out`; returns the length up to and including the
/// closing quote. One pass that copies the runs between the bytes that
/// end a run (a quote, a backslash, a control character), found 16 at a
/// time. Errors: a control character, a bad escape (lone surrogates in
/// `\u` escapes included, as in serde_json), no closing quote.
fn scan_string(b: &[u8], out: &mut Vec<u8>) -> Result<usize, &'static str> {
    let mut at = 0;
    loop {
        let next = at + next_special(&b[at..]).ok_or("no closing quote")?;
        out.extend_from_slice(&b[at..next]);
        at = next + 1;
        let c = match b[next] {
            b'"' => return Ok(at),
            b'\\' => *b.get(at).ok_or("escape at the end")?,
            _ => return Err("control character"),
        };
        at += 1;
        match c {
            b'"' => out.push(b'"'),
            b'\\' => out.push(b'\\'),
            b'/' => out.push(b'/'),
            b'b' => out.push(0x08),
            b'f' => out.push(0x0C),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
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
                let c = char::from_u32(c).ok_or("bad escape")?;
                out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
            }
            _ => return Err("bad escape"),
        }
    }
}

/// Whether `b` ends a run of a JSON string as written: a quote, a
/// backslash or a control character.
#[inline(always)]
fn is_special(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// The position of the first [special](is_special) byte of `b`.
#[inline]
fn next_special(b: &[u8]) -> Option<usize> {
    let mut i = 0;
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    while let Some(c) = b.get(i..i + 16) {
        // SAFETY: the only requirement of `sse2_specials` is SSE2, which
        // this build enables (the cfg above).
        let m = unsafe { sse2_specials(c.try_into().unwrap()) };
        if m != 0 {
            return Some(i + m.trailing_zeros() as usize);
        }
        i += 16;
    }
    b[i..].iter().position(|&c| is_special(c)).map(|p| i + p)
}

/// The [special](is_special) bytes among 16, as a bit mask.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
fn sse2_specials(c: &[u8; 16]) -> u32 {
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8,
    };
    let v = crate::normalize::sse2_load(c);
    let control = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);
    let quote = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'"' as i8));
    let backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\\' as i8));
    _mm_movemask_epi8(_mm_or_si128(control, _mm_or_si128(quote, backslash)))
        as u32
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
/// other control characters; everything else as it is. The runs between
/// the bytes to escape are found 16 bytes at a time and copied whole.
pub(crate) fn write_json_string(out: &mut Vec<u8>, s: &[u8]) {
    out.reserve(s.len() + 2);
    out.push(b'"');
    let mut done = 0;
    while let Some(i) = next_special(&s[done..]) {
        let at = done + i;
        out.extend_from_slice(&s[done..at]);
        match s[at] {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0C => out.extend_from_slice(b"\\f"),
            b => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 0xF)]);
            }
        }
        done = at + 1;
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
        /// error where serde_json errs; the length read ends at the
        /// closing quote.
        #[test]
        fn unescape_like_serde(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "é", "日", "\\n", "\\t", "\\\"", "\\\\", "\\/", "\\b", "\\f",
                "\\r", "\\u00e9", "\\u0000", "\\uD83D\\uDE00", "\\ud83d", "\\ude00",
                "\\uDBFF\\uDFFF", "\\u12", "\\x", "\\u00zz", "word ", "\n", "\u{1}",
                "\u{1f}", "\u{7f}", "0123456789abcdef",
            ]), 0..20),
        ) {
            let lit = format!("\"{}\"", parts.concat());
            let want: Result<String, _> = serde_json::from_str(&lit);
            let mut got = Vec::new();
            // What follows the closing quote is not read.
            let end = scan_string(format!("{lit}, \"x\"").as_bytes()[1..].as_ref(), &mut got);
            match (&want, end) {
                (Ok(w), Ok(n)) => {
                    proptest::prop_assert_eq!(w.as_bytes(), &got[..]);
                    proptest::prop_assert_eq!(n, lit.len() - 1);
                }
                (Err(_), Err(_)) => {}
                _ => proptest::prop_assert!(false, "{lit}: serde {want:?}, ours {end:?}"),
            }
        }

        /// The vector search for the bytes that end a run finds the first
        /// one, as the plain loop does.
        #[test]
        fn next_special_finds_the_first(
            b in proptest::collection::vec(proptest::sample::select(vec![
                b'a', b' ', 0xE2, 0x80, 0x9C, b'"', b'\\', b'\n', 0x00, 0x1F, 0x20, 0x7F, 0xFF,
            ]), 0..80),
            plain in proptest::collection::vec(b'a'..=b'z', 0..40),
        ) {
            let b = [&plain[..], &b[..]].concat();
            proptest::prop_assert_eq!(
                next_special(&b),
                b.iter().position(|&c| is_special(c))
            );
        }

        /// The fast path to the text field finds what parsing the whole
        /// record finds, or leaves the record to it.
        #[test]
        fn find_text_agrees_with_parsing(
            fields in proptest::collection::vec((
                proptest::sample::select(KEYS.to_vec()),
                proptest::sample::select(VALUES.to_vec()),
                proptest::sample::select(vec![":", " : ", ""]),
            ), 0..5),
            sep in proptest::sample::select(vec![",", " , ", ",,", ""]),
        ) {
            let fields: Vec<String> =
                fields.iter().map(|(k, v, colon)| format!("{k}{colon}{v}")).collect();
            let record = format!("{{{}}}", fields.join(sep));
            proptest::prop_assert!(fast_path_agrees(&record).is_ok(), "{}", record);
        }
    }

    const KEYS: [&str; 6] = [
        "\"text\"",
        "\"te\\u0078t\"",
        "\"a\\\"text\"",
        "\"id\"",
        "\"text\" ",
        "text",
    ];
    const VALUES: [&str; 14] = [
        "1",
        "null",
        "\"Kept.\\nAdvertisement\"",
        "\"x\\\"\"",
        "\"\\ud800\"",
        "\"\u{1}\"",
        "\"é\"",
        "{\"text\":\"in\"}",
        "[\"text\"]",
        "\"text\"",
        "\"a\\\"text\"",
        "{",
        "\"open",
        "\"\\q\"",
    ];

    /// Whether the fast path took `record` (`Ok(true)`), left it to the
    /// parser (`Ok(false)`), or disagreed with the parser (`Err`).
    fn fast_path_agrees(record: &str) -> Result<bool, String> {
        let mut s = Scratch::new("text");
        let fast = find_text(record.as_bytes(), "text", &mut s);
        let mut value = Vec::new();
        let parsed = parse_text(record, "text", &mut value);
        match fast {
            None => Ok(false),
            Some(span) if Ok(span) == parsed && s.value == value => Ok(true),
            Some(span) => Err(format!("fast {span:?}, parsed {parsed:?}")),
        }
    }

    #[test]
    fn fast_path_agrees_on_all_small_records() {
        let fields =
            || KEYS.iter().flat_map(|k| VALUES.iter().map(move |v| (*k, *v)));
        for (k, v) in fields() {
            let record = format!("{{{k}:{v}}}");
            let fast = fast_path_agrees(&record).unwrap();
            // A lone text field spelled plainly is found without parsing it.
            let mut value = Vec::new();
            let valid = parse_text(&record, "text", &mut value).is_ok();
            let plain = k.trim_end() == "\"text\"";
            assert_eq!(fast, valid && plain, "{record}");
            for (k2, v2) in fields() {
                fast_path_agrees(&format!("{{{k}:{v},{k2}:{v2}}}")).unwrap();
            }
        }
    }

    #[test]
    fn records_take_the_fast_path() {
        let mut s = Scratch::new("text");
        for (record, literal) in [
            ("{\"id\": 1, \"text\" : \"a\\nb\"}", "\"a\\nb\""),
            ("{\"type\":\"text\",\"text\":\"\"}", "\"\""),
            ("{\"text\":\"x\",\"meta\":{\"text\":1}}", "\"x\""),
        ] {
            let (start, end) = find_text(record.as_bytes(), "text", &mut s)
                .unwrap_or_else(|| panic!("{record}"));
            assert_eq!(&record[start..end], literal);
        }
        // Duplicate keys: the last one is the text, which the fast path
        // leaves to the parser.
        let record = "{\"text\":\"a\",\"text\":\"b\"}";
        assert_eq!(find_text(record.as_bytes(), "text", &mut s), None);
        let mut value = Vec::new();
        assert_eq!(parse_text(record, "text", &mut value), Ok((19, 22)));
        assert_eq!(value, b"b");
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
        assert_eq!(
            c,
            Counts { records: 3, invalid: 1, dropped_empty: 1, lines: 4 }
        );
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
