# Two commands set everything up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 5000
export FLASK_APP := quizapp

.PHONY: run test install bench eval lint clean

# Reinstall only when pyproject.toml changed since the last install.
$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(VENV)/bin/quizapp db upgrade
	$(VENV)/bin/quizapp ingest --if-empty seeds
	$(VENV)/bin/quizapp refresh
	$(VENV)/bin/quizapp serve --host $(HOST) --port $(PORT)

test: $(STAMP)
	$(PY) -m pytest $(PYTEST_ARGS)

bench: $(STAMP)
	$(PY) -m quizapp.bench

eval: $(STAMP)
	$(PY) eval/run.py $(EVAL_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check quizapp tests

clean:
	rm -rf $(VENV) instance .pytest_cache
