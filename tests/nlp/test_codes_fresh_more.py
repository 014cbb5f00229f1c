"""Fresh probes (issue 17, codes), second round: more classes the rules missed on new text.

Every sentence here was written for this file. Each class has cases that must fire and
calm counter-examples that must not.
"""

import pytest

import nlp

# -- a place said with 那里/这里 only says where ---------------------------------------------


def test_a_place_said_with_there_is_where(rules):
    assert rules.classify("配电箱那里的地砖碎了").code == "ENG-CIVIL"


def test_the_thing_itself_still_counts(rules):
    assert rules.classify("配电箱冒火花").code == "ENG-ELEC"


# -- a staff member's manner said bad, or a complaint against one -------------------------


@pytest.mark.parametrize("text", ["保洁阿姨态度太冲了 我就说了句地没拖干净", "我要投诉你们门卫 车牌识别坏了他也不给开杆"])
def test_a_staff_members_manner_is_their_manner(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("SVC-ATTI", "complaint")


@pytest.mark.parametrize(
    "text, code",
    [
        ("楼上邻居态度很差 半夜还在跺脚", "SEC-NOISE"),  # a neighbour's manner is no staff's
        ("保洁没打扫 楼道好脏", "ENV-CLEAN"),
    ],
)
def test_a_neighbour_or_undone_cleaning_is_not_staff_manner(rules, text, code):
    assert rules.classify(text).code == code


# -- one strong grievance beside a weak topic ----------------------------------------------


def test_a_strong_grievance_outranks_a_weak_topic(rules):
    assert rules.classify("前台说帮我登记 然后就没下文了").code == "SVC-SLOW"


def test_a_weak_grievance_word_does_not(rules):
    assert rules.classify("客服你好 空调不制冷").code == "ENG-HVAC"


# -- progress asked about an earlier report -------------------------------------------------


def test_asking_for_progress_on_an_earlier_report_is_a_question(rules):
    result = rules.classify("上周反映的门禁问题有进展了吗")
    assert (result.code, result.intent) == ("SVC-INFO", "inquiry")


# -- asking for hands to help -------------------------------------------------------------


def test_asking_for_people_to_help_unload_is_a_request(rules):
    result = rules.classify("下午到货 能安排三个人帮我们卸一下吗")
    assert (result.code, result.intent) == ("SVC-INFO", "inquiry")


# -- a question added after the problem does not decide ------------------------------------


@pytest.mark.parametrize(
    "text, code",
    [
        ("洗手池堵了 另外想问下停车费怎么交", "ENG-PLUMB"),
        ("门锁坏了 还有 物业费多少钱一平", "ENG-DOOR"),
    ],
)
def test_a_question_added_after_a_fault_leaves_the_fault(rules, text, code):
    assert rules.classify(text).code == code


def test_a_money_question_alone_is_billing(rules):
    assert rules.classify("停车费怎么交").code == "FEE-BILL"


# -- what is said not to be it is not heard by the model either ----------------------------


def test_what_is_said_not_to_be_it_is_not_the_subject():
    assert nlp.classify("不是垃圾桶的味道 是地漏往上返臭味").code == "ENG-PLUMB"


def test_no_hot_water_is_still_a_fault():
    # 没 says the thing is missing, which is the fault itself
    assert nlp.classify("家里没有热水").code == "ENG-PLUMB"


# -- words tenants type that were missing --------------------------------------------------


@pytest.mark.parametrize(
    "text, code",
    [
        ("整层都没网", "ENG-WEAK"),
        ("总开关跳了 推不上去", "ENG-ELEC"),
        ("推拉窗关不上", "ENG-DOOR"),
        ("纱窗破了个洞", "ENG-DOOR"),
        ("墙角有点潮", "ENG-LEAK"),
    ],
)
def test_missing_words(rules, text, code):
    assert rules.classify(text).code == code


def test_praise_with_a_name_before_the_thumbs_up(rules):
    result = rules.classify("给你们的保安老张点个赞 帮我推车")
    assert (result.code, result.intent) == ("SVC-ATTI", "praise")
