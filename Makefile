# Two commands set up everything on a fresh machine with Python 3.11:
#   make report   build data/processed/ from data/raw/ and the HTML reports
#   make test     run the test suite
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: help install build report test test-fast browser-check benchmark evaluate clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev,dask]"
	touch $(STAMP)

install: $(STAMP)  ## create .venv when missing and install the package with dev and dask extras

build: $(STAMP)  ## build data/processed/ from data/raw/
	$(PY) -m analysis build --corpus data/raw --out data/processed

report: $(STAMP)  ## build data/processed/ (when missing or stale) and the HTML reports in reports/
	$(PY) -m analysis report --corpus data/raw --out reports

browser-check: $(STAMP)  ## open every report in headless Chromium; fail on page/console errors or broken images
	$(PY) tests/browser_check.py reports/

test: $(STAMP)  ## run the whole test suite
	$(PY) -m pytest

test-fast: $(STAMP)  ## run the tests that are not marked slow
	$(PY) -m pytest -m "not slow"

benchmark: $(STAMP)  ## run the speed benchmark against the notebook approach
	$(PY) benchmarks/bench_pipeline.py

evaluate: $(STAMP)  ## evaluate quote extraction on PolNeAR dev (needs ../shared)
	$(PY) benchmarks/eval_quotes.py --split dev

clean:  ## remove built data and reports (never data/raw)
	rm -rf data/processed/* reports/*
	touch data/processed/.gitkeep reports/.gitkeep
