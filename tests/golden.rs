//! Golden files: `corpus-samples/NAME.in.txt` through the real binary must
//! give `corpus-samples/NAME.out.txt` byte for byte.
//!
//! `CLEAN_BLESS=1 cargo test --test golden` (or `make bless`) rewrites the
//! expected files; review the diff in git like code.

mod util;

use std::fs;

#[test]
fn corpus_samples() {
    let dir = util::root().join("corpus-samples");
    let bless = std::env::var_os("CLEAN_BLESS").is_some();
    let mut names: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter_map(|p| {
            p.to_str()
                .and_then(|s| s.strip_suffix(".in.txt"))
                .map(String::from)
        })
        .collect();
    names.sort();
    assert!(names.len() >= 10, "corpus-samples/ looks empty: {names:?}");
    let mut failures = Vec::new();
    for stem in &names {
        let input = fs::read(format!("{stem}.in.txt")).unwrap();
        let golden = format!("{stem}.out.txt");
        let got = util::clean_ok(&[], &input);
        // Every expected output is itself a fixed point: clean is
        // idempotent.
        let again = util::clean_ok(&[], &got);
        if again != got {
            failures.push(format!(
                "{stem}: not idempotent\n{}",
                util::diff(&got, &again)
            ));
        }
        if bless {
            fs::write(&golden, &got).unwrap();
            continue;
        }
        let want = fs::read(&golden).unwrap_or_default();
        if want != got {
            failures.push(format!("{golden}:\n{}", util::diff(&want, &got)));
        }
    }
    assert!(
        failures.is_empty(),
        "golden outputs differ (check, then `make bless`):\n{}",
        failures.join("\n")
    );
}
