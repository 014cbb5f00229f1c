from pathlib import Path

from nlp import labelled
from nlp.labelled import load as load_labelled

__all__ = ["load_jsonl", "DATA"]

DATA = Path(labelled.__file__).resolve().parent / "data" / "labelled"


def load_jsonl(name: str) -> list[dict]:
    """A shipped labelled file by file name ("dev.jsonl"): one place for tests and the CLI."""
    return load_labelled(name.removesuffix(".jsonl"))
