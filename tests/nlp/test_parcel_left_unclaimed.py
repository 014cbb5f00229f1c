"""A parcel left where nobody collects it (快递放了三天没人拿) is a thing left unclaimed,
security's to check as 行李箱放了一上午没人认领 is, not a slow repair (没人 is nobody taking
it, not nobody handling a report) (issue 17)."""

import nlp


def test_a_parcel_nobody_collects_is_a_thing_left_unclaimed():
    result = nlp.classify("快递放了三天没人拿")
    assert (result.code, result.intent) == ("SEC-SAFE", "complaint"), result


def test_my_own_parcel_kept_at_the_desk_is_the_desks():
    assert nlp.classify("我的快递在前台放了三天 你们也不通知我").code.startswith("SVC")
