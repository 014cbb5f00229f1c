"""Requests and remarks the keywords misread (nlp/remarks.py). Sentences written for this file:
each class has cases that must fire beside siblings sharing its words that must not."""

import pytest

import nlp

# -- a document asked of the centre: the desk's, or billing's when it is about money ----------


@pytest.mark.parametrize(
    "text, code",
    [
        ("办健身房执照 要物业给一份房屋租赁证明 去哪里开", "SVC-INFO"),
        ("小孩入学要住址证明 你们前台能出吗", "SVC-INFO"),
        ("麻烦出个证明 写明我们仓库上周停电是线路改造造成的 理赔要用", "SVC-INFO"),
        ("能把上季度的水费明细发我邮箱吗", "FEE-BILL"),
        ("帮我打一份去年全年的管理费缴费记录 审计要", "FEE-BILL"),
        ("公共维修基金的使用明细能不能发一份给我们", "FEE-BILL"),
    ],
)
def test_a_document_asked_for_is_a_request(text, code):
    result = nlp.classify(text)
    assert (result.code, result.intent) == (code, "inquiry")


@pytest.mark.parametrize(
    "text, code, intent",
    [
        ("物业费凭什么又涨了 也没开会通知一下", "FEE-BILL", "complaint"),
        ("我们店上周停电两次了 到现在也没个说法", "SVC-SLOW", "complaint"),
    ],
)
def test_a_document_only_mentioned_is_no_request(text, code, intent):
    result = nlp.classify(text)
    assert (result.code, result.intent) == (code, intent)


# -- a gate opened for someone, a paid card renewed: requests, not faults --------------------


@pytest.mark.parametrize(
    "text, code",
    [
        ("东门门禁能不能开一下 送水的进不来", "SVC-INFO"),
        ("车库的道闸麻烦开一下 访客车在等", "SVC-INFO"),
        ("车库月卡下周就到期了 能不能帮我续一下", "FEE-BILL"),
    ],
)
def test_opening_or_renewing_asked_is_a_request(text, code):
    result = nlp.classify(text)
    assert (result.code, result.intent) == (code, "inquiry")


def test_a_gate_that_will_not_open_stays_a_fault():
    result = nlp.classify("单元门禁刷卡打不开 门开一下都不行 进不去")
    assert result.code == "ENG-DOOR"


# -- praise, then the price of the job: a complaint about the charge ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "修马桶的师傅很利索 就是收费偏高",
        "换门锁的大哥人不错 不过价钱有点贵",
        "空调师傅挺负责的 可惜上门费收得有点多",
    ],
)
def test_a_price_remark_beside_praise_is_a_fee_complaint(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("FEE-BILL", "complaint")


@pytest.mark.parametrize("text", ["修马桶的师傅很利索 一会儿就弄好了 点赞", "贵中心的维修师傅服务周到 特此感谢"])
def test_praise_with_no_price_remark_stays_praise(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("SVC-ATTI", "praise")


# -- an animal fouling a shared place is dirt, whatever place or owner is named -----------------


@pytest.mark.parametrize(
    "text",
    [
        "对门的狗老在电梯里撒尿 门一开一股味",
        "有人家的猫在消防楼梯里拉屎 好几天没人收拾",
        "遛狗的让狗在单元门口大小便 也不牵走",
        "楼上邻居的泰迪天天在楼道尿尿",
    ],
)
def test_an_animal_fouling_a_shared_place_is_cleaning(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("ENV-CLEAN", "complaint")


@pytest.mark.parametrize(
    "text, code",
    [
        ("男厕所的小便器一直在流水 关不住", "ENG-PLUMB"),
        ("楼上邻居的狗从早叫到晚 吵得没法休息", "SEC-NOISE"),
        ("车库里到处是老鼠屎 还咬坏了电线", "ENV-PEST"),
    ],
)
def test_a_fixture_a_bark_or_pests_keep_their_code(text, code):
    assert nlp.classify(text).code == code
