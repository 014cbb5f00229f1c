import json
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def load_jsonl(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
