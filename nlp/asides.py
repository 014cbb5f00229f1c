"""Words said beside a report that would mislead its keywords: a jab at the fee (路灯坏了 物业费
白交了) and the company called rubbish (物业真的垃圾). The report beside them is the topic, its
writer upset; an insult said alone (物业真的垃圾, 你们物业是干什么吃的) is a grievance about the
service (SVC-ATTI)."""

from dataclasses import replace

from nlp import gated, structure, taxonomy, temper
from nlp.conduct import INSULT, USELESS

# searched only in a text holding one of the characters every match needs: most hold none
_INSULT = gated.Gated(INSULT.pattern, "垃烂辣")
_USELESS = gated.Gated(USELESS.pattern, "什啥嘛饭")


def read_aside(classify, norm: str, alone):
    """The classification with the aside set apart, or None to classify as usual. classify:
    the classifier's own method, for the rest; alone: the Classification for an insult alone."""
    jab = structure.fee_jab(norm)
    found = jab or _INSULT.search(norm) or _USELESS.search(norm)
    if not found:  # ... or a threat to leave, a bribe (nlp.temper)
        return temper.read_beside(classify, norm, alone)
    rest = (norm[: found.start()] + " " + norm[found.end() :]).strip()
    about = classify(rest) if rest else None
    evidence = [*about.evidence, found.group(0)] if about is not None else [found.group(0)]
    if jab:
        if about is not None and about.category not in (taxonomy.OTHER, "FEE"):
            # the fault beside the jab is the complaint; the fee words would mislead
            intent = "complaint" if about.intent in ("repair", "other") else about.intent
            return replace(about, intent=intent, emotion="upset", evidence=evidence)
        return None
    if about is not None and about.category != taxonomy.OTHER:
        return replace(about, emotion="upset", evidence=evidence)  # the report is what it names
    return replace(alone, evidence=[found.group(0)])
