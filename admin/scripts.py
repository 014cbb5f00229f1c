"""Which prescribed phrases the clerk sees at which moment. The words come from the
phrasebook (workflow/phrasebook.py, per-site overrides); this only picks and orders them."""
from __future__ import annotations

from typing import Optional

from models import Site
from workflow.phrasebook import defaults, phrase

INTAKE = {
    "phone": ["greeting", "offer_help", "ask_name", "ask_phone", "ask_unit", "unclear", "check_first",
              "help_coming", "sympathy", "no_service", "escalate", "thanks_complaint", "goodbye"],
    "visit": ["offer_help", "ask_name", "ask_unit", "ask_phone", "unclear", "check_first", "help_coming",
              "sympathy", "no_service", "escalate", "thanks_complaint", "goodbye"],
    "letter": [],
}
VISIT = ["greeting", "visit_question", "thanks_complaint", "goodbye"]
# The call list (admin/callbacks.py): what to say on each kind of call.
CALLS = {
    "satisfaction": ["greeting", "call_satisfaction", "thanks_complaint", "goodbye"],
    "letter_visit": ["greeting", "call_letter", "thanks_complaint", "goodbye"],
    "explain_delay": ["greeting", "call_delay", "goodbye"],
    "explain_not_ours": ["greeting", "call_not_ours", "no_service", "goodbye"],
}
# Console-only lines until the phrasebook carries them (a return-visit question, seed §二注意(8)).
FALLBACK = {
    "visit_question": {"text": "我们之前为您处理了「{content}」，想回访一下：现在情况是否正常？您对处理结果满意吗？",
                       "moment": "回访：询问处理结果和满意度"},
    "call_satisfaction": {"text": "我们之前为您处理了「{content}」（工单 {number}），想回访一下：您对处理结果满意吗？"
                                  "请您按1到5分评价，5分最满意。",
                          "moment": "满意度回访：请租户按1-5分评价（与微信满意度调查同一标准）"},
    "call_letter": {"text": "您之前来信反映的「{content}」已处理完毕，处理结果是：{result}。想回访一下：现在情况是否正常？"
                            "您对处理结果满意吗？",
                    "moment": "信函回访：告知处理结果，询问是否满意"},
    "call_delay": {"text": "非常抱歉，您的工单 {number}「{content}」因{reason}暂时无法按时完成，预计完成时间：{eta}。"
                           "感谢您的谅解。",
                   "moment": "电话告知延期：原因和预计完成时间"},
    "call_not_ours": {"text": "关于您反映的「{content}」：{result}",
                      "moment": "电话解释：不属于物业服务范围的原因"},
}


def lines(keys: list[str], site: Optional[Site], **values) -> list[dict]:
    book = defaults()
    out = []
    for key in keys:
        if key in book:
            out.append({"key": key, "moment": book[key].get("moment", ""), "text": phrase(key, site, **values)})
        elif key in FALLBACK:
            overrides = (site.settings or {}).get("phrases", {}) if site else {}
            template = overrides.get(key) or FALLBACK[key]["text"]
            out.append({"key": key, "moment": FALLBACK[key]["moment"], "text": _format(template, values)})
    return out


def _format(template: str, values: dict) -> str:
    class Blank(dict):
        def __missing__(self, key):
            return ""

    return template.format_map(Blank(values))


def highlights(result) -> list[str]:
    """The phrases that fit what the classifier sees in the text typed so far."""
    keys = []
    if result.emotion == "upset":
        keys += ["sympathy", "escalate"]
    if result.urgent or result.intent == "repair":
        keys.append("help_coming")
    if result.code == "OTHER" and result.intent == "other":
        keys.append("no_service")
    if result.intent == "complaint":
        keys.append("thanks_complaint")
    return keys
