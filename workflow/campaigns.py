"""Questionnaires and visit plans (seed §七(1)(2)), for the console to call.

A questionnaire is composed (``create_campaign``), sent to a site's tenants or a filtered
group (``send_campaign``: one outbox row per tenant, delivered as a WeChat link to the
mobile page /survey/q/<token>), answered there (``answer_campaign``) for 24 hours, then
closed by a periodic job (``close_due_campaigns``); ``campaign_results`` gives the
response rate and the answers per question. Tenants WeChat cannot reach answer a printed
form the desk enters (``record_paper_answers``). Visit plans: ``workflow.visit_plans``.

Functions add to the session and never commit: the caller owns the transaction."""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any, Optional

import sqlalchemy as sa
import sqlalchemy.orm as so

from models import (
    Campaign,
    CampaignAnswer,
    CampaignQuestion,
    CampaignRecipient,
    Outbox,
    Role,
    Site,
    Staff,
    Tenant,
    Unit,
)
from workflow import machine
from workflow.errors import PermissionDenied, ValidationError

QUESTION_KINDS = {"choice": "单选", "text": "文字"}
MAX_QUESTIONS = 10
MAX_OPTIONS = 8
CAMPAIGN_HOURS = 24  # seed §七(2): collected within 24 hours
MAX_TEXT_ANSWER = 500
ORGANISERS = (Role.DESK, Role.SUPERVISOR, Role.ADMIN)


def check_organiser(actor: Optional[Staff], site_id: int) -> None:
    if actor is None or not actor.active or actor.role not in ORGANISERS:
        raise PermissionDenied("只有客服、主管或管理员可以组织问卷和走访")
    if not actor.can_see_site(site_id):
        raise PermissionDenied("无权操作其他服务中心")


# --------------------------------------------------------------------------- compose
def create_campaign(session: so.Session, site: Site, actor: Staff, *, title: str, intro: str = "",
                    questions: Sequence[Mapping[str, Any]]) -> Campaign:
    """``questions``: ``{"text": ..., "kind": "choice"|"text", "options": [...], "required": bool}``."""
    check_organiser(actor, site.id)
    title = (title or "").strip()
    if not title:
        raise ValidationError("请填写问卷标题", field="title")
    if len(title) > 80:
        raise ValidationError("问卷标题不能超过80字", field="title")
    if not questions:
        raise ValidationError("请至少添加一个问题", field="questions")
    if len(questions) > MAX_QUESTIONS:
        raise ValidationError(f"问题不能超过{MAX_QUESTIONS}个", field="questions")
    campaign = Campaign(site=site, title=title, intro=(intro or "").strip() or None, created_by_id=actor.id,
                        status="draft")
    for position, spec in enumerate(questions, start=1):
        campaign.questions.append(_question(position, spec))
    session.add(campaign)
    return campaign


def delete_draft(session: so.Session, campaign: Campaign, actor: Staff) -> None:
    """A draft nobody was sent can go (a sent questionnaire stays, with its answers)."""
    check_organiser(actor, campaign.site_id)
    if campaign.status != "draft":
        raise ValidationError("已发送的问卷不能删除", field="status")
    session.delete(campaign)


def _question(position: int, spec: Mapping[str, Any]) -> CampaignQuestion:
    field = f"questions.{position}"
    text = str(spec.get("text") or "").strip()
    if not text:
        raise ValidationError(f"第{position}题：请填写题目", field=field)
    if len(text) > 200:
        raise ValidationError(f"第{position}题：题目不能超过200字", field=field)
    kind = spec.get("kind") or "choice"
    if kind not in QUESTION_KINDS:
        raise ValidationError(f"第{position}题：题型须为单选或文字", field=field)
    options: list[str] = []
    if kind == "choice":
        options = [str(o).strip() for o in spec.get("options") or [] if str(o).strip()]
        if len(options) < 2:
            raise ValidationError(f"第{position}题：单选题至少需要两个选项", field=field)
        if len(options) > MAX_OPTIONS or len(set(options)) != len(options) or max(map(len, options)) > 100:
            raise ValidationError(f"第{position}题：选项不能重复，最多{MAX_OPTIONS}个，每个不超过100字", field=field)
    return CampaignQuestion(position=position, text=text, kind=kind, options=options,
                            required=bool(spec.get("required", True)))


# --------------------------------------------------------------------------- audience
WECHAT_REACHABLE = sa.and_(Tenant.openid.is_not(None), Tenant.subscribed.is_(True))


def in_scope(site: Site, *, unit_kinds: Optional[Iterable[str]] = None, buildings: Optional[Iterable[str]] = None,
             unit_codes: Optional[Iterable[str]] = None, tenant_ids: Optional[Iterable[int]] = None) -> sa.Select:
    """The site's tenants, narrowed by unit kind (shop/office/apartment), building, unit
    codes or explicit tenant ids; reachable by WeChat or not."""
    stmt = sa.select(Tenant).where(Tenant.site_id == site.id)
    if unit_kinds or buildings or unit_codes:
        stmt = stmt.join(Unit, Unit.id == Tenant.unit_id)
        if unit_kinds:
            stmt = stmt.where(Unit.kind.in_(list(unit_kinds)))
        if buildings:
            stmt = stmt.where(Unit.building.in_(list(buildings)))
        if unit_codes:
            stmt = stmt.where(Unit.matching(unit_codes))
    if tenant_ids is not None:
        stmt = stmt.where(Tenant.id.in_(list(tenant_ids)))
    return stmt.order_by(Tenant.id)


def audience(session: so.Session, site: Site, *, unit_kinds: Optional[Iterable[str]] = None,
             buildings: Optional[Iterable[str]] = None, unit_codes: Optional[Iterable[str]] = None,
             tenant_ids: Optional[Iterable[int]] = None) -> sa.Select:
    """The tenants of the scope (``in_scope``) reachable by WeChat (followed the account)."""
    return in_scope(site, unit_kinds=unit_kinds, buildings=buildings, unit_codes=unit_codes,
                    tenant_ids=tenant_ids).where(WECHAT_REACHABLE)


def _check_unit_codes(session: so.Session, site: Site, unit_codes: Iterable[str]) -> None:
    unknown = Unit.unknown_codes(session, site.id, unit_codes)
    if unknown:
        raise ValidationError(f"没有这些单元：{'、'.join(unknown[:20])}", field="units")


def send_campaign(session: so.Session, campaign: Campaign, actor: Staff, *,
                  unit_kinds: Optional[Iterable[str]] = None, buildings: Optional[Iterable[str]] = None,
                  unit_codes: Optional[Iterable[str]] = None,
                  tenant_ids: Optional[Iterable[int]] = None, hours: int = CAMPAIGN_HOURS) -> int:
    """Open the questionnaire for ``hours`` and queue one WeChat invitation per tenant in
    the audience; returns how many. Delivered after the caller commits."""
    check_organiser(actor, campaign.site.id)
    if campaign.status != "draft":
        raise ValidationError("该问卷已发送", field="status")
    if not isinstance(hours, int) or not 1 <= hours <= CAMPAIGN_HOURS:  # seed §七(2): 24小时之内收回
        raise ValidationError(f"问卷须在{CAMPAIGN_HOURS}小时之内收回，收集时间须为1到{CAMPAIGN_HOURS}小时", field="hours")
    if unit_codes:
        _check_unit_codes(session, campaign.site, unit_codes)
    filters = {"unit_kinds": sorted(unit_kinds) if unit_kinds else None,
               "buildings": sorted(buildings) if buildings else None,
               "unit_codes": sorted(unit_codes) if unit_codes else None,
               "tenant_ids": sorted(tenant_ids) if tenant_ids is not None else None}
    tenants = session.scalars(audience(session, campaign.site, unit_kinds=unit_kinds, buildings=buildings,
                                       unit_codes=unit_codes, tenant_ids=tenant_ids)).all()
    if not tenants:
        raise ValidationError("没有符合条件且已关注服务号的租户", field="audience")
    now = machine.now()
    # Claimed in the database: the send form posted twice at once must send once.
    claimed = session.execute(
        sa.update(Campaign).where(Campaign.id == campaign.id, Campaign.status == "draft")
        .values(status="open", sent_at=now, closes_at=now + timedelta(hours=hours))
        .execution_options(synchronize_session=False)
    ).rowcount
    if claimed != 1:
        raise ValidationError("该问卷已发送", field="status")
    campaign.status, campaign.sent_at, campaign.closes_at = "open", now, now + timedelta(hours=hours)
    campaign.audience = {k: v for k, v in filters.items() if v is not None}
    for tenant in tenants:
        recipient = CampaignRecipient(campaign=campaign, tenant_id=tenant.id)
        session.add(recipient)
        session.flush()
        session.add(Outbox(kind="send_questionnaire",
                           payload={"recipient_id": recipient.id, "site_id": campaign.site.id}))
    return len(tenants)


# --------------------------------------------------------------------------- answers
def is_open(campaign: Campaign, now: Optional[datetime] = None) -> bool:
    now = now or machine.now()
    return campaign.status == "open" and campaign.closes_at is not None and campaign.closes_at > now


def _answer_rows(campaign: Campaign, recipient_id: Optional[int], answers: Mapping[int, Any]) -> list[CampaignAnswer]:
    """The answers checked against the questions (``q<id>`` names the field of a refusal)."""
    rows = []
    for question in campaign.questions:
        raw = answers.get(question.id)
        value = str(raw).strip() if raw is not None else ""
        field = f"q{question.id}"
        if not value:
            if question.required:
                raise ValidationError(f"请回答第{question.position}题", field=field)
            continue
        if question.kind == "choice":
            if value not in question.options:
                raise ValidationError(f"第{question.position}题的选项无效", field=field)
            rows.append(CampaignAnswer(recipient_id=recipient_id, question_id=question.id, choice=value))
        else:
            rows.append(CampaignAnswer(recipient_id=recipient_id, question_id=question.id,
                                       text=value[:MAX_TEXT_ANSWER]))
    return rows


def answer_campaign(session: so.Session, recipient: CampaignRecipient, answers: Mapping[int, Any]) -> None:
    """``answers``: question id → the chosen option (choice) or the text. Once per tenant."""
    campaign = recipient.campaign
    if recipient.answered_at is not None:
        raise ValidationError("您已提交过这份问卷，感谢您的参与", field="answers")
    if not is_open(campaign):
        raise ValidationError("问卷已结束收集", field="answers")
    rows = _answer_rows(campaign, recipient.id, answers)
    now = machine.now()
    # Claimed in the database: a double submission must not store the answers twice.
    claimed = session.execute(
        sa.update(CampaignRecipient).where(CampaignRecipient.id == recipient.id,
                                           CampaignRecipient.answered_at.is_(None))
        .values(answered_at=now).execution_options(synchronize_session=False)
    ).rowcount
    if claimed != 1:
        raise ValidationError("您已提交过这份问卷，感谢您的参与", field="answers")
    recipient.answered_at = now
    session.add_all(rows)


def close_campaign(session: so.Session, campaign: Campaign, actor: Staff) -> None:
    """End the collection before its 24 hours are up (the periodic job closes it at the end)."""
    check_organiser(actor, campaign.site_id)
    if campaign.status != "open":
        raise ValidationError("只有正在收集的问卷可以结束", field="status")
    campaign.status, campaign.closed_at = "closed", machine.now()


# --------------------------------------------------------------------------- paper forms
def paper_tenants(session: so.Session, campaign: Campaign) -> list[Tenant]:
    """The tenants of the campaign's scope WeChat cannot reach (no account, or no longer
    following) who have not answered: each is handed a printed form."""
    chosen = campaign.audience or {}
    answered = sa.select(CampaignRecipient.tenant_id).where(CampaignRecipient.campaign_id == campaign.id,
                                                           CampaignRecipient.answered_at.is_not(None))
    stmt = in_scope(campaign.site, unit_kinds=chosen.get("unit_kinds"), buildings=chosen.get("buildings"),
                    unit_codes=chosen.get("unit_codes"), tenant_ids=chosen.get("tenant_ids"))
    return session.scalars(stmt.where(sa.not_(WECHAT_REACHABLE), Tenant.id.not_in(answered))
                           .options(so.selectinload(Tenant.unit))).all()


def record_paper_answers(session: so.Session, campaign: Campaign, actor: Staff, tenant: Tenant,
                         answers: Mapping[int, Any]) -> CampaignRecipient:
    """The desk enters a printed form a tenant handed in; the recipient's delivery says
    "paper" (a tenant sent the WeChat link who answered on paper too)."""
    check_organiser(actor, campaign.site_id)
    if tenant.site_id != campaign.site_id:
        raise ValidationError("该租户不属于本服务中心", field="unit")
    if not is_open(campaign):
        raise ValidationError("问卷已结束收集，不能再录入答卷", field="answers")
    recipient = session.scalar(sa.select(CampaignRecipient).where(CampaignRecipient.campaign_id == campaign.id,
                                                                 CampaignRecipient.tenant_id == tenant.id))
    if recipient is not None and recipient.answered_at is not None:
        raise ValidationError(f"{tenant.name or '该租户'}已提交过这份问卷", field="unit")
    if recipient is None:
        recipient = CampaignRecipient(campaign=campaign, tenant_id=tenant.id)
        session.add(recipient)
        session.flush()
    recipient.delivery = "paper"
    answer_campaign(session, recipient, answers)
    return recipient


def close_due_campaigns(session: so.Session, now: Optional[datetime] = None) -> int:
    now = now or machine.now()
    result = session.execute(
        sa.update(Campaign).where(Campaign.status == "open", Campaign.closes_at <= now)
        .values(status="closed", closed_at=now).execution_options(synchronize_session=False)
    )
    return result.rowcount


def campaign_results(session: so.Session, campaign: Campaign) -> dict[str, Any]:
    """Recipients, deliveries, responses, the response rate, and per question the count of
    each option (choice) or the answers given (text, newest first)."""
    counts = dict(session.execute(
        sa.select(CampaignRecipient.delivery, sa.func.count(CampaignRecipient.id))
        .where(CampaignRecipient.campaign_id == campaign.id).group_by(CampaignRecipient.delivery)
    ).all())
    recipients = sum(counts.values())
    responded = session.scalar(sa.select(sa.func.count(CampaignRecipient.id)).where(
        CampaignRecipient.campaign_id == campaign.id, CampaignRecipient.answered_at.is_not(None))) or 0
    choice_counts: dict[int, dict[str, int]] = {}
    for question_id, choice, n in session.execute(
        sa.select(CampaignAnswer.question_id, CampaignAnswer.choice, sa.func.count(CampaignAnswer.id))
        .join(CampaignQuestion, CampaignQuestion.id == CampaignAnswer.question_id)
        .where(CampaignQuestion.campaign_id == campaign.id, CampaignAnswer.choice.is_not(None))
        .group_by(CampaignAnswer.question_id, CampaignAnswer.choice)
    ):
        choice_counts.setdefault(question_id, {})[choice] = n
    questions = []
    for question in campaign.questions:
        entry: dict[str, Any] = {"id": question.id, "position": question.position, "text": question.text,
                                 "kind": question.kind}
        if question.kind == "choice":
            found = choice_counts.get(question.id, {})
            entry["counts"] = {option: found.get(option, 0) for option in question.options}
            entry["answered"] = sum(entry["counts"].values())
        else:
            texts = session.scalars(sa.select(CampaignAnswer.text).where(
                CampaignAnswer.question_id == question.id, CampaignAnswer.text.is_not(None))
                .order_by(CampaignAnswer.id.desc()).limit(200)).all()
            entry["texts"], entry["answered"] = list(texts), len(texts)
        questions.append(entry)
    # A paper form the desk entered was handed to the tenant: it counts as delivered.
    delivered = counts.get("sent", 0) + counts.get("paper", 0)
    return {
        "campaign_id": campaign.id, "title": campaign.title, "status": campaign.status,
        "recipients": recipients, "delivered": delivered, "failed": counts.get("failed", 0),
        "paper": counts.get("paper", 0),
        "responded": responded, "response_rate": round(responded / delivered, 3) if delivered else None,
        "questions": questions,
    }
