# Targets used by the README and by .ci/run. Everything runs inside .venv.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export DBT_PROFILES_DIR := $(CURDIR)
export DATAFIRST_RAW_DIR ?= $(CURDIR)/data/raw
export DATAFIRST_TRUTH_DIR ?= $(CURDIR)/data/truth
export DATAFIRST_DUCKDB_PATH ?= $(CURDIR)/data/datafirst.duckdb
export DATAFIRST_RELEASE_DIR ?= $(CURDIR)/data/release
PEOPLE ?= 20000
SEED ?= 20110101
PROFILE ?= default
# make release COARSE=1: event dates published as months, ages as bands.
COARSE ?=
# SQLFluff with sqlparse's token limit lifted, as dbt's own CLI lifts it (its
# --sqlparse default). The dbt templater calls dbt without that CLI, so an
# analysis that reads an ephemeral model (models/research: dbt parses the
# analysis to inline the model) would otherwise be skipped, not linted.
SQLFLUFF := $(BIN)/python -c "import sqlparse.engine.grouping as grouping; \
	grouping.MAX_GROUPING_TOKENS = None; \
	from sqlfluff.cli.commands import cli; cli()"

# SQL files changed since BASE (and not yet tracked), for the fast tier's lint.
BASE ?= HEAD
CHANGED_SQL = $(sort $(shell { git diff --name-only --diff-filter=d $(BASE) -- models macros tests analyses; \
	git ls-files --others --exclude-standard -- models macros tests analyses; } 2>/dev/null | grep '\.sql$$'))

# DATAFIRST_TARGET=spark: dbt runs inside the project's Spark runner, which
# creates the SparkSession dbt-spark (method: session) uses.
ON_SPARK := $(filter spark,$(DATAFIRST_TARGET))
DBT := $(if $(ON_SPARK),$(BIN)/python -m datafirst.warehouse.spark,$(BIN)/dbt)
SPARK_STAMP := $(VENV)/.spark-installed

.PHONY: setup spark-setup browser demo generate calibration build release docs catalogue catalogue-export analyses benchmark check test lint lint-python lint-sql lint-sql-changed conventions pytest bench-generator sources clean

$(BIN)/activate: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/activate

setup: $(BIN)/activate

## Java and Spark for the spark target (Debian's OpenJDK 17, pyspark and
## dbt-spark from PyPI; Splink's similarity jar comes with splink). Optional:
## make demo and the DuckDB tests need none of it.
spark-setup: $(SPARK_STAMP)

$(SPARK_STAMP): $(BIN)/activate
	@command -v java >/dev/null || { \
		SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq openjdk-17-jre-headless >/dev/null; }
	@java -version 2>&1 | head -1
	$(BIN)/pip install --quiet -e '.[dev,spark]'
	touch $(SPARK_STAMP)

## Headless Chromium for the catalogue test (Debian's package; needs root or sudo).
browser:
	@command -v chromium >/dev/null || { \
		SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }
	@chromium --version

## The main job: generate the synthetic extracts, build and test the warehouse,
## publish the research release, write the catalogue, run the analyses.
demo: setup generate release catalogue catalogue-export analyses

generate: setup
	$(BIN)/datafirst-generate --people $(PEOPLE) --seed $(SEED) --profile $(PROFILE)

## The generated extract (data/raw, data/truth) against published England and
## Wales figures; fails when a figure is outside its tolerance.
calibration: setup
	$(BIN)/python -m datafirst.generator.calibration --raw $(DATAFIRST_RAW_DIR) --truth $(DATAFIRST_TRUTH_DIR)

## dbt build of the working warehouse (identified data; data/datafirst.duckdb),
## recorded beside it. Publishes nothing. With DATAFIRST_TARGET=spark, the
## same dbt build on local Spark (data/spark; no build record, no release).
build: setup $(if $(ON_SPARK),spark-setup)
	$(if $(ON_SPARK),$(DBT) build,$(BIN)/python -m datafirst.release build)

## Build, then publish the research release (data/release/: marts, linking
## tables, lookups, manifest) if every error-level test passed; a failed or
## interrupted build leaves the previous release as it was. DuckDB only.
release: setup
	$(BIN)/python -m datafirst.release publish $(if $(filter 1 yes true,$(COARSE)),--coarse)

docs: setup $(if $(ON_SPARK),spark-setup)
	$(DBT) docs generate --static
	@echo "Catalogue: open target/static_index.html in a browser (one offline file)."

## The researchers' catalogue (DuckDB builds): the published tables, linking
## tables and code lists only, with each column's completeness by year, each
## code list's codes and each dataset's access conditions.
catalogue: docs
	$(BIN)/python -m datafirst.catalogue researcher

## The variable list researchers attach to an application: one workbook, a
## sheet per dataset (target/researcher/variables.xlsx).
catalogue-export: docs
	$(BIN)/python -m datafirst.catalogue export

## The research analyses (analyses/) with disclosure control: CSV and charts in results/.
analyses: setup
	$(BIN)/python -m datafirst.research.run --results results

## The fast tier, for every change (a few minutes): Python lint, SQL lint of
## the files changed since BASE (default: uncommitted changes), conventions,
## and every test that needs no built warehouse.
check: setup lint-python lint-sql-changed conventions
	$(BIN)/pytest -m "not warehouse and not slow and not spark"

## Every test: linters, convention checks and the whole pytest suite (which
## builds a demo-scale warehouse of its own). .ci/run calls this.
test: setup browser spark-setup lint conventions pytest

lint: lint-python lint-sql

lint-python: setup
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/python -m datafirst.registry.dbt --check

lint-sql: setup
	$(SQLFLUFF) lint --processes 2 models macros tests analyses

lint-sql-changed: setup
	@if [ -n "$(CHANGED_SQL)" ]; then $(SQLFLUFF) lint --processes 2 $(CHANGED_SQL); \
	else echo "sqlfluff: no SQL file changed since $(BASE)"; fi

conventions: setup
	$(BIN)/dbt parse --quiet
	$(BIN)/dbt-bouncer --config-file dbt-bouncer.yml

pytest: setup
	$(BIN)/pytest

## The whole pipeline at 10k, 100k and 1M people; writes the table into README.md.
benchmark: setup
	$(BIN)/python -m datafirst.benchmark --people 10000 100000 1000000 --readme

bench-generator: setup
	$(BIN)/python -m datafirst.generator.benchmark

sources: setup
	$(BIN)/python -m datafirst.registry.dbt

clean:
	rm -rf target logs data .pytest_cache
