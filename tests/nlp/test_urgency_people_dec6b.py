"""Issue 17, fresh probes of 6 Dec, urgp session: people in danger and security trouble now.
Each urgent wording stands beside a calm sibling sharing its words, which must stay calm.
Urgent with the rules alone and with the model."""

import pytest

import nlp

PAIRS = [
    # someone lying on the floor and not moving, said without 在 (躺地上不动)
    ("电梯厅有个大爷躺地上不动了", "我家狗躺地上不动了 是不是太热了 有兽医电话吗"),
    ("有个女的趴地上起不来 在北门", "小孩趴地上玩积木 弄得一地都是"),
    # a stroke's signs: fell all of a sudden, a twisted mouth, half the body numb
    ("同事刚才突然倒了 嘴歪了", "同事说他嘴有点歪 是不是牙疼 附近有牙医吗"),
    ("我爸半边身子动不了 在家 1502", "我爸说想问下社区医院几点开门"),
    # Cantonese: fallen down (跌低咗)
    ("阿伯喺大堂跌低咗", "阿伯话大堂地好滑 建议铺地毯"),
    # I am inside the lift now and it stopped
    ("我现在在电梯里 它不动了 门也不开", "我现在在电梯里 信号不好 晚点回你"),
    # someone hanging at height and cannot come down
    ("外墙有个工人挂在绳子上下不来", "外墙的广告横幅挂着下不来 风一吹哗哗响"),
    # a child alone by the road, crying for a parent
    ("有个小孩在路边自己走 哭着找妈妈", "小孩总在路边玩 建议加个护栏"),
    # surrounded by several people who want money
    ("我在车库被几个人围住了 要我给钱", "车库出口被几辆车堵住了 出不去"),
    # an SOS emoji with the lift
    ("🆘 电梯 3栋 有人", "电梯 3栋 有人在里面贴广告"),
    # domestic violence now (在家暴)
    ("楼上又在家暴 女的一直在哭喊", "家暴求助热线是多少 帮朋友问的"),
    # someone who cannot be woken (喊不醒)
    ("我爸在沙发上喊不醒了", "儿子早上怎么都喊不醒 上学要迟到了"),
    # a head or a hand pushed into a gap
    ("小孩把头伸进栏杆缝里了 拔不出来", "栏杆缝有点大 建议加个网"),
    # a cramp in the water
    ("泳池深水区有个大叔抽筋了", "泳池深水区的水有点凉"),
    # English: stuck in the lift
    ("my mom is stuck in the lift 5栋", "the lift is slow 5栋"),
    # water, gas or a flame that will not come out is a fault, not a person trapped (lead, 13:50)
    ("孩子在卫生间出不来 门坏了", "家里热水出不来了"),
    ("人在里面出不来", "热水一直出不来"),
    ("我妈在厕所出不来了", "燃气灶火出不来"),
    # English: someone stuck or locked in a lift, a toilet, a car; calm when it was once (lead, 13:56)
    ("someone is stuck in the lift!!", "was stuck in the lift yesterday, please check it"),
    ("my dad is stuck in the toilet", "the toilet is stuck, it won't flush"),
    ("my kid is locked in the car B2", "my car is stuck in the car park exit queue"),
    ("we are stuck in the elevator 3栋", "the elevator gets stuck sometimes"),
    # a driver slumped over the wheel, not moving
    ("车库有个司机趴在方向盘上不动", "车库有个司机趴在方向盘上玩手机 挡着道了"),
    # a stranger following a child
    ("有个陌生人一直跟着我女儿 她说不认识", "孩子跟着同学去图书馆了 几点关门"),
    # dizzy and falling, against dizzy from a climb or a flicker
    ("老人爬楼梯突然头晕 倒了", "楼梯太陡 老人爬得头晕 建议装扶手"),
    ("同事头晕站不住了 在会议室", "走廊灯一直闪 闪得头晕"),
    # someone on the ground who does not answer
    ("门口有个阿姨坐在地上 叫她也不太理人", "门口的保安叫他也不理人 态度太差"),
    # a crash and someone lying there crying
    ("小孩骑车撞到柱子上了 躺着哭", "宝宝躺着哭 是不是饿了"),
    # an elderly person who no longer knows the way
    ("有个老奶奶不认识路了 在小区里转了好久", "快递员不认识路 送错了好几次"),
    # someone pinned to the ground
    ("几个人把一个大叔按在地上 他一直喊疼", "把纸箱压在地上踩扁了再扔"),
    # a stranger knocking and insisting on coming in
    ("有个男的一直敲我家门 说要进来", "物业的人敲门说要进来查水表 是真的吗"),
    # a danger denied after its word (晕倒是没有), against one that is there
    ("有人晕倒了 没人管吗", "晕倒是没有 就是有点头晕 医务室在哪"),
    # a call for help that is a figure of speech (救命 热死了)
    ("救命 电梯里热死了 门打不开", "救命 这天气热死了"),
    # in the lift and its door will not open, said with the lift as a place
    ("电梯里好热 门打不开", "电梯门打不开 在一楼等了好久 修一下"),
]

# calm: the danger in a news item or a video, a stuffy room, trapped once and fine now,
# a figure of speech (跳楼价), a notice about a lost child
CALM = [
    "看新闻说别的小区有人打架 我们这保安晚上巡逻吗",
    "电视上说电梯夹人的事故很多 我们的电梯有防夹吗",
    "会议室太闷了 喘不上气 把新风开大点",
    "去年被困过一次电梯 现在好了 想问下应急电话多少",
    "跳楼价甩卖的横幅能不能撤了",
    "走失儿童广播一天放好几遍 太吵了",
    "胸口有点疼 附近有什么医院",
    "车库的车被划了 想调监控",
]

# urgent beside those calm ones: a stuffy lift with an old man struggling to breathe, a fight
# happening here now, someone stuck in the lift now
URGENT_BESIDE = [
    "电梯里好闷 有个老人喘不上气了",
    "我们小区门口现在有人打架 快叫保安",
    "电梯困人了 现在还没出来",
    "上周电梯困过人 今天又困了 我儿子在里面",
    "我外婆胸闷 喘不上气 在大堂",
    "有人被划伤了 在停车场流血",
]


@pytest.mark.parametrize(("urgent", "calm"), PAIRS)
def test_a_person_in_danger_now_is_urgent_and_its_sibling_calm(rules, urgent, calm):
    assert rules.classify(urgent).urgent is True, rules.classify(urgent)
    assert nlp.classify(urgent).urgent is True
    assert rules.classify(calm).urgent is False, rules.classify(calm)
    assert nlp.classify(calm).urgent is False


@pytest.mark.parametrize("text", CALM)
def test_news_stuffiness_past_and_figures_stay_calm(rules, text):
    assert rules.classify(text).urgent is False, rules.classify(text)
    assert nlp.classify(text).urgent is False


@pytest.mark.parametrize("text", URGENT_BESIDE)
def test_their_urgent_siblings_stay_urgent(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert nlp.classify(text).urgent is True


@pytest.mark.parametrize("text", ["有个大爷突然倒了 在南门", "阿婆喺屋企跌低咗 起唔到身"])
def test_someone_taken_ill_is_the_guards(rules, text):
    assert (rules.classify(text).urgent, rules.classify(text).code) == (True, "SEC-SAFE")
