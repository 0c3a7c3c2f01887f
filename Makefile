# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test lint bench openapi clean

$(BIN)/corroborate: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.dev: $(BIN)/corroborate
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

run: $(BIN)/corroborate   ## migrate, seed and serve the embedded (SQLite) API on http://$(HOST):$(PORT)
	$(BIN)/corroborate serve --host $(HOST) --port $(PORT)

test: $(VENV)/.dev        ## the whole suite, on SQLite and PostgreSQL
	$(BIN)/ruff check service schemas tests bench
	$(BIN)/pytest

lint: $(VENV)/.dev
	$(BIN)/ruff check service schemas tests bench
	$(BIN)/ruff format --check service schemas tests bench

bench: $(VENV)/.dev       ## quality and speed benchmarks (print tables, never fail on timing)
	$(BIN)/python bench/extraction.py
	$(BIN)/python bench/seeds.py
	$(BIN)/python bench/checkthat.py

openapi: $(BIN)/corroborate
	$(BIN)/corroborate openapi write openapi.yaml

clean:
	rm -rf $(VENV) instance .pytest_cache
