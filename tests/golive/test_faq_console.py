"""问答 at /admin/faq: the desk adds, edits and switches entries; the questions handed to a
person most often are listed, alike ones counted together, to add next."""
from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from models import AskedQuestion, FaqEntry, utcnow


def asked(session, site, text, days_ago=1, entry_id=None):
    session.add(AskedQuestion(site_id=site.id, text=text, entry_id=entry_id, created_at=utcnow() - timedelta(days_ago)))


def test_the_desk_adds_edits_and_switches_off_an_entry(team, console, session):
    console.login("desk")
    added = console.post("/admin/faq", {"site": "lehui", "question": "快递可以放前台代收吗",
                                        "phrasings": "前台能代收快递吗\n\n快递放哪里\n前台能代收快递吗",
                                        "answer": "可以，前台代收。", "active": "1"})
    assert added.status_code == 302
    entry = session.scalar(sa.select(FaqEntry))
    assert (entry.site_id, entry.phrasings, entry.active) == (team.site.id, ["前台能代收快递吗", "快递放哪里"], True)
    for form, field, message in (({"question": "", "answer": "x"}, "question", "请填写问题"),
                                 ({"question": "停车", "answer": ""}, "answer", "请填写答复"),
                                 ({"question": "停车", "answer": "长" * 601}, "answer", "答复不能超过600字"),
                                 ({"question": "？？", "answer": "x"}, "phrasings", "须含有文字")):
        refused = console.post("/admin/faq", {"site": "lehui", "active": "1", **form})
        page = refused.get_data(as_text=True)
        assert refused.status_code == 400 and message in page and f'id="faq-{field}"' in page, form
    edited = console.post(f"/admin/faq/{entry.id}", {"question": "快递可以代收吗", "phrasings": "", "answer": "可以。",
                                                     "active": "1"})
    assert edited.status_code == 302
    assert console.post(f"/admin/faq/{entry.id}/toggle").status_code == 302
    session.expire_all()
    entry = session.get(FaqEntry, entry.id)
    assert (entry.question, entry.phrasings, entry.answer, entry.active) == ("快递可以代收吗", [], "可以。", False)
    assert session.scalar(sa.select(sa.func.count(FaqEntry.id))) == 1
    console.login("engineer")
    assert console.get("/admin/faq").status_code == 403


def test_the_most_frequent_unanswered_questions_come_first(team, console, session):
    parking = FaqEntry(site_id=team.site.id, question="停车怎么收费", answer="首小时免费。", active=True)
    session.add(parking)
    session.flush()
    for text in ("周六上班吗", "请问周六上班吗？", "周六上不上班", "装修要办什么手续"):
        asked(session, team.site, text)
    asked(session, team.site, "停车怎么收费呢", days_ago=2)  # asked before the entry existed
    asked(session, team.site, "停车怎么收费", entry_id=parking.id)  # answered: not listed
    asked(session, team.site, "去年的问题", days_ago=200)  # too long ago
    session.commit()
    console.login("desk")
    page = console.get("/admin/faq").get_data(as_text=True)
    listed = page[page.index('id="unanswered"'):]
    assert listed.index("周六") < listed.index("装修要办什么手续") < listed.index("停车怎么收费呢")
    assert 'data-count="3"' in listed and "已有问答" in listed and "去年的问题" not in listed
    assert "/admin/faq?site=lehui&amp;ask=" in listed
    prefilled = console.get("/admin/faq?ask=装修要办什么手续").get_data(as_text=True)
    assert 'name="question"\n       value="装修要办什么手续"' in prefilled
