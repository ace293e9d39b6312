#!/usr/bin/env bash
# Runs the corpus recipes shown in the README and checks that each gives,
# for every document, exactly what `clean` gives on that document alone
# (corpus-samples/NAME.out.txt).
set -euo pipefail
bin=$(realpath "${1:-target/release/clean}")
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
check() { # name got want
    if ! cmp -s "$2" "$3"; then echo "FAIL $1: $2 differs from $3"; fail=1; fi
}

# 1. The make pattern rule, in parallel.
rm -rf build/corpus
make -s -j4 corpus BIN="$bin"
for f in corpus-samples/*.in.txt; do
    n=$(basename "$f" .in.txt)
    check "make corpus" "build/corpus/$n.txt" "corpus-samples/$n.out.txt"
done

# 2. find -print0 | clean --files0-from - -o DIR
find corpus-samples -name '*.in.txt' -print0 | "$bin" --files0-from - -o "$work/out"
for f in corpus-samples/*.in.txt; do
    n=$(basename "$f")
    check "files0-from" "$work/out/$n" "corpus-samples/${n%.in.txt}.out.txt"
done

# 3. NUL-separated documents through one process, split back with awk.
for f in corpus-samples/*.in.txt; do cat "$f"; printf '\0'; done > "$work/docs.nul"
"$bin" -z -j 2 < "$work/docs.nul" > "$work/clean.nul"
i=0
for f in corpus-samples/*.in.txt; do
    i=$((i + 1))
    # Record i of the output (gawk/mawk both take RS="\0" as NUL).
    LC_ALL=C awk -v n="$i" 'BEGIN { RS = "\0"; ORS = "" } NR == n { print; exit }' \
        "$work/clean.nul" > "$work/rec.txt"
    check "-z record $i" "$work/rec.txt" "corpus-samples/$(basename "$f" .in.txt).out.txt"
done
records=$(tr -cd '\0' < "$work/clean.nul" | wc -c)
[ "$records" -eq "$i" ] || { echo "FAIL -z: $records records for $i documents"; fail=1; }

# 4. JSONL: one JSON object per document, the text field cleaned.
python3 - "$bin" "$work" <<'PY'
import json, subprocess, sys, glob, os
bin, work = sys.argv[1], sys.argv[2]
files = sorted(glob.glob("corpus-samples/*.in.txt"))
docs = [open(f, "rb").read().decode("utf-8", "replace") for f in files]
data = "".join(json.dumps({"id": os.path.basename(f), "text": d}) + "\n" for f, d in zip(files, docs))
out = subprocess.run([bin, "--jsonl", "-j", "2"], input=data.encode(), capture_output=True, check=True).stdout
recs = [json.loads(l) for l in out.decode().splitlines()]
assert len(recs) == len(docs), (len(recs), len(docs))
for f, d, r in zip(files, docs, recs):
    want = subprocess.run([bin], input=d.encode(), capture_output=True, check=True).stdout.decode()
    assert r["id"] == os.path.basename(f) and r["text"] == want, f
print("jsonl ok:", len(recs), "records")
PY

[ "$fail" -eq 0 ] && echo "recipes ok"
exit "$fail"
