"""Issue 17, fresh probes of 6 Dec (urg batch 1): the classes the rules missed, each with
sibling wordings that must be urgent and calm look-alikes that must not. Urgent with the
rules alone and with the model."""

import pytest

import nlp

# knocked down (刮倒, 碰倒, 撞倒 after 被 ...), or on the ground moaning
KNOCKED_DOWN = [
    "停车场有个阿姨被一辆倒车的车刮倒了",
    "大爷被送货的推车碰倒了 在门口",
    "有个人躺在地上哼哼 不知道怎么了",
    "门口一个小孩坐在地上哭 腿上擦破了",
]

# something half come down, hanging overhead (掉了一边, 歪着挂在半空)
HALF_FALLEN = [
    "门口的招牌掉了一边 斜着吊在那里 底下都是人",
    "空调外机掉了一半 挂在外墙上晃",
    "中庭的灯箱一头脱了 歪着挂在半空",
]

# a bare wire out in the open, metal that gives shocks
BARE_WIRE_SHOCK = [
    "车棚的线露在外面 下着雨",
    "电表箱旁边有根线头露出来 小孩在旁边跑",
    "洗手池的水龙头带电 摸一下就麻",
    "冰柜外壳电人 店员不敢碰",
]

# someone peering into cars or windows, a ring of people demanding money
PRYING = [
    "地库有个人趴在车窗上往里瞧 一辆一辆看",
    "几个人在楼梯口堵着一个小孩 逼他拿钱 像在勒索",
]

# a fire said with 挺大, or the thing that is burning (垃圾桶着了)
FIRE_WORDS = ["楼下垃圾桶着了 烟挺大", "后厨油锅着了", "火挺大的 二楼仓库那边"]

# gas heard hissing at the meter, or smelt strongly
GAS = ["燃气表那边滋滋的响", "楼道里液化气的味道很冲"]

# water a metre deep, things floating
DEEP_WATER = ["车库积水有半米了", "地下室的箱子都漂起来了"]

# English in the middle of a Chinese message
ENGLISH = ["help 电梯停了 we're inside", "有人 is stealing 我的自行车 in 车棚", "电梯卡住了 i'm stuck"]

# batch 1, second wave: water that cannot be stopped (止不住, 关不住) or sprays (呲水, 滋水)
UNSTOPPABLE = ["水管漏水止不住 楼下也开始滴了", "接头那里漏得止不住 地上一大片", "马桶水箱的管子在呲水"]

# who is inside, said with 是 (里面是我老公); a lift that shot to the top
INSIDE_IS = ["电梯门打不开 里面是我婆婆", "卫生间门锁死了 里头是我闺女"]
LIFT_SHOT_UP = ["电梯一下子冲到顶楼 撞了一下就不动了"]

# someone else crying for help; a child or an old man lost
CRIES = ["车库里有人在喊救命", "隔壁屋里传来呼救 敲门没人开"]
LOST = ["孩子放学到现在都没回来 保安能看下大门监控吗", "小区门口有个老爷爷 问他住在哪说不清楚",
        "我外婆联系不上了 早上出门买菜的"]

# the glass of an outer wall cracked; something said to be about to come down
WALL_GLASS = ["外墙的瓷砖鼓起来了 下面是小区的路"]
ABOUT_TO_FALL = ["楼道天花板鼓了个包 看着要塌了"]

ENGLISH_FIRE = ["there is a fire 三楼东边"]

# batch 1, third wave: taken ill in other words (抽风, 喘不上气, 心脏不舒服), people named
# by kin or role (小妹, 叔叔, 阿伯)
TAKEN_ILL = ["有个小伙子在门口抽风了 吐白沫", "我婆婆胸闷 喘不上气 在一楼大厅", "阿伯在车库突然昏了过去",
             "我爷爷心脏难受 站不起来"]
# a pickpocket at work, someone climbing outside a window
THIEVES = ["有人正在掏顾客的包 就在收银台", "有个人在三楼阳台外面爬"]
# a gas alarm sounding
GAS_ALARM = ["厨房的燃气报警器响个不停"]
# a child out where cars drive; a hand that will not come back out
CHILD_ROAD = ["有个小朋友跑到马路中间去了", "孩子把脚伸进扶梯边上的缝里了 拔不回来"]
# a car under a fallen tree with someone maybe inside; a grille half come down
TREE_ON_CAR = ["树枝断了砸在车上 车里可能有人"]
GRILLE = ["五楼的防盗网脱了一半 挂在半空"]
# a quilt caught fire from a cigarette; a collapse with crumbs still falling
CIGARETTE_FIRE = ["有人扔烟头 把楼下的草坪点着了"]
COLLAPSE = ["吊顶塌了一大块 还在往下掉灰"]

# batch 1, fourth wave: a fall told otherwise (栽下去, not got up yet), a cut foot, blood on
# the floor, someone pressed under goods, a machine carrying a child up
FALLS_AND_CUTS = ["我爸在小区门口栽倒了 脸磕破了", "阿姨摔了以后一直没站起来", "脚被碎瓷片割破了 血印到处都是",
                  "柜子倒了砸在一个小朋友的腿上", "升降台把一个工人带上去了 下不来"]
# a fire as a ball of flame, set on purpose, catching
FIRE_MORE = ["垃圾房那边一团火", "有人在楼道里放火", "纸箱燃起来了 在后门"]
# a shop door smashed or left open when the tenant must leave; the whole mall dark
SHOP_OPEN = ["我们店的橱窗碎了 门也开着 我要下班了", "仓库的门敞开着 锁坏了 我今天走不了"]
MALL_DARK = ["整个商场停电了 顾客都在黑里摸"]
# glass from a high floor; a door kicked by people trying to get in; 有人困; water everywhere
HIGH_FALL = ["18楼有块玻璃掉下来了"]
KICKED_IN = ["有人在踹我家门 要闯进来"]
ENGLISH_MORE = ["电梯坏了 有人困", "水管裂了 喷得到处都是", "someone passed out 在电梯口"]

# batch 1, fifth wave: 梯困, a thief about (有贼, 抓小偷), a Cantonese fight (打交), someone
# fallen there (倒那了), shut inside (被关里面), a real case asked as a question
SHORT_AND_DIALECT = ["客梯困了", "仓库进贼了", "抓小偷啊", "两个后生仔喺门口打交", "有个阿伯倒这了 不动",
                     "冷库门坏了 师傅被锁里头"]
ASKED = ["请问一下 现在电梯里有人出不来 找谁"]

# batch 1, sixth wave: a row of shops dark, a shop that cannot open today, a door that will
# not hold with goods inside, a cold store without power, a gate that will not stop
CANNOT_OPERATE = ["这一排铺子全都没电了", "店里跳闸推不上去 今天没法开门营业", "库房门锁坏了 一推就开 里面都是货",
                  "冷冻库停电了 里面全是肉", "停电了 冰柜里的海鲜要坏", "卷帘门一直往下落 停不下来 下面有人"]
# water through a lamp, seepage growing, a lift between two floors, a pit left open
WATER_AND_LIFT = ["水从吊灯那里往下滴", "墙上渗水越渗越多 地板都泡了", "电梯停在5楼和6楼中间了",
                  "化粪池的盖子不见了 旁边有小孩"]
ENGLISH_WHO = ["someone is following me 在地库", "lift stuck my son inside"]

# batch 1, seventh wave: spreading (火蔓延, 烟越来越浓, 裂缝在变大, 水越积越多), someone up on a
# sign, children at the roof's edge, a power line down, petrol spilt, cleaner swallowed
SPREADING = ["火已经蔓延到走廊了", "楼梯间的烟越来越浓", "墙上的裂缝还在变大", "天花板里的水越积越多 随时要破"]
PEOPLE_AT_RISK = ["有个男的站在了楼顶边上", "天台上有两个小孩在边上跳", "宝宝不小心吞了一颗纽扣电池",
                  "我家孩子误喝了消毒水", "我儿子刚吞下一枚硬币 在咳"]
HAZARDS = ["电线被车挂断了 垂到地上", "车库里有人泼了汽油"]
# 不小心 (by accident) is no caution (小心, take care)
BY_ACCIDENT = ["我妈不小心摔倒了 头破了", "小孩不小心把手夹在门缝里了"]

# batch 1, eighth wave: poisoning (一氧化碳, 烧炭, 中毒), toxic gas (漏氨气), someone buried,
# a mirror or lamp bursting, glass in someone's face, someone exposing himself
POISON_AND_BURST = ["楼上邻居好像在烧炭", "有个员工中毒了 吐得厉害", "冷库漏氯气了", "挖沟塌了 工人被埋了",
                    "吊灯突然爆裂了", "碎片溅到一个小孩的脸上", "有个男的在车库露下体"]

# batch 1, ninth wave: a lift door that cannot be prised open (扒不开), someone running off
# without paying, a pipe that split (崩开), someone standing on a railing up high
NINTH = ["电梯门扒不开 我们三个在里面", "有个人拿了货不给钱就往外跑", "水管崩开了 往外喷水",
         "有个男的站在护栏上面 在5楼", "楼顶有人坐在栏杆上 腿在外面晃"]

# batch 1, tenth wave: the building swaying, a balcony or ceiling sinking, a sign about to fall
GIVING_WAY = ["整栋楼突然摇了一下 不像地震", "我家阳台在往下沉", "吊顶往下塌陷了一块", "店门口的招牌摇摇欲坠"]

URGENT = (GIVING_WAY + NINTH + POISON_AND_BURST + SPREADING + PEOPLE_AT_RISK + HAZARDS + BY_ACCIDENT + CANNOT_OPERATE + WATER_AND_LIFT + ENGLISH_WHO + SHORT_AND_DIALECT + ASKED + FALLS_AND_CUTS + FIRE_MORE + SHOP_OPEN + MALL_DARK + HIGH_FALL + KICKED_IN + ENGLISH_MORE + TAKEN_ILL + THIEVES + GAS_ALARM + CHILD_ROAD + TREE_ON_CAR + GRILLE + CIGARETTE_FIRE + COLLAPSE
          + KNOCKED_DOWN + HALF_FALLEN + BARE_WIRE_SHOCK + PRYING + FIRE_WORDS + GAS + DEEP_WATER + ENGLISH
          + UNSTOPPABLE + INSIDE_IS + LIFT_SHOT_UP + CRIES + LOST + WALL_GLASS + ABOUT_TO_FALL + ENGLISH_FIRE)

CALM = [
    # 灯泡 and 气泡 are no soaking, hurry about a bulb is impatience
    "快点 楼道的灯泡坏了",
    "灯泡在闪 换一下",
    "饮水机一直冒气泡 正常吗",
    # figures of speech: hot or angry enough to burn
    "今天晒得要冒烟了",
    "急得我嗓子冒烟 你们客服电话一直占线",
    "这天热得快着火了 空调开大点",
    # a network cable in sight, a cabinet that will not lock
    "网线露在外面 能不能藏一下",
    "更衣柜锁不上 钥匙拧不动",
    "快递柜的门关不上",
    # a loose sign with no danger said, a shallow puddle, a curtain that came down
    "门口的牌子有点旧 建议换一下",
    "车库有点积水 两厘米左右",
    "窗帘掉了一边 不急",
    # someone sitting on the floor to play, a fee that is high
    "小朋友坐在地上玩积木",
    "燃气费怎么这么贵",
    # the batteries of a remote, peering to see a delivery
    "遥控器带电池吗",
    "我趴在窗户上往外看 快递到了没",
    # a drip, a child not home yet, a game's cries, things inside, a drill
    "水龙头关不住 一直滴答",
    "我儿子还没回来 你们几点关门",
    "楼上小孩玩游戏一直喊救命 吵死了",
    "隔壁看电视声音太大 一直有人喊救命",
    "里面是我的货 卷帘门打不开 有空来修",
    "there is a fire drill 几点开始",
    # someone trying car doors with nothing said to be now (the authored labels: suspicious)
    "车库有个人挨个拉车门",
    # a fan called 抽风机, a hot room, a warning about thieves, a flat alarm battery
    "厕所的抽风机坏了",
    "空调不制冷 热得喘不过气",
    "商场里要小心扒手",
    "燃气报警器的电池没电了 一直滴滴叫",
    # a child cycling on the estate's road, a boss in his office, smoking on the stairs
    "小孩在小区车道上骑自行车 太危险了",
    "老板在里面 你等一下",
    "有人在楼道抽烟 烟头乱扔",
    # a car blocked in, plaster crumbs
    "车被堵住了 出不去 快来挪车",
    "墙皮一直往下掉渣",
    # a tyre or a car scratched, blood seen once, a phone call, a door left open at night
    "我的车胎被人扎了",
    "车被人划了一道",
    "门口有血迹 不知道谁的",
    "我还没站起来 电话就挂了",
    "单元门开着 晚上不安全",
    # a fire long over; someone tired (困); a window on a high floor that sticks
    "昨天那场大火 烧了好几家",
    "加班到现在 有人困了想回家",
    "18楼的窗户有点难关",
    # dealings (打交道), a hypothetical question, rubbish dumped there (我把 is no 我爸)
    "要跟你们打交道真难",
    "他跟我打交情",
    "请问电梯困人了应该打什么电话",
    "我把垃圾倒那了",
    "小区最近有贼 大家小心",
    # a planned cut asked about, a gate that sometimes sticks, keys left inside at home
    "请问明天停电吗 我店里有冻品",
    "伸缩门有时候停不下来 要手动按",
    "钥匙在屋里 没法开门",
    "上次停电我们店一天没法营业 要赔偿",
    # a stair light between floors, a bin lid, a tap that will not close
    "3楼和4楼中间的楼梯灯坏了",
    "垃圾桶盖子没了",
    "水龙头关不住 晚上一直滴",
    # a worker on the roof, a misunderstanding, a takeaway eaten, filling up, a crack asked about
    "师傅爬到屋顶上修太阳能",
    "孩子误会了 不是他弄的",
    "他误吃了我的外卖",
    "把汽油倒进车里",
    "裂缝在变大吗 上次说会看",
    "地滑 小心摔倒",
    # a computer virus, a chemicals warehouse to let, a sting the labels call a pest matter
    "电脑中毒了",
    "化学品仓库能租吗",
    "被蚊子蛰了一下",
    "水溅到我脸上了 保洁拖地太猛",
    # a bird or a pigeon on a railing, washing on a railing, a diner who left long ago
    "小鸟站在栏杆上",
    "天台上有只鸽子 站在栏杆上",
    "衣服晾在栏杆上",
    "吃饭不给钱就跑了 昨天的事",
    # noise that shakes the building, a floor settling, load-bearing walls and hot machine rooms
    # (the authored labels keep a wall knocked through and a hot server room calm)
    "楼上装修 整栋楼都在震 吵死了",
    "地板有点下沉 不急",
    "可以拆承重墙吗",
    "楼下那户在拆承重墙 你们知道吗",
    "机房的温度有点高 下午来看看",
    # a machine that swallows coins endangers nobody: swallowing needs a person before it
    "售货机吞了我的硬币",
    "停车场的缴费机吞了硬币 不出票",
]


@pytest.mark.parametrize("text", URGENT)
def test_unseen_reports_of_danger_now_are_urgent(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert nlp.classify(text).urgent is True


@pytest.mark.parametrize("text", CALM)
def test_unseen_look_alikes_stay_calm(rules, text):
    assert rules.classify(text).urgent is False, rules.classify(text)
    assert nlp.classify(text).urgent is False
