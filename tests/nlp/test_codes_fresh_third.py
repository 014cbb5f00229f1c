"""Fresh probes (issue 17, codes), third round. Sentences written for this file; each class
has cases that must fire and counter-examples that must not."""

import pytest

# -- thanks for the trouble taken (辛苦保安大哥了) is praise --------------------------------


@pytest.mark.parametrize("text", ["辛苦师傅了 这么热的天还爬上爬下", "辛苦保洁阿姨啦 过节还在打扫"])
def test_thanks_for_the_trouble_is_praise(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("SVC-ATTI", "praise")


def test_thanks_beside_a_long_wait_is_sarcasm(rules):
    assert rules.classify("辛苦你们了 报修半个月都没人来").intent == "complaint"


# -- 怎么办 with something to be issued after it is a procedure ------------------------------


@pytest.mark.parametrize("text", ["刚搬来的 怎么办停车证", "请问怎么办出入证"])
def test_how_to_get_something_issued_is_a_desk_question(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("SVC-INFO", "inquiry")


@pytest.mark.parametrize("text, code", [("水管爆了怎么办", "ENG-PLUMB"), ("电梯不动了 怎么办啊", "ENG-LIFT")])
def test_what_to_do_about_a_fault_is_the_fault(rules, text, code):
    assert rules.classify(text).code == code


# -- enclosing or extending a balcony is renovation ------------------------------------------


@pytest.mark.parametrize("text", ["对门把阳台封了", "一楼那家往外扩了两米"])
def test_enclosing_or_extending_is_renovation(rules, text):
    assert rules.classify(text).code == "SEC-DECOR"


def test_a_balcony_that_leaks_is_no_renovation(rules):
    assert rules.classify("阳台顶上渗水").code == "ENG-LEAK"


# -- the damage a neighbour's renovation does is renovation ---------------------------------


@pytest.mark.parametrize("text", ["楼上在装修 我家卫生间顶上裂了好几道", "隔壁砸墙 把我们店的地砖震裂了"])
def test_damage_from_a_neighbours_renovation_is_renovation(rules, text):
    assert rules.classify(text).code == "SEC-DECOR"


@pytest.mark.parametrize(
    "text, code",
    [
        ("卫生间顶上裂了好几道", "ENG-CIVIL"),  # no renovation named: the crack
        ("我们自己装修完 发现地砖裂了", "ENG-CIVIL"),  # one's own renovation is no neighbour's
    ],
)
def test_damage_with_no_neighbours_works_is_the_damage(rules, text, code):
    assert rules.classify(text).code == code


# -- staff who threw out or took away a tenant's things -------------------------------------


def test_staff_who_threw_out_a_tenants_things_is_their_manner(rules):
    assert rules.classify("保洁阿姨把我门口的纸箱当垃圾扔了 里面还有东西").code == "SVC-ATTI"


def test_cleaners_who_throw_out_rubbish_are_no_grievance(rules):
    assert rules.classify("门口的垃圾没人扔 都臭了").code == "ENV-CLEAN"


# -- the centre's loudspeakers, and rain said as a simile -----------------------------------


def test_the_centres_loudspeaker_too_loud_is_its_equipment(rules):
    assert rules.classify("商场背景音乐声音太大了 吵得头疼").code == "ENG-WEAK"


def test_a_schools_loudspeaker_is_a_nuisance(rules):
    assert rules.classify("旁边学校的广播每天早上六点就开始 吵死了").code == "SEC-NOISE"


def test_water_dripping_like_rain_is_no_rain(rules):
    # 像下雨一样 is a simile: the named pipe decides, not the weather
    assert rules.classify("水管漏得像下雨一样 到处都是水").code == "ENG-PLUMB"


def test_rain_as_a_simile_is_not_heard_as_weather():
    from nlp import structure

    assert structure._RAIN.search("漏得像下雨一样") is None
    assert structure._RAIN.search("漏得跟下雨似的") is None
    assert structure._RAIN.search("昨晚下雨 窗边渗水") is not None


# -- a whole day waited, a replacement asked for, the meter reader --------------------------


def test_a_day_waited_is_a_grievance_about_handling(rules):
    assert rules.classify("说好上午来 我在家等了一整天").code == "SVC-SLOW"


def test_asking_for_a_replacement_is_a_request(rules):
    result = rules.classify("车库的遥控器找不到了 能再给一个吗")
    assert (result.code, result.intent) == ("SVC-INFO", "inquiry")


def test_a_broken_card_is_still_the_door(rules):
    assert rules.classify("门禁卡坏了 能重新配一张吗").code == "ENG-DOOR"


def test_the_meter_reader_is_a_desk_matter(rules):
    assert rules.classify("明天抄电表我不在家 能改天吗").code == "SVC-INFO"
