"""Throughput of nlp.classify against a bare jieba.lcut on the same texts, and cold start.

Run: .venv/bin/python bench/classify.py [--rounds N]
The figure is the ratio classify time / lcut time: pinyin tolerance, situations and the
learned model included (goal: at most 3.0); cold start goal: under 1.5 s. Times are the
process's CPU time (time.process_time), so that other work on a shared machine does not
count; wall-clock cold start is printed beside it.
"""

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import jieba  # noqa: E402

import nlp  # noqa: E402

DATA = ROOT / "nlp" / "data" / "labelled"
_CLOCKS = "t, c = time.perf_counter(), time.process_time(); "
_SPENT = "; print(time.perf_counter() - t, time.process_time() - c)"
COLD_START = "import time; " + _CLOCKS + "import nlp; nlp.warm_up()" + _SPENT
JIEBA_ONLY = (
    "import time, logging; " + _CLOCKS + "import jieba; jieba.setLogLevel(logging.WARNING); jieba.initialize()"
    + _SPENT
)


def load_texts() -> dict[str, list[str]]:
    sets = {}
    for path in sorted(DATA.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            sets[path.stem] = [json.loads(line)["text"] for line in handle if line.strip()]
    return sets


def timed(func, texts: list[str]) -> float:
    started = time.process_time()
    for text in texts:
        func(text)
    return time.process_time() - started


def fresh_process(code: str, runs: int) -> tuple[float, float]:
    """Median wall-clock and CPU seconds of the code in a new interpreter."""
    walls, cpus = [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
        wall, cpu = out.stdout.strip().splitlines()[-1].split()
        walls.append(float(wall))
        cpus.append(float(cpu))
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--cold-runs", type=int, default=5)
    args = parser.parse_args()

    nlp.warm_up()
    sets = load_texts()
    sets["all"] = [text for texts in list(sets.values()) for text in texts]
    print(f"{'set':<10} {'msgs':>5} {'lcut msg/s':>11} {'classify msg/s':>15} {'ratio':>6}")
    for name, texts in sets.items():
        lcut_times, classify_times, ratios = [], [], []
        for round_ in range(args.rounds):
            # alternate who goes first so caches and clock drift favour neither
            if round_ % 2:
                c = timed(nlp.classify, texts)
                j = timed(jieba.lcut, texts)
            else:
                j = timed(jieba.lcut, texts)
                c = timed(nlp.classify, texts)
            lcut_times.append(j)
            classify_times.append(c)
            ratios.append(c / j)
        j, c = statistics.median(lcut_times), statistics.median(classify_times)
        print(
            f"{name:<10} {len(texts):>5} {len(texts) / j:>11.0f} {len(texts) / c:>15.0f} {statistics.median(ratios):>6.2f}"
        )

    print()
    wall, cpu = fresh_process(COLD_START, args.cold_runs)
    print(f"cold start, fresh process (import nlp + warm_up): {cpu:.3f} s CPU, {wall:.3f} s wall")
    wall, cpu = fresh_process(JIEBA_ONLY, args.cold_runs)
    print(f"  of which jieba alone (import + dictionary):     {cpu:.3f} s CPU, {wall:.3f} s wall")


if __name__ == "__main__":
    main()
