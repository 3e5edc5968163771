# One-word tasks. `make run` and `make test` are the README's two commands.
VENV ?= .venv
BIN := $(VENV)/bin
PYTHON ?= python3

.PHONY: install run test test-postgres test-fast bench lint clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

install: $(BIN)/.installed

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --silent

# Set up, fetch the latest SCI papers (or import FILE=…), summarize, publish what passes every check, serve.
run: install
	$(BIN)/sciplain quickstart $(if $(FILE),--file $(FILE),)

# The whole suite: unit, Django, browser (Debian chromium) tests on SQLite, the same whole
# suite on a throwaway PostgreSQL, then the quick benchmarks.
test: install node_modules/.package-lock.json
	$(BIN)/pytest
	$(MAKE) test-postgres
	$(BIN)/python bench/run_all.py --quick

# The suite on PostgreSQL: .ci/with-postgres starts a cluster from Debian's binaries in a temp dir.
test-postgres: install
	.ci/with-postgres $(BIN)/pytest -q

test-fast: install
	$(BIN)/pytest -m "not browser and not slow"

bench: install
	$(BIN)/python bench/run_all.py

lint: install
	$(BIN)/ruff check sciplain tests bench

clean:
	rm -rf $(VENV) node_modules artifacts .pytest_cache
