"""A guard who only watches tenants (坐在门口瞅着我们搬东西) is a complaint about manner,
SVC-ATTI: the model hears 保安 and a watcher as security trouble, and its urgency alone does
not stand where the rules read a manner complaint with no danger in it. Staff in a danger
(a fight, a theft) stays urgent."""

import nlp


def test_a_guard_watching_tenants_is_not_urgent():
    result = nlp.classify("保安坐在门口瞅着我们搬东西")
    assert (result.code, result.urgent) == ("SVC-ATTI", False), result


def test_a_guard_in_a_fight_stays_urgent():
    result = nlp.classify("保安在门口跟人打起来了")
    assert (result.code, result.urgent) == ("SEC-SAFE", True), result
