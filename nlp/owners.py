"""Whose machine makes a noise, when the tenant says so: 「楼上的空调外机是你们物业装的 噪音太大」,
「隔壁的冷却塔吵死了 是大厦的公共设备」. A neighbour or a shop named beside the machine (楼上, 隔壁)
would make it a nuisance made by others (SEC-NOISE); said to be the centre's, it is the
centre's own equipment to fix, with its own code (taxonomy.md: who makes a noise decides)."""

import re

_CENTRE = r"(你们|物业|商场|大厦|大楼|写字楼|小区|管理处|公共|公家)"
_CENTRE_OWNS = re.compile(
    rf"是{_CENTRE}[^,.!?;，。！？\s]{{0,4}}(的|装的|管的|设备|机组|机器)|{_CENTRE}的(公共)?(设备|机组|机器)|公共设备|"
    # ... or said not to be the neighbour's (不是人家店里的, 不是邻居家的)
    r"不是(人家|邻居|别人|隔壁|楼上|楼下|对面)[^,.!?;，。！？\s]{0,4}的"
)
_MACHINE_CODES = ("ENG-HVAC", "ENG-PLUMB", "ENG-ELEC", "ENG-LIFT", "ENG-FIRE", "ENG-DOOR")
_NOISE = re.compile(r"吵|噪|声|响|轰|嗡|震|睡不着")


def centre_owned(norm: str, code: str, codes: dict) -> tuple[str, str, str] | None:
    """(the machine's code, repair, "centre_owned") when a noisy machine is said to be the
    centre's, else None."""
    if code not in ("SEC-NOISE", *_MACHINE_CODES) or not _CENTRE_OWNS.search(norm):
        return None
    if not _NOISE.search(norm):
        return None
    machines = [(score, c) for c, score in codes.items() if c in _MACHINE_CODES and score > 0]
    return (max(machines)[1], "repair", "centre_owned") if machines else None
