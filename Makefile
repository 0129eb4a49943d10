# Targets used by the README and by .ci/run. Everything runs inside .venv.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export DBT_PROFILES_DIR := $(CURDIR)
export DATAFIRST_RAW_DIR ?= $(CURDIR)/data/raw
export DATAFIRST_TRUTH_DIR ?= $(CURDIR)/data/truth
export DATAFIRST_DUCKDB_PATH ?= $(CURDIR)/data/datafirst.duckdb
PEOPLE ?= 20000
SEED ?= 20110101
PROFILE ?= default

.PHONY: setup demo generate build docs test lint conventions pytest bench-generator sources clean

$(BIN)/activate: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/activate

setup: $(BIN)/activate

## The main job: generate the synthetic extracts, build and test the warehouse, write the catalogue.
demo: setup generate build docs

generate: setup
	$(BIN)/datafirst-generate --people $(PEOPLE) --seed $(SEED) --profile $(PROFILE)

build: setup
	$(BIN)/dbt build

docs: setup
	$(BIN)/dbt docs generate --static

## Every test: linters, convention checks and the pytest suite (which builds a tiny warehouse).
test: setup lint conventions pytest

lint: setup
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests
	$(BIN)/python -m datafirst.generator.sources_yaml --check
	$(BIN)/sqlfluff lint models macros tests analyses

conventions: setup
	$(BIN)/dbt parse --quiet
	$(BIN)/dbt-bouncer --config-file dbt-bouncer.yml

pytest: setup
	$(BIN)/pytest

bench-generator: setup
	$(BIN)/python -m datafirst.generator.benchmark

sources: setup
	$(BIN)/python -m datafirst.generator.sources_yaml

clean:
	rm -rf target logs data .pytest_cache
