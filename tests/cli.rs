//! Behaviour of the `clean` command line, through the real binary.

mod util;

use std::io::{Read, Write};
use std::process::Stdio;
use std::thread;

use util::{TempDir, clean_ok, cmd, run};

const PROSE: &str = "The city council approved the new budget on Tuesday \
after a long debate about school funding, road repairs and the future of the \
public library system, which has struggled with rising costs for years.";
const PROSE2: &str = "Residents who spoke at the meeting were divided, with \
some praising the plan for its focus on safety and others warning that the \
library cuts would hurt families who rely on free internet access.";

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn empty_input_gives_empty_output() {
    assert_eq!(clean_ok(&[], b""), b"");
    assert_eq!(clean_ok(&[], b"\n\n  \n\xC2\xA0\n"), b"");
}

#[test]
fn all_chrome_gives_empty_output() {
    let out = clean_ok(&[], b"Advertisement\n\nShare this article\n___\n");
    assert_eq!(out, b"");
}

#[test]
fn output_ends_with_one_newline() {
    assert_eq!(clean_ok(&[], b"a"), b"a\n");
    assert_eq!(clean_ok(&[], b"a\n\n\n"), b"a\n");
    assert_eq!(clean_ok(&[], b"\n\na\r\n\r\n\r\nb\r\n"), b"a\n\nb\n");
}

#[test]
fn crlf_cr_and_bom() {
    let out = clean_ok(&[], b"\xEF\xBB\xBFone\r\ntwo\rthree\r\n\rfour");
    assert_eq!(out, b"one\ntwo\nthree\n\nfour\n");
}

#[test]
fn invalid_utf8_round_trips() {
    let input = b"ok \xFF\xFE bytes\n\xC3\x28 \xA0\x80\n";
    assert_eq!(clean_ok(&[], input), input);
}

#[test]
fn idempotent_on_seeds() {
    for n in 0..5 {
        let path =
            util::root().join(format!("corpus-samples/seed-00{n}.in.txt"));
        let once = clean_ok(&[], &std::fs::read(path).unwrap());
        assert_eq!(clean_ok(&[], &once), once);
    }
}

#[test]
fn file_arguments_are_separate_documents() {
    let dir = TempDir::new("files");
    let a = dir.write("a.txt", b"First doc.\n\n");
    let b = dir.write("b.txt", b"Advertisement\n");
    let c = dir.write("c.txt", b"\nThird doc.");
    let out = clean_ok(
        &[a.to_str().unwrap(), b.to_str().unwrap(), c.to_str().unwrap()],
        b"",
    );
    assert_eq!(out, b"First doc.\n\nThird doc.\n");
    // `-` is standard input, in its place.
    let out = clean_ok(&[a.to_str().unwrap(), "-"], b"From stdin.");
    assert_eq!(out, b"First doc.\n\nFrom stdin.\n");
}

#[test]
fn missing_file_is_reported_and_others_processed() {
    let dir = TempDir::new("missing");
    let a = dir.write("a.txt", b"Kept text.\n");
    let missing = dir.path("nope.txt");
    let out = run(&[missing.to_str().unwrap(), a.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(out.stdout, b"Kept text.\n");
    let err = stderr(&out);
    assert!(err.starts_with("clean: ") && err.contains("nope.txt"), "{err}");
    assert!(err.contains("No such file"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn directory_argument_is_an_error() {
    let dir = TempDir::new("dirarg");
    let out = run(&[dir.0.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("is a directory"), "{err}");
}

#[test]
fn bad_rule_file_names_file_and_line() {
    let dir = TempDir::new("badrules");
    let rules = dir.write("my.rules", b"# ok\nline fine\nbogus phrase\n");
    let out = run(&["--rules", rules.to_str().unwrap()], b"text\n");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(out.stdout, b"");
    let err = stderr(&out);
    assert_eq!(
        err.trim_end(),
        format!(
            "clean: {}:3: unknown rule kind `bogus` (expected one of: line, \
             count, prefix, suffix, short, tail, tail-prefix, tail-count, tail-soft, block, \
             block-prefix)",
            rules.display()
        )
    );
    let out = run(&["--rules", "/nonexistent/rules"], b"text\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("clean: reading rules /nonexistent/rules: ")
    );
}

#[test]
fn user_rules_and_no_builtin() {
    let dir = TempDir::new("userrules");
    let rules =
        dir.write("my.rules", b"[house]\nline Brought to you by Acme\n");
    let input = b"Brought to you by ACME.\nAdvertisement\nText.\n";
    let r = rules.to_str().unwrap();
    assert_eq!(clean_ok(&["--rules", r], input), b"Text.\n");
    assert_eq!(
        clean_ok(&["--rules", r, "--no-builtin"], input),
        b"Advertisement\nText.\n"
    );
    assert_eq!(
        clean_ok(&["--no-builtin", "--no-heuristics"], b"___\nx\nx\n"),
        b"___\nx\nx\n"
    );
}

#[test]
fn print_builtin_is_a_valid_rule_file() {
    let text = clean_ok(&["--print-builtin"], b"");
    assert!(text.starts_with(b"# Builtin rules"));
    let dir = TempDir::new("printbuiltin");
    let path = dir.write("copy.rules", &text);
    // The printed rules used as a user file behave like the builtin ones.
    let input = b"Leave a reply:\nShare this article\nKept.\n";
    let out =
        clean_ok(&["--no-builtin", "--rules", path.to_str().unwrap()], input);
    assert_eq!(out, clean_ok(&[], input));
    assert_eq!(out, b"Kept.\n");
}

#[test]
fn explain_names_the_deciding_rule() {
    let out = clean_ok(&["--explain"], b"Share this\n\nText stays.\n___\n");
    let text = String::from_utf8(out).unwrap();
    let rows: Vec<Vec<&str>> =
        text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 4, "{text}");
    assert_eq!(rows[0][..3], ["1", "1", "drop"]);
    assert!(rows[0][3].starts_with("rule builtin:"), "{text}");
    assert!(rows[0][3].contains("line share this [share]"), "{text}");
    assert_eq!(rows[0][4], "Share this");
    assert_eq!(rows[1][..3], ["1", "2", "blank"]);
    assert_eq!(rows[2][..5], ["1", "3", "keep", "-", "Text stays."]);
    assert_eq!(rows[3][..5], ["1", "4", "drop", "heuristic separator", "___"]);
}

#[test]
fn stats_go_to_stderr() {
    let out = run(&["--stats"], b"Advertisement\nText.\nText.\n");
    assert!(out.status.success());
    assert_eq!(out.stdout, b"Text.\n");
    let err = stderr(&out);
    assert!(err.contains("3 lines in, 1 out, 2 removed"), "{err}");
    assert!(err.contains("line advertisement [ads]"), "{err}");
    assert!(err.contains("heuristic repeat"), "{err}");
}

#[test]
fn tail_marker_drops_the_rest_after_enough_text() {
    let input =
        format!("{PROSE}\n\n{PROSE2}\n\nLeave a reply\n\nNice post!\n");
    let out = String::from_utf8(clean_ok(&[], input.as_bytes())).unwrap();
    assert_eq!(out, format!("{PROSE}\n\n{PROSE2}\n"));
    // Before 60 words of text, only the marker line goes.
    let input = "Leave a reply\n\nShort text.\n";
    assert_eq!(clean_ok(&[], input.as_bytes()), b"Short text.\n");
}

#[test]
fn a_tail_longer_than_a_footer_is_more_text() {
    // Articles concatenated into one text stream: a comment marker in the
    // first is followed by far more text than a footer holds, so nothing
    // after it is taken for comments, until the last one.
    let mut input = format!("{PROSE}\n\n{PROSE2}\n\nLeave a reply\n\n");
    let mut want = format!("{PROSE}\n\n{PROSE2}\n\n");
    for i in 0..400 {
        let para = format!("Paragraph {i}. {PROSE}");
        input.push_str(&para);
        input.push_str("\n\n");
        want.push_str(&para);
        want.push_str("\n\n");
    }
    want.pop();
    input.push_str("Leave a reply\n\nNice post!\n\nGreat read.\n");
    let out = clean_ok(&[], input.as_bytes());
    assert_eq!(String::from_utf8(out).unwrap(), want);

    // `--explain` still has one row per line, in input order.
    let out = clean_ok(&["--explain"], input.as_bytes());
    let rows = String::from_utf8(out).unwrap();
    let linenos: Vec<u64> = rows
        .lines()
        .map(|r| r.split('\t').nth(1).unwrap().parse().unwrap())
        .collect();
    assert_eq!(linenos, (1..=linenos.len() as u64).collect::<Vec<_>>());
    assert_eq!(linenos.len(), input.lines().count());
    let after: Vec<&str> = rows
        .lines()
        .filter(|r| r.contains("after-tail"))
        .map(|r| r.rsplit('\t').next().unwrap())
        .collect();
    assert_eq!(after, ["Nice post!", "Great read."]);
}

#[test]
fn null_data_keeps_one_record_per_record() {
    let input = b"Doc one.\nAdvertisement\n\0Advertisement\n\0\0Doc four.";
    let out = clean_ok(&["-z"], input);
    assert_eq!(out, b"Doc one.\n\0\0\0Doc four.\n\0");
    assert_eq!(clean_ok(&["-z"], b""), b"");
    assert_eq!(clean_ok(&["-z"], b"\0"), b"\0");
}

#[test]
fn closed_stdout_exits_zero_quietly() {
    let mut child = cmd(&[])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = thread::spawn(move || {
        let line = b"Some text that is kept by the cleaner.\n".repeat(1 << 10);
        for _ in 0..256 {
            if stdin.write_all(&line).is_err() {
                break;
            }
        }
    });
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 10];
    stdout.read_exact(&mut first).unwrap(); // like `| head -c 10`
    drop(stdout);
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    let status = child.wait().unwrap();
    feeder.join().unwrap();
    assert!(status.success(), "{status:?} {err}");
    assert_eq!(err, "");
}

#[test]
fn write_error_exits_two_with_message() {
    let full = std::path::Path::new("/dev/full");
    if !full.exists() {
        return; // not Linux
    }
    let out = cmd(&[])
        .stdin(Stdio::piped())
        .stdout(std::fs::File::create(full).unwrap())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            child.stdin.take().unwrap().write_all(b"Some text.\n")?;
            child.wait_with_output()
        })
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.starts_with("clean: writing output: "), "{err}");
    assert!(err.contains("No space left on device"), "{err}");
    assert_eq!(err.lines().count(), 1);
}

#[test]
fn line_buffered_writes_before_input_ends() {
    let mut child = cmd(&["--line-buffered"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = child.stdout.take().unwrap();
    // A prose line is decided at once (a short line may wait for the
    // lines after it to decide whether it is chrome).
    let line = format!("{PROSE}\n");
    stdin.write_all(line.as_bytes()).unwrap();
    stdin.flush().unwrap();
    let mut got = vec![0u8; line.len()];
    // Blocks until clean writes: with block buffering this would hang
    // until stdin closes.
    stdout.read_exact(&mut got).unwrap();
    assert_eq!(got, line.as_bytes());
    drop(stdin);
    child.wait().unwrap();
}

#[test]
fn usage_errors_exit_two() {
    let out = run(&["--no-such-flag"], b"");
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["--version"], b"");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("clean "));
}

#[test]
fn progress_only_on_a_terminal() {
    let dir = TempDir::new("progress");
    let big = PROSE.repeat(20_000);
    let input = dir.write("in.txt", big.as_bytes());
    // Not a terminal (a pipe, as under make, CI or Spark): nothing, even
    // with no delay.
    let mut c = cmd(&["-z", input.to_str().unwrap()]);
    c.env("CLEAN_PROGRESS_DELAY_MS", "0");
    let out = util::run_cmd(c, b"");
    assert!(out.status.success());
    assert_eq!(stderr(&out), "");
    // On a terminal (a pseudo-terminal from `script`), a bar with bytes.
    let script =
        std::process::Command::new("script").arg("--version").output();
    if script.is_err() {
        eprintln!("skipped the terminal half: no `script`");
        return;
    }
    let line = format!(
        "{} -z {} > /dev/null",
        util::bin().display(),
        input.display()
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .env("CLEAN_PROGRESS_DELAY_MS", "0")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("iB"), "no progress bar on a terminal: {shown:?}");
    // --no-progress turns it off.
    let out = std::process::Command::new("script")
        .args(["-qec", &format!("{line} --no-progress"), "/dev/null"])
        .env("CLEAN_PROGRESS_DELAY_MS", "0")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains("iB"));
}
