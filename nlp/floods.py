"""A place standing in water: the water decides, not the place. A car park flooded to the calf
(车库淹了, 地库积水到小腿) is a drainage or pipe matter (ENG-PLUMB, as every public text about a
flooded car park is), not a parking one; cars parked badly in it stay SEC-PARK.
Water seeping where a plumbing fixture stands (马桶底下渗水, 热水器下面一直在渗): the fixture
leaks, ENG-PLUMB as the taxonomy files a leak from a named pipe, though the fixture is said as
a place and the seeping word is the building leak's."""

import re

from nlp.normalize import IN_CLAUSE as _NC

# water standing deep or coming in at ground level, not seeping from above (漏, 渗: nlp.structure)
_FLOODED = re.compile(
    rf"淹|水漫|漫水|倒灌|蹚水|趟水|泡在水里|泡水|水里泡|积水|进水了|"
    rf"水{_NC}{{0,4}}(到|过|没过|淹到|漫到|齐)(了)?{_NC}{{0,2}}(小腿|膝盖|脚踝|脚脖子|大腿|腰|轮胎|车轮|轮子|底盘)"
)
# a parking matter beside the water (占车位, 乱停, 挡住): the parking's
_PARKING_MATTER = re.compile(r"占|乱停|挡|堵住(了)?(出口|入口|车)|停在|收费|车位被|道闸|闸口|抬杆|月卡")


def flooded(norm: str, code: str) -> bool:
    """Whether a place the parking code was read from stands in water."""
    return code == "SEC-PARK" and bool(_FLOODED.search(norm)) and not _PARKING_MATTER.search(norm)


# a plumbing fixture said as where the water is (底下, 旁边, 接口: the locative weighs it as a place)
_FIXTURE_AT = re.compile(
    r"(马桶|坐便器|水管|管子|管道|水箱|龙头|地漏|洗衣机|热水器|洗手盆|洗手池|洗菜盆|洗碗池|水槽|水池|洗脸盆|面盆|台盆|"
    r"拖把池|水表|阀门|角阀)(的)?(底下|下面|下边|底部|旁边|边上|周围|后面|背后|底座|根部|接口|接头)"
)
# ... not rain nor the building's envelope, where seepage is the building's (ENG-LEAK)
_ENVELOPE = re.compile(r"雨|台风|外墙|窗|屋顶|楼顶|天花|吊顶|墙面|墙体|楼上")


def fixture_seeps(norm: str, code: str) -> bool:
    """Whether the seepage read as the building's is at a plumbing fixture named as its place."""
    return code == "ENG-LEAK" and bool(_FIXTURE_AT.search(norm)) and not _ENVELOPE.search(norm)
