# make demo: the whole path on embedded defaults.  make test: the whole suite.
# Both install what they need: Debian packages (as root), then a virtualenv in .venv.
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
PYTHON  ?= python3

.PHONY: all setup sysdeps test check lint demo bench clean model fleet-demo

all: test

sysdeps:
	@bash scripts/install-system-deps

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -U pip
	$(BIN)/pip install -q -e '.[dev]'
	@rm -f $(VENV)/.installed-*; touch $@

setup: sysdeps $(STAMP)

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

check: lint

# The suite in two parts, both always run: the tests that need no desktop on every core (up to 4,
# pytest-xdist), then the `x11` ones (Xvfb + xdotool + the recorder + Chromium; every test under
# tests/capture and tests/browser is one: tests/conftest.py) one at a time, alone on the machine,
# as they measure what a recorder sees in real time.
JOBS ?= $(shell n=$$(nproc 2>/dev/null || echo 1); [ $$n -gt 4 ] && n=4; echo $$n)

test: setup lint
	rc=0; \
	$(BIN)/pytest -q -p no:cacheprovider -n $(JOBS) -m "not x11" || rc=$$?; \
	$(BIN)/pytest -q -p no:cacheprovider -m x11 || rc=$$?; \
	exit $$rc

demo: setup
	$(BIN)/demotrace demo

# Rebuilds the redaction model from scratch (fixed seed; ~4-5 min on 2 quiet cores; repeatable on one
# machine, but torch's CPU kernels differ across hosts: docs/MODEL_CARD.md, "Rebuild").
model: setup
	$(BIN)/pip install -q -e '.[model]'
	PYTHONHASHSEED=0 nice -n 10 $(BIN)/python -m demotrace.redact.train.fit
	$(BIN)/python -m demotrace.redact.model.derive
	PYTHONHASHSEED=0 nice -n 10 $(BIN)/python -m demotrace.redact.train.quantize

# PostgreSQL + ingest workers behind nginx + the load generator for a short run (scripts/fleet-demo).
fleet-demo: setup
	PYTHON=$(BIN)/python bash scripts/fleet-demo

bench: setup
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .ruff_cache .pytest_cache
