"""Urgency from the situation, and tolerance of voice typing (issue 17)."""
import re

import jieba
import pytest
from pypinyin import lazy_pinyin
from pypinyin.constants import PINYIN_DICT

import nlp
from nlp import labelled, situation
from nlp.classifier import Classifier
from nlp.normalize import normalize
from nlp.pinyin import _PARTICLES
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


def _mishear(text: str, keyword: str, homophones) -> tuple[str, str] | None:
    freq = jieba.dt.FREQ
    for k, ch in enumerate(keyword):
        if all(c in _PARTICLES for i, c in enumerate(keyword) if i != k):
            continue  # nothing of the keyword would be left to recognise (浇在 as 叫在)
        for other in homophones.get(lazy_pinyin(ch)[0], []):
            slip = keyword[:k] + other + keyword[k + 1:]
            if other != ch and not freq.get(slip):
                return text.replace(keyword, slip, 1), slip
    return None


def _trigger_words() -> list[str]:
    """Words that make a text urgent: the shipped urgency keywords and the literal words of
    the danger patterns ("now", "hurry" only add to a danger), longest first."""
    rules = default_rules()
    words = {k for k, weight in rules["keywords"]["urgent"]["true"].items() if weight > 0}
    modifiers = set()
    for spec in situation.data()["classes"].values():
        if spec.get("modifier"):
            modifiers |= {w for p in spec["patterns"] for w in re.split(r"[^\u4e00-\u9fff]+", p)}
    words |= situation.literal_words() - modifiers
    return sorted((w for w in words if len(w) >= 2), key=lambda w: (-len(w), w))


# 然气 left (6 Dec): its text is now misheard at another trigger of its evidence, and stays urgent
KNOWN_DEAF = ["开这"]


def test_every_urgent_public_text_stays_urgent_when_its_trigger_is_misheard():
    # the rules alone: the model learned these very texts and would hide a deaf spot
    homophones, triggers = _homophones(), _trigger_words()
    urgent = [row["text"] for row in labelled.all_public() if row.get("urgent")]
    found = [(text, RULES_ONLY.classify(text)) for text in urgent]
    found = [(text, result) for text, result in found if result.urgent]
    assert len(found) >= 0.85 * len(urgent)
    checked, lost, unseen = 0, [], []
    for text, result in found:
        norm = normalize(text)
        # the longest trigger word inside the evidence that made the text urgent
        for keyword in (k for k in triggers if k in norm and any(k in e for e in result.evidence)):
            misheard = _mishear(norm, keyword, homophones)
            if misheard:
                slipped, slip = misheard
                break
        else:
            continue
        checked += 1
        heard = RULES_ONLY.classify(slipped)
        if not heard.urgent:
            lost.append(slip)
        elif not any("≈" in e for e in heard.evidence):  # the evidence shows 点梯≈电梯
            unseen.append(slipped)
    assert checked >= 0.8 * len(found)
    # Known deafness, named so that any other loss fails and a mended one must leave this
    # list: a two-character slip jieba glues to a neighbouring dictionary word (然 气管 for
    # 燃气管, 砸 道人 for 砸到人) is not heard. Hearing across jieba's words caught these but
    # heard 3号楼电梯 as 漏电, so it was not kept; a longer keyword with two of its characters
    # kept is (所不 上门 for 锁不上门, 田然 气管 for 天然气管). The texts of 砸道人, 砸道行人
    # stay urgent by what else they say. A particle is never heard as another word (人了 is
    # not 人呢), so 门开这 is not 门开着. Only the slips are shown: some texts are held out.
    assert sorted(lost) == sorted(KNOWN_DEAF)
    assert len(unseen) <= 0.1 * checked


def test_a_calm_cue_is_found_wherever_it_stands():
    """calmed() lets a calm cue overrule the learned model's urgency, which reads no cue."""
    assert situation.calmed("上次电梯困人 后来怎么处理的")
    assert situation.calmed("有点漏水 不急")
    assert not situation.calmed("电梯困人了 快来")
