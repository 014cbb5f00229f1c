"""A letter to the authorities states its subject in its title sentence: whether that sentence
asks a question, or disputes a charge, decides the letter's intent or code (nlp.classifier)."""

import re

# a letter whose title sentence asks (停车位的收入归谁所有？, 是否合法, 如何申请) is a question
# put to the authorities; 怎么/为什么/凭什么 in a title are reproaches (怎么三天两头停电)
_TITLE = re.compile(r"[^.!?。！？]*[.!?。！？]?")
_TITLE_ASKS = re.compile(r"\?$|吗|是否|谁|哪|如何|多少|能否|可否|有没有|可不可以|能不能")
_TITLE_REPROACH = re.compile(r"怎么|为什么|为何|凭什么|难道|何时(解决|处理|修)|谁来管|谁管")


# a letter's title that disputes money (空调维修被多要钱, 车位租金一年翻倍, 广告收入去向不明,
# 拒不开具发票, 停车位还要收费): billing, whatever the money was for; a fee said as a cause (以欠费为由断电)
# or a kind of thing (收费车位) disputes nothing
_MONEY_NOUN = r"(费|钱|价|租金|押金|保证金|收入|收益|发票|罚款|账)"
_MONEY_WRONG = (r"(多要|多收|多扣|乱收|乱扣|涨|翻倍|翻番|不合理|无依据|没有依据|过高|太高|太贵|加收|强收|强制收|"
                r"违规收|强行收|还要收|不退|克扣|拒不开|拒开|不给开|去向|不公开|不透明|不明|不准|异常|算错)")
_TITLE_MONEY = re.compile(rf"{_MONEY_NOUN}[^,.!?;，。！？]{{0,8}}{_MONEY_WRONG}|{_MONEY_WRONG}[^,.!?;，。！？]{{0,6}}{_MONEY_NOUN}")


def title_disputes_money(norm: str) -> bool:
    """Whether a letter's title sentence disputes a charge, a rent, an income or an invoice."""
    return bool(_TITLE_MONEY.search(_TITLE.match(norm).group(0)))


def title_asks(norm: str) -> bool:
    """Whether a letter's title sentence is a question rather than a reproach."""
    title = _TITLE.match(norm).group(0)
    return bool(_TITLE_ASKS.search(title)) and not _TITLE_REPROACH.search(title)


# a title saying a fault recurs (停电好多次, 多次违规停水, 电梯经常坏, 频繁跳闸): 12 of the 13
# public letters so titled are labelled with the fault, not with its handling (多次反映 … 故障 is)
_RECURS = re.compile(
    r"(停电|停水|断电|断水|漏水|噪音|坏|故障|跳闸)[^,，。反投报找催]{0,3}(好多次|多次|几次|好几次|二次|屡次|经常|频繁)|"
    r"(好多次|多次|几次|好几次|屡次|经常|频繁)[^,，。反投报找催]{0,4}(停电|停水|断电|断水|漏水|坏|故障|跳闸)"
)


def fault_recurs(norm: str) -> bool:
    """Whether a letter's title sentence says a fault keeps happening."""
    return bool(_RECURS.search(_TITLE.match(norm).group(0)))


# a letter that opens with 反映 (反映小区二次供水水质问题) states its subject: the verb is the
# letter's own, not an earlier report chased (再次反映, 多次反映 are). It weighs as 投诉 does:
# a complaint, naming no handling. 5 public letters so opened move from SVC-SLOW to their
# fault (all five labelled so); none moves away from its label.
_OPENING = {"反映": "投诉"}


def plain_opening(tokens: list[str]) -> list[str]:
    """The tokens to score, with a letter's opening verb read as the letter's own."""
    if tokens and tokens[0] in _OPENING:
        return [_OPENING[tokens[0]], *tokens[1:]]
    return tokens


# a letter whose title names a fire lane, an exit or a rescue ground blocked or taken (消防通道
# 长期被业主车辆堵塞, 消防通道上设置停车位, 消防登高场地被车辆占用) is about safety: the cars are
# how it is blocked. 4 public letters so titled went to SEC-PARK, all labelled SEC-SAFE; the
# letters about a lack of spaces that name a fire lane only in the body stay parking's.
_LANE = r"(消防通道|消防车道|消防登高|登高场地|安全出口|生命通道|疏散通道|逃生通道)"
_BLOCKED = r"(堵|占|停|车位|车辆|私家车|被)"
_TITLE_LANE = re.compile(rf"{_LANE}[^,.!?;，。！？]{{0,12}}{_BLOCKED}|{_BLOCKED}[^,.!?;，。！？]{{0,8}}{_LANE}")

# a title whose nuisance (扰民) is a smell (化工厂异味扰民, 油烟管道持续半年扰民) is about dirt and
# smell, not noise, whatever the body's 吵 or 消防通道; the model, which hears 扰民 as noise, does
# not overturn it (nlp.blend). A title naming a noise too (油烟和噪音扰民) decides nothing.
_TITLE_SMELL = re.compile(r"(异味|臭|油烟|气味|烟味|废气|粉尘)[^.!?。！？]{0,14}扰民")
_TITLE_SOUND = re.compile(r"噪|吵|声|响|鸣|音")

# ... and one whose machine disturbs the residents (底商公共通道摆放空调扰民, 商家外机和冷库噪音扰民)
# is a noise made by others, not a unit to repair; the estate's own plant (电梯噪音, 水泵房噪音扰民)
# is its fault to fix, not named here
_TITLE_MACHINE = re.compile(r"空调|外机|冰柜|冷柜|冷库|风机|冷却塔|压缩机|排风|抽风|机组")
_TITLE_PLANT = re.compile(r"泵房|机房|配电|变压器|电梯|水泵|发电机")


def title_subject(norm: str) -> tuple[str, str] | None:
    """The code a letter's title sentence decides, and the structure's name: money disputed
    is billing's, a fire lane blocked safety's, a smell that disturbs dirt's, a machine that
    disturbs noise's; None when the title decides nothing."""
    if title_disputes_money(norm):
        return "FEE-BILL", "title_money"
    title = _TITLE.match(norm).group(0)
    if _TITLE_LANE.search(title):
        return "SEC-SAFE", "title_lane"
    if _TITLE_SMELL.search(title) and not _TITLE_SOUND.search(title):
        return "ENV-CLEAN", "title_smell"
    if _TITLE_MACHINE.search(title) and "扰民" in title and not _TITLE_PLANT.search(title):
        return "SEC-NOISE", "title_noise"
    return None


def told_urgency(norm: str, score: float) -> float:
    """A letter's urgency keywords' score, or 0 when its title says the fault keeps happening
    (频繁停电, 停电好多次, 电梯经常坏): it recounts outages past, each 停电 or 困人 in it told
    again, not one happening now (that is urgency.letter_situation's). 15 of the 16 public
    letters so titled are labelled not urgent; the 16th was not urgent by its keywords either."""
    return 0.0 if fault_recurs(norm) else score
