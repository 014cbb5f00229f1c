"""Issue 17, fresh probes of 6 Dec, urgh session: hazards and damage in progress the rules
missed, each urgent wording beside a calm sibling that shares its words and must stay calm.
Urgent with the rules alone and with the model."""

import pytest

import nlp

# each pair: (urgent now, calm sibling sharing its words)
PAIRS = [
    # a power cut while a medical device keeps someone alive; a planned cut asked about
    ("停电了 我爸在家用制氧机 能不能快点来电", "下周停电 我家有呼吸机 能不能提前通知"),
    ("断电了 老人的呼吸机停了", "如果停电 我妈的制氧机怎么办"),
    # a fire exit chained while people are inside; one blocked by cars, a locking rule asked
    ("安全出口被人用铁链锁了 商场里还有好多顾客", "安全出口被车堵住了 有顾客投诉"),
    ("正在营业 消防通道的门被锁死了", "晚上打烊后安全出口要锁上吗"),
    # a heater that set a curtain alight, an understated fire; a cooker's low flame
    ("隔壁店的取暖器把窗帘烤着了 火还不大", "燃气灶火不大 是不是气压低"),
    ("电暖器把被子烤着了", "烤着了吃才香"),
    # a crack wider than yesterday, still cracking; one that has not changed
    ("柱子上那条裂缝比昨天宽了好多 还在往下掉渣", "墙上的裂缝好几年了 没有变大"),
    ("承重墙那条缝还在开裂 一直掉灰", "承重墙那条缝以前就有了"),
    # a ceiling piece down over the till, the rest swinging; a tile down onto a flower bed
    ("吊顶掉下来一块 下面就是收银台 剩下的还在晃", "一块瓷砖掉了 下面就是花坛 不急"),
    # sparks once, the socket replaced since; the new one sparking again
    ("插座换了新的 现在又冒火花了", "电线插座那边以前冒过火花 现在换了新的 挺好"),
    # batch 3: a ceiling giving way with water pouring down; one that gave way last time
    ("天花板往下塌了一块 水哗啦一下全下来了", "上次天花板塌了一块 补好了没有"),
    # water all at once from above; a tap that splashes
    ("楼上的水哗哗全下来了 货架全湿", "水龙头的水一下子冲下来 溅了一身"),
    # shards still hanging in the frame; a window film hanging half peeled
    ("商场门口的大玻璃碎了 碎片还挂在框上", "窗户玻璃上贴的膜挂在框上 撕了一半"),
    # stone cladding loose over a school gate; a loose floor slab
    ("外墙有块石材松了 晃得厉害 底下是幼儿园门口", "地上的大理石板有点松 踩着响"),
    # a lift car sliding a floor down; one that settles a little to level
    ("电梯一顿一顿的 然后直接往下滑了一层", "电梯有时候会往下沉一点点 再平层"),
    # a fire door locked up while the mall is full; one locked after closing
    ("消防门被用锁锁起来了 现在商场里人很多", "安全出口锁着 打烊以后才锁的"),
    # a water heater's fumes making someone dizzy (carbon monoxide); one that will not light
    ("家里热水器那边味道很大 我头好晕 想吐", "热水器打不着火 洗澡没热水"),
    # a fire emoji beside a scooter; one beside a sale
    ("🔥 电动车 楼下", "🔥热卖 楼下新品"),
    # a smoking lamp since replaced; a replaced one smoking again
    ("后来换了个新的 又冒烟了", "那个冒烟的灯后来换好了吧"),
    # a flood on the day recalled for a fee; a socket fitted that day smoking now
    ("就是那天装的插座 现在冒烟了", "车库淹水那天我的车被泡了 停车费能减吗"),
    # batch 4: Cantonese, a whole shop without power; a fridge a little warm
    ("成間舖冇電 雪櫃啲嘢就嚟壞", "雪柜有啲唔系好冻 得闲嚟睇下"),
    # English, water onto a server rack; a little leak in a toilet
    ("the ceiling is leaking onto our server rack 在机房", "the ceiling is leaking a bit 在厕所"),
    # a socket a little hot and smelling; one a little hot with no smell
    ("插座有一点点烫 还有股味 正常吗", "插座有点烫 没有味道"),
    # "有点多" with the goods soaked; "有点" of a few drops
    ("楼上漏下来的水有点多 货都湿了 能来看看吗", "楼上漏水有点 滴了几滴在地上"),
    # a cut now with the cold room's goods; a cut next week asked about
    ("现在停电了 冷库的货要坏了", "下个礼拜停电几个钟 冷库要不要准备"),
    # fire emoji with a floor and no other words (lead, 13:56); emoji for anger, heat, a sale
    ("🔥🔥🔥 3楼", "气得我🔥🔥🔥"),
    ("🔥🔥 B2", "今天好热🔥🔥"),
    ("🔥🔥 负一楼", "🔥🔥🔥 3楼开业大促"),
]


@pytest.mark.parametrize("text", [urgent for urgent, _ in PAIRS])
def test_hazards_now_are_urgent(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert nlp.classify(text).urgent is True


@pytest.mark.parametrize("text", [calm for _, calm in PAIRS])
def test_their_calm_siblings_stay_calm(rules, text):
    assert rules.classify(text).urgent is False, rules.classify(text)
    assert nlp.classify(text).urgent is False


@pytest.mark.parametrize("text, code", [
    ("隔壁店的取暖器把窗帘烤着了 火还不大", "SEC-SAFE"),  # a fire where no equipment failed
    ("停电了 我爸在家用制氧机 能不能快点来电", "ENG-ELEC"),
    ("安全出口被人用铁链锁了 商场里还有好多顾客", "SEC-SAFE"),
    ("家里热水器那边味道很大 我头好晕 想吐", "SEC-SAFE"),  # fumes: the guards, as gas
    ("外墙有块石材松了 晃得厉害 底下是幼儿园门口", "ENG-CIVIL"),
])
def test_codes_of_these_hazards(text, code):
    assert nlp.classify(text).code == code


@pytest.mark.parametrize("text, code", [
    # standing water with no pipe named: drainage, as all three public flooded car parks
    # (ENG-PLUMB, nlp/floods.py); seepage from above would be ENG-LEAK
    ("地下车库淹了 水到膝盖", "ENG-PLUMB"),
    ("车库的水管爆了 水淹到车轮", "ENG-PLUMB"),  # the pipe named
    ("地下车库有人乱停车 挡住了出口", "SEC-PARK"),  # the car park's own trouble
])
def test_a_flooded_car_park_is_the_buildings_not_parking(rules, text, code):
    assert rules.classify(text).code == code
