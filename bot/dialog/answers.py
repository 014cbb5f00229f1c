"""The tenant answering what we asked: a paid repair's quote (「确认」/「不同意」, or words
about it), a finished job's receipt, a satisfaction survey's score; and going on from a
praise we thanked for."""
from __future__ import annotations

import re
from datetime import timedelta
from typing import TYPE_CHECKING

import workflow
from bot.dialog import emergencies, intents
from bot.dialog.lookup import open_tickets
from bot.dialog.tickets import note
from models import Status
from workflow import surveys

if TYPE_CHECKING:
    from bot.dialog.turns import Turn


def about_the_quote(turn: Turn, text: str) -> bool:
    """Words about a paid repair's quote that are not the answer it asked for (好的, 可以 修吧,
    180太贵了吧, 能便宜点吗): noted for the desk, and the quote's instruction said again.
    Money needs the explicit 「确认」 (seed §五(2)); a guess at assent would spend it."""
    quoted = open_tickets(turn.session, turn.tenant, Status.QUOTED)
    if not quoted:
        return False
    ticket = quoted[0]
    note(turn, ticket, f"租户就报价回复：{text}")
    turn.say("notify_quote", number=ticket.number, description=ticket.quote_description or "",
             amount=f"{ticket.quote_amount or 0:.2f}")
    return True


def about_quote_amount(turn: Turn, text: str) -> bool:
    """The waiting quote's amount written out (师傅说要120 能便宜点吗, 60块含材料不): the words
    are about the price, not the ambulance nor a decoration complaint, unless they name a
    danger without it or a thing the quoted repair does not."""
    if not re.search(r"[0-9]", text):  # no amount written: no query on the tenant's tickets
        return False
    quoted = open_tickets(turn.session, turn.tenant, Status.QUOTED)
    if not quoted or quoted[0].quote_amount is None:
        return False
    amount = f"{quoted[0].quote_amount:.2f}".rstrip("0").rstrip(".")
    if not re.search(rf"(?<![0-9.]){re.escape(amount)}(?![0-9])", text):
        return False
    if not set(intents.FAULT_OBJECT.findall(text)) <= set(intents.FAULT_OBJECT.findall(quoted[0].content)):
        return False  # 120块就120块 门口的灯也坏了: a thing of its own, its own report
    return not emergencies.names_a_danger(text.replace(amount, "，")) and about_the_quote(turn, text)


def quote_or_receipt(turn: Turn, text: str) -> bool:
    bare = intents.bare(text)
    yes, no = bool(intents.YES.match(bare)), bool(intents.NO.match(bare))
    # 不同意 太贵了 我自己找人修 (不行 水又漏了 快来人 is a new emergency, not an answer)
    reasons = not (yes or no) and intents.declines_with_reasons(text) and not turn.classify(text).urgent
    if not (yes or no or reasons):
        return False
    quoted = open_tickets(turn.session, turn.tenant, Status.QUOTED)
    if quoted:
        if reasons:  # why, for the desk that calls the tenant back
            note(turn, quoted[0], f"租户就报价回复：{text}")
        workflow.answer_quote(turn.session, quoted[0], None, accepted=yes)
        turn.say("quote_accepted" if yes else "quote_declined")
        return True
    if yes:
        done = [t for t in open_tickets(turn.session, turn.tenant, Status.COMPLETED, Status.CLOSED)[:3]
                if not t.receipt_confirmed and t.completed_at is not None]
        if done:
            workflow.confirm_receipt(turn.session, done[0], None)
            turn.say("receipt_confirmed")
            return True
    return False


def survey_answer(turn: Turn, text: str) -> bool:
    parsed = surveys.parse_chat_answer(text)
    if parsed is None:
        return False
    survey = surveys.open_survey(turn.session, turn.tenant.id)
    if survey is None:
        return False
    reopened = surveys.answer_survey(turn.session, survey, score=parsed[0], comment=parsed[1], channel="chat")
    if not parsed[1]:  # its comment may follow in a message of its own
        turn.keep_conv().note_time("surveyed_at", turn.now)
    reading = turn.classify(text) if parsed[1] else None  # the whole message: one reading a turn
    if reading is not None and reading.urgent:  # 「3分 插座冒烟了」: the score is kept, the danger answered
        return False
    turn.say("survey_sorry" if reopened else _thanks(reading, parsed[1]))
    return True


# What a survey's comment holds against the service, in the few words comments are (就是来得有点晚):
# the classifier reads most such comments as nothing
_GRIEVANCE = re.compile(r"太晚|有点晚|来得晚|很晚|太慢|有点慢|很慢|等了(?:半天|很久|好久|一天|两天|几天)|不太好|不够|没修好|"
                        r"还是(?:不|没)|态度(?:不好|差|一般)|不满意|敷衍|马虎|不专业|不彻底|不耐烦|迟到|太贵|有点贵|不干净|没清理|一般般")


def _thanks(reading, comment: str) -> str:
    """Thanks for a score; with a grievance in its comment (3分 师傅来得太晚了), an apology too."""
    aggrieved = reading is not None and (reading.intent == "complaint" or _GRIEVANCE.search(comment))
    return "survey_thanks_sorry" if aggrieved else "survey_thanks"


def survey_comment(turn: Turn, text: str, result) -> bool:
    """「师傅挺好的 就是来得有点晚」 right after a score: the survey's comment, on the ticket it
    rates (an angry one reopens it), not a new complaint. A fault or a danger is a report."""
    # a thing named is a fault to report, unless the comment is about the staff (师傅把我们的地板弄脏了)
    if result.urgent or result.intent == "repair" or (intents.FAULT_OBJECT.search(text) and not _STAFF_NAMED.search(text)):
        return False
    if not turn.conv.said_within("surveyed_at", turn.now, surveys.COMMENT_WITHIN):
        return False
    survey = surveys.just_answered(turn.session, turn.tenant.id)
    if survey is None:
        return False
    reopened = surveys.add_comment(turn.session, survey, text)
    # 1分, then why: sorry, and the supervisor calls; 3分, then a grievance: sorry
    turn.say("survey_sorry" if reopened or survey.score <= surveys.LOW_SCORE else _thanks(result, text))
    return True


PRAISE_GOES_ON = timedelta(minutes=10)
# whom a praise was for (姓赵的那个师傅, 那个保安小伙子, 保洁阿姨): staff named, no fault
_STAFF_NAMED = re.compile(r"师傅|保安|保洁|阿姨|客服|经理|管家|前台|小伙子|小姑娘|小哥|姓[\u4e00-\u9fff]")


def praised(turn: Turn) -> None:
    turn.say("praise_thanks")
    turn.keep_conv().note_time("praised_at", turn.now)


def praise_goes_on(turn: Turn, text: str, result) -> bool:
    """「姓赵的那个师傅」 right after 「谢谢你们昨天的维修师傅 很专业」: whom the praise is for,
    thanked again, not a question that opens a ticket for the desk."""
    # 保安 alone reads as a complaint about the guards: one only if it says more than whom
    complains = result.intent in ("repair", "complaint") and not all(_STAFF_NAMED.fullmatch(e) for e in result.evidence)
    if result.urgent or result.emotion == "upset" or complains or intents.FAULT_OBJECT.search(text):
        return False
    if not _STAFF_NAMED.search(text) or not turn.conv.said_within("praised_at", turn.now, PRAISE_GOES_ON):
        return False
    turn.say("praise_thanks")
    return True
