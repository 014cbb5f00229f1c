# Shortcuts for the two set-up commands (scripts/run.sh, scripts/test.sh), which need no make.
.PHONY: run test lint

run:
	@scripts/run.sh

test:
	@scripts/test.sh

lint:
	@scripts/bootstrap.sh
	@.venv/bin/ruff check .
