#!/usr/bin/env python3
"""Writes the benchmark corpus of shared/bench/make_corpus.py as records.

    make_records.py OUT --format nul|jsonl [--size 200M] [--seed 1]

The documents are the ones make_corpus.py generates for the same size and
seed, each NUL-terminated (`-z` input) or as one JSON line {"id", "text"}
(`--jsonl` input; text decoded as UTF-8 with replacement, since JSON needs
Unicode). Generated data must not be committed.
"""
import argparse
import json
import os
import random
import sys

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--format", choices=["nul", "jsonl"], required=True)
    ap.add_argument("--size", default="200M")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
    a = ap.parse_args()
    bench = os.path.join(a.shared, "bench")
    sys.path.insert(0, bench)
    import make_corpus as mc
    size = mc.parse_size(a.size)
    with open(os.path.join(bench, "patterns.txt"), encoding="utf-8") as f:
        patterns = [l.rstrip("\n") for l in f if l.strip()]
    content, short, seed_chrome = mc.load_seeds(os.path.join(a.shared, "seeds"), patterns)
    g = mc.Gen(random.Random(a.seed), patterns, content, short, seed_chrome)
    stats = dict(docs=0, lines=0, chrome=0, nbsp_docs=0, messy_docs=0, crlf_docs=0,
                 long_line_docs=0, cp1252_docs=0, badbyte_docs=0)
    written = 0
    with open(a.out, "wb") as out:
        while written < size:
            d = g.document(stats)
            if a.format == "nul":
                rec = d.replace(b"\0", b"") + b"\0"
            else:
                rec = (json.dumps({"id": stats["docs"], "text": d.decode("utf-8", "replace")},
                                  ensure_ascii=False) + "\n").encode("utf-8")
            stats["docs"] += 1
            out.write(rec)
            written += len(rec)
    print(f"docs={stats['docs']} bytes={written}", file=sys.stderr)

if __name__ == "__main__":
    main()
