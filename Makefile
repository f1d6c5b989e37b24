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

test: setup lint
	$(BIN)/pytest -q -p no:cacheprovider

demo: setup
	$(BIN)/demotrace demo

# Rebuilds the shipped redaction model from scratch (fixed seed; ~25-45 min on 2 shared cores).
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
