# cardiotwin developer entry points.  Every target sets up ./.venv first (idempotent).
.PHONY: setup demo test test-serial test-mpi lint docs kernels bench clean

VENV   := .venv
PY     := $(VENV)/bin/python
MPIEXEC ?= $(VENV)/bin/mpiexec
NP     ?= 2

setup:
	@bash tools/bootstrap.sh

demo: setup
	$(VENV)/bin/cardiotwin demo

test: setup
	@bash tools/run_tests.sh

lint: setup
	$(VENV)/bin/ruff check cardiotwin tests benchmarks tools examples docs
	$(VENV)/bin/lint-imports

docs: setup
	@bash tools/build_docs.sh

kernels: setup
	$(PY) setup.py -q build_ext --inplace

clean:
	rm -rf build cardiotwin/_kernels/*.so cardiotwin/_kernels/*/*.so cardiotwin-demo docs/_build docs/api/generated docs/auto_examples
