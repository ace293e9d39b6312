#!/usr/bin/env python3
"""Quality table for `make eval`.

Runs shared/eval/score.py on the three input variants and
shared/tools/linescore.py on the seeds, and prints one table with the
targets of issue 3 next to the measured numbers.
"""
import argparse
import os
import re
import subprocess
import sys

TARGETS = {
    # variant: (chrome_removed >=, long loss docs <=, gold_lines_kept >=)
    "inputs": (0.85, 3, 0.995),
    "inputs-traf": (0.80, 3, 0.995),
    "inputs-heavy": (0.90, 8, 0.99),
}


def summary(text):
    line = [l for l in text.splitlines() if l.startswith("SUMMARY")]
    if not line:
        sys.exit("no SUMMARY line in:\n" + text)
    return dict(re.findall(r"(\w+)=(\S+)", line[-1])), line[-1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/clean")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--args", default="", help="extra arguments for clean")
    ap.add_argument("--strict", action="store_true",
                    help="exit 1 when a target is not met")
    a = ap.parse_args()
    cmd = os.path.abspath(a.bin) + (" " + a.args if a.args else "")
    score = os.path.join(a.shared, "eval", "score.py")
    rows = []
    ok = True
    for variant, (chrome_t, loss_t, kept_t) in TARGETS.items():
        out = subprocess.run(
            [sys.executable, score, "--cmd", cmd, "--inputs",
             os.path.join(a.shared, "eval", variant)],
            capture_output=True, text=True, check=True).stdout
        s, _ = summary(out)
        m = re.search(r"loss_docs=(\d+)/(\d+) \(long (\d+)\)", out)
        loss, docs, long_loss = int(m.group(1)), int(m.group(2)), int(m.group(3))
        chrome = float(s["chrome_removed"])
        kept = float(s["gold_lines_kept"])
        good = chrome >= chrome_t and long_loss <= loss_t and kept >= kept_t
        ok &= good
        rows.append((variant, f"{chrome:.3f} (≥{chrome_t})",
                     f"{long_loss} (≤{loss_t}); all {loss}/{docs}",
                     f"{kept:.3f} (≥{kept_t})", s["tokF1"], s["ws_ok"],
                     "yes" if good else "NO"))
    lines = os.path.join(a.shared, "tools", "linescore.py")
    out = subprocess.run(
        [sys.executable, lines, "--cmd", cmd,
         "--inputs", os.path.join(a.shared, "seeds"),
         "--gold", os.path.join(a.shared, "seeds-gold")],
        capture_output=True, text=True, check=True).stdout
    s, _ = summary(out)
    chrome, kept_c, lost = int(s["chrome"]), int(s["chrome_kept"]), int(s["lost"])
    good = chrome - kept_c >= 20 and lost == 0
    ok &= good
    rows.append(("seeds", f"{chrome - kept_c}/{chrome} (≥20/21)", f"lost lines {lost} (=0)",
                 f"exact {s['exact']}/{s['docs']}", "-",
                 f"fmt_bad {s['format_bad']}, not_idem {s['not_idempotent']}",
                 "yes" if good else "NO"))
    head = ("variant", "chrome removed", "loss docs (10+ tokens)", "gold lines kept",
            "tokF1", "ws_ok", "target met")
    widths = [max(len(str(r[i])) for r in rows + [head]) for i in range(len(head))]
    fmt = "| " + " | ".join("{:<%d}" % w for w in widths) + " |"
    print(fmt.format(*head))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print(fmt.format(*r))
    return 0 if ok or not a.strict else 1


if __name__ == "__main__":
    sys.exit(main())
