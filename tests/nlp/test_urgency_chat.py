"""Issue 17's classes of misses, in chat wordings of our own written before running them:
people trapped said without 困人, security trouble happening now, heat or burning at
electrical equipment, a moving machine catching someone, a shop that cannot be locked,
water on goods right now or spreading, someone at a roof edge, a lift running with its
door open, bare calls for help; and their calm look-alikes (past events,
things fixed, suggestions, negations, slow seepage, dirt, bins, peeling paint)."""

import pytest

import nlp

TRAPPED = [
    "b座电梯不动了 里面还有人",
    "电梯门打不开了 我妈在里面",
    "楼梯间的防火门推不开 我们几个出不去了",
    "地下室的门自己锁上了 老公在里面",
    "公共厕所门把手掉了 有个小孩在里面开不了门",
    "电梯卡住不动 里头有三个人 打电话没人接",
    "货梯停了 人在里边 门开不开",
    "电梯停在3楼半 门卡死了 我同事在里面喊",
    "有人在电梯里拍门 喊了好久没人来",
    "机房门关上了 我们维修工被关在里边",
    "电题停了 我们在里面出不去",
    "店梯门打不开 有人在里面",
    "电梯掉了一下就不动了 我在里面很害怕",
    "我家宝宝在电梯里 电梯门关上就走了 我在外面",
    "电梯里有人在喊救命",
    "我老婆在电梯里出不来了",
    "电梯不动了 我们被关住了",
    "小孩被锁在车里了 车在b2",
    "货梯停电了 灯也灭了 里面黑乎乎的有两个送货员",
    "写字楼的电梯卡在半截 我同事刚进去",
    "客梯到了一楼也不开门 我们几个在里面等了半天",
]

SECURITY_NOW = [
    "停车场两个人扭打在一起了",
    "大堂有人吵着吵着打了起来 有人流鼻血了",
    "门口有个人满脸是血",
    "有人砸了我的车窗 人还没走",
    "车库有个人挨个拉车门 现在还在",
    "有个男的在女厕所门口站了好久 鬼鬼祟祟的",
    "店里进小偷了 人还在里面",
    "有人拿着刀在小区里晃",
    "两个外卖小哥在门口打成一团",
    "楼下有个男的在打老婆",
    "有个人手被玻璃割破了 一直在流",
    "快叫保安 有人在店里偷东西",
    "一个可疑的人在车库转了半天 还在那",
    "车库有人达架了",
    "有个人在商场里追着别人打",
    "有人在地库抢东西",
    "门口有人拿砖头砸人",
    "两个保安跟人打起来了",
    "有人被车撞了 躺在地上",
    "楼梯上有个老人摔了一跤 头磕破了",
    "有个男的在电梯里对女孩动手动脚",
    "车库有人在偷车",
    "我家门被人撬了 东西都没了 小偷可能还在楼里",
    # done to a shop or a car, and the people who did it are still there
    "我们店被人砸了 那几个人还没走",
    "橱窗让人砸了 人还在门口骂",
    "有人在停车场偷偷撬车门",
    "地库有个人蹲着撬车窗",
    "车库b2有个男的一直在试着开别人的车门",
    "停车场有人挨个拽人家的车门 现在还在",
    "有个男的拎着一把菜刀在大堂里骂人",
    "停车场两拨人吵着吵着有人抄家伙了",
    "有个男的抢了一个大妈的手提包 往地库跑了",
]

HEAT_SMOKE = [
    "配电箱摸上去很烫 还有一股怪味",
    "插座那里有股烧焦的味道",
    "电表箱在冒烟",
    "空调插头烧黑了",
    "走廊电箱里啪啪响 还有烧东西的味道",
    "电梯机房里一股焦味",
    "灯泡炸了 冒火花",
    "排插烫得不行 闻到糊味",
    "开关面板发黑 有焦味",
    "电线外皮都化了",
    "配电房里面滋滋的放电",
    "变压器那边嗡嗡响 还冒烟",
    "电缆井里有烟冒出来",
    "三楼着活了 好大的烟",
    "电箱冒言了",
    "配电室里面有火光",
    "电动车在楼道充电 冒烟了",
    "插座烧了 有火苗",
    "走廊里全是烟",
    "空调外机着了",
    "厨房燃气泄漏 好大的味",
    "有人在厕所抽烟把垃圾桶点着了",
    "烟头扔进了纸箱堆 纸箱烧起来了",
    "吊顶里的灯冒出一股青烟",
    "插线板那里冒出好多白烟",
]

MACHINE_CATCHES = [
    "扶梯把小孩的手卷进去了",
    "电梯门夹到人了",
    "孩子的手指卡在扶梯缝里了",
    "卷帘门落下来压到人了",
    "自动门把老太太撞倒了",
    "小朋友的脚被扶梯夹住了 拔不出来",
    "旋转门把一个孩子挤住了",
    "升降杆打到行人的头了",
    "孩子的头发被卷进扶梯里了",
    "电动门关的时候夹到我儿子了",
    "扶梯吃鞋了 小孩在哭",
    "扶梯把人的裤子卷进去了",
    "自动门关门的时候夹住了小孩的胳膊",
    "道闸杆把一个骑车的人打下来了",
]

CANNOT_LOCK = [
    "店里卷帘门坏了 放不下来 今晚没法锁门",
    "仓库门锁坏了 锁不上 里面都是货",
    "铺子的门关不上 要打烊了",
    "卷闸门卡住了 一半上一半下 店锁不了",
    "店门的锁芯坏了 钥匙插不进去 锁不了门",
    "商铺大门合不拢 晚上不敢走",
    "玻璃门锁扣断了 店里没法锁",
    "要关店了 卷帘门遥控没反应 门下不来",
    "仓库门关不上 里面都是货 今晚没法走",
    "卷帘门坏了一半 关不下来 店里东西怎么办",
    "店门口的卷闸门关到一半就卡住了 里面全是货 没法走",
]

WATER_NOW = [
    "楼上漏水漏到我们货上了",
    "水从天花板往下滴 货架上全是水",
    "仓库顶漏雨 箱子都湿了",
    "水管破了 水流到办公室了 文件都泡了",
    "空调漏水滴在电脑上",
    "下水道堵了 污水漫进店里了",
    "楼上的水一直往下流 我店里的衣服都湿了",
    "消防水管漏了 水往配电箱里流",
    "漏水把我们的纸箱子弄湿了 还在漏",
    "柜台上面一直滴水 下面是收银机",
    "厕所水管断了 水哗哗的流 已经流到走廊了",
    "楼上漏水 我们的衣服全泡了",
    "水从墙里冒出来 地上好多水 设备都在地上",
    "吊顶的水往下灌 电脑都湿了",
    "卫生间水管爆了 到处都是水",
    "地下室进水了 水已经到脚踝了",
    "水龙头关不住了 水都流进仓库 纸箱全湿了",
    "暴雨把橱窗玻璃打碎了 雨水直接灌进店里",
    "楼上漏下来的水一直滴在我们的衣服上",
]

SPREADING = [
    "马桶堵了 脏水漫到卧室了",
    "地漏往上冒污水 已经流进过道了",
    "消防栓漏水 水都淌到电梯口了",
    "下水道反上来的水流进店里了",
    "喷淋头爆了 水柱喷得到处都是",
    "水管接口松了 一直往外喷",
    "整个仓库都是水 像下雨一样",
]

AT_THE_EDGE = [
    "天台边上站着一个人 情绪很激动",
    "有个女的坐在楼顶边缘 一直在哭",
    "有个小孩爬到窗台外面了",
    "楼顶有人要往下跳",
]

# someone collapsed, or hurt by a machine or a person, or water reaching what it harms
MORE_DANGERS = [
    "有人在车库倒下了 怎么叫都叫不醒",
    "我老公刚才在店里晕倒了 现在没有意识",
    "保安亭里的大哥突然休克了",
    "货梯卡住了 按什么都没用 里面只有我们两个搬运工",
    "地库里有人用钥匙划车 现在还在划",
    "自动门把一个送快递的小哥撞倒了 起来腿一瘸一拐",
    "楼上漏水正好滴到我们的电箱上",
    "水漫进店里 展厅的沙发都泡湿了 水还在涨",
    "隔壁的水渗过来 我们仓库的纸箱都泡了 还在往里渗",
    "服装店试衣间的镜子突然碎了 划伤了顾客",
    "停车场的道闸杆落下来砸到一个骑电动车的",
    "一只大黄狗在车库咬了一个小孩",
    "仓库里的清洁剂洒了 好几个人开始恶心想吐",
    "三号梯门开着 里面没有轿厢 黑洞洞的",
    "工地的吊篮一直在晃 下面就是我们店门口",
    "有个工人掉进检修井了 喊不应",
    "广场的喷水池里有个小孩掉进去了",
    "配电间旁边的锅炉砰的一声 然后一直冒蒸汽",
    "大风把三楼的窗扇吹掉了 另外半扇还挂在上面",
    "堆高的纸箱塌了 压住了一个店员",
]

# something fell and nearly hit a person: what is left up there may follow
NEAR_MISS = [
    "中庭顶上掉下来一块玻璃 差点砸到一个小孩",
    "招牌的一角掉了 幸好没砸到路人",
    "二楼走廊的扣板掉下来 差一点砸中顾客",
    "外墙有块瓷砖掉下来了 还好没砸到人",
    "楼上掉了个花盆下来 险些砸到我同事",
    "楼上掉下来一块瓷砖 差一点就砸到行人",
]

# something broke or fell and more may follow onto people: hanging overhead, on power lines,
# an open manhole, or said to be dangerous
# a child beside a window or balcony that will not hold, high up
FALL_RISK = [
    "儿童房的窗户限位器坏了 窗子能推到底 我们住12楼 家里有个三岁小孩",
    "阳台护栏松了 住在15层 孩子老爱趴在上面",
    "小孩在阳台玩 护栏有一截断了",
]

STILL_HANGING = [
    "大堂吊顶塌了一角 还有一块吊在上面晃",
    "广告牌歪了 悬在门口人行道上方",
    "大风把树吹断了 压在电线上",
    "商场门口的井盖不见了 一个大洞",
    "二楼连廊的玻璃护栏裂了 太危险了",
    # heavy things mounted overhead that are about to come down
    "一楼大厅的吊灯摇摇晃晃的 快掉了 下面全是顾客",
    "外墙的广告牌被风吹得快掉下来了",
    "门头招牌松了一边 随时会掉",
    "空调外机的架子锈了 外机在往下掉",
]

LIFT_RUNS_OPEN = [
    "电梯门还开着就往下走了",
    "货梯没关门就上去了 差点把人带上去",
    "电梯门没关上就开始运行 里面有人",
    "扶梯突然倒着走 上面全是人",
    "客梯刚才突然往下掉了一截 里面的人吓坏了",
]

VOICE_TYPED = [
    "电梯里有人被昆了",
    "三楼楼道着伙了",
    "插座漏店了 摸着麻",
    "配电箱冒眼了",
    "楼上爆管了 水往下惯",
    "仓库近水了 货都泡了",
    "有个老人晕到了",
    "电梯把小孩夹主了",
    "有人在偷车 快叫保按",
    "电题卡在半空了 里面有人",
    "燃气泄露了 好大的味",
    "卷帘门锁不上 今晚没法关点",
    "商铺卷帘门所不上 晚上走不了",
    "有人流学了 头破了",
    "厕所里有人昏到了",
]

CALL_FOR_HELP = [
    "快来人啊",
    "救命啊 二楼",
    "快叫保安来 b1车库",
    "赶紧来几个人 一楼",
    "有没有人 快来帮忙",
    "保安呢 快点过来",
    "三楼出事了 快叫保安",
    "出大事了",
    "救命 有人晕倒了",
    "快来人 电梯里有人晕倒",
    "快来 有人打架",
    "有人在跳楼",
]

CALM = [
    # past events and questions about them
    "上周车库有人打架 有没有查到是谁",
    "前几天配电房冒烟的事处理了吗",
    "之前楼上漏水把我家货泡了 赔偿谈得怎么样了",
    "昨天电梯有人被关在里面 后来怎么处理的",
    "问一下上次被偷的电动车找到了吗",
    # fixed, negated, suggested
    "电梯已经修好了 现在正常了 谢谢",
    "插座不通电了 没有冒烟 也没闻到味道",
    "建议扶梯旁边贴个提示 注意别让小孩把手伸进去",
    "希望物业在车库多安排几个保安巡逻",
    # slow seepage and old stains
    "卫生间墙角一直有点潮 像是渗水",
    "天花板上有一圈黄色的水印",
    "窗台下面的墙发霉了",
    # dirt, bins, paint
    "三楼女厕所太脏了 没人管",
    "厕所马桶堵了 好臭",
    "垃圾桶满了 好几天没人倒",
    "垃圾都堆到门口了 苍蝇很多",
    "楼道墙面掉漆 一块一块的",
    "大门的油漆都剥落了",
    # look-alike words without the danger
    "洗手池的热水龙头出水烫手",
    "手机充电器有点热 正常吗",
    "门锁有点不好用 要拧好几下",
    "卷帘门开关的时候咯吱咯吱响",
    "电梯里有人抽烟 一股烟味",
    "办公室空调太热了 闷死了",
    "停车场的灯坏了好几盏 有点黑",
    "门口的地毯湿了 能换一个吗",
    "我家孩子在里面上课 几点下课",
    "楼上装修砸墙 吵死了",
    "阳台的花盆被风吹倒了 土撒了一地",
    "楼顶天台的门没锁 能不能锁一下",
    "电梯门关得慢 要等好久才走",
    "天台上堆了很多纸箱和泡沫",
    "草坪的喷头一直在喷 浪费水",
    "楼下有人坐在花坛边上聊天",
    "电梯经常坏 上次困了半小时",
    "楼道灯坏了 晚上很黑",
    "有点漏水 不严重",
    "配电箱门没关 建议锁上",
    "车库的监控是坏的吗",
    "空调有股霉味",
    "下雨天窗户有点渗水",
    "扶梯有点异响",
    "厕所地上有水 很滑",
    # who answers for an accident that has not happened
    "物业晚上没人值班 出事了找谁啊",
    "车库灯都不亮 出事了谁负责",
    # nearly hit my own foot at home is a repair
    "厨房墙砖掉了一块 差点砸到我脚",
    # robbery as a figure of speech about a bill; a fall that has happened before
    "物业费涨这么多 简直抢钱",
    "停车一小时收二十 你们抢钱啊",
    "门口台阶有块砖松了 好几个人绊倒过",
    # a smell gone with the plug, the only one in a working lift, a damp patch
    "风扇开着有点焦味 拔了插头就没了",
    "电梯超载铃老是乱响 明明里面就我一个人",
    "墙角有点渗水 湿了一小块",
    # a window that will not shut, and no one at risk
    "我家18楼的窗户关不严 有点漏风",
    # water running where it harms nothing: a repair
    "茶水间的水龙头拧不紧 一直流",
    "花园浇花的龙头坏了 水一直流",
    "厨房地漏返水 有点臭",
    # fallen, and lying on the ground: a repair
    "花坛边的矮墙塌了一截 砖散在草地上",
    "台风把门口的小树吹歪了",
    "储物间的隔板掉下来了",
    # found afterwards: a police report, not a dispatch
    "店门口的橱窗昨晚被人砸了 早上才发现",
    "吊灯不亮了 换个灯泡",
    "招牌的灯坏了两个字",
    "楼道墙角的铁皮翘起来了 容易划伤人",
    "有人在楼梯间抽烟 烟味很大",
    "蚊子太多了 晚上一直咬人",
    "窗户关不严 下大雨的时候雨会灌进来一点",
    "昨晚有辆车开得飞快 差点撞到人",
    "手机掉进水池里了 能帮忙捞一下吗",
    "钥匙不小心掉进下水道的井里了",
    "前年台风把招牌吹掉过 今年要不要加固一下",
    "我家孩子在扶梯上摔了一跤 人没事 想提醒一下扶手太滑",
    "卷帘门拉到一半卡住了 不急 明天来修就行",
    "电梯有时候停得不太准 差一点点才平层",
]


@pytest.mark.parametrize(
    "text",
    TRAPPED + SECURITY_NOW + HEAT_SMOKE + MACHINE_CATCHES + CANNOT_LOCK + WATER_NOW + SPREADING + AT_THE_EDGE
    + LIFT_RUNS_OPEN + NEAR_MISS + STILL_HANGING + FALL_RISK + MORE_DANGERS + VOICE_TYPED + CALL_FOR_HELP,
)
def test_chat_reports_of_danger_now_are_urgent_with_the_rules_alone(rules, text):
    result = rules.classify(text)
    assert result.urgent is True, result
    assert result.intent in ("repair", "complaint")


@pytest.mark.parametrize("text", CALM)
def test_chat_look_alikes_and_past_events_are_not_urgent(rules, text):
    assert rules.classify(text).urgent is False, rules.classify(text)
    assert nlp.classify(text).urgent is False


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("货梯停了不动 里面有两个搬运工在使劲敲门", "ENG-LIFT"),
        ("电梯卡住了半天 里头有个抱孩子的阿姨", "ENG-LIFT"),
        ("我被自动门夹在中间了 出不去", "ENG-DOOR"),
        ("有人在踹我们仓库的门 听声音还没走", "SEC-SAFE"),
        ("配电箱后面的电线被老鼠啃了 一直在冒火花", "ENG-ELEC"),
    ],
)
def test_danger_now_in_other_words_is_urgent(rules, text, code):
    result = rules.classify(text)
    assert (result.urgent, result.code) == (True, code), result
