"""What is wrong with a surface itself, where the keywords hear the place it is in:

- A floor, a ramp or steps too slippery (车库的坡道太滑了, 大堂的瓷砖滑得要命): the surface,
  ENG-CIVIL, not the car park or a leak; made slippery by the cleaners or by something spilt
  (刚拖完, 打蜡, 洒了饮料): cleaning, ENV-CLEAN. Where water is said (漏, 积水, 湿的) the water
  decides, as before.
- Flyers stuck on a wall, a lift or a hydrant's box (消防栓箱上贴满了小广告): dirt to clean off,
  ENV-CLEAN; the people handing them out (发小广告) stay security's."""

import re

_SLIPPERY = re.compile(
    r"(太|好|很|真|特别|超|非常|贼|巨|有点|容易|老是|都)滑|滑得(很|要命|不行|厉害|要死|离谱|吓人)|打滑|滑溜溜|光溜溜|溜滑|slippery|slippy"
)
_WATER_SAID = re.compile(r"漏|渗|滴|积水|水管|冒水|返水|一滩水|有水|进水|湿|水渍|淹")
_SPILT_OR_MOPPED = re.compile(r"拖(地|完|过|了)|打(了)?蜡|蜡|油|洒|泼|饮料|吐|果皮|泥")
# another object's fault said beside it (电梯坏了 地也滑): that fault is the report
_OTHER_FAULT = re.compile(r"坏|堵|不亮|故障|停了|卡住|打不开|关不上|跳闸|没电|没水")
_PASTED = re.compile(r"贴(满|了|着|的)?[^,.!?;，。！？\s]{0,4}小广告|小广告[^,.!?;，。！？\s]{0,4}贴")
_HANDED_OUT = re.compile(r"发|塞|派|散发|推销|陌生人")


def reading(norm: str, code: str, intent: str) -> tuple[str, str, str] | None:
    """(code, intent, structure) for a slippery surface or flyers stuck on one, else None."""
    if _SLIPPERY.search(norm) and not _WATER_SAID.search(norm) and not _OTHER_FAULT.search(norm):
        asks = intent in ("suggestion", "inquiry")
        if _SPILT_OR_MOPPED.search(norm):
            return "ENV-CLEAN", intent if asks else "complaint", "slippery"
        return "ENG-CIVIL", intent if asks else "repair", "slippery"
    if code != "ENV-CLEAN" and _PASTED.search(norm) and not _HANDED_OUT.search(norm):
        return "ENV-CLEAN", "suggestion" if intent == "suggestion" else "complaint", "pasted"
    return None
