# Two commands for a newcomer: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench lint clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -qq --upgrade pip
	$(BIN)/python -m pip install -qq -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	rm -f demo.db
	MERCATO_DB=sqlite:///demo.db $(BIN)/mercato ingest samples/articles
	MERCATO_DB=sqlite:///demo.db $(BIN)/mercato sagas

test: $(STAMP)
	$(BIN)/python -m pytest -q

# The dev extra holds the bench extra (spaCy and its model), so one install serves both.
bench: $(STAMP)
	$(BIN)/mercato bench

lint: $(STAMP)
	$(BIN)/ruff check mercato tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) demo.db
