"""The engineer's phone through the test client: 我的任务 (what is in it and in what
order), where each role lands, the action at hand for each state, and bad photos or
signatures answered with a form error or a 4xx, never a 500."""
from __future__ import annotations

import base64
import io
import re
from datetime import timedelta

import pytest
import sqlalchemy as sa

import workflow
from admin.ticket_queries import primary_action
from models import Role, Status, TicketFile, utcnow
from tests.images import canvas_png, jpeg
from workflow.machine import allowed_actions, clock_at


def _tasks(console) -> list[int]:
    page = console.get("/admin/tasks").get_data(as_text=True)
    return [int(n) for n in re.findall(r'<li class="card task[^"]*" data-ticket="(\d+)"', page)]


def test_my_tasks_are_his_and_his_departments_unassigned_ones_urgent_first(team, make, session, console):
    now = utcnow()
    colleague = make.staff(Role.ENGINEER, "工程部", username="colleague")
    cleaner = make.staff(Role.ENGINEER, "保洁部", username="cleaner")
    other_site = make.site("gongshe", "园区共舍物业服务中心", "GS")

    def job(due_minutes, *, urgent=False, assignee=None, code="ENG-HVAC", site=None):
        t = team.ticket(Status.NEW, urgent=urgent, code=code, site=site, tenant=None if site else team.tenant)
        workflow.dispatch(session, t, team.admin if site else team.desk, assignee=assignee,
                          due_at=now + timedelta(minutes=due_minutes))
        return t

    with clock_at(now - timedelta(minutes=5)):
        later_mine = job(300, assignee=team.engineer)
        sooner_department = job(90)
        urgent_department = job(25, urgent=True)
        urgent_mine = job(120, urgent=True, assignee=team.engineer)  # later than the next, still before it
        job(10, assignee=colleague)  # a colleague's
        job(10, code="ENV-CLEAN")  # cleaning's
        job(10, site=other_site)  # another site's
        done = job(20, assignee=team.engineer)
    workflow.complete(session, done, team.engineer, work_done="已修", site_cleaned=True)
    session.commit()

    console.login("engineer")
    assert _tasks(console) == [urgent_department.id, urgent_mine.id, sooner_department.id, later_mine.id]
    console.login("cleaner")
    assert len(_tasks(console)) == 1
    assert cleaner.department.name == "保洁部"


def test_engineers_land_on_their_tasks_and_the_desk_on_the_queue(team, console):
    assert console.login("engineer").headers["Location"] == "/admin/tasks"
    assert console.get("/admin/").headers["Location"] == "/admin/tasks"
    assert "我的任务" in console.get("/admin/tickets").get_data(as_text=True)
    console.login("desk")
    assert console.get("/admin/").headers["Location"] == "/admin/tickets"
    assert "我的任务" not in console.get("/admin/tickets").get_data(as_text=True)
    assert console.get("/admin/tasks").status_code == 403


ENGINEER_NEXT = {Status.NEW: None, Status.DISPATCHED: "arrive", Status.IN_PROGRESS: "arrive",
                 Status.QUOTED: None, Status.COMPLETED: "receipt", Status.CLOSED: None,
                 Status.REOPENED: None}
DESK_NEXT = {Status.NEW: "dispatch", Status.DISPATCHED: None, Status.IN_PROGRESS: None,
             Status.QUOTED: "accept_quote", Status.COMPLETED: "close", Status.CLOSED: None,
             Status.REOPENED: "dispatch"}


@pytest.mark.parametrize("status", list(Status))
def test_the_action_at_hand_follows_the_state_and_the_role(status, team, session):
    ticket = team.ticket(status)
    session.commit()
    for staff, expected in ((team.engineer, ENGINEER_NEXT[status]), (team.desk, DESK_NEXT[status])):
        allowed = {a.name for a in allowed_actions(ticket, staff)}
        action = primary_action(ticket, staff, allowed, "/receipt")
        assert (action.name if action else None) == expected, (staff.role, status)


def test_the_action_at_hand_moves_on_as_the_job_does(team, session):
    ticket = team.ticket(Status.DISPATCHED)
    workflow.arrive(session, ticket, team.engineer)
    names = lambda who: {a.name for a in allowed_actions(ticket, who)}  # noqa: E731
    assert primary_action(ticket, team.engineer, names(team.engineer), "/r").name == "complete"
    paid = team.ticket(Status.COMPLETED, paid=True)
    assert primary_action(paid, team.desk, {a.name for a in allowed_actions(paid, team.desk)}, "/r").name == \
        "record_payment"
    workflow.confirm_receipt(session, paid, None)
    assert primary_action(paid, team.engineer, {a.name for a in allowed_actions(paid, team.engineer)}, "/r") is None


def test_the_ticket_page_offers_the_action_at_hand(team, session, console):
    ticket = team.ticket(Status.DISPATCHED)
    session.commit()
    console.login("engineer")
    page = console.get(f"/admin/tickets/{ticket.id}").get_data(as_text=True)
    assert 'data-primary="arrive"' in page and f"/admin/tickets/{ticket.id}/actions/arrive" in page


def _signature(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode()


@pytest.mark.parametrize(("form", "message"), [
    ({"signer": "王建国"}, "请租户在签名框内签名"),
    ({"signer": "王建国", "signature": "data:image/png;base64,@@@"}, "租户在签名框内签名无效"),
    ({"signer": "王建国", "signature": _signature(canvas_png())}, "请租户在签名框内签名"),
    ({"signer": "", "signature": _signature(canvas_png(ink=((1, 1),)))}, "请租户写下姓名"),
])
def test_a_bad_signature_is_a_form_error(form, message, team, session, console):
    ticket = team.ticket(Status.COMPLETED)
    session.commit()
    console.login("engineer")
    response = console.post(f"/admin/tickets/{ticket.id}/receipt", form)
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert 'aria-invalid="true"' in response.get_data(as_text=True) or "signature-pad invalid" in \
        response.get_data(as_text=True)
    session.expire_all()
    assert not ticket.receipt_confirmed


def test_signing_twice_is_refused_and_an_open_job_has_no_pad(team, session, console):
    done, open_job = team.ticket(Status.COMPLETED), team.ticket(Status.IN_PROGRESS)
    session.commit()
    console.login("engineer")
    assert "signature-pad" not in console.get(f"/admin/tickets/{open_job.id}/receipt").get_data(as_text=True)
    good = {"signer": "王建国", "signature": _signature(canvas_png(ink=((1, 1),)))}
    assert console.post(f"/admin/tickets/{open_job.id}/receipt", good).status_code == 409
    assert console.post(f"/admin/tickets/{done.id}/receipt", good).status_code == 302
    again = console.post(f"/admin/tickets/{done.id}/receipt", good)
    assert again.status_code == 400 and "回执已确认" in again.get_data(as_text=True)
    assert session.scalar(sa.select(sa.func.count(TicketFile.id))) == 1


@pytest.mark.parametrize(("upload", "status", "message"), [
    ((io.BytesIO(b"<svg onload=alert(1)>" * 20), "photo.jpg"), 400, "只能上传 JPEG、PNG 或 WebP 格式的照片"),
    ((io.BytesIO(jpeg(1600 * 1024)), "big.jpg"), 400, "照片过大"),
    ((io.BytesIO(jpeg(3 * 1024 * 1024)), "huge.jpg"), 413, "上传的内容过大"),
    (None, 400, "请拍摄或选择一张照片"),
])
def test_a_bad_photo_is_a_clear_4xx(upload, status, message, team, session, console):
    ticket = team.ticket(Status.IN_PROGRESS)
    session.commit()
    console.login("engineer")
    form = {"stage": "before", **({"photo": upload} if upload else {})}
    response = console.post(f"/admin/tickets/{ticket.id}/actions/photo", form, content_type="multipart/form-data")
    assert response.status_code == status and message in response.get_data(as_text=True)
    assert session.scalar(sa.select(sa.func.count(TicketFile.id))) == 0


def test_files_are_served_only_for_their_ticket_and_to_staff_who_may_see_it(team, make, session, console, app):
    ticket, other = team.ticket(Status.IN_PROGRESS), team.ticket(Status.IN_PROGRESS)
    kept = workflow.add_photo(session, ticket, team.engineer, stage="before", content=jpeg(),
                              media_root=app.config["INSTANCE_PATH"])
    make.staff(Role.ENGINEER, "保洁部", username="cleaner")
    session.commit()
    console.login("engineer")
    served = console.get(f"/admin/tickets/{ticket.id}/files/{kept.id}")
    assert served.status_code == 200 and served.mimetype == "image/jpeg" and served.data == jpeg()
    assert console.get(f"/admin/tickets/{other.id}/files/{kept.id}").status_code == 404
    console.login("cleaner")
    assert console.get(f"/admin/tickets/{ticket.id}/files/{kept.id}").status_code == 403
    console.open("/admin/logout", "POST", data={"csrf_token": console.token})
    assert console.get(f"/admin/tickets/{ticket.id}/files/{kept.id}").status_code == 302
