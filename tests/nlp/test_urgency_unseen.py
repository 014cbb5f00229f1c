"""Issue 17, fresh probes of a later session: chat wordings written before they were run
(the first of each group), then sibling wordings of the class each miss belonged to, and
calm look-alikes that must stay calm. Urgent with the rules alone and with the model."""

import pytest

import nlp

# probes that passed when first run: kept so that no later change loses them
PROBES_URGENT = [
    "会议室门把手整个掉下来了 里面还有三个人在开会 从里面打不开",
    "楼梯间的防火门自己关上了 我妈在里面拍了半天没人听见",
    "地下车库有两个人在撬车窗 我躲在车里不敢出来",
    "配电柜后面吱吱响 还有股塑料烧起来的味道",
    "我们店的卷帘门拉到一半卡死了 今晚没法关店",
    "楼上水管崩开了 水从我们天花板灌下来 电脑全湿了",
    "健身房跑步机把一个小孩的手卷进去了",
    "门口那棵大树歪了靠在我们楼的墙上 风还在刮",
    "有个小伙子在地库里被车撞了 躺着不动",
    "仓库屋顶漏雨 正好滴在一排纸箱上 都湿透了",
    "扶梯把我儿子的鞋带绞进去了 拽不出来",
    "机房空调外机那冒火星子 啪啪响",
]

PROBES_CALM = [
    "办公室门把手掉了 人都下班了 明天来装一下就行",
    "卫生间天花板有一块黄色的旧水印 很久了",
    "空调管子那里一直慢慢在滴 接了个桶",
    "上周电梯困人那次后来修好了吗",
    "建议地库出口装个凸面镜 老是差点撞到人",
    "垃圾桶都满出来了 快点来收一下 好臭",
    "女厕所太脏了 赶紧派人来打扫",
    "楼道墙皮一块一块往下掉",
    "楼上装修电钻一直响 赶紧管管 吵死了",
    "消防栓旁边的灭火器过期了 提醒一下",
    "门禁卡刷不开了 能重新办一张吗",
    "昨晚停车场有人打架 今天地上还有血迹 监控能查吗",
    "阳台玻璃上有条小裂缝 不影响用 有空来看看",
    "请问商铺晚上几点必须拉卷帘门",
    "洗手间的水龙头有点滴水 关不太紧",
]

# a call to send someone at once, no fault named
SEND_SOMEONE = [
    "快点派个人来一楼大厅 求你们了",
    "赶快派两个人到b2来",
    "立刻找个人来3楼",
    "麻烦马上来个人 8楼茶水间",
]

# 天然气 voice-typed, its last sound glued by jieba to the next word (田然 气管)
GAS_MISHEARD = [
    "厨房田然气管子那边有很大的味道",
    "我家天然汽管子那里嘶嘶响 味道很冲",
    "闻到一股很重的煤起味 在二楼走廊",
]

# a stranger trying one door after another, still around
TRYING_DOORS = [
    "公寓走廊有个男的挨个试着开各家的门 现在还在五楼",
    "有个陌生人在一户一户拧门把手",
    "有个人在走廊挨家挨户推门 看哪家没锁",
    "监控里看到一个人一间一间拉办公室的门 现在在三楼",
    "有个男的在拧隔壁家的门 我在猫眼里看到的",
]

# a drunk who is hurt or does not respond
DRUNK_HURT = [
    "门口那个喝醉的人头磕破了 一直在流血",
    "喝醉的那个人躺在门口 怎么推都没反应",
    "有个醉汉倒在楼梯口 叫了半天也没反应",
]

# a tree leaning on or toward a building
TREE_LEANING = [
    "小区那棵老槐树往我们楼这边倒 树枝都顶到窗户了",
    "台风把楼下的大树刮得斜靠在三楼阳台上",
]

CALM = [
    # a drunk sleeping or sitting it off, unhurt
    "门口躺着个喝醉的人 在睡觉打呼噜 麻烦让他走",
    "楼道里有个喝醉的大叔在打鼾 让他回家吧",
    "有个喝多的人睡在大门口 麻烦保安来劝一下",
    "单元门口坐着个醉鬼 一身酒气 让他挪个地方",
    # someone to send when there is time; staff going door to door
    "有空的话派个人来看看 不急",
    "物业的师傅挨个开门查燃气表 什么时候到我们家",
    "明天物业挨家挨户检查门窗吗",
    # a small tree a little crooked
    "门口的小树有点歪 有空扶一下",
]

# batch 2 probes that passed when first run
PROBES_URGENT_2 = [
    "隔壁奶茶店漏水 顺着墙流到我们店里 地上的奶粉袋子全湿了",
    "商场三楼的排烟口在往外冒焦味",
    "我们公司大门关不上 晚上整层没人 电脑都在",
    "地下室配电箱那里在往外滋水",
    "热水器那边嘶嘶漏气 闻着像燃气",
    "有两个人在店门口抢一个女生的包",
    "儿童乐园的滑梯有个孩子刚从上面摔下来 哭个不停",
]

PROBES_CALM_2 = [
    "楼下奶茶店的排风口老往我们这边吹油烟",
    "电梯里的按钮有个不亮了 其他正常",
    "厕所隔间的门锁坏了 从里面锁不上",
    "去年冬天水管冻裂过一次 今年要不要提前包一下",
    "天花板上那块水渍又大了一点 不过没滴",
    "隔壁店装修砸墙 声音大得吓人 快来管管",
    "昨天电梯门夹了我一下 手到现在还疼 你们要检查一下",
    "建议在游泳池边加个救生员 小孩太多了",
    "阳台上的花盆被风吹倒了 碎了一地",
    "门口地垫卷起来了 差点绊倒",
    "车库出口的减速带掉了一块 车开过去咣咣响",
    "楼道灯坏了 晚上黑乎乎的 吓人",
]

# a door fastened from outside on someone (反扣, 从外面插上)
FASTENED_FROM_OUTSIDE = [
    "我在地下二层楼梯间 门从外面被人反扣上了 手机快没电了",
    "储藏室的门被人从外边插上了 我在里面",
    "我家保姆把我反扣在卫生间了",
]

# a weapon held, with a counting word before it (一根铁棍)
WEAPON_COUNTED = [
    "前台那个男的拿着一根铁棍在吼 说要找老板",
    "门口有个人举着一把菜刀在骂人",
    "有个男的抄起一块砖头要砸车",
    "两个人拎着几根钢管进了地库",
]

# a head or a hand that went in and cannot be pulled out
BODY_STUCK = [
    "有个小孩把头伸进栏杆里拔不出来了 哭得厉害",
    "小朋友的手伸进自动售货机的口子里抽不出来了",
    "孩子的脑袋卡在阳台护栏中间了",
]

# someone going under in the water, no 掉 or 落水 said
GOING_UNDER = [
    "游泳池那边一个老人沉下去了",
    "泳池里有个小孩在水里扑腾 好像不会游",
    "深水区有个人沉下去半天没上来",
]

# signs of a body giving way: a hand on the chest, lips turning blue, fainted somewhere
SIGNS_OF_ILLNESS = [
    "店里有个顾客突然捂着胸口蹲下去了 脸色发白",
    "有个大爷坐在大堂椅子上说胸口疼 喘不上来",
    "我同事突然嘴唇发紫 说不出话",
    "有人晕在三楼女厕所隔间里 敲门也不开",
    "我妈晕在电梯口了",
    "有个保洁阿姨昏在楼梯间",
]

# a lock being cut or sawn through by someone
LOCK_CUT = [
    "一个穿黑衣服的人在楼下车棚里拿钳子剪锁",
    "车棚那边有个人在锯别人电动车的锁",
    "有人拿大剪刀把我的车锁剪断了 人刚跑",
]

# smoke filling a corridor, said as haze
HAZE_INDOORS = [
    "烟感一直在叫 走廊里雾蒙蒙的看不清",
    "楼道里烟雾弥漫的 不知道哪家",
    "三楼走廊雾蒙蒙的 一股呛人的味",
]

# a unit or a sign hanging by its bracket, swinging
HANGING_LOOSE = [
    "空调外机架子断了一边 整个机子吊在外面晃",
    "外墙上那块广告牌的螺丝松了 半边挂在那里晃",
    "空调支架锈断了 外机歪在墙上",
]

CALM_2 = [
    # a car blocking a lane, someone to send for an errand (被电动车 is no 被电)
    "门口消防通道被电动车堵了 快点叫人挪一下",
    "赶紧叫人来把门口的垃圾清理一下",
    "快叫人把楼道的纸箱搬走",
    # trouble already taken away by the guards or the police
    "楼下那个醉汉已经被保安带走了",
    "刚才闹事的人警察已经抓走了",
    "门口那个醉鬼被民警带走了",
    # a lock cut on request; a phone, not a hand, that cannot be got out; a sinking floor
    "我的车钥匙丢了 能帮我把车锁剪了吗",
    "手机掉进电梯缝里拿不出来了",
    "我家地板有一块沉下去了",
    "晾衣架的螺丝松了 有空来拧一下",
    # haze outdoors is the weather
    "外面雾蒙蒙的 今天空气好差",
]

# batch 3 probes that passed when first run
PROBES_URGENT_3 = [
    "我被卡在旋转门里了 门不转了",
    "隔壁铺子半夜卷帘门被撬开了一半 里面灯亮着",
    "办公室饮水机漏电 刚才同事碰了一下被麻到了",
    "我们店的冷库门从里面打不开 厨师在里面",
    "三号楼有户人家阳台上一直往外冒黑烟 家里好像没人",
    "有只大狗在小区里乱咬人 已经咬了两个了",
    "我们公司门口的台阶塌了一块 有人踩空摔了",
    "楼上邻居家水漫出来了 顺着楼梯往下流",
    "插座那里有股塑料味 摸着很烫",
    "冷冻柜不制冷了 里面的海鲜都要化了",
    "电梯门一直开开关关 已经夹了好几个人了",
]

PROBES_CALM_3 = [
    "楼上的小孩每天晚上跑来跑去 吵得睡不着 快点管管",
    "健身房的跑步机坏了 皮带跑偏",
    "上次那个漏电的插座修好了吗",
    "电梯广告屏太亮了 晃眼睛",
    "空调滴水滴在我们门口的地垫上",
    "快递柜的门夹住了我的包裹 打不开",
    "垃圾站旁边的下水道反水 味道很大",
    "你们能帮我叫个开锁师傅吗 我钥匙锁屋里了",
    "车位上方的管道一直滴水 滴在我车上 都是水垢印子",
    "楼下烧烤店的烟飘到我们家 呛死了",
    "昨晚电梯里有人吵架动手 今天看见保安了 问下后续",
    "门口台阶有点滑 下雨天容易摔",
    "我想问问游泳池有没有救生员",
    "店门口的广告牌灯不亮了",
]

# glass or tiles high on a facade cracked or bulging, people below
FACADE_OVER_PEOPLE = [
    "我们写字楼十二楼的玻璃幕墙裂了一大块 风一吹就响 下面是广场",
    "商场外面的玻璃幕墙碎了一块 玻璃还挂在上面 下面人来人往",
    "十几楼的外墙砖鼓起来了 下面是小区大门",
]

# heavy things thrown down from above, or landing beside someone
THROWN_DOWN = [
    "楼上有人一直往下扔东西 刚才一个酒瓶子摔在我脚边",
    "有人从楼上往下砸砖头 就在单元门口",
    "不知道谁从阳台扔了个花盆下来 砸在我们旁边",
]

# a smell of rotten eggs, no drain or rubbish named: gas
ROTTEN_EGGS = [
    "楼道里有一股臭鸡蛋味 很冲 不知道哪家的",
    "电梯间闻到臭鸡蛋的气味 越来越浓",
]

# blood on a mouth, a nose, a leg
BLOOD = [
    "有个小孩在商场扶梯上逆着跑 摔了 满嘴是血",
    "我家孩子在大堂磕到了 一鼻子的血",
    "有个老人在台阶上摔了 满腿都是血",
]

# a door or window forced open, someone maybe still there
FORCED_OPEN = [
    "我家门被撬开了 里面好像还有人",
    "仓库的窗被人撬开了 东西还在往外搬",
]

CALM_3 = [
    # a box or a locker forced: a theft found afterwards
    "门口的灭火器箱被人撬开了 灭火器不见了",
    "信箱被人撬开了 里面的信都没了",
    "楼下快递柜有一格被撬开了",
    # a crack low down, tiles to check; cigarette ends thrown down; a drain that smells
    "卫生间的窗玻璃裂了一条缝 有空来换",
    "外墙瓷砖有几块脱落了 建议检查一下",
    "楼上老往下扔烟头 说了也不听",
    "下水道一股臭鸡蛋味 好几天了",
]

URGENT = (PROBES_URGENT + SEND_SOMEONE + GAS_MISHEARD + TRYING_DOORS + DRUNK_HURT + TREE_LEANING
          + PROBES_URGENT_2 + FASTENED_FROM_OUTSIDE + WEAPON_COUNTED + BODY_STUCK + GOING_UNDER
          + SIGNS_OF_ILLNESS + LOCK_CUT + HAZE_INDOORS + HANGING_LOOSE
          + PROBES_URGENT_3 + FACADE_OVER_PEOPLE + THROWN_DOWN + ROTTEN_EGGS + BLOOD + FORCED_OPEN)


@pytest.mark.parametrize("text", URGENT)
def test_unseen_reports_of_danger_now_are_urgent(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert nlp.classify(text).urgent is True


CALM_ALL = PROBES_CALM + CALM + PROBES_CALM_2 + CALM_2 + PROBES_CALM_3 + CALM_3


@pytest.mark.parametrize("text", CALM_ALL)
def test_unseen_look_alikes_stay_calm(rules, text):
    assert rules.classify(text).urgent is False, rules.classify(text)
    assert nlp.classify(text).urgent is False


def test_a_misheard_gas_word_glued_to_the_next_shows_what_was_heard(rules):
    assert "田然气≈天然气" in rules.classify("厨房田然气管子那边有很大的味道").evidence
