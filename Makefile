# newsroom-kit front door. `make help` lists every target.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
KERNEL := newsroom-kit
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help setup demo test lab clean-venv notebooks

help: ## List every target with what it does
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] in ((3, 11), (3, 12)), "Python 3.11 is needed, found " + sys.version.split()[0]'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "$(KERNEL)"
	@touch $(STAMP)

setup: $(STAMP) ## Create .venv with the pinned packages, the spaCy pipeline and the Jupyter kernel

demo: setup ## Run the sample report on data/sample/ and print where the HTML is
	$(BIN)/kit report data/sample --title "Sample report" --actors data/sample-actors.yml

test: setup ## Run the whole test suite
	$(BIN)/python -m pytest

lab: setup ## Open JupyterLab on the notebooks
	$(BIN)/jupyter lab notebooks/

notebooks: setup ## Sync notebooks/*.ipynb from their jupytext .py pairs
	$(BIN)/jupytext --sync notebooks/*.py

clean-venv: ## Remove .venv (reports and data are kept)
	rm -rf $(VENV)
