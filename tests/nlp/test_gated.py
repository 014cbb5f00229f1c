"""An Alternation (nlp/gated.py, kept cheap for bench/classify.py) finds what the joined
regex finds: the same spans and words, by search and by finditer, with and without the
text's characters to gate on."""

import importlib
import pkgutil
import re

import jieba

import nlp
from nlp import gated, labelled, negation, segment, situation, structure
from nlp.normalize import normalize
from nlp.rules import default_rules

TEXTS = [normalize(row["text"]) for row in labelled.all_public()] + [
    "上次也困过人 今天又困人了",
    "不急，电梯困人已经处理好了",
    "态度真好！就是修得太慢",
    "师傅人真好 给你们点个赞",
    "very helpful, not really helpful",
    "",
]


def _spans(matches):
    return [(m.span(), m.group(0)) for m in matches]


def _alternations():
    segment.ensure_ready()
    calm = situation.data()["calm"].values()
    groups = [spec["patterns"] for spec in calm] + [spec["unless"] for spec in calm if spec.get("unless")]
    groups += [default_rules()["praise_patterns"], ["a", "ab", "(?<=x)b"], ["b?", "c"]]  # ties, look-behind, empty
    groups += [[p.pattern for p in v.patterns] for v in vars(structure).values() if isinstance(v, gated.Alternation)]
    return groups


def test_an_alternation_finds_what_the_joined_regex_finds():
    found = 0
    for sources in _alternations():
        alternation = gated.Alternation(sources, jieba.dt.FREQ)
        joined = re.compile("|".join(f"(?:{source})" for source in sources))
        for text in TEXTS + ["xab aab", "abc cb"]:
            expected = _spans(joined.finditer(text))
            found += len(expected)
            for chars in (None, set(text)):
                assert _spans(alternation.finditer(text, chars)) == expected, (sources, text)
                assert _spans(filter(None, [alternation.search(text, chars)])) == expected[:1], (sources, text)
    assert found > 1000  # the texts met the patterns often


def test_a_text_lacking_a_needed_character_runs_no_pattern():
    alternation = gated.Alternation(["(已经|都)?(被)?(保安)?(劝开|劝走)了", "不急"], jieba.dt.FREQ)
    assert alternation._candidates(set("电梯困人了")) == []
    assert [p.pattern for p in alternation._candidates(set("被劝走了"))] == ["(已经|都)?(被)?(保安)?(劝开|劝走)了"]


def test_a_pattern_ignoring_case_needs_no_character_in_particular():
    assert gated.needed(gated._p.parse("(?i:ab)c"), {}) == [frozenset("c")]
    alternation = gated.Alternation(["(?i)ab"], {})
    assert alternation.search("xAB", set("xAB")).group(0) == "AB"


def _gated_regexes():
    """Every gated.Gated at module level in nlp/, alone or in a tuple (temper._PROVOKED)."""
    found = []
    for info in pkgutil.iter_modules(nlp.__path__):
        if info.name == "__main__":
            continue
        for value in vars(importlib.import_module(f"nlp.{info.name}")).values():
            for item in value if isinstance(value, tuple) else (value,):
                if isinstance(item, gated.Gated) and item not in found:
                    found.append(item)
    return found


def test_a_gated_regex_names_characters_every_match_needs():
    segment.ensure_ready()  # needed() ranks the sets by jieba's counts
    found = _gated_regexes()
    assert len(found) >= 16
    for regex in found:
        sets = gated.needed(gated._p.parse(regex.pattern.pattern), jieba.dt.FREQ)
        assert any(chars <= set(regex.needs) for chars in sets), regex.pattern.pattern
        for text in TEXTS:  # and so finds what the bare regex finds
            assert _spans(filter(None, [regex.search(text)])) == _spans(filter(None, [regex.pattern.search(text)]))
            assert _spans(regex.finditer(text)) == _spans(regex.pattern.finditer(text))


def test_the_money_question_and_others_open_each_alternative_with_a_character():
    """re scans fast for an alternation only when every alternative opens with a literal."""
    for regex in (
        structure._MONEY_QUESTION,
        structure._EARLIER_REPORT,
        structure._PITCH,
        structure._SMALL_TALK,
        structure._REQUEST,
        negation.FINE,
    ):
        parsed = gated._p.parse(regex.pattern)
        while parsed[0][0] is gated._p.SUBPATTERN:  # the whole alternation in a group
            parsed = parsed[0][1][3]
        op, (_, alternatives) = parsed[0]
        assert op is gated._p.BRANCH and len(parsed) == 1, regex.pattern
        assert all(alternative[0][0] is gated._p.LITERAL for alternative in alternatives), regex.pattern


def test_a_lazy_pattern_compiles_on_first_use_and_finds_what_re_finds(monkeypatch):
    compiled = []
    real = re.compile
    monkeypatch.setattr(gated.re, "compile", lambda source: compiled.append(source) or real(source))
    lazy = gated.Lazy("(电梯|扶梯).{0,4}(卡|夹)住")
    assert compiled == [] and lazy.pattern == "(电梯|扶梯).{0,4}(卡|夹)住"
    bare = real(lazy.pattern)
    for text in TEXTS + ["电梯门卡住了 扶梯又夹住了"]:
        assert _spans([lazy.search(text)] if lazy.search(text) else []) == _spans(
            [bare.search(text)] if bare.search(text) else []
        )
        assert _spans(lazy.finditer(text, 2)) == _spans(bare.finditer(text, 2))
    assert compiled == [lazy.pattern]  # once, however often it runs


def test_reading_the_danger_patterns_and_calm_cues_compiles_none_of_them(monkeypatch):
    """A worker's cold start (bench/classify.py): each is compiled when a message reaches it."""
    sources = {p.pattern for _, p in situation._compiled()[1]}
    calm = {p for spec in situation.data()["calm"].values() for p in spec["patterns"] + spec.get("unless", [])}
    compiled = []
    real = re.compile
    monkeypatch.setattr(gated.re, "compile", lambda source, *flags: compiled.append(source) or real(source, *flags))
    situation._compiled.cache_clear()
    try:
        situation.warm_up()
        assert len(situation._compiled()[1]) > 800 and len(calm) > 100
        assert not (sources | calm) & set(compiled)
    finally:
        situation._compiled.cache_clear()
