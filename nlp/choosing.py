"""Choosing from the scan's scores: the code (a grievance about handling outranks the fault
it names), the intent (with each code's priors), the desk or billing for a question, and
how sure the rules are."""

from nlp import taxonomy

# of grievance_min: a grievance keyword that names one on its own (没下文, 没人管)
STRONG_GRIEVANCE_SHARE = 0.8


def pick_code(codes: dict, s: dict, recurs: bool = False) -> tuple[str, float, float]:
    """Best topic code, then let a grievance about handling outrank the fault it names, unless
    (recurs) a letter's title says the fault recurs (停电好多次, 频繁停水): there 多次 is the fault's."""
    grievance = s["grievance_code"]
    ranked = sorted(codes.items(), key=lambda kv: kv[1], reverse=True)
    if not ranked or ranked[0][1] <= 0:
        return taxonomy.OTHER, 0.0, 0.0
    topics = [kv for kv in ranked if kv[0] != grievance]
    g = codes.get(grievance, 0.0)
    top_code, top = topics[0] if topics else (taxonomy.OTHER, 0.0)
    second = topics[1][1] if len(topics) > 1 else 0.0
    if _grievance_outranks(g, top_code, top, s) and not (recurs and top > 0):
        return grievance, g, top
    if top <= 0:
        return taxonomy.OTHER, 0.0, 0.0
    return top_code, top, second


def pick_intent(intents: dict, code: str, upset: bool, s: dict) -> str:
    praise = intents.get("praise", 0.0)
    problem = intents.get("repair", 0.0) + intents.get("complaint", 0.0)
    if praise >= s["praise_min"] and praise > problem:
        return "praise"
    if intents.get("suggestion", 0.0) >= s["suggestion_min"]:
        return "suggestion"
    priors = s["intent_priors"]
    prior = priors.get(code) or priors.get(taxonomy.category_of(code)) or {}
    inquiry = intents.get("inquiry", 0.0)
    repair = intents.get("repair", 0.0) + prior.get("repair", 0.0)
    complaint = intents.get("complaint", 0.0) + prior.get("complaint", 0.0)
    if inquiry >= s["inquiry_min"] and not upset:
        inquiry += prior.get("inquiry", 0.0)
        if inquiry > max(repair, complaint):
            return "inquiry"
    elif code == s["info_code"]:
        return "inquiry"
    if code == taxonomy.OTHER and max(repair - prior.get("repair", 0.0), complaint) < s["inquiry_min"]:
        return "other"
    return "repair" if repair > complaint else "complaint"


def inquiry_code(scan, code: str, score: float, s: dict) -> tuple[str, float]:
    """Questions go to the desk, money questions to billing, questions about a fault keep it."""
    money, info = s["money_code"], s["info_code"]
    money_score = scan.codes.get(money, 0.0)
    info_score = scan.codes.get(info, 0.0)
    if money_score > 0 and money_score >= info_score:
        return money, money_score
    if scan.intents.get("repair", 0.0) >= s["fault_min"] and code != taxonomy.OTHER:
        return code, score
    strength = info_score + scan.intents.get("inquiry", 0.0)
    if info_score <= 0 and code == taxonomy.OTHER:
        return taxonomy.OTHER, 0.0
    return info, strength


def sure_of_category(code: str, score: float, scan, s: dict) -> bool:
    """Whether the rivals that made the code unsure all share its category, so that the
    message still has somewhere to go."""
    category = taxonomy.category_of(code)
    rival = max((v for c, v in scan.codes.items() if taxonomy.category_of(c) != category), default=0.0)
    return confidence(score, rival, s) >= s["threshold"]


def confidence(score: float, runner_up: float, s: dict) -> float:
    if score <= 0:
        return 0.0
    strength = score / (score + s["confidence_scale"])
    separation = score / (score + runner_up)
    return strength * (0.5 + 0.5 * separation)


def _grievance_outranks(g: float, top_code: str, top: float, s: dict) -> bool:
    """Whether a grievance about handling (score g) outranks the best topic beside it."""
    if g >= s["grievance_min"]:
        return taxonomy.category_of(top_code) in s["grievance_outranks"] or g >= top * s["grievance_ratio_other"]
    # one strong grievance keyword (没下文) beside a weak topic (客服 alone names no manner)
    return top > 0 and g >= s["grievance_min"] * STRONG_GRIEVANCE_SHARE and g >= top * s["grievance_ratio_other"]
