"""Pattern shapes kept in the temp dir (nlp/gated.py, for the cold start bench/classify.py
measures) are what parsing the patterns again gives."""

import re
import re._parser as _p

import jieba
import pytest

from nlp import gated, segment, situation
from nlp.rules import default_rules


@pytest.fixture()
def fresh_cache(tmp_path, monkeypatch):
    path = tmp_path / "shapes.json"
    monkeypatch.setattr(gated, "_cache_path", lambda: path)
    monkeypatch.setattr(gated, "_cached", None)
    return path


def _sources():
    segment.ensure_ready()
    d = situation.data()
    found = [situation._expand(p) for spec in d["classes"].values() for p in spec["patterns"]]
    found += [p for spec in d["calm"].values() for p in spec["patterns"] + spec.get("unless", [])]
    return found + default_rules()["praise_patterns"] + ["(?i)help", "b?", "(?<=x)b"]


def _parsed_again(source, freq):
    parsed = _p.parse(source)
    ignores_case = bool(parsed.state.flags & re.IGNORECASE)
    needs = () if ignores_case else tuple(gated.needed(parsed, freq))
    return gated.Shape(needs, gated.first_chars(parsed), ignores_case, parsed.getwidth()[0] == 0)


def test_kept_shapes_are_the_parsed_ones(fresh_cache, monkeypatch):
    freq, sources = jieba.dt.FREQ, _sources()
    expected = [_parsed_again(source, freq) for source in sources]
    assert gated.shapes(sources, freq) == expected
    assert fresh_cache.exists()
    monkeypatch.setattr(gated, "_cached", None)  # as a new process: read from the file
    monkeypatch.setattr(gated, "_shape", lambda *_: pytest.fail("parsed again"))
    assert gated.shapes(sources, freq) == expected
    for source, shape in zip(sources, expected, strict=True):
        parsed = _p.parse(source)
        assert gated.prefixed(source, shape.first) == gated.with_first_chars(source, parsed)


def test_a_shape_is_read_again_when_the_counts_it_ranked_by_change(fresh_cache, monkeypatch):
    source = "(?:冒|起)烟了"  # three sets of needed characters: the rarest goes first
    first = gated.shapes([source], {"冒": 1, "起": 1, "烟": 9, "了": 9})[0]
    assert first.needs[0] == frozenset("冒起")
    monkeypatch.setattr(gated, "_cached", None)
    other = {"冒": 9, "起": 9, "烟": 0, "了": 5}
    assert gated.shapes([source], other)[0] == _parsed_again(source, other) != first


def test_a_broken_file_is_parsed_again(fresh_cache):
    fresh_cache.write_text("{not json", "utf-8")
    assert gated.shapes(["电梯困人"], {}) == [_parsed_again("电梯困人", {})]
