#!/usr/bin/env python3
"""End-to-end test of clean_corpus.py on a real Spark in local[2] mode.

    python3 test_spark.py --clean /abs/clean --spark-submit .venv/bin/spark-submit --work build/spark

Builds a corpus from corpus-samples/ (JSONL shards and plain-text files)
and the WET sample of shared/samples/, runs the job for each format, and
checks that Spark's output is byte-for-byte what `clean` gives on one
machine; also that a failing `clean` fails the job.
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def clean(binary, args, data):
    return subprocess.run([binary] + args, input=data, capture_output=True, check=True).stdout


def spark(a, fmt, inp, out, extra=()):
    # spark-submit from a venv that is not activated cannot find Spark:
    # point SPARK_HOME at the pyspark package and use this interpreter.
    import pyspark
    env = dict(os.environ, SPARK_LOCAL_IP="127.0.0.1", PYSPARK_PYTHON=sys.executable,
               SPARK_HOME=os.path.dirname(pyspark.__file__))
    cmd = [a.spark_submit, "--master", "local[2]", "--driver-memory", "1g",
           "--conf", "spark.ui.enabled=false", os.path.join(HERE, "clean_corpus.py"),
           "--clean", a.clean, "--input", inp, "--output", out, "--format", fmt,
           "--partitions", "2", *extra]
    t = time.time()
    r = subprocess.run(cmd, env=env, capture_output=True, text=True)
    return r, time.time() - t


def read_parts(out):
    lines = []
    for p in sorted(glob.glob(os.path.join(out, "part-*"))):
        with open(p, "rb") as f:
            lines += f.read().decode("utf-8").splitlines()
    return lines


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--clean", required=True)
    ap.add_argument("--spark-submit", required=True)
    ap.add_argument("--work", default=os.path.join(ROOT, "build", "spark"))
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    a = ap.parse_args()
    a.clean = os.path.abspath(a.clean)
    shutil.rmtree(a.work, ignore_errors=True)
    os.makedirs(a.work)
    w = lambda *p: os.path.join(a.work, *p)
    samples = sorted(glob.glob(os.path.join(ROOT, "corpus-samples", "*.in.txt")))
    failures = []

    # JSONL: three shards.
    os.makedirs(w("in-jsonl"))
    lines = []
    for i, p in enumerate(samples * 3):
        text = open(p, "rb").read().decode("utf-8", "replace")
        lines.append(json.dumps({"id": f"{i}-{os.path.basename(p)}", "text": text, "n": i}))
    for s in range(3):
        with open(w("in-jsonl", f"shard-{s}.jsonl"), "w") as f:
            f.write("".join(l + "\n" for l in lines[s::3]))
    r, secs = spark(a, "jsonl", w("in-jsonl"), w("out-jsonl"))
    if r.returncode != 0:
        sys.exit(f"spark jsonl failed:\n{r.stderr[-3000:]}")
    got = read_parts(w("out-jsonl"))
    want = clean(a.clean, ["--jsonl"], "".join(l + "\n" for l in lines).encode()).decode().splitlines()
    if sorted(got) != sorted(want) or len(got) != len(lines):
        failures.append(f"jsonl: {len(got)} lines, differ from clean --jsonl")
    print(f"jsonl: {len(got)} records in {secs:.1f} s")

    # Plain-text files, one document each (multi-line documents).
    os.makedirs(w("in-text"))
    for p in samples:
        shutil.copy(p, w("in-text", os.path.basename(p)))
    r, secs = spark(a, "text", w("in-text"), w("out-text"))
    if r.returncode != 0:
        sys.exit(f"spark text failed:\n{r.stderr[-3000:]}")
    got = [json.loads(l) for l in read_parts(w("out-text"))]
    if len(got) != len(samples):
        failures.append(f"text: {len(got)} documents for {len(samples)} files")
    for rec in got:
        path = rec["path"].replace("file:", "", 1)
        want = clean(a.clean, [], open(path, "rb").read()).decode("utf-8", "replace")
        if rec["text"] != want:
            failures.append(f"text: {path} differs from clean < file")
    print(f"text: {len(got)} documents in {secs:.1f} s")

    # WET, plain and gzip.
    os.makedirs(w("in-wet"))
    wets = [p for p in glob.glob(os.path.join(a.shared, "samples", "whirlwind.warc.wet*"))]
    for p in wets:
        shutil.copy(p, w("in-wet", os.path.basename(p)))
    r, secs = spark(a, "wet", w("in-wet"), w("out-wet"))
    if r.returncode != 0:
        sys.exit(f"spark wet failed:\n{r.stderr[-3000:]}")
    got = sorted(read_parts(w("out-wet")))
    want = sorted(l for p in wets for l in clean(a.clean, ["--wet", "--to-jsonl"], open(p, "rb").read()).decode().splitlines())
    if got != want or len(got) != len(wets):
        failures.append(f"wet: {len(got)} pages, differ from clean --wet --to-jsonl")
    print(f"wet: {len(got)} pages in {secs:.1f} s")

    # Aggregated statistics.
    stats = json.load(open(w("out-jsonl") + ".stats.json"))
    if stats.get("records") != len(lines):
        failures.append(f"stats: {stats.get('records')} records, expected {len(lines)}")

    # A failing clean fails the job (checkCode): a rule file that does not exist.
    r, _ = spark(a, "jsonl", w("in-jsonl"), w("out-fail"), ["--clean-args", "--rules /nonexistent.rules"])
    if r.returncode == 0 or "clean exited with 2" not in r.stderr:
        failures.append("a failing clean did not fail the Spark job")

    if failures:
        print("\n".join("FAIL " + f for f in failures))
        sys.exit(1)
    print("spark ok")


if __name__ == "__main__":
    main()
