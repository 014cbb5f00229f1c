"""Issue 17, fresh probes of 6 Dec, urgh2 session: hazards and damage in progress the rules
missed, each urgent wording beside a calm sibling that shares its words and must stay calm.
Urgent with the rules alone and with the model."""

import pytest

import nlp

# each pair: (urgent now, calm sibling sharing its words)
PAIRS = [
    # a lot of smoke said before the noun (好大的烟, 好多烟); smoke words that are no fire
    ("樓下間舖著火啊 好大煙", "樓下間舖上個月著過火 而家裝修好未"),
    ("走廊里好浓的烟 什么都看不清", "走廊里好大的烟味 肯定又有人抽烟"),
    ("仓库那边好多烟冒出来", "仓库门口好多烟头 谁扔的"),
    # water onto the power: a switchboard, a main switch, a meter box
    ("楼上漏水 正好漏在我们店的电闸箱上 滴滴答答的", "楼上漏水 漏在我们店卫生间角落 一小滩"),
    ("水顺着墙流到总闸那里了", "总闸在哪里 我想关一下水"),
    ("空调滴水 滴到电表箱上面了", "空调滴水 滴到花盆里了"),
    # a cold store gone warm with stock inside; a seal worn, a fridge at home a bit warm
    ("冷库不制冷了 里面几千块的海鲜 温度一直往上走", "冷库门的密封条有点老化 有空来换一下"),
    ("冷柜不冷了 一柜子的冻肉 怎么办", "家里冰箱不太冷 是不是要加氟"),
    # water heard in the pipes at night is a noise; water coming down is not
    ("楼上的水哗哗往下流 灯都湿了", "楼上的水管声音很大 半夜哗哗的"),
    # fire emoji after a floor as before it; fire emoji for heat or anger before a floor
    ("5楼🔥🔥🔥", "今天好热🔥🔥 3楼空调坏了"),
    ("B2 🔥🔥", "气死我了🔥🔥🔥 3楼又停水"),
    # 著 typed for 着 (traditional, Cantonese 著咗火); a fire as a simile
    ("佢哋間舖著咗火", "着了火似的急"),
    # an exit chained, welded or padlocked while people are inside, in any order and verb;
    # chained at night, asked about, or blocked by goods
    ("安全出口的门被链子拴住了 现在商场里全是人", "安全出口的门晚上用链子拴上 这样合规吗"),
    ("有人用铁链锁了消防门 商场里好多人", "消防通道的门被货堵住了"),
    ("商场里人山人海 消防楼梯的门却焊死了", "消防楼梯的门晚上焊死了 白天开着"),
    ("在营业呢 紧急出口挂了把大锁", "紧急出口的锁坏了 有空来换一把"),
    # English: water onto goods, a burst, a shop without power or cold, a ceiling giving way;
    # each beside the same words past, fixed or not pressing
    ("there is water coming through the ceiling and dripping on the goods", "water dripping on the goods, not urgent just fyi"),
    ("leak above the cashier, the POS is getting wet", "ceiling leak dripping on our stock, pls come when free"),
    ("the pipe burst, water everywhere in the shop", "pipe burst last month but got fixed, just asking about the bill"),
    ("the whole store has no power, customers waiting", "does the whole shop have no power tomorrow?"),
    ("freezer died, all the seafood inside", "the freezer is a bit noisy"),
    ("part of the ceiling collapsing in the corridor", "the ceiling fell last year, repaired already"),
    # a socket black from a burn long past; black and burning again, or burnt through now
    ("插座黑了 上次烧过的 今天又冒烟了", "那个插座黑了一片 是以前烧过的印子 要不要换"),
    ("电箱里面的线烧黑了 之前烧过一次", "墙上的开关发黑 原来烧过 已经不用了"),
    # wires melting, not wires aged (老化) or oxidised (氧化)
    ("插座烫化了", "阿拉店里的电线老化了 什么时候来换"),
    ("电线外皮化了 软塌塌的", "电线氧化了 接触不好"),
    # a stain growing is seepage; water itself rising or dripping onto things is not
    ("天花板水印越来越大 现在开始往下滴水了 下面是电脑", "天花板那个黄色水印越来越大了 不过没滴水"),
    # a drill is calm unless the message says this time it is real
    ("消防演练是演练 可这次是真的有烟 三楼楼梯间 好呛", "明天消防演练 会放烟 不是真的着火"),
    # a planned cut is calm until the food in the freezer starts to melt
    ("冰柜停电了 检修说两个小时 可是里面全是冰淇淋 已经开始化了", "下午检修停电两小时 冰柜里的冰淇淋会不会化"),
]


@pytest.mark.parametrize("text", [urgent for urgent, _ in PAIRS])
def test_hazards_now_are_urgent(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert nlp.classify(text).urgent is True


@pytest.mark.parametrize("text", [calm for _, calm in PAIRS])
def test_their_calm_siblings_stay_calm(rules, text):
    assert rules.classify(text).urgent is False, rules.classify(text)
    assert nlp.classify(text).urgent is False


@pytest.mark.parametrize("text", ["🔥🔥🔥 3楼", "🔥🔥🔥 五楼 快", "🔥🔥 7楼 走廊"])
def test_fire_emoji_at_a_floor_is_the_guards_not_the_lift(text):
    # the model hears 3楼 in its lift cases (电体到3楼就不走了): the floor only says where
    result = nlp.classify(text)
    assert (result.code, result.urgent) == ("SEC-SAFE", True), result


@pytest.mark.parametrize("text", ["🔥厨房 快", "厨房着火了", "卫生间冒烟了 不知道什么东西在烧"])
def test_a_fire_in_a_room_is_the_guards_not_its_plumbing(text):
    # 厨房, 卫生间 give plumbing's code as rooms: they only say where the fire is
    result = nlp.classify(text)
    assert (result.code, result.urgent) == ("SEC-SAFE", True), result


@pytest.mark.parametrize(("text", "code"), [("厨房的排风扇冒烟了", "ENG-HVAC"), ("灭火器喷不出来 厨房锅里着火了", "ENG-FIRE")])
def test_a_fire_at_a_named_thing_in_the_room_keeps_its_code(text, code):
    assert nlp.classify(text).code == code
