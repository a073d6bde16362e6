# milkbone: `make book` builds the site, `make test` runs the tests.
# Both create .venv from requirements.lock first (once; again when the lock changes).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: book book-student test lint bench bench-analyses lock clean help
.DEFAULT_GOAL := help

help:
	@echo "make book   set up .venv, execute the notebooks and build the site into _build/html"
	@echo "make book-student  the student edition (solutions removed) into _build/student/_build/html"
	@echo "make test   set up .venv, run ruff and the whole test suite (browser tests: Debian's chromium)"
	@echo "make bench  time a cold build, a no-op rebuild and a one-notebook rebuild, then the"
	@echo "            omics analyses at ten times the paper's size (make bench-analyses: only those)"
	@echo "make lock   re-resolve requirements.in into requirements.lock and environment.yml"
	@echo "make clean  remove generated files (keeps .venv)"

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; v = sys.version_info[:2]; sys.exit(0 if v == (3, 11) else f"milkbone needs Python 3.11, found {v[0]}.{v[1]} at $(PYTHON)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip check
	@touch $@

book: $(STAMP)
	$(BIN)/milkbone build

book-student: $(STAMP)
	$(BIN)/milkbone build --student

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -n 2

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(STAMP)
	$(BIN)/python tools/bench.py

bench-analyses: $(STAMP)
	$(BIN)/python tools/bench.py --skip-build

lock:
	PYTHON=$(PYTHON) tools/lock.sh

clean:
	rm -rf _build _generated data/simulated notebooks/*.ipynb
