/*!
Cleaning on several threads, with the output of one thread.

A stream of many documents ([`run`]): the reader cuts the input into
batches of whole records (NUL-terminated documents or JSON lines) of about
[`BATCH`] bytes, threads clean them — each with its own [`Cleaner`],
exactly as the serial code does — and the writer puts the results back in
input order. Memory: at most `2 × threads` batches are read and not yet
written, each [`BATCH`] bytes or one record if a record is larger; their
buffers are reused. The line number in a JSONL message is
counted by the threads that clean (each batch's lines) and the writer
(the lines before the batch), not by the reader.

One text document ([`run_text`]): what a line is once normalized, which
rules match it, which line heuristic calls it chrome and whether it is
prose do not depend on the rest of the document ([`Pre`]). Threads work
that out for batches of whole lines; the one [`Cleaner`] takes the lines in
input order with it and decides everything that depends on the document
(tails, context, repeats) as the serial code does.

Either way `threads` threads do the work: `threads - 1` workers and the
thread that reads, which also writes (and, for text, decides). It queues
each batch, and takes the oldest queued batch itself when the workers fall
behind (more than `workers + 1` queued) or when it would otherwise wait for
one. With only workers cleaning, `-j 2` ran three busy threads on two
cores: the reader's share sat on a core with a worker, and the workers
waited for it (text, 1 GiB: 14,000 context switches, 1.80 of 2 cores
busy); with the reader working the same run makes 1,200.

The output is byte-for-byte the output of one thread.
*/

use std::collections::BTreeMap;
use std::io::{self, Read, Write};
use std::sync::Mutex;
use std::sync::mpsc;

use crate::cleaner::{Cleaner, Config, Pre, Stats, count_words};
use crate::rules::Rules;
use crate::{jsonl, normalize, stream};

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

/// Waiting for a batch no worker can send any more (every worker has
/// panicked) is a bug: a panic with this message, not a hang.
const WORKERS_GONE: &str = "every worker thread has ended";

/// What went wrong: [`stream::RecordError`] (a JSONL line's message
/// names its line in the whole stream).
pub type Error = stream::RecordError;

/// One batch: its sequence number and bytes.
struct Batch {
    seq: u64,
    data: Vec<u8>,
}

/// A cleaned batch: its output (up to the invalid record, if one
/// stopped it), the number of lines it had (JSONL only: the writer adds
/// them up to number the line of an invalid record, so the reader need
/// not count lines), and what stopped it.
struct Cleaned {
    out: Vec<u8>,
    lines: u64,
    err: Option<Error>,
}

type Done = (u64, Cleaned);

/// Cleaned batches waiting for their turn to be written, by number.
type Waiting = BTreeMap<u64, Cleaned>;

/// Cleans `rdr` into `wtr` on `threads` threads (`threads - 1` workers
/// and this one, which also reads and writes). Returns the merged
/// statistics and, for JSONL, the record counts.
pub fn run<R: Read, W: Write + ?Sized>(
    rdr: R,
    wtr: &mut W,
    rules: &Rules,
    config: &Config,
    format: &Format,
    threads: usize,
) -> Result<(Stats, jsonl::Counts), Error> {
    run_batched(rdr, wtr, rules, config, format, threads, BATCH)
}

/// [`run`] with batches of `batch` bytes (tests use tiny ones).
fn run_batched<R: Read, W: Write + ?Sized>(
    mut rdr: R,
    wtr: &mut W,
    rules: &Rules,
    config: &Config,
    format: &Format,
    threads: usize,
    batch: usize,
) -> Result<(Stats, jsonl::Counts), Error> {
    let batch = batch.max(1);
    let threads = threads.max(2);
    let workers = threads - 1;
    // Batches read and not yet written, at most.
    let in_flight = 2 * threads as u64;
    let term = match format {
        Format::Nul => 0u8,
        Format::Jsonl(_) => b'\n',
    };
    let text_key = match format {
        Format::Jsonl(opts) => &opts.text_key[..],
        Format::Nul => "",
    };
    let jobs: Queue<Batch> = Queue::default();
    // Every buffer is a batch's input or output.
    let pool = Buffers::new(2 * batch, 2 * in_flight as usize + 2);
    let (done_tx, done_rx) = mpsc::channel::<Done>();
    let totals = Mutex::new((Stats::default(), jsonl::Counts::default()));
    let add = |cleaner: &Cleaner<'_>, counts: &jsonl::Counts| {
        let mut t = totals.lock().unwrap();
        t.0.merge(cleaner.stats());
        t.1.records += counts.records;
        t.1.invalid += counts.invalid;
        t.1.dropped_empty += counts.dropped_empty;
        t.1.lines += counts.lines;
    };
    std::thread::scope(|scope| -> Result<(), Error> {
        let jobs = &jobs;
        let add = &add;
        let pool = &pool;
        for _ in 0..workers {
            let done_tx = done_tx.clone();
            scope.spawn(move || {
                let mut cleaner = Cleaner::new(rules, config.clone());
                let mut counts = jsonl::Counts::default();
                let mut bufs = jsonl::Buffers::new(text_key);
                while let Some(batch) = jobs.pop_wait() {
                    let res = clean_batch(
                        &batch,
                        pool.get(),
                        &mut cleaner,
                        format,
                        &mut bufs,
                        &mut counts,
                    );
                    pool.put(batch.data);
                    if done_tx.send((batch.seq, res)).is_err() {
                        break;
                    }
                }
                add(&cleaner, &counts);
            });
        }
        drop(done_tx);
        // This thread reads, writes the results in order as they come, and
        // cleans batches no worker has taken when the workers fall behind
        // or when it would otherwise wait.
        let mut cleaner = Cleaner::new(rules, config.clone());
        let mut counts = jsonl::Counts::default();
        let mut bufs = jsonl::Buffers::new(text_key);
        let mut pending = Waiting::new();
        let mut next_out = 0u64;
        // Lines in the batches written so far.
        let mut lines_out = 0u64;
        let mut seq = 0u64;
        // With more than `help_over` batches queued, cleans the oldest here;
        // then takes in finished batches and writes what is ready; until
        // fewer than `limit` batches are unwritten, cleans queued batches
        // here or waits for a worker.
        let mut settle = |pending: &mut Waiting,
                          next_out: &mut u64,
                          lines_out: &mut u64,
                          seq: u64,
                          limit: u64,
                          help_over: usize,
                          wtr: &mut W|
         -> Result<(), Error> {
            let mut clean_here = |b: Batch, pending: &mut Waiting| {
                let out = pool.get();
                let res = clean_batch(
                    &b,
                    out,
                    &mut cleaner,
                    format,
                    &mut bufs,
                    &mut counts,
                );
                pool.put(b.data);
                pending.insert(b.seq, res);
            };
            if let Some(b) = jobs.pop_beyond(help_over) {
                clean_here(b, pending);
            }
            loop {
                while let Ok((s, res)) = done_rx.try_recv() {
                    pending.insert(s, res);
                }
                while let Some(done) = pending.remove(next_out) {
                    wtr.write_all(&done.out)
                        .map_err(|e| Error::Io(stream::Error::Write(e)))?;
                    pool.put(done.out);
                    match done.err {
                        Some(Error::Line(n, why)) => {
                            return Err(Error::Line(*lines_out + n, why));
                        }
                        Some(e) => return Err(e),
                        None => {}
                    }
                    *next_out += 1;
                    *lines_out += done.lines;
                }
                if seq - *next_out < limit.max(1) {
                    return Ok(());
                }
                if let Some(b) = jobs.try_pop() {
                    clean_here(b, pending);
                } else {
                    let (s, res) = done_rx.recv().expect(WORKERS_GONE);
                    pending.insert(s, res);
                }
            }
        };
        let read = READ.min(batch) as u64;
        // Room for a batch: it is cut once it holds `batch` bytes, after
        // a read of at most `read` (the 64 covers the allocator's probe).
        let room = batch + read as usize + 64;
        let mut buf: Vec<u8> = Vec::with_capacity(room);
        let mut eof = false;
        let mut result = Ok(());
        while !eof {
            // Fill to at least one batch and a record boundary.
            let cut = loop {
                if buf.len() >= batch
                    && let Some(i) = memchr::memrchr(term, &buf)
                {
                    break i + 1;
                }
                // Read straight into the batch buffer: no zeroing, no
                // second copy.
                let n = match (&mut rdr).take(read).read_to_end(&mut buf) {
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
            let data = pool.cut(&mut buf, cut, room);
            jobs.push(Batch { seq, data });
            seq += 1;
            // Workers behind (more than `workers + 1` batches queued): this
            // thread cleans the oldest itself.
            let help_over = workers + 1;
            if let Err(e) = settle(
                &mut pending,
                &mut next_out,
                &mut lines_out,
                seq,
                in_flight,
                help_over,
                wtr,
            ) {
                result = Err(e);
                break;
            }
        }
        jobs.close();
        if result.is_ok() {
            let help_over = usize::MAX;
            result = settle(
                &mut pending,
                &mut next_out,
                &mut lines_out,
                seq,
                0,
                help_over,
                wtr,
            );
        }
        add(&cleaner, &counts);
        result
    })?;
    wtr.flush().map_err(|e| Error::Io(stream::Error::Write(e)))?;
    Ok(totals.into_inner().unwrap())
}

/// Cleans one batch of whole records; the number of its lines comes back
/// with the output.
fn clean_batch(
    batch: &Batch,
    mut out: Vec<u8>,
    cleaner: &mut Cleaner<'_>,
    format: &Format,
    bufs: &mut jsonl::Buffers,
    counts: &mut jsonl::Counts,
) -> Cleaned {
    out.reserve(batch.data.len());
    let mut lines = 0;
    let mut err = None;
    match format {
        Format::Nul => {
            cleaner.count_bytes_in(batch.data.len());
            stream::run_slice(&batch.data, &mut out, cleaner, Some(0), true);
        }
        Format::Jsonl(opts) => {
            // The records before an invalid one are written, as one
            // thread writes them. Lines are numbered from `first_line` in
            // every batch; the writer adds the lines of the batches before.
            match jsonl::run_with(
                &batch.data[..],
                &mut out,
                cleaner,
                opts,
                bufs,
            ) {
                Ok(c) => {
                    counts.records += c.records;
                    counts.invalid += c.invalid;
                    counts.dropped_empty += c.dropped_empty;
                    counts.lines += c.lines;
                    lines = c.lines;
                }
                Err(e) => err = Some(e),
            }
        }
    }
    Cleaned { out, lines, err }
}

/// The size a text-mode batch is cut at (the last `\n` in it).
pub const TEXT_BATCH: usize = 128 << 10;

/// One line of a text-mode batch, as a worker found it.
struct TextLine {
    /// Where its bytes are: `batch[start..start + len]` for a line that
    /// needs no normalizing or a long line, `arena[start..start + len]`
    /// for the normalized form of any other.
    start: u32,
    len: u32,
    words: u32,
    place: Place,
    pre: Option<Pre>,
}

impl TextLine {
    fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..(self.start + self.len) as usize
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Batch,
    Arena,
    /// A line of [`Config::max_line`] bytes or more, passed through.
    Long,
}

/// The buffers of a [`TextBatch`] other than its data.
type Shells = (Vec<TextLine>, Vec<u8>);

/// Buffers of fed text batches, taken again for new ones.
struct Pool {
    data: Buffers,
    /// The shells of the batches whose data was kept.
    shells: Mutex<Vec<Shells>>,
}

/// A text-mode batch and what the workers found in it.
struct TextBatch {
    data: Vec<u8>,
    lines: Vec<TextLine>,
    arena: Vec<u8>,
}

/// Splits `data` into lines exactly as [`stream::run`] does (`\n`,
/// `\r\n` or a lone `\r` ends a line; the last line needs no terminator),
/// normalizes them and works out each one's [`Pre`].
/// `lines` and `arena` are buffers to reuse.
fn annotate(
    data: Vec<u8>,
    (mut lines, mut arena): Shells,
    rules: &Rules,
    config: &Config,
) -> TextBatch {
    lines.clear();
    arena.clear();
    let mut scratch = Vec::new();
    let max_line = config.max_line.max(1);
    let mut line = |start: usize, end: usize| {
        let raw = &data[start..end];
        let (place, at, norm, words) = if raw.len() >= max_line {
            (Place::Long, start, raw, 0)
        } else if let Some(words) = normalize::clean_words(raw) {
            (Place::Batch, start, raw, words)
        } else {
            normalize::line(raw, &mut scratch);
            let at = arena.len();
            arena.extend_from_slice(&scratch);
            (Place::Arena, at, &scratch[..], count_words(&scratch))
        };
        let pre = (place != Place::Long && !norm.is_empty())
            .then(|| Pre::new(rules, config, norm, words));
        // A batch is smaller than 4 GiB (see `run_text`).
        lines.push(TextLine {
            start: at as u32,
            len: norm.len() as u32,
            words: words as u32,
            place,
            pre,
        });
    };
    let mut start = 0;
    while let Some(i) = memchr::memchr2(b'\n', b'\r', &data[start..]) {
        let end = start + i;
        line(start, end);
        start = end + 1;
        if data[end] == b'\r' && data.get(start) == Some(&b'\n') {
            start += 1;
        }
    }
    if start < data.len() {
        line(start, data.len());
    }
    TextBatch { data, lines, arena }
}

/// Hands the lines of `batch` to `cleaner`, in order.
fn consume(batch: &TextBatch, cleaner: &mut Cleaner<'_>) {
    cleaner.count_bytes_in(batch.data.len());
    for l in &batch.lines {
        match l.place {
            Place::Long => {
                cleaner.long_piece(&batch.data[l.range()]);
                cleaner.long_end();
            }
            Place::Batch => cleaner.line_normalized(
                &batch.data[l.range()],
                l.words as usize,
                l.pre.as_ref(),
            ),
            Place::Arena => cleaner.line_normalized(
                &batch.arena[l.range()],
                l.words as usize,
                l.pre.as_ref(),
            ),
        }
    }
}

/// Cleans `rdr`, one text-mode document, into `wtr` through `cleaner`,
/// with `threads` worker threads, and ends the document. The output is
/// byte-for-byte that of [`stream::run`].
///
/// What a line is and what the rules and line heuristics say of it does
/// not depend on the rest of the document, so the reader cuts the input
/// into batches of whole lines ([`TEXT_BATCH`] bytes, cut at the last
/// `\n`), the workers split, normalize and look up their lines
/// ([`Pre`]), and this thread feeds the results in input order to the
/// one `cleaner`, which keeps everything that does depend on the
/// document: tails, context, repeats, output. This thread annotates
/// batches too (see the module docs), so `threads` threads are busy:
/// `threads - 1` workers and this one. At most `2 × threads + 2` batches
/// are in flight.
///
/// An input whose first batch is its whole (a page) is cleaned on this
/// thread, and so is a line with no `\n` within 2 × [`TEXT_BATCH`] bytes
/// (in pieces if it reaches [`Config::max_line`]), after the batches
/// before it: memory stays bounded by a few batches. If such a stretch
/// holds a `\r` (old Mac line ends), the rest of the input goes through
/// [`stream::run`].
pub fn run_text<R: Read, W: Write + ?Sized>(
    rdr: R,
    wtr: &mut W,
    cleaner: &mut Cleaner<'_>,
    threads: usize,
) -> Result<(), stream::Error> {
    run_text_batched(rdr, wtr, cleaner, threads, TEXT_BATCH)
}

/// [`run_text`] with batches of `batch` bytes (tests use tiny ones).
fn run_text_batched<R: Read, W: Write + ?Sized>(
    mut rdr: R,
    wtr: &mut W,
    cleaner: &mut Cleaner<'_>,
    threads: usize,
    batch: usize,
) -> Result<(), stream::Error> {
    let batch = batch.max(1);
    let rules = cleaner.rules();
    let config = cleaner.config().clone();
    // A line longer than this is cleaned on this thread, so batches stay
    // small (and below 4 GiB) whatever the line limit.
    let limit = 2 * batch;
    let mut buf: Vec<u8> = Vec::with_capacity(batch + batch / 8);
    // Reads until `buf` holds a batch and a line end: returns the cut, or
    // None at the end of the input (then the batch is all of `buf`).
    // Gives up with `Some(0)` when a line runs past `limit`.
    let next_cut =
        |rdr: &mut R, buf: &mut Vec<u8>| -> io::Result<Option<usize>> {
            loop {
                if buf.len() >= batch {
                    if let Some(i) = memchr::memrchr(b'\n', buf) {
                        return Ok(Some(i + 1));
                    }
                    if buf.len() >= limit {
                        return Ok(Some(0));
                    }
                }
                // Reads fill a batch and little more, so a batch buffer
                // stays near `batch` bytes (past it only to find a line
                // end).
                let want = if buf.len() < batch {
                    (batch - buf.len()).max(batch / 8)
                } else {
                    batch
                };
                if read_more(rdr, buf, want)? == 0 {
                    return Ok(None);
                }
            }
        };
    let first = next_cut(&mut rdr, &mut buf).map_err(stream::Error::Read)?;
    if first.is_none() {
        // One batch: no thread would pay for itself.
        consume(&annotate(buf, Shells::default(), rules, &config), cleaner);
        cleaner.end_document();
        cleaner.drain_to(wtr).map_err(stream::Error::Write)?;
        return wtr.flush().map_err(stream::Error::Write);
    }
    // This thread works too, so `threads` threads are busy: `threads - 1`
    // workers.
    let threads = threads.max(2);
    let workers = threads - 1;
    // Bytes of input in flight, at most: two batches per thread (one
    // worked on, one waiting) and two more, however long the lines.
    let budget = ((2 * threads + 2) * batch) as u64;
    let jobs: Queue<(u64, Vec<u8>)> = Queue::default();
    let (done_tx, done_rx) = mpsc::channel::<(u64, TextBatch)>();
    // What is left to read when the batches stop: the rest goes through
    // the serial reader.
    let mut serial_rest: Option<Vec<u8>> = None;
    let pool = Pool {
        data: Buffers::new(4 * batch, usize::MAX),
        shells: Mutex::new(Vec::new()),
    };
    std::thread::scope(|scope| -> Result<(), stream::Error> {
        let jobs = &jobs;
        for _ in 0..workers {
            let done_tx = done_tx.clone();
            let config = &config;
            let pool = &pool;
            scope.spawn(move || {
                while let Some((seq, data)) = jobs.pop_wait() {
                    let shells = pool.shells.lock().unwrap().pop();
                    let shells = shells.unwrap_or_default();
                    let found = annotate(data, shells, rules, config);
                    if done_tx.send((seq, found)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        let mut pending: BTreeMap<u64, TextBatch> = BTreeMap::new();
        let (mut sent, mut next) = (0u64, 0u64);
        // Input bytes sent to the workers and fed to the cleaner.
        let (mut bytes_sent, mut bytes_fed) = (0u64, 0u64);
        // A batch annotated on this thread.
        let annotate_here = |data: Vec<u8>| {
            let shells = pool.shells.lock().unwrap().pop();
            annotate(data, shells.unwrap_or_default(), rules, &config)
        };
        // Feeds the batches that are ready, in order; with `wait`, first
        // gets the next one: annotates batches no worker has taken yet
        // until it is ready.
        let feed = |pending: &mut BTreeMap<u64, TextBatch>,
                    next: &mut u64,
                    bytes_fed: &mut u64,
                    wait: bool,
                    cleaner: &mut Cleaner<'_>,
                    wtr: &mut W|
         -> Result<(), stream::Error> {
            while wait && !pending.contains_key(next) {
                // This thread works on a batch no worker has taken yet
                // rather than wait.
                if let Some((s, data)) = jobs.try_pop() {
                    pending.insert(s, annotate_here(data));
                    continue;
                }
                let (s, b) = done_rx.recv().expect(WORKERS_GONE);
                pending.insert(s, b);
            }
            while let Ok((s, b)) = done_rx.try_recv() {
                pending.insert(s, b);
            }
            while let Some(b) = pending.remove(next) {
                consume(&b, cleaner);
                *next += 1;
                *bytes_fed += b.data.len() as u64;
                // A batch grown by a long line is not kept.
                if pool.data.put(b.data) {
                    pool.shells.lock().unwrap().push((b.lines, b.arena));
                }
                if cleaner.output_len() >= 1 << 16 {
                    cleaner.drain_to(wtr).map_err(stream::Error::Write)?;
                }
            }
            Ok(())
        };
        let mut cut = first;
        let result = loop {
            let data = match cut {
                Some(0) => {
                    // A line too long to batch: the cleaner takes it here
                    // once everything before it is in.
                    let mut res = Ok(());
                    while res.is_ok() && next < sent {
                        res = feed(
                            &mut pending,
                            &mut next,
                            &mut bytes_fed,
                            true,
                            cleaner,
                            wtr,
                        );
                    }
                    if let Err(e) = res {
                        break Err(e);
                    }
                    if memchr::memchr(b'\r', &buf).is_some() {
                        // `\r` line ends: the serial reader knows them.
                        serial_rest = Some(std::mem::take(&mut buf));
                        break Ok(());
                    }
                    if let Err(e) =
                        one_line(&mut rdr, &mut buf, cleaner, wtr, batch)
                    {
                        break Err(e);
                    }
                    cut = match next_cut(&mut rdr, &mut buf) {
                        Ok(c) => c,
                        Err(e) => break Err(stream::Error::Read(e)),
                    };
                    continue;
                }
                Some(c) => pool.data.cut(&mut buf, c, batch + batch / 8),
                None => std::mem::take(&mut buf),
            };
            bytes_sent += data.len() as u64;
            jobs.push((sent, data));
            sent += 1;
            // Workers behind: this thread takes the oldest batch itself.
            if let Some((s, data)) = jobs.pop_beyond(workers + 1) {
                pending.insert(s, annotate_here(data));
            }
            let mut res = Ok(());
            let mut wait = false;
            while res.is_ok() {
                res = feed(
                    &mut pending,
                    &mut next,
                    &mut bytes_fed,
                    wait,
                    cleaner,
                    wtr,
                );
                wait = bytes_sent - bytes_fed > budget;
                if !wait {
                    break;
                }
            }
            if let Err(e) = res {
                break Err(e);
            }
            if cut.is_none() {
                break Ok(());
            }
            cut = match next_cut(&mut rdr, &mut buf) {
                Ok(c) => c,
                Err(e) => break Err(stream::Error::Read(e)),
            };
        };
        jobs.close();
        result?;
        while next < sent {
            feed(&mut pending, &mut next, &mut bytes_fed, true, cleaner, wtr)?;
        }
        Ok(())
    })?;
    if let Some(rest) = serial_rest {
        let opts = stream::Options::default();
        return stream::run(
            io::Cursor::new(rest).chain(rdr),
            wtr,
            cleaner,
            &opts,
        );
    }
    cleaner.end_document();
    cleaner.drain_to(wtr).map_err(stream::Error::Write)?;
    wtr.flush().map_err(stream::Error::Write)
}

/// Batch buffers given back for reuse (a batch's input once cleaned, a
/// record batch's output once written), so a run allocates its batch
/// memory about once. Allocating afresh per batch on several threads left
/// the heaps fragmented and the resident memory growing (text), and made
/// the allocator hand pages back to the kernel and fault them in again
/// (`-z -j 2`, 1 GiB: 36,000 page faults against 2,800 on one thread).
struct Buffers {
    free: Mutex<Vec<Vec<u8>>>,
    /// A buffer a line or record larger than a batch grew past this is
    /// freed: the memory of a few large ones is not held for the run.
    max: usize,
    /// The most free buffers kept (there are never more than the batches
    /// in flight need, so this only bounds an unexpected case).
    keep: usize,
}

impl Buffers {
    fn new(max: usize, keep: usize) -> Buffers {
        Buffers { free: Mutex::new(Vec::new()), max, keep }
    }

    /// An empty buffer, reused if one is free.
    fn get(&self) -> Vec<u8> {
        self.free.lock().unwrap().pop().unwrap_or_default()
    }

    /// Gives `buf` back; whether it was kept.
    fn put(&self, mut buf: Vec<u8>) -> bool {
        if buf.capacity() > self.max {
            return false;
        }
        buf.clear();
        let mut free = self.free.lock().unwrap();
        if free.len() >= self.keep {
            return false;
        }
        free.push(buf);
        true
    }

    /// Cuts the batch `buf[..at]` off `buf` and returns it; the rest moves
    /// to a reused buffer with room for at least `room` bytes, which
    /// becomes `buf`.
    fn cut(&self, buf: &mut Vec<u8>, at: usize, room: usize) -> Vec<u8> {
        let mut rest = self.get();
        rest.reserve(room.max(buf.len() - at));
        rest.extend_from_slice(&buf[at..]);
        buf.truncate(at);
        std::mem::replace(buf, rest)
    }
}

/// A queue of jobs for worker threads that the thread filling it may also
/// take jobs from.
struct Queue<T> {
    state: Mutex<(std::collections::VecDeque<T>, bool)>,
    ready: std::sync::Condvar,
}

impl<T> Default for Queue<T> {
    fn default() -> Self {
        Queue {
            state: Mutex::new((std::collections::VecDeque::new(), false)),
            ready: std::sync::Condvar::new(),
        }
    }
}

impl<T> Queue<T> {
    fn push(&self, job: T) {
        self.state.lock().unwrap().0.push_back(job);
        self.ready.notify_one();
    }

    fn try_pop(&self) -> Option<T> {
        self.pop_beyond(0)
    }

    /// The oldest job, if more than `n` are queued (the workers are
    /// behind).
    fn pop_beyond(&self, n: usize) -> Option<T> {
        let mut st = self.state.lock().unwrap();
        if st.0.len() > n { st.0.pop_front() } else { None }
    }

    /// The next job; None once the queue is closed and empty.
    fn pop_wait(&self) -> Option<T> {
        let mut st = self.state.lock().unwrap();
        loop {
            if let Some(job) = st.0.pop_front() {
                return Some(job);
            }
            if st.1 {
                return None;
            }
            st = self.ready.wait(st).unwrap();
        }
    }

    fn close(&self) {
        self.state.lock().unwrap().1 = true;
        self.ready.notify_all();
    }
}

/// Appends up to `size` bytes of `rdr` to `buf`; returns how many (0 at the
/// end of the input).
fn read_more<R: Read>(
    rdr: &mut R,
    buf: &mut Vec<u8>,
    size: usize,
) -> io::Result<usize> {
    loop {
        match rdr.take(size as u64).read_to_end(buf) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            r => return r,
        }
    }
}

/// Hands the line that starts `buf` (a line with no line end in `buf`) to
/// `cleaner` on this thread, reading on to its end as [`stream::run`]
/// would (in pieces once it reaches the line limit); leaves what follows
/// it in `buf`.
fn one_line<R: Read, W: Write + ?Sized>(
    rdr: &mut R,
    buf: &mut Vec<u8>,
    cleaner: &mut Cleaner<'_>,
    wtr: &mut W,
    batch: usize,
) -> Result<(), stream::Error> {
    let read = |rdr: &mut R, buf: &mut Vec<u8>| {
        read_more(rdr, buf, batch).map_err(stream::Error::Read)
    };
    let max_line = cleaner.config().max_line.max(1);
    // Room for the longest line kept whole and one more read, at once:
    // growing by doubling would touch twice the memory.
    buf.reserve_exact((max_line + batch).saturating_sub(buf.len()));
    let mut long = false;
    loop {
        if let Some(i) = memchr::memchr2(b'\n', b'\r', buf) {
            // Whether a `\r` is a `\r\n` takes one more byte.
            if buf[i] == b'\r' && i + 1 == buf.len() && read(rdr, buf)? > 0 {
                continue;
            }
            let mut end = i + 1;
            if buf[i] == b'\r' && buf.get(end) == Some(&b'\n') {
                end += 1;
            }
            if long || i >= max_line {
                if i > 0 {
                    cleaner.long_piece(&buf[..i]);
                }
                cleaner.long_end();
            } else {
                cleaner.line(&buf[..i]);
            }
            cleaner.count_bytes_in(end);
            buf.drain(..end);
            return Ok(());
        }
        if long || buf.len() >= max_line {
            if !buf.is_empty() {
                cleaner.count_bytes_in(buf.len());
                cleaner.long_piece(buf);
                buf.clear();
                // A long line is written as it comes.
                cleaner.drain_to(wtr).map_err(stream::Error::Write)?;
            }
            long = true;
        }
        if read(rdr, buf)? == 0 {
            if long {
                cleaner.long_end();
            } else if !buf.is_empty() {
                cleaner.count_bytes_in(buf.len());
                cleaner.line(buf);
                buf.clear();
            }
            return Ok(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cleans `input` serially and with `run_text` in batches of `batch`
    /// bytes on `threads` threads; returns both outputs and statistics.
    fn both(
        input: &[u8],
        config: &Config,
        threads: usize,
        batch: usize,
    ) -> ((Vec<u8>, Stats), (Vec<u8>, Stats)) {
        let rules = Rules::builtin();
        let mut serial = Cleaner::new(&rules, config.clone());
        let mut a = Vec::new();
        stream::run(input, &mut a, &mut serial, &stream::Options::default())
            .unwrap();
        let mut par = Cleaner::new(&rules, config.clone());
        let mut b = Vec::new();
        run_text_batched(input, &mut b, &mut par, threads, batch).unwrap();
        ((a, serial.stats().clone()), (b, par.stats().clone()))
    }

    fn same_stats(a: &Stats, b: &Stats) {
        assert_eq!(
            (a.docs, a.lines_in, a.lines_out, a.bytes_in, a.bytes_out),
            (b.docs, b.lines_in, b.lines_out, b.bytes_in, b.bytes_out)
        );
        assert_eq!(a.long_lines, b.long_lines);
        assert_eq!(a.by_rule, b.by_rule);
        assert_eq!(a.by_heuristic, b.by_heuristic);
        assert_eq!(a.by_context, b.by_context);
    }

    #[test]
    fn batches_of_a_page_clean_it_as_one_thread_does() {
        let page = b"Home | News | Sport\r\n\r\nCouncil votes on the budget\r\nThe council voted 7-2 on Tuesday to approve the budget, after a debate that lasted most of the evening and drew a large crowd.\n\nShare this article\nFacebook\nTwitter\n\nPhoto: Jane Doe/Reuters\nThe mayor said the vote was a relief for the city and its workers.\rLeave a reply\rNice article!\n";
        for batch in [1, 7, 40, 64, 1000] {
            for threads in [1, 2, 3] {
                let ((a, sa), (b, sb)) =
                    both(page, &Config::default(), threads, batch);
                assert_eq!(
                    String::from_utf8_lossy(&a),
                    String::from_utf8_lossy(&b),
                    "batch {batch}, threads {threads}"
                );
                same_stats(&sa, &sb);
            }
        }
    }

    /// The output of a record stream, and its statistics and counts or
    /// its error.
    type Outcome = (Vec<u8>, Result<(Stats, jsonl::Counts), String>);

    /// Cleans the record stream `input` in one batch on this thread (the
    /// serial code) and with `run_batched` in batches of `batch` bytes on
    /// `threads` threads.
    fn records_both(
        input: &[u8],
        format: &Format,
        threads: usize,
        batch: usize,
    ) -> (Outcome, Outcome) {
        let rules = Rules::builtin();
        let config = Config {
            record_terminator: matches!(format, Format::Nul).then_some(0),
            ..Config::default()
        };
        let mut serial = Cleaner::new(&rules, config.clone());
        let mut counts = jsonl::Counts::default();
        let whole = Batch { seq: 0, data: input.to_vec() };
        let mut bufs = jsonl::Buffers::new("text");
        let done = clean_batch(
            &whole,
            Vec::new(),
            &mut serial,
            format,
            &mut bufs,
            &mut counts,
        );
        let a = match done.err {
            None => Ok((serial.stats().clone(), counts)),
            Some(e) => Err(e.to_string()),
        };
        let mut out = Vec::new();
        let b = run_batched(
            input, &mut out, &rules, &config, format, threads, batch,
        )
        .map_err(|e| e.to_string());
        ((done.out, a), (out, b))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        /// Whatever the documents, batch size and thread count (the
        /// reading thread cleaning batches too, in any order with the
        /// workers), a NUL or JSONL stream comes out as the serial code
        /// writes it, with the same counts; an invalid JSON line fails the
        /// run with the serial code's message, which names its line, after
        /// the records before it are written.
        #[test]
        fn record_streams_equal_the_serial_code(
            docs in proptest::collection::vec(proptest::collection::vec(proptest::sample::select(vec![
                "\n", "\n\n", " ", "\u{a0}", "word ", "Share this", "Leave a reply",
                "The council voted on Tuesday to approve the plan.", "Advertisement",
                "12 Comments", "Related stories", "\u{200b}", "é", "\"quoted\"",
            ]), 0..12), 0..40),
            jsonl in proptest::bool::ANY,
            invalid in proptest::option::of(0usize..40),
            skip_invalid in proptest::bool::ANY,
            batch in 1usize..300,
            threads in 2usize..5,
        ) {
            let mut input = Vec::new();
            for (i, doc) in docs.iter().enumerate() {
                let text = doc.concat();
                if jsonl {
                    if invalid == Some(i) {
                        input.extend_from_slice(b"{\"text\": oops}\n");
                    }
                    let rec = format!("{{\"id\":{i},\"text\":{text:?}}}\n");
                    input.extend_from_slice(rec.as_bytes());
                } else {
                    input.extend_from_slice(text.as_bytes());
                    input.push(0);
                }
            }
            let format = if jsonl {
                Format::Jsonl(jsonl::Options { skip_invalid, ..jsonl::Options::default() })
            } else {
                Format::Nul
            };
            let ((a, ra), (b, rb)) = records_both(&input, &format, threads, batch);
            proptest::prop_assert_eq!(String::from_utf8_lossy(&a), String::from_utf8_lossy(&b));
            match (ra, rb) {
                (Ok((sa, ca)), Ok((sb, cb))) => {
                    same_stats(&sa, &sb);
                    proptest::prop_assert_eq!(ca, cb);
                }
                (Err(a), Err(b)) => proptest::prop_assert_eq!(a, b),
                (a, b) => proptest::prop_assert!(false, "serial {:?}, threads {:?}", a.is_ok(), b.is_ok()),
            }
        }

        /// Whatever the line ends, line lengths (over the line limit too),
        /// batch size and thread count, `run_text` writes what
        /// `stream::run` writes and counts the same.
        #[test]
        fn run_text_equals_the_serial_stream(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                &b"\n"[..], b"\r\n", b"\r", b"\n\n", b" ", "\u{a0}".as_bytes(), b"word ",
                b"Share this", b"Leave a reply", b"Photo: AP",
                b"The council voted on Tuesday to approve the plan.", b"Advertisement",
                b"12 Comments", b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                b"Related stories", "\u{200b}".as_bytes(), b"\t", "\u{feff}".as_bytes(),
                "é".as_bytes(), b"\xff\xfe",
            ]), 0..300),
            batch in 1usize..200,
            threads in 1usize..4,
            max_line in proptest::sample::select(vec![16usize, 80, 1 << 20]),
        ) {
            let input = parts.concat();
            let config = Config { max_line, ..Config::default() };
            let ((a, sa), (b, sb)) = both(&input, &config, threads, batch);
            proptest::prop_assert_eq!(String::from_utf8_lossy(&a), String::from_utf8_lossy(&b));
            same_stats(&sa, &sb);
        }
    }
}
