"""A staff member's manner found fault with is a complaint, whoever the staff member is: the
model hears 保洁阿姨态度 as praise (its praise texts share the title), not the verdict."""
import pytest

import nlp


@pytest.mark.parametrize("text", ["保洁阿姨态度很差", "保洁阿姨态度真差", "你们那个保洁阿姨态度太恶劣了",
                                  "保洁阿姨态度不好 叫她扫一下就甩脸色"])
def test_a_manner_found_fault_with_is_a_complaint(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("SVC-ATTI", "complaint"), result


@pytest.mark.parametrize("text", ["保洁阿姨态度很好", "你们那个保洁阿姨态度真好", "谢谢保洁阿姨 态度特别好"])
def test_a_manner_praised_stays_praise(text):
    result = nlp.classify(text)
    assert (result.code, result.intent) == ("SVC-ATTI", "praise"), result
