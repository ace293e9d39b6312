# Build, test and measure `clean`. CI (.ci/run) calls these same targets.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DELETE_ON_ERROR:

CARGO ?= cargo
BIN := target/release/clean
SHARED ?= ../shared

.PHONY: all build test lint doc check bless eval corpus test-recipes fuzz fuzz-build fuzz-tool bench bench-smoke spark-test datatrove-test clean-build

all: build

build:
	$(CARGO) build --release --locked

# The test command of the README: unit, golden, CLI and property tests.
test:
	$(CARGO) test --release --locked

lint:
	$(CARGO) fmt --check
	$(CARGO) clippy --release --locked --all-targets -- -D warnings

doc:
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc --release --locked --no-deps --document-private-items

# Everything CI checks.
check: lint doc test

# Rewrite corpus-samples/*.out.txt from the current binary; review the diff.
bless:
	CLEAN_BLESS=1 $(CARGO) test --release --locked --test golden

# Quality on the external benchmark (all three variants) and the seeds.
eval: build
	python3 scripts/eval.py --bin $(BIN) --shared $(SHARED)

# The release binary, rebuilt when a source changes (a file target, so the
# corpus rule below only reruns what changed).
$(BIN): Cargo.toml Cargo.lock $(wildcard src/*.rs src/rules/*.txt)
	$(CARGO) build --release --locked

# Corpus build: one output per sample, correct under `make -j`. Each output
# is written to a temporary file and renamed, and .DELETE_ON_ERROR plus
# pipefail (above) make a failing stage fail the target.
CORPUS_IN := $(wildcard corpus-samples/*.in.txt)
CORPUS_OUT := $(CORPUS_IN:corpus-samples/%.in.txt=build/corpus/%.txt)

corpus: $(CORPUS_OUT)

build/corpus/%.txt: corpus-samples/%.in.txt $(BIN)
	@mkdir -p $(@D)
	$(BIN) < $< > $@.tmp && mv $@.tmp $@

# Runs the README's corpus recipes and checks their outputs.
test-recipes: $(BIN)
	bash scripts/test-recipes.sh $(BIN)

# Speed and memory next to cat, ripgrep, GNU grep and the GNU pipeline
# (README "Performance"). BENCH_SIZE=1G by default; not in CI except the
# smoke run, which only checks that the harness works.
BENCH_SIZE ?= 1G
BENCH_RUNS ?= 5

bench: $(BIN)
	python3 scripts/bench.py --size $(BENCH_SIZE) --runs $(BENCH_RUNS) --shared $(SHARED)

bench-smoke: $(BIN)
	python3 scripts/bench.py --smoke --shared $(SHARED)

# Apache Spark end to end: a virtual environment with pyspark from PyPI
# (Spark needs Java 17+, which the machine has), the job of
# examples/spark/ in local[2] on corpus-samples/ and the WET sample,
# compared byte for byte with clean on one machine.
VENV ?= .venv

$(VENV)/bin/spark-submit:
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q pyspark

spark-test: $(BIN) $(VENV)/bin/spark-submit
	$(VENV)/bin/python examples/spark/test_spark.py --clean $(BIN) \
	  --spark-submit $(VENV)/bin/spark-submit --shared $(SHARED)

# datatrove: the CleanStep of examples/datatrove/ in a real pipeline.
$(VENV)/bin/datatrove-ok: $(VENV)/bin/spark-submit
	$(VENV)/bin/pip install -q datatrove orjson
	touch $@

datatrove-test: $(BIN) $(VENV)/bin/datatrove-ok
	$(VENV)/bin/python examples/datatrove/test_datatrove.py $(BIN)

# Fuzzing (cargo-fuzz, libFuzzer): every target checks the invariants, not
# only "no crash". `make fuzz` runs each for FUZZ_SECONDS (default 3 min);
# CI builds them and runs each for a few seconds. Crashes land in
# fuzz/artifacts/TARGET/ and become tests in tests/fuzz-regressions/.
FUZZ_SECONDS ?= 180
FUZZ_TARGETS := cleaner rules jsonl wet
fuzz-seeds-cleaner := corpus-samples
fuzz-seeds-rules := src/rules
fuzz-seeds-jsonl := fuzz/seeds/jsonl
fuzz-seeds-wet := $(wildcard $(SHARED)/samples)

fuzz-tool:
	command -v cargo-fuzz >/dev/null || $(CARGO) install cargo-fuzz --locked

fuzz-build: fuzz-tool
	$(CARGO) fuzz build --sanitizer none

fuzz: fuzz-build
	for t in $(FUZZ_TARGETS); do \
	  mkdir -p fuzz/corpus/$$t; \
	  seeds=$$(case $$t in cleaner) echo "$(fuzz-seeds-cleaner)";; rules) echo "$(fuzz-seeds-rules)";; \
	    jsonl) echo "$(fuzz-seeds-jsonl)";; wet) echo "$(fuzz-seeds-wet)";; esac); \
	  $(CARGO) fuzz run --sanitizer none $$t fuzz/corpus/$$t $$seeds -- \
	    -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -print_final_stats=1 2>&1 \
	    | grep -E '^(Done|stat::number_of_executed_units|==[0-9]+== ERROR|SUMMARY)' ; \
	done

clean-build:
	$(CARGO) clean
	rm -rf build
