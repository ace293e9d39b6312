//! Corpus modes through the real binary: NUL records, JSONL, WET, many
//! files with -o DIR, statistics.

mod util;

use std::fs;
use std::io::Write;
use std::process::Stdio;

use util::{TempDir, clean_ok, cmd, run};

fn samples() -> Vec<Vec<u8>> {
    let dir = util::root().join("corpus-samples");
    let mut names: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".in.txt"))
        .collect();
    names.sort();
    names.iter().map(|p| fs::read(p).unwrap()).collect()
}

fn shared() -> std::path::PathBuf {
    util::root().join("../shared")
}

#[test]
fn nul_records_equal_each_document_alone() {
    let docs = samples();
    let mut input = Vec::new();
    for d in &docs {
        // A NUL inside a document would split it; the samples have none.
        assert!(!d.contains(&0));
        input.extend_from_slice(d);
        input.push(0);
    }
    let out = clean_ok(&["-z"], &input);
    let records: Vec<&[u8]> = out.split(|&b| b == 0).collect();
    assert_eq!(records.len(), docs.len() + 1, "one record per document");
    assert_eq!(records.last().unwrap(), &b"");
    for (d, r) in docs.iter().zip(&records) {
        assert_eq!(*r, clean_ok(&[], d).as_slice());
    }
}

#[test]
fn jsonl_preserves_everything_but_the_text() {
    let docs = samples();
    let mut input = String::new();
    for (i, d) in docs.iter().enumerate() {
        let text = String::from_utf8_lossy(d);
        let text = serde_json::to_string(&text).unwrap();
        input.push_str(&format!(
            "{{\"id\": \"doc-{i}\",  \"n\":1.50e3, \"text\":{text}, \"meta\":{{\"z\":[true,null]}}}}\n"
        ));
    }
    let out = clean_ok(&["--jsonl"], input.as_bytes());
    let out = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), docs.len());
    for (i, (line, d)) in lines.iter().zip(&docs).enumerate() {
        let text = String::from_utf8_lossy(d);
        let want = String::from_utf8(clean_ok(&[], text.as_bytes())).unwrap();
        let want = serde_json::to_string(&want).unwrap();
        assert_eq!(
            *line,
            format!(
                "{{\"id\": \"doc-{i}\",  \"n\":1.50e3, \"text\":{want}, \"meta\":{{\"z\":[true,null]}}}}"
            )
        );
    }
}

#[test]
fn jsonl_errors_and_options() {
    let input =
        b"{\"text\":\"Kept.\"}\n{\"id\":2}\n{\"text\":\"Advertisement\"}\n";
    let out = run(&["--jsonl"], input);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "clean: standard input: line 2: no \"text\" field\n"
    );
    let out = clean_ok(&["--jsonl", "--skip-invalid", "--drop-empty"], input);
    assert_eq!(out, b"{\"text\":\"Kept.\\n\"}\n{\"id\":2}\n");
    let out = clean_ok(
        &["--jsonl", "--text-key", "body"],
        b"{\"body\":\"x\",\"text\":1}",
    );
    assert_eq!(out, b"{\"body\":\"x\\n\",\"text\":1}\n");
    // Hostile values: deep nesting elsewhere, NUL escapes, huge strings.
    let deep = format!("{}1{}", "[".repeat(100), "]".repeat(100));
    let big = "word ".repeat(200_000);
    let input = format!("{{\"d\":{deep},\"text\":\"a\\u0000b {big}\"}}");
    let out = clean_ok(&["--jsonl"], input.as_bytes());
    assert!(
        out.starts_with(
            format!("{{\"d\":{deep},\"text\":\"ab word").as_bytes()
        )
    );
    let out = run(&["--jsonl"], b"{\"text\":\"\\udc00\"}\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("line 1: bad \"text\" string")
    );
}

/// Parses WARC records, checking each Content-Length against the bytes.
fn warc_records(data: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut rest = data;
    while !rest.is_empty() {
        assert!(
            rest.starts_with(b"WARC/1.0\r\n"),
            "record start: {:?}",
            &rest[..rest.len().min(40)]
        );
        let end = rest.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let head = String::from_utf8(rest[..end].to_vec()).unwrap();
        let len: usize = head
            .lines()
            .find_map(|l| l.strip_prefix("Content-Length: "))
            .unwrap()
            .parse()
            .unwrap();
        let body = rest[end + 4..end + 4 + len].to_vec();
        assert_eq!(&rest[end + 4 + len..end + 8 + len], b"\r\n\r\n");
        rest = &rest[end + 8 + len..];
        out.push((head, body));
    }
    out
}

#[test]
fn wet_sample_round_trips_plain_and_gzip() {
    let plain = shared().join("samples/whirlwind.warc.wet");
    let gz = shared().join("samples/whirlwind.warc.wet.gz");
    if !plain.exists() {
        eprintln!("skipped: {} not found", plain.display());
        return;
    }
    let a = clean_ok(&["--wet", plain.to_str().unwrap()], b"");
    let b = clean_ok(&["--wet", gz.to_str().unwrap()], b"");
    let (ra, rb) = (warc_records(&a), warc_records(&b));
    assert_eq!(ra.len(), 2);
    assert_eq!(rb.len(), 2);
    assert!(ra[0].0.contains("WARC-Type: warcinfo"));
    // Identical payloads; the digest of the changed record is gone.
    assert_eq!(ra[1].1, rb[1].1);
    assert!(!rb[1].0.contains("Digest"), "{}", rb[1].0);
    assert!(
        rb[0].0.contains("WARC-Block-Digest"),
        "unchanged record keeps its digest"
    );
    let text = String::from_utf8(ra[1].1.clone()).unwrap();
    for gone in [
        "Menú principal",
        "Ir al contenido",
        "Politica de privacidat",
        "Declaración de cookies",
        "Versión ta mobils",
    ] {
        assert!(!text.contains(gone), "{gone} still in the payload");
    }
    assert!(text.contains("Escopete ye un municipio"));
    // The payload is what clean gives on the page text alone.
    let raw = fs::read(&plain).unwrap();
    let start =
        raw.windows(20).position(|w| w == b"Escopete - Biquipedi").unwrap();
    let page = &raw[start..raw.len() - 4];
    assert_eq!(ra[1].1, clean_ok(&[], page));
    // And to JSONL.
    let j = clean_ok(&["--wet", "--to-jsonl", gz.to_str().unwrap()], b"");
    let v: serde_json::Value = serde_json::from_slice(&j).unwrap();
    assert_eq!(v["url"], "https://an.wikipedia.org/wiki/Escopete");
    assert_eq!(v["language"], "spa");
    assert_eq!(v["text"].as_str().unwrap().as_bytes(), ra[1].1.as_slice());
}

#[test]
fn wet_errors() {
    let out = run(&["--wet"], b"<html>not warc</html>\n");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "clean: standard input: WARC record at byte 0: not a WARC record (expected \"WARC/1.0\", found \"<html>not warc</html>\")\n"
    );
    let out = run(&["--wet"], b"\x1f\x8b\x08\x00garbage");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .starts_with("clean: reading standard input: ")
    );
    let trunc = b"WARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: 50\r\n\r\nshort";
    let out = run(&["--wet"], trunc);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("byte 0: truncated")
    );
}

#[test]
fn output_dir_files0_from_and_in_place() {
    let dir = TempDir::new("outdir");
    let a = dir.write("a.txt", b"Share this\nKept a.\n");
    let b = dir.write("b.txt", b"Kept b.\nAdvertisement\n");
    let out = dir.path("out");
    clean_ok(
        &[
            "-o",
            out.to_str().unwrap(),
            a.to_str().unwrap(),
            b.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(fs::read(out.join("a.txt")).unwrap(), b"Kept a.\n");
    assert_eq!(fs::read(out.join("b.txt")).unwrap(), b"Kept b.\n");
    assert_eq!(
        fs::read_dir(&out).unwrap().count(),
        2,
        "no temporary files left"
    );
    // --files0-from -, as `find -print0` gives it.
    let out2 = dir.path("out2");
    let list = format!("{}\0{}\0", a.display(), b.display());
    clean_ok(
        &["--files0-from", "-", "-o", out2.to_str().unwrap()],
        list.as_bytes(),
    );
    assert_eq!(fs::read(out2.join("b.txt")).unwrap(), b"Kept b.\n");
    // The output may not be the input without --in-place.
    let res = run(&["-o", dir.0.to_str().unwrap(), a.to_str().unwrap()], b"");
    assert_eq!(res.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&res.stderr)
            .contains("output would overwrite the input")
    );
    assert_eq!(fs::read(&a).unwrap(), b"Share this\nKept a.\n");
    clean_ok(&["--in-place", a.to_str().unwrap()], b"");
    assert_eq!(fs::read(&a).unwrap(), b"Kept a.\n");
    // Standard input has no name to write under.
    let res = run(&["-o", out.to_str().unwrap()], b"x");
    assert_eq!(res.status.code(), Some(2));
}

#[cfg(unix)]
#[test]
fn killed_run_leaves_no_partial_output() {
    let dir = TempDir::new("killed");
    let fifo = dir.path("doc.txt");
    let ok = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !ok.map(|s| s.success()).unwrap_or(false) {
        eprintln!("skipped: no mkfifo");
        return;
    }
    let out = dir.path("out");
    let mut child =
        cmd(&["-o", out.to_str().unwrap(), fifo.to_str().unwrap()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
    let mut w = fs::OpenOptions::new().write(true).open(&fifo).unwrap();
    let para = b"The council approved the new budget on Tuesday after a long debate.\n\n";
    for _ in 0..20_000 {
        w.write_all(para).unwrap();
    }
    w.flush().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(200));
    child.kill().unwrap(); // SIGKILL, half way: the input is not finished
    child.wait().unwrap();
    drop(w);
    let names: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.contains(&"doc.txt".to_string()), "{names:?}");
    assert!(
        names.iter().all(|n| n.starts_with(".doc.txt.clean-tmp-")),
        "{names:?}"
    );
    // A rerun completes and clears the stale temporary file.
    fs::remove_file(&fifo).unwrap();
    fs::write(&fifo, para).unwrap();
    clean_ok(&["-o", out.to_str().unwrap(), fifo.to_str().unwrap()], b"");
    let names: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["doc.txt".to_string()]);
}

#[test]
fn stats_json_counts() {
    let dir = TempDir::new("statsjson");
    let path = dir.path("stats.json");
    let input = b"{\"text\":\"Kept.\\nAdvertisement\"}\nbad\n";
    clean_ok(
        &["--jsonl", "--skip-invalid", "--stats-json", path.to_str().unwrap()],
        input,
    );
    let v: serde_json::Value =
        serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(v["records"], 2);
    assert_eq!(v["records_invalid"], 1);
    assert_eq!(v["lines_removed"], 1);
    assert_eq!(v["removed_by_category"]["ads"], 1);
    assert_eq!(v["removed_by_rule"][0]["phrase"], "advertisement");
}

#[test]
fn threads_give_identical_output() {
    // Several MiB, so the stream is cut into many batches.
    let docs = samples();
    let mut nul = Vec::new();
    let mut jsonl = String::new();
    for i in 0..300 {
        let d = &docs[i % docs.len()];
        nul.extend_from_slice(d);
        nul.push(0);
        let text = serde_json::to_string(&String::from_utf8_lossy(d)).unwrap();
        jsonl.push_str(&format!("{{\"i\":{i},\"text\":{text}}}\n"));
    }
    for _ in 0..4 {
        nul.extend_from_slice(&nul.clone());
    }
    assert!(nul.len() > 3 << 20);
    let one = clean_ok(&["-z"], &nul);
    let two = clean_ok(&["-z", "-j", "2"], &nul);
    assert!(one == two, "-z -j 2 differs from -j 1");
    assert_eq!(
        one.iter().filter(|&&b| b == 0).count(),
        nul.iter().filter(|&&b| b == 0).count()
    );
    let one = clean_ok(&["--jsonl"], jsonl.as_bytes());
    let three = clean_ok(&["--jsonl", "-j", "3"], jsonl.as_bytes());
    assert!(one == three, "--jsonl -j 3 differs from -j 1");
    // Statistics add up the same.
    let a = run(&["-z", "--stats"], &nul);
    let b = run(&["-z", "-j", "2", "--stats"], &nul);
    let first = |o: &std::process::Output| {
        let s = String::from_utf8_lossy(&o.stderr).into_owned();
        s.lines().skip(1).map(String::from).collect::<Vec<_>>()
    };
    assert_eq!(first(&a), first(&b));
    // An invalid line is reported with its number in the whole stream,
    // after the records before it are written, as with one thread (also
    // those of its own batch).
    let mut bad = jsonl.repeat(20);
    bad.push_str("oops\n");
    let lines = bad.lines().count();
    bad.push_str(&jsonl);
    let serial = run(&["--jsonl"], bad.as_bytes());
    let out = run(&["--jsonl", "-j", "2"], bad.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("line {lines}: not a JSON object")),
        "{err}"
    );
    assert_eq!(out.stdout.iter().filter(|&&b| b == b'\n').count(), lines - 1);
    assert!(out.stdout == serial.stdout, "-j 2 wrote other records");
    // Text mode: the samples one after another, as `cat *.txt | clean`
    // gives, with CRLF and lone CR line ends, a 2 MiB line (over the line
    // limit, no line end for a long stretch) and no final line end.
    let mut text = Vec::new();
    for (i, d) in docs.iter().cycle().take(1000).enumerate() {
        let end: &[u8] = [&b"\n"[..], b"\r\n", b"\r"][i % 3];
        for &b in d.iter() {
            if b == b'\n' {
                text.extend_from_slice(end);
            } else {
                text.push(b);
            }
        }
        if i == 500 {
            text.extend_from_slice(&b"a long line ".repeat(180_000));
            text.push(b'\n');
        }
    }
    text.extend_from_slice(b"The end, without a line end.");
    assert!(text.len() > 3 << 20, "{}", text.len());
    let one = clean_ok(&["-j", "1"], &text);
    for j in ["2", "3"] {
        let par = clean_ok(&["-j", j], &text);
        assert!(one == par, "text -j {j} differs from -j 1");
    }
    // Without -j, text runs on the CPUs (up to 4): the same output.
    assert!(clean_ok(&[], &text) == one, "text without -j differs from -j 1");
    let a = run(&["-j", "1", "--stats"], &text);
    let b = run(&["-j", "2", "--stats"], &text);
    assert_eq!(first(&a), first(&b));
    // Many files with -o DIR.
    let dir = TempDir::new("threads-files");
    let mut args = vec!["-j".to_string(), "2".to_string(), "-o".to_string()];
    args.push(dir.path("out").to_string_lossy().into_owned());
    for (i, d) in docs.iter().enumerate() {
        let p = dir.write(&format!("f{i}.txt"), d);
        args.push(p.to_string_lossy().into_owned());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    clean_ok(&args, b"");
    for (i, d) in docs.iter().enumerate() {
        let got = fs::read(dir.path("out").join(format!("f{i}.txt"))).unwrap();
        assert_eq!(got, clean_ok(&[], d), "file {i}");
    }
}
