/*!
Common Crawl WET (WARC/1.0) input.

A WARC file is a sequence of records: a `WARC/1.0` line, header lines
`Name: value` (names compared case-insensitively, never by position), an
empty line, exactly `Content-Length` bytes of payload, and `\r\n\r\n`.
Common Crawl gzips each record as its own gzip member; gzip input is
detected by its magic bytes and read with a multi-member decoder.

* Each `conversion` record's payload (the page text) is cleaned as one
  document. Its `Content-Length` is rewritten; when the payload changed,
  its `WARC-Block-Digest` and `WARC-Payload-Digest` headers no longer
  match and are **removed** (not recomputed). Every other header line is
  written as it was.
* `warcinfo` and all other records pass through unchanged.
* The output is plain (uncompressed) WARC; pipe it to `gzip` if needed.
* With [`Options::to_jsonl`], each `conversion` record becomes one JSON
  line `{"url", "date", "language", "text"}` and other records are
  skipped. JSON needs Unicode, so invalid UTF-8 in the text becomes U+FFFD
  there (in WARC output bytes pass through).
* A malformed or truncated record is an error naming its byte offset (in
  the decompressed stream).
*/

use std::io::{self, BufRead, Read, Write};

use flate2::bufread::MultiGzDecoder;

use crate::cleaner::Cleaner;
use crate::stream;

/// The largest `conversion` payload read into memory to be cleaned.
pub const MAX_PAYLOAD: u64 = 256 << 20;
/// The largest header block of one record.
pub const MAX_HEADER: usize = 1 << 20;

/// Options of [`run`].
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Write JSON lines instead of WARC.
    pub to_jsonl: bool,
    /// Drop `conversion` records whose text comes out empty.
    pub drop_empty: bool,
    /// Flush after every record.
    pub line_buffered: bool,
}

/// Counters of one [`run`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// `conversion` records cleaned.
    pub records: u64,
    /// Other records passed through (or skipped with `to_jsonl`).
    pub passed_through: u64,
    /// Records dropped because their text came out empty.
    pub dropped_empty: u64,
}

/// What went wrong: [`stream::RecordError`], whose invalid-record
/// message names the record's byte offset.
pub type Error = stream::RecordError;

fn read_err(e: io::Error) -> Error {
    Error::Io(stream::Error::Read(e))
}

fn write_err(e: io::Error) -> Error {
    Error::Io(stream::Error::Write(e))
}

/// A reader that counts the bytes it yields.
struct Counting<R> {
    inner: R,
    pos: u64,
}

impl<R: BufRead> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, n: usize) {
        self.pos += n as u64;
        self.inner.consume(n);
    }
}

/// Cleans the WET stream `rdr` (plain or gzip) into `wtr`.
pub fn run<R: BufRead, W: Write + ?Sized>(
    mut rdr: R,
    wtr: &mut W,
    cleaner: &mut Cleaner<'_>,
    opts: &Options,
) -> Result<Counts, Error> {
    let head = rdr.fill_buf().map_err(read_err)?;
    if head.starts_with(&[0x1f, 0x8b]) {
        let gz =
            io::BufReader::with_capacity(1 << 16, MultiGzDecoder::new(rdr));
        run_plain(Counting { inner: gz, pos: 0 }, wtr, cleaner, opts)
    } else {
        run_plain(Counting { inner: rdr, pos: 0 }, wtr, cleaner, opts)
    }
}

fn run_plain<R: BufRead, W: Write + ?Sized>(
    mut rdr: Counting<R>,
    wtr: &mut W,
    cleaner: &mut Cleaner<'_>,
    opts: &Options,
) -> Result<Counts, Error> {
    let mut counts = Counts::default();
    let mut line = Vec::new();
    let mut headers: Vec<Vec<u8>> = Vec::new();
    let mut payload = Vec::new();
    let mut cleaned = Vec::new();
    loop {
        // Skip the blank lines between records.
        let offset = loop {
            let buf = rdr.fill_buf().map_err(read_err)?;
            match buf.first() {
                None => {
                    wtr.flush().map_err(write_err)?;
                    return Ok(counts);
                }
                Some(b'\r' | b'\n') => rdr.consume(1),
                Some(_) => break rdr.pos,
            }
        };
        let bad = |why: String| {
            Error::Invalid(format!("WARC record at byte {offset}: {why}"))
        };
        // The version line.
        line.clear();
        read_line(&mut rdr, &mut line, MAX_HEADER).map_err(read_err)?;
        if !line.starts_with(b"WARC/") {
            let shown = String::from_utf8_lossy(&line[..line.len().min(40)])
                .trim_end()
                .to_string();
            return Err(bad(format!(
                "not a WARC record (expected \"WARC/1.0\", found {shown:?})"
            )));
        }
        let version = line.clone();
        // The header lines.
        headers.clear();
        let mut total = 0;
        loop {
            line.clear();
            let n = read_line(&mut rdr, &mut line, MAX_HEADER)
                .map_err(read_err)?;
            if n == 0 {
                return Err(bad("truncated in the headers".to_string()));
            }
            total += n;
            if total > MAX_HEADER {
                return Err(bad(format!(
                    "headers longer than {MAX_HEADER} bytes"
                )));
            }
            if line == b"\r\n" || line == b"\n" {
                break;
            }
            headers.push(line.clone());
        }
        let length = header(&headers, "content-length")
            .ok_or_else(|| bad("no Content-Length header".to_string()))?;
        let length: u64 = std::str::from_utf8(length)
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .ok_or_else(|| {
                bad(format!(
                    "bad Content-Length {:?}",
                    String::from_utf8_lossy(length).trim()
                ))
            })?;
        let kind = header(&headers, "warc-type")
            .map(|v| v.trim_ascii().to_ascii_lowercase());
        let conversion = kind.as_deref() == Some(b"conversion");
        if !conversion {
            counts.passed_through += 1;
            if opts.to_jsonl {
                copy_exact(&mut rdr, &mut io::sink(), length)
                    .map_err(|e| fix_eof(e, &bad, length))?;
            } else {
                wtr.write_all(&version).map_err(write_err)?;
                for h in &headers {
                    wtr.write_all(h).map_err(write_err)?;
                }
                wtr.write_all(b"\r\n").map_err(write_err)?;
                copy_exact(&mut rdr, wtr, length)
                    .map_err(|e| fix_eof(e, &bad, length))?;
                wtr.write_all(b"\r\n\r\n").map_err(write_err)?;
            }
            end_of_record(&mut rdr).map_err(read_err)?;
            continue;
        }
        if length > MAX_PAYLOAD {
            return Err(bad(format!(
                "Content-Length {length} is over the limit of {MAX_PAYLOAD} bytes"
            )));
        }
        payload.clear();
        let got = (&mut rdr)
            .take(length)
            .read_to_end(&mut payload)
            .map_err(read_err)?;
        if (got as u64) < length {
            return Err(bad(format!(
                "truncated: Content-Length {length}, only {got} bytes"
            )));
        }
        end_of_record(&mut rdr).map_err(read_err)?;
        crate::jsonl::clean_text(&payload, cleaner, &mut cleaned);
        counts.records += 1;
        if cleaned.is_empty() && opts.drop_empty {
            counts.dropped_empty += 1;
            continue;
        }
        if opts.to_jsonl {
            let get = |name| {
                header(&headers, name)
                    .map(|v| String::from_utf8_lossy(v).trim().to_string())
            };
            let mut rec = String::with_capacity(cleaned.len() + 256);
            rec.push_str("{\"url\":");
            rec.push_str(&json(get("warc-target-uri")));
            rec.push_str(",\"date\":");
            rec.push_str(&json(get("warc-date")));
            rec.push_str(",\"language\":");
            rec.push_str(&json(get("warc-identified-content-language")));
            rec.push_str(",\"text\":");
            rec.push_str(&json(Some(
                String::from_utf8_lossy(&cleaned).into_owned(),
            )));
            rec.push_str("}\n");
            wtr.write_all(rec.as_bytes()).map_err(write_err)?;
        } else {
            let changed = cleaned != payload;
            wtr.write_all(&version).map_err(write_err)?;
            for h in &headers {
                let name = header_name(h);
                if name.eq_ignore_ascii_case(b"content-length") {
                    write!(wtr, "Content-Length: {}\r\n", cleaned.len())
                        .map_err(write_err)?;
                } else if changed
                    && (name.eq_ignore_ascii_case(b"warc-block-digest")
                        || name.eq_ignore_ascii_case(b"warc-payload-digest"))
                {
                    // The digest no longer matches the cleaned payload.
                } else {
                    wtr.write_all(h).map_err(write_err)?;
                }
            }
            wtr.write_all(b"\r\n").map_err(write_err)?;
            wtr.write_all(&cleaned).map_err(write_err)?;
            wtr.write_all(b"\r\n\r\n").map_err(write_err)?;
        }
        if opts.line_buffered {
            wtr.flush().map_err(write_err)?;
        }
        cleaner.count_bytes_in(payload.len());
    }
}

fn json(v: Option<String>) -> String {
    match v {
        Some(s) => serde_json::to_string(&s).expect("a string serializes"),
        None => "null".to_string(),
    }
}

/// Turns an early end of a passed-through block into a truncation error.
fn fix_eof(e: io::Error, bad: &dyn Fn(String) -> Error, length: u64) -> Error {
    if e.kind() == io::ErrorKind::UnexpectedEof {
        bad(format!(
            "truncated: Content-Length {length} runs past the end of the input"
        ))
    } else {
        read_err(e)
    }
}

/// Copies exactly `n` bytes from `r` to `w`.
fn copy_exact<R: Read, W: Write + ?Sized>(
    r: &mut R,
    w: &mut W,
    n: u64,
) -> io::Result<()> {
    let mut buf = [0u8; 64 * 1024];
    let mut left = n;
    while left > 0 {
        let want = left.min(buf.len() as u64) as usize;
        let got = r.read(&mut buf[..want])?;
        if got == 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "truncated",
            ));
        }
        w.write_all(&buf[..got])?;
        left -= got as u64;
    }
    Ok(())
}

/// Consumes the `\r\n\r\n` (or any CR/LF) after a block.
fn end_of_record<R: BufRead>(r: &mut R) -> io::Result<()> {
    for _ in 0..4 {
        match r.fill_buf()?.first() {
            Some(b'\r' | b'\n') => r.consume(1),
            _ => break,
        }
    }
    Ok(())
}

/// Reads one line (with its `\n`) of at most `max` bytes.
fn read_line<R: BufRead>(
    r: &mut R,
    line: &mut Vec<u8>,
    max: usize,
) -> io::Result<usize> {
    let n = r.take(max as u64).read_until(b'\n', line)?;
    Ok(n)
}

/// The name part of a header line.
fn header_name(h: &[u8]) -> &[u8] {
    let end = memchr::memchr(b':', h).unwrap_or(h.len());
    h[..end].trim_ascii()
}

/// The value of the first header called `name` (lowercase).
fn header<'h>(headers: &'h [Vec<u8>], name: &str) -> Option<&'h [u8]> {
    headers.iter().find_map(|h| {
        let colon = memchr::memchr(b':', h)?;
        h[..colon]
            .trim_ascii()
            .eq_ignore_ascii_case(name.as_bytes())
            .then(|| h[colon + 1..].trim_ascii())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, Rules};

    fn record(kind: &str, body: &str, extra: &str) -> String {
        format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: http://x.example/\r\n{extra}Content-Length: {}\r\n\r\n{body}\r\n\r\n",
            body.len()
        )
    }

    fn run_str(
        input: &[u8],
        opts: &Options,
    ) -> Result<(Vec<u8>, Counts), String> {
        let rules = Rules::builtin();
        let mut cleaner = Cleaner::new(&rules, Config::default());
        let mut out = Vec::new();
        let c = run(input, &mut out, &mut cleaner, opts)
            .map_err(|e| e.to_string())?;
        Ok((out, c))
    }

    #[test]
    fn conversion_cleaned_others_pass() {
        let info = record("warcinfo", "isPartOf: CC\r\n", "");
        let page = record(
            "conversion",
            "Title here\nShare this article\nSome text.\n",
            "WARC-Block-Digest: sha1:AAAA\r\n",
        );
        let input = format!("{info}{page}");
        let (out, c) = run_str(input.as_bytes(), &Options::default()).unwrap();
        let want_page = "WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: http://x.example/\r\n\
                         Content-Length: 22\r\n\r\nTitle here\nSome text.\n\r\n\r\n";
        assert_eq!(
            String::from_utf8(out).unwrap(),
            format!("{info}{want_page}")
        );
        assert_eq!(
            c,
            Counts { records: 1, passed_through: 1, dropped_empty: 0 }
        );
    }

    #[test]
    fn errors_name_the_offset() {
        let good = record("warcinfo", "x", "");
        let bad = format!("{good}HTTP/1.1 200 OK\r\n\r\n");
        let err = run_str(bad.as_bytes(), &Options::default()).unwrap_err();
        assert_eq!(
            err,
            format!(
                "WARC record at byte {}: not a WARC record (expected \"WARC/1.0\", found \"HTTP/1.1 200 OK\")",
                good.len()
            )
        );
        let trunc = "WARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: 100\r\n\r\nshort";
        let err = run_str(trunc.as_bytes(), &Options::default()).unwrap_err();
        assert_eq!(
            err,
            "WARC record at byte 0: truncated: Content-Length 100, only 5 bytes"
        );
        let nolen = "WARC/1.0\r\nWARC-Type: conversion\r\n\r\n";
        assert!(
            run_str(nolen.as_bytes(), &Options::default())
                .unwrap_err()
                .contains("no Content-Length")
        );
        let huge = "WARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: 99999999999\r\n\r\n";
        assert!(
            run_str(huge.as_bytes(), &Options::default())
                .unwrap_err()
                .contains("over the limit")
        );
        let hdr = "WARC/1.0\r\nWARC-Type: conv";
        assert!(
            run_str(hdr.as_bytes(), &Options::default())
                .unwrap_err()
                .contains("truncated in the headers")
        );
    }

    #[test]
    fn to_jsonl() {
        let page = record(
            "conversion",
            "Kept text.\nAdvertisement\n",
            "WARC-Date: 2024-05-18T01:58:10Z\r\n",
        );
        let opts = Options { to_jsonl: true, ..Options::default() };
        let (out, _) = run_str(page.as_bytes(), &opts).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\"url\":\"http://x.example/\",\"date\":\"2024-05-18T01:58:10Z\",\"language\":null,\"text\":\"Kept text.\\n\"}\n"
        );
    }
}
