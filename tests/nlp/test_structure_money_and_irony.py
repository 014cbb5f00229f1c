"""Amounts charged go to billing; praise that is really a complaint is a complaint."""

import pytest

import nlp


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("临时停车半小时收了二十 牌子上写着免费十五分钟", "complaint"),
        ("换个门锁芯收了我四百块 外面才一百", "complaint"),
        ("车位月租能开发票吗", "inquiry"),
        ("装修押金交了五千 验收以后多久能退", "inquiry"),
        ("装修保证金和垃圾清运费分别是多少", "inquiry"),
    ],
)
def test_an_amount_charged_or_a_deposit_question_is_billing(rules, text, intent):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("FEE-BILL", intent)


@pytest.mark.parametrize(
    "text",
    [
        "楼上收了我三次快递 不知道是谁的",  # a count, not an amount
        "我花了两百块买的灯 装上就不亮",  # the tenant's own purchase, not a charge
    ],
)
def test_numbers_that_are_not_charges_stay_out_of_billing(rules, text):
    assert rules.classify(text).code != "FEE-BILL"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("你们效率真高啊 报修一个月了还在排队中 👏👏", "SVC-SLOW"),
        ("你们的保安真是太“敬业”了 坐在岗亭里玩手机", "SVC-ATTI"),
        ("太感谢保洁了 让我们天天欣赏楼道里的同一袋垃圾 都一个礼拜了", "ENV-CLEAN"),
        ("物业真给力 呵呵 电梯又坏了", "ENG-LIFT"),
    ],
)
def test_sarcastic_praise_is_not_praise(rules, text, code):
    result = rules.classify(text)
    assert result.intent != "praise" and result.code == code


@pytest.mark.parametrize(
    "text",
    ["你们那个保洁阿姨态度真好", "谢谢王师傅 等了半天终于修好了 辛苦了", "保安小哥人真不错 帮我把箱子搬上楼"],
)
def test_praise_of_staff_is_praise_of_service_attitude(text):
    result = nlp.classify(text)
    assert (result.intent, result.code) == ("praise", "SVC-ATTI")


def test_a_procedure_question_before_the_deposit_stays_with_the_desk(rules):
    result = rules.classify("下个月我们要重新装修 要办哪些手续 押金要交多少")
    assert (result.code, result.intent) == ("SVC-INFO", "inquiry")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("电梯又坏了 物业费白交了", "ENG-LIFT"),
        ("楼道里的垃圾三天没人收 物业费倒是一分不少", "ENV-CLEAN"),
        ("路灯坏了一个月 交物业费干嘛用的", "ENG-ELEC"),
        ("草坪里全是狗屎 你们收物业费倒挺积极", "ENV-CLEAN"),
        ("半夜还有人在楼下喝酒划拳 管理费交了有什么用", "SEC-NOISE"),
    ],
)
def test_a_jab_at_the_fee_beside_a_fault_is_about_the_fault(rules, text, code):
    """"物业费白交了" is a jab, not a billing question: the fault beside it is the complaint."""
    result = rules.classify(text)
    assert (result.code, result.intent) == (code, "complaint"), result
    assert nlp.classify(text).code == code


@pytest.mark.parametrize("text", ["物业费白交了", "物业费凭什么又涨了", "这个月物业费收了我三百 太贵了"])
def test_a_grievance_about_the_fee_itself_stays_billing(rules, text):
    assert rules.classify(text).category == "FEE", rules.classify(text)


@pytest.mark.parametrize(
    "text",
    ["维修费为什么要我们自己出", "开户费交了还要交什么", "这个月多了一笔服务费 不知道是什么", "宽带的安装费能退吗"],
)
def test_any_word_for_a_charge_is_billing(rules, text):
    # jieba reads 维修费, 开户费 as one word each: the 费 at its end says it is a charge
    assert rules.classify(text).code == "FEE-BILL", rules.classify(text)


@pytest.mark.parametrize("text", ["水龙头关不紧 一直在浪费水", "走廊的灯白天也开着 太浪费电了"])
def test_waste_is_not_a_charge(rules, text):
    assert rules.classify(text).category == "ENG"


@pytest.mark.parametrize("text", ["换个灯泡收不收钱", "上门维修要另外收费吗", "师傅来修空调还要收钱吗"])
def test_a_question_about_the_price_of_a_job_is_a_billing_inquiry(rules, text):
    result = rules.classify(text)
    assert (result.code, result.intent) == ("FEE-BILL", "inquiry"), result


@pytest.mark.parametrize("text", ["凭什么要我们掏钱", "物业让我们每户出钱 这合理吗"])
def test_who_pays_is_a_question_of_billing(text):
    assert nlp.classify(text).code == "FEE-BILL"


def test_paying_for_ones_own_repair_keeps_the_fault():
    assert nlp.classify("空调坏了 我自己花钱修的").code == "ENG-HVAC"
