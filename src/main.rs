//! The `clean` command line: arguments → configuration → run → exit code.

use std::fs::File;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::Parser;

use clean::rules::{self, Rules};
use clean::{Cleaner, Config, stream};

/// Strip page chrome (comment prompts, share rows, credits, bylines, menus,
/// …) from scraped article text and normalize its whitespace.
///
/// Reads each FILE (or standard input) as one document and writes the
/// cleaned text to standard output. Several FILEs are cleaned as separate
/// documents, separated by one blank line.
///
/// Exit status: 0 on success (a closed output pipe counts as success),
/// 2 on any error.
#[derive(Debug, Parser)]
#[command(name = "clean", version, about, max_term_width = 100)]
struct Args {
    /// Input files; none or `-` means standard input.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,

    /// Also use the rules in FILE (same format as --print-builtin).
    /// Repeatable; applied after the builtin rules.
    #[arg(long = "rules", value_name = "FILE")]
    rules: Vec<PathBuf>,

    /// Do not use the builtin rules.
    #[arg(long)]
    no_builtin: bool,

    /// Do not use the builtin heuristics (dates, separators, repeats,
    /// Markdown leftovers, contact lines, document edges, blocks).
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
    /// bytes in and out, and lines removed per rule and heuristic.
    #[arg(long)]
    stats: bool,

    /// Write the output after every input line (for `tail -f | clean`).
    #[arg(long)]
    line_buffered: bool,

    /// Input and output are NUL-terminated documents (one output record
    /// per input record, an empty one when nothing is left).
    #[arg(short = 'z', long)]
    null_data: bool,
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

/// Runs `clean`; `Ok(false)` means some inputs failed and were reported.
fn run(args: Args) -> anyhow::Result<bool> {
    if args.print_builtin {
        let mut out = io::stdout().lock();
        out.write_all(rules::BUILTIN.as_bytes())?;
        out.flush()?;
        return Ok(true);
    }
    let rules = load_rules(&args)?;
    let config = Config {
        heuristics: !args.no_heuristics,
        explain: args.explain,
        record_terminator: args.null_data.then_some(0),
        ..Config::default()
    };
    let mut cleaner = Cleaner::new(&rules, config);
    let opts = stream::Options {
        record_terminator: args.null_data.then_some(0),
        line_buffered: args.line_buffered,
        end_document_at_eof: true,
    };
    let started = std::time::Instant::now();
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut ok = true;
    let stdin_only = args.files.is_empty();
    let inputs: Vec<PathBuf> =
        if stdin_only { vec![PathBuf::from("-")] } else { args.files.clone() };
    for path in &inputs {
        if path.as_os_str() == "-" {
            let res =
                stream::run(io::stdin().lock(), &mut out, &mut cleaner, &opts);
            check(res, "standard input")?;
            continue;
        }
        let file = match open(path) {
            Ok(f) => f,
            Err(err) => {
                // Like cat and grep: report, go on with the other files,
                // and exit with an error status at the end.
                out.flush().context("writing output")?;
                let _ = writeln!(io::stderr(), "clean: {err:#}");
                ok = false;
                continue;
            }
        };
        let res = stream::run(file, &mut out, &mut cleaner, &opts);
        check(res, &path.display().to_string())?;
    }
    out.flush().context("writing output")?;
    if args.stats {
        print_stats(&cleaner, started.elapsed())?;
    }
    Ok(ok)
}

/// Opens an input file, refusing directories with a clear message.
fn open(path: &PathBuf) -> anyhow::Result<File> {
    let file =
        File::open(path).with_context(|| format!("{}", path.display()))?;
    let meta =
        file.metadata().with_context(|| format!("{}", path.display()))?;
    if meta.is_dir() {
        anyhow::bail!("{}: is a directory", path.display());
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
        let text = std::fs::read(path)
            .with_context(|| format!("reading rules {}", path.display()))?;
        rules::parse(&path.display().to_string(), &text, &mut list)?;
    }
    Ok(Rules::new(list)?)
}

/// Turns a stream error into a message naming the input or the output.
fn check(res: Result<(), stream::Error>, input: &str) -> anyhow::Result<()> {
    match res {
        Ok(()) => Ok(()),
        Err(stream::Error::Read(e)) => {
            Err(e).context(format!("reading {input}"))
        }
        Err(stream::Error::Write(e)) => Err(e).context("writing output"),
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|e| e.downcast_ref::<io::Error>())
        .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
}

/// Writes the `--stats` summary to standard error.
fn print_stats(
    cleaner: &Cleaner<'_>,
    elapsed: std::time::Duration,
) -> io::Result<()> {
    let s = cleaner.stats();
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
    let rules = cleaner.rules().rules();
    let mut rows: Vec<(u64, String)> = Vec::new();
    for (id, &n) in s.by_rule.iter().enumerate() {
        if n > 0 {
            rows.push((n, format!("rule {}", rules[id])));
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
        if n > 0 {
            rows.push((n, format!("context {}", r.name())));
        }
    }
    rows.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    for (n, what) in rows {
        writeln!(e, "{n:>10}  {what}")?;
    }
    if s.long_lines > 0 {
        writeln!(e, "{:>10}  long lines passed through", s.long_lines)?;
    }
    Ok(())
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
