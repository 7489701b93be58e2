# Two commands from a fresh clone: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench check clean apt panduan

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	touch $(STAMP)

apt:
	@bash scripts/apt-deps.sh

## run: embedded SQLite under var/, demo data, server on 127.0.0.1:8000
run: $(STAMP) apt
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	@echo "Buka http://127.0.0.1:8000/ dan masuk dengan salah satu pengguna di atas."
	$(BIN)/python manage.py runserver 127.0.0.1:8000

## test: pytest against DATABASE_URL when set (CI: the local PostgreSQL), else SQLite
test: $(STAMP) apt
	env -u DATABASE_URL $(BIN)/python manage.py makemigrations --check --dry-run --settings=config.settings.test
	$(BIN)/pytest --create-db -q -n auto

lint: $(STAMP)
	$(BIN)/ruff check apps config tests benchmarks
	$(BIN)/ruff format --check apps config tests benchmarks
	$(BIN)/lint-imports

## panduan: the user's guides' screenshots (static/panduan/) taken again from the application
panduan: $(STAMP) apt
	SAKIP_PANDUAN_TULIS=1 $(BIN)/pytest -q -p no:cacheprovider tests/test_panduan.py

## bench: every script in benchmarks/ on its own database with --synthetic 100, then one table
## of the key figures (benchmarks/laporan.py; see benchmarks/README.md)
bench: $(STAMP)
	$(BIN)/python benchmarks/laporan.py --synthetic 100

clean:
	rm -rf $(VENV) var
