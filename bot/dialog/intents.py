"""What the tenant's words mean before the classifier is asked: greetings, farewells, yes
and no to a quote, cancelling, asking for progress, the menu's keys, and what a person
should read. Changes when tenants phrase things differently."""
from __future__ import annotations

import re
import unicodedata

from nlp import taxonomy
from nlp.rules import default_rules

PROGRESS_KEYS = {"PROGRESS", "查询进度", "progress"}
REPAIR_KEYS = {"REPAIR", "报修", "repair"}
COMPLAINT_KEYS = {"COMPLAINT", "投诉", "complaint"}
CONTACT_KEYS = {"CONTACT", "联系我们", "contact"}

PUNCT = re.compile(r"[\s，。,.!！?？~～、:：;；…·\"'“”‘’()（）【】\[\]]+")
# 「亲 在不在呀」: the shop's 亲 before it, a particle after it
# English summons as bare() writes them (Hello, is anyone there? → helloisanyonethere)
GREETING = re.compile(r"^(亲|亲亲|请问)?(你好|您好|hello|hi|hey|嗨|在吗|在不在|有人吗|有没有人(?:啊|呀)?|有人在吗|回个话|回一下|回复一下|"
                      r"哈喽|喂|早上好|下午好|晚上好|不好意思|打扰一下|"
                      r"(?:is|are)?(?:anyone|anybody|someone|you)(?:there|here|around)|goodmorning|goodafternoon|goodevening)+"
                      r"(?:呀|啊|哈|呢|吖|哦|🙏){0,3}$", re.I)
# 「你好 请问是物业吗」: whether this is the property office, asked before anything else; a
# greeting, answered with who we are. Matched against bare() text.
IS_IT_US = re.compile(r"^(?:你好|您好|喂|亲|哈喽|hello|hi){0,3}(?:请问)?(?:这里|这边|这|你们|你|您)?是(?:不是)?"
                      r"[\u4e00-\u9fff]{0,8}?(?:物业|服务中心|物业公司|管理处|客服)(?:服务中心|公司|客服)?(?:吗|嘛|么|吧|呀|啊)?$")
# One plain alternation, stripped rather than repeated: `^(嗯|嗯嗯|…)+$` backtracked
# exponentially on "嗯"×48 + "吗" (issue 16).
# Acknowledgements too (嗯 明白, 好滴, 哈哈 好的, 👍, 麻烦了, 辛苦了): a tenant signing off is told
# goodbye, not 「没有听清楚」. Only a whole message of these counts: 「太麻烦了」 keeps its 太.
BYE = re.compile(r"(?:谢谢|多谢|感谢)(?:你们|您|你)?|谢了|好的|好|ok|嗯|收到|知道了|再见|拜拜|没事了|没有了|明白|了解|晚安|行|哦|哈|"
                 r"麻烦(你|您|你们)?了|辛苦(你|您|你们)?了|"
                 r"滴|哒|嘞|啦|吧|呀|👍|🙏|👌|"
                 # in English, as bare() writes it (Thank you! → thankyou; got it → gotit)
                 r"thanks|thank(?:you|u)|thx|bye|goodbye|byebye|okay|gotit|noted|great|cool|alright|sure|so|very|much|alot|"
                 r"for(?:your|the)?help|appreciate(?:it)?|"
                 # sent by mistake (没事 发错了, 不好意思 打错了): nothing to open
                 r"发错了|发错|打错了|打错|误发|不小心发的|没事|不好意思(?=.{0,3}(?:发错|打错|误发))", re.I)
# 「我要报修」「你好 我想问下」「想反映个问题」: the tenant announces what they will say, and
# says nothing yet (「我是来报修的」). Answered with the menu's prompt, not a ticket with nothing in it.
# Matched against bare() text (no punctuation or spaces, lower case).
OPENER = re.compile(
    r"^(?:你好|您好|亲|喂|请问){0,2}(?:我|我们)?(?:是)?(?:这边|这里)?(?:要|想|想要|需要|来)?"
    # ... or asks how (怎么报修, 投诉找谁, 报修在哪里报): answered the same way, by asking what it is
    r"(?:怎么|怎样|如何|在哪里?|去哪里?|找谁)?"
    r"(?:(?P<repair>报修|报个修|维修|修东西)|(?P<complaint>投诉|反映(?:一下|个|点)?(?:问题|情况|事情|事)?)"
    r"|(?P<inquiry>咨询|问|请问)(?:一下|下|个问题|个事情|个事|点事)?)"
    r"(?:要?怎么(?:弄|办|操作|报|做)|找谁|在哪里?报?)?(?:呀|啊|哈|呢|哦|的|吗){0,2}$"
)


# 「急急急」, 「快快快」 before saying what: a repair about to be told, not a message to triage
# (after a report, it hurries that report). Matched against bare() text.
HURRY_ONLY = re.compile(r"^(?:有急事|十万火急|紧急|很急|着急|急{1,8}|快{2,8})(?:呀|啊|哈|呢|哦|了){0,2}$")


def opener(bare_text: str) -> str | None:
    """"repair", "complaint" or "inquiry" when the whole message only announces one."""
    match = OPENER.match(bare_text)
    if match is None:
        return None
    return next(kind for kind in ("repair", "complaint", "inquiry") if match.group(kind))


# Money and receipts need the explicit word the notice asked for (回复「确认」); a passing
# "好的" must not accept a paid quote.
YES = re.compile(r"^(那)?(好的?|好吧|好了|可以|行|嗯)?(确认|确定|同意)(维修|修理|报价|收到)?(了|吧|谢谢|好的)?$")  # 好了 确认: the word said
NO = re.compile(r"^(不同意|不要|取消|太贵了?|算了|不修了?|不用了?|拒绝|不行)+$", re.I)
# 「不同意 太贵了 我自己找人修」: the word the quote asked for, said first, then why
_ASSENT = re.compile(r"(?<!不)(?:确认|确定|同意)")


# ... or the price, then the work refused in so many words (180太贵了 我不修了, 这么贵啊 那不修了)
_REFUSED = re.compile(r"不(?:用|要|想)?(?:修|维修|修理|换|弄|做)了")


def declines_with_reasons(text: str) -> bool:
    first = bare(PUNCT.split(text.strip(), 1)[0]).rstrip("了吧啊呀哦")
    refused = bool(first and NO.match(first)) or bool(_REFUSED.search(bare(text)))
    return refused and not _ASSENT.search(text) and not CHANGED_MIND.search(text)


# "不用修了，已经好了": staff confirm with the tenant and close; the bot never closes a ticket
# itself. Calling it off is plain whatever else the message says (不用来了 是隔壁在炖肉);
# "已经好了" only where the message is no new report ("修好了，又漏了").
CALL_OFF = re.compile(r"不用(修|来|派人|维修|处理|过来)了|不需要(维修|修|处理|来)?了|算了(吧)?(不用|不修|不报|不弄)|不(报|报修|投诉|反映)了|"
                      r"取消(报修|维修|工单|投诉)|撤(销|回)(报修|工单|投诉)|"
                      # 取消吧 我们自己找人修了: called off, and why
                      r"^(那|帮我)?取消(吧|掉|了|一下)?|(自己|另外|另)找(人|师傅|别人)(来)?修|找别人修")
# 「算了」「那算了吧」「算了 不用了」 and nothing else: the tenant lets go of what they were
# about to tell (我要投诉, then 算了). Matched against bare() text.
NEVER_MIND = re.compile(r"算了|算啦|不用了|不用啦|不需要了|不(?:报|报修|投诉|反映)了")
_NEVER_MIND_FILLER = re.compile(r"那|哦|噢|呃|额|唉|哎|嗯|吧|啦|哈|呀|还是|没事|谢谢")


def never_mind(bare_text: str) -> bool:
    """The whole message lets go (算了, 那算了吧, 算了 没事): no report, no question."""
    return bool(NEVER_MIND.search(bare_text)) and not _NEVER_MIND_FILLER.sub("", NEVER_MIND.sub("", bare_text))


# The tenant takes back 「算了 不修了」 (还是修一下吧, 还是派人来看看吧, 我还是要报修)
CHANGED_MIND = re.compile(r"还是(要|得|需要|想)?(请|麻烦)?(你们)?(派人|派个?师傅)?(来|过来)?"
                          r"(修|报修|处理|看看|看一下|弄一下)|还是(派人|派个?师傅)(来|过来)")
RESOLVED = re.compile(r"(已经|自己)(修)?好了|修好了不用|^修好了(?!吗|没|么|\?|？)|"
                      r"(现在|又|已经)(好了|能用了|可以用了|能刷了|能开了|正常了)(?!吗|没|么|\?|？)")
# 现在好了 但是又开始漏了: fixed for a moment, faulty again, not a reason to stop
FAULTY_AGAIN = re.compile(r"但是|可是|不过|又(开始)?(漏|坏|不|响|停|堵|跳|卡|冒)")
# When someone will come, asked of the tenant's open tickets (什么时候能来, 师傅几点到, 还要多久,
# 师傅来了吗)
PROGRESS = re.compile(r"进度|进展|查询|查一下|查下|怎么样了|处理到哪|到哪一步|什么时候(能|会|可以|才)?(来(?![电水])|到|修|过来|上门)|"
                      # 几点到几点可以用 asks opening hours, not when someone comes
                      r"几点(能|会|可以)?(来(?![电水])|到(?![0-9一二三四五六七八九十几]{1,3}点)|过来|上门)|多久(能|会|才|可以)?(来(?![电水])|到|修好|过来|上门)|还要多久|"
                      # 师傅说要换个零件 要等几天吗
                      r"(要|得|还要|还得)?等(几天|多久|多长时间|多少天)|几天(能|才|可以)?(修好|来|到|弄好)|"
                      r"(修|弄|搞|处理|换)好了(吗|没)|修了(吗|没)|有人来吗|结果呢|(师傅|人|维修工|工人|电工|保安)(来了|到了)(吗|没|没有)|"
                      r"(师傅|人|维修工|工人|电工|保安|维修人员)(现在)?(到|走到)哪(里|儿)?了|出发了(吗|没)|在路上了?(吗|没)|"
                      # the number of their report asked (单号是多少来着, 工单号忘了): its progress tells it
                      r"(?<!编)(工单|单)号(码)?(是)?(多少|几号|呢|忘了|来着)|"
                      # the tenant's reports asked for (我的工单, 查一下我的报修)
                      r"我的(工单|报修|投诉)(呢|怎么样|进度|$)|"
                      # in English: when will the technician come, any update
                      r"(?i:when will .{0,24}?(?:come|arrive|be here|fix)|any updates?\b|how long .{0,16}?(?:take|wait))")
# The centre's own phone or address asked (你们电话多少, 服务中心在哪): the menu's 联系我们 answers
CONTACT_ASKED = re.compile(r"(电话|联系方式|手机|号码|热线)(号码|号)?(是)?(多少|几号|呢|给一个|发一下|发我)|怎么联系(你们|物业|客服)|"
                           r"(服务中心|物业|办公室|客服中心|前台)(在)?(哪|哪里|哪儿|什么位置|几楼)")
# Someone should have come by now (人怎么还没到, 师傅还没来吗): a chase of the open ticket
STILL_WAITING = re.compile(r"怎么还没(有)?(人)?(来|到)|还没(有)?(人)?(来|到)")
# Asked who they are, the tenant would rather not say (不想说, 为什么要告诉你, 直接来修就行):
# checking the caller is "如需" (seed §一注意(5)), so the report opens with what we know.
DECLINE = re.compile(r"不想说|不想告诉|不想留|不方便(说|透露|告诉|留)?|不告诉|为什么要(告诉|说|留)|凭什么|别问了|"
                     r"不要问了|直接(来|过来)?修|保密|"
                     # asked back why (为什么要我的电话, 要我电话干嘛): no answer given, as 为什么要告诉你
                     r"(为什么|干嘛|干什么|为啥)要(留)?(我的?)?(电话|手机|号码|名字|姓名|信息)|"
                     r"要我的?(电话|手机|号码|名字|姓名)(干嘛|干什么|干啥|做什么)|"
                     # we should know already, or WeChat will do (上次留过了, 就是这个微信号): none given
                     r"(上次|之前|以前)(已经)?(留|给|说|登记)过|留过了|(你们|你)(不是)?(都)?有我的?(电话|号码|手机|信息|资料)|"
                     r"(跟|和)上次一样|就是(这个)?微信号?|(用|通过)微信联系|加我微信")
# Words about a pending quote that are not 「确认」/「不同意」: assent, the price, haggling
ABOUT_QUOTE = re.compile(r"可以|行|修吧|就修|没问题|贵|便宜|优惠|打折|多少钱|价格|价钱|报价|费用|(?<!\d)\d{1,6}(块|元)|"
                         r"配件|零件|材料|人工|换什么|(?<![\d\-a-z])\d{2,6}(?![\d\-])|"  # 什么配件要180
                         # the answer put off (我要问一下老板 晚点回复你, 考虑一下)
                         r"问(?:一下|下|问)?(?:老板|领导|经理|店长|公司|家里|老公|老婆)|晚点(?:回复|答复|再说|说|回你)|"
                         r"考虑(?:一下|下)|商量(?:一下|下)|想一想|再说吧")
# The things a fault is in (水管, 插座, 门 …) and whole troubles (停电): a follow-up naming none but those of the report
# (水漫到店里了, 已经滴到我的货架上了, 门从里面打不开 after 店门把手松) is about that report.
FAULT_OBJECT = re.compile(
    r"水管|管子|管道|水龙头|龙头|马桶|水箱|阀门|水阀|水表|下水道|地漏|水池|洗手池|面盆|热水器|"
    r"电梯|扶梯|轿厢|插座|插头|开关|电线|电箱|配电箱|电闸|电表|灯|空调|风机|风口|"
    r"门(?!口|前|外)|(?<!反)锁|窗|玻璃|天花板|天花|吊顶|墙|地砖|瓷砖|消防栓|喷淋|烟感|卷帘|网线|摄像头|监控|"
    r"道闸|闸机|栏杆|护栏|扶手|地板|井盖|排风扇|排气扇|新风|暖气|网络|路由器|充电桩|"
    r"停电|断电|跳闸|停水|燃气|煤气")  # and troubles that are a thing of their own (又停电了 after 灯有点闪)
# 「空调不制冷 另外门口灯也坏了」: the words with which the classifier reads a second problem
# added after the first (its addition_markers), where the dialog may cut the message.
# Only these: 「灯也灭了」 after 「被困在电梯里了」 is the lift's own lamp, 「电梯也停了」 after
# 「停电了」 what the outage did; a 也 alone tells no second problem.
_ADDED = re.compile("(?=" + "|".join(sorted(map(re.escape, default_rules()["settings"]["addition_markers"]),
                                            key=len, reverse=True)) + ")")


# A list of problems (1.空调不制冷 2.门锁坏了, 1、卫生间漏水 2、灯不亮, 一个是空调 一个是门锁): each item
# a problem the tenant numbered apart; a digit before a decimal point is no item
_ITEM = re.compile(r"(?=(?<![0-9A-Za-z])[1-9一二三四五](?:[.、．)）](?![0-9])|\s(?=[\u4e00-\u9fff])))|(?=(?<!另)一个是)|"
                   r"(?=另一个是)")  # 1 空调不制冷 2 门口灯不亮: a digit and a space number items too
_ITEM_START = re.compile(r"^\s*(?:[1-9一二三四五](?:[.、．)）]|\s)|另?一个是)")


def _items(text: str) -> list[str]:
    return [item for item in _ITEM.split(text) if item.strip(" ，,。；;、")]


def listed(text: str) -> bool:
    """The tenant numbered the problems: each item its own, urgent or not."""
    return len(_items(text)) > 1


# The whole supply failing: what stops with it is its consequence (停电了 电梯也停了).
_OUTAGE = re.compile(r"停电|断电|跳闸|(?<![器池机车表])没电|停水|没水|电压")  # 遥控器没电: its battery
_CHAT_MAX = 100  # a longer message is a letter, told as one story: one ticket reads it whole


def problems(text: str) -> list[str]:
    """The message cut where the tenant numbers its problems (1.空调不制冷 2.门锁坏了), or adds
    another problem about a thing of its own (空调不制冷 另外门口灯也坏了): one part when nothing
    is added, or what is added names no thing or one already named (电梯困人了 还有人在里面,
    空调不制冷 还有空调在滴水)."""
    if len(text) > _CHAT_MAX or _OUTAGE.search(text):
        return [text]
    items = _items(text)
    if len(items) > 1 and not _ITEM_START.match(items[0]):  # 两个问题：1.…: the words before the list open it
        items = [items[0] + items[1], *items[2:]]
    if len(items) > 1:
        return [item.strip(" ，,。；;、") for item in items]
    both = _BOTH.match(text.strip(" ，,。！!"))
    if both and both["a"] != both["b"]:  # 卫生间的灯和排气扇都坏了: each thing with the words around it
        return [both["where"] + both["a"] + both["what"], both["where"] + both["b"] + both["what"]]
    parts: list[str] = []
    named: set[str] = set()
    for piece in _ADDED.split(text):
        things = set(FAULT_OBJECT.findall(piece))
        if parts and things and not things & named:
            parts.append(piece)
        elif parts:
            parts[-1] += piece
        else:
            parts.append(piece)
        named |= things
    # the marker that added a part joins it on, and is no word of the problem (还有 reads as 还有人在里面)
    return [_MARKER_FIRST.sub("", part.strip(" ，,。；;、")) for part in _clauses_added(parts) if part.strip(" ，,。；;、")]


_CLAUSE_END = re.compile(r"(?<=[\s，,；;])(?=\S)")


def _clauses_added(parts: list[str]) -> list[str]:
    """Once the tenant adds a problem (还有门口灯也坏了 空调也不太冷), a clause after it naming a
    thing of its own is one more added; before any marker, a clause is the first problem's
    (电梯困人了 灯也灭了: the lift's lamp)."""
    if len(parts) < 2:
        return parts
    out, named = [parts[0]], set(FAULT_OBJECT.findall(parts[0]))
    for part in parts[1:]:
        current = ""
        for clause in _CLAUSE_END.split(part):
            things = set(FAULT_OBJECT.findall(clause))
            if current and things and not things & named:
                out.append(current)
                current = ""
            current += clause
            named |= things
        out.append(current)
    return out


# Two things with one fault (空调和门锁都坏了, 卫生间的灯跟排气扇都不转了)
_BOTH = re.compile(r"^(?P<where>[^，,。]{0,12}?)(?P<a>(?:" + FAULT_OBJECT.pattern + r"){1,2})(?:和|跟|与|以及|还有|、)"
                   r"(?P<b>(?:" + FAULT_OBJECT.pattern + r"){1,2})(?:也都|都|全都)(?P<what>[^，,。]{1,10})$")
_MARKER_FIRST = re.compile("^(?:" + "|".join(map(re.escape, default_rules()["settings"]["addition_markers"])) + ")")


# A question that goes on from the last one (那停多久, 那周末呢, 在哪里交): a word that
# carries on, or too short to name a topic of its own. Matched against bare() text.
GOES_ON = re.compile(r"^(那|那么|那要|还有|另外|然后|再问)")
GOES_ON_MAX = 6


def goes_on(bare_text: str) -> bool:
    return bool(GOES_ON.match(bare_text)) or len(bare_text) <= GOES_ON_MAX


# When the tenant would have someone come (最好是晚上来 白天要营业, 明天上午来吧, 下午三点以后再来,
# 周末过来就行, 中午前别来): a time and a coming, about the report just made. Matched against
# bare() text; 来电/来水 is a supply back, not a visit.
_WHEN = (r"(?:今天|今晚|明天|明早|明晚|后天|早上|一早|上午|中午|下午|傍晚|晚上|夜里|白天|周末|"
         r"(?:周|星期|礼拜)[一二三四五六日天]|[0-9一二三四五六七八九十两]{1,3}点|打烊|关门|开门|营业)")
VISIT_TIME = re.compile(_WHEN + r".{0,10}?(?:来(?![电水])|上门|到店|修|弄|处理|有人在|不在|都行|都可以|"
                        r"(?:才|会)?(?:在|回)(?:店|家|公司|办公室)|都在|一直在)"  # 下午两点以后才在店里, 三点前都在
                        r"|(?:来(?![电水])|上门).{0,6}?" + _WHEN)
# Words the classifier counts toward a code that name no thing of their own: where (the
# rules' locatives, the neighbours: 有小孩在旁边玩 is SEC-NOISE by 旁边) and, inside an
# emergency just reported, how it feels there (里面好热 喘不过气 in a stuck lift: ENG-HVAC by 热).
NO_THING = frozenset(default_rules()["locatives"]) | {"隔壁", "楼上", "楼下"}
FELT = frozenset({"热", "好热", "太热", "冷", "闷"})


# The trouble growing (越来越严重了, 水更大了, 止不住): a cry for help with these after a report
# is that report worsening; 「快点来」 alone is a hurry, not a danger of the report's.
WORSENING = re.compile(r"越来越|更(严重|大|多|厉害)|严重了|加重|扩大|蔓延|止不住|控制不住|到处都是")
# Codes that name no fault to send anyone to: a question for the desk, or nothing read.
# 「你们电话多少」 is answered, and 「在哪？你问我在哪？L3-008啊」 asked who we are is the answer.
NO_FAULT_CODES = (taxonomy.OTHER, "SVC-INFO")
NO_SERVICE = ("外卖", "快递代收", "代收快递", "搬家", "家政", "租车", "订票", "代购", "办签证", "叫车")
# 「下周要搬家 货梯能不能预约一下」「外卖进不来 门禁开一下」: the move or the delivery is why the
# tenant asks for something the centre runs (its lift, gate, dock, parking), which is ours to arrange
_CENTRE_FACILITY = re.compile(r"货梯|电梯|客梯|门禁|闸机|道闸|大门|后门|侧门|卷帘门|通道|装卸|卸货|卸车|停车|车位|"
                              r"会议室|场地|推车|放行|出门条|进场|登记|预约")


# 「你们收快递吗」「能帮我收一下快递吗」: taking in a parcel, said without 代
_PARCEL_ERRAND = re.compile(r"(?:收|寄|取)(?:一下|下|个)?快递")


def asks_no_service(text: str) -> bool:
    """A service the centre does not offer is asked for (代收快递, 帮我叫个搬家公司), not named as
    the reason for one it does."""
    asked = any(word in text for word in NO_SERVICE) or _PARCEL_ERRAND.search(text)
    return bool(asked) and not _CENTRE_FACILITY.search(text)


# The tenant's own office machines: no trade of the centre's repairs them (电脑开不了机 read as a door)
_OWN_MACHINE = re.compile(r"打印机|复印机|电脑|笔记本|投影仪|碎纸机|传真机|收银机|显示器")


def own_machine_only(text: str) -> bool:
    """A machine of the tenant's is the only thing named: 电脑的插座没电 is the socket's fault."""
    return bool(_OWN_MACHINE.search(text)) and not FAULT_OBJECT.search(_OWN_MACHINE.sub("", text))

_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_FILLER = re.compile(r"你好|您好|在吗|在不在|谢谢|好的|嗯+|哦+|啊+|哈+|呵+|吗|呢|吧|了|的")


# Emoji, and WeChat's emoticons as they arrive in text ([微笑], [Smile]): tone, never words;
# except the gestures that answer (👌 👍 🙏, [强] [OK] [抱拳]: BYE's acknowledgements)
_EMOJI = re.compile(r"\[(?!强\]|OK\]|抱拳\])(?:[\u4e00-\u9fff]{1,4}|[A-Za-z]{1,10})\]"
                    r"|[\U0001F000-\U0001F44B\U0001F44E-\U0001F64E\U0001F650-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]")


def bare(text: str) -> str:
    return PUNCT.sub("", _EMOJI.sub("", unicodedata.normalize("NFKC", text))).lower()


def has_substance(text: str) -> bool:
    """Whether a message says something a person should read: a few Chinese characters
    beyond greetings and particles, where a Latin word counts as two (「ATM坏」, 「POS机黑」:
    tenants mix English words in); not "asdfgh", "？？", "嗯嗯" or emoji."""
    rest = _FILLER.sub("", text or "")
    return len(_HAN.findall(rest)) + 2 * len(_LATIN_WORD.findall(rest)) >= 3


def needs_decision(result) -> bool:
    """A complaint about service or a bill: a manager answers it, the bot says so."""
    return result.intent == "complaint" and result.code in ("SVC-ATTI", "SVC-SLOW", "FEE-BILL")
