"""A place standing in water: the water decides, not the place. A car park flooded to the calf
(车库淹了, 地库积水到小腿) is a drainage or pipe matter (ENG-PLUMB, as every public text about a
flooded car park is), not a parking one; cars parked badly in it stay SEC-PARK."""

import re

_NC = r"[^,.!?;，。！？\s]"
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
