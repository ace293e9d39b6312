//! Helpers to run the real `clean` binary.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::thread;

/// The path of the `clean` binary under test.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_clean"))
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A `clean` command with a clean environment.
pub fn cmd(args: &[&str]) -> Command {
    let mut c = Command::new(bin());
    c.args(args).env_clear().current_dir(root());
    c
}

/// Runs `clean args` with `input` on stdin (fed from a thread so a large
/// input cannot deadlock against a full stdout pipe).
pub fn run(args: &[&str], input: &[u8]) -> Output {
    run_cmd(cmd(args), input)
}

/// Runs `c` with `input` on stdin.
pub fn run_cmd(mut c: Command, input: &[u8]) -> Output {
    let mut child = c
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn clean");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let feeder = thread::spawn(move || {
        // The child may exit before reading everything; that is its
        // business, not a test failure here.
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("wait for clean");
    feeder.join().unwrap();
    out
}

/// Runs `clean args` on `input` and returns stdout, asserting success and
/// an empty stderr.
pub fn clean_ok(args: &[&str], input: &[u8]) -> Vec<u8> {
    let out = run(args, input);
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "clean {args:?} failed: {:?}\nstderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// A scratch directory removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        static NEXT: std::sync::atomic::AtomicUsize =
            std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!(
            "clean-test-{}-{}-{}",
            name,
            std::process::id(),
            n
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    pub fn write(&self, name: &str, data: &[u8]) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, data).unwrap();
        p
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A line diff of two outputs, for assertion messages.
pub fn diff(want: &[u8], got: &[u8]) -> String {
    let w = String::from_utf8_lossy(want);
    let g = String::from_utf8_lossy(got);
    let mut s = String::new();
    let (wl, gl): (Vec<_>, Vec<_>) =
        (w.lines().collect(), g.lines().collect());
    for i in 0..wl.len().max(gl.len()) {
        let (a, b) = (wl.get(i), gl.get(i));
        if a != b {
            s.push_str(&format!(
                "line {}:\n  want {:?}\n  got  {:?}\n",
                i + 1,
                a,
                b
            ));
        }
    }
    s
}

/// Asserts `path` exists.
pub fn exists(path: &Path) -> bool {
    path.exists()
}
