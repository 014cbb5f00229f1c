"""Compare predictions with labelled examples: accuracies, urgency P/R, per-code table."""

from collections import Counter

from nlp import taxonomy

_FIELDS = ("intent", "category", "code", "emotion")


def _gold(example: dict) -> dict:
    gold = {key: example.get(key) for key in ("intent", "category", "code", "urgent", "emotion")}
    if gold["code"] and not gold["category"]:
        gold["category"] = taxonomy.category_of(gold["code"])
    return gold


def _ratio(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


def evaluate(examples, classifier=None) -> dict:
    """Evaluate a classifier (default: the module one) on dicts with text and gold labels.

    A gold value of None means "not labelled" and is left out of that measure.
    """
    if classifier is None:
        from nlp import default_classifier

        classifier = default_classifier()
    correct, counted = Counter(), Counter()
    tp = fp = fn = 0
    gold_codes, predicted_codes, code_hits = Counter(), Counter(), Counter()
    confusions: Counter = Counter()
    errors = []
    n = 0
    for example in examples:
        n += 1
        gold = _gold(example)
        predicted = classifier.classify(example["text"])
        wrong = {}
        for key in _FIELDS:
            if gold[key] is None:
                continue
            counted[key] += 1
            value = getattr(predicted, key)
            if value == gold[key]:
                correct[key] += 1
            else:
                wrong[key] = (gold[key], value)
        if gold["urgent"] is not None:
            truth, guess = bool(gold["urgent"]), predicted.urgent
            tp += truth and guess
            fp += guess and not truth
            fn += truth and not guess
            if truth != guess:
                wrong["urgent"] = (truth, guess)
        if gold["code"] is not None:
            gold_codes[gold["code"]] += 1
            predicted_codes[predicted.code] += 1
            if gold["code"] == predicted.code:
                code_hits[gold["code"]] += 1
            else:
                confusions[(gold["code"], predicted.code)] += 1
        if wrong:
            errors.append({"text": example["text"], "wrong": wrong, "evidence": predicted.evidence})
    per_code = {
        code: {
            "support": gold_codes[code],
            "predicted": predicted_codes[code],
            "precision": _ratio(code_hits[code], predicted_codes[code]),
            "recall": _ratio(code_hits[code], gold_codes[code]),
        }
        for code in sorted(set(gold_codes) | set(predicted_codes))
    }
    return {
        "n": n,
        "accuracy": {key: _ratio(correct[key], counted[key]) for key in _FIELDS},
        "urgent": {
            "precision": _ratio(tp, tp + fp),
            "recall": _ratio(tp, tp + fn),
            "support": tp + fn,
        },
        "per_code": per_code,
        "confusions": [
            {"gold": gold, "predicted": predicted, "count": count}
            for (gold, predicted), count in confusions.most_common()
        ],
        "errors": errors,
    }


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def format_report(report: dict, verbose: bool = False) -> str:
    acc, urgent = report["accuracy"], report["urgent"]
    lines = [f"examples: {report['n']}"]
    lines += [f"{key:<9} accuracy {_fmt(acc[key])}" for key in _FIELDS]
    lines.append(
        f"urgent    precision {_fmt(urgent['precision'])}  recall {_fmt(urgent['recall'])}"
        f"  (support {urgent['support']})"
    )
    lines += ["", f"{'code':<10} {'support':>7} {'predicted':>9} {'precision':>9} {'recall':>7}"]
    for code, row in report["per_code"].items():
        lines.append(
            f"{code:<10} {row['support']:>7} {row['predicted']:>9} {_fmt(row['precision']):>9} {_fmt(row['recall']):>7}"
        )
    lines += ["", "confusions (gold -> predicted: count)"]
    lines += [f"  {c['gold']} -> {c['predicted']}: {c['count']}" for c in report["confusions"]] or ["  none"]
    if verbose:
        lines += ["", "errors"]
        for error in report["errors"]:
            wrong = ", ".join(f"{k} {g}->{p}" for k, (g, p) in error["wrong"].items())
            lines.append(f"  [{wrong}] {error['text'][:80]}  <{' '.join(error['evidence'][:12])}>")
    return "\n".join(lines)
