"""Keyword rules per code (and for intent, urgency, emotion) with a test box, and the
classifier's accuracy on the corrections staff made. Rows are KeywordRule; nlp picks them
up on the next classification (workflow.classification.sync_rules)."""
from __future__ import annotations

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, request, url_for

from admin import bp, forms
from admin.access import ADMIN_ONLY, current_staff, require
from admin.forms import FormState
from admin.rules_queries import accuracy, shipped_keywords, targets
from models import ComplaintCode, KeywordRule, db
from workflow.classification import classify, rules_changed
from workflow.errors import ValidationError

KIND_LABELS = {"code": "投诉代码", "intent": "诉求类型", "urgent": "急修", "emotion": "情绪激动"}


def _selection() -> tuple[str, str]:
    kind = request.values.get("kind") or "code"
    if kind not in KIND_LABELS:
        abort(404)
    options = targets(db.session, kind)
    target = request.values.get("target") or next(iter(options))
    if target not in options:
        abort(404)
    return kind, target


def _render(state: FormState | None = None, status: int = 200):
    kind, target = _selection()
    rows = db.session.scalars(sa.select(KeywordRule).where(KeywordRule.kind == kind, KeywordRule.target == target)
                              .order_by(KeywordRule.keyword)).all()
    sample = (request.args.get("test") or "").strip()[:500]
    result = classify(db.session, sample) if sample else None
    code_names = {c.code: c.name for c in db.session.scalars(sa.select(ComplaintCode))}
    return render_template(
        "admin/rules.html", kind=kind, target=target, kinds=KIND_LABELS, options=targets(db.session, kind),
        rules=rows, shipped=shipped_keywords(kind, target), sample=sample, result=result, code_names=code_names,
        report=accuracy(db.session), state=state or FormState(),
    ), status


@bp.get("/rules")
@require(ADMIN_ONLY)
def rules():
    return _render()


def _weight() -> float:
    raw = forms.text("weight", 10) or "1"
    try:
        weight = float(raw)
    except ValueError:
        raise ValidationError("权重须为数字", field="weight") from None
    if not -10 <= weight <= 10:
        raise ValidationError("权重须在-10到10之间（0表示停用该词）", field="weight")
    return weight


@bp.post("/rules")
@require(ADMIN_ONLY)
def add_rule():
    kind, target = _selection()
    try:
        keyword = forms.text("keyword", 40)
        if not keyword:
            raise ValidationError("请填写关键词", field="keyword")
        weight = _weight()
    except ValidationError as exc:
        return _render(FormState.refused("rule", exc), 400)
    row = db.session.scalar(sa.select(KeywordRule).where(
        KeywordRule.kind == kind, KeywordRule.keyword == keyword, KeywordRule.target == target))
    if row is None:
        row = KeywordRule(kind=kind, keyword=keyword, target=target)
        db.session.add(row)
    row.weight, row.active, row.updated_by_id = weight, True, current_staff().id
    db.session.commit()
    rules_changed()
    flash(f"已保存关键词「{keyword}」", "success")
    return redirect(url_for("admin.rules", kind=kind, target=target))


@bp.post("/rules/<int:rule_id>")
@require(ADMIN_ONLY)
def change_rule(rule_id: int):
    row = db.session.get(KeywordRule, rule_id)
    if row is None:
        abort(404)
    op = request.form.get("op")
    if op == "delete":
        db.session.delete(row)
        flash(f"已删除关键词「{row.keyword}」", "success")
    elif op == "toggle":
        row.active = not row.active
        row.updated_by_id = current_staff().id
        flash(f"已{'启用' if row.active else '停用'}关键词「{row.keyword}」", "success")
    else:
        abort(400)
    db.session.commit()
    rules_changed()
    return redirect(url_for("admin.rules", kind=row.kind, target=row.target))
