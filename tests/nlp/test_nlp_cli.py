import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from nlp.cli import main

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "nlp" / "data" / "labelled"


def run(*args, stdin=""):
    return subprocess.run(
        [sys.executable, "-m", "nlp", *args], cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=120
    )


def test_classify_reads_lines_and_writes_json_lines():
    out = run("classify", stdin="电梯困人了 快来\n\n马桶堵了\n")
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [row["text"] for row in rows] == ["电梯困人了 快来", "马桶堵了"]
    assert set(rows[0]) == {"text", "intent", "category", "code", "urgent", "emotion", "confidence"}
    assert (rows[0]["code"], rows[0]["urgent"]) == ("ENG-LIFT", True)
    assert "电梯" in out.stdout  # ensure_ascii=False
    assert out.stderr == ""  # jieba's start-up log is silenced


def test_evaluate_prints_the_report():
    out = run("evaluate", str(DATA / "dev.jsonl"))
    assert out.returncode == 0, out.stderr
    for expected in (
        "intent    accuracy",
        "category  accuracy",
        "code      accuracy",
        "emotion   accuracy",
        "urgent    precision",
        "ENG-PLUMB",
        "confusions",
    ):
        assert expected in out.stdout


def test_evaluate_unreadable_input_exits_non_zero(tmp_path):
    assert run("evaluate", str(tmp_path / "missing.jsonl")).returncode != 0
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"text": "马桶堵了", "code": "ENG-PLUMB"}\nnot json\n', encoding="utf-8")
    out = run("evaluate", str(broken))
    assert out.returncode != 0
    assert "broken.jsonl:2" in out.stderr


def _corrections_db(path: Path) -> str:
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE TABLE classification_corrections (id INTEGER PRIMARY KEY, text TEXT, intent TEXT, "
        "category TEXT, code TEXT, urgent BOOLEAN, emotion TEXT)"
    )
    conn.executemany(
        "INSERT INTO classification_corrections (text, intent, category, code, urgent, emotion) VALUES (?,?,?,?,?,?)",
        [
            ("电梯困人了", "repair", "ENG", "ENG-LIFT", 1, "calm"),
            ("马桶堵了", None, "ENG", "ENG-PLUMB", None, None),
            ("共享单车乱摆乱放 共享单车挡路", "complaint", "SEC", "SEC-PARK", 0, "calm"),
            ("共享单车倒了一地", "complaint", "SEC", "SEC-PARK", 0, "calm"),
        ],
    )
    conn.commit()
    conn.close()
    return f"sqlite:///{path}"


def test_evaluate_from_db(tmp_path, capsys):
    url = _corrections_db(tmp_path / "corrections.db")
    assert main(["evaluate", "--from-db", "--database-url", url, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["n"] == 4
    assert report["per_code"]["ENG-LIFT"]["recall"] == 1.0
    assert report["urgent"]["support"] == 1


def test_evaluate_from_db_uses_database_url_env(tmp_path):
    url = _corrections_db(tmp_path / "env.db")
    out = subprocess.run(
        [sys.executable, "-m", "nlp", "evaluate", "--from-db"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "DATABASE_URL": url},
    )
    assert out.returncode == 0, out.stderr
    assert "examples: 4" in out.stdout


def test_from_db_without_table_or_file_fails(tmp_path, capsys):
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).close()
    assert main(["evaluate", "--from-db", "--database-url", f"sqlite:///{empty}"]) == 2
    assert main(["evaluate", "--from-db", "--database-url", f"sqlite:///{tmp_path / 'nope.db'}"]) == 2
    assert not (tmp_path / "nope.db").exists()
    assert "classification_corrections" in capsys.readouterr().err


@pytest.mark.parametrize("source", ["file", "db"])
def test_suggest(tmp_path, capsys, source):
    url = _corrections_db(tmp_path / "s.db")
    if source == "db":
        args = ["suggest", "--from-db", "--database-url", url, "--json"]
    else:
        path = tmp_path / "c.jsonl"
        path.write_text(
            "\n".join(
                json.dumps({"text": t, "code": "SEC-PARK"}, ensure_ascii=False)
                for t in ("共享单车乱摆乱放", "共享单车倒了一地")
            ),
            encoding="utf-8",
        )
        args = ["suggest", str(path), "--json"]
    assert main(args) == 0
    suggestions = json.loads(capsys.readouterr().out)
    assert "单车" in [word for word, _ in suggestions["SEC-PARK"]]
