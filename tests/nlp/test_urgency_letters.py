"""Issue 17: a citizen letter recounts dangers past and feared, so its urgency came from
keywords alone; a sentence of it that tells a danger there today or still (今日, 现在, 仍在,
已持续半小时) is read as a message is. Written for this test, in letter style."""

import pytest

import nlp

DANGER_TODAY = [
    "尊敬的物业管理处：本人系本小区5栋住户。今日下午三时许，小区地下车库B区发生大面积积水，"
    "水深已没过脚踝，且仍在持续上涨，多辆车辆被淹，配电设施亦在附近，存在重大安全隐患。恳请贵处立即派员处置。",
    "致物业服务中心：本栋12楼公共走道内燃气味道十分浓烈，已持续半小时，住户均有头晕症状，"
    "请贵中心速派人员排查并通知燃气公司。",
    "物业领导您好：我是商场三楼的商户。现在我们店铺上方的消防喷淋管突然破裂，大量的水正喷到我们的货品"
    "和收银设备上，损失严重，请立即派工程人员关阀抢修。",
    "关于本小区7栋电梯故障的紧急反映。今晚八时许，7栋1单元电梯在运行中突然停在九楼与十楼之间，"
    "轿厢内有一名老人和一名儿童被困，按下警铃后至今无人应答，请物业立即派人救援。",
]

# dangers past, feared or left unhandled since: the letter is a grievance, not an emergency
RECOUNTED = [
    "投诉某小区电梯安全问题。去年本小区电梯曾多次困人，物业一直没有彻底维修，维保单位也多次更换，"
    "希望有关部门督促整改，保障业主出行安全。",
    "建议加强小区消防管理。小区楼道内堆放大量杂物，消防通道也常被车辆占用，如果发生火灾后果不堪设想，"
    "希望物业尽快组织清理并加强巡查。",
    "关于物业保安打人一事的投诉。上月十五日晚，物业保安与业主发生争执并动手，至今仍在岗位上班，"
    "物业对此事不闻不问，请相关部门调查处理。",
    "反映小区麻将馆扰民问题。楼下麻将馆每天营业到深夜，现在家里老人孩子天天无法休息，孩子早上起不来，"
    "严重影响生活，请有关部门依法处理。",
]


@pytest.mark.parametrize("text", DANGER_TODAY)
def test_a_letter_telling_a_danger_there_today_is_urgent(rules, text):
    assert len(text) >= 60 and "。" in text  # read as a letter
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert nlp.classify(text).urgent is True


@pytest.mark.parametrize("text", RECOUNTED)
def test_a_letter_recounting_a_danger_stays_calm(rules, text):
    assert len(text) >= 60 and "。" in text
    assert rules.classify(text).urgent is False, rules.classify(text)


# a WeChat message of 120 characters and more typed with no full stop is still a chat: the
# danger in its middle counts, with no 今天 or 现在 beside it
LONG_CHATS = [
    "你好 打扰一下 我是b座十二楼那家设计公司的行政 我们公司茶水间的水管接头脱开了 水喷得到处都是 "
    "地上已经一大片了 还往走廊那边流 旁边就是我们的打印室 里面好多图纸和设备 我们几个人拿拖把也拖不过来 "
    "也不知道阀门在哪 麻烦你们派个工程师傅上来处理一下 谢谢啦",
    "你们好 我在地下车库负二层 就是靠近c出口那块 这边有一辆白色的电动车在充电的时候冒烟了 味道特别刺鼻 "
    "旁边还停着好几辆电动车和汽车 我不敢靠近 也没看到灭火器在哪 车主也不知道是谁 你们保安能不能快点下来看看 "
    "我在c出口这里等你们 拜托了",
]


@pytest.mark.parametrize("text", LONG_CHATS)
def test_a_long_chat_with_no_full_stop_is_read_whole(rules, text):
    assert len(text) >= 120 and "。" not in text
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert nlp.classify(text).urgent is True


def test_after_is_no_plan_for_later(rules):
    # 以后 calms a plan (以后能不能…); 拉上去以后就卡住了 tells what happened after
    text = ("喂 你好 我是商场二楼女装店的店长 我们店的卷帘门下午拉上去以后就卡住了 到晚上打烊的时候死活拉不下来 "
            "店里有一整季的新货还有收银台的备用金 门关不上我们也不敢走")
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert rules.classify("以后能不能早点修好卷帘门 关不上很麻烦").urgent is False


@pytest.mark.parametrize(
    "text",
    [
        "能不能在车库多放几个灭火器 电动车充电冒烟的话来不及",
        "希望物业能在电梯里装个摄像头 上次有人在里面晕倒都没人知道",
    ],
)
def test_a_suggestion_about_a_danger_feared_stays_calm(rules, text):
    assert rules.classify(text).intent == "suggestion"
    assert rules.classify(text).urgent is False
    assert nlp.classify(text).urgent is False
