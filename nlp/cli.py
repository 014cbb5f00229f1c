"""python -m nlp classify | evaluate | train | suggest — no database or Redis needed except --from-db."""

import argparse
import json
import sys

from nlp import classify, warm_up
from nlp.evaluate import evaluate, format_report

_OUTPUT_KEYS = ("intent", "category", "code", "urgent", "emotion", "confidence")


class InputError(Exception):
    pass


def _read_jsonl(path: str) -> list[dict]:
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.readlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}") from exc
    examples = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            example = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: not JSON: {exc}") from exc
        if not isinstance(example, dict) or not isinstance(example.get("text"), str):
            raise InputError(f"{path}:{number}: expected an object with a text field")
        examples.append(example)
    return examples


def _load_examples(args) -> list[dict]:
    if args.from_db:
        from nlp.corrections import load_corrections

        try:
            return load_corrections(args.database_url)
        except Exception as exc:  # any driver or schema error means the input is unreadable
            raise InputError(f"cannot read classification_corrections: {exc}") from exc
    if not args.file:
        raise InputError("give a JSONL file or --from-db")
    return _read_jsonl(args.file)


def cmd_classify(args) -> int:
    warm_up()
    out = sys.stdout
    for line in sys.stdin:
        text = line.rstrip("\r\n")
        if not text.strip():
            continue
        result = classify(text)
        row = {"text": text, **{key: getattr(result, key) for key in _OUTPUT_KEYS}}
        if args.evidence:
            row["evidence"] = result.evidence
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        out.flush()
    return 0


def cmd_evaluate(args) -> int:
    if not args.file and not args.from_db:
        from nlp.honest import format_reports, reports

        results = reports(folds=not args.no_cv)
        if args.json:
            print(json.dumps({f"{k[0]} {k[1]}": v["accuracy"] | {"urgent": v["urgent"]} for k, v in results.items()},
                             ensure_ascii=False, indent=1))
        else:
            print(format_reports(results))
        return 0
    examples = _load_examples(args)
    report = evaluate(examples)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print(format_report(report, verbose=args.verbose))
    return 0


def cmd_suggest(args) -> int:
    from nlp.suggest import suggest_keywords

    examples = _load_examples(args)
    suggestions = suggest_keywords(examples, top=args.top)
    if args.json:
        print(json.dumps(suggestions, ensure_ascii=False, indent=1))
        return 0
    for code, words in sorted(suggestions.items()):
        print(f"{code}: " + ("  ".join(f"{w} {score:.2f}" for w, score in words) or "-"))
    return 0


def cmd_train(args) -> int:
    from nlp.model import shipped_path
    from nlp.train import train_and_save

    corrections = []
    if args.from_db:
        from nlp.corrections import load_corrections

        try:
            corrections = load_corrections(args.database_url)
        except Exception as exc:  # any driver or schema error means the input is unreadable
            raise InputError(f"cannot read classification_corrections: {exc}") from exc
    if not args.output and not args.shipped:
        raise InputError("give --shipped (nlp/data/model.npz, the labelled texts only) or --output PATH")
    path = train_and_save(corrections, args.output or shipped_path())
    print(f"trained on the shipped texts and {len(corrections)} correction(s): {path}")
    return 0


def _source_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", help="JSON Lines with text and gold labels")
    parser.add_argument("--from-db", action="store_true", help="read the classification_corrections table")
    parser.add_argument("--database-url", help="default: $DATABASE_URL, else sqlite:///instance/servicedesk.db")
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m nlp", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("classify", help="classify stdin lines, one JSON object per line")
    p.add_argument("--evidence", action="store_true", help="include the matched keywords")
    p.set_defaults(run=cmd_classify)
    p = commands.add_parser(
        "evaluate", help="accuracy against labelled examples; no file: rules, model and both on the shipped sets"
    )
    _source_arguments(p)
    p.add_argument("--no-cv", action="store_true", help="skip the 5-fold cross-validation")
    p.add_argument("-v", "--verbose", action="store_true", help="list the misclassified examples")
    p.set_defaults(run=cmd_evaluate)
    p = commands.add_parser("train", help="fit the learned second opinion (scikit-learn) and save it")
    p.add_argument("--shipped", action="store_true", help="write nlp/data/model.npz from the shipped texts")
    p.add_argument("--output", help="write the model here instead")
    p.add_argument("--from-db", action="store_true", help="add the classification_corrections table")
    p.add_argument("--database-url", help="default: $DATABASE_URL, else sqlite:///instance/servicedesk.db")
    p.set_defaults(run=cmd_train)
    p = commands.add_parser("suggest", help="propose keywords per code from corrected texts")
    _source_arguments(p)
    p.add_argument("--top", type=int, default=10)
    p.set_defaults(run=cmd_suggest)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
