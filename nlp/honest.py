"""`python -m nlp evaluate` with no file: the figures that are evidence, not the tuning score.

For each set the model is trained on the other public texts only (never on the set itself
and never on chat_train's held-out third); authored.jsonl is reported too, as tuning data; the 5-fold cross-validation splits every public
text by a hash of its text. Each set is scored by the rules alone, the model alone and the
two together.
"""

from nlp import labelled
from nlp.blend import ModelOnly
from nlp.classifier import Classifier
from nlp.evaluate import evaluate

SETS = ("dev", "chat_tuning", "chat_heldout", "real_dev", "authored", "blind_chat", "blind_real")
# sets written or tuned on in this project: their figures show fit, not accuracy on new text
TUNING = ("dev", "chat_tuning", "authored")
FOLDS = 5
MODES = ("rules", "model", "rules+model")


def _classifiers(model) -> dict:
    return {"rules": Classifier(model=None), "model": ModelOnly(model), "rules+model": Classifier(model=model)}


class _ByFold:
    """Classifies each text with the classifier trained without the text's fold."""

    def __init__(self, per_fold):
        self.per_fold = per_fold

    def classify(self, text):
        return self.per_fold[labelled.text_bucket(text, FOLDS)].classify(text)


def reports(sets=SETS, folds: bool = True) -> dict:
    from nlp.train import build

    public = labelled.all_public()
    out = {}
    for name in sets:
        rows = labelled.load(name)
        keep_out = {row["text"] for row in rows}
        train = [r for r in public if r["text"] not in keep_out and not labelled.is_held_out_row(r)]
        for mode, clf in _classifiers(build(train)).items():
            out[(name, mode)] = evaluate(rows, clf)
    if folds:
        per_fold = [
            _classifiers(build([r for r in public if labelled.text_bucket(r["text"], FOLDS) != k]))
            for k in range(FOLDS)
        ]
        for mode in MODES:
            out[(f"cv{FOLDS}-all", mode)] = evaluate(public, _ByFold([c[mode] for c in per_fold]))
    return out


def _f(value) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def format_reports(results: dict) -> str:
    lines = [f"{'set':<13} {'mode':<12} {'n':>4} {'category':>8} {'code':>6} {'intent':>6} {'urg P':>6} {'urg R':>6}"]
    for (name, mode), r in results.items():
        acc, urg = r["accuracy"], r["urgent"]
        lines.append(
            f"{name:<13} {mode:<12} {r['n']:>4} {_f(acc['category']):>8} {_f(acc['code']):>6} "
            f"{_f(acc['intent']):>6} {_f(urg['precision']):>6} {_f(urg['recall']):>6}"
        )
    tuned = [name for name in TUNING if any(key[0] == name for key in results)]
    if tuned:
        lines += ["", f"tuning data (fit, not evidence): {', '.join(tuned)}"]
    if any(key[0] in labelled.BLIND for key in results):
        lines += ["blind sets (written without seeing the project; read their aggregates only): "
                  + ", ".join(labelled.BLIND)]
    lines += ["", "per category, rules+model (recall)"]
    for (name, mode), r in results.items():
        if mode != "rules+model":
            continue
        cats: dict[str, list[int]] = {}
        for code, row in r["per_code"].items():
            cat = code.split("-", 1)[0]
            hits = round((row["recall"] or 0) * row["support"])
            total = cats.setdefault(cat, [0, 0])
            total[0] += hits
            total[1] += row["support"]
        lines.append(f"  {name:<13} " + "  ".join(f"{c} {h / n:.2f}" for c, (h, n) in sorted(cats.items()) if n))
    return "\n".join(lines)
