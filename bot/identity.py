"""Pick who and where out of a tenant's free text: phone, unit number (物业编号), name."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Optional

from nlp.segment import word_count

# A mobile may carry the country code (+86 138…); the number is group 1.
_PHONE = re.compile(r"(?<!\d)(?:\+?86[- ]?)?(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d)")
_DIGIT_GAP = re.compile(r"(?<=\d)[- ](?=\d)")
# L2-015, B1-003, l2015, L2－015; also office style 3楼305 / 305室 handled as unit text.
# Not a licence plate (浙A12345, 粤BD12345): a province's one-character name comes before its letter.
PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_UNIT = re.compile(rf"(?<![A-Za-z0-9{PROVINCES}])([A-Za-z]{{1,2}}\d{{1,2}}?)\s*+[-－—_ ]?\s*+(\d{{2,4}})(?!\d)")
# Apartments and office towers: 5栋2单元301 / 12号楼1单元502室 → 5-2-301 / 12-1-502, 5栋301 → 5-301,
# A座1203 → A-1203 (the notation property offices register units under).
# Whitespace runs are possessive (`\s*+`): what follows each never starts with a space, so
# the matches are the same, without the quadratic backtracking between adjacent runs.
_BLOCK = re.compile(r"(?<![\dA-Za-z])(\d{1,3}|[A-Za-z])\s*+(?:栋|幢|号楼|座)\s*+(?:(\d{1,2})\s*+单元)?\s*+"
                    r"(?:\d{1,2}\s*+(?:层|楼)\s*+)?(\d{3,4})(?!\d)")
# The same written with dashes, as residents do (3-1-602: building, entrance, flat); not a
# date (2026-12-07) nor part of a longer run of digits
_BLOCK_DASHED = re.compile(r"(?<![\dA-Za-z-])(\d{1,2})\s{0,1}[-－—]\s{0,1}(\d{1,2})\s{0,1}[-－—]\s{0,1}(\d{3,4})(?![\d-])")
# A building and its entrance told without the flat (7号楼3单元, 3栋): the flat's number may
# follow alone (702, 我是702的), and the two are one unit (7-3-702).
_BLOCK_ALONE = re.compile(r"(?<![\dA-Za-z])(\d{1,3}|[A-Za-z])\s{0,2}(?:栋|幢|号楼|座)\s{0,2}(?:(\d{1,2})\s{0,2}单元)?"
                          r"(?!\s{0,2}\d)")
_FLAT_ALONE = re.compile(r"(?<![\dA-Za-z-])(\d{3,4})\s{0,2}(?:室|号房|号)?(?![\d-])")
_ROOM = re.compile(r"(?<!\d)(\d{1,2})\s*+(?:楼|层)\s*+(\d{2,4})\s*+(?:号铺|号房|室|号|铺)?|(?<!\d)(\d{3,4})\s*+(?:室|号铺|铺|号房)")
_FILLER = re.compile(
    r"我是|我叫|我姓|本人|我住|住在|我家|家在|住|姓名|名字|叫|电话|手机|号码|联系方式|联系|是|铺位|铺面|店铺|门店|商铺|房号|单元|编号|"
    r"号|的|在|这边|这里|你好|您好|谢谢|麻烦|哦|啊|呢|吧|嗯|好的|[，。,.!！?？:：;；、\s~～（）()]|"
    # the labels foreign tenants write before each (Room L3-008, Tel 138…, Name: Tom)
    r"(?i:\b(?:room|rm|shop|unit|office|suite|store|flat|apt|no|name|tel|phone|mobile|contact)\b)"
)
_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$|^[A-Za-z][A-Za-z .]{1,30}$")
# jieba's count of a word above which it is a common word, not a name (李强 159, 白天 1456)
COMMON_WORD_FREQUENCY = 200
# Who and where fit in a line: only the start of a long message is searched for them (the
# message itself is stored whole). 20,000 characters took ~80 ms here; 500 take ~2.
IDENTITY_TEXT_MAX = 500


# A number read out to voice typing comes back in Chinese digits (一三八零零零零一二三四, 幺 for 1);
# seven or more in a row are a phone's, never a count or a floor.
_SPOKEN_DIGITS = re.compile("[零〇一二三四五六七八九幺]{7,12}")
_DIGIT_OF = str.maketrans("零〇一二三四五六七八九幺", "00123456789" + "1")


def _readable(text: Optional[str]) -> str:
    text = unicodedata.normalize("NFKC", (text or "")[:IDENTITY_TEXT_MAX])
    return _SPOKEN_DIGITS.sub(lambda m: m.group(0).translate(_DIGIT_OF), text)


@dataclass
class Identity:
    name: Optional[str] = None
    phone: Optional[str] = None
    unit: Optional[str] = None

    def __bool__(self) -> bool:
        return bool(self.name or self.phone or self.unit)


def find_unit(text: str) -> Optional[str]:
    """The unit the text names; one it denies (不是L3-008 是L2-015) is passed over."""
    text = _readable(text)
    match = _told(_BLOCK, text) or _told(_BLOCK_DASHED, text)
    if match:
        return "-".join(part.upper() for part in match.groups() if part)
    match = _told(_UNIT, text)
    if match:
        return f"{match.group(1).upper()}-{match.group(2)}"
    match = _told(_ROOM, text)
    if match:
        if match.group(1):
            return f"{match.group(1)}F-{match.group(2)}"
        return match.group(3)
    return None


def find_block(text: str) -> Optional[str]:
    """The building (and entrance) told without a flat: 7号楼3单元 → 7-3; None when a whole unit is told."""
    if find_unit(text):
        return None
    match = _told(_BLOCK_ALONE, _readable(text))
    return "-".join(part.upper() for part in match.groups() if part) if match else None


def only_block(text: str) -> Optional[str]:
    """「3栋2单元」 and nothing else (but filler): the building, as find_block reads it."""
    readable = _readable(text)
    match = _told(_BLOCK_ALONE, readable)
    if match is None or find_unit(readable) or _FILLER.sub("", readable[:match.start()] + readable[match.end():]):
        return None
    return "-".join(part.upper() for part in match.groups() if part)


def find_flat(text: str) -> Optional[str]:
    """A flat's number alone (702, 我是702的, 1203室), not the phone's digits."""
    _, rest = _phone_and_rest(_readable(text))
    match = _FLAT_ALONE.search(rest)
    return match.group(1) if match else None


_DENIED = re.compile(r"(?:不是|不在|并非)\s{0,2}$")


def _told(pattern: re.Pattern, text: str) -> Optional[re.Match]:
    """The first match not denied: 不是L3-008 alone tells no unit."""
    return next((m for m in pattern.finditer(text) if not _DENIED.search(text, max(0, m.start() - 4), m.start())),
                None)


_NAME_CLAIM = re.compile(r"(?:我是|我叫|本人|联系人[:：]?)\s*([\u4e00-\u9fff]{2,4}?)(?=$|[，,。.!！\s]|电话|手机|联系)")
# How shop operators sign a message: a common surname and a form of address ("王老板",
# "李女士"), standing on its own (not "隔壁王老板", whose shop it may be). Not 师傅 or 经理:
# tenants write those of the repairman and the manager.
_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
             "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
             "乔文施洪牛樊葛邢安齐易伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂"
             "成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党"
             "宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝")
# How staff will address a tenant who told only a surname
SURNAME_ONLY = "先生/女士"
# surnames that alone are more often a word (成 "OK", 于, 和, 时, 万, 全, 明, 师)
_WORDS_ALONE = frozenset("成于和应时向万全明师")
_COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "慕容", "令狐", "长孙", "宇文", "尉迟", "夏侯", "司徒")
# What a tenant calls themself that is not a name (我是业主, 我是店长, 我是来报修的, 我是楼上的).
_NOT_A_NAME_WORDS = ("业主", "租户", "住户", "商户", "店长", "店主", "经理", "员工", "物业", "保安", "保洁", "师傅",
                     "楼上", "楼下", "隔壁", "对面", "邻居", "客户", "顾客", "前台", "文员", "行政", "财务", "会计",
                     "负责", "管理", "老板", "投诉", "报修", "咨询")
_NOT_IN_A_NAME = frozenset("的了在是来去要想有个们这那谁吗呢吧啊哪不没说很还太都也就越")


_ADDRESSED = re.compile(rf"(?<![\u4e00-\u9fff])([{_SURNAMES}](?:老板娘|老板|先生|女士|小姐))")


# an English name as foreign tenants sign (John, Mary Lee), not a word of the report
_LATIN_NAME = re.compile(r"(?!(?:Hi|Hello|Dear|Thanks|Please|The|My|Our|Shop|Unit|Room|Call|Phone|Tel|Mobile|"
                         r"Sorry|Not|So|Very|Just|Here|In|At|From|Calling|Writing|Urgent)\b)"
                         r"[A-Z][a-z]{1,15}(?: [A-Z][a-z]{1,15})?")


_LATIN_COMPACT = re.compile(r"[A-Z][a-z]{1,15}[A-Z][a-z]{1,15}")


# how foreign tenants introduce themselves (my name is Tom, I'm John, this is Anna)
_LATIN_CLAIM = re.compile(r"(?i:\b(?:my name is|my name's|i am|i'm|this is))\s{1,3}([A-Z][a-z]{1,15}(?: [A-Z][a-z]{1,15})?)")

_SURNAME_CLAIM = re.compile(rf"(?<![\u4e00-\u9fff])(?:我|本人|免贵)?姓({'|'.join(_COMPOUND_SURNAMES)}|[{_SURNAMES}])"
                            r"(?=$|[\s，,。.!！:：]|电话|手机)")
# who runs the shop, told by the surname (L2-015川菜馆 老板姓陈, 我们店长姓李): 陈老板, 李店长
_ROLE_SURNAME_CLAIM = re.compile(rf"(?<![\u4e00-\u9fff])(?:我是|我们|我们的|我们店)?(老板娘|老板|店长|经理|负责人)姓"
                                 rf"({'|'.join(_COMPOUND_SURNAMES)}|[{_SURNAMES}])(?=$|[\s，,。.!！:：]|电话|手机)")


# words that ask (多久能到, 什么时候到) or hurry (快点, 赶紧): never a name
_ASKS = re.compile(r"多久|多长时间|什么|怎么|为什么|几点|几分钟|干嘛|咋|快点|快些|快来|赶紧|赶快|尽快|马上|抓紧|急")
# a surname and the title a shop's staff go by (刘经理, 王总, 李店长), or the form neighbours and
# the desk address them by (张姐, 刘哥, 陈阿姨): how a person answers who they are, whatever
# 阿姨 reads as alone; a title alone (我是经理) names no one
_TITLED = re.compile(rf"(?:{'|'.join(_COMPOUND_SURNAMES)}|[{_SURNAMES}])"
                     r"(?:经理|店长|主管|老板娘|老板|总监|总|大姐|大哥|阿姨|姐|哥|叔)")


def lone_surname(word: str) -> bool:
    """王, 林: a surname told alone (how staff will address them: 王先生/女士)."""
    return len(word) == 1 and word in _SURNAMES and word not in _WORDS_ALONE


def titled(word: str) -> bool:
    """刘经理, 王总: a person however much the title reads as a complaint's keyword."""
    return bool(_TITLED.fullmatch(word))


def could_be_name(word: str) -> bool:
    """Not a role (业主), a place (楼上), a clause (来报修的) or a question (多久能到): what a
    tenant asked who they are may answer with any name, even one of an uncommon surname."""
    if word.endswith(SURNAME_ONLY):  # 李先生/女士: a surname told alone (find_name)
        return 1 <= len(word) - len(SURNAME_ONLY) <= 2
    if word.isascii():  # Michael, Mary Lee (MaryLee once the spaces are gone)
        return bool(_LATIN_NAME.fullmatch(word) or _LATIN_COMPACT.fullmatch(word))
    if titled(word):
        return True
    return (2 <= len(word) <= 4 and not any(ch in _NOT_IN_A_NAME for ch in word)
            and not any(role in word for role in _NOT_A_NAME_WORDS) and not _ASKS.search(word))


def looks_like_name(word: str) -> bool:
    """A Chinese personal name as tenants sign, unasked: a common surname and one or two
    characters (李娜, 王建国, 欧阳娜), 小/老/阿 and a surname (小王), or a surname and a form
    of address (王老板, 李女士); or an English name (John, Mary Lee)."""
    if _LATIN_NAME.fullmatch(word):
        return True
    if _ADDRESSED.fullmatch(word) or (len(word) == 2 and word[0] in "小老阿" and word[1] in _SURNAMES):
        return True
    if not could_be_name(word):
        return False
    if word[:2] in _COMPOUND_SURNAMES:
        return len(word) >= 3
    return word[0] in _SURNAMES and len(word) <= 3

def find_name(text: str) -> Optional[str]:
    """Only an explicit claim ("我是王建国"): a bare name inside a report is too ambiguous,
    and 我是业主 / 我是来报修的 claim no name. A surname alone (我姓李, 免贵姓刘) is how
    staff will address them: 李先生/女士."""
    text = _readable(text)
    match = _NAME_CLAIM.search(text)
    if match and looks_like_name(match.group(1)):
        return match.group(1)
    match = _LATIN_CLAIM.search(text)
    if match and looks_like_name(match.group(1)):
        return match.group(1)
    match = _ROLE_SURNAME_CLAIM.search(text)
    if match:
        return match.group(2) + match.group(1)
    match = _SURNAME_CLAIM.search(text)
    if match:
        return match.group(1) + SURNAME_ONLY
    match = _DESCRIBED_CLAIM.search(text)  # 我是3楼301的王女士, 我是一楼星巴克的店长小李
    return match.group(1) if match else None


# 我是 + who they are (where, which shop, a role) + 的 + a surname addressed (王女士, 李老板, and as
# neighbours and the desk call them: 张姐, 刘哥, 陈阿姨) or 小/老 and a surname (小李): how tenants
# introduce themselves at length
_DESCRIBED_CLAIM = re.compile(rf"(?:我是|我叫|本人是)[^，,。.!！?？\s]{{1,14}}?的(?:店长|经理|老板|负责人|员工|前台|行政)?"
                              rf"([{_SURNAMES}](?:老板娘|老板|先生|女士|小姐|经理|店长|大姐|大哥|阿姨|老师|姐|哥|叔|总)"
                              rf"|[小老阿][{_SURNAMES}])"
                              rf"(?![\u4e00-\u9fff])")


# A name signed beside the phone number ("L3-008 李四 13900002222 网络断了", "139… 李四"):
# only separators between them.
# A role may stand before it (的商户王五，电话138…), and the word for the phone after it.
_NAME_BEFORE = re.compile(r"(?<![\u4e00-\u9fff])(?:的)?(?:商户|租户|业主|住户|店主|店长|负责人|联系人)?"
                          r"([\u4e00-\u9fff]{2,4}|[A-Z][a-z]{1,15}(?: [A-Z][a-z]{1,15})?)[\s，,.:：]*+"
                          r"(?:联系电话|电话|手机|联系方式|phone|tel|mobile)?[\s:：.]*+\Z", re.I)
_NAME_AFTER = re.compile(r"\A[\s，,.:：]*+([\u4e00-\u9fff]{2,4}|[A-Z][a-z]{1,15}(?: [A-Z][a-z]{1,15})?)"
                         r"(?![\u4e00-\u9fffA-Za-z])")


_SURNAME_BEFORE = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff])[\s，,:：]*+(?:电话|手机)?[\s:：]*+\Z")
_SURNAME_AFTER = re.compile(r"\A[\s，,:：]*+([\u4e00-\u9fff])(?![\u4e00-\u9fffA-Za-z])")


def find_signed_name(text: str, beside_unit: bool = False) -> Optional[str]:
    """A name standing right before or after the phone number, as tenants sign a report;
    beside_unit: or the unit, when we asked who they are ("张三 L2-015 是空调坏了")."""
    text = _readable(text)
    match = _PHONE.search(text) or _PHONE.search(_DIGIT_GAP.sub("", text))
    common_word_max = None
    if match is None and beside_unit:
        match = _BLOCK.search(text) or _UNIT.search(text) or _ROOM.search(text)
        # a unit is written beside report words more often than a phone is: 白天, 明天, 马上
        # look like names, and jieba's dictionary knows them as common words
        common_word_max = COMMON_WORD_FREQUENCY
    if match is None:
        return None
    before, after = match.string[:match.start()], match.string[match.end():]
    for side, beside in ((before, _NAME_BEFORE), (after, _NAME_AFTER)):
        found = beside.search(_UNIT.sub(" ", _BLOCK.sub(" ", side)))
        if found and looks_like_name(found.group(1)) and (
                common_word_max is None or word_count(found.group(1)) < common_word_max):
            return found.group(1)
    if common_word_max is None:  # beside the phone: a surname alone signs too (L3-008 林 138…)
        for side, beside in ((before, _SURNAME_BEFORE), (after, _SURNAME_AFTER)):
            found = beside.search(side)
            if found and lone_surname(found.group(1)):
                return found.group(1) + SURNAME_ONLY
    return None


def find_addressed_name(text: str) -> Optional[str]:
    """A surname with a form of address standing on its own ("L2-015 王老板 138…"): how a
    tenant we do not know yet may sign; weaker than a claim, so only for an unknown name."""
    match = _ADDRESSED.search(_readable(text))
    return match.group(1) if match else None


def _phone_and_rest(text: str) -> tuple[Optional[str], str]:
    """The phone number and the text around it. The text as written first: squeezing out
    its spaces would glue a unit's digits to the number ("L1-032 13800001111"); then with
    the gaps between digits closed, for a number written in groups ("138 0000 1234",
    "138-0000-1234")."""
    for candidate in (text, _DIGIT_GAP.sub("", text)):
        match = _PHONE.search(candidate)
        if match:
            return match.group(1), candidate[:match.start()] + " " + candidate[match.end():]
    return None, text


def find_phone(text: str) -> Optional[str]:
    return _phone_and_rest(_readable(text))[0]


# the shop's name written as a piece of its own (L2-015 眼镜店 胡 136…): where, not who
_SHOP_NAME = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{0,6}(?:店|馆|铺|超市|公司|餐厅|药房|工作室|门市部)"
                        r"(?=[\s，,。.:：]|\Z)")


def leftover(text: str) -> str:
    """What a message says besides its phone, unit and the filler around them ("" for
    "我住5栋2单元301，电话138…"; "王建国" for "王建国 138… L2-015")."""
    _, rest = _phone_and_rest(_readable(text))
    rest = _BLOCK_DASHED.sub(" ", _BLOCK.sub(" ", rest))
    rest = _UNIT.sub(" ", rest)
    rest = _ROOM.sub(" ", rest)
    rest = _SHOP_NAME.sub(" ", rest)
    return _FILLER.sub("", rest)


def beyond_who(text: str) -> str:
    """What a message says besides who and where the tenant is: its leftover without the name
    it tells or the role a tenant goes by (店长, 老板, 业主)."""
    rest = leftover(text)
    name = (parse_identity(text).name or "").removesuffix(SURNAME_ONLY)
    if name:
        rest = rest.replace(name, "", 1)
    for role in _NOT_A_NAME_WORDS:
        rest = rest.replace(role, "")
    return rest


def _said_as_one(rest: str, text: str) -> bool:
    """A name is written in one piece: what remains of 「水还在涨」 once 在 is dropped as
    filler (水还涨) is a report's words, not a name; 「李 娜」 is 李娜. Nor does a name
    hold an adverb or a particle (水很大)."""
    compact = PUNCT_OR_SPACE.sub("", _readable(text))
    return rest in compact and not (_HAN_ONLY.match(rest) and any(ch in _NOT_IN_A_NAME for ch in rest))


# 我叫 / 联系人: a claim of a name whatever else the message says (我是 may be 我是二楼的)
_CALLED = re.compile(r"我叫|联系人")
PUNCT_OR_SPACE = re.compile(r"[\s，。,.!！?？~～、:：;；…·()（）]+")
_HAN_ONLY = re.compile(r"^[\u4e00-\u9fff]+$")


def parse_identity(text: str) -> Identity:
    """'王建国 13800001234 L2-015' → all three; a name is only taken from what remains
    once phone and unit are removed and it looks like a name (2–4 Chinese characters)."""
    rest = leftover(text)
    # 姓李: 李先生/女士, not 「姓李」; my name is Tom: Tom, not 「mynameisTom」
    claimed = find_name(text) if "姓" in text or _LATIN_CLAIM.search(text) else None
    if claimed is None and lone_surname(rest):  # asked who, 「王」
        claimed = rest + SURNAME_ONLY
    name = claimed or (rest if _NAME.match(rest or "") and _said_as_one(rest, text) else None) or (
        find_signed_name(text)) or (  # 「3栋 宋 137…」: the name beside the phone, whatever else is around it
        find_name(text) if _CALLED.search(text) else None)  # 我叫王小明 138… 在三楼: a claim, where beside it
    if name and name.isascii():  # Mary Lee as written, not the leftover's MaryLee
        name = next((m.group(0) for m in _LATIN_NAME.finditer(text) if m.group(0).replace(" ", "") == name), name)
    if name and (_FLOOR_WORD.search(name) or (not claimed and _OPENS_WITH_AT.match(text))):  # 三楼, 在儿童乐园: where
        name = None
    return Identity(name=name, phone=find_phone(text), unit=find_unit(text))


# A floor or a building said alone (三楼, 负二层, 5号楼): a place, whatever a name may look like
_FLOOR_WORD = re.compile(r"(?:[一二三四五六七八九十两\d]|负)(?:楼|层|栋|号楼|座)$|[楼层]$")
# 在儿童乐园, 我在一楼大厅: where the writer is (bot.dialog.places reads the place itself)
_OPENS_WITH_AT = re.compile(r"\s{0,3}(?:就|人|现在|我们|我)?在(?!吗)")
