#!/usr/bin/env python3
"""`make bench`: speed and memory of `clean` next to its anchors.

    bench.py [--size 1G] [--runs 5] [--smoke]

Generates (once, into bench-data/, git-ignored) the corpus of
shared/bench/make_corpus.py, the same documents as NUL records and as
JSONL, rule files from shared/bench/patterns.txt; then times, side by side
in one run, `cat | cat`, ripgrep, GNU grep, the GNU pipeline that does the
whole job by hand, and `clean` in its modes; then scaling in input size and
in rule count, peak RSS, and adversarial inputs. Prints one markdown table
per part (also written to bench-data/bench-results.md).

Wall times are medians of --runs runs (after one warm-up). Commands whose
ratios are targets (the anchors and modes, the two sizes, the rule counts)
run in rounds, each once per round, so that the load of a shared machine
falls on all of them alike. Output to a
null device node that grep and rg do not recognise as /dev/null (they stop
early there). User rules: every phrase of patterns.txt as a `short` rule
(contained in a line of at most 12 words), on top of the builtin rules.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def sh(cmd, **kw):
    return subprocess.run(cmd, shell=True, check=True, **kw)


def once(cmd):
    """Wall time of one run of `cmd` (a shell string)."""
    t = time.perf_counter()
    subprocess.run(cmd, shell=True, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def timed(cmd, runs):
    """Median wall time of `cmd` (a shell string) over `runs` runs."""
    return timed_side_by_side([cmd], runs)[0]


def timed_side_by_side(cmds, runs):
    """Median wall times of `cmds` over `runs` rounds, each round running
    every command once, in order (after one warm-up round). The load of a
    shared machine comes and goes over seconds to minutes: run one command
    after another and a busy minute lands on one of them and skews its
    ratio to the others; in rounds it lands on all of them alike."""
    for c in cmds:
        once(c)  # warm-up: binaries and inputs in the page cache
    times = [[] for _ in cmds]
    for _ in range(runs):
        for i, c in enumerate(cmds):
            times[i].append(once(c))
    return [statistics.median(t) for t in times]


def peak_rss_kb(cmd):
    """Peak RSS of the last process of `cmd`, from GNU time."""
    if not os.path.exists("/usr/bin/time"):
        return None
    r = subprocess.run(["/usr/bin/time", "-f", "%M", "sh", "-c", cmd],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True)
    return int(r.stderr.strip().splitlines()[-1])


def parse_size(s):
    m = re.fullmatch(r"(\d+)([KMG]?)", s.upper())
    return int(m.group(1)) << {"": 0, "K": 10, "M": 20, "G": 30}[m.group(2)]


def table(title, head, rows, out):
    lines = [f"### {title}", "", "| " + " | ".join(head) + " |",
             "|" + "|".join("---:" if i else "---" for i in range(len(head))) + "|"]
    cell = lambda c: str(c).replace("|", "\\|")
    lines += ["| " + " | ".join(cell(c) for c in r) + " |" for r in rows]
    text = "\n".join(lines) + "\n"
    print(text)
    out.write(text + "\n")
    out.flush()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", default="1G")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "clean"))
    ap.add_argument("--data", default=os.path.join(ROOT, "bench-data"))
    ap.add_argument("--smoke", action="store_true", help="tiny sizes, one run: checks the harness")
    a = ap.parse_args()
    if a.smoke:
        a.size, a.runs = "4M", 1
    size = parse_size(a.size)
    os.makedirs(a.data, exist_ok=True)
    d = lambda *p: os.path.join(a.data, *p)
    bench = os.path.join(a.shared, "bench")
    clean = os.path.abspath(a.bin)

    # Null sink that grep/rg do not recognise as /dev/null.
    null = d("null")
    if not os.path.exists(null):
        try:
            sh(f"mknod {null} c 1 3")
        except subprocess.CalledProcessError:
            null = "/dev/null"
            print("note: mknod failed; grep and rg may stop early on /dev/null", file=sys.stderr)

    tag = a.size
    txt, nul, jsl = d(f"corpus-{tag}.txt"), d(f"corpus-{tag}.nul"), d(f"corpus-{tag}.jsonl")
    if not os.path.exists(txt):
        sh(f"python3 {bench}/make_corpus.py {txt} --size {tag} --seed 1")
    for path, fmt in [(nul, "nul"), (jsl, "jsonl")]:
        if not os.path.exists(path):
            sh(f"python3 {ROOT}/scripts/make_records.py {path} --format {fmt} --size {tag} "
               f"--shared {a.shared}")
    pat = os.path.join(bench, "patterns.txt")

    def rules_for(n):
        path = d(f"rules-{n}.rules")
        if not os.path.exists(path):
            plist = d(f"patterns-{n}.txt")
            if n == 200:
                shutil.copy(pat, plist)
            else:
                sh(f"python3 {bench}/make_patterns.py {n} > {plist}")
            with open(plist, encoding="utf-8") as f, open(path, "w", encoding="utf-8") as o:
                o.write("[bench]\n")
                for l in f:
                    if l.strip():
                        o.write("short " + l.strip() + "\n")
        return path

    rules = rules_for(200)
    if shutil.which("rg") is None:
        print("installing ripgrep (Debian package)", file=sys.stderr)
        subprocess.run("apt-get install -y -q ripgrep >/dev/null 2>&1 || "
                       "(apt-get update -q >/dev/null 2>&1 && apt-get install -y -q ripgrep >/dev/null 2>&1)",
                       shell=True)
    have_rg = shutil.which("rg") is not None
    # Threads clean uses without -j on a text stream (the CPUs, up to 4).
    auto = min(len(os.sched_getaffinity(0)), 4)

    out = open(d("bench-results.md"), "w")
    mb = size / 1e6
    sed = (r"LC_ALL=C sed -e 's/\r$//' -e 's/\xc2\xa0/ /g' -e 's/[ \t]\+/ /g' -e 's/ $//'")
    anchors = [("cat file | cat", f"cat {txt} | cat > {null}")]
    if have_rg:
        anchors.append(("rg -a -v -F -i -f patterns.txt", f"rg -a -v -F -i -f {pat} {txt} > {null}"))
    anchors += [
        ("LC_ALL=C grep -a -v -i -F -f patterns.txt", f"LC_ALL=C grep -a -v -i -F -f {pat} {txt} > {null}"),
        ("GNU pipeline: sed | grep -v -i -F -f | cat -s",
         f"{sed} {txt} | LC_ALL=C grep -a -v -i -F -f {pat} | cat -s > {null}"),
        ("clean -j 1 (text: the whole corpus is one document)", f"{clean} -j 1 --rules {rules} < {txt} > {null}"),
        (f"clean (text, default: {auto} threads)", f"{clean} --rules {rules} < {txt} > {null}"),
        ("clean -z (NUL records), stdin", f"{clean} -z --rules {rules} < {nul} > {null}"),
        ("clean -z, file argument", f"{clean} -z --rules {rules} {nul} > {null}"),
        ("clean -z, from a pipe", f"cat {nul} | {clean} -z --rules {rules} > {null}"),
        ("clean --jsonl", f"{clean} --jsonl --rules {rules} < {jsl} > {null}"),
        ("clean -z -j 2", f"{clean} -z -j 2 --rules {rules} < {nul} > {null}"),
        ("clean --jsonl -j 2", f"{clean} --jsonl -j 2 --rules {rules} < {jsl} > {null}"),
    ]
    # In rounds: the targets are ratios between these commands.
    results = dict(zip([n for n, _ in anchors],
                       timed_side_by_side([c for _, c in anchors], a.runs)))
    base = results["cat file | cat"]
    rg = results.get("rg -a -v -F -i -f patterns.txt")
    rows = []
    for name, _ in anchors:
        t = results[name]
        rows.append((name, f"{t:.2f}", f"{mb / t:.0f}", f"{t / base:.2f}",
                     f"{t / rg:.2f}" if rg else "-"))
    table(f"Anchors and modes ({a.size}, median of {a.runs})",
          ["command", "wall s", "MB/s", "× cat\\|cat", "× rg"], rows, out)

    # What the timed commands wrote: a filter that deletes most of its
    # input is fast for the wrong reason.
    rows = []
    for name, cmd, path in [
        ("rg -a -v -F -i -f patterns.txt", f"rg -a -v -F -i -f {pat} {txt}", txt),
        ("clean -j 1 (text)", f"{clean} -j 1 --rules {rules} < {txt}", txt),
        (f"clean (text, {auto} threads)", f"{clean} --rules {rules} < {txt}", txt),
        ("clean -z", f"{clean} -z --rules {rules} < {nul}", nul),
        ("clean --jsonl", f"{clean} --jsonl --rules {rules} < {jsl}", jsl),
    ]:
        if name.startswith("rg") and not have_rg:
            continue
        r = subprocess.run(f"{cmd} | wc -c", shell=True, check=True,
                           stdout=subprocess.PIPE, text=True)
        n_in, n_out = os.path.getsize(path), int(r.stdout.strip())
        rows.append((name, f"{n_in / 1e6:.0f}", f"{n_out / 1e6:.0f}", f"{n_out / n_in:.3f}"))
    table("Output kept", ["command", "MB in", "MB out", "out / in"], rows, out)

    # Size scaling (NUL records: per-document semantics).
    rows = []
    small = d("corpus-100M.nul")
    if not a.smoke:
        if not os.path.exists(small):
            sh(f"python3 {ROOT}/scripts/make_records.py {small} --format nul --size 100M --shared {a.shared}")
        sizes = [("100 MiB", small), (a.size, nul)]
        ts = timed_side_by_side([f"{clean} -z --rules {rules} < {path} > {null}" for _, path in sizes],
                                a.runs)
        for (name, path), t in zip(sizes, ts):
            n = os.path.getsize(path)
            rows.append((name, f"{t:.2f}", f"{n / 1e6 / t:.0f}"))
        table("Cost in input size (clean -z)", ["input", "wall s", "MB/s"], rows, out)

    # Rule-count scaling and peak RSS.
    rows = []
    counts = [10, 200] if a.smoke else [10, 200, 2000, 20000]
    cmds = [f"{clean} -z --no-builtin --rules {rules_for(n)} < {nul} > {null}" for n in counts]
    for n, cmd, t in zip(counts, cmds, timed_side_by_side(cmds, a.runs)):
        rss = peak_rss_kb(cmd)
        rows.append((n, f"{t:.2f}", f"{mb / t:.0f}", f"{rss / 1024:.1f}" if rss else "-"))
    table("Cost in rule count (clean -z --no-builtin, user rules only)",
          ["rules", "wall s", "MB/s", "peak RSS MiB"], rows, out)

    rows = []
    for name, cmd in [("clean -z, builtin + 200 rules", f"{clean} -z --rules {rules} < {nul} > {null}"),
                      ("clean -z, builtin + 2,000 rules", f"{clean} -z --rules {rules_for(2000)} < {nul} > {null}"),
                      ("clean -j 1, text", f"{clean} -j 1 --rules {rules} < {txt} > {null}"),
                      (f"clean, text ({auto} threads)", f"{clean} --rules {rules} < {txt} > {null}"),
                      ("clean -j 4, text, builtin + 2,000 rules", f"{clean} -j 4 --rules {rules_for(2000)} < {txt} > {null}")]:
        rss = peak_rss_kb(cmd)
        rows.append((name, f"{rss / 1024:.1f}" if rss else "-"))
    one = d(f"oneline-{tag}.txt")
    if not os.path.exists(one):
        with open(one, "wb") as f:
            f.write(b"word " * (size // 5))
    for j in ["-j 1 ", ""]:
        rss = peak_rss_kb(f"{clean} {j}--rules {rules} < {one} > {null}")
        rows.append((f"clean {j}, one {a.size} line".replace(" ,", ",") + ("" if j else f" ({auto} threads)"),
                     f"{rss / 1024:.1f}" if rss else "-"))
    table(f"Peak RSS ({a.size} inputs)", ["run", "peak RSS MiB"], rows, out)

    # Adversarial inputs: time must stay linear in the input.
    rows = []
    sizes = [2 << 20, 8 << 20] if a.smoke else [32 << 20, 128 << 20]
    kinds = {
        "near-matches, 200-byte lines": lambda n: (b"leave a repl comment on thi " * 7 + b"\n") * (n // 197),
        "near-matches, no newline": lambda n: b"leave a repl share thi " * (n // 23),
        "every line a rule match": lambda n: b"Advertisement\n" * (n // 14),
        "every line a short line": lambda n: b"Home\nNews\n" * (n // 10),
    }
    for name, make in kinds.items():
        for j in ["-j 1 ", ""]:
            cells = [f"{name}{', -j 1' if j else f', {auto} threads'}"]
            for n in sizes:
                path = d(f"adv-{zlib.crc32(name.encode()) % 10**6}-{n}.txt")
                if not os.path.exists(path):
                    with open(path, "wb") as f:
                        f.write(make(n))
                t = timed(f"{clean} {j}< {path} > {null}", a.runs)
                cells.append(f"{os.path.getsize(path) / 1e6 / t:.0f}")
            rows.append(tuple(cells))
    table("Adversarial inputs (MB/s at two sizes: equal rates mean linear time)",
          ["input"] + [f"{n >> 20} MiB" for n in sizes], rows, out)
    print(f"written to {d('bench-results.md')}")


if __name__ == "__main__":
    main()
