"""The danger patterns' word lists ({person}, {body} ...) are parsed once per process, not
once per pattern naming them (a cold start, bench/classify.py), and a pattern read with its
lists held out is gated as the pattern written out."""

import jieba
import pytest

from nlp import gated, segment, situation

WORDS = {"who": "人|孩子|老人(?!家)", "part": "手|脚", "wide": "[^，。]{0,2}(卡|停)"}
OWN = [
    "{who}被困",
    "({who}了|{who}的)摔倒",  # one opening shared by both alternatives
    "({who}|狗)掉进|被{part}夹",  # alternatives of one character each: a set to re
    "{who}?{part}+流血|{wide}住了",
    "(?<!没)有{who}{0,2}晕倒",
]


def _read_both_ways(words, sources, freq):
    lists = gated.WordLists(words, freq)
    for source in sources:
        written = source
        for name, listed in words.items():
            written = written.replace("{" + name + "}", f"(?:{listed})")
        parsed, held = lists.parse(source)
        whole = gated._p.parse(written)
        assert gated.alternatives(parsed, freq, held) == gated.alternatives(whole, freq), source
        assert gated.first_chars(parsed, held) == gated.first_chars(whole), source
        assert gated.with_first_chars(written, parsed, held) == gated.with_first_chars(written, whole), source


def test_a_pattern_read_with_its_lists_held_out_is_gated_as_written_out():
    segment.ensure_ready()
    _read_both_ways(WORDS, OWN, jieba.dt.FREQ)
    _read_both_ways(WORDS, OWN, {})  # ties between sets broken as before
    data = situation.data()
    sources = [source for spec in data["classes"].values() for source in spec["patterns"]]
    _read_both_ways(data["words"], sources, jieba.dt.FREQ)


def test_warming_up_parses_each_word_list_once(monkeypatch):
    parsed = []
    real = gated._p.parse
    monkeypatch.setattr(gated._p, "parse", lambda source, *args: parsed.append(source) or real(source, *args))
    situation._compiled.cache_clear()
    try:
        situation.warm_up()
    finally:
        situation._compiled.cache_clear()
    person = situation.data()["words"]["person"]
    assert len(parsed) > 800
    assert sum(person in source for source in parsed) == 1


def test_a_pattern_holding_a_stand_in_character_is_refused():
    with pytest.raises(ValueError):
        gated.WordLists(WORDS, {}).parse("\ue000被困")
