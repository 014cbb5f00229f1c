# The two set-up commands. Both create .venv and install the pinned requirements.
.PHONY: run test lint

run:
	@scripts/bootstrap.sh
	@.venv/bin/python -m demo.run

test:
	@scripts/test.sh

lint:
	@scripts/bootstrap.sh
	@.venv/bin/ruff check .
