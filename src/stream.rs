/*!
The streaming driver: bytes in, lines and documents out.

[`run`] reads any [`Read`] in large blocks, finds line terminators with
`memchr` (`\n`, `\r\n` and a lone `\r` all end a line), and hands each line
to a [`Cleaner`] without copying it, unless it spans two blocks. A line of
[`Config::max_line`](crate::Config::max_line) bytes or more is handed over
in pieces and passed through. Memory is therefore bounded by the block
size, the line limit and the context queue, whatever the input.

In record mode (`-z`) a record terminator byte also ends the current line
and the current document. A final record without a terminator is still a
record; an empty input has no records.
*/

use std::io::{self, Read, Write};

use crate::cleaner::Cleaner;

/// How many bytes one `read` asks for.
pub const READ_SIZE: usize = 256 * 1024;

/// Options of one [`run`].
#[derive(Clone, Debug)]
pub struct Options {
    /// Byte that ends a document (`-z`: NUL). `None`: the whole input is
    /// one document.
    pub record_terminator: Option<u8>,
    /// Write the output after every input line that produced some
    /// (`--line-buffered`).
    pub line_buffered: bool,
    /// End the document at the end of the input. False when several
    /// inputs form one stream of records.
    pub end_document_at_eof: bool,
    /// Count the bytes read in the cleaner's stats (false when the caller
    /// counts the input itself, as the JSONL and WET readers do).
    pub count_input: bool,
    /// The input size, when known (a document in memory): the read buffer
    /// then starts no larger than needed. Output is the same either way (a
    /// wrong hint only costs a reallocation).
    pub size_hint: Option<usize>,
}

/// An I/O error, with the side it happened on.
#[derive(Debug)]
pub enum Error {
    /// Reading the input failed.
    Read(io::Error),
    /// Writing the output failed.
    Write(io::Error),
}

impl Error {
    /// The underlying I/O error.
    pub fn io(&self) -> &io::Error {
        match self {
            Error::Read(e) | Error::Write(e) => e,
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Read(_) => f.write_str("read error"),
            Error::Write(_) => f.write_str("write error"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(self.io())
    }
}

impl Default for Options {
    fn default() -> Options {
        Options {
            record_terminator: None,
            line_buffered: false,
            end_document_at_eof: true,
            count_input: true,
            size_hint: None,
        }
    }
}

/// An error of the record readers (JSONL, WET): an I/O error, or a record
/// that is not valid, with a message that says where ("line 7: …", "WARC
/// record at byte 5613: …").
#[derive(Debug)]
pub enum RecordError {
    /// Reading or writing failed.
    Io(Error),
    /// A record is not valid; the message names it.
    Invalid(String),
    /// The line of a line-based record stream (JSONL) that is not valid:
    /// its number (from 1) and why.
    Line(u64, String),
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RecordError::Io(e) => e.fmt(f),
            RecordError::Invalid(why) => f.write_str(why),
            RecordError::Line(n, why) => write!(f, "line {n}: {why}"),
        }
    }
}

impl std::error::Error for RecordError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            RecordError::Io(e) => Some(e),
            RecordError::Invalid(_) | RecordError::Line(..) => None,
        }
    }
}

/// The line-splitting state over a buffer.
#[derive(Default)]
struct Splitter {
    /// Valid bytes: `buf[start..end]`.
    start: usize,
    end: usize,
    /// The last line ended in `\r`: skip one `\n` at the next byte.
    skip_lf: bool,
    /// Inside a line over the limit.
    in_long: bool,
    /// Bytes seen since the last record terminator.
    record_open: bool,
}

/// Cleans everything `rdr` yields into `wtr`, through `cleaner`.
///
/// The output is written in blocks (and after each line with
/// [`Options::line_buffered`]) and flushed at the end. Errors say whether
/// reading or writing failed.
pub fn run<R: Read, W: Write + ?Sized>(
    mut rdr: R,
    wtr: &mut W,
    cleaner: &mut Cleaner<'_>,
    opts: &Options,
) -> Result<(), Error> {
    let max_line = cleaner.config().max_line.max(1);
    let full_cap = max_line.max(READ_SIZE) + READ_SIZE;
    let mut cap = full_cap;
    // A small input that fits whole needs no more (its lines are all
    // shorter than the limit, so the long-line path is never taken).
    if let Some(n) = opts.size_hint.filter(|&n| n < max_line) {
        cap = cap.min(n + 1);
    }
    let mut buf = vec![0; cap];
    let mut s = Splitter::default();
    let term = opts.record_terminator;
    loop {
        // Make room: move the partial line to the front.
        if s.start > 0 && (s.end == buf.len() || s.start == s.end) {
            buf.copy_within(s.start..s.end, 0);
            s.end -= s.start;
            s.start = 0;
        }
        // A hint that was too small: grow to the normal size.
        if s.start == 0 && s.end == buf.len() && buf.len() < full_cap {
            buf.resize(full_cap, 0);
        }
        let want = (buf.len() - s.end).min(READ_SIZE);
        let n = match rdr.read(&mut buf[s.end..s.end + want]) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Error::Read(e)),
        };
        if opts.count_input {
            cleaner.count_bytes_in(n);
        }
        let scan_from = s.end;
        s.end += n;
        split(&buf, &mut s, scan_from, cleaner, term, max_line);
        if opts.line_buffered {
            cleaner.drain_to(wtr).map_err(Error::Write)?;
            wtr.flush().map_err(Error::Write)?;
        } else if cleaner.output_len() >= 1 << 16 {
            cleaner.drain_to(wtr).map_err(Error::Write)?;
        }
    }
    finish(&buf, &mut s, cleaner, term, opts.end_document_at_eof);
    cleaner.drain_to(wtr).map_err(Error::Write)?;
    wtr.flush().map_err(Error::Write)
}

/// [`run`] over input that is all in memory, appending the output to
/// `out`: the lines are handed over from `data` itself, with no read
/// buffer and no copy. The cleaner sees the same calls as from [`run`],
/// but a line of [`Config::max_line`](crate::Config::max_line) bytes or
/// more comes in one piece (its output is the same).
pub fn run_slice(
    data: &[u8],
    out: &mut Vec<u8>,
    cleaner: &mut Cleaner<'_>,
    record_terminator: Option<u8>,
    end_document_at_eof: bool,
) {
    let max_line = cleaner.config().max_line.max(1);
    let mut s = Splitter { end: data.len(), ..Splitter::default() };
    split(data, &mut s, 0, cleaner, record_terminator, max_line);
    finish(data, &mut s, cleaner, record_terminator, end_document_at_eof);
    cleaner.drain_into(out);
}

/// The end of the input: the last line, if it had no terminator, and the
/// end of the document.
fn finish(
    buf: &[u8],
    s: &mut Splitter,
    cleaner: &mut Cleaner<'_>,
    term: Option<u8>,
    end_document_at_eof: bool,
) {
    if s.in_long {
        if s.start < s.end {
            cleaner.long_piece(&buf[s.start..s.end]);
        }
        cleaner.long_end();
    } else if s.start < s.end {
        cleaner.line(&buf[s.start..s.end]);
    }
    if term.is_none() {
        if end_document_at_eof {
            cleaner.end_document();
        }
    } else if s.record_open {
        cleaner.end_document();
    }
}

/// Hands every complete line in `buf[s.start..s.end]` to `cleaner`;
/// bytes from `scan_from` on are new.
fn split(
    buf: &[u8],
    s: &mut Splitter,
    scan_from: usize,
    cleaner: &mut Cleaner<'_>,
    term: Option<u8>,
    max_line: usize,
) {
    let mut pos = scan_from;
    if s.skip_lf && pos < s.end {
        s.skip_lf = false;
        if buf[pos] == b'\n' {
            // The `\n` of a `\r\n` split across reads.
            debug_assert_eq!(s.start, pos);
            pos += 1;
            s.start = pos;
        }
    }
    if pos < s.end {
        s.record_open = true;
    }
    loop {
        let hay = &buf[pos..s.end];
        let found = match term {
            None => memchr::memchr2(b'\n', b'\r', hay),
            Some(t) => memchr::memchr3(b'\n', b'\r', t, hay),
        };
        let Some(i) = found else { break };
        let at = pos + i;
        let b = buf[at];
        let line = &buf[s.start..at];
        if s.in_long {
            if !line.is_empty() {
                cleaner.long_piece(line);
            }
            cleaner.long_end();
            s.in_long = false;
        } else if line.len() >= max_line {
            cleaner.long_piece(line);
            cleaner.long_end();
        } else {
            cleaner.line(line);
        }
        pos = at + 1;
        if b == b'\r' {
            if pos < s.end {
                if buf[pos] == b'\n' {
                    pos += 1;
                }
            } else {
                s.skip_lf = true;
            }
        }
        s.start = pos;
        if Some(b) == term {
            cleaner.end_document();
            s.record_open = pos < s.end;
        }
    }
    // No terminator in the rest: a line that reached the limit is handed
    // over in pieces, keeping the buffer bounded.
    if s.end - s.start >= max_line || (s.in_long && s.end > s.start) {
        cleaner.long_piece(&buf[s.start..s.end]);
        s.in_long = true;
        s.start = s.end;
    }
}
