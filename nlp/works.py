"""Works run by others: a building site, roadworks, a pile driver. Their noise is a nuisance
(SEC-NOISE) whatever else the message names: 「打桩机的声音一直响到天亮」 is no alarm ringing,
and the centre has no machine there to repair (nlp.structure's noise source)."""

import re

# a site or its machines; 装修 is a neighbour's renovation, which names its own noise
_SITE = re.compile(r"工地|打桩|渣土车|搅拌机|挖掘机|破碎锤|切割机|(道路|市政|地铁|通宵|夜间|连夜)施工")


def site_noise(norm: str) -> bool:
    """Whether the noise complained of comes from a building site or roadworks."""
    return bool(_SITE.search(norm))
