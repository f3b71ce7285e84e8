# KPI Monitor. Quick start: `make run` (dashboard with demo data) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
HOST ?= 127.0.0.1
STAMP := $(VENV)/.installed

.PHONY: run test lint fmt install clean bench

$(STAMP): pyproject.toml
	@echo "Cài đặt môi trường .venv (lần đầu khoảng 2 phút) / installing .venv (about 2 minutes the first time)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --progress-bar on -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	KPI_DATABASE_URL=$${KPI_DATABASE_URL:-sqlite:///data/kpi.db} $(BIN)/kpi serve --host $(HOST) --port $(PORT) --demo

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 --dist loadgroup

lint: $(STAMP)
	$(BIN)/ruff check kpi loaders schemas dashboard reports tests benchmarks
	$(BIN)/ruff format --check kpi loaders schemas dashboard reports tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

fmt: $(STAMP)
	$(BIN)/ruff format kpi loaders schemas dashboard reports tests benchmarks
	$(BIN)/ruff check --fix kpi loaders schemas dashboard reports tests benchmarks

bench: $(STAMP)
	@# timed as an installed product runs: bytecode compiled (PYTHONDONTWRITEBYTECODE leaves none)
	$(BIN)/python -m compileall -q kpi loaders schemas reports dashboard
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/progress.py
	$(BIN)/python benchmarks/dashboard.py
	$(BIN)/python benchmarks/status.py
	$(BIN)/python benchmarks/report.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
