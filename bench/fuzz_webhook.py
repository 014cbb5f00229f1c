"""The webhook fuzz tests of the suite, run much longer: `.venv/bin/python bench/fuzz_webhook.py [EXAMPLES]`
(default 20,000 examples per property; the suite runs 1,000)."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    examples = sys.argv[1] if len(sys.argv) > 1 else "20000"
    env = {**os.environ, "FUZZ_EXAMPLES": examples}
    sys.exit(subprocess.call([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                              "tests/bot/test_fuzz_webhook.py"], cwd=ROOT, env=env))
