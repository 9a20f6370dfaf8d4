# Set-up and checks. Needs only Python 3.11 on the machine; everything else is installed here.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
RUNTIME_STAMP := $(VENV)/.installed-runtime
TEST_STAMP := $(VENV)/.installed-test

.PHONY: demo test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(RUNTIME_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@ $(RUNTIME_STAMP)

demo: $(RUNTIME_STAMP)
	$(BIN)/dossier demo --case demo.db --serve

lint: $(TEST_STAMP)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy

# The browser tests drive Debian's chromium (no browser download); installed when missing.
CHROMIUM := /usr/bin/chromium
$(CHROMIUM):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

test: lint | $(CHROMIUM)
	$(BIN)/pytest

bench: $(TEST_STAMP)
	$(BIN)/python benchmarks/ingest_throughput.py
	$(BIN)/python benchmarks/html_cleaning.py
	$(BIN)/python benchmarks/text_cleaning.py
	$(BIN)/python benchmarks/copy_detection.py
	$(BIN)/python benchmarks/extraction.py all
	$(BIN)/python benchmarks/extraction_stage.py
	$(BIN)/python benchmarks/corroboration.py --steps 4
	$(BIN)/python benchmarks/corroboration_scale.py --documents 10000
	$(BIN)/python benchmarks/web_latency.py --documents 10000
	$(BIN)/python benchmarks/login_latency.py
	$(BIN)/python benchmarks/parse_limits.py
	$(BIN)/python benchmarks/testimonies.py
	$(BIN)/python benchmarks/protection_build.py

clean:
	rm -rf $(VENV) demo.db .pytest_cache .mypy_cache .ruff_cache
