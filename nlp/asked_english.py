"""A question asked in English, with or without a question mark (when will the plumber come,
what time does the car park close, how much is the parking fee): English asks with its
opening words, while the keywords hear a question in Chinese (吗, 几点, 多少钱) and the model,
fitted on Chinese, hears only the topic's word (parking: a parking complaint). A question is
the desk's (SVC-INFO), one about money billing's (FEE-BILL), as taxonomy.md says.

Left to the rest: whether anyone is there (a greeting), a fault reported in the same message (is the lift broken again, 空调坏了
when will someone come), a grievance (how many times do I have to call), and a request that
someone come and do something (can you send someone to fix the light), none of which is a
question for the desk. Whether a fault is fixed yet, or when, is asked about its progress
(when will the lift be fixed): the desk's, as 什么时候能修好 is (nlp.readings)."""

import re

# the opening of a question, at the start of the message or of a sentence, after at most a
# short greeting or a Chinese word of address (请问, 物业, 你好)
_LEAD = r"(?:^|[.!;:。！；，,]\s{0,3})[^a-z.!?;:。！？；]{0,6}?(?:(?:hi|hello|hey|dear|sorry|excuse me|good morning|good afternoon|morning|quick question|question)[\s,.!:]{1,3})?"
_WH = (
    r"when|where|which|who|whom|whose|what(?:'s)?(?! a )|how (?:much|many|long|often|soon|early|late|far|do|does|can|could|should|to)"
)
# is/are/can/do ... followed by who or what it is about (not "is broken", "can't")
_AUX = (
    r"(?:is|are|was|will|would|do|does|did|can|could|may|should|shall|am) "
    r"(?:there|the|it|this|that|these|those|your|our|my|we|i|you|they|a|an|anyone|someone|somebody|anybody|parking|visitors|tenants)"
)
# ... or a lead-in that announces one (i want to know, could you tell me, may i ask)
_ASKING = (
    r"(?:i (?:want|would like|'d like|wanna|need) to (?:know|ask)|may i (?:know|ask)|"
    r"(?:please|pls|can you|could you|can someone|could someone|can anyone) (?:tell|let) me|do you know|any idea|wondering)"
)
_QUESTION = re.compile(rf"{_LEAD}(?:{_WH}|{_AUX}|{_ASKING})(?![a-z'])")
# someone asked to come and do something: a request, which the fault's words decide
_REQUEST = re.compile(
    r"(?:can|could|would|will) (?:you|someone|somebody|anyone|u)(?: please| pls| kindly)? "
    r"(?:come|send|fix|repair|help|check|look|clean|sort|unblock|replace|change|bring|move|turn|switch|remove|get rid)"
)
_FAULT = re.compile(
    r"(?<![a-z])(?:broken|broke|not working|isn't working|is not working|doesn't work|does not work|don't work|"
    r"won't (?:work|open|close|lock|start|turn|flush|drain)|stopped working|out of order|leak\w{0,3}|blocked|clogged|"
    r"stuck|trapped|burst|flood\w{0,3}|no (?:power|water|electricity|light|lights|signal|internet|hot water|air)|"
    r"smoke(?! ?(?:detector|alarm))|smoky|fire(?! ?(?:exit|door|alarm|extinguisher|escape|drill|hydrant|hose|safety|lane|stair))|sparks?|tripped|faulty|damaged|cracked|falling|fell|not (?:cooling|heating|draining|flushing)|"
    r"too (?:hot|cold|loud|noisy)|noisy|noise|smells?|stinks?|dirty)(?![a-z])|"
    r"坏|漏|堵|不亮|不制冷|不制热|没电|没水|故障|跳闸|冒烟|着火|困|淹|不好使|用不了|不能用|没反应"
)
# ... unless what is asked is when it is fixed or back (its progress)
_PROGRESS = re.compile(
    r"(?<![a-z])(?:when|how long|how soon|what time)(?![a-z])[^.!?;。！？]{0,40}?"
    r"(?<![a-z])(?:fixed|repaired|back|restored|working again|done|sorted|finished|resolved)(?![a-z])"
)
# a grievance: the wait, asking again, nobody answering; or only whether anyone is there (a greeting)
_GRIEVANCE = re.compile(
    r"(?<![a-z])(?:(?:anyone|anybody|someone|somebody|you) (?:there|here|around|online|awake|in the office)|waiting|waited|how many times|how much longer|again and again|already (?:called|reported|asked|told)|"
    r"nobody|no one|ridiculous|unacceptable|seriously|why)(?![a-z])"
)
_MONEY = re.compile(
    r"(?<![a-z])(?:fees?|price\w{0,2}|costs?|costing|charged?|charges|pay|paying|paid|payment|invoices?|"
    r"receipts?|deposits?|bills?|billing|refund\w{0,2}|how much|yuan|rmb|tax)(?![a-z])"
)


def question(norm: str) -> tuple[str, str, str] | None:
    """(code, "inquiry", "english_question") when the message asks the desk a question in
    English, else None."""
    if not _QUESTION.search(norm) or _GRIEVANCE.search(norm) or _REQUEST.search(norm):
        return None
    if _FAULT.search(norm) and not _PROGRESS.search(norm):
        return None
    return ("FEE-BILL" if _MONEY.search(norm) else "SVC-INFO"), "inquiry", "english_question"
