"""Field work on the real database and a real media folder: arrival, photos before and
after, the 回执 signed on the engineer's screen or confirmed otherwise."""
from __future__ import annotations

import struct
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

import workflow
from models import Status, TicketEvent, TicketFile, utcnow
from tests.images import canvas_png, jpeg
from workflow.fieldwork import signature
from workflow.machine import clock_at
from workflow.media import MAX_UPLOAD_BYTES, png_has_ink


@pytest.fixture
def media(tmp_path) -> Path:
    return tmp_path / "instance"


def stored(media: Path) -> list[Path]:
    return sorted(p for p in media.rglob("*") if p.is_file()) if media.exists() else []


def test_arrival_is_one_tap_that_starts_the_job(desk, session):
    registered = utcnow()
    with clock_at(registered):
        ticket = desk.ticket(Status.DISPATCHED, urgent=True, code="ENG-PLUMB")
    with clock_at(registered + timedelta(minutes=18)):
        order = workflow.arrive(session, ticket, desk.engineer)
    session.commit()
    assert (order.arrived_at, order.arrived_by_id) == (registered + timedelta(minutes=18), desk.engineer.id)
    assert ticket.status == Status.IN_PROGRESS and order.started_at == order.arrived_at
    assert ticket.first_response_at == order.arrived_at
    event = ticket.events[-1]
    assert (event.action, event.from_status, event.to_status, event.data) == (
        "arrive", "dispatched", "in_progress", {"minutes": 18})

    with pytest.raises(workflow.ValidationError) as twice:
        workflow.arrive(session, ticket, desk.engineer)
    assert twice.value.field == "arrive"
    session.rollback()
    assert [e.action for e in ticket.events].count("arrive") == 1


def test_arrival_after_starting_keeps_the_start(desk, session):
    started = utcnow() - timedelta(minutes=40)
    with clock_at(started):
        ticket = desk.ticket(Status.IN_PROGRESS)
    order = workflow.arrive(session, ticket, desk.engineer)
    assert ticket.status == Status.IN_PROGRESS and order.started_at == started
    assert order.arrived_at > started and ticket.first_response_at == started


def test_arrival_needs_his_department_and_an_open_job(desk, session, make):
    ticket = desk.ticket(Status.DISPATCHED)
    cleaner = make.staff(desk.engineer.role, "保洁部")
    session.commit()
    with pytest.raises(workflow.PermissionDenied):
        workflow.arrive(session, ticket, cleaner)
    for status in (Status.NEW, Status.QUOTED, Status.COMPLETED, Status.CLOSED):
        with pytest.raises(workflow.InvalidTransition):
            workflow.arrive(session, desk.ticket(status), desk.engineer)
    session.rollback()
    assert ticket.status == Status.DISPATCHED and ticket.active_dispatch.arrived_at is None


def test_photos_before_and_after_are_kept_and_on_the_timeline(desk, session, media):
    ticket = desk.ticket(Status.IN_PROGRESS)
    before = workflow.add_photo(session, ticket, desk.engineer, stage="before", content=jpeg(), media_root=str(media))
    after = workflow.add_photo(session, ticket, desk.engineer, stage="after", content=jpeg(4096),
                               media_root=str(media))
    session.commit()
    assert [(f.kind, f.mimetype, f.size, f.staff_id) for f in (before, after)] == [
        ("before", "image/jpeg", 2048, desk.engineer.id), ("after", "image/jpeg", 4096, desk.engineer.id)]
    assert (media / before.path).read_bytes() == jpeg() and before.path.startswith(f"media/{ticket.site_id}/")
    assert before.dispatch_order_id == ticket.active_dispatch.id
    photos = [e for e in ticket.events if e.action == "photo"]
    assert [e.data for e in photos] == [{"stage": "before", "file_id": before.id},
                                        {"stage": "after", "file_id": after.id}]
    assert ticket.status == Status.IN_PROGRESS


@pytest.mark.parametrize(("stage", "content", "field"), [
    ("before", b"", "photo"),
    ("before", b"<html>not a photo</html>" * 10, "photo"),
    ("before", b"GIF89a" + b"\x00" * 100, "photo"),  # a GIF is an image, not a camera photo
    ("before", jpeg(MAX_UPLOAD_BYTES + 1), "photo"),
    ("during", jpeg(), "stage"),
])
def test_a_bad_photo_names_the_field_and_writes_nothing(stage, content, field, desk, session, media):
    ticket = desk.ticket(Status.IN_PROGRESS)
    session.commit()
    with pytest.raises(workflow.ValidationError) as refused:
        workflow.add_photo(session, ticket, desk.engineer, stage=stage, content=content, media_root=str(media))
    assert refused.value.field == field
    session.rollback()
    assert stored(media) == [] and session.scalar(sa.select(sa.func.count(TicketFile.id))) == 0


def test_a_refused_photo_writes_no_file(desk, session, media, make):
    done = desk.ticket(Status.COMPLETED)
    with pytest.raises(workflow.InvalidTransition):
        workflow.add_photo(session, done, desk.engineer, stage="after", content=jpeg(), media_root=str(media))
    cleaner = make.staff(desk.engineer.role, "保洁部")
    with pytest.raises(workflow.PermissionDenied):
        workflow.add_photo(session, desk.ticket(Status.IN_PROGRESS), cleaner, stage="after", content=jpeg(),
                           media_root=str(media))
    assert stored(media) == []


def test_the_tenant_signs_the_receipt_on_the_engineers_screen(desk, session, media):
    ticket = desk.ticket(Status.COMPLETED)
    moment = utcnow().replace(microsecond=0)
    png = canvas_png(ink=((3, 4), (4, 4), (5, 5)))
    with clock_at(moment):
        workflow.sign_receipt(session, ticket, desk.engineer, signer=" 王建国 ", png=png, media_root=str(media))
    session.commit()
    assert ticket.receipt_confirmed and ticket.dispatch_orders[-1].receipt_confirmed
    assert (ticket.receipt_confirmed_by, ticket.receipt_confirmed_at, ticket.receipt_method) == (
        "王建国", moment, "signature")
    signed = signature(session, ticket)
    assert (signed.kind, signed.signer, signed.mimetype, signed.created_at) == ("signature", "王建国", "image/png", moment)
    assert (media / signed.path).read_bytes() == png
    event = ticket.events[-1]
    assert (event.action, event.actor_id, event.data) == (
        "confirm_receipt", desk.engineer.id, {"receipt": "signature", "signer": "王建国", "file_id": signed.id})


@pytest.mark.parametrize(("signer", "png", "field"), [
    ("", canvas_png(ink=((1, 1),)), "signer"),
    ("王建国", canvas_png(), "signature"),  # nothing drawn
    ("王建国", canvas_png(row_filter=4), "signature"),  # nothing drawn, rows Paeth-filtered
    ("王建国", canvas_png(ink=((1, 1),), colour_type=2), "signature"),  # not a canvas export
    ("王建国", jpeg(), "signature"),
    ("王建国", canvas_png(ink=((1, 1),))[:60], "signature"),  # cut off
])
def test_a_bad_signature_names_the_field_and_writes_nothing(signer, png, field, desk, session, media):
    ticket = desk.ticket(Status.COMPLETED)
    session.commit()
    with pytest.raises(workflow.ValidationError) as refused:
        workflow.sign_receipt(session, ticket, desk.engineer, signer=signer, png=png, media_root=str(media))
    assert refused.value.field == field
    session.rollback()
    assert stored(media) == [] and not ticket.receipt_confirmed


def test_no_signature_before_completion_or_twice(desk, session, media):
    png = canvas_png(ink=((1, 1),))
    with pytest.raises(workflow.InvalidTransition):
        workflow.sign_receipt(session, desk.ticket(Status.IN_PROGRESS), desk.engineer, signer="王建国", png=png,
                              media_root=str(media))
    assert stored(media) == []
    done = desk.ticket(Status.COMPLETED)
    workflow.confirm_receipt(session, done, None)
    with pytest.raises(workflow.ValidationError) as twice:
        workflow.sign_receipt(session, done, desk.engineer, signer="王建国", png=png, media_root=str(media))
    assert twice.value.field == "receipt" and stored(media) == []


def test_wechat_and_desk_confirmations_record_who_when_how(desk, session):
    by_chat, by_desk = desk.ticket(Status.COMPLETED), desk.ticket(Status.COMPLETED, complainant="刘芳")
    moment = utcnow().replace(microsecond=0)
    with clock_at(moment):
        workflow.confirm_receipt(session, by_chat, None)
        workflow.confirm_receipt(session, by_desk, desk.desk)
    session.commit()
    assert (by_chat.receipt_confirmed_by, by_chat.receipt_confirmed_at, by_chat.receipt_method) == (
        "王建国", moment, "wechat")
    assert (by_desk.receipt_confirmed_by, by_desk.receipt_method) == ("刘芳", "staff")
    chat_event = session.scalars(sa.select(TicketEvent).where(TicketEvent.ticket_id == by_chat.id)
                                 .order_by(TicketEvent.id.desc())).first()
    assert (chat_event.actor_label, chat_event.data) == ("租户", {"receipt": "wechat", "signer": "王建国"})


def test_ink_is_found_whatever_the_row_filters():
    assert not png_has_ink(canvas_png(200, 100))
    assert not png_has_ink(canvas_png(200, 100, row_filter=1))
    assert png_has_ink(canvas_png(200, 100, ink=((199, 99),)))  # the last pixel of the last row
    assert png_has_ink(canvas_png(200, 100, ink=((0, 0),), row_filter=2))
    with pytest.raises(ValueError):
        png_has_ink(canvas_png(ink=((1, 1),), colour_type=2))
    small = canvas_png(ink=((1, 1),))
    with pytest.raises(ValueError):  # more pixels than any phone's pad: not decompressed at all
        png_has_ink(small[:16] + struct.pack(">II", 3000, 3000) + small[24:])
