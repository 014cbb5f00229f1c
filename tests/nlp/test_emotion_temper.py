"""A tenant's temper said beside the report (issue 17): contempt of the company, a demand for a
manager, a threat to take it further or to stop paying is upset; a polite request or a calm
question for a manager is not. A threat to leave beside a fault leaves the fault the report,
and a member of staff said to take money is no charge to the tenant. Own words throughout."""

import pytest

import nlp

UPSET = [
    "你们物业也太差劲了 门口的路灯坏了好几天",
    "这什么物业啊 车库的积水一直没人弄",
    "我要找你们经理 热水器的事说了好几遍了",
    "叫你们领导出来 楼上装修吵了一整天",
    "你们老板呢 让他来看看这楼道脏成什么样了",
    "下水道返臭好久了 我要打市长热线反映",
    "管理太烂了 大堂的玻璃门关不上也没人理",
    "这店没法待了 空调一开就跳闸",
    "物业费我是不会再交了 电梯坏了也没人修",
]

CALM = [
    "麻烦你们管一下 三楼走廊的灯不亮了",
    "请问你们经理几点上班 我想当面谈一下广告位的事",
    "我们下个月合同到期 退租要准备哪些材料",
    "不交物业费的话会有滞纳金吗",
    "卫生间的水箱一直在响 有空派个师傅来看看",
]


@pytest.mark.parametrize("text", UPSET)
def test_said_in_anger_is_upset(text):
    assert nlp.classify(text).emotion == "upset", text


@pytest.mark.parametrize("text", CALM)
def test_said_calmly_stays_calm(text):
    assert nlp.classify(text).emotion == "calm", text


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("再这样三天两头停电 下个月我们就搬走", "ENG-ELEC"),
        ("电梯隔三岔五就停 合同到期我们就不续了", "ENG-LIFT"),
        ("物业费我不交了 楼道里的垃圾好几天没人收", "ENV-CLEAN"),
    ],
)
def test_a_threat_to_leave_or_stop_paying_beside_a_fault_is_that_fault_upset(text, code):
    result = nlp.classify(text)
    assert (result.code, result.intent, result.emotion) == (code, "complaint", "upset"), result


@pytest.mark.parametrize(
    "text",
    [
        "保安是不是收了人家的钱 什么人都往里放",
        "你们门卫收了钱吧 外卖电动车全骑进来了",
        "门岗是不是拿了红包 那辆车天天白停",
    ],
)
def test_staff_said_to_take_money_is_no_charge_to_the_tenant(text):
    result = nlp.classify(text)
    assert result.category != "FEE" and result.intent == "complaint", result


def test_a_question_about_leaving_stays_a_question():
    result = nlp.classify("我们要退租了 剩下的押金怎么退")
    assert (result.code, result.intent, result.emotion) == ("FEE-BILL", "inquiry", "calm"), result
