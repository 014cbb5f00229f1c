"""An upset tenant whose anger is in contempt, a manager demanded or a threat to leave (issue 17)
gets the sympathy line first, the supervisor flagged and the complaint registered at once;
a polite report waits for who the tenant is."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from models import Outbox
from tests.bot.conftest import tickets
from workflow.phrasebook import phrase


@pytest.mark.parametrize(
    ("said", "code"),
    [
        ("你们物业太差劲了 楼道灯坏了一个礼拜没人修 我要找你们经理", "SVC-SLOW"),
        ("天天跳闸 店里的货都没法卖 下个月我们就退租", "ENG-ELEC"),
    ],
)
def test_an_upset_tenant_is_apologised_to_and_the_supervisor_flagged(wechat, session, site, said, code):
    reply = wechat.say("o-temper", said)
    assert reply.splitlines()[:2] == [phrase("sympathy"), phrase("escalate")]
    [ticket] = tickets(session)
    assert (ticket.code, ticket.intent, ticket.emotion, ticket.supervisor_flag) == (code, "complaint", "upset", True)
    kinds = [o.payload.get("to") for o in session.scalars(sa.select(Outbox).where(Outbox.kind == "notify_staff"))]
    assert "supervisors" in kinds


def test_a_polite_report_waits_for_who_the_tenant_is(wechat, session, site):
    reply = wechat.say("o-polite", "麻烦你们管一下 楼道的灯不亮了")
    assert phrase("sympathy") not in reply and not tickets(session)
