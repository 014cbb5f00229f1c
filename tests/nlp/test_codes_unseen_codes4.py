"""Fresh chat classes (issue 17, codes4): sentences written for this file. Each class has
cases that must fire and a sibling sharing its words that must not."""

import pytest

import nlp

# -- a dog loose among people (没拴绳, 到处乱跑, 扑向路人): order in a shared place, SEC-SAFE ------


@pytest.mark.parametrize(
    "text",
    [
        "超市门口一条哈士奇没拴绳 到处乱跑 小孩都不敢过去",
        "有人带着泰迪逛商场也不牵着 狗冲着老人扑过去",
        "广场上一只柯基跑来跑去 没有主人 追着小朋友咬裤腿",
    ],
)
def test_a_dog_loose_among_people_is_security(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("SEC-SAFE", "complaint")


def test_a_dog_loose_among_people_keeps_security_with_the_model():
    result = nlp.classify("超市门口一条哈士奇没拴绳 到处乱跑 小孩都不敢过去")
    assert (result.code, result.intent) == ("SEC-SAFE", "complaint")


@pytest.mark.parametrize(
    "text, code",
    [
        ("隔壁的泰迪一早上叫个不停", "SEC-NOISE"),  # its barking is a noise
        ("哈士奇在电梯口拉了一坨屎 没人清", "ENV-CLEAN"),  # its mess is cleaning's
    ],
)
def test_a_dog_barking_or_fouling_keeps_its_code(rules, text, code):
    assert rules.classify(text).code == code


# -- a wish for more staff at a post (希望多安排个保安) is a suggestion on the post's topic -------


@pytest.mark.parametrize(
    "text, code",
    [
        ("希望晚上多排几个保安在地库转转", "SEC-SAFE"),
        ("希望保洁阿姨下午能再来一趟", "ENV-CLEAN"),
        ("希望前台午休的时候也留个人", "SVC-INFO"),
    ],
)
def test_a_wish_for_staff_at_a_post_is_a_suggestion_on_its_topic(rules, text, code):
    result = rules.classify(text)
    assert (result.code, result.intent) == (code, "suggestion")


def test_a_wish_for_staff_keeps_its_topic_with_the_model():
    result = nlp.classify("希望晚上多排几个保安在地库转转")
    assert (result.code, result.intent) == ("SEC-SAFE", "suggestion")


@pytest.mark.parametrize("text", ["希望你们的保安说话客气点", "保安态度太差了 爱理不理"])
def test_a_wish_about_staff_manner_stays_their_manner(rules, text):
    assert rules.classify(text).code == "SVC-ATTI"


# -- "if only" (要是…就好了, 如果…就方便多了): a wish, a suggestion on its topic ------------------


@pytest.mark.parametrize(
    "text, code",
    [("要是地库能多装几盏灯就好了", "ENG-ELEC"), ("如果垃圾桶能多摆几个就方便多了", "ENV-CLEAN")],
)
def test_if_only_is_a_suggestion(rules, text, code):
    result = rules.classify(text)
    assert (result.code, result.intent) == (code, "suggestion")


def test_if_it_is_not_fixed_is_no_wish(rules):
    assert rules.classify("要是明天灯还不修好就打12345").intent != "suggestion"


# -- voice typing: 等 for 灯 before what a lamp does wrong (等坏了, 等灭了) ---------------------


@pytest.mark.parametrize("text", ["楼道等坏了 晚上看不见路", "办公室的等灭了一排", "楼梯间的等接触不良 时亮时不亮"])
def test_wait_heard_for_lamp_before_a_lamp_fault_is_lighting(rules, text):
    assert rules.classify(text).code == "ENG-ELEC"


@pytest.mark.parametrize("text", ["在楼道等了半天也没人", "电梯等了好久才来", "楼道等你 快点下来"])
def test_waiting_stays_waiting(rules, text):
    assert rules.classify(text).code != "ENG-ELEC"


# -- discarded things to be cleared away (废品, 泡沫箱, 纸皮 … 清走): cleaning's, a complaint ------


@pytest.mark.parametrize(
    "text", ["后门堆了一堆纸皮和泡沫箱 谁来清走一下", "地库角落的废品好几天了 麻烦拉走", "能不能把门口那几个废纸箱清掉"]
)
def test_discarded_things_to_clear_away_are_cleaning(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("ENV-CLEAN", "complaint")


def test_a_tenants_boxes_carried_upstairs_stay_a_request(rules):
    result = rules.classify("帮忙安排个人把这几箱货搬到五楼")
    assert (result.code, result.intent) == ("SVC-INFO", "inquiry")


def test_the_scrap_collectors_trade_is_no_discarded_thing(rules):
    assert rules.classify("收废品的天天拿着喇叭在楼下喊").code == "SEC-NOISE"


# -- water seeping at a plumbing fixture named as the place (马桶底下渗水): the fixture's, PLUMB ----


@pytest.mark.parametrize("text", ["热水器底下一直在渗水", "洗菜盆下面老是渗水 柜子底板都烂了", "水管接口旁边在渗水"])
def test_seepage_at_a_named_fixture_is_plumbing(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("ENG-PLUMB", "repair")


@pytest.mark.parametrize("text", ["窗台下面一直在渗水", "一下雨水管旁边的外墙就渗水"])
def test_seepage_under_a_window_or_with_rain_stays_a_leak(rules, text):
    assert rules.classify(text).code == "ENG-LEAK"


# -- the centre's own machine shaking the building (发电机一开整栋楼都在震): its fault, not a noise --


def test_the_centres_machine_shaking_the_building_keeps_its_code():
    result = nlp.classify("地下室发电机一发动 楼板都在震")
    assert (result.code, result.intent) == ("ENG-ELEC", "repair")


# -- a report still shown pending (报修单还显示待处理): a wait, SVC-SLOW ------------------------------


@pytest.mark.parametrize("text", ["我的报修单怎么还是待处理", "工单一直显示待受理 没人管"])
def test_a_report_still_pending_is_slow_handling(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("SVC-SLOW", "complaint")


# -- nuisances of order in common areas: smoking indoors, skating among people, street stalls -----


@pytest.mark.parametrize(
    "text",
    ["总有人在楼梯间里吸烟 呛死了", "一群初中生在大堂里玩轮滑 横冲直撞", "商场出口有人摆地摊卖袜子"],
)
def test_nuisances_of_order_in_common_areas_are_security(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("SEC-SAFE", "complaint")


@pytest.mark.parametrize(
    "text, code",
    [("楼道里满地烟头 也没人扫", "ENV-CLEAN"), ("保安在岗亭里抽烟玩手机", "SVC-ATTI"), ("烟感老是误报 没人抽烟", "ENG-FIRE")],
)
def test_smoking_beside_litter_staff_or_a_detector_keeps_their_code(rules, text, code):
    assert rules.classify(text).code == code


# -- praise of staff beside the place they kept nice (楼道一尘不染): praise, not irony ---------------


@pytest.mark.parametrize("text", ["保洁大姐真能干 大堂地面擦得锃亮", "保洁做得太棒了 每层走廊都一尘不染"])
def test_praise_beside_a_place_kept_nice_stays_praise(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("SVC-ATTI", "praise")


def test_praise_beside_dirt_is_irony():
    assert nlp.classify("保洁可真能干啊 大堂地上全是泥脚印").intent == "complaint"


# -- an electric appliance named where water is (洗手间的烘手机): the object outranks the place ------


@pytest.mark.parametrize("text", ["男厕的烘手器按了不出风", "二楼卫生间那台干手机坏了", "洗手间的吹手机一直响"])
def test_a_hand_dryer_in_a_washroom_is_electrical(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("ENG-ELEC", "repair")


def test_a_washroom_with_no_object_named_stays_plumbing(rules):
    assert rules.classify("二楼卫生间的水龙头坏了").code == "ENG-PLUMB"


@pytest.mark.parametrize("text", ["男厕的烘手器按了不出风", "公厕里的干手器坏了"])
def test_a_hand_dryer_in_a_washroom_keeps_its_code_with_the_model(text):
    assert nlp.classify(text).code == "ENG-ELEC"


# -- a lamp or a circuit that flickers or makes poor contact, with no lamp word heard --------------


@pytest.mark.parametrize("text", ["走廊那边忽明忽暗的 晚上看着吓人", "过道好像接触不良 一会亮一会灭"])
def test_flicker_and_poor_contact_are_electrical(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("ENG-ELEC", "repair")
