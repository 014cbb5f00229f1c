"""Urgency from the situation, and tolerance of voice typing (issue 17)."""
import jieba
import pytest
from pypinyin import lazy_pinyin
from pypinyin.constants import PINYIN_DICT

import nlp
from nlp import labelled, situation
from nlp.classifier import Classifier
from nlp.rules import default_rules

RULES_ONLY = Classifier(model=None)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("二号楼的点梯停在两层中间 门打不开 我女儿在里面", "ENG-LIFT"),
        ("停车场出口两个司机动手了 一个头都破了 赶紧叫保安过来", "SEC-SAFE"),
        ("配电房那边一股焦糊味 门缝里还冒白烟", None),
        ("雨太大 仓库顶上哗哗漏 纸箱全泡了", None),
        ("楼下有人在撬自行车锁 现在还在撬", "SEC-SAFE"),
        # in words of our own: the same situations, other objects
        ("我爸在三号楼的电体里 卡在十楼和十一楼中间了 按铃没人应", "ENG-LIFT"),
        ("地下车库有个人拿着刀追另一个人 快叫保安", "SEC-SAFE"),
        ("店里的插排冒黑烟了 还有股烧焦的味道", None),
        ("卫生间的水管裂了 水一直往外喷 下面的货全湿了", None),
        ("超市门口一个老人摔倒了 头上在流血", "SEC-SAFE"),
        ("商铺的卷帘门锁不上 晚上没法关店", None),
    ],
)
def test_dangers_now_are_urgent_with_the_rules_alone(text, code):
    result = RULES_ONLY.classify(text)
    assert result.urgent is True, result
    assert result.intent in ("repair", "complaint")
    if code:
        assert result.code == code


@pytest.mark.parametrize(
    "text",
    [
        "墙角有一块旧的水渍 不急 有空来看看",
        "天花板有点渗水 一滴一滴的 慢慢来就行",
        "厕所好脏 没人打扫",
        "垃圾桶满了都溢出来了",
        "走廊墙皮一块一块往下掉",
        "上次电梯困人多亏小张来得快 真的很感谢",
        "烟感报警器一直在响 但是没有冒烟 也没有着火",
        "建议在车库多装几个灭火器 万一着火也方便",
        "昨晚我们店被偷了 想调一下监控",
    ],
)
def test_calm_and_past_are_not_urgent(text):
    assert RULES_ONLY.classify(text).urgent is False


def test_negation_has_a_scope():
    assert situation.assess("没有冒烟").score == 0
    # the negator belongs to its own clause only
    assert situation.assess("没有人管 插座在冒烟").score >= situation.data()["threshold"]


def test_praise_of_staff_is_praise():
    result = nlp.classify("你们那个保洁阿姨态度真好")
    assert (result.intent, result.code) == ("praise", "SVC-ATTI")


def test_homophone_evidence_names_what_was_heard():
    result = RULES_ONLY.classify("二号楼的点梯停在两层中间 门打不开 我女儿在里面")
    assert "点梯≈电梯" in result.evidence


# -- every urgent public text stays urgent with one keyword misheard ------------------------

def _homophones() -> dict[str, list[str]]:
    """Toneless syllable -> common characters, most frequent first (jieba's counts)."""
    nlp.warm_up()
    freq = jieba.dt.FREQ
    by_sound: dict[str, list[tuple[int, str]]] = {}
    for codepoint in PINYIN_DICT:
        ch = chr(codepoint)
        if "\u4e00" <= ch <= "\u9fff" and freq.get(ch, 0) > 2000:
            by_sound.setdefault(lazy_pinyin(ch)[0], []).append((-freq[ch], ch))
    return {sound: [ch for _, ch in sorted(chars)] for sound, chars in by_sound.items()}


def _mishear(text: str, keyword: str, homophones) -> str | None:
    freq = jieba.dt.FREQ
    for k, ch in enumerate(keyword):
        for other in homophones.get(lazy_pinyin(ch)[0], []):
            slip = keyword[:k] + other + keyword[k + 1:]
            if other != ch and not freq.get(slip):
                return text.replace(keyword, slip, 1)
    return None


def test_every_urgent_public_text_stays_urgent_when_a_keyword_is_misheard():
    homophones = _homophones()
    rules = default_rules()
    keywords = set(rules["keywords"]["urgent"]["true"]) | situation.literal_words()
    keywords = sorted((k for k in keywords if len(k) >= 2 and rules["keywords"]["urgent"]["true"].get(k, 1) > 0),
                      key=len, reverse=True)
    urgent = [row["text"] for row in labelled.all_public() if row.get("urgent")]
    classifier = nlp.default_classifier()
    found = [text for text in urgent if classifier.classify(text).urgent]
    assert len(found) >= 0.95 * len(urgent)
    checked, lost = 0, []
    for text in found:
        norm = nlp.classifier.normalize(text)
        # the longest urgency keyword in the text that a homophone can stand for
        slipped = next((s for s in (_mishear(norm, k, homophones) for k in keywords if k in norm) if s), None)
        if slipped is None:
            continue
        checked += 1
        if not classifier.classify(slipped).urgent:
            lost.append(slipped)
    assert checked >= 0.8 * len(found)
    assert lost == []
