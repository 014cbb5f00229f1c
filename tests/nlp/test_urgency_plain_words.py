"""Issue 17: dangers to people told in plain words, and voice-typed gas, urgent with the
rules alone and with the model; their calm look-alikes stay calm."""

import pytest

import nlp

# a child climbing a wall or a railing, or out on the unit beyond it (小男孩, 在爬)
CHILD_CLIMBING = [
    "有个小男孩翻过阳台栏杆 站在空调外机上",
    "一个小孩在爬小区的围墙 墙有两米多高",
    "小女孩攀上了天台的护栏",
    "小孩爬到三楼的栏杆外面去了",
]

# someone who fell down the stairs, said with 滚下来
ROLLED_DOWN = ["有个老奶奶从楼梯上滚下来了 躺着不动", "快来人 有人从楼梯上滚下来了"]

# gas hissing or stinking at the pipe, the words further apart (燃其 for 燃气)
GAS_AT_THE_PIPE = [
    "燃其管道那里嘶嘶响 有股臭味",
    "厨房煤气管接头那边一直呲呲的响",
    "楼道里天然气管子旁边有股很刺鼻的味道",
]

CALM = [
    "小孩在滑梯上玩 摔了一下 没事",
    "老人在楼梯上绊了一下 扶起来了 没什么事",
    "燃气费怎么交",
    "厨房燃气灶点不着火 是不是没气了",
    "燃气公司说下周来检查管道",
    "小孩爬山回来了 在小区门口等我",
    "楼下的孩子总是在墙上乱画",
]


@pytest.mark.parametrize("text", CHILD_CLIMBING + ROLLED_DOWN + GAS_AT_THE_PIPE)
def test_a_danger_in_plain_words_is_urgent(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert nlp.classify(text).urgent is True, nlp.classify(text)


@pytest.mark.parametrize("text", CALM)
def test_its_calm_look_alikes_stay_calm(rules, text):
    assert rules.classify(text).urgent is False, rules.classify(text)
    assert nlp.classify(text).urgent is False, nlp.classify(text)


# damage happening now told with a fear of what follows (要是进水就完了): the fear calms
# its own clause only; a question about a feared risk (万一着火怎么办) still calms the message
FEAR_BESIDE_DAMAGE = [
    "喂 物业吗 我跟你说一下啊 我们这一层今天下午开始就不太对 一开始是厕所那边有点水 我们也没在意 "
    "结果现在整个过道都是水了 水都流到我们公司的机房门口了 里面是服务器 要是进水就完了 "
    "我们找不到总阀在哪里 你们赶紧来人关一下",
    "仓库进水了 地上全是水 如果泡到下面的货就麻烦了",
]
FEARED_RISK = [
    "消防通道的门老是被锁上 万一着火怎么办",
    "地下室有点返潮 要是下大雨会不会淹",
]

# water seeping down (渗) that already reaches a till, papers or a socket
SEEPING_ONTO_THINGS = [
    "楼上渗下来的水已经滴到我们的收银电脑上了",
    "墙里渗出来的水流到插座下面了",
    "天花板渗水 滴在档案柜的文件上",
]
SEEPING_SLOWLY = ["天花板角落慢慢渗水 好几个月了 麻烦看看", "卫生间墙角有点渗水"]


@pytest.mark.parametrize("text", FEAR_BESIDE_DAMAGE + SEEPING_ONTO_THINGS)
def test_damage_now_stays_urgent_beside_a_fear_or_a_seep(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert nlp.classify(text).urgent is True, nlp.classify(text)


@pytest.mark.parametrize("text", FEARED_RISK + SEEPING_SLOWLY)
def test_a_feared_risk_or_a_slow_seep_stays_calm(rules, text):
    assert rules.classify(text).urgent is False, rules.classify(text)
    assert nlp.classify(text).urgent is False, nlp.classify(text)


# a child gone up to the roof alone, a child struggling in a pond, smoke or burning next door
ROOF_WATER_SMOKE = [
    "三岁小孩自己跑到天台上去了 找不到人",
    "有个小男孩溜到楼顶上了 大人不知道",
    "小区水池里有个孩子在扑腾",
    "河里有个老人在挣扎",
    "隔壁店在烧东西 烟从门缝里进来了",
    "楼下不知道谁在烧垃圾 烟顺着窗户飘进来了",
]
# a locker or a door with only things behind it traps nobody
THINGS_BEHIND_A_DOOR = [
    "快递柜的门卡住了 打不开 我的快递在里面",
    "储物间的门打不开了 行李还在里面",
    "楼下烧烤的烟从窗户飘进来了",
]


@pytest.mark.parametrize("text", ROOF_WATER_SMOKE)
def test_a_child_up_high_someone_in_the_water_or_smoke_coming_in_is_urgent(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert nlp.classify(text).urgent is True, nlp.classify(text)


@pytest.mark.parametrize("text", THINGS_BEHIND_A_DOOR)
def test_things_behind_a_door_or_barbecue_smoke_are_not_urgent(rules, text):
    assert rules.classify(text).urgent is False, rules.classify(text)
    assert nlp.classify(text).urgent is False, nlp.classify(text)


# something overhead broken with pieces still up there, or a ceiling down over a crowd
OVERHEAD_BROKEN = [
    "大门口的玻璃雨棚碎了 还有玻璃挂在上面",
    "商场吊顶塌了一块 下面好多顾客",
    "采光顶裂开了 碎玻璃悬在半空",
]
# what lies on the ground already is a repair
ON_THE_GROUND = ["我们店门口的地砖碎了几块", "消火栓箱的玻璃碎了 碎渣掉一地"]


@pytest.mark.parametrize("text", OVERHEAD_BROKEN)
def test_something_broken_overhead_is_urgent(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert nlp.classify(text).urgent is True, nlp.classify(text)


@pytest.mark.parametrize("text", ON_THE_GROUND)
def test_what_lies_on_the_ground_is_a_repair(rules, text):
    assert rules.classify(text).urgent is False, rules.classify(text)


# a shop, store or office nobody can get into; a tree leaning on a building or about to
# fall; water beside a socket
SHUT_OUT_LEANING_SOCKET = [
    "仓库门锁坏了 进不了仓库 货车在等着卸货",
    "办公室门禁坏了 全公司的人进不了门",
    "大风把小区里的树吹歪了 靠在三号楼阳台上",
    "门口那棵大树歪了 随时要倒 下面停着车",
    "窗户漏雨 墙上都是水 插座就在下面",
]
NOT_PRESSING = [
    "我家钥匙丢了 进不了门 能帮忙开锁吗",
    "小区的树有点歪 建议修剪一下",
    "树倒了 已经被清走了",
]


@pytest.mark.parametrize("text", SHUT_OUT_LEANING_SOCKET)
def test_shut_out_a_leaning_tree_or_water_by_a_socket_is_urgent(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert nlp.classify(text).urgent is True, nlp.classify(text)


@pytest.mark.parametrize("text", NOT_PRESSING)
def test_locked_out_at_home_a_tilt_or_a_tree_cleared_is_not_urgent(rules, text):
    assert rules.classify(text).urgent is False, rules.classify(text)
    assert nlp.classify(text).urgent is False, nlp.classify(text)


# people named by their role at the place (a member at the gym, a trainee, a visitor)
ROLE_PEOPLE = [
    "健身房有个会员跑步机上突然倒下了",
    "培训中心有个学员在教室里晕倒了",
    "大堂有个访客摔倒了 起不来",
]


@pytest.mark.parametrize("text", ROLE_PEOPLE)
def test_someone_named_by_their_role_taken_ill_is_urgent(rules, text):
    assert rules.classify(text).urgent is True, rules.classify(text)
    assert nlp.classify(text).urgent is True, nlp.classify(text)
