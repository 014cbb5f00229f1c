"""Fresh chat intents (issue 17, intent5): sentences written for this file. Each class has
cases that must fire and a sibling sharing its words that must not."""

import pytest

import nlp

# -- a building service asked for a stated need (加班 开下空调, 有货到 开一下门): the desk
# arranges it (SVC-INFO, inquiry); nothing is broken ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "礼拜天我们部门要来上班 空调能开一下不",
        "今晚赶工到很晚 办公区的灯先别关哈",
        "节假日有人值班 暖气能不能开着",
        "有家具送过来 侧门开下",
        "晚上我们店盘点 大堂灯晚点关",
    ],
)
def test_a_service_asked_for_a_need_is_a_desk_request(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("SVC-INFO", "inquiry")


@pytest.mark.parametrize(
    "text, code, intent",
    [
        ("礼拜天我们部门要来上班 空调开了也不制冷", "ENG-HVAC", "repair"),  # a fault
        ("建议周末加班的时候也开一下空调", "ENG-HVAC", "suggestion"),  # a wish for the future
    ],
)
def test_a_fault_or_a_wish_beside_the_need_is_not_a_request(rules, text, code, intent):
    result = rules.classify(text)
    assert (result.code, result.intent) == (code, intent)


# -- a wish about when a service runs (希望…早点开, 上班前打扫完): a suggestion on its topic --


@pytest.mark.parametrize(
    "text, code",
    [
        ("希望冬天早上暖气可以提前半小时开", "ENG-HVAC"),
        ("希望楼道里的垃圾每天上班前就收走", "ENV-CLEAN"),
    ],
)
def test_a_wish_about_when_a_service_runs_is_a_suggestion(text, code):
    result = nlp.classify(text)
    assert (result.code, result.intent) == (code, "suggestion")


def test_a_fault_wished_fixed_soon_stays_a_repair(rules):
    result = rules.classify("希望早点把坏掉的空调修好")
    assert (result.code, result.intent) == ("ENG-HVAC", "repair")


# -- a planned cut asked with 停不停 / 断不断 and no question mark: the desk's (SVC-INFO) ----


@pytest.mark.parametrize("text", ["下礼拜停不停电", "周四写字楼断不断电"])
def test_a_planned_cut_asked_as_a_or_not_a_is_a_desk_question(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("SVC-INFO", "inquiry")


# -- the fix said first, then thanks (插座来电了 谢谢你们): praise of staff (SVC-ATTI) -------


@pytest.mark.parametrize("text", ["插座来电了 谢谢你们", "网络恢复了 谢啦"])
def test_a_fix_then_thanks_is_praise(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("SVC-ATTI", "praise")


@pytest.mark.parametrize(
    "text, code, intent",
    [
        ("门口的灯又不亮了 谢谢", "ENG-ELEC", "repair"),  # undone
        ("好了好了 谢谢", "OTHER", "other"),  # an acknowledgement
    ],
)
def test_thanks_beside_no_fix_is_no_praise(text, code, intent):
    result = nlp.classify(text)
    assert (result.code, result.intent) == (code, intent)


def test_a_fix_asked_about_with_thanks_is_no_praise():
    assert nlp.classify("电梯好了吗 谢谢").intent != "praise"  # asked, not thanked for


# -- a place, then what it could have (大堂可以多摆几盆绿植): a suggestion on its topic --------


@pytest.mark.parametrize(
    "text, code",
    [("小区门口可以多放几个垃圾桶吗", "ENV-CLEAN"), ("楼道可以装个灯吗 太黑了", "ENG-ELEC")],
)
def test_what_a_place_could_have_is_a_suggestion(text, code):
    result = nlp.classify(text)
    assert (result.code, result.intent) == (code, "suggestion")


@pytest.mark.parametrize("text", ["门禁卡可以多办一张吗", "花坛里可以自己种点菜吗"])
def test_what_the_writer_may_get_or_do_is_a_question(text):
    assert nlp.classify(text).intent == "inquiry"


# -- opened with 最好 (最好每层都放个垃圾桶): a suggestion; a fault beside it stays a repair ----


def test_what_would_be_best_is_a_suggestion():
    result = nlp.classify("最好每层都放个垃圾桶")
    assert (result.code, result.intent) == ("ENV-CLEAN", "suggestion")


def test_a_fault_with_what_would_be_best_stays_a_repair():
    result = nlp.classify("空调坏了 最好今天来修")
    assert (result.code, result.intent) == ("ENG-HVAC", "repair")
