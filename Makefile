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

# What production's scheduler runs every minute (docs/deploy.md): scheduled publishing, and booking
# mails whose worker died mid-send queued again.
EVERY_MINUTE := while sleep 60; do $(BIN)/python manage.py publish_scheduled; \
	$(BIN)/python manage.py requeue_stale_mail; done

# What production's daily timer runs for medical pages (docs/deploy.md), here every hour: the weekly
# "pages due for review" mail to clinical reviewers, which goes out at most once a week.
EVERY_HOUR := while true; do $(BIN)/python manage.py send_review_reminders; sleep 3600; done

# The task worker (mail, search index). It rides out database outages by itself; should it stop for any
# other reason, it is started again, as systemd's Restart=always does in production.
WORKER := while true; do $(BIN)/python manage.py run_worker; \
	echo "The task worker stopped; starting it again in 5 seconds" >&2; sleep 5; done

run: demo ## Set up and serve the demo site on http://127.0.0.1:8000 (+ mail worker, scheduled jobs)
	@echo "Admin: http://$(HOST):$(PORT)/admin/  (logins are listed in README.md)"
	@$(BIN)/python manage.py demo_code
	@trap 'kill 0' EXIT; \
	$(WORKER) & \
	$(EVERY_MINUTE) & \
	$(EVERY_HOUR) & \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

serve: install ## Production layout on http://127.0.0.1:8000 (HOST, PORT): gunicorn + mail worker + scheduled jobs
	@test -f .env.local || { umask 077; \
	  echo "SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')" > .env.local; \
	  echo "Wrote a SECRET_KEY for this machine to .env.local (git-ignored)"; }
	@set -a; . ./.env.local; set +a; \
	export DJANGO_SETTINGS_MODULE=clinic_site.settings.production HOST=$(HOST) PORT=$(PORT) \
	  ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}" SECURE_SSL_REDIRECT="$${SECURE_SSL_REDIRECT:-false}"; \
	$(BIN)/python manage.py collectstatic --noinput -v0 && \
	$(BIN)/python manage.py migrate --noinput -v0 && \
	{ $(BIN)/python manage.py shell -v0 -c "import sys; from articles.models import HomePage; sys.exit(not HomePage.objects.exists())" \
	  || $(BIN)/python manage.py load_demo_content; } || exit 1; \
	echo "Serving http://$(HOST):$(PORT)/ with production settings over plain HTTP (Ctrl-C stops it)"; \
	trap 'kill 0' EXIT; \
	$(WORKER) & \
	$(EVERY_MINUTE) & \
	$(EVERY_HOUR) & \
	$(BIN)/gunicorn -c gunicorn.conf.py clinic_site.wsgi

bench: install ## Load-test the production layout with wrk (ports 8501-8502): pages/s cached and not, queries, bookings/s
	bench/need_wrk.sh
	$(BIN)/python bench/run.py $(BENCH_ARGS)

test: install ## Run the whole test suite
	$(BIN)/pytest -n auto $(PYTEST_ARGS)

test-browser: install ## Browser journeys, accessibility (axe) and page budgets in Chromium (tests/browser)
	$(BIN)/pytest tests/browser $(PYTEST_ARGS)

SUBMISSIONS ?= 300
CLIENTS ?= 15
BOOKINGS ?= 300
load: install ## Load runs through gunicorn: requests, then online bookings (SUBMISSIONS BOOKINGS CLIENTS; DATABASE_URL)
	@site=$$(mktemp -d /tmp/clinic-load.XXXXXX); \
	$(BIN)/python bench/load_booking.py --submissions $(SUBMISSIONS) --clients $(CLIENTS) --workdir $$site \
	&& $(BIN)/python bench/load_appointments.py --bookings $(BOOKINGS) --clients $(CLIENTS) --workdir $$site; \
	status=$$?; rm -rf $$site; exit $$status

lint: install ## Check style with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

.PHONY: help install migrate demo run serve bench test test-browser load lint
