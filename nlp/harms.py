"""What people did that is security's (SEC-SAFE) whatever object or place it names: things
thrown down from above, cars tampered with, bikes stolen, anything taken, belongings left in
a shared passage, a scooter charged indoors, a dog let loose among people, and the cameras'
footage asked for after an incident."""

import re

from nlp import misread, taxonomy

# a bike or its battery gone, a lock cut: a theft (SEC-SAFE), not a parking matter
_STOLEN = re.compile(
    r"(车|电动车|电瓶车|自行车|单车|电瓶|电池|头盔)[^,.!?;，。！？\s]{0,3}(没了|不见了|被偷)|(车锁|锁)被(人)?(剪|撬|砸)"
)
# anything taken by someone (快递被人拿走了, 放门口的鞋被偷了): a theft, whatever was taken
_TAKEN = re.compile(r"(被|让)(人|贼|小偷)?(偷|偷走|偷了|拿走|顺走|顺手拿|扛走|搬走)|遭贼|进贼|进了贼|家里进小偷")
_TAKEN_CODES = ("SEC-PARK", "SVC-INFO", "ENV-CLEAN", "ENV-GREEN", taxonomy.OTHER)
# someone trying, breaking or scratching cars (挨个拉车门, 砸车窗, 车被人划了): security,
# not the car park or the bins they were at
_CAR_TAMPER = re.compile(
    r"(拉|撬|砸|试)(了)?[^,.!?;，。！？\s]{0,2}(车门|车窗)|车[^,.!?;，。！？\s]{0,8}被(人(划|砸|撬)|划|撬)"
)
# things thrown down from above put people below in danger (高空抛物): security, not the
# neighbour upstairs or the paving they hit; litter thrown down is cleaning
_THROWN_DOWN = re.compile(
    r"高空抛物|往(楼)?下(扔|丢|抛|砸|泼)|从(楼上|窗户|窗口|阳台|高层|高处)[^,.!?;，。！？\s]{0,6}(扔|丢|抛|砸)|"
    r"(楼上|窗户|窗口|阳台)[^,.!?;，。！？\s]{0,6}(扔|丢|抛)(了)?(下来|下去|出来)"
)
_LITTER = re.compile(r"垃圾|果皮|烟头|纸屑|瓜子|剩饭|口香糖")
# someone smoking where they should not, said in English (someone is smoking in the fire escape
# every day): security's, as 电梯里有人抽烟 is, not the lift or the stairs it happens in (the
# rules weigh an English place in full, the model hears 抽烟 beside 楼梯 as fire kit); a no-smoking
# sign is a sign, butts left lying are cleaning's, staff smoking their manner
_SMOKING = re.compile(r"(?<![a-z])(?<!no )(smoking|smokes|smoker|smokers)(?![a-z])(?! (area|room|sign|ban))")
_NOT_SMOKING = re.compile(r"(?<![a-z])(butts?|ash|ashes|guards?|security|cleaners?|staff|workers?|plumbers?|electricians?)(?![a-z])")
# the cameras' recordings asked for after something happened (车被刮了 监控能调一下吗): the
# incident is security's, the cameras work; a camera that is down is ENG-WEAK's fault
_FOOTAGE = re.compile(r"(调|查|看|翻)[^,.!?;，。！？\s]{0,3}监控|监控[^,.!?;，。！？\s]{0,3}(调|查|翻)(?!不)")
_INCIDENT = re.compile(r"被|丢|不见|没了|偷|刮|划|撞|砸|蹭|打架|拿走")
# a neighbour's belongings put in a shared passage (邻居把鞋柜放楼道里): order and fire safety, not
# the neighbour's noise nor rubbish (垃圾 there is cleaning's, renovation debris SEC-DECOR's)
_CLUTTER = re.compile(
    r"(放|堆|摆|扔|搁|停)(在|到)?[^,.!?;，。！？\s]{0,3}(楼道|走廊|楼梯间|楼梯口|过道|公共区域|电梯口|电梯厅)|"
    r"(楼道|走廊|楼梯间|过道)(里|上)?[^,.!?;，。！？\s]{0,3}(堆|放|摆)(满|了|着)"
)
_NOT_CLUTTER = re.compile(r"垃圾|装修|果皮|烟头|纸屑|剩饭|音乐|音响|声|吵")
# a scooter charged indoors (电瓶车在楼道里充电, 推回家充电): a fire risk, security's order, not
# parking nor the charging piles' fault
_INDOOR_CHARGING = re.compile(
    r"(电动车|电瓶车|电单车|电车|电池|电瓶)[^。！？!?]{0,8}(楼道|走廊|楼梯|家里|屋里|电梯|大堂|过道)[^。！？!?]{0,6}充电|飞线充电|"
    r"(楼道|走廊|楼梯间|过道)[^,.!?;，。！？\s]{0,4}(给|帮)?(电动车|电瓶车)[^,.!?;，。！？\s]{0,2}充电"
)
_CHARGER_DOWN = re.compile(r"坏|充不上|充不了|不能用|没电了|故障|扫码")
# a dog let loose where people pass (金毛没拴绳到处乱窜, 泰迪扑向老人): order in a shared place,
# SEC-SAFE as the data labels 遛狗不牵绳 大狗扑向小孩, whatever place it names; its barking is a
# noise (nlp.structure), its mess cleaning's, a dog lost and seen a desk question
_DOG = r"(狗|犬|金毛|泰迪|哈士奇|二哈|柯基|拉布拉多|阿拉斯加|边牧|萨摩|藏獒|比熊|柴犬|德牧|博美|斗牛|杜宾)"
_LOOSE = (
    r"(?:(没|不|没有|也不|也没)(拴|栓|牵|系)(绳|着|住|好)?|没(有)?(狗)?绳|没有主人|没人(看|管|牵)着|"
    r"乱跑|乱窜|乱冲|到处(跑|窜|冲)|(跑|窜|冲)来(跑|窜|冲)去|扑(向|过|上|到|人)|追着|咬(人|伤|到)|吓(哭|到|得|着))"
)
_LOOSE_DOG = re.compile(rf"{_DOG}[^。！？!?]{{0,16}}{_LOOSE}|{_LOOSE}[^。！？!?]{{0,6}}{_DOG}")
_LOOSE_DOG_CODES = ("ENV-PEST", "SEC-PARK", "SEC-SAFE", "SVC-INFO", taxonomy.OTHER)
_DOG_MESS_OR_LOST = re.compile(r"屎|尿|粪|便便|粑粑|拉了|丢了|走丢|不见了|领养|登记|规定|吗")
# things left where nobody knows whose they are (门口放了几箱东西 不知道是谁的, 行李箱放了一上午没人
#认领, 快递放了三天没人拿): security's to check, not the place nor a slow repair; rubbish left is cleaning's, a car
# left a parking matter, one's own lost thing a desk question (asked before this)
_UNCLAIMED = re.compile(
    r"(不知道|不晓得|不清楚|不知)(是)?谁(的|家|放|丢|扔|留|搁|落|堆|摆)|"
    r"(没|无)人(来)?(认领|拿走|取走|领走|搬走|拿|取|领)|没人要的|一直没人要|来历不明|不明(物品|包裹|箱子|袋子)|可疑(的)?(物品|包裹|箱子|袋子|行李)"
)
_LEFT_THING = re.compile(r"箱|包|袋|东西|行李|物品|盒|柜|桌|椅|杂物|家具|桶|快递")
_NOT_UNCLAIMED = re.compile(r"垃圾|果皮|烟头|纸屑|剩饭|装修|建渣|车(?!子?里)|快递柜|我的|我们的|我家")
_UNCLAIMED_CODES = ("SVC-SLOW", "SVC-INFO", "ENV-CLEAN", taxonomy.OTHER)
_CAMERA_DOWN = re.compile(r"坏|黑屏|花屏|不亮|没(有)?(画面|图像|信号)|看不(到|清|见)|不(工作|转|动)|故障|歪")


def harm_done(norm: str, code: str) -> str:
    """The name of the harm the message tells, or "". (Lost property asked after is no theft:
    nlp.structure.decide answers that before it asks here.)"""
    if _THROWN_DOWN.search(norm) and not _LITTER.search(norm) and code not in ("SVC-SLOW", "SVC-ATTI"):
        return "thrown_down"
    if _SMOKING.search(norm) and not _NOT_SMOKING.search(norm):
        return "smoking"
    if code in ("SEC-PARK", "ENV-CLEAN", taxonomy.OTHER) and _CAR_TAMPER.search(norm):
        return "car_tamper"
    if code in ("SEC-PARK", taxonomy.OTHER) and _STOLEN.search(norm):
        return "stolen"
    if code in _TAKEN_CODES and _TAKEN.search(norm):
        return "taken"
    if code in ("SEC-NOISE", "SEC-PARK", "ENV-CLEAN", taxonomy.OTHER) and _CLUTTER.search(norm):
        return "" if _NOT_CLUTTER.search(norm) else "clutter"
    charging = code in ("SEC-PARK", "SVC-SLOW", "ENG-ELEC", taxonomy.OTHER) and _INDOOR_CHARGING.search(norm)
    if charging and not _CHARGER_DOWN.search(norm):
        return "indoor_charging"
    if code in _LOOSE_DOG_CODES and _LOOSE_DOG.search(norm) and not _DOG_MESS_OR_LOST.search(norm):
        return "loose_dog"
    at_place = code in _UNCLAIMED_CODES or misread.lift_as_place(norm, code)  # 电梯厅 says where
    unclaimed = at_place and _UNCLAIMED.search(norm) and _LEFT_THING.search(norm)
    if unclaimed and not _NOT_UNCLAIMED.search(norm):
        return "unclaimed"
    if code in ("ENG-WEAK", "SEC-PARK", taxonomy.OTHER) and _FOOTAGE.search(norm) and _INCIDENT.search(norm):
        return "" if _CAMERA_DOWN.search(norm) else "footage"
    return ""
