"""Throughput of nlp.classify against a bare jieba.lcut on the same texts, and cold start.

Run: .venv/bin/python bench/classify.py [--rounds N]
The figure is the ratio classify time / lcut time: pinyin tolerance, situations and the
learned model included (goal: at most 3.0); cold start goal: under 1.5 s.
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
COLD_START = "import time; t = time.perf_counter(); import nlp; nlp.warm_up(); print(time.perf_counter() - t)"
JIEBA_ONLY = (
    "import time, logging; t = time.perf_counter(); import jieba; jieba.setLogLevel(logging.WARNING); "
    "jieba.initialize(); print(time.perf_counter() - t)"
)


def load_texts() -> dict[str, list[str]]:
    sets = {}
    for path in sorted(DATA.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            sets[path.stem] = [json.loads(line)["text"] for line in handle if line.strip()]
    return sets


def timed(func, texts: list[str]) -> float:
    started = time.perf_counter()
    for text in texts:
        func(text)
    return time.perf_counter() - started


def fresh_process(code: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


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
    print(f"cold start, fresh process (import nlp + warm_up): {fresh_process(COLD_START, args.cold_runs):.3f} s")
    print(f"  of which jieba alone (import + dictionary):     {fresh_process(JIEBA_ONLY, args.cold_runs):.3f} s")


if __name__ == "__main__":
    main()
