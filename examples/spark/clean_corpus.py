#!/usr/bin/env python3
"""Clean a corpus with `clean` as an Apache Spark stage.

    spark-submit --master 'local[2]' clean_corpus.py \\
        --clean /abs/path/to/clean --input IN --output OUT_DIR \\
        --format jsonl|wet|text [--partitions N] [--stats stats.json] \\
        [--clean-args '--text-key raw_content --drop-empty']

Each partition is streamed through ONE `clean` process:

* jsonl: JSON Lines shards (`textFile`, one document per line) through
  `clean --jsonl`; the output lines are exactly what `clean --jsonl` writes.
* wet:   Common Crawl WET files, plain or .gz (`binaryFiles`, whole files)
  through `clean --wet --to-jsonl`; one JSON line per page.
* text:  plain-text files, one document per file (`binaryFiles`, so a
  multi-line document is never split and bytes reach clean unchanged),
  NUL-separated through `clean -z`; one JSON line {"path", "text"} per
  file (JSON needs Unicode: invalid UTF-8 becomes U+FFFD there).

The cleaned JSON lines are written with saveAsTextFile to OUT_DIR. Each
`clean` process writes `--stats-json`; the driver adds them up into one
summary (--stats, default OUT_DIR/../clean-stats.json).

Pitfalls handled (see the README, "Scaling out"):
* the subprocess gets no PATH from Spark: --clean must be an absolute path
  (or ship the binary with `spark-submit --files clean` and pass
  `--clean clean`, resolved with SparkFiles);
* a failing `clean` fails the task (its exit code and stderr are checked);
* many small files are coalesced into --partitions partitions;
* documents are never split at newlines (whole files / JSON lines).
"""
import argparse
import json
import os
import subprocess
import tempfile
import threading

from pyspark import SparkFiles
from pyspark.sql import SparkSession


def clean_path(name):
    if os.path.isabs(name):
        return name
    return SparkFiles.get(name)  # shipped with spark-submit --files


def run_clean(binary, args, chunks):
    """Runs `binary args --stats-json F`, feeding the byte chunks to its
    stdin from a thread; returns (stdout bytes, stats dict)."""
    with tempfile.TemporaryDirectory() as tmp:
        stats_path = os.path.join(tmp, "stats.json")
        cmd = [binary] + args + ["--stats-json", stats_path, "--no-progress"]
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env={})
        def feed():
            try:
                for c in chunks:
                    proc.stdin.write(c)
            except BrokenPipeError:
                pass
            finally:
                proc.stdin.close()
        t = threading.Thread(target=feed)
        t.start()
        out = proc.stdout.read()
        err = proc.stderr.read()
        t.join()
        code = proc.wait()
        if code != 0:
            # Fails the task, so Spark retries it or fails the job.
            raise RuntimeError(f"clean exited with {code}: {err.decode(errors='replace').strip()}")
        with open(stats_path) as f:
            stats = json.load(f)
    return out, stats


def partition_fn(fmt, binary, extra):
    def jsonl(records):
        out, stats = run_clean(clean_path(binary), ["--jsonl"] + extra,
                               (r.encode("utf-8") + b"\n" for r in records))
        for line in out.decode("utf-8").splitlines():
            yield ("D", line)
        yield ("S", stats)

    def wet(files):
        files = list(files)
        out = b""
        stats_all = []
        # One process for the partition's plain files and one for its gzip
        # files: a stream must not mix the two.
        for gz in (False, True):
            group = [data for _, data in files if (bytes(data[:2]) == b"\x1f\x8b") == gz]
            if not group:
                continue
            o, s = run_clean(clean_path(binary), ["--wet", "--to-jsonl"] + extra,
                             (bytes(d) for d in group))
            out += o
            stats_all.append(s)
        for line in out.decode("utf-8").splitlines():
            yield ("D", line)
        for s in stats_all:
            yield ("S", s)

    def text(files):
        files = list(files)
        if not files:
            return
        chunks = (bytes(data).replace(b"\0", b"") + b"\0" for _, data in files)
        out, stats = run_clean(clean_path(binary), ["-z"] + extra, chunks)
        docs = out.split(b"\0")[:-1]
        if len(docs) != len(files):
            raise RuntimeError(f"clean -z gave {len(docs)} records for {len(files)} documents")
        for (path, _), doc in zip(files, docs):
            text = doc.decode("utf-8", "replace")  # JSON needs Unicode
            yield ("D", json.dumps({"path": path, "text": text}, ensure_ascii=False))
        yield ("S", stats)

    return {"jsonl": jsonl, "wet": wet, "text": text}[fmt]


def add_stats(total, s):
    for k, v in s.items():
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            total[k] = total.get(k, 0) + v
        elif isinstance(v, dict):
            d = total.setdefault(k, {})
            for kk, vv in v.items():
                d[kk] = d.get(kk, 0) + vv
        elif k == "removed_by_rule":
            rules = total.setdefault(k, {})
            for r in v:
                key = f'{r["source"]}:{r["line"]}'
                if key in rules:
                    rules[key]["removed"] += r["removed"]
                else:
                    rules[key] = dict(r)
        else:
            total[k] = v
    return total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--clean", required=True, help="absolute path of the clean binary, or a name shipped with --files")
    ap.add_argument("--input", required=True)
    ap.add_argument("--output", required=True)
    ap.add_argument("--format", choices=["jsonl", "wet", "text"], required=True)
    ap.add_argument("--partitions", type=int, default=2)
    ap.add_argument("--stats", help="summary JSON (default: OUTPUT + '.stats.json')")
    ap.add_argument("--clean-args", default="", help="extra arguments for clean")
    a = ap.parse_args()
    spark = (SparkSession.builder.appName("clean-corpus")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .getOrCreate())
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    if a.format == "jsonl":
        rdd = sc.textFile(a.input, minPartitions=a.partitions)
    elif a.format == "wet":
        rdd = sc.binaryFiles(a.input, minPartitions=a.partitions).sortByKey()
    else:
        # binaryFiles, not wholeTextFiles: bytes reach clean unchanged
        # (wholeTextFiles decodes, replacing invalid UTF-8).
        rdd = sc.binaryFiles(a.input, minPartitions=a.partitions).sortByKey()
    # Many small inputs: one clean process per partition, not per file.
    rdd = rdd.coalesce(a.partitions)
    tagged = rdd.mapPartitions(partition_fn(a.format, a.clean, a.clean_args.split())).cache()
    tagged.filter(lambda t: t[0] == "D").map(lambda t: t[1]).saveAsTextFile(a.output)
    total = {}
    for s in tagged.filter(lambda t: t[0] == "S").map(lambda t: t[1]).collect():
        add_stats(total, s)
    if "removed_by_rule" in total:
        total["removed_by_rule"] = sorted(total["removed_by_rule"].values(), key=lambda r: -r["removed"])
    total.pop("mb_per_second", None)
    stats_path = a.stats or a.output.rstrip("/") + ".stats.json"
    with open(stats_path, "w") as f:
        json.dump(total, f, indent=1)
    print(f"clean-corpus: {total.get('documents', 0)} documents, {total.get('lines_removed', 0)} lines removed; stats in {stats_path}")
    spark.stop()


if __name__ == "__main__":
    main()
