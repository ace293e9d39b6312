#!/usr/bin/env python3
"""Runs CleanStep in a real datatrove pipeline (JsonlReader -> CleanStep ->
JsonlWriter, LocalPipelineExecutor) on corpus-samples/ and checks each
document's text against `clean` on that document alone."""
import glob
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

from datatrove.executor.local import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from clean_step import CleanStep  # noqa: E402


def main():
    binary = os.path.abspath(sys.argv[1])
    work = os.path.join(ROOT, "build", "datatrove")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(os.path.join(work, "in"))
    docs = {}
    with open(os.path.join(work, "in", "docs.jsonl"), "w") as f:
        for p in sorted(glob.glob(os.path.join(ROOT, "corpus-samples", "*.in.txt"))) * 40:
            text = open(p, "rb").read().decode("utf-8", "replace")
            if not text:
                continue  # datatrove's reader skips documents without text
            i = f"{len(docs)}-{os.path.basename(p)}"
            docs[i] = text
            f.write(json.dumps({"id": i, "text": text}) + "\n")
    LocalPipelineExecutor(
        pipeline=[JsonlReader(os.path.join(work, "in")), CleanStep(binary),
                  JsonlWriter(os.path.join(work, "out"), compression=None)],
        tasks=1, logging_dir=os.path.join(work, "logs"),
    ).run()
    out = [json.loads(l) for p in sorted(glob.glob(os.path.join(work, "out", "*.jsonl")))
           for l in open(p)]
    assert len(out) == len(docs), (len(out), len(docs))
    for rec in out:
        want = subprocess.run([binary], input=docs[rec["id"]].encode(), capture_output=True,
                              check=True).stdout.decode("utf-8", "replace")
        assert rec.get("text", "") == want, rec["id"]  # the writer omits empty text
    print(f"datatrove ok: {len(out)} documents")


if __name__ == "__main__":
    main()
