"""What a process loads to classify: pypinyin's phrase dictionary (a quarter of a cold
start) is skipped, since the keywords' sounds are read one character at a time."""

import os
import subprocess
import sys


def test_the_classifier_loads_no_phrase_dictionary():
    code = "import nlp; nlp.warm_up(); import pypinyin.constants as c; print(len(c.PHRASES_DICT))"
    env = {k: v for k, v in os.environ.items() if k != "PYPINYIN_NO_PHRASES"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120, env=env)
    assert out.stdout.strip() == "0"


def test_a_process_that_chose_otherwise_keeps_its_choice():
    code = "import os; os.environ['PYPINYIN_NO_PHRASES'] = ''; import nlp; import pypinyin.constants as c; print(len(c.PHRASES_DICT) > 0)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.strip() == "True"
