# Common Ground. Run `make help` to see the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
export FLASK_APP := webapp

.PHONY: help install install-test run migrate demo test test-postgres screenshots lint format translations bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/activate pyproject.toml
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@

install: $(VENV)/.installed ## Create .venv and install the app
	$(BIN)/pybabel compile -d locales > /dev/null

install-test: $(VENV)/.installed-test install ## Install the test extras too

migrate: install ## Create or update the SQLite database under instance/
	APP_ENV=development $(BIN)/flask migrate

demo: migrate ## Load demo content
	APP_ENV=development $(BIN)/flask load-demo
	APP_ENV=development $(BIN)/flask load-demo-stories
	APP_ENV=development $(BIN)/flask load-demo-decisions
	APP_ENV=development $(BIN)/flask load-demo-plans
	APP_ENV=development $(BIN)/flask load-demo-surveys
	APP_ENV=development $(BIN)/flask load-demo-meetings

run: demo ## Start the app with demo content at http://127.0.0.1:5000
	APP_ENV=development $(BIN)/flask run --host $(HOST) --port $(PORT)

lint: install-test ## ruff check and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test ## Format the code with ruff
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The SQLite runs drop any database URL from the environment, so they are SQLite whatever it says.
SQLITE := env -u TEST_DATABASE_URL -u DATABASE_URL

test: install-test lint ## Everything: ruff; unit and view tests on SQLite and on PostgreSQL; shared limits on Redis; browser tests
	$(SQLITE) $(BIN)/pytest tests/unit tests/views
	$(SQLITE) $(BIN)/pytest tests/shared_limits
	scripts/test-postgres $(BIN)/pytest tests/unit tests/views
	scripts/ensure-chromium
	$(SQLITE) $(BIN)/pytest tests/browser

test-postgres: install-test ## Unit and view tests on a throwaway PostgreSQL server (installed if missing)
	scripts/test-postgres $(BIN)/pytest tests/unit tests/views

screenshots: install-test ## Screenshots of every page and of sharing a story, into screenshots/
	scripts/ensure-chromium
	SCREENSHOTS_DIR=$(CURDIR)/screenshots $(SQLITE) $(BIN)/pytest tests/browser -m screenshots
	@echo "Screenshots are in $(CURDIR)/screenshots"

translations: install-test ## Extract, update and compile the translation catalogues
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -k _ln:1,2 -k lazy_ngettext:1,2 -o locales/messages.pot .
	$(BIN)/pybabel update --no-fuzzy-matching -i locales/messages.pot -d locales
	$(BIN)/pybabel compile -d locales

bench: install-test ## Print the benchmark figures (bytes on the wire, throughput, boundaries, load)
	$(BIN)/python bench/page_weight.py
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/identifying.py
	$(BIN)/python bench/boundaries.py
	$(BIN)/python bench/stories_load.py

clean: ## Remove the virtual environment and caches (keeps instance/)
	rm -rf $(VENV) .pytest_cache .ruff_cache
