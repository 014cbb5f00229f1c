"""Chat the keywords misread by the thing it names rather than what it says of it:

- A question about getting ready for weather or a holiday coming (台风要来了 有没有准备沙袋,
  寒潮要来了 水管要不要包一下, 过年放鞭炮有啥规定): a question for the desk (SVC-INFO,
  inquiry), not the flood or the burst pipe it fears.
- A musty, damp or stale smell with no water or machine named (地下室一股霉味): dirt in a
  place, cleaning's (ENV-CLEAN), not the air conditioning or a leak; gas is SEC-SAFE's
  (nlp.situation), a mould patch on a wet wall stays the leak.
- A sign, a letter or a decoration coming off a facade (外墙的招牌掉了一个字, 楼号牌掉了,
  彩灯被风刮下来了): the building's fabric (ENG-CIVIL), not a leak through 外墙 nor the 风 of
  the air conditioning.
- How long the cameras keep their recordings, with nothing lost (监控录像保存几天): a desk
  question (SVC-INFO); footage asked for after a loss is security's (nlp.harms).
- A lift named only as the place where something happened (电梯厅有人吵架): the act decides.
- A proposal of something new opened with 我觉得…可以 or 可以在…吗: a suggestion on its topic.
- An electric appliance named where water is (洗手间的烘手机坏了, 厕所感应灯不亮): the object
  outranks the place, which the model hears as plumbing.
- A car's alarm going off (车一直在报警, 防盗器响个不停): a nuisance made by others (SEC-NOISE),
  not the fire alarm that 报警 names; a smoke or fire alarm (烟感报警, 消防报警) stays the
  fire equipment's, and a car on fire is the situation's.
- Something crawling or running where no one can see it (上面好像有东西在爬 有声音, 吊顶里有东西
  窜来窜去): pests (ENV-PEST), not a neighbour's noise nor the ceiling it is in.
- A polite request to come and fix a fault (纱窗破了 可以来补一下吗, 能不能来换个灯泡): a
  repair, which the model, hearing 可以…吗, reads as a question.
"""

import re

from nlp import gated, wishes
from nlp.normalize import IN_CLAUSE as _NC

# weather or a holiday coming (台风要来了, 明天大暴雨, 暴雨预警, 过年): what is feared, not yet here
_WEATHER = r"(台风|暴雨|大雨|寒潮|降温|大雪|暴雪|冰冻|霜冻|汛期|雨季|梅雨|高温|大风)"
_COMING = re.compile(
    rf"{_WEATHER}{_NC}{{0,3}}(要来|快来|来了|要到|快到|预警|将至|季节|前|之前|天|期间|的时候)|"
    rf"(明天|后天|今晚|这周|下周|周末|过两天|这两天|马上|快要|要)(有|下|刮|来)?{_NC}{{0,2}}{_WEATHER}|"
    r"(过年|春节|除夕|元宵|国庆|中秋|元旦|五一|端午)|(放假|长假|假期)(期间|那几天|前|之前|的时候)"
)
# searched only in a text holding one of the characters every match needs (most hold none)
_COMING_GATED = gated.Gated(_COMING.pattern, "五假冻午夕季宵庆旦春暴梅汛温潮秋过雨雪霜风")
# ... asked about: what the centre prepares, whether it will happen, what is allowed
_READY_ASKED = re.compile(
    r"有没有|会不会|要不要|需不需要|用不用|准备|提前|预防|防范|规定|安排|值班|吗|么|嘛|没有?$|呢|\?"
)
# already happened: a fault to report, not a question (已经进水了, 淹了, 水管冻裂了)
_HAPPENED = re.compile(r"已经|进水了|淹了|漏了|在漏|冻裂|爆了|倒了|断了|坏了|吹掉|刮倒|砸|正在|现在")

# a musty, damp or stale smell (霉味, 潮味, 发霉的味道, 馊味)
_MUSTY = re.compile(r"(霉|潮|馊|闷|垃圾)[^,.!?;，。！？\s]{0,3}(味|臭)|发霉")
# ... where something wet or a machine is named, the leak or the machine is the report
_MUSTY_SOURCE = re.compile(
    r"墙|天花|吊顶|屋顶|顶上|渗|漏|滴|湿|水|雨|空调|新风|风口|出风|通风|排风|冰箱|洗衣机|下水|地漏|燃气|煤气|然气|衣服|柜"
)

# a sign, a letter or a decoration on the building (招牌, 楼号牌, 发光字, 装饰条, 彩灯, 横幅)
_FACADE_PIECE = re.compile(
    r"招牌|广告牌|牌子|门牌|楼号|楼牌|标识牌|标牌|指示牌|铭牌|发光字|大字|(一|几|两|个)个字|灯箱|"
    r"装饰(条|板|线|物|灯)?|线条|彩灯|灯笼|灯带|横幅|广告布|条幅|雕塑|造型"
)
# ... coming off, loose or hanging (掉了, 松了, 歪了, 被风刮下来, 吹烂了)
_COMING_OFF = re.compile(r"掉|脱落|松|歪|垂|晃|刮(下|落|飞|烂|坏|跑)|吹(下|落|飞|烂|坏|跑)|翘|耷拉|斜|裂")
_FACADE_CODES = ("ENG-LEAK", "ENG-HVAC", "ENG-CIVIL", "OTHER")

# how long the cameras keep recordings, or whether one may see them: asked, with no loss told
_FOOTAGE_ASKED = re.compile(
    r"(监控|录像)[^。！？!?]{0,8}(保存|保留|存|留)[^。！？!?]{0,4}(多久|多长|几天|多少天|几个月)|"
    r"(监控|录像)[^。！？!?]{0,6}(能|可以)[^。！？!?]{0,4}(看|查)[^。！？!?]{0,4}(多久|几天|吗)"
)
_LOSS = re.compile(r"被|丢|不见|没了|偷|刮|划|撞|砸|蹭|打架|拿走|坏")

# a proposal of something new (我觉得停车场可以划几个临时车位, 可以在游乐区周围种点树吗): a
# suggestion on its topic, which the model hears as a question or a complaint
_NEW = r"(多(?!久|少|长)|增加|增设|加装|加个|加几|安装|装个|装几|装一|种|设个|设置|放个|放几|放一|贴个|挂个|配个|划|建个|搞个|弄个|开放|开通|延长)"
_PROPOSAL = re.compile(
    rf"(觉得|感觉|认为|提个(小)?建议|提个意见|提议)[^。！？!?]{{0,12}}?(可以|应该|最好|能不能|要是能|不如){_NC}{{0,8}}?{_NEW}|"
    rf"^{_NC}{{0,2}}(可以|能)(在|给){_NC}{{0,10}}?{_NEW}|"
    # ... or a place first (绿化带可以多种点花): what it could have, not what the writer may get
    # (我可以多领一张吗) or may do themselves (树可以自己种吗: permission asked)
    rf"^(?!我|请问){_NC}{{1,6}}可以(?!自己|私自|我){_NC}{{0,4}}?{_NEW}(?!{_NC}{{0,3}}(卡|证|张|份|钥匙))|"
    # ... or opened with 最好 (最好每层都放个垃圾桶, 最好晚上留几盏灯): what would be best, nothing broken
    rf"^{_NC}{{0,4}}最好{_NC}{{0,12}}?({_NEW}|留|放|摆|贴|挂)"
)
# searched only in a text holding one of the characters every match needs (most hold none)
_PROPOSAL_GATED = gated.Gated(_PROPOSAL.pattern, "可感提最能觉认议")
# ... not a fault to be fixed (修, 坏, 不亮) nor a grievance before it (太吵, 被占)
_PROPOSAL_FAULT = re.compile(r"尽快|赶紧|马上|快点|(?<!装)修|处理|解决|坏|漏|堵|不亮|投诉|被占|乱停")

# a lift or an escalator named only as where something happened (电梯厅有人吵架, 电梯里有人
#抽烟): the act or the person decides, unless the lift itself is said to be at fault
_LIFT_PLACE = re.compile(r"(电梯|扶梯|直梯|客梯|货梯)(厅|口|间|门口|旁边|边上|前面|里|内|里面|那边|附近|这边)")
_LIFT_FAULT = re.compile(
    r"坏|停|卡|不动|不走|不开|不关|关不|困|关人|响|抖|晃|按钮|按键|显示|故障|下坠|溜|急停|运行|维保|年检|保养|慢|夹|"
    r"灯|风扇|空调|报警|门(?!口)|等了|半天|上不去|下不来|超载|异味|热|闷|楼层"
)

# a polite request that someone come and fix it (可以来补一下吗, 能不能来换个, 能帮忙调一下吗)
_POLITE_REQUEST = re.compile(
    rf"(能不能|能否|可不可以|可否|可以|能|麻烦)(请)?{_NC}{{0,4}}?(来|帮忙|帮我|帮我们|派人|派个师傅|过来|上门)?{_NC}{{0,2}}?"
    r"(修(?!剪|枝)|换|补|通|疏通|洗|清洗|调|紧|上油|加固|装回|看看|检查|处理|弄)(一下|个|下|好|回去)?"
)
# ... of something said to be at fault (坏, 破了个洞, 松, 有味道): the rules then read its object
_FAULT_TOLD = re.compile(
    r"坏|破|漏|堵|松|掉|脏|慢|涩|卡|断|裂|晃|滴|吱|洞|味|不(亮|转|动|响|通|出|制冷|制热|灵|好)|没(电|水|反应)|失灵"
)
# ... or someone asked to come and fix it (今天下午三点能来修空调吗): fixing says it is at fault
_COME_TO_FIX = re.compile(r"(来|过来|上门|派人|派个师傅)(帮忙|帮我|帮我们)?(修|维修)(?!剪|枝|费|好了)")
# ... not a question about its price, its time or whether it is allowed
_NOT_REQUEST = re.compile(r"多少钱|收费|要钱|什么时候|几点|多久|哪天|自己|允许|可以自己")


# a place with water, named as where an electric or ventilating appliance is
_WET_PLACE = re.compile(r"卫生间|洗手间|厕所|男厕|女厕|公厕|茶水间|淋浴间|浴室")
# ... not a neighbour's (隔壁卫生间的排气扇吵死了 is their noise)
_SOMEONE_ELSES = re.compile(r"隔壁|楼上|楼下|邻居|对门|对面|餐厅|饭店|商户|店家")
_APPLIANCE = re.compile(r"烘手|干手|吹手|感应灯|镜前灯|灯|插座|排气扇|换气扇|排风扇")


# a thing unseen that crawls, gnaws or scurries (有东西在爬, 什么东西在啃), or runs overhead or
# inside a wall (天花板上面有东西在跑): an animal, not a person (有人在跑) nor a child upstairs
_CRITTER = re.compile(
    r"(有|好像有|感觉有|总有|一直有)(个|只)?(什么)?(东西|活物|小动物)[^,.!?;，。！？\s]{0,4}(爬|窜|蹿|挠|啃|咬|钻)|"
    r"(上面|顶上|天花板|天花|吊顶|夹层|墙里|墙壁里|墙里面)[^。！？!?]{0,8}(东西|活物|小动物)[^,.!?;，。！？\s]{0,4}(跑|爬|窜|蹿|挠|啃|钻)"
)
_CRITTER_CODES = ("SEC-NOISE", "SEC-SAFE", "ENG-CIVIL", "ENG-LEAK", "OTHER")


def critter(norm: str, code: str) -> bool:
    return code in _CRITTER_CODES and bool(_CRITTER.search(norm))


def appliance_at_water(norm: str, code: str) -> bool:
    """Whether an electric or ventilating appliance decided the code in a place with water."""
    named = code in ("ENG-ELEC", "ENG-HVAC") and _WET_PLACE.search(norm) and _APPLIANCE.search(norm)
    return bool(named) and not _SOMEONE_ELSES.search(norm)


def ready_asked(norm: str, code: str) -> bool:
    """Whether the message asks about getting ready for weather or a holiday that is coming."""
    if code in ("SVC-SLOW", "SVC-ATTI", "FEE-BILL"):
        return False
    coming = _COMING_GATED.search(norm)
    return bool(coming and _READY_ASKED.search(norm, coming.end()) and not _HAPPENED.search(norm))


def musty_smell(norm: str, code: str) -> bool:
    """Whether a stale or musty smell is told with no wet wall, machine or gas beside it."""
    return code in ("ENG-HVAC", "ENG-LEAK", "ENG-PLUMB", "SEC-SAFE", "OTHER") and bool(
        _MUSTY.search(norm) and not _MUSTY_SOURCE.search(norm)
    )


def facade_piece(norm: str, code: str) -> bool:
    """Whether a sign, a letter or a decoration on the building is coming off."""
    piece = _FACADE_PIECE.search(norm)
    return code in _FACADE_CODES and bool(piece and _COMING_OFF.search(norm, piece.end()))


def footage_asked(norm: str) -> bool:
    """Whether the message asks how long or whether footage is kept, with no loss told."""
    return bool(_FOOTAGE_ASKED.search(norm)) and not _LOSS.search(norm)


def polite_request(norm: str, code: str, intent: str) -> bool:
    """Whether a fault's report asks politely that someone come and fix it."""
    return (
        code.startswith("ENG")
        and intent in ("inquiry", "repair", "complaint", "other")
        and bool(_POLITE_REQUEST.search(norm))
        and bool(_FAULT_TOLD.search(norm) or _COME_TO_FIX.search(norm))
        and not _NOT_REQUEST.search(norm)
    )


def proposal(norm: str, intent: str) -> bool:
    """Whether the message proposes something new rather than reporting a fault."""
    if intent == "praise":
        return False
    return (bool(_PROPOSAL_GATED.search(norm)) and not _PROPOSAL_FAULT.search(norm)) or wishes.if_only(norm)


def lift_as_place(norm: str, code: str) -> bool:
    """Whether the lift is named only as where something happened, with no fault of its own."""
    return code == "ENG-LIFT" and bool(_LIFT_PLACE.search(norm)) and not _LIFT_FAULT.search(norm)


# a car's alarm or anti-theft siren sounding (车一直在报警 响了半个小时, 电动车防盗器半夜一直叫)
_CAR_ALARM = re.compile(
    r"(车|车子|汽车|轿车|电动车|电瓶车|摩托车|摩托)[^,.!?;，。！？\s]{0,6}(报警|警报|防盗器|防盗报警)|防盗器|汽车警报"
)
_SOUNDING = re.compile(r"响|叫|吵|鸣|噪|报警")
_FIRE_ALARM = re.compile(r"烟感|消防|火警|着火|起火|冒烟|烧|喷淋|煤气|燃气")


def car_alarm(norm: str) -> bool:
    """Whether a car's alarm is sounding, no fire or smoke alarm beside it."""
    return bool(_CAR_ALARM.search(norm)) and bool(_SOUNDING.search(norm)) and not _FIRE_ALARM.search(norm)
