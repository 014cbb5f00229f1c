"""What staff did and how they spoke: a grievance about their manner (SVC-ATTI), whatever the
object beside it (nlp.structure decides when these apply)."""

import re

# what a member of staff did on the job is about their manner (师傅在店里抽烟, 维修工鞋套都不穿),
# and so is what they did to a tenant's things (保安把我的车拖走了, 保安把我家电动车锁了): the
# car or the bike is the object of their act, not a parking or a theft report; a fee collector's
# manner (收费员态度极差) is theirs too, not billing's
STAFF = r"(师傅|维修工|电工|保安|保洁|前台|客服|管家|门卫|门岗|工作人员|物业的人|收费员|收费的|收银|security|guard|cleaner|staff)"
STAFF_CONDUCT = re.compile(
    STAFF
    + r"[^。！？!?]{0,12}(抽烟|吸烟|骂|吼|翻白眼|玩手机|打游戏|睡觉|聊天|鞋套|脏脚印|大呼小叫|随便翻|乱翻|顺走|拿走|收走|扔了|扔掉|当垃圾|当成垃圾|"
    r"把(我|我们|我家)的?[^。！？!?，,\s]{0,6}(拖走|拖了|锁了|锁住|锁上|扣了|扣下|没收|拆了|剪了|挪走))"
)
# a member of staff's manner said bad, or a complaint opened against one (保洁大姐态度好差, 我要
# 投诉你们保安): their manner, SVC-ATTI, whatever the cleaning or the camera beside it
STAFF_WIDE = STAFF[:-1] + r"|大姐|阿姨|小哥|大爷|经理|你们|物业)"
STAFF_MANNER = re.compile(
    STAFF_WIDE + r"[^,.!?;，。！？\s]{0,6}态度[^,.!?;，。！？\s]{0,3}(差|恶劣|不好|凶|冷淡|敷衍|冲)|"
    r"投诉(一下)?(你们|物业)?(的)?(那个|这个)?" + STAFF[:-1] + r"|大姐|阿姨|小哥|大爷)|"
    # ... or said in English not to be good (the cleaner is not very friendly, your staff aren't helpful)
    r"(?<![a-z])(security|guards?|cleaners?|cleaning lady|staff|receptionists?|front desk|plumbers?|electricians?|"
    r"maintenance|managers?|customer service)( [a-z0-9]{1,12}){0,4} (is|was|are|were)(n't| not| never)"
    r"( (very|really|so|that|particularly|even|at all))* (nice|kind|friendly|helpful|polite|patient|professional|responsible|"
    r"responsive|respectful|courteous|considerate)(?![a-z])"
)

# staff idle while a danger happens (小偷都进楼了还在睡觉, 有人在撬门他都没看见): praise of them beside
# it is scorn, and the danger is the guards' to stop, not a grievance about their manner alone
# (the staff or a 还 before it: 我睡觉的时候 … 是他把我叫醒的 is no one idle)
STAFF_IDLE = re.compile(
    r"(他|她|他们|保安|门卫|值班|还|却|竟然|居然|只顾|光顾)[^,.!?;，。！？\s]{0,6}"
    r"(睡觉|睡着|打瞌睡|打盹|玩手机|刷手机|看手机|刷抖音|刷视频|看视频|看电视|打游戏|玩游戏|喝茶|聊天|发呆|"
    r"没看见|没看到|视而不见|看热闹|躲(得|在|起来|开)|不管不问)"
)

# the company or its service called rubbish (物业真的垃圾, 你们物业就是垃圾, 什么垃圾服务): a grievance
# about the service, SVC-ATTI, not rubbish to clear; 物业不收垃圾 (a verb between) is rubbish
_COMPANY = r"(物业|物业公司|服务|客服|管理处|管理公司|这家公司)"
INSULT = re.compile(
    _COMPANY + r"(真的|真是|就是|简直|简直就是|太|真|好|是|也太|实在|实在是|根本就是)?(个)?(垃圾|辣鸡|烂透)"
    r"(?=$|[了啊呀吧的!！。，,\s?？~]|透了|至极|到家|一个)|"
    r"(什么|真是|就是)?(垃圾|辣鸡)" + _COMPANY + r"(?![^,.!?;，。！？\s]{0,2}(费|桶|站|清运))"
)
# ... or said to be of no use (你们物业是干什么吃的, 保安都是吃干饭的吗): contempt, upset; said alone
# a grievance about the service (SVC-ATTI), said beside a report that report's (nlp.asides)
USELESS = re.compile(r"(干什么|干啥|干嘛|做什么|做啥)吃的|吃干饭|白吃饭")
