//! The fault matrix of the README, through the real binary: hostile rule
//! files, unreadable inputs, huge and tiny inputs.

mod util;

use std::fs;

use util::{TempDir, clean_ok, run};

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn with_rules(dir: &TempDir, text: &[u8]) -> std::process::Output {
    let rules = dir.write("r.rules", text);
    run(&["--rules", rules.to_str().unwrap()], b"Some text.\n")
}

#[test]
fn hostile_rule_files() {
    let dir = TempDir::new("hostile-rules");
    let cases: &[(&[u8], &str)] = &[
        (b"line\n", "r.rules:1: rule has no phrase"),
        (b"short    \t \n", "r.rules:1: rule has no phrase"),
        (b"line \xC2\xA0\xE2\x80\x8B\n", "r.rules:1: rule has no phrase"),
        (b"line ok\nprefix \xFF\xFE\n", "r.rules:2: rule is not valid UTF-8"),
        (b"lines comments\n", "r.rules:1: unknown rule kind `lines`"),
        (b"short/0 x\n", "r.rules:1: bad word limit in `short/0`"),
        (b"[]\n", "r.rules:1: empty category header"),
    ];
    for (text, want) in cases {
        let out = with_rules(&dir, text);
        assert_eq!(out.status.code(), Some(2), "{want}");
        let err = stderr(&out);
        assert!(
            err.starts_with("clean: ") && err.contains(want),
            "{err} vs {want}"
        );
        assert_eq!(err.lines().count(), 1);
    }
    // A 1 MiB phrase is refused, not compiled.
    let mut big = b"line ".to_vec();
    big.extend(std::iter::repeat_n(b'x', 1 << 20));
    let out = with_rules(&dir, &big);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("phrase is 1048576 bytes long (at most 1024)")
    );
    // Duplicates are allowed; the first one is the one reported.
    let rules = dir.write("dup.rules", b"[a]\nline foo\n[b]\nline foo\n");
    let out =
        clean_ok(&["--explain", "--rules", rules.to_str().unwrap()], b"Foo\n");
    assert!(
        String::from_utf8_lossy(&out).contains("dup.rules:2: line foo [a]")
    );
}

#[test]
fn a_hundred_thousand_rules_compile() {
    let dir = TempDir::new("many-rules");
    let mut text = String::from("[generated]\n");
    for i in 0..100_000 {
        text.push_str(&format!(
            "line follow site number {i} on social media\n"
        ));
    }
    let rules = dir.write("many.rules", text.as_bytes());
    let input = b"Follow site number 77777 on social media\nKept.\n";
    let out = clean_ok(&["--rules", rules.to_str().unwrap()], input);
    assert_eq!(out, b"Kept.\n");
}

#[test]
fn unreadable_input_is_reported_by_name() {
    let dir = TempDir::new("unreadable");
    let p = dir.write("secret.txt", b"text\n");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&p, fs::Permissions::from_mode(0o000)).unwrap();
        if fs::read(&p).is_ok() {
            eprintln!(
                "skipped: running as root, permissions are not enforced"
            );
            return;
        }
    }
    let out = run(&[p.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("secret.txt") && err.contains("Permission denied"),
        "{err}"
    );
}

#[test]
fn ten_million_tiny_nul_documents() {
    let input = b"a\0".repeat(10_000_000);
    let out = clean_ok(&["-z"], &input);
    assert_eq!(out.len(), 30_000_000);
    assert!(out.chunks(3).all(|c| c == b"a\n\0"));
}

#[test]
fn megabytes_without_a_newline_and_prefilter_bait() {
    // 8 MiB in one line, every position a near-match of a rule phrase.
    let line = "leave a repl".repeat(700_000);
    let out = clean_ok(&[], line.as_bytes());
    assert_eq!(out.len(), line.len() + 1);
    // Every line a rule match: all dropped.
    let input = "Advertisement\n".repeat(200_000);
    assert_eq!(clean_ok(&[], input.as_bytes()), b"");
}
