# Commands a person types. `make help` lists them.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install everything

migrate: install ## Apply database migrations
	$(BIN)/python manage.py migrate --noinput

demo: migrate ## Load the demo clinic (safe to run again)
	$(BIN)/python manage.py load_demo_content

run: demo ## Set up and serve the demo site on http://127.0.0.1:8000 (+ mail worker, scheduled publishing)
	@echo "Admin: http://$(HOST):$(PORT)/admin/  (logins are listed in README.md)"
	@trap 'kill 0' EXIT; \
	$(BIN)/python manage.py db_worker --queue-name '*' & \
	while sleep 60; do $(BIN)/python manage.py publish_scheduled; done & \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install ## Run the whole test suite
	$(BIN)/pytest -n auto $(PYTEST_ARGS)

lint: install ## Check style with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

.PHONY: help install migrate demo run test lint
