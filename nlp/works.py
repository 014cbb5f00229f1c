"""Works run by others: a building site, roadworks, a pile driver. Their noise is a nuisance
(SEC-NOISE) whatever else the message names: 「打桩机的声音一直响到天亮」 is no alarm ringing,
and the centre has no machine there to repair (nlp.structure's noise source).

A renovation at an hour it is not allowed (晚上十一点还在电钻打墙, 午休时间在砸墙) breaks the
renovation rules: decoration management (SEC-DECOR, taxonomy.md), not a neighbour's noise; so
does one said to go on without its paperwork (没报备就开始砸墙), and so does the damage its
workers do to the common parts (装修工人把电梯轿厢刮花了, 装修队推车把走廊地砖砸裂了): the
permit holder answers for it, unless the damage is still running (水一直在喷: nlp.situation)."""

import re

# a site or its machines; 装修 is a neighbour's renovation, which names its own noise
_SITE = re.compile(r"工地|打桩|渣土车|搅拌机|挖掘机|破碎锤|切割机|(道路|市政|地铁|通宵|夜间|连夜)施工")
# a renovation, or the tools and blows only a renovation makes
_RENOVATING = re.compile(
    r"装修|装潢|电钻|电锯|冲击钻|电镐|砸墙|打墙|敲墙|凿墙|拆墙|切瓷砖|切砖|切割(?!机)|敲敲打打|叮叮当当|renovat"
)
# an hour renovation is not allowed: late evening, night, early weekend morning or the midday rest
_NUMBER = r"(9|10|11|12|九|十|十一|十二)"
_OFF_HOURS = re.compile(
    rf"晚上{_NUMBER}点|夜里|夜间|半夜|深夜|凌晨|大半夜|通宵|{_NUMBER}点多了|(?<![0-9])(21|22|23):|"
    r"午休|中午(休息|睡觉|十二点|12点|一点|1点)|(周末|周六|周日|星期六|星期天|礼拜天)[^,.!?;，。！？\s]{0,3}一大早|"
    r"不是(只能|只准|只许)白天|不(让|准|许)(装修|施工)|规定[^,.!?;，。！？\s]{0,6}(不能|不让|不准|以后|之前|之后)"
)


# a renovation said to go on without its paperwork (没报备, 也没见他们审批): the rules broken
_UNAPPROVED = re.compile(
    r"(没|没有|未|不)(见|看到|听说)?(他们|人家)?[^,.!?;，。！？\s]{0,2}(报备|审批|备案|批准|许可|办手续|登记)|(报备|审批|备案)(了吗|过吗|没有|了没)"
)

# who works on a renovation (装修工人, 装修队的, 搞装修的师傅, 施工队)
_WORKERS = re.compile(
    r"(装修|装潢|施工)[^,.!?;，。！？\s]{0,2}(工人|师傅|队|公司|人员|的人)|搞装修的|装修(的)?那(家|户)"
)
# ... doing damage (把…砸裂, 撞掉一块, 划得一道一道的, 刮花)
_DAMAGE = re.compile(
    r"(砸|撞|刮|划|磕|碰|蹭|压|戳|拖)[^,.!?;，。！？\s]{0,6}?(裂|坏|花|掉|破|碎|凹|坑|洞|印|道|痕|变形|歪)"
)
# ... that stops something working or still runs: the object's fault to fix first
_STILL_RUNNING = re.compile(r"喷|漏|冒|淹|火|没电|停电|跳闸|停了|不动|用不了|不能用|关不上|打不开|锁不上")


def workers_damage(norm: str) -> bool:
    """Whether renovation workers are said to have damaged something, which still works."""
    workers = _WORKERS.search(norm)
    return bool(workers and _DAMAGE.search(norm, workers.end())) and not _STILL_RUNNING.search(norm)


def site_noise(norm: str) -> bool:
    """Whether the noise complained of comes from a building site or roadworks."""
    return bool(_SITE.search(norm))


def renovating_off_hours(norm: str) -> bool:
    """Whether a renovation goes on at an hour renovation is not allowed."""
    return bool(_RENOVATING.search(norm) and _OFF_HOURS.search(norm)) and not site_noise(norm)


def renovating_unapproved(norm: str) -> bool:
    """Whether a renovation is said to go on without its paperwork."""
    return bool(_RENOVATING.search(norm) and _UNAPPROVED.search(norm)) and not site_noise(norm)
