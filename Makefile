# Two commands for a newcomer: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench lint clean

# The dashboard's tests drive a real headless Chromium: Debian's, installed once when missing.
CHROMIUM := /usr/bin/chromium
CHROMEDRIVER := /usr/bin/chromedriver

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -qq --upgrade pip
	$(BIN)/python -m pip install -qq -e '.[dev]'
	touch $(STAMP)

$(CHROMIUM) $(CHROMEDRIVER):
	@echo "Installing Chromium and ChromeDriver for the dashboard's browser tests (once; log in .chromium-install.log)"
	@(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver) \
		> .chromium-install.log 2>&1 || (tail -20 .chromium-install.log; exit 1)

demo: $(STAMP)
	rm -f demo.db
	MERCATO_DB=sqlite:///demo.db $(BIN)/mercato ingest samples/articles
	MERCATO_DB=sqlite:///demo.db $(BIN)/mercato sagas
	@echo
	@echo "The dashboard: MERCATO_DB=sqlite:///demo.db $(BIN)/mercato serve, then open http://127.0.0.1:8000/"

test: $(STAMP) $(CHROMIUM) $(CHROMEDRIVER)
	$(BIN)/python -m pytest -q

# The dev extra holds the bench extra (spaCy and its model), so one install serves both.
bench: $(STAMP)
	$(BIN)/mercato bench

lint: $(STAMP)
	$(BIN)/ruff check mercato tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) demo.db
