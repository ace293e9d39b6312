//! The `clean` command line: arguments → configuration → run → exit code.

use std::fs::{self, File};
use std::io::{self, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use clap::Parser;

use clean::rules::{self, Rules};
use clean::{Cleaner, Config, jsonl, parallel, stream, wet};

/// Strip page chrome (comment prompts, share rows, credits, bylines, menus,
/// …) from scraped article text and normalize its whitespace.
///
/// Reads each FILE (or standard input) as one document and writes the
/// cleaned text to standard output. Several FILEs are cleaned as separate
/// documents, separated by one blank line. With -z, --jsonl or --wet a
/// stream holds many documents.
///
/// Exit status: 0 on success (a closed output pipe counts as success),
/// 2 on any error.
#[derive(Debug, Parser)]
#[command(name = "clean", version, about, max_term_width = 100)]
struct Args {
    /// Input files; none or `-` means standard input.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,

    /// Read more input file names from F, NUL-separated (`find -print0`);
    /// `-` means standard input.
    #[arg(long, value_name = "F")]
    files0_from: Option<PathBuf>,

    /// Write each input's output to DIR under the input's file name
    /// (written to a temporary file, then renamed into place).
    #[arg(short = 'o', long = "output-dir", value_name = "DIR")]
    output_dir: Option<PathBuf>,

    /// Replace each input file with its cleaned version (atomically).
    #[arg(long, conflicts_with = "output_dir")]
    in_place: bool,

    /// Also use the rules in FILE (same format as --print-builtin).
    /// Repeatable; applied after the builtin rules.
    #[arg(long = "rules", value_name = "FILE")]
    rules: Vec<PathBuf>,

    /// Do not use the builtin rules.
    #[arg(long)]
    no_builtin: bool,

    /// Do not use the builtin heuristics (dates, separators, repeats,
    /// Markdown leftovers, contact lines, bylines, context).
    #[arg(long)]
    no_heuristics: bool,

    /// Print the builtin rule file and exit.
    #[arg(long)]
    print_builtin: bool,

    /// Instead of the cleaned text, print one tab-separated row per input
    /// line: document, line, verdict (keep/drop/blank), the rule or
    /// heuristic that decided it, and the normalized line.
    #[arg(long)]
    explain: bool,

    /// Print a summary to standard error at the end: documents, lines and
    /// bytes in and out, time, and lines removed per rule, category and
    /// heuristic.
    #[arg(long)]
    stats: bool,

    /// Write the --stats summary as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    stats_json: Option<PathBuf>,

    /// Write the output after every input line or record.
    #[arg(long)]
    line_buffered: bool,

    /// Input and output are NUL-terminated documents (one output record
    /// per input record, an empty one when nothing is left).
    #[arg(short = 'z', long, conflicts_with_all = ["jsonl", "wet"])]
    null_data: bool,

    /// Input and output are JSON Lines; the --text-key field of each
    /// object is cleaned, everything else is passed through byte for byte.
    #[arg(long, conflicts_with = "wet")]
    jsonl: bool,

    /// The JSON field to clean.
    #[arg(
        long,
        value_name = "KEY",
        default_value = "text",
        requires = "jsonl"
    )]
    text_key: String,

    /// With --jsonl: pass invalid lines through unchanged (counted)
    /// instead of failing.
    #[arg(long, requires = "jsonl")]
    skip_invalid: bool,

    /// With --jsonl or --wet --to-jsonl: drop records whose text comes out
    /// empty (counted).
    #[arg(long)]
    drop_empty: bool,

    /// Input is Common Crawl WET (WARC), plain or gzip: each `conversion`
    /// record's text is cleaned; output is WARC (see the README).
    #[arg(long)]
    wet: bool,

    /// With --wet: write one JSON line per page (url, date, language,
    /// text) instead of WARC.
    #[arg(long, requires = "wet")]
    to_jsonl: bool,

    /// Never show a progress bar. (It is shown on standard error only when
    /// that is a terminal and the run takes more than a second.)
    #[arg(long)]
    no_progress: bool,

    /// Clean on N threads: the documents of a -z or --jsonl stream, the
    /// lines of a text document (worked out on N threads, decided in order
    /// on the one that reads, which is one of the N), or the files of
    /// -o DIR / --in-place. Output is
    /// identical to -j 1. Default: the number of CPUs, at most 4, for text
    /// written to standard output; 1 otherwise (the memory of record
    /// streams grows with their largest records per thread). (--wet
    /// streams, --explain and --line-buffered use one thread.)
    #[arg(short = 'j', long, value_name = "N",
          value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
}

/// Threads without `-j`: text to standard output is cleaned on as many
/// threads as there are CPUs, up to this many (past it the thread that
/// decides the lines in order is the bottleneck).
const AUTO_THREADS: usize = 4;

/// The threads to clean a stream on: `-j N`, or for text without it the
/// number of CPUs up to [`AUTO_THREADS`]; 1 for record streams without it.
fn threads_for(args: &Args, mode: Mode) -> usize {
    match args.threads {
        Some(n) => usize::from(n),
        None if mode == Mode::Text => std::thread::available_parallelism()
            .map_or(1, |n| n.get().min(AUTO_THREADS)),
        None => 1,
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(2),
        // Rust ignores SIGPIPE, so `clean | head` shows up as an EPIPE
        // error on write; like `rg`, treat it as a normal end.
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let _ = writeln!(io::stderr(), "clean: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// How the input is split into documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Text,
    Nul,
    Jsonl,
    Wet,
}

/// Runs `clean`; `Ok(false)` means some inputs failed and were reported.
fn run(args: Args) -> anyhow::Result<bool> {
    if args.print_builtin {
        let mut out = io::stdout().lock();
        out.write_all(rules::BUILTIN.as_bytes())?;
        out.flush()?;
        return Ok(true);
    }
    let mode = if args.null_data {
        Mode::Nul
    } else if args.jsonl {
        Mode::Jsonl
    } else if args.wet {
        Mode::Wet
    } else {
        Mode::Text
    };
    let rules = load_rules(&args)?;
    let config = Config {
        heuristics: !args.no_heuristics,
        explain: args.explain,
        record_terminator: (mode == Mode::Nul).then_some(0),
        ..Config::default()
    };
    let inputs = inputs(&args)?;
    if let Some(dir) = &args.output_dir {
        fs::create_dir_all(dir)
            .with_context(|| format!("creating {}", dir.display()))?;
    }
    let mut cleaner = Cleaner::new(&rules, config);
    let progress = Progress::new(&args, &inputs);
    let mut counts = Counts::default();
    let started = std::time::Instant::now();
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut ok = true;
    let separate = args.output_dir.is_some() || args.in_place;
    // Statistics gathered on other threads.
    let mut extra = clean::Stats::default();
    // -o DIR / --in-place: one file per thread, one thread without -j.
    let file_threads = usize::from(args.threads.unwrap_or(1));
    let files_on_threads = separate && file_threads > 1 && !args.explain;
    if files_on_threads {
        let (all_ok, stats, c) =
            files_parallel(&args, mode, &inputs, &rules, &cleaner, &progress);
        ok &= all_ok;
        extra.merge(&stats);
        counts.add(&c);
    }
    let mut done = 0;
    for path in &inputs {
        let name = display(path);
        if files_on_threads {
            break;
        }
        if separate {
            let res = clean_to_file(
                &args,
                mode,
                path,
                &mut cleaner,
                &progress,
                &mut counts,
            );
            done += 1;
            progress.file_done(done, inputs.len());
            if let Err(err) = res {
                if is_broken_pipe(&err) {
                    return Err(err);
                }
                let _ = writeln!(io::stderr(), "clean: {err:#}");
                ok = false;
            }
            continue;
        }
        let rdr: Box<dyn Read> = if path.as_os_str() == "-" {
            progress.wrap(io::stdin().lock())
        } else {
            match open(path) {
                Ok(f) => progress.wrap(f),
                Err(err) => {
                    // Like cat and grep: report, go on with the other
                    // files, and exit with an error status at the end.
                    out.flush().context("writing output")?;
                    let _ = writeln!(io::stderr(), "clean: {err:#}");
                    ok = false;
                    continue;
                }
            }
        };
        let threads = threads_for(&args, mode);
        if threads > 1
            && !args.explain
            && matches!(mode, Mode::Nul | Mode::Jsonl)
        {
            let format = if mode == Mode::Nul {
                parallel::Format::Nul
            } else {
                parallel::Format::Jsonl(jsonl_options(&args))
            };
            let cfg = cleaner.config().clone();
            let res =
                parallel::run(rdr, &mut out, &rules, &cfg, &format, threads);
            let (stats, c) = check_records(res, &name)?;
            extra.merge(&stats);
            counts.add(&c.into());
            continue;
        }
        if threads > 1
            && !args.explain
            && !args.line_buffered
            && mode == Mode::Text
        {
            let res = parallel::run_text(rdr, &mut out, &mut cleaner, threads);
            check(res, &name)?;
            continue;
        }
        process(&args, mode, rdr, &mut out, &mut cleaner, &mut counts, &name)?;
    }
    out.flush().context("writing output")?;
    progress.finish();
    let elapsed = started.elapsed();
    let mut stats = cleaner.stats().clone();
    stats.merge(&extra);
    if args.stats {
        print_stats(&stats, &rules, &counts, elapsed)?;
    }
    if let Some(path) = &args.stats_json {
        let json = stats_json(&stats, &rules, &counts, elapsed);
        fs::write(path, format!("{json:#}\n"))
            .with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(ok)
}

/// A progress bar on standard error: bytes read (of the total when all
/// inputs are regular files), rate and ETA. It stays hidden unless standard
/// error is a terminal, and appears only after a second, so short runs and
/// logs (make, CI, Spark) never see it.
#[derive(Clone)]
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    start: std::time::Instant,
    delay: std::time::Duration,
    shown: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl Progress {
    fn new(args: &Args, inputs: &[PathBuf]) -> Progress {
        use std::io::IsTerminal;
        let delay = std::env::var("CLEAN_PROGRESS_DELAY_MS")
            .ok()
            .and_then(|v| v.parse().ok())
            .map(std::time::Duration::from_millis)
            .unwrap_or(std::time::Duration::from_secs(1));
        let enabled =
            !args.no_progress && !args.explain && io::stderr().is_terminal();
        let bar = enabled.then(|| {
            let total: Option<u64> = inputs
                .iter()
                .map(|p| fs::metadata(p).ok().filter(|m| m.is_file()).map(|m| m.len()))
                .sum();
            let target = indicatif::ProgressDrawTarget::hidden();
            let bar = indicatif::ProgressBar::with_draw_target(total, target);
            let template = if total.is_some() {
                "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}"
            } else {
                "{spinner} [{elapsed_precise}] {bytes} {bytes_per_sec} {msg}"
            };
            if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
                bar.set_style(style);
            }
            bar
        });
        Progress {
            bar,
            start: std::time::Instant::now(),
            delay,
            shown: Default::default(),
        }
    }

    /// Wraps an input so that reading it advances the bar.
    fn wrap<'a, R: Read + 'a>(&self, rdr: R) -> Box<dyn Read + 'a> {
        match &self.bar {
            None => Box::new(rdr),
            Some(_) => {
                Box::new(ProgressReader { inner: rdr, progress: self.clone() })
            }
        }
    }

    fn advance(&self, n: usize) {
        let Some(bar) = &self.bar else { return };
        bar.inc(n as u64);
        use std::sync::atomic::Ordering;
        if !self.shown.load(Ordering::Relaxed)
            && self.start.elapsed() >= self.delay
        {
            self.shown.store(true, Ordering::Relaxed);
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
    }

    fn file_done(&self, n: usize, of: usize) {
        if let Some(bar) = &self.bar {
            bar.set_message(format!("files {n}/{of}"));
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

struct ProgressReader<R> {
    inner: R,
    progress: Progress,
}

impl<R: Read> Read for ProgressReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.progress.advance(n);
        Ok(n)
    }
}

/// Record counters of the multi-document modes.
#[derive(Debug, Default)]
struct Counts {
    records: u64,
    invalid: u64,
    dropped_empty: u64,
    passed_through: u64,
}

impl From<jsonl::Counts> for Counts {
    fn from(c: jsonl::Counts) -> Counts {
        Counts {
            records: c.records,
            invalid: c.invalid,
            dropped_empty: c.dropped_empty,
            passed_through: 0,
        }
    }
}

impl From<wet::Counts> for Counts {
    fn from(c: wet::Counts) -> Counts {
        Counts {
            records: c.records,
            invalid: 0,
            dropped_empty: c.dropped_empty,
            passed_through: c.passed_through,
        }
    }
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.records += o.records;
        self.invalid += o.invalid;
        self.dropped_empty += o.dropped_empty;
        self.passed_through += o.passed_through;
    }
}

/// Cleans one input stream in `mode` into `out`.
fn process<W: Write>(
    args: &Args,
    mode: Mode,
    rdr: Box<dyn Read + '_>,
    out: &mut W,
    cleaner: &mut Cleaner<'_>,
    counts: &mut Counts,
    name: &str,
) -> anyhow::Result<()> {
    let sopts = stream::Options {
        record_terminator: (mode == Mode::Nul).then_some(0),
        line_buffered: args.line_buffered,
        end_document_at_eof: true,
        count_input: true,
        size_hint: None,
    };
    match mode {
        Mode::Text | Mode::Nul => {
            check(stream::run(rdr, out, cleaner, &sopts), name)
        }
        Mode::Jsonl => {
            let opts = jsonl_options(args);
            // Records are cleaned in place in this buffer when they fit.
            let rdr = BufReader::with_capacity(stream::READ_SIZE, rdr);
            let c = check_records(jsonl::run(rdr, out, cleaner, &opts), name)?;
            counts.add(&c.into());
            Ok(())
        }
        Mode::Wet => {
            let opts = wet::Options {
                to_jsonl: args.to_jsonl,
                drop_empty: args.drop_empty,
                line_buffered: args.line_buffered,
            };
            let rdr = BufReader::with_capacity(1 << 16, rdr);
            let c = check_records(wet::run(rdr, out, cleaner, &opts), name)?;
            counts.add(&c.into());
            Ok(())
        }
    }
}

fn jsonl_options(args: &Args) -> jsonl::Options {
    jsonl::Options {
        text_key: args.text_key.clone(),
        skip_invalid: args.skip_invalid,
        drop_empty: args.drop_empty,
        line_buffered: args.line_buffered,
        first_line: 1,
    }
}

/// Cleans the files of `-o DIR`/`--in-place` on several threads, each with
/// its own cleaner. Errors are reported as they happen; returns false if
/// any input failed.
fn files_parallel(
    args: &Args,
    mode: Mode,
    inputs: &[PathBuf],
    rules: &Rules,
    proto: &Cleaner<'_>,
    progress: &Progress,
) -> (bool, clean::Stats, Counts) {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let files = AtomicUsize::new(0);
    let total = Mutex::new((clean::Stats::default(), Counts::default(), true));
    std::thread::scope(|scope| {
        for _ in 0..usize::from(args.threads.unwrap_or(1)) {
            scope.spawn(|| {
                let mut cleaner = Cleaner::new(rules, proto.config().clone());
                let mut c = Counts::default();
                let mut ok = true;
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = inputs.get(i) else { break };
                    if let Err(err) = clean_to_file(
                        args,
                        mode,
                        path,
                        &mut cleaner,
                        progress,
                        &mut c,
                    ) {
                        let _ = writeln!(io::stderr(), "clean: {err:#}");
                        ok = false;
                    }
                    let n = files.fetch_add(1, Ordering::Relaxed) + 1;
                    progress.file_done(n, inputs.len());
                }
                let mut t = total.lock().unwrap();
                t.0.merge(cleaner.stats());
                t.1.add(&c);
                t.2 &= ok;
            });
        }
    });
    let (s, c, ok) = total.into_inner().unwrap();
    (ok, s, c)
}

/// Cleans `path` into its output file (`-o DIR` or `--in-place`): written
/// to a temporary file next to the output, then renamed over it, so no
/// reader ever sees a half-written output.
fn clean_to_file(
    args: &Args,
    mode: Mode,
    path: &Path,
    cleaner: &mut Cleaner<'_>,
    progress: &Progress,
    counts: &mut Counts,
) -> anyhow::Result<()> {
    if path.as_os_str() == "-" {
        bail!(
            "standard input cannot be cleaned into a file with -o or --in-place"
        );
    }
    let file_name = path
        .file_name()
        .with_context(|| format!("{}: no file name", path.display()))?;
    // Only the base name is used, so a `../` in an input name cannot
    // write outside DIR.
    let target = match &args.output_dir {
        Some(dir) => dir.join(file_name),
        None => path.to_path_buf(),
    };
    let input = open(path)?;
    if !args.in_place && same_file(path, &target) {
        bail!(
            "{}: output would overwrite the input (use --in-place to replace it)",
            path.display()
        );
    }
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp_name = format!(
        ".{}.clean-tmp-{}",
        file_name.to_string_lossy(),
        std::process::id()
    );
    remove_stale_temps(dir, &file_name.to_string_lossy());
    let tmp = dir.join(tmp_name);
    let result = (|| -> anyhow::Result<()> {
        let file = File::create(&tmp)
            .with_context(|| format!("creating {}", tmp.display()))?;
        let mut w = io::BufWriter::with_capacity(1 << 16, file);
        process(
            args,
            mode,
            progress.wrap(input),
            &mut w,
            cleaner,
            counts,
            &display(path),
        )?;
        let file = w
            .into_inner()
            .map_err(|e| e.into_error())
            .context("writing output")?;
        file.sync_all().context("writing output")?;
        fs::rename(&tmp, &target)
            .with_context(|| format!("renaming into {}", target.display()))?;
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    cleaner.end_document_if_open();
    cleaner.forget_separator();
    result
}

/// Removes temporary files an earlier, interrupted run left for `name`.
fn remove_stale_temps(dir: &Path, name: &str) {
    let prefix = format!(".{name}.clean-tmp-");
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            if e.file_name().to_string_lossy().starts_with(&prefix) {
                let _ = fs::remove_file(e.path());
            }
        }
    }
}

/// Returns true if and only if `a` and `b` name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// The input paths: FILE arguments, then `--files0-from`; stdin if none.
fn inputs(args: &Args) -> anyhow::Result<Vec<PathBuf>> {
    let mut inputs = args.files.clone();
    if let Some(list) = &args.files0_from {
        let mut data = Vec::new();
        if list.as_os_str() == "-" {
            io::stdin()
                .lock()
                .read_to_end(&mut data)
                .context("reading file names from standard input")?;
        } else {
            data = fs::read(list).with_context(|| {
                format!("reading file names from {}", list.display())
            })?;
        }
        for name in data.split(|&b| b == 0).filter(|n| !n.is_empty()) {
            inputs.push(path_from_bytes(name));
        }
        if inputs.is_empty() {
            bail!("{}: no file names", list.display());
        }
    }
    if inputs.is_empty() {
        inputs.push(PathBuf::from("-"));
    }
    Ok(inputs)
}

#[cfg(unix)]
fn path_from_bytes(b: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(b))
}

#[cfg(not(unix))]
fn path_from_bytes(b: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(b).into_owned())
}

fn display(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "standard input".to_string()
    } else {
        path.display().to_string()
    }
}

/// Opens an input file, refusing directories with a clear message.
fn open(path: &Path) -> anyhow::Result<File> {
    let file =
        File::open(path).with_context(|| format!("{}", path.display()))?;
    let meta =
        file.metadata().with_context(|| format!("{}", path.display()))?;
    if meta.is_dir() {
        bail!("{}: is a directory", path.display());
    }
    Ok(file)
}

/// Reads the builtin rules (unless `--no-builtin`) and every `--rules` file.
fn load_rules(args: &Args) -> anyhow::Result<Rules> {
    let mut list = Vec::new();
    if !args.no_builtin {
        rules::parse(
            rules::BUILTIN_NAME,
            rules::BUILTIN.as_bytes(),
            &mut list,
        )?;
    }
    for path in &args.rules {
        let text = fs::read(path)
            .with_context(|| format!("reading rules {}", path.display()))?;
        rules::parse(&path.display().to_string(), &text, &mut list)?;
    }
    Ok(Rules::new(list)?)
}

/// Turns a record reader's error into a message naming the input (and
/// the line or byte offset) or the output.
fn check_records<T>(
    res: Result<T, stream::RecordError>,
    input: &str,
) -> anyhow::Result<T> {
    match res {
        Ok(v) => Ok(v),
        Err(stream::RecordError::Io(e)) => Err(check_err(e, input)),
        Err(e) => Err(anyhow::anyhow!("{input}: {e}")),
    }
}

/// Names the input or the output in a stream error.
fn check_err(e: stream::Error, input: &str) -> anyhow::Error {
    match e {
        stream::Error::Read(e) => {
            anyhow::Error::new(e).context(format!("reading {input}"))
        }
        stream::Error::Write(e) => {
            anyhow::Error::new(e).context("writing output")
        }
    }
}

/// Turns a stream error into a message naming the input or the output.
fn check(res: Result<(), stream::Error>, input: &str) -> anyhow::Result<()> {
    res.map_err(|e| check_err(e, input))
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|e| e.downcast_ref::<io::Error>())
        .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
}

/// Lines removed per rule or heuristic (count, description), and per
/// rule category (name, count).
type Removals = (Vec<(u64, String)>, Vec<(String, u64)>);

/// One row per rule, category and heuristic that removed lines.
fn removal_rows(s: &clean::Stats, rules: &Rules) -> Removals {
    let rules = rules.rules();
    let mut rows = Vec::new();
    let mut cats: Vec<(String, u64)> = Vec::new();
    for (id, &n) in s.by_rule.iter().enumerate() {
        if n > 0 {
            rows.push((n, format!("rule {}", rules[id])));
            match cats.iter_mut().find(|(c, _)| *c == rules[id].category) {
                Some((_, m)) => *m += n,
                None => cats.push((rules[id].category.clone(), n)),
            }
        }
    }
    for (h, &n) in
        clean::heuristics::Heuristic::ALL.iter().zip(&s.by_heuristic)
    {
        if n > 0 {
            rows.push((n, format!("heuristic {h}")));
        }
    }
    for (r, &n) in clean::context::Reason::ALL.iter().zip(&s.by_context) {
        if n > 0 && *r != clean::context::Reason::Title {
            rows.push((n, format!("context {}", r.name())));
        }
    }
    rows.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    cats.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    (rows, cats)
}

/// Writes the `--stats` summary to standard error.
fn print_stats(
    s: &clean::Stats,
    rules: &Rules,
    counts: &Counts,
    elapsed: std::time::Duration,
) -> io::Result<()> {
    let mut e = io::stderr().lock();
    let secs = elapsed.as_secs_f64();
    let mbs = if secs > 0.0 { s.bytes_in as f64 / 1e6 / secs } else { 0.0 };
    writeln!(
        e,
        "clean: {} document(s); {} lines in, {} out, {} removed; \
         {} bytes in, {} out; {:.3} s, {:.1} MB/s",
        s.docs,
        s.lines_in,
        s.lines_out,
        s.dropped(),
        s.bytes_in,
        s.bytes_out,
        secs,
        mbs
    )?;
    if counts.records > 0 || counts.invalid > 0 {
        writeln!(
            e,
            "clean: {} record(s); {} invalid passed through, {} dropped empty, {} other WARC records passed through",
            counts.records,
            counts.invalid,
            counts.dropped_empty,
            counts.passed_through
        )?;
    }
    let (rows, cats) = removal_rows(s, rules);
    for (cat, n) in cats {
        writeln!(e, "{n:>10}  category {cat}")?;
    }
    for (n, what) in rows {
        writeln!(e, "{n:>10}  {what}")?;
    }
    if s.long_lines > 0 {
        writeln!(e, "{:>10}  long lines passed through", s.long_lines)?;
    }
    Ok(())
}

/// The `--stats-json` document.
fn stats_json(
    s: &clean::Stats,
    rules: &Rules,
    counts: &Counts,
    elapsed: std::time::Duration,
) -> serde_json::Value {
    let secs = elapsed.as_secs_f64();
    let (_, cats) = removal_rows(s, rules);
    let rules = rules.rules();
    let by_rule: Vec<serde_json::Value> = s
        .by_rule
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(id, n)| {
            let r = &rules[id];
            serde_json::json!({
                "source": r.source, "line": r.line, "kind": r.kind.name(),
                "phrase": r.phrase, "category": r.category, "removed": n,
            })
        })
        .collect();
    let mut heur = serde_json::Map::new();
    for (h, &n) in
        clean::heuristics::Heuristic::ALL.iter().zip(&s.by_heuristic)
    {
        heur.insert(h.name().to_string(), n.into());
    }
    for (r, &n) in clean::context::Reason::ALL.iter().zip(&s.by_context) {
        heur.insert(format!("context-{}", r.name()), n.into());
    }
    serde_json::json!({
        "version": env!("CARGO_PKG_VERSION"),
        "documents": s.docs,
        "records": counts.records,
        "records_invalid": counts.invalid,
        "records_dropped_empty": counts.dropped_empty,
        "warc_records_passed_through": counts.passed_through,
        "lines_in": s.lines_in,
        "lines_out": s.lines_out,
        "lines_removed": s.dropped(),
        "long_lines": s.long_lines,
        "bytes_in": s.bytes_in,
        "bytes_out": s.bytes_out,
        "elapsed_seconds": secs,
        "mb_per_second": if secs > 0.0 { s.bytes_in as f64 / 1e6 / secs } else { 0.0 },
        "removed_by_category": cats
            .into_iter()
            .map(|(k, v)| (k, serde_json::Value::from(v)))
            .collect::<serde_json::Map<String, serde_json::Value>>(),
        "removed_by_heuristic": heur,
        "removed_by_rule": by_rule,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_args() {
        Args::command().debug_assert();
    }
}
