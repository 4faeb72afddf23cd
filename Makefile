# Two commands do all set-up on a fresh machine (Python 3.11+, Java 17, Maven):
#   make run   - install, start the local Neo4j, seed it, serve the API
#   make test  - install, lint, and run the tests against a throwaway Neo4j
# Everything lands in .venv/ and .local/ (both git-ignored).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint bench reliability clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,fast]'
	touch $@

run: install
	$(BIN)/kb db start
	$(BIN)/kb seed
	$(BIN)/kb stats
	$(BIN)/kb serve --host $(HOST) --port $(PORT)

test: install lint
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check kb api tests bench
	$(BIN)/mypy kb api

# The long reliability run (kill -9, stop/start, SIGSTOP, 16x500 idempotent writes, 60 s of
# mixed load) on its own Neo4j; `make test` runs a short version. Figures: .local/reliability/.
reliability: install
	KB_RELIABILITY_LONG=1 $(BIN)/python -m pytest tests/reliability -p no:randomly -v

bench: install
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python -m bench.run

clean:
	-$(BIN)/kb db stop
	rm -rf $(VENV) .local neo4j-local/target
