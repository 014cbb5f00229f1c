"""A building service asked to be arranged, which the keywords read as the service's fault:

- The tenant says why they need it outside the usual hours or for a task (加班, 周日有人上班,
  有货到, 要搬东西, 还有人在) and asks for it to be run, kept on or opened (开一下空调, 灯先别关,
  把后门打开一下, 货梯留到十点). Nothing is broken: a request for the desk to arrange
  (SVC-INFO, inquiry), as the data labels 能不能安排一下开货梯 and 能帮忙开一下储物间吗.
- Not a grievance that it was not done (周末加班空调都不开), nor a wish for it in future
  (建议周末也开一下空调: a suggestion on its topic), nor a fault (加班的时候空调不制冷).
"""

import re

from nlp import gated
from nlp.normalize import IN_CLAUSE as _NC

# the service asked for: run, opened, kept on or kept longer
_ASKED = re.compile(
    rf"(打)?开(一)?下|开一开|开着|(先)?(别|不要|晚(点|些|一点)?)关|延长|(开|留)到{_NC}{{0,4}}(点|钟)|"
    rf"提前{_NC}{{0,4}}开|多开(一)?(会|下|阵)"
)
# searched only in a text holding one of the characters every match needs (most hold none)
_ASKED_GATED = gated.Gated(_ASKED.pattern, "关延开提点钟")
# what the centre runs or opens: air, light, a way in, a lift
_SERVICE = re.compile(r"空调|冷气|暖气|暖风|新风|灯|门|通道|货梯|电梯|闸")
# why it is needed now: work out of hours, someone still in, goods or furniture to move
_NEED = re.compile(
    rf"加班|赶工|通宵|值班|(周六|周日|周末|星期[六天日]|礼拜[六天日]|节假日|假期|晚上|今晚|明晚|夜里){_NC}{{0,8}}"
    rf"(上班|有人|开工|营业|盘点|开会|办活动)|(有|还有|还)人在|有货|到货|送货|卸货|进货|装货|"
    rf"搬(货|家|东西|柜子|桌子|家具|设备|办公室)|(家具|设备|货车|快递){_NC}{{0,4}}(送|到|来)"
)
# ... or, out of hours, kept on longer (晚上八点以后灯先别关): the need goes without saying
_OFF_HOURS = re.compile(r"[0-9一二三四五六七八九十]点|周六|周日|周末|星期[六天日]|礼拜[六天日]|节假日|晚上|今晚|明晚|夜里|下班")
_KEPT_ON = re.compile(rf"(别|不要|晚(点|些|一点)?)关|延长|(开|留)到{_NC}{{0,4}}(点|钟)")
# ... not a fault, a grievance that it was not done, or a wish for it in future
_NOT_ASKED = re.compile(
    r"坏|漏|堵|故障|不(亮|制冷|制热|凉|冷|热|通|转|动|响|出风)|没(电|反应|风)|打不开|关不上|卡住|"
    r"不开|没开|都不|也不|凭什么|为什么|为啥|投诉|建议|希望|最好|要是|如果"
)


def service_asked(norm: str) -> bool:
    """Whether the message asks for a building service to be run or opened for a stated need."""
    asked = _ASKED_GATED.search(norm)
    if not asked or not _SERVICE.search(norm) or _NOT_ASKED.search(norm):
        return False
    return bool(_NEED.search(norm) or (_KEPT_ON.search(norm) and _OFF_HOURS.search(norm)))
