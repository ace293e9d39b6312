/*!
Cleaning a stream of many documents on several threads.

The reader cuts the input into batches of whole records (NUL-terminated
documents or JSON lines) of about [`BATCH`] bytes, worker threads clean
them — each with its own [`Cleaner`], exactly as the serial code does — and
the writer puts the results back in input order. The output is therefore
byte-for-byte the output of one thread.

Memory: at most `2 × threads` batches are in flight, each [`BATCH`] bytes
or one record if a record is larger.
*/

use std::collections::BTreeMap;
use std::io::{self, Read, Write};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use crate::cleaner::{Cleaner, Config, Stats};
use crate::rules::Rules;
use crate::{jsonl, stream};

/// The size a batch is cut at (the next record boundary after it).
pub const BATCH: usize = 1 << 20;
/// The most bytes one read asks for.
const READ: usize = 256 * 1024;

/// What the records of the stream are.
#[derive(Clone, Debug)]
pub enum Format {
    /// NUL-terminated documents (`-z`).
    Nul,
    /// JSON lines.
    Jsonl(jsonl::Options),
}

/// What went wrong: [`stream::RecordError`] (a JSONL line's message
/// names its line in the whole stream).
pub type Error = stream::RecordError;

/// One batch: its sequence number, first line number and bytes.
struct Batch {
    seq: u64,
    first_line: u64,
    data: Vec<u8>,
}

type Done = (u64, Result<Vec<u8>, Error>);

/// Cleans `rdr` into `wtr` on `threads` threads. Returns the merged
/// statistics and, for JSONL, the record counts.
pub fn run<R: Read, W: Write + ?Sized>(
    mut rdr: R,
    wtr: &mut W,
    rules: &Rules,
    config: &Config,
    format: &Format,
    threads: usize,
) -> Result<(Stats, jsonl::Counts), Error> {
    let threads = threads.max(1);
    let term = match format {
        Format::Nul => 0u8,
        Format::Jsonl(_) => b'\n',
    };
    let (job_tx, job_rx) = mpsc::sync_channel::<Batch>(threads * 2);
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (done_tx, done_rx) = mpsc::channel::<Done>();
    let totals = Mutex::new((Stats::default(), jsonl::Counts::default()));
    std::thread::scope(|scope| -> Result<(), Error> {
        for _ in 0..threads {
            let job_rx = Arc::clone(&job_rx);
            let done_tx = done_tx.clone();
            let totals = &totals;
            scope.spawn(move || {
                let mut cleaner = Cleaner::new(rules, config.clone());
                let mut counts = jsonl::Counts::default();
                loop {
                    let job = job_rx.lock().unwrap().recv();
                    let Ok(batch) = job else { break };
                    let res =
                        clean_batch(&batch, &mut cleaner, format, &mut counts);
                    if done_tx.send((batch.seq, res)).is_err() {
                        break;
                    }
                }
                let mut t = totals.lock().unwrap();
                t.0.merge(cleaner.stats());
                t.1.records += counts.records;
                t.1.invalid += counts.invalid;
                t.1.dropped_empty += counts.dropped_empty;
            });
        }
        drop(done_tx);
        // The reader runs here; results are written as they come in order.
        let mut pending: BTreeMap<u64, Result<Vec<u8>, Error>> =
            BTreeMap::new();
        let mut next_out = 0u64;
        let write_ready =
            |pending: &mut BTreeMap<u64, Result<Vec<u8>, Error>>,
             next_out: &mut u64,
             wtr: &mut W|
             -> Result<(), Error> {
                while let Some(res) = pending.remove(next_out) {
                    let out = res?;
                    wtr.write_all(&out)
                        .map_err(|e| Error::Io(stream::Error::Write(e)))?;
                    *next_out += 1;
                }
                Ok(())
            };
        let mut buf: Vec<u8> = Vec::with_capacity(BATCH * 2);
        let mut seq = 0u64;
        let mut line = 1u64;
        let mut eof = false;
        let mut result = Ok(());
        while !eof {
            // Fill to at least one batch and a record boundary.
            let cut = loop {
                if buf.len() >= BATCH
                    && let Some(i) = memchr::memrchr(term, &buf)
                {
                    break i + 1;
                }
                // Read straight into the batch buffer: no zeroing, no
                // second copy.
                let n =
                    match (&mut rdr).take(READ as u64).read_to_end(&mut buf) {
                        Ok(n) => n,
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => {
                            continue;
                        }
                        Err(e) => {
                            result = Err(Error::Io(stream::Error::Read(e)));
                            eof = true;
                            break 0;
                        }
                    };
                if n == 0 {
                    eof = true;
                    break buf.len();
                }
            };
            if result.is_err() {
                break;
            }
            if cut == 0 {
                continue;
            }
            let rest = buf.split_off(cut);
            let data = std::mem::replace(&mut buf, rest);
            // Line numbers only matter for JSONL messages.
            let lines = match format {
                Format::Nul => 0,
                Format::Jsonl(_) => {
                    memchr::memchr_iter(b'\n', &data).count() as u64
                }
            };
            let batch = Batch { seq, first_line: line, data };
            seq += 1;
            line += lines;
            if job_tx.send(batch).is_err() {
                break;
            }
            while let Ok((s, res)) = done_rx.try_recv() {
                pending.insert(s, res);
            }
            if let Err(e) = write_ready(&mut pending, &mut next_out, wtr) {
                result = Err(e);
                break;
            }
        }
        drop(job_tx);
        if result.is_ok() {
            for (s, res) in done_rx.iter() {
                pending.insert(s, res);
                if let Err(e) = write_ready(&mut pending, &mut next_out, wtr) {
                    result = Err(e);
                    break;
                }
            }
        }
        result
    })?;
    wtr.flush().map_err(|e| Error::Io(stream::Error::Write(e)))?;
    Ok(totals.into_inner().unwrap())
}

/// Cleans one batch of whole records.
fn clean_batch(
    batch: &Batch,
    cleaner: &mut Cleaner<'_>,
    format: &Format,
    counts: &mut jsonl::Counts,
) -> Result<Vec<u8>, Error> {
    let mut out = Vec::with_capacity(batch.data.len());
    match format {
        Format::Nul => {
            let opts = stream::Options {
                record_terminator: Some(0),
                line_buffered: false,
                end_document_at_eof: true,
                count_input: true,
                size_hint: None,
            };
            stream::run(&batch.data[..], &mut out, cleaner, &opts)
                .map_err(Error::Io)?;
        }
        Format::Jsonl(opts) => {
            let opts = jsonl::Options {
                first_line: batch.first_line,
                ..opts.clone()
            };
            let c = jsonl::run(&batch.data[..], &mut out, cleaner, &opts)?;
            counts.records += c.records;
            counts.invalid += c.invalid;
            counts.dropped_empty += c.dropped_empty;
        }
    }
    Ok(out)
}
