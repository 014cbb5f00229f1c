"""A letter whose title sentence asks a question is an inquiry, whatever its topic; a title
that reproaches (怎么, 为什么, 凭什么) is the complaint it reads as."""

import pytest

import nlp
from nlp import letters

ASKING = [
    "小区公共停车位出租的收入归谁所有？尊敬的领导：我们小区地面有一百多个公共车位，物业一直对外出租，"
    "每月收入不少，但从来没有向业主公示过。请问这部分收入是否属于全体业主？物业有没有义务公开账目？",
    "新装修的房子漏水该由开发商还是物业负责？我家去年交房，装修入住后发现卫生间楼下天花板渗水，"
    "开发商说是装修问题，物业说是房屋质量问题，互相推脱。请问这种情况应该由谁来维修和赔偿？",
    "A5区金桥小区物业擅自涨价合理吗。金桥小区物业今年突然把物业费从每平方一块二涨到一块八，"
    "没有召开业主大会，也没有公示成本。这种做法合理吗？业主该如何维权？",
    "业主私自在公共楼道安装监控是否合法？我家对门邻居在楼道里装了一个摄像头，正对着我家大门，"
    "每天进出都被拍到。我跟他沟通他不肯拆，物业说管不了。请问这种行为是否侵犯隐私，应该向哪个部门反映？",
]
REPROACHING = [
    "A2区翠苑小区怎么三天两头停电。翠苑小区这个月已经停电五次了，每次都是晚上，供电所说是小区线路问题，"
    "物业说是供电所的问题，我们夹在中间不知道找谁。请求领导协调解决。",
    "A4区阳光小区物业为什么不给我们修门禁。阳光小区5栋的门禁坏了三个月，我们反映了不下十次，"
    "物业一直说没配件。请领导督促物业尽快修好门禁。",
    "关于南湖小区垃圾站臭气熏天的投诉。南湖小区垃圾站紧挨着住宅楼，夏天臭气熏天，苍蝇成群，"
    "物业只是偶尔冲洗一下。垃圾站为什么要建在离住户这么近的地方？希望有关部门督促物业每天清运并搬迁垃圾站。",
]


@pytest.mark.parametrize("text", ASKING)
def test_a_letter_whose_title_asks_is_an_inquiry(text):
    assert nlp.classify(text).intent == "inquiry"


@pytest.mark.parametrize("text", REPROACHING)
def test_a_title_that_reproaches_stays_a_complaint(text):
    assert nlp.classify(text).intent == "complaint"


def test_only_the_title_sentence_is_read():
    assert letters.title_asks("物业费是否可以分期交?我想问一下")
    assert not letters.title_asks("电梯坏了三天没人修。请问什么时候能修好?")
    assert not letters.title_asks("怎么又停水了?谁来管管")


DISPUTING_MONEY = [
    "A4区幸福家园空调维修被多要钱。上个月家里空调不制冷，物业派维修工上门，换了一个小零件就收了我八百元，"
    "事后我查了同型号配件网上只要六十元。物业说这是他们的标准，请相关部门核查维修价格是否合理。",
    "A7县金色港湾车位租金一年翻倍。金色港湾地下车位去年每月租金两百元，今年开发商直接涨到四百元，"
    "说不租就收回车位。业主们认为涨幅太大，希望物价部门介入，规范车位租赁价格。",
    "关于丰华园小区电梯广告收入去向的反映。丰华园小区每部电梯里都装了广告屏，已经好几年了，这些广告收入属于"
    "全体业主，但物业从来没有公示过收支，也没有用于小区公共设施维护。请求主管部门督促公开。",
    "关于翠湖湾小区地面停车位被强行收费的反映。尊敬的领导：我们翠湖湾小区的地面车位属于全体业主共有，以前一直"
    "免费停放。今年三月起物业在小区门口装了道闸，每辆车每月要交二百元，业主多次提出异议，物业置之不理。",
]
# a fee said as a cause or a kind of thing: the title's subject is elsewhere
NAMING_A_FEE = [
    ("关于海天小区道闸收费后车辆排队的反映。海天小区门口装了收费道闸以后，每天早晚高峰进出车辆排起长队，"
     "一直堵到市政道路上，公交车都过不去。请交警部门和物业协调，增加出入口。", "SEC-PARK"),
    ("A5区书香苑消防车道被画成收费车位。书香苑物业把5栋旁边的消防车道画成了收费停车位，每天停满了车，"
     "一旦发生火灾消防车根本开不进来。请求消防部门检查，恢复消防通道。", "SEC-SAFE"),
]


@pytest.mark.parametrize("text", DISPUTING_MONEY)
def test_a_letter_whose_title_disputes_money_is_billing(rules, text):
    assert rules.classify(text).code == "FEE-BILL"


@pytest.mark.parametrize(("text", "code"), NAMING_A_FEE)
def test_a_title_naming_a_fee_as_cause_or_kind_keeps_its_subject(rules, text, code):
    assert rules.classify(text).code == code


def test_the_model_does_not_turn_a_disputed_charge_back_into_its_object():
    text = ("A3区丽景湾写字楼空调收费不合理。我公司租用丽景湾写字楼12层办公，物业按面积收取中央空调费，但我们楼层的"
            "空调出风口常年温度不达标，夏天室内三十度。空调效果这么差还要照收空调费，请求价格部门介入。")
    assert nlp.classify(text).code == "FEE-BILL"
