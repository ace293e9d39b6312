# Build, test and measure `clean`. CI (.ci/run) calls these same targets.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DELETE_ON_ERROR:

CARGO ?= cargo
BIN := target/release/clean
SHARED ?= ../shared

.PHONY: all build test lint doc check bless eval clean-build

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

clean-build:
	$(CARGO) clean
