"""Citizen letters of kinds the public files barely hold (issue 17, real set): each class with
a sibling that shares its words and keeps its own code. Sentences written for this file."""

import pytest

import nlp


def _both(rules, text):
    """The rules' code and the shipped classifier's (rules plus the learned model)."""
    return rules.classify(text).code, nlp.classify(text).code


@pytest.mark.parametrize(
    "text",
    [
        # a building site or roadworks making noise is a noise, not renovation
        "A4区某某小区北面工地天天通宵施工，打桩机和渣土车的声音一直响到天亮，整栋楼的人都睡不着，请环保部门查处。",
        "A2区某某家园门口道路施工，挖掘机和破碎锤从早上六点就开始作业，节假日也不停，居民在家根本无法休息。",
    ],
)
def test_a_building_site_making_noise_is_a_noise(rules, text):
    assert _both(rules, text) == ("SEC-NOISE", "SEC-NOISE")


@pytest.mark.parametrize(
    "text, code",
    [
        # a neighbour's renovation out of hours stays renovation management
        ("A4区某某小区12栋有业主装修，违反规定中午和晚上也在施工，物业劝了几次都不听，请物业严格管理装修时间。", "SEC-DECOR"),
        # roadworks that cut the water are about the water
        ("A2区某某家园门口道路施工挖断了自来水管，整个小区停水一天了，请自来水公司尽快抢修恢复供水。", "ENG-PLUMB"),
    ],
)
def test_works_beside_another_subject_keep_its_code(rules, text, code):
    assert rules.classify(text).code == code


@pytest.mark.parametrize(
    "text",
    [
        # flats let by the day or split into rooms bring strangers: order and safety
        "A5区某某公寓多套住宅被改成日租房。每天都有大批陌生人拉着箱子进出，门禁卡被随便发放，楼里住户很不安心，请有关部门规范管理。",
        # stalls taking the estate's gate: order
        "A3区某某小区大门口流动摊贩占道经营。每天傍晚几十个摊位把出入口堵满，居民只能绕行，请城管和物业联合整治。",
        # a flower pot outside a balcony over the entrance may fall on someone
        "A1区某某花园楼上住户把花盆摆在阳台外沿，没有任何固定，下面就是单元出入口，请物业督促其搬走以免伤人。",
    ],
)
def test_order_and_safety_letters_are_security(rules, text):
    assert _both(rules, text) == ("SEC-SAFE", "SEC-SAFE")


@pytest.mark.parametrize(
    "text, code",
    [
        # a night stall's noise is a noise
        ("A3区某某小区楼下夜宵摊每晚吵到凌晨两点，划拳喝酒声音很大，楼上住户无法入睡，请城管处理。", "SEC-NOISE"),
        # flowers withering in the beds are greenery
        ("A1区某某花园小区花坛里的花草大片枯死，很久没人浇水修剪，请物业安排绿化养护。", "ENV-GREEN"),
        # a rent that rose is billing
        ("A5区某某公寓物业把地下车位租金一年内涨了两次，也不公示依据，请物价部门核查。", "FEE-BILL"),
    ],
)
def test_siblings_sharing_their_words_keep_their_code(rules, text, code):
    assert rules.classify(text).code == code


def test_a_tree_named_by_its_kind_is_greenery_and_an_estate_named_sunshine_is_not(rules):
    assert rules.classify("楼前那几棵香樟长得太高了 把我家窗户挡得严严实实 能不能修剪一下").code == "ENV-GREEN"
    letter = "A6区阳光小区外来车辆占用业主车位。物业放任外来车辆进入，业主下班回来找不到地方停车，请物业加强管理。"
    assert rules.classify(letter).code == "SEC-PARK"


@pytest.mark.parametrize(
    "letter, code",
    [
        ("反映某小区楼道应急灯长期损坏问题。本小区多栋楼的应急照明灯和疏散指示牌不亮，业主多次向物业反映，"
         "物业至今没有更换，一旦发生火灾人员无法疏散，请消防部门督促检查。", "ENG-FIRE"),
        ("反映某小区二次供水水箱长期不清洗问题。近一个月家里自来水发黄有异味，多次向物业反映，"
         "物业说是市政的问题，请有关部门督促物业清洗水箱。", "ENG-PLUMB"),
    ],
)
def test_a_letter_opening_with_its_own_verb_is_about_its_subject(rules, letter, code):
    # 反映 opening the title is the letter's verb, not a chase: the fault is the subject
    assert rules.classify(letter).code == code


def test_a_letter_reporting_again_is_about_handling(rules):
    # ... while 再次反映 with nothing done for months is the handling's
    letter = ("再次反映某小区楼道应急灯损坏问题一直没解决。半年前就向物业反映过应急灯不亮，物业说马上修，"
              "到现在还是老样子，请主管部门督促物业处理。")
    assert rules.classify(letter).code == "SVC-SLOW"


def test_a_letter_titled_with_a_fire_lane_blocked_is_safety(rules):
    letter = ("A4区某某家园消防车道晚上被私家车停满。小区8栋和9栋之间的消防车道每天晚上停满了业主的私家车，"
              "车位不够大家就往通道上停，物业画的禁停线没人理，一旦起火消防车根本开不进来，请物业清理。")
    assert rules.classify(letter).code == "SEC-SAFE"


def test_a_letter_titled_with_too_few_spaces_stays_parking(rules):
    # the fire lane only in the body: the lack of spaces is the subject
    letter = ("A4区某某家园车位严重不足，业主停车难。小区一千多户只有三百个车位，每天晚上车辆只能停在道路两边，"
              "连消防车道上都停满了车，请物业重新规划车位，缓解停车难。")
    assert rules.classify(letter).code == "SEC-PARK"


@pytest.mark.parametrize(
    "letter, code",
    [
        # emergency lighting is fire equipment; a car park's ordinary lamps are lighting
        ("A2区某某苑楼梯间应急照明灯全部不亮。某某苑多栋楼的应急照明灯坏了很久，停电时楼梯里伸手不见五指，请物业尽快更换。", "ENG-FIRE"),
        ("A2区某某苑地下车库灯具坏了一大半。车库里的照明灯很多都不亮，晚上取车只能打手机电筒，请物业尽快维修。", "ENG-ELEC"),
        # a sprinkler pipe is fire equipment, a water pipe plumbing
        ("A6区某某城地下车库喷淋管道生锈滴水。车库顶上的消防喷淋管道好几处在滴水，担心喷淋失灵，请物业全面检修。", "ENG-FIRE"),
        ("A6区某某城地下车库给水管道生锈滴水。车库顶上的自来水管好几处接头在滴水，地面长期湿滑，请物业更换水管。", "ENG-PLUMB"),
        # stray dogs biting are safety, a neighbour's dog barking all night a noise
        ("A5区某某小区流浪狗成群咬人。小区垃圾站边聚集了七八条流浪狗，上周咬伤了一位老人，请物业和有关部门尽快处理。", "SEC-SAFE"),
        ("A5区某某小区邻居家的狗整夜狂叫。隔壁单元一户人家的狗从晚上叫到天亮，我们已经一个月没睡好觉，请物业出面协调。", "SEC-NOISE"),
        # flower beds dug up for vegetables are greenery, not a renovation
        ("A8县某某花园业主毁绿种菜。楼下的公共绿地被几户业主挖开种菜，花草全被铲掉，请物业制止并恢复绿化。", "ENV-GREEN"),
    ],
)
def test_equipment_and_animals_named_in_a_letter_decide_its_code(rules, letter, code):
    assert rules.classify(letter).code == code


# -- urgency in letters: a letter recounts what keeps happening or is feared -----------------

def test_a_letter_titled_with_outages_that_recur_is_not_urgent(rules):
    letter = ("A5区某某花园入夏以来频繁停电。小区这两个月停电七八次，每次停电都有好几个小时，上周停电时"
              "还有人被困在电梯里，冰箱里的东西全坏了，请供电部门彻底检修线路。")
    assert rules.classify(letter).urgent is False


def test_a_letter_telling_a_danger_now_stays_urgent(rules):
    # the same kind of letter, telling smoke at the switchboard tonight, is urgent
    letter = ("A5区某某花园配电箱冒烟，整栋楼停电。今晚8点左右5栋一楼的配电箱突然冒烟，有一股烧焦的味道，"
              "现在整栋楼都没电了，请供电局和物业马上派人来处理。")
    assert rules.classify(letter).urgent is True


def test_a_letter_fearing_a_fire_is_not_urgent(rules):
    # a fire feared (一旦…不堪设想), not burning
    letter = ("A3区某某小区楼道堆满电动车。3栋楼道里停了十几辆电动车，晚上还有人从窗户拉线下来充电，"
              "一旦起火后果不堪设想，请物业尽快清理楼道。")
    assert rules.classify(letter).urgent is False


def test_a_letter_titled_with_a_smell_that_disturbs_is_dirt(rules):
    # 扰民 by a smell: the model hears 扰民 as noise, the title's smell decides
    letter = ("A6区某某家园附近工厂废气扰民。小区东面的一家工厂每天晚上偷偷排放刺鼻的废气，居民闻了头晕恶心，"
              "晚上睡觉都得关紧门窗，请环保部门尽快查处。")
    assert _both(rules, letter) == ("ENV-CLEAN", "ENV-CLEAN")


def test_a_letter_titled_with_smoke_and_noise_stays_a_noise(rules):
    letter = ("A6区某某家园楼下烧烤店油烟和噪音扰民。烧烤店每天营业到凌晨三点，食客划拳吵闹，"
              "油烟也往楼上飘，居民根本没法休息，请城管和环保部门处理。")
    assert rules.classify(letter).code == "SEC-NOISE"


def test_a_letter_titled_with_a_shops_machine_that_disturbs_is_a_noise(rules):
    letter = ("A2区某某苑底商冰柜外机摆在楼道口扰民。楼下超市把几台冰柜和空调外机摆在单元楼道口，"
              "从早到晚嗡嗡响，楼上住户的孩子要中考，根本没法复习，请有关部门处理。")
    assert _both(rules, letter) == ("SEC-NOISE", "SEC-NOISE")


def test_a_letter_titled_with_the_lifts_noise_stays_the_lift(rules):
    letter = ("A2区某某苑5栋电梯运行噪音很大。电梯导向轮磨损，运行时轰隆隆地响，02户型的卧室里都能听到，"
              "维保来看过也没修好，请督促维保单位更换配件。")
    assert rules.classify(letter).code == "ENG-LIFT"
