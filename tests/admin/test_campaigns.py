"""问卷 at /admin/campaigns (seed §七(2)): composing with the refused field marked on its
own slot, sending to one building only, unknown units and a longer window refused, closing
early, and another site's questionnaire out of reach."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from models import Campaign, CampaignRecipient, Outbox, Tenant, Unit
from workflow.campaigns import create_campaign

CHOICE = {"q1_text": "您对本月的保洁服务是否满意？", "q1_kind": "choice", "q1_options": "满意\n一般\n不满意",
          "q1_required": "1"}


def buildings(team, session):
    """Two followers in building A, one in B, and a tenant of record in A without WeChat."""
    units = {code: Unit(site_id=team.site.id, code=code, building=code[0], kind="office")
             for code in ("A-101", "A-102", "B-201")}
    session.add_all(units.values())
    session.flush()
    tenants = {
        "a1": Tenant(site_id=team.site.id, openid="o-a1", name="刘芳", unit_id=units["A-101"].id),
        "a2": Tenant(site_id=team.site.id, openid="o-a2", name="赵磊", unit_id=units["A-102"].id),
        "b": Tenant(site_id=team.site.id, openid="o-b", name="钱多", unit_id=units["B-201"].id),
        "paper": Tenant(site_id=team.site.id, name="孙丽", unit_id=units["A-102"].id),
    }
    session.add_all(tenants.values())
    session.commit()
    return tenants


def test_compose_marks_the_refused_question_on_its_own_slot_7_2(team, console, session):
    """§七(2): a questionnaire needs questions that can be answered; the error names the slot."""
    console.login("desk")
    page = console.get("/admin/campaigns").get_data(as_text=True)
    assert "还没有问卷" in page and 'name="q10_text"' in page
    no_title = console.post("/admin/campaigns", {"site": "lehui", "title": "", **CHOICE})
    assert no_title.status_code == 400 and 'id="campaign-title"' in no_title.get_data(as_text=True)
    assert "请填写问卷标题" in no_title.get_data(as_text=True)
    # slot 1 left blank, slot 3 a choice with one option: refused on slot 3, not on "question 2"
    one_option = console.post("/admin/campaigns", {"site": "lehui", "title": "保洁调查", "q2_text": "有什么建议？",
                                                   "q2_kind": "text", "q3_text": "满意吗？", "q3_kind": "choice",
                                                   "q3_options": "满意"})
    html = one_option.get_data(as_text=True)
    assert one_option.status_code == 400 and "第2题：单选题至少需要两个选项" in html
    assert 'id="campaign-q3_text" type="text" name="q3_text"\n       value="满意吗？"' in html
    assert 'class="invalid" aria-invalid="true"' in html.split('id="campaign-q3_text"', 1)[1][:200]
    assert session.scalar(sa.select(sa.func.count(Campaign.id))) == 0
    nothing = console.post("/admin/campaigns", {"site": "lehui", "title": "空问卷"})
    assert nothing.status_code == 400 and "请至少添加一个问题" in nothing.get_data(as_text=True)

    saved = console.post("/admin/campaigns", {"site": "lehui", "title": "保洁调查", **CHOICE,
                                              "q2_text": "您还有什么建议？", "q2_kind": "text"})
    assert saved.status_code == 302
    campaign = session.scalar(sa.select(Campaign))
    assert saved.headers["Location"].endswith(f"/admin/campaigns/{campaign.id}")
    assert [(q.text, q.kind, q.options, q.required) for q in campaign.questions] == [
        ("您对本月的保洁服务是否满意？", "choice", ["满意", "一般", "不满意"], True),
        ("您还有什么建议？", "text", [], False)]
    assert campaign.status == "draft" and campaign.created_by_id == team.desk.id


def test_send_to_one_building_then_close_early_7_2(team, console, session):
    """§七(2): the questionnaire goes to the chosen building's followers only, collected
    within 24 hours; the desk may end the collection before that."""
    tenants = buildings(team, session)
    campaign = create_campaign(session, team.site, team.desk, title="A栋满意度",
                               questions=[{"text": "满意吗？", "kind": "choice", "options": ["满意", "不满意"]}])
    session.commit()
    console.login("desk")
    url = f"/admin/campaigns/{campaign.id}"
    draft = console.get(url).get_data(as_text=True)
    assert '<option value="A" >A</option>' in draft and '<option value="B" >B</option>' in draft
    no_building = console.post(f"{url}/send", {"audience": "building", "building": "", "hours": "24"})
    assert no_building.status_code == 400 and "请选择楼栋" in no_building.get_data(as_text=True)
    unknown = console.post(f"{url}/send", {"audience": "units", "units": "A-101 Z-999", "hours": "24"})
    assert unknown.status_code == 400 and "没有这些单元：Z-999" in unknown.get_data(as_text=True)
    too_long = console.post(f"{url}/send", {"audience": "site", "hours": "48"})
    assert too_long.status_code == 400 and "24小时之内收回" in too_long.get_data(as_text=True)
    bad_hours = console.post(f"{url}/send", {"audience": "site", "hours": "一天"})
    assert bad_hours.status_code == 400 and "收集时间不正确" in bad_hours.get_data(as_text=True)
    assert session.scalar(sa.select(sa.func.count(CampaignRecipient.id))) == 0

    sent = console.post(f"{url}/send", {"audience": "building", "building": "A", "hours": "24"})
    assert sent.status_code == 302
    session.expire_all()
    reached = set(session.scalars(sa.select(CampaignRecipient.tenant_id)))
    assert reached == {tenants["a1"].id, tenants["a2"].id}  # not B, not the tenant without WeChat
    assert session.scalar(sa.select(sa.func.count(Outbox.id)).where(Outbox.kind == "send_questionnaire")) == 2
    page = console.get(url).get_data(as_text=True)
    assert "收集中" in page and "楼栋 A" in page and 'id="count-recipients">2<' in page
    assert 'id="close-campaign"' in page and "自动结束收集" in page
    assert console.post(f"{url}/send", {"audience": "site", "hours": "24"}).status_code == 400  # sent once only

    assert console.post(f"{url}/close", {}).status_code == 302
    session.expire_all()
    assert session.get(Campaign, campaign.id).status == "closed"
    again = console.post(f"{url}/close", {})
    assert again.status_code == 400 and "只有正在收集的问卷可以结束" in again.get_data(as_text=True)
    listed = console.get("/admin/campaigns").get_data(as_text=True)
    assert "A栋满意度" in listed and "已结束" in listed


def test_another_sites_questionnaire_is_out_of_reach(team, console, session, make):
    other = make.site("gongshe", "园区共舍物业服务中心", "GS")
    campaign = create_campaign(session, other, team.admin, title="共舍问卷",
                               questions=[{"text": "建议？", "kind": "text"}])
    session.commit()
    console.login("desk")
    assert console.get(f"/admin/campaigns/{campaign.id}").status_code == 403
    assert console.post(f"/admin/campaigns/{campaign.id}/send", {"audience": "site", "hours": "24"}).status_code == 403
    assert console.get("/admin/campaigns?site=gongshe").status_code == 403
    assert console.get("/admin/campaigns/999999").status_code == 404


def test_a_draft_can_be_deleted_a_sent_questionnaire_cannot(team, console, session):
    buildings(team, session)
    draft = create_campaign(session, team.site, team.desk, title="写错了的问卷",
                            questions=[{"text": "建议？", "kind": "text"}])
    session.commit()
    console.login("desk")
    assert console.post(f"/admin/campaigns/{draft.id}/delete", {}).status_code == 302
    assert session.scalar(sa.select(sa.func.count(Campaign.id))) == 0
    listed = console.get("/admin/campaigns").get_data(as_text=True)
    assert "问卷草稿「写错了的问卷」已删除" in listed and "data-campaign=" not in listed
    sent = create_campaign(session, team.site, team.desk, title="已发送的问卷",
                           questions=[{"text": "建议？", "kind": "text"}])
    session.commit()
    assert console.post(f"/admin/campaigns/{sent.id}/send", {"audience": "site", "hours": "24"}).status_code == 302
    refused = console.post(f"/admin/campaigns/{sent.id}/delete", {})
    assert refused.status_code == 400 and "已发送的问卷不能删除" in refused.get_data(as_text=True)
    assert session.get(Campaign, sent.id) is not None


def test_a_send_posted_twice_at_once_sends_once_7_2(team, console, session):
    """The second of two simultaneous posts finds the questionnaire already sent (the
    first committed while it was checking): refused, and nobody is invited twice."""
    from models import db
    from workflow.campaigns import send_campaign
    from workflow.errors import ValidationError

    buildings(team, session)
    campaign = create_campaign(session, team.site, team.desk, title="A栋满意度",
                               questions=[{"text": "建议？", "kind": "text"}])
    session.commit()
    assert campaign.status == "draft"  # what the second post read
    with db.engine.begin() as other:  # the first post, committed meanwhile
        other.execute(sa.update(Campaign).where(Campaign.id == campaign.id).values(status="open"))
    with pytest.raises(ValidationError, match="该问卷已发送"):
        send_campaign(session, campaign, team.desk)
    session.rollback()
    assert session.scalar(sa.select(sa.func.count(CampaignRecipient.id))) == 0
