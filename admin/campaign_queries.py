"""What the questionnaire pages read: the compose form's question slots, the send form's
audience, each campaign's counts for the list, and who a campaign went to."""
from __future__ import annotations

import re
from typing import Any

import sqlalchemy as sa

from admin import forms
from models import Campaign, CampaignRecipient, Site, Tenant, Unit, db
from workflow.campaigns import MAX_QUESTIONS
from workflow.errors import ValidationError

STATUSES = {"draft": "草稿", "open": "收集中", "closed": "已结束"}
DELIVERIES = {None: "发送中", "sent": "已送达", "failed": "发送失败", "skipped": "未发送", "paper": "纸质问卷"}
AUDIENCES = {"site": "全部租户", "building": "楼栋", "units": "指定单元"}
OPEN_SLOTS = 3  # question slots shown open; the rest fold under 更多问题
_CODES = re.compile(r"[\s,，、;；]+")


def posted_questions() -> tuple[list[dict[str, Any]], list[int]]:
    """The filled question slots (q<n>_text, _kind, _options one per line, _required) in
    order, and the slot number of each, to mark the right slot when one is refused."""
    questions, slots = [], []
    for slot in range(1, MAX_QUESTIONS + 1):
        text = forms.text(f"q{slot}_text", 300)
        options = [line.strip() for line in forms.text(f"q{slot}_options", 2000).splitlines() if line.strip()]
        if not text and not options:
            continue
        questions.append({"text": text, "kind": forms.text(f"q{slot}_kind", 10) or "choice", "options": options,
                          "required": forms.checkbox(f"q{slot}_required")})
        slots.append(slot)
    return questions, slots


def slot_field(field: str | None, slots: list[int]) -> str | None:
    """The workflow names a refused question by its position among those filled
    (questions.<n>); the form names it by its slot."""
    if field and field.startswith("questions."):
        return f"q{slots[int(field.split('.', 1)[1]) - 1]}_text"
    return "q1_text" if field == "questions" else field


def posted_audience() -> dict[str, list[str]]:
    """The send form's audience as send_campaign's filters (the whole site: none)."""
    audience = forms.text("audience", 10)
    if audience not in AUDIENCES:
        raise ValidationError("请选择发送范围", field="audience")
    if audience == "building":
        building = forms.text("building", 20)
        if not building:
            raise ValidationError("请选择楼栋", field="building")
        return {"buildings": [building]}
    if audience == "units":
        codes = [c for c in _CODES.split(forms.text("units", 2000)) if c]
        if not codes:
            raise ValidationError("请填写物业编号", field="units")
        return {"unit_codes": codes}
    return {}


def audience_label(campaign: Campaign) -> str:
    chosen = campaign.audience or {}
    if chosen.get("buildings"):
        return "楼栋 " + "、".join(chosen["buildings"])
    if chosen.get("unit_codes"):
        return "单元 " + " ".join(chosen["unit_codes"])
    return "全部租户" if campaign.status != "draft" else ""


def campaign_counts(campaign_ids: list[int]) -> dict[int, dict[str, int]]:
    """Per campaign: recipients and how many answered."""
    rows = db.session.execute(
        sa.select(CampaignRecipient.campaign_id, sa.func.count(CampaignRecipient.id),
                  sa.func.count(CampaignRecipient.answered_at))
        .where(CampaignRecipient.campaign_id.in_(campaign_ids)).group_by(CampaignRecipient.campaign_id))
    return {cid: {"recipients": n, "responded": answered} for cid, n, answered in rows}


def site_campaigns(site: Site, limit: int = 100) -> list[Campaign]:
    return db.session.scalars(sa.select(Campaign).where(Campaign.site_id == site.id)
                              .order_by(Campaign.id.desc()).limit(limit)).all()


def recipients(campaign: Campaign) -> list[tuple[CampaignRecipient, Tenant, str | None]]:
    return db.session.execute(
        sa.select(CampaignRecipient, Tenant, Unit.code).join(Tenant, Tenant.id == CampaignRecipient.tenant_id)
        .outerjoin(Unit, Unit.id == Tenant.unit_id)
        .where(CampaignRecipient.campaign_id == campaign.id).order_by(Unit.code, CampaignRecipient.id)).all()

