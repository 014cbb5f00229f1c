"""Rules first, the learned model where they are unsure or find nothing.

The rules explain themselves (their keywords are the evidence); when the model decides,
the evidence names the most similar labelled case instead (「相似案例」), so staff see why.
"""

from dataclasses import replace

from nlp import taxonomy

SIMILAR = "相似案例："
# The rules' own confidence below which the model's code may replace theirs.
RULES_UNSURE = 0.6
# How sure the model must be to overrule unsure rules, and to fill in where they found nothing.
MODEL_OVERRULES = 0.45
MODEL_FILLS = 0.3
# The model alone marks a report urgent only when quite sure: rules see the situation.
MODEL_URGENT = 0.7
_PROBLEM = ("repair", "complaint")


def second_opinion(result, model, norm: str, tokens: list[str], settings: dict):
    opinion = model.opinion(norm, tokens)
    code, intent, confidence = result.code, result.intent, result.confidence
    evidence = list(result.evidence)
    from_model = False
    if code == taxonomy.OTHER and opinion.code != taxonomy.OTHER and opinion.code_p >= MODEL_FILLS:
        from_model = True
    elif confidence < RULES_UNSURE and opinion.code != code and opinion.code_p >= MODEL_OVERRULES:
        from_model = True
    if from_model:
        code, confidence = opinion.code, opinion.code_p
        if intent == "other" or taxonomy.category_of(code) != result.category:
            intent = opinion.intent
        case = model.similar_case(norm, code)
        if case:
            evidence.append(SIMILAR + case)
    urgent = result.urgent or (opinion.urgent_p >= MODEL_URGENT and intent in _PROBLEM)
    if code == result.code and intent == result.intent and urgent == result.urgent:
        return result
    return replace(
        result,
        code=code,
        category=taxonomy.category_of(code),
        intent=intent,
        urgent=urgent,
        confidence=round(confidence, 3),
        evidence=evidence,
    )


class ModelOnly:
    """The model's opinion as a Classification, for `python -m nlp evaluate`."""

    def __init__(self, model):
        self.model = model

    def classify(self, text: str):
        from nlp.classifier import Classification
        from nlp.normalize import normalize
        from nlp.segment import cut

        norm = normalize(text or "")
        if not norm:
            return Classification("other", taxonomy.OTHER, taxonomy.OTHER, False, "calm", 0.0, [])
        o = self.model.opinion(norm, cut(norm))
        return Classification(
            intent=o.intent,
            category=taxonomy.category_of(o.code),
            code=o.code,
            urgent=o.urgent_p >= 0.5,
            emotion="calm",
            confidence=round(o.code_p, 3),
        )
