"""A smoke or exhaust duct (排烟管道, 油烟管道, 烟道) is no water pipe, whatever 管道 says: one that
does not draw is ventilation's (ENG-HVAC, by its keywords in rules.json); one giving off
flames, sparks or black smoke is a fire danger (SEC-SAFE), as smoke and burning are where no
electrical gear is named (地下室有股烧焦味 还在冒烟). A fire feared (油垢太厚 怕哪天着火) is not one."""

import re

_DUCT = re.compile(r"(排烟|油烟|排油烟|排风|通风|抽风|送风)(管道|管子|管|道|井)|烟道|烟囱|风管")
_BURNING = re.compile(r"冒(黑)?烟|冒火|火星|火苗|火花|着火|起火|明火|烧起来|烧着|燃起来|窜火|蹿火|往外冒火")
_FEARED = re.compile(r"怕|担心|万一|如果|要是|隐患|容易|会不会|建议|以免|小心")


def duct_burning(norm: str) -> bool:
    """Whether a smoke or exhaust duct is said to be burning or smoking now."""
    return bool(_DUCT.search(norm) and _BURNING.search(norm)) and not _FEARED.search(norm)
