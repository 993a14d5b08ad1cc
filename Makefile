# Two commands for a newcomer: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench lint clean system-packages

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -qq --upgrade pip
	$(BIN)/python -m pip install -qq -e '.[dev]'
	touch $(STAMP)

# What the tests need from Debian, installed once where missing: Chromium and ChromeDriver
# (the dashboard's browser tests) and PostgreSQL (the store's tests on a real server).
system-packages:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v chromedriver >/dev/null 2>&1 || missing="$$missing chromium-driver"; \
	ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing="$$missing postgresql"; \
	if [ -n "$$missing" ]; then \
		echo "Installing$$missing for the tests (once; log in .system-packages.log)"; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing) \
			> .system-packages.log 2>&1 || { tail -20 .system-packages.log; exit 1; }; \
	fi

demo: $(STAMP)
	rm -f demo.db
	MERCATO_DB=sqlite:///demo.db $(BIN)/mercato ingest samples/articles
	MERCATO_DB=sqlite:///demo.db $(BIN)/mercato sagas
	@echo
	@echo "The dashboard: MERCATO_DB=sqlite:///demo.db $(BIN)/mercato serve, then open http://127.0.0.1:8000/"

test: $(STAMP) system-packages
	$(BIN)/python -m pytest -q

# The dev extra holds the bench extra (spaCy and its model), so one install serves both.
bench: $(STAMP)
	$(BIN)/mercato bench

lint: $(STAMP)
	$(BIN)/ruff check mercato tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) demo.db
