"""One turn of the conversation: the message in, what it changes, the reply out. Which
answer a text gets is decided here, in order (who-I-am answers, quotes and surveys,
greetings, emergencies, progress, cancelling, chasing, 问答, reports)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from bot.dialog import about_repair, chasing, corrections, emergencies, events, intents, places
from bot.dialog.answers import (
    about_quote_amount,
    about_the_quote,
    praise_goes_on,
    praised,
    quote_or_receipt,
    survey_answer,
    survey_comment,
)
from bot.dialog.danger_over import danger_over
from bot.dialog.follow_ups import (
    cause_guessed,
    footage_asked,
    read_as_going_on,
    visit_arranged,
    visit_time,
    what_to_do,
)
from bot.dialog.human import bot_asked, human_asked, wants_person
from bot.dialog.identity import (
    decline_identity,
    identity_answer,
    only_who,
    remember_told,
    remind_identity,
    said_who_first,
    says_more_than_who,
    ticket_opened_at_once,
)
from bot.dialog.lookup import (
    CONVERSATION,
    DIALOG_TTL,
    Lookup,
    insert_once,
    tenant_and_conversation,
)
from bot.dialog.numbers import number_given
from bot.dialog.reports import report, several_reports, who
from bot.dialog.tickets import (
    asks_on,
    cancel_request,
    chase,
    flag_for_triage,
    follow_up,
    keep_with_report,
    newest_open,
    note_on_open_ticket,
    progress,
    register,
    take_back_withdrawal,
    upset_about_open,
    withdraw_held,
)
from bot.identity import leftover
from bot.protocol import InboundMessage
from models import Conversation, Message, Tenant
from models.localtime import for_people
from models.reference_cache import SiteValues
from nlp import taxonomy
from workflow import faq
from workflow.classification import classify
from workflow.held_reports import AWAITING_IDENTITY, TRIAGE_NOT_UNDERSTOOD, hold_place, register_pending
from workflow.notices import notice_about
from workflow.phrasebook import phrase, ticket_eta

QUOTE_REPLY_MAX = 20  # a longer message is a report of its own, even with a pending quote


@dataclass
class Turn:
    session: so.Session
    site: SiteValues
    tenant: Tenant
    conv: Conversation
    message: Message
    now: datetime
    first_contact: bool
    recent_open_ticket: bool = True  # False: no open ticket younger than JOIN_WINDOW, nothing to join
    reply: list[str] = field(default_factory=list)
    _readings: dict = field(default_factory=dict)

    def classify(self, text: str):
        """The classifier's reading of a text, once per turn: the identity answer, a survey
        answer and the turn itself may each ask about the same message."""
        found = self._readings.get(text)
        if found is None:
            found = self._readings[text] = classify(self.session, text)
        return found

    def keep_conv(self) -> Conversation:
        """The conversation row, inserted the first time the dialog has something to keep:
        most turns (a known tenant reporting) never need one."""
        if sa.inspect(self.conv).transient:
            self.conv = insert_once(self.session, self.conv, CONVERSATION,
                                    {"site_id": self.site.id, "openid": self.conv.openid})
        return self.conv

    def message_id(self) -> int:
        """The inbound message's id, inserting it now; most turns never need it, and the
        webhook inserts it with the reply at the end (one INSERT instead of INSERT + UPDATEs)."""
        if self.message.id is None:
            self.session.add(self.message)
            self.session.flush()
        return self.message.id

    def say(self, key: str, **values) -> None:
        line = phrase(key, self.site, **values)
        if line not in self.reply:  # two reports in one message ask who the tenant is once
            self.reply.append(line)

    def text(self) -> Optional[str]:
        return "\n".join(self.reply) or None


def fallback_reply(site: SiteValues) -> str:
    return phrase("check_first", site)


def throttled_reply(site: SiteValues) -> str:
    return phrase("too_many_messages", site)


def handle(session: so.Session, site: SiteValues, msg: InboundMessage, message: Message, lookup: Lookup) -> Optional[str]:
    """The reply to one message, with everything it changes added to `session`. `lookup`
    is the sender's row as `look_up` read it (the webhook reads it while Redis answers)."""
    now = lookup.at
    tenant, conv, recent_open_ticket = tenant_and_conversation(session, site, msg.from_user, lookup)
    # When the tenant last wrote is their newest stored message (this one is stored with
    # the reply): nothing to write on the tenant. A tenant new to us never wrote.
    last = lookup.tenant.last_inbound_at if lookup.tenant is not None else None
    first_contact = last is None or last < now - DIALOG_TTL
    if conv.state == AWAITING_IDENTITY and (conv.expires_at is None or conv.expires_at < now):
        # the tenant never answered: keep the report
        recent_open_ticket |= register_pending(session, site, tenant, conv) is not None
    message.tenant_id = tenant.id
    turn = Turn(session, site, tenant, conv, message, now, first_contact, recent_open_ticket)
    if msg.msg_type == "event":
        events.event(turn, msg)
    elif msg.msg_type == "text":
        _text(turn, msg.content or "")
    elif msg.msg_type == "voice":
        if (msg.recognition or "").strip():
            _text(turn, msg.recognition)
        else:
            events.unheard_voice(turn)
    elif msg.msg_type in ("image", "video", "shortvideo"):
        events.media(turn, msg)
    elif msg.msg_type == "location":
        place = f"{msg.label or ''}（{msg.location_x},{msg.location_y}）"
        if note_on_open_ticket(turn, f"租户发送位置：{place}") is not None:
            turn.say("location_received")
        else:  # before the report: it goes on the ticket the report opens
            hold_place(turn.keep_conv(), place, turn.now)
            turn.say("location_need_text")
    elif msg.msg_type == "link":
        note_on_open_ticket(turn, f"租户发送链接：{message.content}")
        turn.say("link_received")
    else:
        turn.say("unsupported")
    if turn.conv.state != "idle":
        turn.conv.expires_at = now + DIALOG_TTL
    return turn.text()


def notice_answers(turn: Turn, text: str) -> bool:
    """A question about an outage the centre announced to this tenant is answered with the
    notice (journey 11), not a ticket for the desk to look the notice up."""
    notice = notice_about(turn.session, turn.tenant.id, text, turn.now)
    if notice is None:
        return False
    turn.say("notice_answer", date=for_people(notice.created_at, turn.now), title=notice.title, body=notice.body)
    return True


def _text(turn: Turn, text: str) -> None:
    text = (text or "").strip()
    bare = intents.bare(text)
    if not bare:  # punctuation or emoji only: while we hold a report, say so and ask again
        if turn.conv.state == AWAITING_IDENTITY:
            remind_identity(turn)
        else:
            turn.say("unclear")
        return
    if turn.conv.state == AWAITING_IDENTITY and wants_person(bare) and human_asked(turn, text, turn.classify(text)):
        return  # 转人工 is no name
    if turn.conv.state == AWAITING_IDENTITY and identity_answer(turn, text):
        return
    if quote_or_receipt(turn, text) or survey_answer(turn, text):
        return
    if intents.GREETING.match(bare) or intents.IS_IT_US.match(bare):
        turn.say("greeting", centre=turn.site.name)
        turn.say("offer_help")
        return
    announced = intents.opener(bare) or intents.opener(intents.bare(leftover(text)))
    if announced is not None:  # 「我要报修」 (「我是来报修的 L2-015」): the report comes next
        remember_told(turn, text)
        if turn.first_contact:
            turn.say("greeting", centre=turn.site.name)
        turn.say({"repair": "menu_repair", "complaint": "menu_complaint", "inquiry": "offer_help"}[announced])
        return
    if intents.HURRY_ONLY.match(bare) and not turn.recent_open_ticket and turn.conv.state != AWAITING_IDENTITY:
        turn.say("menu_repair")  # 急急急, and what it is comes next
        return
    if not intents.BYE.sub("", bare):  # nothing but farewell words
        if turn.conv.state == AWAITING_IDENTITY:  # "谢谢" is not goodbye while we still need to know who
            remind_identity(turn)
        elif not about_the_quote(turn, text):  # "好的" to a quote is not 「确认」
            turn.say("goodbye")
        return
    if intents.never_mind(bare) and turn.conv.state != AWAITING_IDENTITY and newest_open(turn) is None:
        turn.say("let_go")  # 「我要投诉」 then 「算了」: nothing told, nothing to call off, no 「没有听清楚」
        return
    if take_back_withdrawal(turn, text) or events.media_asked(turn, text):  # 还是修一下吧; 视频怎么发给你们
        return
    result = places.with_subject(turn, text, turn.classify(text))  # 你们的保安, then what they did
    if praise_goes_on(turn, text, result) or survey_comment(turn, text, result):  # after a praise, a score
        return
    if several_reports(turn, text):
        return
    result = read_as_going_on(turn, text, result)  # 有小孩在旁边玩 很危险 after 地砖翘起来了
    if chasing.calls_for_the_report(turn, text, result) and chase(turn, text):  # 快派人来啊 after 灯不亮
        return
    if result.urgent and chasing.pressed(turn, text) and chase(turn, text):  # 能不能快点 客人等着用, after a report
        return
    if intents.own_machine_only(text) and not emergencies.names_a_danger(text):
        turn.say("no_service")  # 电脑开不了机: the tenant's own machine, no repair of ours (冒烟 is a danger)
        return
    if result.urgent and about_quote_amount(turn, text):  # 师傅说要120 能便宜点吗, a quote of 120 waiting
        return
    if result.urgent:  # a danger now: no question, chase or 问答 stands in its way
        remember_told(turn, text)
        report(turn, text, result)
        return
    if corrections.corrects(turn, text, result):  # 不对 是天花板漏水, right after a report
        return
    if danger_over(turn, text, result):  # 已经醒了 没事了, after 有人晕倒了
        return
    if number_given(turn, text, result):  # 单号LH-20261201-0003: that report's progress
        return
    if human_asked(turn, text, result) or bot_asked(turn, text):  # 转人工; 你是机器人吗
        return
    if footage_asked(turn, text, result):  # 监控能调吗, after 有人把我车划了 (查一下 is no progress asked)
        return
    if cause_guessed(turn, text, result):  # 是不是楼上的空调, after 楼上滴水下来
        return
    if about_repair.still_faulty(turn, text, result) or about_repair.self_restored(turn, text, result) or (
            about_repair.arrival_told(turn, text, result)):
        return  # 师傅修完了 但是还在漏; 好了 自己推上去了; 师傅来了 正在修
    if about_repair.consequence(turn, text, result):  # 厨房里全是油烟 after 排风扇不转了
        return
    if places.where_it_is(turn, text, result):  # B2层靠近电梯那 after an emergency, 天花板上 after 漏水
        return
    if only_who(turn, text):  # 我是钱七 L3-008 135…: who they are, whatever 钱 reads as
        remember_told(turn, text)
        who(turn, text)
        return
    if places.where_from(turn, text, result) or said_who_first(turn, text):  # 我是二楼的, 3栋2单元, then the fault
        return
    if places.subject_only(turn, text, result):  # 你们的保安, then what they did
        return
    if (len(bare) <= QUOTE_REPLY_MAX and result.code in (taxonomy.OTHER, "SVC-INFO", "FEE-BILL")
            and intents.ABOUT_QUOTE.search(bare) and about_the_quote(turn, text)):
        return
    if turn.conv.state == AWAITING_IDENTITY and intents.DECLINE.search(text) and decline_identity(turn):
        return
    if chasing.delay_asked(turn, text, result):  # 为什么要等两天, after the desk delayed the repair
        return
    if intents.PROGRESS.search(text) and result.intent in ("inquiry", "other") and result.emotion != "upset":
        progress(turn)
        return
    called_off = intents.CALL_OFF.search(bare) or (  # bare: 「算了 不用了」 is typed with a space
        intents.RESOLVED.search(text) and result.intent not in ("repair", "complaint")  # not "修好了，又漏了"
        and not intents.FAULTY_AGAIN.search(text))
    if called_off and turn.conv.state == AWAITING_IDENTITY and withdraw_held(turn):
        return
    if called_off and (turn.conv.state != AWAITING_IDENTITY or ticket_opened_at_once(turn) is not None) and (
            cancel_request(turn, text, thanked=result.intent == "praise")):  # 自己出来了 不用来了, 修好了 谢谢
        return
    impatient = chasing.impatient(turn, text)  # 「人呢」 minutes after a report
    waiting = impatient or chasing.hurried(turn, text) or chasing.pressed(turn, text) or result.code == "SVC-SLOW" or (
        intents.STILL_WAITING.search(text) and result.intent in ("inquiry", "other"))
    if waiting and (result.emotion != "upset" or impatient) and chase(turn, text):
        return
    if chasing.visit_asked(turn, text, result):  # 能派个师傅过来看看吗, after a report
        return
    if visit_time(turn, text, result) or visit_arranged(turn, text, result):  # 晚上来 / 钥匙在隔壁店, after a report
        return
    if what_to_do(turn, text, result):  # 我们要下班了 怎么办, after 卷帘门坏了 锁不上
        return
    if about_repair.cost_asked(turn, text, result) or about_repair.control_asked(turn, text, result) or (
            about_repair.payment_asked(turn, text, result)):
        return  # 修这个要收费吗, 总闸在哪里, 钱怎么付: after a repair report, about that repair
    # 你们客服电话多少 is no complaint about the service desk, whatever 客服 makes of the code
    if intents.CONTACT_ASKED.search(text) and result.intent in ("inquiry", "other") and (
            result.code in intents.NO_FAULT_CODES or result.category == "SVC"):
        turn.say("contact_us")  # 你们电话多少: answered, not a ticket for the desk to ring back
        return
    if result.intent == "inquiry" and not result.urgent and notice_answers(turn, text):  # 周六停水吗, after the notice
        return
    asked = faq.ask(turn.session, turn.site, turn.tenant, text, result)  # the centre's 问答 answers at once
    if asked.answer is not None:
        if turn.first_contact:
            turn.say("greeting", centre=turn.site.name)
        turn.reply.append(asked.answer)
        return
    if intents.asks_no_service(text) and result.intent not in ("repair", "complaint"):
        turn.say("no_service")
        return
    told = remember_told(turn, text)
    if result.intent == "praise":
        praised(turn)
        return
    if result.code == taxonomy.OTHER and result.intent == "other":
        if turn.conv.state == AWAITING_IDENTITY:
            keep_with_report(turn, text)
            remind_identity(turn)
        elif told and (newest_open(turn) is not None or not says_more_than_who(turn, text)):
            who(turn, text)  # with a ticket open, what else it says is noted there
        elif result.emotion == "upset" and upset_about_open(turn, text):  # 你们到底管不管, after a report
            pass
        elif follow_up(turn, text):
            pass
        elif intents.has_substance(text):  # said something we do not understand: a person reads it
            ticket = register(turn, text, result)
            flag_for_triage(ticket, TRIAGE_NOT_UNDERSTOOD)
            turn.say("check_first")
            turn.say("ticket_opened", number=ticket.number, eta=ticket_eta(ticket, turn.site))
        else:  # empty or garbled only
            turn.say("unclear")
        return
    if result.intent == "inquiry" and asks_on(turn, text, result):
        return
    if result.intent in ("inquiry", "suggestion"):
        ticket = register(turn, text, result)
        faq.handed_over(asked, ticket)
        turn.say("check_first" if result.intent == "inquiry" else "suggestion_thanks")
        turn.say("ticket_opened", number=ticket.number, eta=ticket_eta(ticket, turn.site))
        return
    report(turn, text, result)
