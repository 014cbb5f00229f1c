"""Sentence structures that decide the code where a bag of keywords cannot.

- A chase about an earlier report: SVC-SLOW when the tenant has waited too long or asks
  again, SVC-INFO when only asking when someone will come.
- A money question (多少钱, 怎么收费) is FEE-BILL whatever it is about, and so is an amount
  charged (收了二十, 三百块 … 抢钱) or a question about a deposit, an invoice or a rent.
- Lost property (落了/丢了 … 有人看到吗), questions about a planned water or power cut or
  planned upkeep (年检, 保养), and where or how to get something issued (在哪里办, 要带什么)
  are questions for the desk.
- The source of a noise decides its code: the centre's equipment or pests, not SEC-NOISE.
- Rain, a storm or a typhoon letting water in is seepage (ENG-LEAK) unless a pipe or a unit
  is named; the lamp it drips on or the socket it cuts does not decide.
- A way in that people broke or hold open, or that lets anyone in with no fault named, is
  security (SEC-SAFE), not the door or the fence.
- Asking to borrow, book or arrange something is a request for the desk (SVC-INFO).
- Negation by state: an object said to be fine (电梯没坏, 灯是好的) is not the subject.
- What staff did on the job (a fitter smoking in the shop) is about their manner, SVC-ATTI;
  an animal calling is a noise (SEC-NOISE); a sales pitch, a question about the bot or
  neighbours' chatter is OTHER.
- Sarcasm: praise words with a wink or beside an unmet request are a complaint.
- A jab at the fee beside a fault (路灯坏了 物业费白交了) is a complaint about the fault,
  not about billing.
- A place that only says where the faulty thing is weighs less than the thing: nlp/phrases.py.
"""

import re

from nlp import gated, harms, misread, negation, praise_english, readings, remarks, situation, taxonomy, wishes, works
from nlp.conduct import STAFF_CONDUCT as _STAFF_CONDUCT
from nlp.conduct import STAFF_IDLE
from nlp.conduct import STAFF_MANNER as _STAFF_MANNER
from nlp.normalize import IN_CLAUSE as _NC

# Here and in the money question, the pitch, small talk, requests and negation's FINE every
# alternative opens with a character, not a group: re then scans for those first characters
# instead of trying the whole alternation at every position (5-7 times cheaper on a message
# that matches none).
_CALLED = r"(了|过)?(你们|物业|客服|服务|值班).{0,3}电话"
# 三次, 好几回, 十一遍: more than once (跑一趟 is no chase). The digits after the first are
# bounded: unbounded, a run of 20,000 digits was tried from every position (4.6 s, issue 16).
_TIMES = r"(好)?[2-9二两三四五六七八九十几][0-9一二两三四五六七八九十几]{0,3}(次|回|遍|趟)"
_PROMISED = r"(说|答应|约)(好|了|过)?"
_EARLIER_REPORT = re.compile(
    r"(报(的|了|过|修)|报修|反映(过|了)?|投诉(过|了)|投诉.{0,4}(天|周|礼拜|星期|个月)了|工单|单号|催|上次说|"
    rf"打{_CALLED}|拨{_CALLED}|打(了|过)?{_TIMES}(的)?电话|拨(了|过)?{_TIMES}(的)?电话|第[二三四五六七八九十几\d]+(次|回|遍)(打|拨)|"
    rf"师傅{_PROMISED}|你们{_PROMISED}|客服{_PROMISED}|物业{_PROMISED}|"
    # asked the centre before, or said it several times (找你们好几天了, 说了好几次了, 找了三回)
    rf"找(了|过)?(你们|物业|客服|管家)|说(了|过)?{_TIMES}|讲(了|过)?{_TIMES}|提(了|过)?{_TIMES}|找(了|过)?{_TIMES})"
)
_WAITED = re.compile(
    rf"(天|周|礼拜|星期|小时|个月)了|{_TIMES}了|第[二三四五六七八九十几\d]+(次|个|回|天)|还没|一直没|到现在|"
    r"还是(坏|不|没|漏|堵|那样|老样子|一样|黑)|到底|(修|来|管)不(修|来|管)|"
    r"没人(来|管|理|处理)|没动静|pending|待(派单|处理|受理|接单)|未(处理|受理|派单)|石沉大海|拖|"
    # hurrying an earlier report is asking again (催一下 … 早上报的), unless it says it is not (没催的意思)
    r"(?<!没)(?<!不是)(催一下|催催|催一催|再催|又催|催了|催过)|"
    # ... or they will not deal with it (保安根本不管, 他们就是不来, 从来不理)
    r"(根本|就是|也|都|从来)(不|没)(管|理|来|处理|回)|"
    # a report made days ago is a wait (报了半个月, 反映了十几天)
    r"(报|报修|反映|投诉)(了|过)?[^,.!?;，。！？\s]{0,3}(半|几|[0-9一二两三四五六七八九十]{1,4})(来|多)?(个)?(天|周|星期|礼拜|月|小时)"
)
# a fault that has lasted days, and the tenant asks whether anyone will deal with it: the
# handling is the grievance (电梯坏了快一周了 到底修不修), not how often it breaks
_FAULT_LASTED = re.compile(
    r"(坏|停|堵|漏|不亮|黑)了?(快|都|已经|有)?(半|几|[0-9一二两三四五六七八九十]+)(来|多)?(个)?(天|周|星期|礼拜|月)(了|都|还|也)"
)
# repaired for days and still not fixed (电梯修了一个月还没好): the handling is the grievance
_STILL_UNFIXED = re.compile(
    r"修了(快|都|已经|有)?(半|几|[0-9一二两三四五六七八九十]+)(来|多)?(个)?(天|周|星期|礼拜|月)(了)?[,，\s]?(还|都|也)(没|不|是)"
)
_NOBODY_DEALS = re.compile(r"没人(管|来|修|理|处理)|到底(修|管|来)不|(修|管|来)不(修|管|来)|还要等|等到什么时候")
_WHEN = re.compile(
    r"(哪天|什么时候|几点|多久|大概|啥时候).{0,6}(来|到|修|处理)|能来吗|来不来|(能|会|可以)(派|安排)?(个)?(人|师傅)?(来|过来|上门)[^,.!?;，。！？\s]{0,3}(吗|么|嘛)|进度|(有|什么|啥)(进展|下文|结果)|(上午|下午)还是(上午|下午|晚上)|"
    # ... or the time asked at the end, after the visit was promised (师傅说今天来 大概几点)
    r"(来|到)[^,.!?;，。！？]{0,6}(几点|什么时候|啥时候|哪天)(啊|呢|呀)?([?？]|$)"
)
# how or where to pay or renew (停车月卡怎么续费, 电费在哪里充值)
_PAY = "(续费|缴费|交费|充值|付款|交钱|缴|交)"
_MONEY_QUESTION = re.compile(
    r"多少钱|怎么收费|如何收费|收费标准|怎么算|按.{1,6}(算|收)|要钱吗|收费吗|免费吗|费用是|交(什么|啥|哪些)(费|钱)|收(什么|啥|哪些)费|付(什么|啥|哪些)(费|钱)"
    rf"|怎么{_PAY}|如何{_PAY}|在哪{_PAY}|哪里{_PAY}|去哪{_PAY}|收钱(吗|么|不)|收不(收|要)(钱|费)|要不(收|要)(钱|费)|另外(收|算|付)|额外(收|算|付)|单独(收|算|付)"
)
_NUMBER = "[0-9一二两三四五六七八九十百千万几]+"
# a number searched for on its own starts where a run of digits starts: tried at every digit of
# a long run, the + would make the search quadratic (a hostile "1"×20000)
_NUMBER_START = "(?<![0-9一二两三四五六七八九十百千万几])" + _NUMBER
# money said as an amount charged, or a question about a deposit, an invoice or a rent
# (one pattern at a time: most open with a word, which re scans for fast; joined, the
# alternation was tried at every position, 7 us a message)
_MONEY_CHARGED = gated.Alternation(
    [
        rf"(收|扣|罚)(了|我|了我){_NUMBER}(?![0-9一二两三四五六七八九十百千万几天次个遍回年月小分号楼层])",
        rf"(交|付|收|扣|罚|要)了?(我)?{_NUMBER}(块|元)",
        "抢钱",
        "乱收费",
        rf"{_NUMBER_START}(块|元)(钱)?.{{0,8}}(贵|坑|抢钱|黑|离谱|凭什么)",
        r"(发票|开票|收据|押金|保证金|滞纳金|月租|租金).{0,10}(吗|多少|多久|退|开|什么时候)",
        r"(费|押金|保证金|租金|价格|价钱).{0,6}(多少|几多)",
    ]
)
_PROCEDURE = re.compile(r"手续|流程|怎么办理|材料|找谁|哪个部门")
_MONEY_GRIEVANCE = re.compile(r"凭什么|太贵|乱收|抢钱|多收|坑|离谱|不合理|贵了|黑|便宜啊|白交")
# the amount disputed outright, whatever question came with it (怎么算的 … 不可能, 也太黑了吧)
_MONEY_DISPUTE = re.compile(
    r"凭什么|太贵|这么贵|乱收|抢钱|多收|多扣|坑人|坑钱|离谱|不合理|太黑|黑心|不可能|怎么可能|算错|搞错|乱算"
)
_QUESTION = re.compile(r"吗|多久|什么时候|怎么|能不能|能否|是否|多少|哪|是.{1,8}还是|会不会|要不要|(停|断|来|有)不\1|\?")
# a question about a planned water or power cut is for the desk (taxonomy.md), not a fault
_PLANNED_CUT = gated.Alternation(
    [
        r"(通知|检修|计划|预计|下(周|礼拜|星期)|明天|后天|今晚|周[一二三四五六日天]|几号|几点|这周|本周|这几天|这两天|过几天|月底|下个?月|近期|会不会|要不要).{0,12}(停|断)(不(停|断))?(水|电)",
        r"(停水|停电|断水|断电).{0,6}(通知|检修|计划)",
        # ... and so is one about planned upkeep (电梯年检是哪天, 周末保养停多久)
        r"(年检|维保|保养|检修)[^。！？!?]{0,12}(哪天|几号|几点|多久|什么时候|哪一部|哪部|影响)",
    ]
)
# asking where or how to get something issued, or what to bring: a procedure for the desk
_PROCEDURE_ASKED = gated.Gated(
    r"(在|去|到)?哪(里|儿)?办|怎么(办理|补办|补)|补办|"
    # 怎么办 with what is to be had after it (怎么办门禁卡), not 空调坏了怎么办
    r"怎么办(?=[^,.!?;，。！？\s啊呢呀吧哦才好?])|(要|需要|得)(带|准备|提供)(什么|哪些)|带什么",
    needs="办哪怎补什",
)
# a report withdrawn (工单撤销一下, 单子作废吧, cancel一下我的维修单, 报的维修不需要了): for the desk
_WITHDRAWN = re.compile(
    r"(单子|工单|维修单|报修单|单)[^,.!?;，。！？\s]{0,6}(取消|撤销|作废|撤回)|"
    r"(取消|撤销|作废|撤回|cancel)[^,.!?;，。！？\s]{0,8}(单|报修|维修)|(报的|报修的)[^,.!?;，。！？\s]{0,4}不(需要|用)(修|来)?了|"
    r"不(用|需要)(再)?(派人)?(来|过来|上门)了|不(用|需要)(再)?派(人|师傅)了|(报的|报修的|报了)[^。！？!?]{0,16}(取消|撤销|撤回)(吧|掉|了|一下)"
)
# pests coming out of a drain (下水道钻出来好多飞虫): the pests, not the drain, unless it is blocked
_PESTS_OUT = re.compile(r"(钻|爬|飞|跑|冒)(了)?出来")
_DRAIN_FAULT = re.compile(r"堵|漏|返水|冒水|溢|不通|排不")
_LOST = re.compile(r"(落|丢|掉|忘)(了|在).{0,20}(有人|谁)?(捡到|看到|交到|见到|拾到)")
_NOISE_WORDS = re.compile(r"响|吵|噪音|声音|轰|嗡|咚|睡不着|震")
# who makes the noise: the centre's equipment and pests have codes of their own
_NOISE_SOURCES = ("ENG-HVAC", "ENG-LIFT", "ENG-PLUMB", "ENG-FIRE", "ENG-ELEC", "ENG-DOOR", "ENV-PEST")
# the centre's plant named with a nuisance (发电机 … 太吵了, 电梯机房的声音, 试泵 … 吵醒孩子): its
# own code, whatever the model hears in 吵 (a bell that rings, 火警铃响, is no nuisance)
_CENTRE_MACHINE = re.compile(r"发电机|机房|水泵|泵房|排污泵|消防泵|试泵|风机|排风|冷却塔|变压器|曳引机")
_NUISANCE = re.compile(r"吵|噪音|噪声|声音|轰|嗡|睡不着|吵醒|震")
# the centre's loudspeakers too loud (广播声音大得离谱) are its equipment; a school's is a nuisance
_CENTRE_SPEAKER = re.compile(r"广播|背景音乐")
_OTHERS_SPEAKER = re.compile(r"学校|隔壁|对面|店|商铺|工地|广场舞|邻居")
# ... but a neighbour's or a shop's machine is a nuisance made by others (隔壁商铺的空调外机,
# 楼下饭店的排风机, 邻居家的外机): SEC-NOISE; the tenant's own (我们店的排风扇) is a fault
_MACHINE = r"(外机|空调|风机|排风扇|抽风机|排烟|油烟机|冷却塔|冷柜|冰柜|压缩机|发电机|水泵|风扇)"
_OTHERS_MACHINE = re.compile(
    r"(?<!我们)(?<!我)(?<!本)(?<!自己)(店|商铺|商户|底商|餐馆|饭店|酒楼|酒吧|工地|超市|健身房|邻居|隔壁|人家|住户|那家|他们家|(楼上|楼下|对门|对面)(?!泵房|机房|配电|设备|锅炉|水房))"
    r"[^,.!?;，。！？\s]{0,6}?" + _MACHINE + "|"
    # ... or the owner said after it (空调外机太吵了 是隔壁店的)
    + _MACHINE + r"[^,.!?;，。！？]{0,10}是(隔壁|楼上|楼下|对面|对门|邻居|那家|人家|别人)[^,.!?;，。！？\s]{0,4}的"
)


# praise said with a wink, or next to a grievance it cannot mean: 「你们效率真高啊 报修一个月了」
# (笑呵呵, 乐呵呵 are a smile, not the sneer 呵呵)
_IRONY = re.compile(r"(?<![笑乐])呵呵|🙂|🙃|😅|👏|真是服了|好棒的|“[^”]{1,6}”|\"[^\"]{1,6}\"|「[^」]{1,6}」")
_UNMET = re.compile(
    r"没人(理|管|来|接|回)|还没人|都没人|不理|石沉大海|白交|(一个|几个|半个)(月|礼拜|星期)了|"
    r"等了[^,.!?;，。！？\s]{0,4}(天|周|礼拜|星期|小时|个月)|"
    r"终于不用|(报修|报了|反映了|投诉了)[^,.!?;，。！？\s]{0,3}(半|几|[0-9一二两三四五六七八九十]{1,4})(个)?(天|周|礼拜|星期|月)|人影|"
    r"(?<![一二两三四五六七八九十几\d])[一二两三四五六七八九十几\d]+(个|次|遍)电话|"
    # messages left unanswered for days, staff who know nothing (消息三天不回, 一问三不知), a repair worse than before
    r"(天|周|礼拜|星期|月)(都|也)?不回|(消息|信息|微信|留言)(也|都|从来)?不回|一问三不知|问(什么|啥)都(说)?不(知道|清楚)|越修越(坏|差|漏|糟)|比(修)?之前还|修完(还|又|更)(漏|坏|响|吵|不)"
)


# weather that lets water in: seepage through the building, unless a pipe or a unit is named
_RAIN = re.compile(r"(?<![像跟])下雨(?!一样|似的)|雨后|雨天|大雨|暴雨|雷雨|梅雨|台风|雨水(?!井|管|口|篦)|下完雨|雨一下|一下雨")
_WATER_IN = re.compile(r"漏|渗|滴|进水|灌|飙水|往里|往下流|水印|水渍|湿|潮|发霉")
_NAMED_SOURCE = re.compile(
    r"水管|管子|管道|喷淋|空调|(?<![a-z])ac(?![a-z])|冷凝|马桶|下水|水箱|水龙头|暖气|地漏|洗衣机|热水器"
)
# rain that pools and will not drain away (一下雨阳台就积水 排不出去) is drainage, ENG-PLUMB; water
# coming in through the building (渗, 漏, 往里) stays seepage
_POOLS = re.compile(r"积[^,.!?;，。！？\s]{0,4}水|排不(出|掉|走|下)|排水不畅|水排不")
_SEEPS = re.compile(r"漏|渗|滴|往里|进水|灌")
# water from overhead with no source named (车库顶上一直在滴水, 天花板往下滴): seepage, ENG-LEAK
_OVERHEAD = re.compile(r"顶上|顶棚|天花板|天花|吊顶|屋顶|楼顶|房顶|顶楼|棚顶|屋面")
_OVERHEAD_SOURCE = re.compile(r"楼上|卫生间|厕所|洗手间|厨房|水表|排水|上水")
# a neighbour's renovation leaving rubbish or dust (隔壁装修把垃圾都堆在楼道里): renovation, SEC-DECOR
_RENOVATION = re.compile(r"装修|装潢|施工")
# ... and the damage a neighbour's renovation does (隔壁在拆墙 我们这边的墙裂了, 楼上装修把下水管道堵了)
_NEIGHBOUR_WORKS = re.compile(
    r"(隔壁|楼上|楼下|对门|邻居|对面)[^。！？!?]{0,8}(装修|装潢|拆墙|砸墙|施工|打孔|钻孔)"
)
_DAMAGE_CODES = ("ENG-CIVIL", "ENG-PLUMB", "ENG-LEAK", "ENG-DOOR", "ENV-CLEAN")
_CLEANERS = re.compile(r"保洁|清洁工|打扫|清扫|阿姨")
# the lift's own lamp, buttons or door (电梯里的灯不亮, 轿厢按钮没反应): the lift's, ENG-LIFT (电梯门口
# is a place in front of it)
_LIFT_PART = re.compile(r"(电梯|轿厢|扶梯)(里|内|里面)?(的)?(灯|照明|按钮|按键|显示屏|风扇|通风扇|排风扇|门(?!口|前|外))")
# asking to borrow or book something, or for an arrangement: a service request for the desk
_REQUEST = re.compile(
    r"借(一下|个|把|用|我|点|些|几|两|[0-9一二三四五六七八九十])|能借|可以借|想借|有没有[^,.!?;，。！？\s]{0,6}借|"
    r"租一下|租用|订一下|预约|预订|预定|帮(我|忙)?安排|给(我|忙)?安排|安排[^,.!?;，。！？\s]{0,3}人(来)?帮(忙|我|我们)?(搬|抬|拿|送|挪|卸)|"
    r"派(个|一个|几个)?人(来)?帮|帮忙(搬|抬|拿|送|叫|卸|开一下)|帮我开一下|帮(我|忙)叫(个|一个|辆|下)|能(再|重新)(给|配|发)(我)?(一|个|张|把)|登记一下"
)
_FAULT = re.compile(
    r"坏|漏|堵|不(亮|制冷|制热|通|转|动|响|了)|没(电|水|信号|反应)|故障|停了|卡|裂|掉|跳闸|打不开|关不上"
)

# a way in that people broke or hold open (围栏被人剪开, 门被人用砖顶着), or anyone can walk in
# with no fault named: the door or fence is no fault, who gets in is security (SEC-SAFE)
_BREACH = re.compile(
    rf"被人{_NC}{{0,4}}(剪|撬|踹|拆|挖|锯|割|顶|掰|扒|弄开|撑开)|"
    rf"(谁都|外人|外面的人|陌生人|什么人都|闲杂人){_NC}{{0,3}}(能|可以|随便|随意){_NC}{{0,2}}(进|钻|出入|进出|溜)|"
    # ... or people come in through a gap (围墙有个口子 外面的人都从那钻进来)
    rf"(人|小偷|贼){_NC}{{0,6}}(钻|溜|爬|翻)(进|过)来"
)
_ACCESS_CODES = ("ENG-DOOR", "ENG-CIVIL", taxonomy.OTHER)

# an animal calling is a noise whoever keeps it (邻居家的狗从早叫到晚, 鹦鹉一大早就叫)
_ANIMAL_NOISE = re.compile(r"(狗|犬|鸟|鹦鹉|八哥|猫|鸡|鸭|鹅|公鸡)[^,.!?;，。！？\s]{0,8}(叫|吠|嚎|打鸣|吵)")
# a question about the bot itself: no report unless a grievance came with it (客服态度太差了 你是机器人吗)
_BOT = re.compile(r"(你|您)(到底|究竟)?是(不是)?(真人|机器人|人工|自动回复|ai(?![a-z]))")
# a sales pitch: no report, nothing to route (我们公司专业做保洁 有需要联系我)
_OUR_TRADE = r"(公司|团队|工作室)[^。！？!?]{0,12}(专业|承接|提供.{0,8}服务)"
_PITCH = re.compile(
    rf"我们{_OUR_TRADE}|我司{_OUR_TRADE}|本{_OUR_TRADE}|有需要(的话)?(可以|请|欢迎)?(联系|找|加)我|"
    r"有兴趣合作|欢迎(来电|合作|洽谈)|寻求合作|诚邀|"
    # neighbours' chatter in the group (拼车, 有要的私聊, 有人去爬山吗 一起)
    r"拼车|拼单|组队|私聊|有要的|有人一起|有没有人一起|吗[\s,，]*一起"
)


# a wish for something new or a rule (希望物业能在车库多划几个车位, 希望十点以后禁止施工) is a
# suggestion on its topic; a wish that a fault be fixed soon (希望尽快修好, 希望加快处理) is not
_WISH = re.compile(
    r"(希望|盼望|期望|期待)(物业|你们|管理处|小区|以后|今后|晚上|夜里|周末|每天|每周|每栋|每层|每个)?"
    r"[^,.!?;，。！？\s]{0,8}?(多(?!久|少|长)|增加|增设|添|加(?!快|紧|班)|安装|装(?!修)|设(?!备|施)|放(?!心)|配(?!合)|划|建|种|"
    r"开放|开通|禁止|不许|不准|规定|限制|统一|定期|改成|换成|贴|挂|延长|提供)"
)
# ... and so is opening with whether something new could be had (能不能在车库入口装个凸面镜, 花园里
# 能不能多种几棵树); after a grievance it is the remedy asked for (车速太快 能不能装几个减速带 is a
# complaint), and asking someone to do a thing for me (能不能帮我装一下) or to come is a request
_ASK_FOR_NEW = re.compile(
    r"^[^,.!?;，。！？\s]{0,8}?(能不能|可不可以|能否|可否|要不(?!然|要)|不如|可以考虑)(?![^,.!?;，。！？\s]{0,4}(帮|给我|修|来))[^,.!?;，。！？\s]{0,8}?"
    r"(多(?!久|少|长)|增加|增设|加装|安装|装个|装几|种|设个|设置|放个|放几|贴个|挂个|配个|划|建个|开放|开通|延长)"
)
_WISH_FAULT = re.compile(r"尽快|赶紧|早日|早点|马上|快点|(?<!装)修|处理|解决|坏|漏|堵|不亮")


# "物业费白交了", "交物业费干嘛用的", "物业费倒是一分不少": the fee said as a reproach; it
# names the fee or taking money, which nine messages in ten do not
_FEE_JAB = gated.Gated(
    r"(交|收|缴)?(物业费|管理费)[^,.!?;，。！？\s]{0,6}(白交|白收|干嘛用|干什么用|有什么用|有啥用|一分不少|照收不误|"
    r"倒(是|挺|很)[^,.!?;，。！？\s]{0,4}(准时|积极|及时|快|勤|不少))|(物业费|管理费)(都)?白(交|给|花)了?|"
    r"(收费|收钱|收起钱来)(倒是|倒|可|却)?(一分不少|一分都不少|照收不误|(挺|很|最)?(积极|准时|勤快))",
    needs="费收",
)


def fee_jab(norm: str):
    """The span of a jab at the fee, if the message makes one."""
    return _FEE_JAB.search(norm)


# small talk about the world outside the property: the weather, the day, sport, the markets,
# where to eat or get a haircut nearby (明天要下雨吗, 今晚球赛几点开始, 附近哪有好吃的)
_NEARBY = r"[^。！？!?]{0,10}(好吃|推荐|理发|修手机|修自行车|饭店|餐厅)"
_DAY = r"(是)?(周几|星期几|礼拜几)"  # what day it is today, not which day a drill falls on
_SMALL_TALK = re.compile(  # each alternative opens with a character (tests/nlp/test_gated.py)
    rf"天气|下雨吗|会下雨|降温|几度|气温|流星雨|股市|球赛|今天{_DAY}|今儿{_DAY}|明天{_DAY}|昨天{_DAY}|几号线|地铁|"
    rf"附近{_NEARBY}|这附近{_NEARBY}|周边{_NEARBY}|你(叫|是)(什么|啥)名字|吃饭了(没|吗)"
)


def not_a_report(norm: str) -> bool:
    """A sales pitch, neighbours' chatter, small talk or a question to the bot: nothing to
    route (asked only where the rules found no topic at all)."""
    return bool(_PITCH.search(norm) or _BOT.search(norm) or _SMALL_TALK.search(norm))


def sarcastic(norm: str) -> bool:
    """Praise words that are really a complaint."""
    idle_in_danger = STAFF_IDLE.search(norm) and situation.assess(norm).score >= situation.data()["threshold"]
    return bool(_IRONY.search(norm) or _UNMET.search(norm) or praise_english.ironic(norm) or idle_in_danger or remarks.price_remark(norm))


_WEAK = 3.0  # a code's score below one plain keyword's (客服 alone names no grievance)


def decide(norm: str, code: str, intent: str, codes: dict, cleared: frozenset | set = frozenset()):
    """(code, intent, structure): the code and intent after the structures above, and the name of
    the structure that applied ("" for none): its intent was read from the form, which n-grams cannot see."""
    if code in cleared:
        others = [(score, c) for c, score in codes.items() if c not in cleared and score > 0]
        if others:
            code = max(others)[1]
            intent = "repair" if code.startswith("ENG") and intent in ("complaint", "other") else intent
        elif negation.device_battery(norm):  # 我是里面的人 手机快没电了: the phone's, and no fault besides
            code, intent = taxonomy.OTHER, "other" if intent in ("repair", "complaint") else intent
    if _PITCH.search(norm) or ((_BOT.search(norm) or _SMALL_TALK.search(norm)) and codes.get(code, 0.0) < _WEAK):
        return taxonomy.OTHER, "other", "not_a_report"
    if asked := remarks.asked_or_remarked(norm, code, intent):  # a document asked for, a dog's mess
        return asked
    if code in ("SVC-ATTI", "SVC-INFO", taxonomy.OTHER) and readings.slow_handling(norm):  # 客服回复比蜗牛还慢
        return "SVC-SLOW", "complaint", "slow_handling"
    # a grievance about a person's manner stays one; staff wished for at a post serve its topic
    if (staffed := wishes.staffing(norm, code, intent, codes)) or code == "SVC-ATTI":
        # held against the model's fee, and against the praise it hears in English said with a wink
        manner = _STAFF_MANNER.search(norm) or _STAFF_CONDUCT.search(norm) or praise_english.ironic(norm)
        return staffed or (code, intent, "staff_manner" if manner else "")
    if intent in ("complaint", "repair", "other", "inquiry") and _STAFF_CONDUCT.search(norm):
        return "SVC-ATTI", "complaint", "staff_conduct"
    if intent != "suggestion" and _STAFF_MANNER.search(norm):
        return "SVC-ATTI", "complaint", "staff_manner"
    if _WITHDRAWN.search(norm):
        return "SVC-INFO", "inquiry", "withdrawn"
    if code == "ENG-PLUMB" and codes.get("ENV-PEST", 0) > 0 and _PESTS_OUT.search(norm) and not _DRAIN_FAULT.search(norm):
        return "ENV-PEST", "complaint", "pests_out"
    # dirt in the lift, a place named after a code's object (电梯轿厢地上全是泥脚印): cleaning, unless
    # a renovation made it (a drain's smell is plumbing's: the bathroom is no such place)
    dirt = code == "ENG-LIFT" and codes.get("ENV-CLEAN", 0) >= _WEAK
    if dirt and not _FAULT.search(norm) and not _RENOVATION.search(norm):
        return "ENV-CLEAN", "complaint", "dirt_in_place"
    if _LOST.search(norm) or (_PLANNED_CUT.search(norm) and _QUESTION.search(norm)):
        return "SVC-INFO", "inquiry", "lost_or_planned" if _LOST.search(norm) or _FAULT.search(norm) else "planned"
    if _MONEY_QUESTION.search(norm) and intent in ("inquiry", "complaint", "repair", "other"):
        # a question about the price is an inquiry, unless it says the price is wrong
        if _MONEY_DISPUTE.search(norm):
            return "FEE-BILL", "complaint", "money_question"
        grievance = intent == "complaint" and _MONEY_GRIEVANCE.search(norm)
        return "FEE-BILL", intent if grievance or intent == "other" else "inquiry", "money_question"
    charged = _MONEY_CHARGED.search(norm)
    # "办什么手续 押金多少": the first question, about procedure, is the main one
    if (
        charged
        and intent in ("inquiry", "complaint", "repair", "other")
        and not _PROCEDURE.search(norm[: charged.start()])
    ):
        asked = _QUESTION.search(norm) and not _MONEY_GRIEVANCE.search(norm)
        return "FEE-BILL", "inquiry" if asked else "complaint", "money_charged"
    if _PROCEDURE_ASKED.search(norm) and not codes.get("FEE-BILL"):  # an invoice is billing's
        return "SVC-INFO", "inquiry", "procedure"
    if code.startswith("ENG") and _STILL_UNFIXED.search(norm):
        return "SVC-SLOW", "complaint", "still_unfixed"
    if code.startswith("ENG") and _FAULT_LASTED.search(norm) and _NOBODY_DEALS.search(norm):
        return "SVC-SLOW", "complaint", "fault_lasted"
    if _EARLIER_REPORT.search(norm) and taxonomy.category_of(code) in ("ENG", "SVC", "OTHER", "ENV", "SEC"):
        if _WAITED.search(norm):
            return "SVC-SLOW", "complaint", "chase_waited"
        if _WHEN.search(norm):
            return "SVC-INFO", "inquiry", "chase_when"
    harm = harms.harm_done(norm, code)
    if harm:
        return "SEC-SAFE", "complaint", harm
    if read := readings.reading(norm, code, intent, codes):  # a check asked about, a flooded place, works off hours
        return read
    if code == "ENV-CLEAN" and _RENOVATION.search(norm) and not _CLEANERS.search(norm):
        return "SEC-DECOR", "complaint", "renovation_mess"
    if code in _DAMAGE_CODES and _NEIGHBOUR_WORKS.search(norm):
        return "SEC-DECOR", "complaint", "neighbour_works"
    if code in _ACCESS_CODES and _BREACH.search(norm) and not _FAULT.search(norm):
        return "SEC-SAFE", "complaint", "breach"
    if code in ("ENG-ELEC", "ENG-DOOR", "ENG-HVAC", "ENG-LIFT") and _LIFT_PART.search(norm):
        return "ENG-LIFT", "suggestion" if intent == "suggestion" else "repair", "lift_part"
    if _REQUEST.search(norm) and not _FAULT.search(norm):
        return "SVC-INFO", "inquiry", "request"
    wished = _WISH.search(norm) or _ASK_FOR_NEW.search(norm)
    if intent in ("complaint", "other", "repair", "suggestion") and wished and not _WISH_FAULT.search(norm):
        return code, "suggestion", "wish"
    if (
        code in ("ENG-PLUMB", taxonomy.OTHER)
        and _OVERHEAD.search(norm)
        and _SEEPS.search(norm)
        and not _NAMED_SOURCE.search(norm)
        and not _OVERHEAD_SOURCE.search(norm)
    ):
        return "ENG-LEAK", "repair", "overhead_seep"
    rain = code in ("ENG-LEAK", taxonomy.OTHER) and _RAIN.search(norm)
    if rain and _POOLS.search(norm) and not _SEEPS.search(norm) and not codes.get("ENG-CIVIL"):  # a pit pools too
        return "ENG-PLUMB", "repair", "rain_drain"
    if (
        code in ("ENG-ELEC", "ENG-CIVIL", "ENG-PLUMB", "ENG-LIFT", "ENG-DOOR", taxonomy.OTHER)
        and _RAIN.search(norm)
        and _WATER_IN.search(norm)
        and not _NAMED_SOURCE.search(norm)
    ):
        return "ENG-LEAK", "repair", "rain"
    centre = code in _NOISE_SOURCES and code.startswith("ENG") and _CENTRE_MACHINE.search(norm)
    if centre and _NUISANCE.search(norm) and not _OTHERS_MACHINE.search(norm):
        return code, "repair", "centre_machine"
    noisy = code == "SEC-NOISE" or (code in _NOISE_SOURCES and code.startswith("ENG"))
    if noisy and _NOISE_WORDS.search(norm) and _OTHERS_MACHINE.search(norm):
        return "SEC-NOISE", "complaint", "others_machine"
    if code in _NOISE_SOURCES and code.startswith("ENG") and intent == "complaint" and _NOISE_WORDS.search(norm):
        return code, "repair", "noisy_equipment"  # noisy equipment is a fault to fix
    if code in (taxonomy.OTHER, "SEC-SAFE", "ENV-PEST") and _ANIMAL_NOISE.search(norm):
        return "SEC-NOISE", "complaint", "animal_noise"
    speaker = code in ("SEC-NOISE", "ENG-WEAK") and _CENTRE_SPEAKER.search(norm) and _NUISANCE.search(norm)
    if speaker and not _OTHERS_SPEAKER.search(norm):
        return "ENG-WEAK", intent, "centre_speaker"
    if code == "SEC-NOISE" and _NOISE_WORDS.search(norm) and not works.site_noise(norm):  # a site's is noise
        sources = [(codes[c], c) for c in _NOISE_SOURCES if codes.get(c, 0) > 0 and not misread.lift_as_place(norm, c)]
        if sources:
            source = max(sources)[1]
            if source.startswith("ENG") and _CENTRE_MACHINE.search(norm) and _NUISANCE.search(norm):
                return source, "repair", "centre_machine"
            return source, "repair" if source.startswith("ENG") else "complaint", "noise_source"
    return code, intent, ""
