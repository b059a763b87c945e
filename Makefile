# One command each: make install | demo | test | test-fast | lint | bench
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.install-stamp
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: install demo serve test test-fast lint bench app clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# torch first, pinned to the CPU build on local disk, so nothing resolves a CUDA build.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[dev]'
	# export the bundled model to ONNX once (into FINDINGS_CACHE_DIR, default ~/.cache/findings),
	# so that questions and ingests on the CPU never import PyTorch
	$(BIN)/python -m store.embed
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/findings ingest data/reports
	$(BIN)/findings reports
	$(BIN)/streamlit run app.py

# A Chroma server on 127.0.0.1:8000 (data in .findings/server) with the samples, and the app on it.
serve: install
	$(BIN)/findings serve --no-app & server=$$!; trap "kill $$server" EXIT; \
	until $(BIN)/python -c "import urllib.request as u; u.urlopen('http://127.0.0.1:8000/api/v2/heartbeat')" 2>/dev/null; do sleep 0.5; done; \
	FINDINGS_CHROMA_URL=http://127.0.0.1:8000 $(BIN)/findings ingest data/reports; \
	FINDINGS_CHROMA_URL=http://127.0.0.1:8000 $(BIN)/streamlit run app.py

test: install
	$(BIN)/python -m pytest -q

# The edit-test loop: no browser, no subprocess cold starts, no servers.
test-fast: install
	$(BIN)/python -m pytest -q -m "not browser and not slow"

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy findings store ingest retrieval ui

bench: install
	$(BIN)/python -m bench.cold
	$(BIN)/python -m bench.ingest
	$(BIN)/python -m bench.quality
	$(BIN)/python -m bench.citecheck
	$(BIN)/python -m bench.records
	$(BIN)/python -m bench.query
	$(BIN)/python -m bench.load

clean:
	rm -rf .findings build *.egg-info
