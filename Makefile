# The two commands: `make run` and `make test`. Everything else is optional.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
DEV_ENV := DEBUG=true

.PHONY: run test install migrate eval bench train lint clean

$(BIN)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(BIN)/.installed

migrate: install
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput

## Run the app on SQLite with jobs in-process and the django-q2 scheduler beside it.
run: migrate
	@$(DEV_ENV) $(BIN)/python manage.py seed_demo
	@echo "Serving on http://$(HOST):$(PORT)/  (Ctrl-C stops the server and the scheduler)"
	@trap 'kill 0' EXIT INT TERM; \
	  $(DEV_ENV) $(BIN)/python manage.py qcluster >var/qcluster.log 2>&1 & \
	  if [ -n "$$REDIS_URL" ]; then $(DEV_ENV) $(BIN)/python manage.py rqworker default publish notify >var/rqworker.log 2>&1 & fi; \
	  $(DEV_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

## Run the whole suite (SQLite and in-process jobs unless DATABASE_URL / REDIS_URL are set).
test: install
	$(BIN)/pytest

## Detector quality figures on the labelled sets.
eval: install
	$(BIN)/python tools/eval.py

## Speed figures (medians and ratios, one run): assess() by policy size, the dry run,
## and the live check and review queue under gunicorn on PostgreSQL against a bare view.
bench: install
	$(BIN)/python tools/bench.py
	$(BIN)/python tools/bench_dry_run.py
	$(BIN)/python -W ignore -m tools.bench_web

## Re-train the shipped models from the public data in ../shared/data.
train: install
	$(BIN)/python tools/train.py

lint: install
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache
