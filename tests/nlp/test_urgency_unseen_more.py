"""Issue 17, fresh probes (continued from test_urgency_unseen.py): chat wordings written
before they were run (the probes), then sibling wordings of the class each miss belonged to,
and calm look-alikes that must stay calm. Urgent with the rules alone and with the model."""

import pytest

import nlp

# batch 4 probes that passed when first run
PROBES_URGENT_4 = [
    "店门的锁芯坏了 钥匙插进去转不动 锁不了门 我们要下班了",
    "玻璃门的地弹簧坏了 门合不上 晚上店里没法关",
    "我们仓库的卷闸门电机烧了 门放不下来 今晚只能守着",
    "hello 有人吗 快来b2 有人倒地上了",
    "大堂吊灯掉下来一个 砸碎了 下面有人坐着",
    "店里的电闸一直在跳 闻到一股烧焦味",
    "排水沟的水漫到我们店门口了 还在往里进",
    "我们这边有人吵起来了 越吵越凶 要打起来了",
    "健身房的杠铃砸到一个人的脚 肿得很厉害",
    "我老爸在卫生间滑了一跤 爬不起来",
    "那个装修工人触电了",
]

PROBES_CALM_4 = [
    "店门的锁有点难开 要用力拧",
    "电梯经常坏 上周还困过人 你们到底修不修",
    "停车场的灯晚上太暗 有点吓人 建议多装几盏",
    "有人在楼道里抽烟 烟味很大",
    "邻居家狗一直叫 吵死了 快来人管管",
    "店门口的下水道盖子有点松 踩上去会响",
    "我们店的冷柜有点不够冷 能派人看看吗",
    "门口地上有一滩血 不知道谁的 昨晚的吧",
    "快来看看我们家的猫 在空调外机上下不来了",
    "楼上在剁肉 咚咚咚的 吓死人了",
    "卫生间的烘手机一直冒热风 停不下来",
    "我家阳台有个马蜂窝 好多马蜂飞来飞去 有点怕",
    "我家门口的感应灯一直亮 不灭",
]

# a door locked and the people behind it cannot get down or out, no 我 before it
DOOR_LOCKED_ON_US = [
    "help 我在17楼楼梯间 门锁了下不去",
    "消防通道的门锁死了 我们几个下不去",
    "b1的门锁住了出不去 help",
    "天台门锁上了下不来 我在上面",
]

# water running onto records, account books, a wardrobe
WATER_ON_RECORDS = [
    "档案室的天花板在漏水 往柜子上滴 柜子里都是合同",
    "楼上渗水往我们的账本上滴 快来",
    "水一直往衣柜里流 衣服全湿了",
]

# an old person or a child lost and confused
LOST = [
    "有个老奶奶在小区里迷路了 一直在哭 问她住哪都说不清",
    "门口有个小朋友找不到妈妈了 在哭",
    "一个老大爷在我们店门口转了半天 说找不到家了",
]

CALM_4 = [
    # a leak that has stopped
    "楼上漏水把我家天花板泡了一块 现在不滴了",
    "天花板湿了一大片 目前没再滴了 麻烦来看看",
    # lost on the way, a damp wardrobe, a contract
    "我迷路了 请问3栋怎么走",
    "衣柜里面有点潮 发霉了",
    "合同上写的物业费怎么跟收的不一样",
]

# batch 5 probes that passed when first run (voice-typed 着伙, 帽烟, 被捆 among them)
PROBES_URGENT_5 = [
    "着伙了 快来人 2栋",
    "店里插座帽烟了",
    "我们被捆在电梯里了",
    "我老公在车库被人拿刀划了一下 手上流血",
    "地库的消防喷淋头突然喷水了 到处都是水",
    "这边路灯杆子被车撞歪了 电线都露出来了",
    "暖气片爆开了 热水喷得满屋都是",
]

PROBES_CALM_5 = [
    "电梯有人在里面抽烟",
    "车库有人一直按喇叭 吵死了",
    "上回着火的那个店现在开业了吗",
    "我手机落在电梯里了 帮我找找",
    "快递小哥把我的快递扔在门口就走了",
    "有人把车停在消防通道上 赶紧处理",
    "我家孩子手被门夹了一下 现在没事了 想提醒一下门太快",
    "保安在门口跟人吵起来了 态度很差",
    "楼道里的灭火器是不是该换了",
    "地下室有积水 不深 有点味道",
    "楼下那家店晚上关门后卷帘门没拉到底 留了一条缝",
]

# a lift with people in it said in a few words or with a count (里头俩人)
LIFT_TERSE = [
    "电梯 有人 快",
    "货梯 有小孩 快来",
    "电梯里 有人 救命",
    "3号梯停了半小时了 里头俩人",
    "客梯卡住了 里面仨小孩",
    "货梯坏在半路 里边还有两个",
]

# the people in a lift calling or banging, heard from outside
CALLING_FROM_INSIDE = [
    "电梯里的人在喊 我们按了半天没人回应",
    "电梯里的人一直在拍门",
    "轿厢里的小孩在喊 我们在外面打不开",
]

# someone climbing a facade toward the flats
CLIMBING_UP = [
    "阳台外面有个人在往上爬 我家在六楼",
    "有个男的顺着水管往上爬 已经到三楼了",
    "外墙上有人在爬 不知道要干嘛",
]

# hair pulled, someone dragged off
DRAGGED = [
    "店里收银台那个女的被一个男的拽着头发往外拖",
    "两个女的在大堂互相揪头发",
    "有个男的硬把一个小姑娘往车里拽",
]

# someone fallen down somewhere and not moving or answering
FALLEN_STILL = [
    "有人倒在了电梯口 一动不动",
    "一个大姐倒在楼梯上了",
    "前台那有人倒在了地上 叫不应",
]

# sheets and awnings torn up by the wind, a sheet fallen from a canopy
WIND_TEARS = [
    "我们店门口的遮阳棚被风掀起来了 铁架子一直在拍墙",
    "楼顶的彩钢板被风掀开了 在那哐哐响",
    "雨棚上掉下来一块铁皮",
]

# a car rolling away with nobody at the wheel
RUNAWAY_CAR = [
    "车库坡道有辆车溜下来了 没人开",
    "坡上那辆车自己在往下滑 车里没人",
    "停车场有辆车没拉手刹 自己溜出去了",
]

CALM_5 = [
    # buttons counted in a lift; rubbish or water poured out, no person fallen
    "电梯坏了半个月了 里面两个按钮不亮",
    "有人把垃圾倒在了消防通道",
    "门口的水倒在地上了 有点滑",
    # an awning to mend when there is time; a slope that may let cars roll
    "遮阳棚被风吹坏了 有空来修一下",
    "车库的坡太陡了 下雨天容易溜车 建议加防滑",
    # someone asleep, someone on the phone in a toilet, children playing
    "电梯门口有个人睡着了 是流浪汉吧",
    "大堂沙发上有个人睡着了 打呼噜很响",
    "门口长椅上有个大爷在睡觉",
    "卫生间有个人在里面打电话 半个小时了",
    "2楼女厕所有人在里面哭 好像是失恋了",
    "电梯里的小孩在喊着玩 按了所有楼层",
]

# someone crying in a toilet whose door will not open is still shut in
TOILET_SHUT = ["卫生间有人在里面哭 门打不开"]

# batch 6 probes that passed when first run
PROBES_URGENT_6 = [
    "我们整层楼突然全没电了 电脑都关机了",
    "店铺钥匙断在锁里了 门开不了 今天营业不了",
    "大量的水从消防栓那里冒出来",
    "我们这一排商铺都停电了 冷柜里的东西要坏了",
    "厨房里的燃气灶关了还有一股味",
    "开关一按就冒火",
    "楼顶水箱溢水 水顺着外墙往下淌",
    "铺子门口的地砖下面一直在冒水",
    "配电房里有很大的电流声 还有焦味",
    "停车场一辆车在冒烟 车主不在",
    "有个快递员被狗咬伤了腿在流血",
]

PROBES_CALM_6 = [
    "下周二整栋楼要停电检修吗",
    "楼上漏水 我家卫生间顶上有点湿",
    "阳台地漏返味",
    "我家燃气灶打不着火",
    "灯泡闪了一下就坏了",
    "楼下商铺的卷帘门每天早上拉起来声音太大",
    "昨天停电把冰箱里的东西都放坏了 能赔吗",
    "锁芯有点卡 钥匙要来回转几次",
    "水表箱里面有点积水",
    "上个月配电房冒烟的事查清楚原因了吗",
    "我的电动车充电桩不能用了",
    "消防栓的玻璃被小孩打碎了",
    "电梯里面的镜子碎了一块",
    "楼下的狗见人就叫 吓到我家孩子了",
]

# wet spreading over a floor (还在扩大, 还在蔓延)
WET_SPREADING = [
    "办公室地毯全湿了 不知道哪里来的水 还在扩大",
    "走廊地毯被水泡了一大片 还在往外扩",
    "会议室的地毯湿了一片 还在蔓延",
]

# a lift that opened off the level of the floor, someone inside
LIFT_OFF_LEVEL = [
    "电梯开门了但是比楼层低了一大截 有个老人不敢出来",
    "电梯门开了 但是没停平 里面有孩子",
    "电梯停的位置比地面高了一截 老人不敢下",
]

# an appliance on fire said with 着了
APPLIANCE_ALIGHT = [
    "二楼的排风扇着了",
    "厨房的微波炉着了",
    "充电器着了 冒火星",
]

# a ceiling come down onto a counter or a desk where people work
CEILING_ONTO_PEOPLE = [
    "店里的吊顶突然塌下来一大块 砸在收银台上",
    "办公室的天花板塌了一块 下面有人在上班",
    "吊顶砸下来了 砸到货架",
]

CALM_6 = [
    "地毯上有块污渍 洗不掉",
    "热水器打着了又灭 是不是坏了",
    "天花板有点掉灰",
    "卫生间吊顶有块板子掉下来了 有空来装一下",
    "天花板上有个洞 什么时候来补",
]

# batch 7 probes that passed when first run
PROBES_URGENT_7 = [
    "gas leak in the kitchen 好大味",
    "我们办公室的门禁坏了 门一直开着关不上 下班了没人",
    "商场扶梯突然反着走 好多人摔了",
    "电动车在楼道里充电 电池在冒白烟 滋滋响",
    "工地那边的塔吊在大风里晃得厉害",
    "餐厅后厨有个员工被热油烫伤了 手起泡了",
]

PROBES_CALM_7 = [
    "the aircon is too cold 能调一下吗",
    "电梯按钮被人用烟头烫坏了",
    "我家孩子在电梯里尿尿了 地上一滩",
    "会议室空调不制冷 下午有会 能快点来修吗",
    "保安大哥今天帮我搬了好重的箱子 太感谢了",
    "烟花爆竹能在小区里放吗",
    "卫生间的镜子上有裂纹 有空换一下",
    "门口有人发传单 很烦",
    "有个男的在小区里遛狗不牵绳",
    "消防演习的时候警报声太吵了",
    "大门的锁有点松 门可以锁 就是晃",
    "楼上吵架吵了一晚上 能不能管管",
    "邻居家的烟囱老往我家飘烟 熏得衣服都是味",
]

# things thrown or splashed at a shop or at people (往里扔, 泼油漆)
THROWN_AT = [
    "有个人一直在我们店门口骂人 还往里扔东西 店员都吓哭了",
    "有个人朝我们店里扔砖头",
    "有人往我家门上泼油漆 人还在楼道里",
]

# a quarrel with screams, a scream alone
SCREAMS = [
    "我家楼上好像有人在吵架摔东西 还有女的在尖叫",
    "隔壁两口子在吵架 女的一直在哭喊",
    "对门一直传来惨叫声 还有摔东西的声音",
]

# English for a shop shutter that will not close
SHUTTER = ["the shutter won't close 店要关门了", "roller shutter cant close 我们要下班了"]

# water over the wheels or the thighs
WATER_DEEP = ["地库入口的水已经没过车轮了 还在往里灌", "车库里的水快没过大腿了 还在涨"]

# someone who hurt themselves (砸到自己, 割到自己)
HURT_THEMSELVES = [
    "我在健身房 有人举重的时候砸到自己了 动不了",
    "师傅修卷帘门的时候夹到自己了 手出不来",
    "装修工人切东西割到自己了",
]

# drugs taken now; a man exposing himself
DRUGS_OR_EXPOSED = [
    "有人在车库里吸笑气 地上一堆气罐",
    "楼梯间有几个年轻人在吸气球 地上都是小钢瓶",
    "三楼有个男的光着身子在走廊里乱跑",
    "电梯里有个男的没穿衣服 一直对着女的",
    "楼下有个暴露狂 还在",
]

# come, some people: a bare call with a place
COME_PEOPLE = ["来个人 二单元门口 快", "来人 快 一楼大堂"]

# someone in a lift or a toilet who cannot get out, said with 没
NOT_OUT = ["电梯里有人没出来 门关上就不动了", "卫生间里面有个小孩没法开门"]

CALM_7 = [
    # things thrown into a drain or a bin
    "有人往下水道里扔东西 堵了",
    "垃圾桶里有人扔了一袋东西 好臭",
    # leaflets, salesmen, balloons
    "有人在电梯里贴小广告 还在贴",
    "有人在小区门口发传单 还在发",
    "楼下有人推销保健品 一直不走",
    "小孩在阳台吹气球 吵了一下午",
    # someone in a lift without a mask, a child pressing buttons
    "电梯里有个人没戴口罩 还抽烟",
    "电梯里有个小孩没大人看着 在按按钮",
]


URGENT = (PROBES_URGENT_4 + DOOR_LOCKED_ON_US + WATER_ON_RECORDS + LOST
          + PROBES_URGENT_5 + LIFT_TERSE + CALLING_FROM_INSIDE + CLIMBING_UP + DRAGGED + FALLEN_STILL
          + WIND_TEARS + RUNAWAY_CAR + TOILET_SHUT
          + PROBES_URGENT_6 + WET_SPREADING + LIFT_OFF_LEVEL + APPLIANCE_ALIGHT + CEILING_ONTO_PEOPLE
          + PROBES_URGENT_7 + THROWN_AT + SCREAMS + SHUTTER + WATER_DEEP + HURT_THEMSELVES + DRUGS_OR_EXPOSED
          + COME_PEOPLE + NOT_OUT)
CALM_ALL = (PROBES_CALM_4 + CALM_4 + PROBES_CALM_5 + CALM_5 + PROBES_CALM_6 + CALM_6
            + PROBES_CALM_7 + CALM_7)


@pytest.mark.parametrize("text", URGENT)
def test_unseen_reports_of_danger_now_are_urgent(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert nlp.classify(text).urgent is True


@pytest.mark.parametrize("text", CALM_ALL)
def test_unseen_look_alikes_stay_calm(rules, text):
    assert rules.classify(text).urgent is False, rules.classify(text)
    assert nlp.classify(text).urgent is False
