"""Issue 17, fresh probes of 6 Dec, urg session (batch 1): classes the rules missed, each
urgent wording with a calm look-alike that shares its words and must stay calm. Urgent with
the rules alone and with the model."""

import pytest

import nlp

# a woman in labour (羊水破了, 要生了)
LABOUR = ["商场二楼有个孕妇羊水破了 坐在地上", "我媳妇要生了 在地库车上 快帮忙"]
# a fever with a convulsion (高烧抽筋, 惊厥)
FEVER_FIT = ["孩子发高烧 突然抽筋了", "宝宝高热惊厥 在一楼母婴室"]
# an allergic reaction that stops the breath
ALLERGY = ["客人吃了虾过敏 喉咙肿了喘不过来", "同事突然呼吸困难 脸都紫了"]
# Cantonese: someone fainted (晕咗)
FAINTED_CANTONESE = ["有个阿婆喺门口晕咗"]
# someone on the floor behind a door nobody answers
BEHIND_A_DOOR = ["女厕隔间一直不出来 叫了也没反应", "卫生间里面有人倒在地上 门反锁着"]
# a child or an elderly relative missing (找不到娃, dementia wandering off, English)
MISSING = ["找不到我儿子了 刚才还在这", "我妈有点老年痴呆 下午自己出门了 到现在联系不上", "my daughter is missing 在三楼"]
# a wish to die with the means at hand
SELF_HARM = ["邻居说不想活了 在阳台上往外爬", "有个小伙子说要从天台往下跳"]
# someone down after a fall and not up again
NOT_UP_AGAIN = ["老爷子一头栽在地上 半天没起来"]
# a threat to kill someone (威胁要弄死)
THREAT = ["有个顾客在收银台威胁要弄死店员"]
# strong chemicals spilled, cleaners mixed, a smell that makes people cough
CHEMICAL = ["仓库一桶硫酸倒了 流了一地", "保洁把84和洁厕灵混在一起了 满屋子味", "一股刺鼻的味道 好多人咳嗽"]
# someone working a car's lock with a tool
TOOL_ON_A_LOCK = ["有个人拿螺丝刀在撬车锁", "停车场有人拿铁丝捅车门"]
# Cantonese: a lift stuck half-way, someone inside
LIFT_CANTONESE = ["部电梯停咗喺半空", "电梯坏咗 入面有个细路"]
# water cut off while customers wait: a restaurant cannot serve
NO_WATER_AT_SERVICE = ["停水了 客人都在等着上菜", "餐厅突然断水 后厨没法做菜了"]
# a door that will not close as we leave
LEAVING = ["办公室的门关不上 我们要走了"]
# English: a smell of gas
GAS_ENGLISH = ["strong smell of gas 在厨房"]

# batch 1, second wave: we are in a lift gone dark, a foot into a gap, blood that will not
# stop, a shove after a quarrel, a threat to set a fire, someone climbing in at a window, a
# box on fire, a mall dark with customers, a cold room warming, a cracked railing leaned on,
# a lock that will not catch
DARK_LIFT = ["我们三个在电梯里 灯突然灭了"]
FOOT_IN = ["扶梯边上有个缝 小孩一只脚卡进去了"]
BLEEDING = ["师傅被玻璃割到手了 血止不住"]
SHOVE = ["两个司机吵架 吵着吵着推起来了"]
ARSON = ["有个人拎着一桶汽油 说要点火", "有人在楼道里放火"]
WINDOW_ENTRY = ["有个人从隔壁阳台爬进来了"]
BOX_ON_FIRE = ["楼下的配电柜着了", "垃圾桶着了 火还在烧"]
MALL_DARK = ["超市全部停电了 顾客都在里面"]
COLD_ROOM = ["冷库温度一直在升 里面都是肉"]
RAILING_LEANED = ["二楼护栏的玻璃裂了 有小孩趴在上面"]
LOCK_WONT_CATCH = ["仓库门打不上锁 里面都是货"]

# batch 1, third wave: someone down, a car that hit someone, a child lost, a child on a
# moving gate, 达人 for 打人, Cantonese and English doors that will not lock at closing
DOWN = ["有人倒了", "车撞人了 在南门", "我家小孩丢了"]
ON_A_GATE = ["有个小孩在伸缩门上爬 门还在关"]
VOICE_SLIP_FIGHT = ["有人达人了 在东门"]
CLOSING = ["卷闸门锁唔到 我哋要收铺", "we cant lock the shop door 卷闸门坏了 马上要收工了"]

# batch 1, fourth wave: a neighbour unseen for days who answers no knock, taken ill all
# of a sudden, a crash with the driver inside or fuel leaking, a crowd crush, drunk at the
# wheel, a wall broken through and still hammered
UNSEEN_FOR_DAYS = ["楼上独居的阿姨好几天没出门了 打电话也没人接"]
SUDDEN_ILLNESS = ["有个大叔在超市突然发病了"]
CRASH = ["有辆车撞到墙上了 司机还在车里", "车库有辆车翻了 在漏油"]
CRUSH = ["门口抢购 发生踩踏了"]
DRUNK_DRIVER = ["有个喝醉的开车在小区里乱冲"]
WALL_THROUGH = ["楼上装修把楼板凿穿了 现在还在凿"]

# batch 1, fifth wave: lying there and not answering, an epileptic fit, concrete coming
# down now, glass smashed by a door in the wind, a life at stake, terse lift and fire
# reports, a camera hidden in a toilet, a server room overheating
NOT_ANSWERING = ["地库有个人趴着 喊他也不理"]
FIT = ["店里一个顾客发癫痫了"]
COMING_DOWN = ["楼道的天花板一直在往下掉水泥块"]
GLASS_SMASHED = ["风太大 窗户来回撞 玻璃都拍碎了 下面有人走"]
LIFE_AT_STAKE = ["快来 要出人命了"]
TERSE = ["电梯 困 5栋", "火 火 三楼"]
HIDDEN_CAMERA = ["女更衣室里藏了个针孔摄像头"]
HOT_SERVER_ROOM = ["机房空调停了 温度已经五十度了"]

# batch 1, sixth wave: a fire that is no drill or false alarm this time, in a lift gone
# dark, a Cantonese shutter that will not come down at closing, English reports
NOT_A_DRILL = ["不是演习 真的着火了 二楼", "这回不是误报 冒烟了"]
DARK_LIFT_ASKED = ["是不是停电了 我在电梯里 一片黑"]
SHUTTER_CANTONESE = ["卷闸拉唔落 今晚点收铺"]
ENGLISH = ["Water pouring from the ceiling onto our computers", "Someone is breaking into cars 在B2", "I smell gas 在走廊"]

# batch 1, seventh wave: a gas meter running while nobody uses gas, hitting whoever comes
# near, a building creaking as a wall cracks, someone on an outdoor unit, a lock jammed
GAS_METER = ["家里没人用气 煤气表还在转"]
ANYONE_NEAR = ["有个男的在超市见人就砍"]
CREAKING = ["楼体咔咔地响 墙上裂了一道缝"]
ON_AN_OUTDOOR_UNIT = ["有个小伙子蹲在十楼的空调外机上"]
LOCK_JAMMED = ["锁眼被人堵了 我们在屋里出不去"]

# batch 1, eighth wave: shut in for minutes, welding sparks that set cardboard smoking
SHUT_IN_FOR_MINUTES = ["我们被关了半个小时了 电梯里好闷"]
WELDING_SPARKS = ["楼上在电焊 火花掉到楼下的棉被上 冒烟了"]

# batch 1, ninth wave: a child led off by someone who is not their parent
CHILD_LED_OFF = ["一个女的抱着个小男孩往停车场走 孩子一直哭 看着不像是他妈妈", "有个男的拉着个小女孩往外走 小孩在哭 不像是家长"]

# the urgent siblings of the lead's calm look-alikes (11:57 note): someone slashed, a pipe
# burst by the works upstairs, water pouring onto goods, a fall now, a shop door pried open
LEAD_SIBLINGS = [
    "有人被砍了 在停车场",
    "楼上装修把水管打爆了 水哗哗往我们家流",
    "大堂地上一滩水 刚有个老人滑倒了 起不来",
    "店门被撬坏了 锁不上",
]

URGENT = (
    LEAD_SIBLINGS +
    CHILD_LED_OFF +
    SHUT_IN_FOR_MINUTES + WELDING_SPARKS +
    GAS_METER + ANYONE_NEAR + CREAKING + ON_AN_OUTDOOR_UNIT + LOCK_JAMMED +
    NOT_A_DRILL + DARK_LIFT_ASKED + SHUTTER_CANTONESE + ENGLISH +
    NOT_ANSWERING + FIT + COMING_DOWN + GLASS_SMASHED + LIFE_AT_STAKE + TERSE + HIDDEN_CAMERA + HOT_SERVER_ROOM +
    UNSEEN_FOR_DAYS + SUDDEN_ILLNESS + CRASH + CRUSH + DRUNK_DRIVER + WALL_THROUGH +
    DOWN + ON_A_GATE + VOICE_SLIP_FIGHT + CLOSING +
    DARK_LIFT + FOOT_IN + BLEEDING + SHOVE + ARSON + WINDOW_ENTRY + BOX_ON_FIRE + MALL_DARK + COLD_ROOM
    + RAILING_LEANED + LOCK_WONT_CATCH +
    LABOUR + FEVER_FIT + ALLERGY + FAINTED_CANTONESE + BEHIND_A_DOOR + MISSING + SELF_HARM + NOT_UP_AGAIN
    + THREAT + CHEMICAL + TOOL_ON_A_LOCK + LIFT_CANTONESE + NO_WATER_AT_SERVICE + LEAVING + GAS_ENGLISH
)

CALM = [
    # a pregnant woman's parking, a nursing room asked about
    "孕妇停车位在哪 我老婆快生了",
    "我老婆下个月要生了 想提前问问孕妇停车位在哪",
    "母婴室在几楼 孕妇能在那休息吗",
    # a fever or an allergy asked about, a cramp after sport
    "孩子有点发烧 附近有药店吗",
    "我对花生过敏 哪家店的菜没有花生",
    "游泳的时候腿抽筋了 歇了一会就好了",
    # an occupied toilet, a lost thing of a child's
    "女厕隔间门锁坏了 一直关不上",
    "找不到孩子的水壶了 失物招领在哪",
    # figures of speech about dying, a threat to complain
    "物业费又涨了 真是不想活了",
    "他说要投诉到你们总部",
    # a fall with nobody hurt: the tile is the repair
    "有个顾客在门口摔了一跤 人没事 但那块砖翘起来了",
    # cleaning products, a chemical smell of new paint
    "保洁用的消毒水味道太冲了 能不能换一种",
    "刚刷的油漆有点刺鼻 开窗就好",
    # a tool asked for, a Cantonese question about a lift
    "能借个螺丝刀吗 车锁有点松",
    "部电梯成日坏 几时修好",
    # a water cut announced, a door that sticks
    "明天停水 我们餐厅要提前储水吗",
    "办公室门有点难关 有空来看看",
    # a buzzing tube, a gas bill
    "灯管一闪一闪的 滋滋响 麻烦换一根",
    "gas bill 在哪交",
    # second wave: a lift's light out with nobody in, a wet shoe, a small cut, a quarrel
    # talked down, a fire-safety question, a window left open, a car that started, a power
    # cut announced, a cold room a little warm, a railing's fingerprints, a lock that is
    # only stiff, a quarrel the guards ended, a car washed, a warm socket, a fountain
    "电梯里的灯灭了 麻烦换一下",
    "下雨一脚踩进水坑里了 鞋全湿了",
    "切菜划了个小口子 创可贴在哪买",
    "两个人吵架 吵了几句就走了",
    "灭火器放在哪 怕哪天着火",
    "办公室的窗户没关 晚上会不会有人爬进来",
    "车打了好几次终于着了 停车场太冷了",
    "下周超市停电检修 几点开始",
    "冷库温度有点高 东西还冻着",
    "二楼护栏的玻璃上全是小孩的手印",
    "仓库门锁有点涩 钥匙要用力拧",
    "有个人在车库转悠 后来保安把他请出去了",
    "有人在车库洗车 水流得到处都是",
    "插座有点发热 不烫 能用",
    "喷水池的水好脏 绿了",
    # third wave: rubbish tipped out, a car that nearly hit someone long ago, a child's
    # lost toy, a child's drawing on a gate, an expert, a door that locks
    "有人倒了一地垃圾在楼梯口",
    "上个月有车撞人了 建议装个减速带",
    "小孩丢了一个玩具 有人捡到吗",
    "伸缩门上有小孩画的涂鸦 麻烦清理一下",
    "我们店请了个烘焙达人 欢迎来玩",
    "卷闸门有点响 但是锁得上",
    # fourth wave: a neighbour away with parcels piling up, an illness asked about, a car
    # parked for months, a crowd asked about, a wall to be opened, a fire shutter blocked
    "对门好几天没回家了 快递都堆在门口",
    "突然发烧了 附近哪有诊所",
    "有辆车在车库停了好几个月没动",
    "门口抢购的人太多了 能不能排个队",
    "装修能不能把这面墙打通 要申请吗",
    "消防卷帘门下面堆了东西 降不下来",
    # fifth wave: someone asleep on a bench, a fit asked about, old plaster, a window to
    # clean, a camera at a toilet's door, a server room's noise, a sleepy stand-by
    "有个人躺在长椅上睡觉 叫他也不理 占着位置",
    "癫痫病人能办残疾人停车证吗",
    "楼道天花板掉了点石灰 在角落 不急",
    "风太大 窗户玻璃好脏 什么时候擦",
    "厕所门口的摄像头坏了",
    "机房空调声音有点大",
    "电梯好困 按钮都不想按",
    # sixth wave: a drill asked about, a fire feared, a false alarm again, a dark corridor,
    # a noisy shutter, English for a leak that stopped, a gas bill, water that went down
    "上周不是演习吗 怎么又要演习",
    "灭火器过期了 真着火了怎么办",
    "烟感又误报了 烦死了",
    "是不是停电了 楼道里一片黑",
    "卷闸有啲响 得闲嚟睇下",
    "The ceiling leaked last week 现在好了",
    "下雨车库积水到脚脖子 过会儿就退了",
    # seventh wave: a gas meter read, a noisy building, a nest on an outdoor unit, a lock
    # jammed from outside, a car scratched last night
    "煤气表在哪里看读数",
    "楼上装修咔咔响 吵死了",
    "空调外机上有个鸟窝",
    "锁眼被人塞了口香糖 钥匙插不进",
    "停车场的车被划了 昨晚的事",
    # eighth wave: a fire feared, an old burn mark, a darkened socket, welding sparks, a
    # gate that sticks, an estate gate open at night (a grievance: labelled calm in
    # chat_train, unlike a shop that cannot be locked)
    "消防通道堆了好多纸箱 着火了就麻烦",
    "电梯按钮上有个烧焦的痕迹 以前就有",
    "插座边上有点发黑 不知道是不是以前烧过",
    "楼上在电焊 火花好多 能不能提醒他们注意点",
    "小区大门关得很慢 要等半天",
    "小区大门关不上 现在半夜 谁都能进",
    # ninth wave: a child led by the hand by a grandparent
    "奶奶牵着小孩在儿童区玩 孩子一直哭 要买玩具",
    # the lead's calm look-alikes (11:57 note)
    "有人车子停在路中间 我出不去了",
    "门口的行道树被人砍了",
    "电话打爆了也没人接",
    "楼上的花盆浇水往下流 滴我衣服上",
    "大堂地上有一滩水 滑倒了怎么办",
    "消防栓箱门被撬坏了",
    # a lifesaver thanked
    "保安小哥上次帮我搬东西 真是救命恩人",
]


@pytest.mark.parametrize("text", URGENT)
def test_unseen_reports_of_danger_now_are_urgent(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert nlp.classify(text).urgent is True


@pytest.mark.parametrize("text", CALM)
def test_unseen_look_alikes_stay_calm(rules, text):
    assert rules.classify(text).urgent is False, rules.classify(text)
    assert nlp.classify(text).urgent is False


def test_a_fall_head_first_is_not_heard_as_on_the_floor():
    # 栽地上 (fell head first) was put right to 在地上, losing the fall
    evidence = nlp.classify("老爷子一头栽地上了").evidence
    assert not any("≈在地上" in e for e in evidence), evidence


@pytest.mark.parametrize("text, slip", [
    ("说好来修 到现在都没人影", "没人应"),
    ("厕所味道熏死人", "寻死"),
    ("从门缝看人躺在地上", "砍人"),
    ("保安推搡了业主", "推上了"),
    ("忘带门禁卡请人开门", "亲人"),
    ("楼梯黑得看不见", "黑的"),
    ("一群人拿着棍子冲过来", "拉着"),
])
def test_this_sessions_pattern_words_are_not_heard_in_everyday_words(text, slip):
    # a pattern's literal word becomes a keyword the pinyin index hears in sound-alikes
    evidence = nlp.classify(text).evidence
    assert not any(e.endswith("≈" + slip) for e in evidence), evidence
